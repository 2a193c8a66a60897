"""Regression tests for the last round: relative-clause days and former office holders."""

from __future__ import annotations

from annotatehelp import make_doc

from communique.annotate import annotate


def _frame(text: str, **kw: str):  # type: ignore[no-untyped-def]
    return annotate(make_doc(text, **kw)).frame


def test_a_day_in_a_relative_clause_after_the_trigger_is_not_the_event_s() -> None:
    fr = _frame(
        "President Ana Soto of Chile was received on Friday by President Luis Vera of Peru in Lima, for the "
        "central meeting of a tour that began in Cusco, where on Thursday she opened a museum.",
        published="2023-04-14",
    )
    assert fr.type == "meeting" and str(fr.date) == "2023-04-14"


def test_a_former_office_holder_is_no_principal() -> None:
    fr = _frame(
        "President Ana Soto of Chile met President Luis Vera of Peru in Lima on Friday. Earlier she "
        "visited former president Jorge Paz at his home.",
        published="2023-04-14",
    )
    assert "Jorge Paz" not in {p.name for p in fr.participants}
