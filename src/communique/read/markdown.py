"""The Markdown reader: YAML front matter for metadata, Markdown markup removed from the clean text.

Input: the decoded text of a ``.md`` file. Output: one Document whose
``text`` is the whole file (front matter included) and whose ``clean`` is the
body with markup deleted (heading marks, emphasis, link syntax, backslash
escapes, ``\\###`` end marks, images, HTML tags, trailing spaces); line
structure is kept.

Front matter decisions: a file whose first line is ``---`` but has no closing
``---``/``...`` line, or whose YAML block does not parse to a mapping, is
skipped with reason ``malformed front matter: ...``. Silently reading the body
without its metadata would give a document with no date, URL or outlet, which
misleads the later stages more than a clear skip does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import yaml

from ..model import Document
from . import meta
from .clean import cut
from .skip import Skip
from .text import finish, scan_plain

try:  # the C loader is much faster; BaseLoader keeps every scalar as the string the file gives
    from yaml import CBaseLoader as _Loader
except ImportError:  # pragma: no cover
    from yaml import BaseLoader as _Loader  # type: ignore[assignment]

_OPEN = re.compile(r"\A---[ \t]*\n")
_CLOSE = re.compile(r"(?m)^(?:---|\.\.\.)[ \t]*(?:\n|\Z)")

_ESCAPE = re.compile(r"\\[!-/:-@\[-`{-~]")
_TAIL = r"[ \t]*(?:\n(?:[ \t\u00a0]*\n)*)?"
# Patterns run on a copy of the text in which each backslash escape "\X" is masked as "\x01\x02".
# Line-level markup, one pass; the alternatives are tried in this order at each line start.
_LINE = re.compile(
    r"(?m)^(?:"
    r"(?P<end>[ \t]*(?:\x01\x02##|###)[ \t]*$" + _TAIL + ")"  # \### end mark
    r"|(?P<rule>[ \t]{0,3}(?:(?:[-*_][ \t]*){3,}|=+)[ \t]*$" + _TAIL + ")"  # rule / setext underline
    r"|(?P<image>[ \t]*!\[[^\]\n]*\]\([^)\n]*\)[ \t]*$" + _TAIL + ")"  # a line that is one image
    r"|(?P<linkdef>[ \t]{0,3}\[[^\]\n]+\]:[ \t]+\S+[^\n]*$" + _TAIL + ")"  # [ref]: url
    r"|(?P<heading>[ \t]{0,3}#{1,6}(?:[ \t]+|(?=\n)|\Z))"  # ## Heading
    r"|(?P<quote>[ \t]*(?:>[ \t]?)+)"  # > quote
    r"|(?P<bullet>[ \t]*[*+-][ \t]+(?=\S))"  # * item
    r")"
)
_HEADING_CLOSE = re.compile(r"(?<=\S)[ \t]+#+[ \t]*$", re.M)
_LINE_HINT = re.compile(r"(?m)^[ \t]*[#\x01*_=>!\[+-]")
# Inline markup: (pattern, a character it needs); groups 1 and 2 are the opening and closing marks.
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_TAG = re.compile(r"<!--.*?-->|</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]*)?/?>", re.S)
_PAIRED = (
    (
        re.compile(
            r"(\[)(?:[^\]\n]|\n(?![ \t]*\n)){1,500}?(\]\([^)\s]*(?:[ \t\n]+\"[^\"\n]*\")?\)|\]\[[^\]\n]*\])"
        ),
        "[",
    ),
    (re.compile(r"(<)(?:https?|mailto|ftp):[^\s<>]+(>)"), "<"),
    (re.compile(r"(?<![*\w])(\*{1,3})(?![\s*])[^\n*]+?(?<![\s*])(\1)(?![*\w])"), "*"),
    (re.compile(r"(?<![\w_])(_{1,3})(?![\s_])[^\n_]+?(?<![\s_])(\1)(?![\w_])"), "_"),
    (re.compile(r"(`+)[^`\n]+?(\1)"), "`"),
)
_TRAILING = re.compile(r"(?m)[ \t\u00a0]+$|\\$")

TITLE_KEYS = ("title", "headline")
PUBLISHED_KEYS = ("published_time", "published", "datepublished", "date_published", "pubdate", "date")
URL_KEYS = ("source_url", "permalink", "url", "canonical_url", "link")
OUTLET_KEYS = ("site_name", "sitename", "outlet", "source", "publisher")


def unescape_title(s: str) -> str:
    """Undo pandoc escapes in a title: ``Jen\\_Psaki`` → ``Jen Psaki``-style; whitespace collapsed.

    ``\\_`` inside a double-quoted YAML string is already a no-break space; both
    it and remaining backslash escapes of punctuation become plain characters.
    """
    s = _ESCAPE.sub(lambda m: m[0][1], s)
    return " ".join(s.replace("\u00a0", " ").split())


def _scalar(fm: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for k in keys:
        v = fm.get(k)
        if isinstance(v, list) and v:
            v = v[0]
        if isinstance(v, str | int | float) and str(v).strip():
            return str(v).strip()
    return None


def split_front_matter(text: str) -> tuple[dict[str, Any] | None, int, str | None]:
    """``(front matter or None, body start, error or None)`` for a Markdown text."""
    m = _OPEN.match(text)
    if not m:
        return None, 0, None
    close = _CLOSE.search(text, m.end())
    if not close:
        return None, 0, "no closing '---' line"
    block = text[m.end() : close.start()]
    try:
        data = yaml.load(block, Loader=_Loader)  # noqa: S506 - BaseLoader builds only str/list/dict
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark is not None else ""
        problem = getattr(e, "problem", None) or type(e).__name__
        return None, 0, f"{problem}{where}"
    if data is None:
        data = {}
    if not isinstance(data, dict):
        return None, 0, f"not a mapping but a {type(data).__name__}"
    return {str(k).strip().lower(): v for k, v in data.items()}, close.end(), None


def markup_deletions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Ranges of ``text[start:end]`` that are Markdown markup, to delete from the clean text.

    Each pattern runs only when the character it needs occurs in the text, so
    plain prose costs little more than one pass for trailing whitespace.
    """
    mask = _ESCAPE.sub("\x01\x02", text[:end]) if "\\" in text[start:end] else text
    region = mask[start:end]
    dels: list[tuple[int, int]] = [m.span() for m in _TRAILING.finditer(mask, start, end)]
    if _LINE_HINT.search(region):
        for m in _LINE.finditer(mask, start, end):
            if m.end() > m.start():
                dels.append(m.span())
            if m.lastgroup == "heading":
                nl = mask.find("\n", m.end(), end)
                c = _HEADING_CLOSE.search(mask, m.end(), end if nl < 0 else nl)
                if c:
                    dels.append(c.span())
    if "![" in region:
        dels.extend(m.span() for m in _IMAGE.finditer(mask, start, end))
    if "<" in region:
        dels.extend(m.span() for m in _TAG.finditer(mask, start, end))
    for pat, needed in _PAIRED:
        if needed in region:
            for m in pat.finditer(mask, start, end):
                dels.append(m.span(1))
                dels.append(m.span(2))
    if mask is not text:
        dels.extend((m.start(), m.start() + 1) for m in _ESCAPE.finditer(text, start, end))
    return dels


def read_md(text: str, path: str) -> Iterator[Document | Skip]:
    """One Document for a Markdown article, or a Skip for malformed front matter."""
    fm, body, error = split_front_matter(text)
    if error:
        yield Skip(path, f"malformed front matter: {error}")
        return
    fm = fm or {}
    title = _scalar(fm, TITLE_KEYS)
    url = _scalar(fm, URL_KEYS)
    outlet = _scalar(fm, OUTLET_KEYS)
    if outlet and re.match(r"(?i)https?://", outlet):
        url, outlet = url or outlet, None
    published = _scalar(fm, PUBLISHED_KEYS)
    deletions = markup_deletions(text, body, len(text))
    if title is None:
        first = re.compile(r"(?:[ \t\u00a0]*\n)*[ \t]{0,3}#[ \t]+([^\n]+?)[ \t#]*(?:\n|\Z)").match(text, body)
        if first:
            raw = first[1]
            title = cut(raw, 0, len(raw), markup_deletions(raw, 0, len(raw)))[0]
            deletions.append(first.span())
    found = scan_plain(text, body, len(text), date_prefix=False, detect_title=False)
    clean, offsets = cut(text, body, len(text), deletions + found.deletions)
    yield finish(
        text,
        clean,
        offsets,
        path,
        "md",
        found,
        title=unescape_title(title) if title else None,
        url=url,
        outlet=outlet,
        published=meta.normalise_iso(published) if published else None,
    )
