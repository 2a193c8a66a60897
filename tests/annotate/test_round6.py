"""Mechanisms of the sixth round, each on short texts written for these tests (no corpus text)."""

from __future__ import annotations

from annotatehelp import make_doc

from communique.annotate import annotate
from communique.annotate.actors import find_actors
from communique.annotate.lexicon import lexicon
from communique.model import Frame


def _frame(text: str, **kw: str) -> Frame:
    kw.setdefault("published", "2024-03-05")
    return annotate(make_doc(text, **kw)).frame


def _people(fr: Frame) -> set[tuple[str | None, str | None]]:
    return {(p.name, p.country) for p in fr.participants}


def test_an_appositive_descriptor_gives_country_and_office() -> None:
    fr = _frame(
        "LIMA (Agency) - Peruvian national security adviser Ana Soto met Chile's top foreign-policy official, "
        "Luis Vera Ruiz, in a Lima hotel on Monday for five hours of talks."
    )
    assert fr.type == "meeting" and fr.date == "2024-03-04"
    assert ("Luis Vera Ruiz", "CHL") in _people(fr)
    assert fr.location == "Lima"


def test_officials_of_two_states_meeting_in_a_third_are_the_principals() -> None:
    fr = _frame(
        "GENEVA (Agency) - Kremlin national security adviser Ivan Petrov met Peru's chief diplomat, Ana Soto, "
        "on Monday."
    )
    assert _people(fr) == {("Ivan Petrov", "RUS"), ("Ana Soto", "PER")}
    assert fr.type == "meeting" and fr.host is None and fr.location == "Geneva"


def test_a_postposed_descriptor_and_the_countrys_diplomat() -> None:
    fr = _frame(
        "Peru's foreign ministry said the country's chief diplomat, Ana Soto, met Luis Vera, Chile's top "
        "diplomat, in Quito on Monday."
    )
    assert _people(fr) == {("Ana Soto", "PER"), ("Luis Vera", "CHL")}
    roles = {p.name: p.role for p in fr.participants}
    assert roles["Ana Soto"] == "Chief Diplomat" and roles["Luis Vera"] == "Diplomat"


def test_a_definite_office_set_off_by_commas_names_its_holder() -> None:
    actors = find_actors(
        "Ana Soto, the national security adviser, met the foreign minister, Luis Vera, on Monday.",
        None,
        lexicon(),
    )
    roles = {p.name: p.role for p in actors.people}
    assert roles == {"Ana Soto": "National Security Advisor", "Luis Vera": "Foreign Minister"}


def test_a_descriptor_needs_a_country_and_a_name() -> None:
    fr = _frame(
        "A senior official, Ana Soto, said talks went well. A U.S. official said afterwards it was frank."
    )
    assert fr.type is None


def test_an_event_only_referred_to_takes_the_leaders_of_the_lead() -> None:
    fr = _frame(
        "LIMA (Agency) - Officials in Lima said Saturday that Friday's meeting in the Chilean port of Arica had "
        "left them hopeful.\n\nPeruvian President Ana Soto travelled north with Andean Community secretary-general "
        "Luis Vera Ruiz to press Chilean President Ivan Petrov on water rights. Speaking after the talks, Soto said "
        "she was satisfied.",
        published="2024-03-09",
    )
    assert fr.type == "meeting" and fr.date == "2024-03-08" and fr.location == "Arica"
    assert {"Ana Soto", "Ivan Petrov"} <= {p.name for p in fr.participants}


def test_a_sentence_that_links_the_leaders_beats_a_referring_one() -> None:
    fr = _frame(
        "QUITO (Agency) - On Saturday President Ana Soto of Peru and Chilean President Luis Vera sat down together. "
        "The talks, held on the sidelines of the Summit of the Andes, lasted an hour.",
        published="2024-03-09",
    )
    assert fr.type == "meeting" and _people(fr) == {("Ana Soto", "PER"), ("Luis Vera", "CHL")}
    assert fr.date == "2024-03-09"


def test_an_all_capitals_dateline_is_no_person() -> None:
    actors = find_actors("SANTO DOMINGO (Agency) - President Ana Soto of Peru spoke.", None, lexicon())
    assert [p.name for p in actors.people] == ["Ana Soto"]


def test_an_organisations_body_before_an_office_gives_the_organisation() -> None:
    actors = find_actors("AU Commission chairperson Ana Soto Ruiz met the press.", None, lexicon())
    assert [(p.name, p.country) for p in actors.people] == [("Ana Soto Ruiz", "AU")]


def test_the_leader_who_welcomed_the_visitor_is_the_dateline_countrys() -> None:
    fr = _frame(
        "COPENHAGEN (Agency) - President Ana Soto arrived in Denmark on Monday for a state visit and held talks "
        "with Prime Minister Luis Vera, who welcomed her at the palace."
    )
    countries = {p.name: p.country for p in fr.participants}
    assert countries == {"Ana Soto": None, "Luis Vera": "DNK"} and fr.host == "DNK"


def test_a_visitor_does_not_take_the_datelines_country() -> None:
    fr = _frame(
        "LIMA (Agency) - President Ana Soto, on a state visit, met U.S. Secretary of State Luis Vera on Monday."
    )
    assert {p.name: p.country for p in fr.participants}.get("Ana Soto") is None


def test_a_territory_counts_for_its_state() -> None:
    fr = _frame(
        "Prime Minister Luis Vera said on Monday that he had spoken with U.S. President "
        "Ana Soto about Greenland. Greenland's fisheries and Greenland's ice were discussed, and Denmark said "
        "the call went well."
    )
    assert {p.name: p.country for p in fr.participants}.get("Luis Vera") == "DNK"


def test_the_two_leaders_talks_are_referred_to() -> None:
    fr = _frame(
        "Officials said on Saturday that the two leaders' talks in the Chilean port of Arica had gone well.\n\n"
        "Peruvian President Ana Soto and Chilean President Ivan Petrov discussed water rights, officials said.",
        published="2024-03-09",
    )
    assert fr.type == "meeting" and fr.location == "Arica"
    assert _people(fr) == {("Ana Soto", "PER"), ("Ivan Petrov", "CHL")}


def test_a_day_later_counts_from_the_day_before() -> None:
    fr = _frame(
        "On Wednesday Ana Soto said the port of Callao was open, and Luis Vera agreed. Twenty-four hours later "
        "the Peruvian president was in the Kremlin, shaking hands with Russian President Ivan Petrov.",
        published="2024-03-09",
    )
    assert fr.type == "meeting" and fr.date == "2024-03-07" and fr.location == "Moscow"
    assert _people(fr) == {("Ana Soto", "PER"), ("Ivan Petrov", "RUS")}


def test_a_nameless_office_takes_up_the_previous_sentences_subject() -> None:
    actors = find_actors(
        "Luis Vera said trade mattered.\nAna Soto met Luis Vera at the port. A day later the Peruvian president "
        "flew home.",
        None,
        lexicon(),
    )
    assert {p.name: p.country for p in actors.people if p.name}["Ana Soto"] == "PER"


def test_a_message_carried_from_a_third_leader_is_part_of_the_meeting() -> None:
    fr = _frame(
        "Peruvian President Ana Soto handed Russian President Ivan Petrov a message from the Chilean leader on "
        "Thursday, officials said.\n\nThe meeting between Soto and Petrov at the Kremlin lasted two hours.",
        published="2024-03-09",
    )
    assert fr.type == "meeting" and fr.location == "Moscow"
    assert _people(fr) == {("Ana Soto", "PER"), ("Ivan Petrov", "RUS")}


def test_a_congratulation_stays_a_message() -> None:
    fr = _frame(
        "Russian President Ivan Petrov has sent a message of congratulations to Peruvian President Ana Soto on "
        "her victory, the Kremlin said. Petrov praised Soto's role and said Russia was ready for dialogue on "
        "bilateral matters.",
        published="2024-03-09",
    )
    assert fr.type == "message"


def test_a_comment_on_an_event_carries_its_frame() -> None:
    fr = _frame(
        "OPINION | The ceremony was real. The peace is still a draft.\n\n"
        "Tuesday's signing on the White House lawn was watched by millions. It was a long time coming.\n\n"
        "Look closely, though. Peruvian President Ana Soto came in person. Chilean President Luis Vera "
        "signed as host.\n\nThe writer is a former diplomat.",
        published="2024-03-08",
    )
    assert fr.role == "comment"
    assert fr.type == "agreement" and fr.date == "2024-03-05" and fr.location == "Washington"
    assert _people(fr) == {("Ana Soto", "PER"), ("Luis Vera", "CHL")}


def test_a_region_used_attributively_after_the_trigger_is_no_place() -> None:
    fr = _frame(
        "President Ana Soto of Peru met President Luis Vera of Chile on Monday at the Maryland retreat. "
        "The talks were held at Camp David."
    )
    assert fr.location == "Camp David"


def test_an_office_that_goes_on_and_its_holder_by_possessive_pronoun() -> None:
    actors = find_actors(
        "The signatory was the Minister of Foreign Affairs and International Cooperation, Sheikh Ana Soto Ruiz; "
        "Chile was represented by its Foreign Minister, Dr. Luis Vera Ortiz.",
        None,
        lexicon(),
    )
    got = {p.name: (p.country, p.role) for p in actors.people}
    assert got["Ana Soto Ruiz"] == (None, "Foreign Minister")
    assert got["Luis Vera Ortiz"] == ("CHL", "Foreign Minister")


def test_the_signatories_of_a_signing_are_participants() -> None:
    fr = _frame(
        "Prime Minister Ivan Petrov of Peru today signed peace agreements with Chile and Bolivia at a ceremony at "
        "the White House, hosted by U.S. President Maria Lopez.\n\nThe Chilean signatory was the Minister of "
        "Foreign Affairs, Ana Soto Ruiz; Bolivia was represented by its Foreign Minister, Luis Vera Ortiz."
    )
    assert fr.type == "agreement"
    assert {p.country for p in fr.participants} == {"PER", "USA", "CHL", "BOL"}


def test_a_first_person_trigger_in_a_transcript_adds_the_turns_speaker() -> None:
    fr = _frame(
        "Press statements following Peruvian-Chilean talks\n\n"
        "ANA SOTO: Ladies and gentlemen. Our talks with President Luis Vera of Chile have just finished. They "
        "were businesslike.\n\nLUIS VERA (retranslated): Thank you for your hospitality. We also want more "
        "bilateral trade.\n\nQUESTION: Did you discuss water?\n\nANA SOTO: We did."
    )
    assert fr.type == "meeting"
    assert _people(fr) == {("Ana Soto", "PER"), ("Luis Vera", "CHL")}


def test_an_all_capitals_speaker_label_with_a_note_is_a_person() -> None:
    actors = find_actors("LUIS VERA ORTIZ (retranslated): Thank you, friends.", None, lexicon())
    assert [p.name for p in actors.people] == ["Luis Vera Ortiz"]


def test_a_bare_office_as_subject_is_the_releases_own_principal() -> None:
    fr = _frame(
        "Senior official: Prime Minister will arrive in Lima on the evening of 22 May. On 23 May he will meet "
        "business leaders, and on 24 May he will hold a bilateral meeting with Prime Minister Ana Soto of Peru.",
        outlet="Ministry of External Affairs, India",
        published="2024-05-18",
    )
    assert fr.type == "meeting" and fr.status == "planned" and fr.date == "2024-05-24"
    assert _people(fr) == {(None, "IND"), ("Ana Soto", "PER")}


def test_a_participant_with_neither_name_nor_country_makes_no_frame() -> None:
    fr = _frame(
        "Prime Minister will arrive in Lima on 22 May. On 24 May he will hold a bilateral meeting with "
        "Prime Minister Ana Soto of Peru.",
        published="2024-05-18",
    )
    assert fr.type is None
