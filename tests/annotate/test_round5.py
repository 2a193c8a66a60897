"""Mechanisms of the fifth round, each on short texts written for these tests (no corpus text)."""

from __future__ import annotations

from annotatehelp import make_doc

from communique.annotate import annotate
from communique.model import Frame


def _frame(text: str, **kw: str) -> Frame:
    kw.setdefault("published", "2024-03-05")
    return annotate(make_doc(text, **kw)).frame


def test_the_demonym_capital_is_the_capital() -> None:
    fr = _frame(
        "In the Peruvian capital, President Ana Soto of Chile met President Luis Vera of Peru on Monday. "
        "The talks covered trade."
    )
    assert fr.type == "meeting" and fr.location == "Lima"


def test_a_country_seat_of_government_is_its_capital() -> None:
    fr = _frame(
        "Chilean President Ana Soto was welcomed at Peru's seat of government on Monday, as she held talks "
        "with Peruvian President Luis Vera ahead of a forum that has drawn ministers to Cusco."
    )
    assert fr.location == "Lima"


def test_where_a_traveller_comes_from_is_not_the_place() -> None:
    fr = _frame(
        "LIMA, March 4 (Agency) - Chilean President Ana Soto and Peruvian President Luis Vera held talks "
        "on Monday.\n\nSoto flew in from the trade summit in Brasilia and went straight to the palace."
    )
    assert fr.location == "Lima"


def test_a_title_case_dateline_with_a_date_places_the_event() -> None:
    fr = _frame(
        "Lima, 4 March 2024: President Ana Soto of Chile today held talks with President Luis Vera of Peru."
    )
    assert fr.type == "meeting" and fr.location == "Lima"


def test_an_attributive_region_yields_to_a_named_venue() -> None:
    fr = _frame(
        "Officials on Saturday hailed Friday's summit with Peru and Chile at Camp David.\n\n"
        "Brazilian President Rui Costa, Peruvian President Luis Vera and Chilean President Ana Soto agreed "
        "at the Maryland retreat to meet every year."
    )
    assert fr.location == "Camp David"


def test_a_signing_ceremony_in_the_headline_is_an_agreement() -> None:
    fr = _frame(
        "Prime Minister Ana Soto today signed a peace treaty with the Republic of Peru at a ceremony in "
        "Lima hosted by Peruvian President Luis Vera.",
        title="PM Soto signs peace treaty with Peru in Lima",
        url="https://www.gob.cl/news/1",
    )
    assert fr.type == "agreement" and fr.location == "Lima"


def test_documents_signed_during_talks_stay_a_meeting() -> None:
    fr = _frame(
        "Chilean President Ana Soto held talks with Peruvian President Luis Vera in Lima on Monday. "
        "The two sides signed 15 agreements at a ceremony after the talks.",
        title="Soto and Vera hold talks, sign 15 agreements",
    )
    assert fr.type == "meeting"


def test_an_agreement_signed_as_a_visit_s_outcome_stays_a_meeting() -> None:
    fr = _frame(
        "Chilean President Ana Soto and Peruvian President Luis Vera signed an agreement on Monday to ease "
        "travel for students, capping a visit that drew crowds in Lima.",
        title="Soto and Vera sign mobility pact in Lima",
    )
    assert fr.type == "meeting"


def test_a_document_label_is_not_a_person() -> None:
    fr = _frame(
        "POOL REPORT: Soto, Vera remarks at top of bilateral meeting\n\n"
        "Chilean President Ana Soto welcomed Peruvian President Luis Vera to the palace on Monday."
    )
    assert sorted(p.name or "" for p in fr.participants) == ["Ana Soto", "Luis Vera"]


def test_the_city_of_a_town_is_the_place() -> None:
    fr = _frame(
        "OSORNO, Chile, March 4 (Agency) - Chilean President Ana Soto and Peruvian President Luis Vera signed "
        "a friendship treaty in the old mill town of Osorno on Monday.\n\n"
        "It follows the treaty that their predecessors signed in Lima."
    )
    assert fr.location == "Osorno"


def test_a_plural_subject_stands_for_the_leaders_named_before() -> None:
    fr = _frame(
        "On Monday, Prime Minister Rui Costa of Portugal, together with the Prime Minister of Spain, Ana "
        "Soto, and the Prime Minister of Italy, Luca Bruni, reached Lima by train.\n\n"
        "In the Peruvian capital the heads of government met the President of Peru, Luis Vera, and Prime "
        "Minister Jorge Paz. The talks concerned trade."
    )
    got = {(p.name, p.country) for p in fr.participants}
    assert got == {
        ("Rui Costa", "PRT"),
        ("Ana Soto", "ESP"),
        ("Luca Bruni", "ITA"),
        ("Luis Vera", "PER"),
        ("Jorge Paz", "PER"),
    }
    assert fr.type == "meeting" and fr.location == "Lima"
