"""Regression tests for general mechanisms: compound and postposed titles, headline verbs, body
chairs, places told as the event's own, dates of a sentence naming both countries."""

from __future__ import annotations

import pytest
from annotatehelp import make_doc

from communique.annotate import annotate
from communique.annotate.actors import find_actors
from communique.annotate.lexicon import lexicon


def people(text: str) -> list[tuple[str | None, str | None, str | None]]:
    a = find_actors(text, None, lexicon())
    return [(p.name, p.country, p.role) for p in a.people if p.mentions and p.name]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a parenthesised acronym between the country and the title; two offices joined by "and"
        (
            "Minister Ola Berg met with Republic of Korea (ROK) Deputy Prime Minister and Foreign Minister Min Ho Park.",
            ("Min Ho Park", "KOR", "Deputy Prime Minister"),
        ),
        # a lower-case postposed title with a country, after a name with an initial
        (
            "Lena K. Moreau, president of the French Republic, arrived.",
            ("Lena K. Moreau", "FRA", "President"),
        ),
        # a capitalised postposed office without a country
        (
            "His Highness Prince Faisal bin Khalid Al Rami, Crown Prince and Prime Minister, received the guest.",
            ("Faisal bin Khalid Al Rami", None, "Crown Prince"),
        ),
    ],
)
def test_title_patterns(text: str, expected: tuple[str, str | None, str]) -> None:
    assert expected in people(text)


def test_headline_verbs_are_not_names() -> None:
    names = [n for n, _c, _r in people("Crown Prince Receives President of Chile\n\nThe talks went well.")]
    assert "Receives" not in names
    assert all("Receives" not in (n or "") for n in names)


def test_body_chair_is_not_a_name() -> None:
    got = people("Ana Lopez, chairman of the National Unity Council of Peru, met the envoy.")
    assert all(n not in ("National Unity Council", "Council") for n, _c, _r in got)


def test_names_of_agreements_are_not_people() -> None:
    got = people(
        "The leaders witnessed the signing of the Chile-Peru Mobility Partnership Arrangement, which helps."
    )
    assert got == []


def test_place_of_the_event_beats_the_dateline_and_date_of_the_country_sentence() -> None:
    text = (
        "Quito, May 3 (Example Agency) -- The first summit talks between Ecuador and Peru were held in "
        "Lima on May 2.\n\nEcuadorian President Rosa Vega met with Peruvian President Juan Soto at a hotel."
    )
    doc = make_doc(
        text, outlet="Example Agency", published="2021-05-03", dateline="Quito", dateline_date="2021-05-03"
    )
    fr = annotate(doc).frame
    assert fr.type == "meeting"
    assert fr.location == "Lima"
    assert fr.date == "2021-05-02"


def test_venue_table_gives_the_city() -> None:
    text = (
        "Prime Minister Ravi Nair held talks with President Lindiwe Dube of South Africa at Hyderabad House "
        "on Friday.\n\nIndian Prime Minister Ravi Nair welcomed the guest."
    )
    fr = annotate(make_doc(text, outlet="Example Wire", published="2020-01-25")).frame
    assert fr.type == "meeting"
    assert fr.location == "New Delhi"


def test_dateline_of_a_third_country_meeting_is_not_a_participant_country() -> None:
    text = (
        "PANAMA CITY (Example Wire) -- President Tom Reyes and Cuban President Raul Ortiz sat down together "
        "for a meeting on Saturday. The United States and Cuba have long been at odds. The United States "
        "will open an embassy."
    )
    fr = annotate(make_doc(text, outlet="Example Wire", published="2015-04-11", dateline="Panama City")).frame
    assert fr.location == "Panama City"
    assert "PAN" not in {p.country for p in fr.participants}
    assert "CUB" in {p.country for p in fr.participants}


def test_a_message_of_congratulations_is_a_message() -> None:
    text = (
        "Oslo congratulates Lima\n\nOSLO, June 2. /Example/. Norwegian Prime Minister Erik Dahl has sent a "
        "message of congratulations to Peruvian President Ana Soto on her election victory.\n\n"
        "Dahl said Norway was ready to keep up a dialogue on bilateral matters with Soto."
    )
    fr = annotate(make_doc(text, outlet="Example", published="2023-06-02")).frame
    assert fr.type == "message"
    assert fr.cameo == "020"
