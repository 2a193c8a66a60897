"""Stances (support / oppose, target, holder) and relationship labels."""

from __future__ import annotations

import pytest

from communique.annotate.content import extract_content
from communique.annotate.stances import normalise_label
from communique.annotate.types import Content, PersonRef
from communique.model import Document

HAUGEN = PersonRef("Ingrid Haugen", "NOR", "Prime Minister", ("Haugen",))
OTIENO = PersonRef("Daniel Otieno", "KEN", "President", ("Otieno",))


def run(text: str) -> Content:
    doc = Document.from_text(text)
    return extract_content(doc, (), (HAUGEN, OTIENO), None)


def stances(text: str) -> list[tuple[str | None, str, str]]:
    return [(s.holder, s.polarity, s.target) for s in run(text).stances]


def labels(text: str) -> list[tuple[str, str | None]]:
    return [(r.label, r.holder) for r in run(text).relationship_labels]


def test_country_subject_with_parenthetical_speaker() -> None:
    got = stances(
        "Haugen spoke about the region. "
        "Norway, she added, firmly opposes outside forces interfering in Kenya's domestic affairs, and, "
        "as always, supports Kenya in pursuing a development path suited to its own conditions."
    )
    assert ("NOR", "oppose", "outside interference in Kenya's domestic affairs") in got
    assert ("NOR", "support", "Kenya in pursuing a development path suited to its own conditions") in got


def test_stand_with_and_oppose_all() -> None:
    got = stances(
        "Otieno said Kenya firmly stands with Norway on issues concerning its sovereignty such as fishing rights "
        "and firmly opposes all outside interference."
    )
    assert ("KEN", "support", "Norway on issues concerning its sovereignty") in got
    assert ("KEN", "oppose", "outside interference") in got


def test_person_holder_and_pronoun_holder() -> None:
    got = stances("Haugen backed the new fisheries plan. She condemned the attack on the port.")
    assert got == [
        ("Ingrid Haugen", "support", "new fisheries plan"),
        ("Ingrid Haugen", "oppose", "attack on the port"),
    ]


def test_subject_of_a_coordinated_clause() -> None:
    got = stances(
        "Norway views its ties with Kenya from a long-term perspective, firmly supports Kenya's reforms "
        "and rejects any unilateral sanctions, Haugen said."
    )
    assert ("NOR", "support", "Kenya's reforms") in got
    assert ("NOR", "oppose", "unilateral sanctions") in got


def test_negation_flips_polarity() -> None:
    assert stances("Haugen said Norway does not support the proposal.") == [("NOR", "oppose", "proposal")]


def test_support_as_a_noun() -> None:
    got = stances(
        "Otieno thanked Norway for its steady support for Kenya's health reforms. "
        "He noted the continued support of the European Union for the peace talks."
    )
    assert ("NOR", "support", "Kenya's health reforms") in got
    assert ("EU", "support", "peace talks") in got


def test_no_stance_from_hospitality_or_pronouns() -> None:
    assert stances("Haugen welcomed the President to Oslo. Otieno said: we welcome you.") == []
    assert stances("Haugen said the two sides support each other.") == [("both", "support", "each other")]


@pytest.mark.parametrize(
    ("text", "label", "holder"),
    [
        (
            "They praised the Kenya-Norway comprehensive strategic partnership.",
            "comprehensive strategic partnership",
            "KEN-NOR",
        ),
        (
            "Norway and Kenya are comprehensive strategic partners.",
            "comprehensive strategic partnership",
            "NOR-KEN",
        ),
        (
            "They lifted ties to an all-weather comprehensive strategic partnership.",
            "all-weather comprehensive strategic partnership",
            None,
        ),
        (
            "Norwegian-Kenyan relations of strategic partnership and alliance grew.",
            "strategic partnership and alliance",
            "NOR-KEN",
        ),
        ("Both cherish their special relationship.", "special relationship", None),
        (
            "They hailed the comprehensive strategic partnership of coordination for a new era.",
            "comprehensive strategic partnership of coordination for a new era",
            None,
        ),
        (
            "They deepened the comprehensive global strategic partnership between Kenya and Norway.",
            "comprehensive global strategic partnership",
            "KEN-NOR",
        ),
        ("Integration within the Union State continued.", "Union State", None),
    ],
)
def test_relationship_labels(text: str, label: str, holder: str | None) -> None:
    assert labels(text) == [(label, holder)]


def test_longest_label_only_and_no_weak_labels() -> None:
    got = labels(
        "They upgraded ties to an all-weather comprehensive strategic partnership. "
        "The all-weather comprehensive strategic partnership will deepen."
    )
    assert got == [("all-weather comprehensive strategic partnership", None)]
    assert labels("They have friendly relations and close partners in the region.") == []


def test_label_spans_collect_every_sentence() -> None:
    c = run("Norway and Kenya are strategic partners. The strategic partnership is ten years old.")
    (lab,) = c.relationship_labels
    assert lab.label == "strategic partnership" and len(lab.spans) == 2


def test_normalise_label() -> None:
    assert normalise_label("Comprehensive Strategic Partners") == "comprehensive strategic partnership"
    assert (
        normalise_label("close, comprehensive strategic partnership") == "comprehensive strategic partnership"
    )
