"""The plain-text reader: metadata prefix, title, Published lines, datelines, boilerplate."""

from __future__ import annotations

import pytest
from readhelp import DATA, check_offsets, one, read_all

from communique.read import read_text
from communique.read.meta import dateline_date, find_dateline, parse_published_value


def txt(text: str):
    return one(list(read_text(text, "t.txt")))


def test_wire_story_metadata_and_boilerplate():
    doc = one(read_all(DATA / "wire.txt"))
    check_offsets(doc)
    assert doc.format == "txt"
    assert doc.title == "Harbour ministers agree on joint ferry timetable"
    assert doc.published == "2024-03-05"  # the " date" prefix wins over the source line
    assert doc.dateline == "Porthaven"
    assert doc.dateline_date == "2024-03-04"
    assert (doc.outlet, doc.outlet_source) == ("Meridian News", "metadata")
    assert doc.clean.startswith("PORTHAVEN, March 4 (Meridian News) --")
    for gone in ("date 2024", "Harbour ministers agree", "09:15", "Photo", "Web editor", "Lena Brandt"):
        assert gone not in doc.clean
    assert doc.clean.endswith("after the meeting.")
    assert doc.language == "en"
    assert doc.text.startswith(" date 2024-03-05")  # the original is untouched


def test_published_line_and_house_style():
    doc = one(read_all(DATA / "style.txt"))
    check_offsets(doc)
    assert doc.title == "Estoria, Valdoria should open a second rail corridor: minister"
    assert doc.published == "2024-03-06T19:05:00"
    assert (doc.outlet, doc.outlet_source) == ("Global Times", "style")
    assert doc.dateline is None
    assert "Published" not in doc.clean and "Photo" not in doc.clean
    assert doc.clean.startswith("Estoria and Valdoria should open")


def test_published_line_alone_is_not_a_house_style():
    doc = txt(
        "Short headline\nPublished: Mar 06, 2024 07:05 PM\n\nThe ministers met on Wednesday in the capital.\n"
    )
    assert doc.published == "2024-03-06T19:05:00"
    assert (doc.outlet, doc.outlet_source) == (None, None)


def test_plain_text_has_no_invented_metadata():
    doc = one(read_all(DATA / "plain.txt"))
    assert doc.title is None  # the first line is a sentence
    assert (doc.published, doc.outlet, doc.dateline, doc.url) == (None, None, None, None)
    assert doc.clean == doc.text.strip()
    assert doc.paths == (str(DATA / "plain.txt"),)


def test_date_prefix_on_its_own_line():
    doc = txt(" date 2023-07-01\nThe delegations met in the morning and agreed on a plan.\n")
    assert doc.published == "2023-07-01"
    assert doc.clean == "The delegations met in the morning and agreed on a plan."


def test_title_needs_a_blank_line_after_it():
    doc = txt("A line without a final period\nthat continues the paragraph on the next line.\n")
    assert doc.title is None
    assert doc.clean.startswith("A line without")


@pytest.mark.parametrize(
    "line, place, month, day, agency",
    [
        ("BEIJING, Jan. 10 (Xinhua) -- Text", "Beijing", 1, 10, "Xinhua"),
        ("WASHINGTON, Sept. 9 (Meridian News) -- Text", "Washington", 9, 9, "Meridian News"),
        ("UNITED NATIONS, March 3 (Reuters) - Text", "United Nations", 3, 3, "Reuters"),
        ("KASTELBURG, Estoria (AP) \u2014 Text", "Kastelburg", 0, 0, "Associated Press"),
        ("Porthaven, Dec 24 (Meridian News) -- Text", "Porthaven", 12, 24, "Meridian News"),
    ],
)
def test_dateline_forms(line, place, month, day, agency):
    d = find_dateline(line, [0])
    assert d is not None
    assert (d.place, d.month, d.day, d.agency) == (place, month, day, agency)


@pytest.mark.parametrize(
    "line",
    [
        "The minister said on Monday (local time) -- that is all.",
        "He spoke, Jan. 10 (Monday) -- late.",
        "no dateline here at all",
    ],
)
def test_not_a_dateline(line):
    assert find_dateline(line, [0]) is None


def test_dateline_found_in_third_paragraph_only_within_first_paragraphs():
    body = (
        "Title of the story\n\nSome intro line without period\n\nPORTHAVEN, May 2 (Meridian News) -- Text.\n"
    )
    doc = txt(" date 2024-05-03 " + body)
    assert doc.dateline == "Porthaven" and doc.dateline_date == "2024-05-02"
    late = " date 2024-05-03 Opening.\n\n" + "".join(f"Paragraph {i}.\n\n" for i in range(10))
    late += "PORTHAVEN, May 2 (Meridian News) -- Text.\n"
    assert txt(late).dateline is None


@pytest.mark.parametrize(
    "month, day, published, expected",
    [
        (1, 26, "2021-01-27", "2021-01-26"),
        (12, 31, "2022-01-01", "2021-12-31"),  # published after New Year
        (1, 2, "2022-01-01T23:30:00", "2022-01-02"),  # a day ahead (time zones) stays in the year
        (2, 29, "2024-03-01", "2024-02-29"),
        (2, 29, "2023-03-01", None),  # no Feb 29 in 2023 or 2022
        (5, 5, None, None),  # no publication date: year unknown
        (0, 0, "2024-01-01", None),
    ],
)
def test_dateline_year(month, day, published, expected):
    assert dateline_date(month, day, published) == expected


@pytest.mark.parametrize(
    "value, iso",
    [
        ("Jan 10, 2022 06:42 PM", "2022-01-10T18:42:00"),
        ("Jan 10, 2022 12:05 AM", "2022-01-10T00:05:00"),
        ("September 3, 2021", "2021-09-03"),
        ("Sept. 3, 2021 14:00", "2021-09-03T14:00:00"),
        ("2021-09-03 14:00", "2021-09-03T14:00"),
        ("yesterday", None),
    ],
)
def test_published_values(value, iso):
    assert parse_published_value(value) == iso


def test_source_line_gives_published_and_outlet_when_nothing_else_does():
    doc = txt(
        "Ministers meet\n\nMeridian News) 16:49, December 04, 2023\n\nThe ministers met today in the capital.\n"
    )
    assert doc.published == "2023-12-04T16:49:00"
    assert doc.outlet == "Meridian News"
    assert "16:49" not in doc.clean


def test_caption_sentences_are_kept():
    text = "The two ministers visit the new harbour. Photo: Meridian\n\nPhoto: this line is a sentence. It stays.\n"
    doc = txt(text)
    assert "Photo: Meridian" in doc.clean
    assert "It stays." in doc.clean


def test_published_line_with_updated_part_and_no_title():
    doc = txt(
        "Published: Jan 10, 2022 06:42 PM Updated: Jan 10, 2022 08:00 PM\n\nThe ministers met on Monday.\n"
    )
    assert doc.title is None
    assert doc.published == "2022-01-10T18:42:00"
    assert doc.clean == "The ministers met on Monday."


def test_crlf_and_leading_blank_lines():
    doc = txt("\r\n\r\nShort title\r\n\r\nThe ministers met on Monday.\r\n")
    assert doc.title == "Short title"
    assert doc.text == "\n\nShort title\n\nThe ministers met on Monday.\n"
    assert doc.clean == "The ministers met on Monday."
