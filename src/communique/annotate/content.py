"""What a document says about its event: statements, topics, stances, relationship labels, references.

In: a :class:`~communique.model.Document`, its sentences (offsets into
``doc.clean``), the people the actor stage resolved and the document's anchor
date. Out: one :class:`~communique.annotate.types.Content`. Every record
carries the Span(s) of the sentence(s) it comes from, on the original text.

The work is split by field:

* :mod:`.statements` — who said / proposed / agreed / discussed what
  (:mod:`.speakers` resolves names, descriptions and transcript labels);
* :mod:`.codebook` — ``data/codebook.tsv``, matched at trigger words;
* :mod:`.topics` — codebook topics, named projects and initiatives,
  anniversaries, greetings;
* :mod:`.stances` — support / oppose stances and relationship labels;
* :mod:`.references` — other contacts the text recalls or announces.

All of it is regular expressions compiled once at import, one pass per
sentence, no parser: well under two milliseconds for a 600-word article.
Nothing here knows a person, a country pair or a phrase of any particular
corpus; the vocabulary is in ``data/codebook.tsv`` and the shared lexicon.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from communique.annotate.codebook import find_codebook
from communique.annotate.references import find_references
from communique.annotate.stances import find_labels, find_stances
from communique.annotate.statements import find_statements
from communique.annotate.topics import find_topics
from communique.annotate.types import Content, PersonRef
from communique.model import Document, Sentence

__all__ = ["extract_content"]


def extract_content(
    doc: Document, sentences: Sequence[Sentence], people: Sequence[PersonRef], anchor: dt.date | None
) -> Content:
    """Statements, topics, stances, relationship labels and references of ``doc``.

    ``sentences`` may be empty, in which case the document is split with
    :func:`communique.annotate.sentences.split_sentences`.
    """
    if not sentences:
        from communique.annotate.sentences import split_sentences

        sentences = split_sentences(doc)
    statements, speakers = find_statements(doc, sentences, people)
    hits = find_codebook(doc.clean)
    return Content(
        statements=statements,
        topics=find_topics(doc, sentences, hits),
        stances=find_stances(doc, sentences, people, speakers),
        relationship_labels=find_labels(doc, sentences, hits),
        references=find_references(doc, sentences, anchor),
    )
