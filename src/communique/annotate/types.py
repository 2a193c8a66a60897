"""Types shared between the annotate core and the content extractor.

``PersonRef`` is what the actor stage hands to ``content.extract_content``: one
resolved person with the short forms the text uses for them, so statements can
be attributed to "Xi" or "the Belarusian leader" as well as to the full name.
``Content`` is what ``extract_content`` hands back; ``annotate`` copies its
tuples into the document's :class:`~communique.model.Frame`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from communique.model import Reference, RelationshipLabel, Stance, Statement, Topic


@dataclass(frozen=True)
class PersonRef:
    """A person found in the document.

    ``name`` is the fullest name seen ("Xi Jinping"), ``country`` an ISO 3166
    alpha-3 code or None when the text gives no evidence, ``role`` the canonical
    title ("President") or None, ``aliases`` the short forms that refer to the
    same person in this document ("Xi", "Mr. Xi", "the Chinese President").
    """

    name: str
    country: str | None
    role: str | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Content:
    """What a document says about its event, beyond who/when/where."""

    statements: tuple[Statement, ...] = ()
    topics: tuple[Topic, ...] = ()
    stances: tuple[Stance, ...] = ()
    relationship_labels: tuple[RelationshipLabel, ...] = ()
    references: tuple[Reference, ...] = ()


KnownPeople = Mapping[str, tuple[str, str | None]]
"""Full name -> (country, role) as other documents of the corpus give them."""
