"""Sentence splitting: abbreviations, initials, paragraphs, transcripts, offsets."""

from __future__ import annotations

from annotatehelp import make_doc

from communique.annotate import split_sentences
from communique.annotate.sentences import split_spans


def texts(text: str) -> list[str]:
    return [text[s:e] for s, e in split_spans(text)]


def test_no_split_after_abbreviations_and_initials():
    t = (
        "Mr. Ortega met Gen. Pak on Jan. 5 at No. 10 near St. Anne's church. "
        "President Joseph R. Biden, Jr. will travel in Sept. to the U.K. with Dr. Lee. The visit is short."
    )
    assert texts(t) == [
        "Mr. Ortega met Gen. Pak on Jan. 5 at No. 10 near St. Anne's church.",
        "President Joseph R. Biden, Jr. will travel in Sept. to the U.K. with Dr. Lee.",
        "The visit is short.",
    ]


def test_dotted_acronym_ends_a_sentence_only_before_an_opener():
    assert texts("The U.S. President called. Relations with the U.S. The talks went well.") == [
        "The U.S. President called.",
        "Relations with the U.S.",
        "The talks went well.",
    ]


def test_paragraphs_and_separators_split():
    t = "First paragraph without a stop\n\nSecond one.*** Third part"
    assert texts(t) == ["First paragraph without a stop", "Second one.", "Third part"]


def test_hard_wrapped_prose_stays_joined_but_transcript_lines_split():
    t = (
        "East Hall\n\n10:02 A.M. EST\n\nTHE PRESIDENT:  Welcome to all of you here today, we are\n"
        "glad that the delegation could make the long trip to the\ncapital this week.\n"
        "Short headline line\nAnother long line of prose that continues and ends here."
    )
    got = texts(t)
    assert got[:3] == [
        "East Hall",
        "10:02 A.M. EST",
        "THE PRESIDENT:  Welcome to all of you here today, we are\nglad that the delegation could make the long trip to the\ncapital this week.",
    ]
    assert "Short headline line" in got


def test_quotes_and_questions():
    assert texts('He said, "We agree." Did they? Yes!') == ['He said, "We agree."', "Did they?", "Yes!"]


def test_sentence_spans_point_into_the_original_text():
    doc = make_doc("One sentence. Another one.", prefix="HEADER\n")
    sents = split_sentences(doc)
    assert [doc.original(s.span) for s in sents] == ["One sentence.", "Another one."]
    assert sents[0].span.start == len("HEADER\n")
