"""The HTML reader: trafilatura extracts the main text and the page metadata.

Input: the decoded text of an HTML page. Output: one Document whose original
``text`` is the main text trafilatura extracted (so every Span points into that
text, not into the HTML source); ``clean`` is the same text minus a leading
repetition of the title and the boilerplate lines every reader removes (photo
credits, ``Published:`` lines, web-editor notes). Title, date, site name and
canonical URL come from the page's metadata. A page with no extractable text
is skipped with ``"no text"``; malformed HTML never raises.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator

from ..model import Document
from .clean import cut
from .skip import Skip
from .text import finish, scan_plain

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)

_MAX_HTML = 20_000_000


def extract(html: str) -> dict[str, str | None] | None:
    """trafilatura's main text and metadata of a page, or None when it finds no text."""
    import trafilatura

    if not re.search(r"<[A-Za-z!]", html):
        html = "<html><body><p>" + html.replace("&", "&amp;").replace("<", "&lt;") + "</p></body></html>"
    try:
        res = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            favor_recall=True,
            deduplicate=False,
        )
    except Exception:  # noqa: BLE001 - lxml/trafilatura errors on broken markup mean "no text"
        return None
    if res is None:
        return None
    d = res if isinstance(res, dict) else res.as_dict()
    text = d.get("text")
    if not isinstance(text, str) or not text.strip():
        return None

    def s(key: str) -> str | None:
        v = d.get(key)
        return v.strip() if isinstance(v, str) and v.strip() else None

    return {"text": text, "title": s("title"), "date": s("date"), "sitename": s("sitename"), "url": s("url")}


def read_html(html: str, path: str) -> Iterator[Document | Skip]:
    """One Document for an HTML page (see the module docstring for what ``text`` is)."""
    got = extract(html[:_MAX_HTML])
    if got is None:
        yield Skip(path, "no text")
        return
    text = (got["text"] or "").replace("\r\n", "\n").replace("\r", "\n")
    title = got["title"]
    start = 0
    if title:
        first = text.split("\n", 1)[0]
        if " ".join(first.split()) == " ".join(title.split()):
            start = len(first)
    found = scan_plain(text, start, len(text), date_prefix=False, detect_title=False)
    clean, offsets = cut(text, start, len(text), found.deletions)
    if not clean:
        yield Skip(path, "no text")
        return
    yield finish(
        text,
        clean,
        offsets,
        path,
        "html",
        found,
        title=title,
        url=got["url"],
        outlet=got["sitename"],
        published=got["date"],
    )
