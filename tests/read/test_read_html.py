"""The HTML reader: trafilatura's main text and page metadata; broken markup never crashes."""

from __future__ import annotations

import pytest
from readhelp import DATA, check_offsets, one, read_all

from communique.read import Document, Skip, read_text


def test_article_page():
    doc = one(read_all(DATA / "page.html"))
    check_offsets(doc)
    assert doc.format == "html"
    assert doc.title == "Estoria and Valdoria sign ferry deal"
    assert (doc.outlet, doc.outlet_source) == ("Estoria Daily", "metadata")
    assert doc.url == "https://news.estoria-daily.example/2024/06/07/ferry-deal"
    assert doc.published is not None and doc.published.startswith("2024-06-07")
    assert (doc.dateline, doc.dateline_date) == ("Porthaven", "2024-06-06")
    assert doc.clean.startswith("PORTHAVEN, June 6 (Meridian News) --")
    assert "Home" not in doc.text and "Copyright" not in doc.text  # navigation and footer are not main text
    assert doc.clean in doc.text  # the original is the extracted text


def test_site_name_that_is_a_host_goes_through_the_outlet_table():
    html = (
        '<html><head><meta property="og:site_name" content="globaltimes.cn"></head><body><article>'
        + "<p>The two foreign ministers met on Friday in the capital and discussed the harbour.</p>" * 3
        + "</article></body></html>"
    )
    doc = one(list(read_text(html, "p.html", fmt="html")))
    assert (doc.outlet, doc.outlet_source) == ("Global Times", "metadata")


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><p>unclosed <div><<>> & <b>bold</i></p>" + "<p>Some words in a paragraph. " * 20,
        "<html><head><title>Only a title</title></head><body></body></html>",
        "<<<>>>",
        "<!DOCTYPE html><html><body><script>var x = '<p>';</script></body></html>",
        "<?xml version='1.0'?><html><body><p>\x0bodd control</p></body></html>",
        "plain text in an html file, no tags at all, long enough to be a paragraph of an article.",
    ],
)
def test_malformed_html_never_raises(html):
    out = list(read_text(html, "bad.html", fmt="html"))
    assert out and all(isinstance(x, Document | Skip) for x in out)
    for x in out:
        if isinstance(x, Skip):
            assert x.reason == "no text"
        else:
            check_offsets(x)


def test_page_without_text_is_skipped():
    out = list(read_text("<html><head><title>T</title></head><body></body></html>", "e.html", fmt="html"))
    assert out == [Skip("e.html", "no text")]
