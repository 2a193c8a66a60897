"""The offset map: any slice of the clean text maps back to original characters that equal or cover it."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from readhelp import DATA, check_offsets, docs_of, read_all

from communique.model import Document
from communique.read import read_text

DOCS: list[Document] = docs_of(read_all(DATA))
BOILERPLATE = ("Photo:", "(Photo by", "Web editor", "Published:", " date 20", "\\###", "**", "](")


def test_fixture_documents_are_read():
    assert len(DOCS) >= 8
    for d in DOCS:
        check_offsets(d)
        for b in BOILERPLATE:
            assert b not in d.clean, (d.paths, b)


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_slices_within_a_segment_equal_the_original(data):
    doc = data.draw(st.sampled_from(DOCS))
    c, _o, n = data.draw(st.sampled_from(doc.offsets.segments))
    a = data.draw(st.integers(c, c + n - 1))
    b = data.draw(st.integers(a + 1, c + n))
    span = doc.span(a, b)
    assert doc.original(span) == doc.clean[a:b]
    assert span.doc_id == doc.id


@settings(max_examples=300, deadline=None)
@given(st.data())
def test_any_slice_is_covered(data):
    doc = data.draw(st.sampled_from(DOCS))
    a = data.draw(st.integers(0, len(doc.clean) - 1))
    b = data.draw(st.integers(a + 1, len(doc.clean)))
    span = doc.span(a, b)
    orig = doc.original(span)
    # the clean characters appear, in order, inside the original slice (only deletions happened)
    it = iter(orig)
    assert all(ch in it for ch in doc.clean[a:b])
    assert orig[0] == doc.clean[a] and orig[-1] == doc.clean[b - 1]


def test_boilerplate_between_paragraphs_maps_around_it():
    text = "Title line\n\nFirst paragraph here.\n\nPhoto: VCG\n\nSecond paragraph here.\n"
    (doc,) = list(read_text(text, "x.txt"))
    assert isinstance(doc, Document)
    assert doc.clean == "First paragraph here.\n\nSecond paragraph here."
    i = doc.clean.index("Second")
    span = doc.span(i, i + 6)
    assert doc.original(span) == "Second"
    whole = doc.span(0, len(doc.clean))
    assert "Photo: VCG" in doc.original(whole)  # a span across the cut covers what was removed
    assert len(doc.offsets.segments) == 2
