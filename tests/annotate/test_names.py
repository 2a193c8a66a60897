"""Names carrying forms of address, spouses, bracketed short names, postposed offices after an
organisation's office, and a recall outside the trigger's clause."""

from __future__ import annotations

from annotatehelp import make_doc

from communique.annotate import annotate
from communique.annotate.actors import find_actors
from communique.annotate.lexicon import lexicon


def people(text: str) -> list[tuple[str | None, str | None, str | None]]:
    a = find_actors(text, None, lexicon())
    return [(p.name, p.country, p.role) for p in a.people if p.mentions and p.name]


def test_a_form_of_address_is_not_part_of_a_full_name() -> None:
    got = people("Officials said H.E. Marta Olivares held talks with H.E. Ruben Castillo on Monday.")
    names = [n for n, _c, _r in got]
    assert "Marta Olivares" in names and "Ruben Castillo" in names
    # one word after the form of address is no full name: it stays as written
    assert people("Sheikh Rami Nasser met Sheikh Omar.") == [("Rami Nasser", None, None)]


def test_a_spouse_is_never_the_leader_whose_name_she_shares() -> None:
    text = (
        "President Andi Santoso Wirawan met President of Peru Marta Olivares in Lima. "
        "President Andi was accompanied by First Lady Sari Santoso Wirawan."
    )
    got = people(text)
    assert ("Andi Santoso Wirawan", None, "President") in got
    assert ("Sari Santoso Wirawan", None, "Spouse") in got
    frame = annotate(make_doc(text, outlet="Example Wire", published="2024-05-06")).frame
    assert all(p.role != "Spouse" for p in frame.participants)


def test_a_bracketed_short_name_is_the_same_person() -> None:
    text = (
        "President Andi Santoso Wirawan (Ansowi) held talks with Peruvian President Marta Olivares. "
        "President Ansowi said the talks were good."
    )
    a = find_actors(text, None, lexicon())
    named = [p for p in a.people if p.name and p.mentions]
    andi = next(p for p in named if "wirawan" in p.words)
    assert any(text[s:e] == "President Ansowi" for s, e in andi.mentions)
    assert not any(p.name == "Ansowi" for p in named)


def test_a_state_office_in_apposition_beats_an_organisations() -> None:
    text = (
        "The Chairperson of the African Union, H.E. Ruben Castillo, President of the Republic of Senegal, "
        "today held talks with H.E. Marta Olivares, President of Peru."
    )
    got = people(text)
    assert ("Ruben Castillo", "SEN", "President") in got
    assert ("Marta Olivares", "PER", "President") in got
    assert not [x for x in find_actors(text, None, lexicon()).people if x.mentions and x.name is None]


def test_a_recall_outside_the_triggers_clause_only_weakens_the_sentence() -> None:
    text = (
        "Lima, May 6 (Example Wire) - Regional leaders promised on Tuesday to cooperate more.\n\n"
        "President Marta Olivares hosted Chilean President Ruben Castillo and Bolivian President Ana Vargas "
        "at the palace for the fifth regional summit, the first held since 2019.\n\n"
        "Castillo had held separate talks with Olivares on Monday."
    )
    frame = annotate(make_doc(text, outlet="Example Wire", published="2024-05-07", dateline="Lima")).frame
    assert frame.type == "summit"
    assert len(frame.participants) == 3


def test_an_organisation_is_no_third_state_for_a_summit() -> None:
    text = (
        "The Chairperson of the African Union, H.E. Ruben Castillo, President of the Republic of Senegal, "
        "accompanied by AUC Chairperson Omar Sidi Bakar, today held talks with H.E. Marta Olivares, "
        "President of Peru, in Lima."
    )
    frame = annotate(make_doc(text, outlet="Example Office", published="2024-03-07")).frame
    assert frame.type == "meeting"
    assert ("Omar Sidi Bakar", "AU") in [(p.name, p.country) for p in frame.participants]
