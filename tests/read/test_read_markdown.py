"""The Markdown reader: front matter, pandoc escapes, markup removal, transcript venues."""

from __future__ import annotations

import re

import pytest
from readhelp import DATA, check_offsets, one, read_all

from communique.read import Document, Skip, read_text


def md(text: str) -> list[Document | Skip]:
    return list(read_text(text, "t.md", fmt="md"))


def test_transcript_front_matter_and_venue():
    doc = one(read_all(DATA / "transcript.md"))
    check_offsets(doc)
    assert doc.format == "md"
    assert doc.title == "Remarks by the President and the Prime Minister of Estoria Before Bilateral Meeting"
    assert doc.published == "2024-04-02T18:30:00-04:00"
    assert doc.url.startswith("https://bidenwhitehouse.archives.gov/")
    assert (doc.outlet, doc.outlet_source) == ("White House", "url")
    assert doc.dateline == "Cabinet Room"
    assert doc.clean.startswith("Cabinet Room\n\n4:05 P.M. EDT")
    assert "title:" not in doc.clean and "---" not in doc.clean


def test_markup_is_deleted_and_text_kept():
    doc = one(read_all(DATA / "transcript.md"))
    c = doc.clean
    assert "It is a real pleasure to host the\nPrime Minister of Estoria, a close friend." in c
    assert "the harbour\nagreement and about [inaudible] trade." in c
    assert "\nQuestions\n" in c
    assert "2_019 — a_b_c" in c
    for markup in ("**", "*close*", "](", "##", "\\", "https://example.org"):
        assert markup not in c
    assert c.endswith("4:20 P.M. EDT")  # the \### end mark is gone
    assert not re.search(r"[ \t]$", c, re.M)  # hard-break trailing spaces deleted


def test_date_and_permalink_keys():
    doc = one(read_all(DATA / "readout.md"))
    assert doc.title == "Readout of the Minister's Call with the Foreign Minister of Valdoria"
    assert doc.published == "2024-04-03"
    assert doc.url == "https://www.state.gov/readout-example/"
    assert (doc.outlet, doc.outlet_source) == ("U.S. Department of State", "url")


def test_site_name_is_explicit_metadata():
    doc = one(md("---\nsite_name: Estoria Daily\nurl: https://www.reuters.com/x\n---\nThe ministers met.\n"))
    assert (doc.outlet, doc.outlet_source) == ("Estoria Daily", "metadata")


def test_teleconference_is_no_venue():
    doc = one(
        md("---\ntitle: Call\n---\nVia Teleconference\n\n(May 1, 2024)\n\n5:12 P.M. EDT\n\nMODERATOR: Hi.\n")
    )
    assert doc.dateline is None


def test_time_line_alone_is_no_venue():
    doc = one(md("---\ntitle: Remarks\n---\n4:19 P.M. GMT\n\nTHE PRESIDENT: Hello.\n"))
    assert doc.dateline is None


def test_no_front_matter_heading_is_title():
    doc = one(md("# Ministers *meet*\n\nThe **ministers** met in [Porthaven](https://example.org).\n"))
    assert doc.title == "Ministers meet"
    assert doc.clean == "The ministers met in Porthaven."
    check_offsets(doc)


def test_title_escapes_are_undone():
    doc = one(md('---\ntitle: "Jen\\_Psaki on the\\_Visit"\n---\nBody text here.\n'))
    assert doc.title == "Jen Psaki on the Visit"
    doc = one(md("---\ntitle: 'A\\_B \\*C\\*'\n---\nBody text here.\n"))
    assert doc.title == "A_B *C*"


@pytest.mark.parametrize(
    "text, reason",
    [
        ("---\ntitle: never closed\n\nBody.\n", "malformed front matter: no closing '---' line"),
        ('---\ntitle: "unterminated\n---\nBody.\n', "malformed front matter"),
        ("---\n- a\n- b\n---\nBody.\n", "malformed front matter: not a mapping but a list"),
        ("---\ntitle: [a, b\n---\nBody.\n", "malformed front matter"),
    ],
)
def test_malformed_front_matter_is_skipped_with_a_reason(text, reason):
    out = md(text)
    assert len(out) == 1 and isinstance(out[0], Skip)
    assert out[0].reason.startswith(reason)
    assert out[0].path == "t.md"


def test_empty_front_matter_is_fine():
    doc = one(md("---\n---\nOnly a body.\n"))
    assert doc.clean == "Only a body." and doc.title is None


def test_lists_quotes_images_and_html_tags():
    text = (
        "---\ntitle: T\n---\n"
        "> quoted line\n\n"
        "* first item\n- second item\n\n"
        "![a photo](https://example.org/a.jpg)\n\n"
        "the 21<sup>st</sup> century and `code` here\n"
    )
    doc = one(md(text))
    check_offsets(doc)
    assert doc.clean == "quoted line\n\nfirst item\nsecond item\n\nthe 21st century and code here"
