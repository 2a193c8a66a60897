"""Temporal expressions: calendar dates, weekdays by tense, deictic words, periods, the anchor."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.annotate.dates import anchor_date, find_times, parse_iso_date
from communique.annotate.sentences import split_spans

ANCHOR = dt.date(2022, 1, 12)  # a Wednesday


def resolve(
    text: str, anchor: dt.date | None = ANCHOR
) -> list[tuple[str, str | None, str | None, str | None]]:
    out = []
    for t in find_times(text, split_spans(text), anchor):
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        out.append(
            (
                t.text,
                iso(t.day),
                iso(t.first) if t.day is None else None,
                iso(t.last) if t.day is None else None,
            )
        )
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The leaders spoke on Monday.", ("on Monday", "2022-01-10")),
        ("The leaders spoke Wednesday.", ("Wednesday", "2022-01-12")),
        ("The leaders will hold talks on Wednesday.", ("on Wednesday", "2022-01-12")),
        ("The leaders will hold talks on Friday.", ("on Friday", "2022-01-14")),
        ("The summit is scheduled to open on Monday.", ("on Monday", "2022-01-17")),
        ("They met last Wednesday.", ("last Wednesday", "2022-01-05")),
        ("They will meet next Wednesday.", ("next Wednesday", "2022-01-19")),
        ("The ministers met today.", ("today", "2022-01-12")),
        ("The call took place tonight.", ("tonight", "2022-01-12")),
        ("The envoy arrived yesterday.", ("yesterday", "2022-01-11")),
        ("The envoy arrives tomorrow.", ("tomorrow", "2022-01-13")),
        ("They talked on Jan. 10 by phone.", ("Jan. 10", "2022-01-10")),
        ("The visit is on 15 December, 2021.", ("15 December, 2021", "2021-12-15")),
        ("They met on December 15.", ("December 15", "2021-12-15")),
        ("They will meet on February 2.", ("February 2", "2022-02-02")),
        ("On the evening of January 26, 2021, the leaders spoke.", ("January 26, 2021", "2021-01-26")),
        ("In the evening of Monday November 15, they will meet.", ("Monday November 15", "2022-11-15")),
        ("The decree was dated 2021-12-30.", ("2021-12-30", "2021-12-30")),
    ],
)
def test_single_days(text, expected):
    got = resolve(text)
    assert (got[0][0], got[0][1]) == expected


def test_future_month_day_rolls_to_next_year_only_when_far_behind():
    assert resolve("They will meet on December 30.", dt.date(2021, 12, 29))[0][1] == "2021-12-30"
    assert resolve("They will meet on January 3.", dt.date(2021, 12, 29))[0][1] == "2022-01-03"


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("during his state visit earlier this year", "2022-01-01", "2022-01-12"),
        ("as agreed last year", "2021-01-01", "2021-12-31"),
        ("talks next month", "2022-02-01", "2022-02-28"),
        ("a meeting next week", "2022-01-17", "2022-01-23"),
        ("signed in December 2019", "2019-12-01", "2019-12-31"),
        ("the treaty signed in 2001", "2001-01-01", "2001-12-31"),
    ],
)
def test_periods(text, first, last):
    got = resolve(text)
    assert got[0][1] is None and got[0][2:] == (first, last)


def test_the_day_before_is_relative_to_the_last_day_mentioned():
    got = resolve("The talks ended on January 5. The day before, the delegations arrived.")
    assert got[-1] == ("The day before", "2022-01-04", None, None)


def test_no_anchor_leaves_relative_expressions_unresolved():
    got = resolve("They spoke on Monday and met on March 3, 2020.", anchor=None)
    assert got[0][1] is None and got[1][1] == "2020-03-03"


def test_parse_iso_date_keeps_the_written_date():
    assert parse_iso_date("2021-12-30 17:43:24-05:00") == dt.date(2021, 12, 30)
    assert parse_iso_date("2021-12-31T02:20:00") == dt.date(2021, 12, 31)
    assert parse_iso_date("yesterday") is None


def test_anchor_order():
    text = "Via Teleconference\n\n(March 3, 2022)\n\nMODERATOR:  Thanks for joining."
    spans = split_spans(text)
    assert anchor_date(text, "2022-03-05", "2022-03-04", spans) == (dt.date(2022, 3, 5), "dateline")
    assert anchor_date(text, None, "2022-03-04", spans) == (dt.date(2022, 3, 3), "date line")
    plain = "On the evening of March 1, 2022, the leaders spoke."
    assert anchor_date(plain, None, "2022-03-02T01:00:00", split_spans(plain))[0] == dt.date(2022, 3, 2)
    assert anchor_date(plain, None, None, split_spans(plain)) == (dt.date(2022, 3, 1), "text")
    assert anchor_date("No date here.", None, None, [(0, 13)]) == (None, "none")


def test_a_day_of_the_month_without_the_month_and_a_coordinated_verb() -> None:
    from annotatehelp import make_doc

    from communique.annotate import annotate

    text = (
        "The Foreign Minister of Chile, Marta Olivares, travelled to Lima on the 4th and held talks with the "
        "Minister of Foreign Affairs of Peru, Ruben Castillo, on the 5th. It was her first visit since 2017."
    )
    frame = annotate(make_doc(text, outlet="Example Office", published="2024-03-07")).frame
    assert frame.type == "meeting"
    assert frame.date == "2024-03-05"
    later = annotate(make_doc(text, outlet="Example Office", published="2024-04-02")).frame
    assert later.date == "2024-03-05"  # a day after the anchor's is last month's


def test_the_ordinal_of_a_noun_is_no_date() -> None:
    from communique.annotate.dates import find_times

    text = "They marked the 5th anniversary, on the 20th century square."
    assert [t for t in find_times(text, [(0, len(text))], None) if t.kind == "ordinal"] == []
