"""Sentence splitting with character offsets, without a parser.

In: a :class:`~communique.model.Document`. Out: :class:`~communique.model.Sentence`
objects over ``doc.clean`` (with their Spans on the original text).

How: the text is cut into blocks at blank lines (paragraphs) and at line
breaks that end a line-structured block (a short headline line, a speaker
label, a transcript line); hard-wrapped prose lines (all about as long as each
other, the next starting in lower case) stay joined. Inside a block a boundary
is a ``.``, ``!`` or ``?`` (plus closing quotes/brackets) followed by space and
a capital, digit or opening quote, unless the word before the dot is an
abbreviation that does not end sentences: honorifics and military ranks
("Mr.", "Gen."), month abbreviations ("Jan. 10"), "No." and "St.", single
initials ("Joseph R. Biden"), and dotted acronyms ("U.S.", "a.m.") unless the
next word is a common sentence opener ("The", "He", ...). "* * *" and "***"
separators always split. The whole pass is a few regex scans: linear and fast.
"""

from __future__ import annotations

import re

from communique.model import Document, Sentence

_BLANK = re.compile(r"\n[ \t\u00a0]*\n\s*")
_BOUNDARY = re.compile(r"([.!?])([\"'”’)\]]*)(\s+)(?=[\"'“‘(\[]?[A-Z0-9À-Ý])")
_SEPARATOR = re.compile(r"\s*\*\s*\*\s*\*\s*")
_WORD_BEFORE = re.compile(r"([A-Za-z][A-Za-z.]*)$")
_NEXT_WORD = re.compile(r"[\"'“‘(\[]?([A-Za-z]+)")

NO_SPLIT_AFTER = frozenset(
    """mr mrs ms dr prof st gen lt col maj capt sgt adm cmdr rev hon sen rep gov pres amb
    jan feb mar apr jun jul aug sep sept oct nov dec no nos vol art para fig approx vs
    messrs mt ft ave blvd dept univ inc ltd co corp est""".split()
)
SENTENCE_OPENERS = frozenset(
    """the a an he she it they we i this that these those there his her its their our in on at
    but and as after before during when while if however meanwhile also both today yesterday""".split()
)


def _is_boundary(text: str, dot_pos: int, next_pos: int) -> bool:
    """Whether the ``.`` at ``dot_pos`` ends a sentence whose successor starts at ``next_pos``."""
    if text[dot_pos] != ".":
        return True
    m = _WORD_BEFORE.search(text, max(0, dot_pos - 20), dot_pos)
    if not m:
        return True
    word = m.group(1)
    low = word.lower().rstrip(".")
    nm = _NEXT_WORD.match(text, next_pos)
    nxt = nm.group(1).lower() if nm else ""
    if "." in word or (len(word) == 1 and word.islower()):  # dotted acronym: U.S. / a.m. / p.m
        return nxt in SENTENCE_OPENERS
    if len(word) == 1 and word.isupper():  # an initial: "Joseph R. Biden"
        return False
    if low in NO_SPLIT_AFTER:
        return False
    return True


def _blocks(text: str) -> list[tuple[int, int]]:
    """Paragraph-like blocks: cut at blank lines, separators and structural line breaks."""
    pieces: list[tuple[int, int]] = []
    pos = 0
    for m in _BLANK.finditer(text):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(text)))
    out: list[tuple[int, int]] = []
    for a, b in pieces:
        for a2, b2 in _split_lines(text, a, b):
            sub = a2
            for m in _SEPARATOR.finditer(text, a2, b2):
                if m.start() > sub:
                    out.append((sub, m.start()))
                sub = m.end()
            if sub < b2:
                out.append((sub, b2))
    return out


def _split_lines(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split a block at line breaks that are structure, not hard wrapping."""
    if "\n" not in text[a:b]:
        return [(a, b)]
    lines: list[tuple[int, int]] = []
    pos = a
    while pos < b:
        nl = text.find("\n", pos, b)
        end = b if nl < 0 else nl
        lines.append((pos, end))
        pos = end + 1 if nl >= 0 else b
    longest = max(e - s for s, e in lines)
    out: list[tuple[int, int]] = []
    cur = lines[0][0]
    for (s, e), (s2, _e2) in zip(lines, lines[1:], strict=False):
        line = text[s:e].rstrip()
        nxt = text[s2 : s2 + 1]
        short = len(line) < 0.6 * longest
        ends = line[-1:] in '.!?:"”)' if line else True
        if (
            not line
            or (nxt[:1].isupper() or nxt[:1] in '"“(')
            and (short or (ends and len(line) < 0.85 * longest))
        ):
            out.append((cur, e))
            cur = s2
    out.append((cur, b))
    return out


def split_spans(text: str) -> list[tuple[int, int]]:
    """Sentence ``(start, end)`` offsets of ``text``, whitespace-trimmed, in order."""
    out: list[tuple[int, int]] = []
    for a, b in _blocks(text):
        start = a
        for m in _BOUNDARY.finditer(text, a, b):
            if _is_boundary(text, m.start(1), m.end()):
                out.append((start, m.start(3)))
                start = m.end()
        out.append((start, b))
    trimmed = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed


def split_sentences(doc: Document) -> list[Sentence]:
    """The sentences of ``doc.clean`` with their Spans on ``doc.text``."""
    return [Sentence(s, e, doc.span(s, e)) for s, e in split_spans(doc.clean)]
