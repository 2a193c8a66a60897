"""Document roles from headline, tense and publisher kind."""

from __future__ import annotations

import datetime as dt

import pytest

from communique.annotate.roles import final_role, headline_role


@pytest.mark.parametrize(
    ("headline", "kind", "expected"),
    [
        ("Readout of the Prime Minister's Call with President Lima of Brazil", "government", "readout"),
        ("Background Press Call on the Upcoming Visit of the King of Jordan", "government", "preview"),
        ("Background Press Call by Senior Officials on the President's Meeting", "government", "briefing"),
        ("Press Briefing by the Press Secretary", "government", "briefing"),
        ("Remarks by the President and the Prime Minister Before Bilateral Meeting", "government", "remarks"),
        ("Remarks by the President and the Chancellor at Press Conference", "government", "press conference"),
        ("News conference following Russian-Chilean talks", "government", "press conference"),
        (
            "Statement by the Press Secretary on the Upcoming Call with President Lima",
            "government",
            "announcement",
        ),
        (
            "Statement by the Press Secretary on the President's Call with President Lima",
            "government",
            "readout",
        ),
        (
            "On March 3, the President will hold talks with the Prime Minister of Peru",
            "government",
            "announcement",
        ),
        ("Meeting of the Presidents of Chile and Peru started", "government", "news"),
        ("Telephone conversation with President of Peru Ana Soto", "government", "readout"),
        ("Leaders pledge closer ties", "media", "news"),
        ("Editorial: a partnership worth keeping", "media", "comment"),
    ],
)
def test_headline_roles(headline, kind, expected):
    assert headline_role(headline, "", kind, "")[0] == expected


def test_briefing_before_the_event_is_a_preview():
    assert (
        final_role("briefing", "headline", "planned", dt.date(2022, 1, 31), dt.date(2022, 1, 30)) == "preview"
    )
    assert (
        final_role("briefing", "headline", "held", dt.date(2022, 1, 30), dt.date(2022, 1, 30)) == "briefing"
    )


def test_statement_about_a_planned_event_is_an_announcement():
    assert (
        final_role("readout", "headline", "planned", dt.date(2022, 2, 7), dt.date(2022, 1, 27))
        == "announcement"
    )


def test_transcript_without_headline_cues():
    body = "THE PRESIDENT:  Welcome.\n\nPRIME MINISTER SOTO:  Thank you.\n\nQ:  A question?"
    assert headline_role("Untitled", "", None, body)[0] == "press conference"
