"""Property tests: whatever bytes or almost-valid files come in, every reader yields Documents or Skips.

No unhandled exception, no "internal error" Skip (the dispatcher's last line of
defence must never be needed), and every Document's offset map is consistent.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from readhelp import check_offsets

from communique.model import Document
from communique.read import FORMATS, Skip, read_file, read_text

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
EXT = {"txt": ".txt", "md": ".md", "html": ".html", "csv": ".csv", "jsonl": ".jsonl"}

WORDS = st.sampled_from(
    [
        "the", "minister", "met", "Porthaven", "BEIJING,", "Jan.", "10", "(Xinhua)", "--", "Photo:", "CFP",
        "Published:", "Jan 10, 2022 06:42 PM", "#", "##", "*", "**", "_", "\\_", "\\###", "[link](http://x)",
        "![img](a.png)", "<b>", "</p>", "`", ">", "-", "\"", "'", ",", ":", "\u00a0", "\u2019", "\t", "\n", "\n\n",
        "---", "date", "2024-01-01", "(Web editor: A)", "Xinhua) 16:49, December 04, 2023", "7:46 P.M. EST",
        "Oval Office", "{", "}", "[", "]", "\\", "\r\n", "\x00", "\ufeff", "\U0001f600", "\ud800",
    ]
)  # fmt: skip
TEXTS = st.one_of(
    st.lists(WORDS, max_size=60).map(" ".join),
    st.lists(WORDS, max_size=60).map("".join),
    st.text(max_size=400),
)


def check(items: list, path: str) -> None:
    for x in items:
        assert isinstance(x, Document | Skip)
        if isinstance(x, Skip):
            assert not x.reason.startswith("internal error"), x
            assert x.path.startswith(path) and x.reason
        else:
            check_offsets(x)
            assert x.clean
            assert x.paths[0].startswith(path)


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@SETTINGS
@given(data=st.binary(max_size=600), fmt=st.sampled_from(FORMATS))
def test_random_bytes(folder, data, fmt):
    p = folder / f"f{EXT[fmt]}"
    p.write_bytes(data)
    check(list(read_file(str(p))), str(p))


@SETTINGS
@given(text=TEXTS, fmt=st.sampled_from(FORMATS))
def test_random_texts_every_reader(text, fmt):
    check(list(read_text(text, "x", fmt=fmt)), "x")


@SETTINGS
@given(fm=st.lists(WORDS, max_size=20).map(" ".join), body=TEXTS, close=st.booleans())
def test_broken_front_matter(fm, body, close):
    text = "---\ntitle: " + fm + ("\n---\n" if close else "\n") + body
    check(list(read_text(text, "x.md", fmt="md")), "x.md")


@SETTINGS
@given(
    records=st.lists(
        st.dictionaries(
            st.sampled_from(["text", "title", "date", "url", "source", "summary", "location", "x"]),
            st.one_of(st.none(), st.integers(), st.booleans(), TEXTS, st.lists(TEXTS, max_size=3)),
            max_size=6,
        ),
        max_size=5,
    ),
    cut=st.integers(0, 40),
)
def test_truncated_json_lines(records, cut):
    lines = [json.dumps(r) for r in records]
    if lines:
        lines[-1] = lines[-1][: max(1, len(lines[-1]) - cut)]
    check(list(read_text("\n".join(lines), "x.jsonl", fmt="jsonl")), "x.jsonl")


@SETTINGS
@given(
    rows=st.lists(st.lists(TEXTS, min_size=1, max_size=4), max_size=5),
    quotes=st.lists(st.integers(0, 2000), max_size=3),
)
def test_csv_with_unbalanced_quotes(rows, quotes):
    text = "title,text,date\n" + "\n".join(
        ",".join('"' + c.replace('"', '""') + '"' for c in r) for r in rows
    )
    for q in quotes:  # sprinkle stray quote characters
        i = q % (len(text) + 1)
        text = text[:i] + '"' + text[i:]
    check(list(read_text(text, "x.csv", fmt="csv")), "x.csv")


TAGS = st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<b>", "<article>", "<html>", "<body>", "<script>",
                        "<!--", "-->", "<br/>", "<meta property='og:site_name' content='X'>", "<title>", "<", ">",
                        "&amp;", "&#0;", "<![CDATA[", "<?xml?>"])  # fmt: skip


@SETTINGS
@given(parts=st.lists(st.one_of(TAGS, TEXTS), max_size=30))
def test_random_html(parts):
    check(list(read_text("".join(parts), "x.html", fmt="html")), "x.html")
