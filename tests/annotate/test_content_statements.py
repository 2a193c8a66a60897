"""Statements: speaker attribution and kinds, on texts written for these tests."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from communique.annotate.content import extract_content
from communique.annotate.types import Content, PersonRef
from communique.model import Document, OffsetMap, Sentence

DATA = Path(__file__).resolve().parents[1] / "data" / "content"

VIRTANEN = PersonRef("Aino Virtanen", "FIN", "President", ("Virtanen", "the Finnish President"))
ROJAS = PersonRef("Tomas Rojas", "CHL", "President", ("Rojas", "the Chilean President"))
PEOPLE = (VIRTANEN, ROJAS)


def doc_of(text: str) -> Document:
    return Document.from_text(text)


def run(text: str, people: tuple[PersonRef, ...] = PEOPLE, anchor: dt.date | None = None) -> Content:
    return extract_content(doc_of(text), (), people, anchor)


def said(c: Content) -> list[tuple[str | None, str]]:
    return [(s.speaker, s.kind) for s in c.statements]


def test_he_added_continues_and_for_his_part_switches_speaker() -> None:
    c = run(
        "Virtanen said Finland is ready to deepen cooperation with Chile. "
        "Chile, he added, is a trusted partner. "
        "For his part, Rojas thanked Finland for its help. "
        "He added that Chile wants more investment. "
        "Belarus, he said, is not part of the talks."
    )
    assert said(c) == [
        ("Aino Virtanen", "said"),
        ("Aino Virtanen", "said"),
        ("Tomas Rojas", "thanked"),
        ("Tomas Rojas", "said"),
        ("Tomas Rojas", "said"),
    ]


def test_for_her_part_without_a_reporting_verb_still_sets_the_speaker() -> None:
    c = run(
        "Virtanen welcomed the guests. For her part, Rojas once again extended warm congratulations on the jubilee."
    )
    assert said(c) == [("Aino Virtanen", "said"), ("Tomas Rojas", "congratulated")]


def test_kinds_follow_the_verb() -> None:
    c = run(
        "Virtanen suggested that the two sides open a direct flight. "
        "Rojas called for closer coordination at the United Nations. "
        "President Virtanen urged both governments to cut red tape. "
        "The two leaders discussed regional security. "
        "The two sides agreed to keep in close touch. "
        "The two heads of state also exchanged views on the energy market. "
        "Rojas congratulated Virtanen on her re-election. "
        "Virtanen thanked Rojas for the invitation."
    )
    assert said(c) == [
        ("Aino Virtanen", "proposed"),
        ("Tomas Rojas", "proposed"),
        ("Aino Virtanen", "proposed"),
        ("both", "discussed"),
        ("both", "agreed"),
        ("both", "discussed"),
        ("Tomas Rojas", "congratulated"),
        ("Aino Virtanen", "thanked"),
    ]


def test_inverted_attribution_and_titles() -> None:
    c = run(
        "The two countries must keep trade open, said Finnish President Aino Virtanen on a visit to Santiago. "
        "Chile is ready, the Chilean President stressed."
    )
    assert said(c) == [("Aino Virtanen", "said"), ("Tomas Rojas", "said")]


def test_descriptions_resolve_by_role_and_country() -> None:
    c = run(
        "The President of Chile informed his host about the reform. The Finnish leader noted the progress."
    )
    assert [s.speaker for s in c.statements] == ["Tomas Rojas", "Aino Virtanen"]


def test_unknown_people_keep_their_surface_name() -> None:
    c = run(
        '"We will not give up," said Prime Minister Lena Berg. Minister Berg added that talks go on.',
        people=(),
    )
    assert [s.speaker for s in c.statements] == ["Lena Berg", "Lena Berg"]


def test_subject_with_an_unlisted_verb_and_event_sentences() -> None:
    c = run(
        "Virtanen held talks with Rojas in Helsinki. "
        "Virtanen detailed her plan for the Arctic. "
        "Rojas and Virtanen exchanged New Year greetings."
    )
    # the first sentence reports the meeting itself, not something anyone said
    assert said(c) == [("Aino Virtanen", "said"), ("both", "said")]


def test_indirect_speech_runs_on_within_a_paragraph_only() -> None:
    c = run(
        "Virtanen pointed out that trade grew last year. Exports of machinery doubled.\n\n"
        "Officials from both sides attended the event."
    )
    assert said(c) == [("Aino Virtanen", "said"), ("Aino Virtanen", "said")]


def test_transcript_labels() -> None:
    c = run((DATA / "transcript.txt").read_text(encoding="utf-8"))
    speakers = [s.speaker for s in c.statements]
    assert speakers[:3] == ["Aino Virtanen"] * 3
    assert "Tomas Rojas" in speakers
    assert speakers[-1] == "Aino Virtanen"
    # the journalist's question is nobody's statement; the title and venue lines are not statements
    assert not any("Will you sign" in s.text for s in c.statements)
    assert not any(s.text.startswith(("Remarks by", "Presidential Palace")) for s in c.statements)
    assert ("Aino Virtanen", "thanked") in said(c)


def test_transcript_label_inside_a_heading_line() -> None:
    c = run(
        "Start of talks President of Finland Aino Virtanen: Dear friend, welcome. We have much to discuss."
    )
    assert [s.speaker for s in c.statements] == ["Aino Virtanen", "Aino Virtanen"]


def test_transcript_label_unknown_person_is_kept_as_written() -> None:
    c = run("MODERATOR:  Welcome, everyone.\n\nSENIOR OFFICIAL:  Thanks.  The call went well.", people=())
    assert [s.speaker for s in c.statements] == ["SENIOR OFFICIAL", "SENIOR OFFICIAL"]


def test_readout_fixture() -> None:
    c = run((DATA / "readout.txt").read_text(encoding="utf-8"), anchor=dt.date(2024, 3, 14))
    speakers = [s.speaker for s in c.statements]
    first_rojas = speakers.index("Tomas Rojas")
    assert set(speakers[:first_rojas]) == {"Aino Virtanen"}
    assert speakers[-1] == "both"
    assert set(speakers[first_rojas:-1]) == {"Tomas Rojas"}
    assert ("Aino Virtanen", "proposed") in said(c)
    # the opening sentence reports the event and is not a statement
    assert not c.statements[0].text.startswith("HELSINKI")


def test_spans_are_on_the_original_text() -> None:
    original = "Photo: nobody\nVirtanen said trade is growing. Rojas agreed."
    cut = len("Photo: nobody\n")
    clean = original[cut:]
    doc = Document("d1", original, clean, OffsetMap(((0, cut, len(clean)),)))
    sentences = [Sentence(0, 31, doc.span(0, 31)), Sentence(32, len(clean), doc.span(32, len(clean)))]
    c = extract_content(doc, sentences, PEOPLE, None)
    assert [doc.original(s.spans[0]) for s in c.statements] == [
        "Virtanen said trade is growing.",
        "Rojas agreed.",
    ]
    assert c.statements[0].text == "Virtanen said trade is growing."


def test_deterministic() -> None:
    text = (DATA / "readout.txt").read_text(encoding="utf-8")
    assert run(text, anchor=dt.date(2024, 3, 14)) == run(text, anchor=dt.date(2024, 3, 14))


def test_question_lines_without_colon_belong_to_nobody() -> None:
    c = run(
        "PRESIDENT VIRTANEN:  We are ready.\n\nQ    Thank you, Madam President.  Will you go to Santiago?\n\n"
        "PRESIDENT ROJAS:  She will."
    )
    assert [(s.speaker, s.text) for s in c.statements] == [
        ("Aino Virtanen", "PRESIDENT VIRTANEN:  We are ready."),
        ("Tomas Rojas", "PRESIDENT ROJAS:  She will."),
    ]


def test_title_only_label_resolves_when_unambiguous() -> None:
    minister = PersonRef("Lena Berg", "SWE", "Prime Minister", ("Berg",))
    c = run(
        "THE PRIME MINISTER:  Good morning.\n\nTHE PRESIDENT:  Welcome.", people=(VIRTANEN, minister, ROJAS)
    )
    # one prime minister, two presidents: only the first label can be resolved
    assert [s.speaker for s in c.statements] == ["Lena Berg", "THE PRESIDENT"]
