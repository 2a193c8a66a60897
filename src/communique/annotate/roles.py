"""The document's role: readout, announcement, preview, briefing, remarks,
press conference, news or comment.

In: the headline (``doc.title`` or the first line), the first sentences, the
publisher's kind (government or media) and, once the frame is known, its
status and date against the anchor. Out: the role and the Span-able piece of
text that decided it.

How: the genre is written in the headline of official releases ("Readout of",
"Background Press Call", "Remarks by ... Before Bilateral Meeting", "News
conference following ...", "Statement by ... on the Upcoming ..."); where the
headline is silent, tense decides (a future-tense headline or lead announces;
"... started" is a news flash), then the publisher's kind (a news agency
reports news, a government readouts). A background call is a *preview* when it
is held before the event (its date is later than the call's own date or the
headline says "upcoming"/"previewing"), else a *briefing*; a statement whose
event is still planned is an *announcement*.
"""

from __future__ import annotations

import datetime as dt
import re

_R = re.IGNORECASE
COMMENT = re.compile(r"\b(editorial|opinion|commentary|op-ed|column|analysis|viewpoint)\b", _R)
PRESS_CONF = re.compile(
    r"\b(press conference|news conference|joint press|press statements?|statements for the press|press availability)\b",
    _R,
)
BRIEFING = re.compile(
    r"\b(background (?:press )?call|press call|press briefing|briefing|background briefing)\b", _R
)
PREVIEW_WORDS = re.compile(r"\b(upcoming|previewing|preview|ahead of|forthcoming)\b", _R)
REMARKS = re.compile(
    r"^\s*(?:opening |joint )?remarks\b|\bremarks by\b|\bbeginning of\b.*\btalks\b|\bopening remarks\b", _R
)
READOUT = re.compile(r"^\s*readout\b|\breadout of\b", _R)
STATEMENT = re.compile(r"^\s*statement\b|\bstatement by\b", _R)
STARTED = re.compile(
    r"\b(started|starts|begins|began|is underway|under way|kicks off|kicked off|is taking place|are taking place)\b",
    _R,
)
FUTURE_HEAD = re.compile(
    r"\b(will|to visit|to hold|to meet|to travel|upcoming|scheduled|plans to|set to|to attend)\b", _R
)
TRANSCRIPT = re.compile(r"^[A-Z][A-Z .'’\-]{2,40}:\s", re.M)
QUESTION = re.compile(r"^(?:Q|QUESTION)[:.]\s|^Question:", re.M)


AGENCY_DATELINE = re.compile(
    r"^\s*[A-Z][A-Za-z .'’-]{1,40},(?:\s+[A-Z][A-Za-z .'’-]{1,30},)?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}\s*"
    r"\((?:[A-Z][\w .&-]{1,30})\)\s*(?:--|—|–)"
)
# A news dateline: the place in capitals, optionally a region and a date, then "--", "—" or ":"
# ("WASHINGTON --", "NEW DELHI:", "WOODSIDE, California, Nov. 15 (Agency) --").
_UP = "A-ZÀ-ÖØ-Þ"
NEWS_DATELINE = re.compile(
    rf"^\s*(?P<place>[{_UP}][{_UP}'’.-]+(?: [{_UP}][{_UP}'’.-]+){{0,3}})(?:,\s+[A-Z][A-Za-z .'’-]{{1,30}}?)?"
    r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+\d{4})?)?(?:\s*\([^)\n]{1,40}\)\s*(?:--|—|–|-)|\.\s*/[^/\n]{1,40}/\.?|\s*(?:--|—|–|:))\s"
)
# A genre label opening the text or the headline ("FEATURE — Two shores", "Analysis: ...", "OPINION |").
GENRE_LABEL = re.compile(
    r"^\s*(?:feature|analysis|opinion|comment|commentary|editorial|op-ed|column|viewpoint|essay)\s*(?:--|—|–|:|\|)",
    _R,
)
# A commentary section in the address ("/opinion/2023/...") or in a page's metadata
# (<meta property="article:section" content="Features">).
COMMENT_PATH = re.compile(
    r"/(?:opinion|opinions|analysis|commentary|comment|editorials?|op-?eds?|columns?|features?|viewpoints?)/",
    _R,
)
COMMENT_SECTION = re.compile(
    r"article:section\"?\s+content=\"(?:opinion|opinions|analysis|commentary|comment|editorials?|op-?eds?|columns?|features?)\"",
    _R,
)
# Speaker labels of a broadcast news programme ("ANCHOR:", "CORRESPONDENT:", "REPORTER:").
BROADCAST = re.compile(r"^(?:ANCHOR|CO-ANCHOR|HOST|PRESENTER|CORRESPONDENT|REPORTER|NEWSREADER):\s", re.M)
# A lead told in the future ("X will gather ...", "is to be signed", "are due to", "are expected to").
FUTURE_LEAD = re.compile(
    r"\b(?:will (?!not\b)\w+|(?:is|are) (?:to be|due to|set to|scheduled to|expected to)\b|(?:is|are) to (?!be\b)\w+)",
    _R,
)


def text_dateline(body: str) -> str | None:
    """The place of a news dateline opening ``body`` ("NEW DELHI: ..." -> "New Delhi"), else None."""
    m = NEWS_DATELINE.match(body[:200])
    if not m:
        return None
    place = m.group("place")
    if body[m.end() - 2] == ":" and len(TRANSCRIPT.findall(body, 0, 5000)) > 1:
        return None  # a speaker label of a transcript, not a dateline
    if len(place) < 3 or place in ("UPDATE", "BREAKING", "NOTE", "EDITOR", "PHOTO", "VIDEO", "WATCH"):
        return None
    return " ".join(w.capitalize() if len(w) > 2 or "." not in w else w for w in place.split())


# A dateline in title case with a full date: "Sochi, 3 June 2022:", "Mexico City, January 9, 2023.—".
TITLE_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}),\s+(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?|[A-Z][a-z]{2,8}\.?\s+\d{1,2})"
    r"(?:,?\s+\d{4})?\s*(?:\([^)\n]{1,40}\)\s*)?\.?\s*(?:--|—|–|-|:)"
)


def frame_dateline(body: str) -> str | None:
    """The place a text is filed from, for the frame: a capitals dateline (:func:`text_dateline`), or a
    title-case place followed by a date ("Sochi, 3 June 2022: ..." -> "Sochi")."""
    caps = text_dateline(body)
    if caps:
        return caps
    m = TITLE_DATELINE.match(body[:120])
    return m.group("place") if m else None


def comment_source(url: str | None, original: str | None) -> bool:
    """The page is filed under commentary: its address's section ("/opinion/") or its HTML metadata."""
    if url and COMMENT_PATH.search(url):
        return True
    return bool(original and COMMENT_SECTION.search(original[:5000]))


def headline_role(headline: str, lead: str, publisher_kind: str | None, body: str) -> tuple[str, str]:
    """A preliminary role from the headline and lead: (role, reason)."""
    h = " ".join(headline.split())
    if GENRE_LABEL.match(h) or GENRE_LABEL.match(body[:40]):
        return "comment", "headline"
    if BROADCAST.search(body[:3000]) and len(TRANSCRIPT.findall(body, 0, 5000)) > 1:
        return "news", "transcript"  # a news programme's transcript: anchor and correspondents report
    if publisher_kind != "government" and (AGENCY_DATELINE.match(h) or text_dateline(h)):
        # the headline is the lead sentence of a wire story: its words are the story's, not its genre
        return "news", "dateline"
    if COMMENT.search(h):
        return "comment", "headline"
    if READOUT.search(h):
        return "readout", "headline"
    if BRIEFING.search(h):
        return ("preview" if PREVIEW_WORDS.search(h) else "briefing"), "headline"
    if PRESS_CONF.search(h):
        return "press conference", "headline"
    if REMARKS.search(h):
        return "remarks", "headline"
    if STATEMENT.search(h):
        if PREVIEW_WORDS.search(h) or FUTURE_HEAD.search(h):
            return "announcement", "headline"
        return "readout", "headline"
    if FUTURE_HEAD.search(h):
        return "announcement", "headline"
    if STARTED.search(h):
        return "news", "headline"
    if publisher_kind == "media":
        return "news", "publisher"
    if publisher_kind == "government":
        return "readout", "publisher"
    if AGENCY_DATELINE.search(body[:400]) or text_dateline(body):
        return "news", "dateline"
    if TRANSCRIPT.search(body):
        return ("press conference" if QUESTION.search(body) else "remarks"), "transcript"
    return "readout", "default"


def final_role(
    role: str,
    reason: str,
    status: str | None,
    event_date: dt.date | None,
    anchor: dt.date | None,
    lead: str = "",
) -> str:
    """Adjust the headline role with what the frame found (tense, event date vs anchor). A news story
    whose lead is itself told in the future is a preview of the planned event."""
    if role in ("briefing", "preview"):
        if event_date and anchor:
            return "preview" if event_date > anchor else ("briefing" if role == "briefing" else "preview")
        return role
    if role == "readout" and status == "planned" and reason in ("headline", "publisher", "default"):
        return "announcement"
    if role == "news" and status == "planned" and reason in ("publisher", "dateline"):
        if FUTURE_LEAD.search(lead):
            return "preview"  # the story is about the coming event: a preview of it
        return "announcement"  # a news story about an event still to come announces it
    if role == "announcement" and status == "held":
        return "readout"
    return role
