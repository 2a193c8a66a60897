"""Matching participants as people, and stable event ids."""

from __future__ import annotations

from communique.cluster.ids import assign_ids, fresh_id
from communique.cluster.people import compare_people, merge_people, name_words, same_person
from communique.model import Participant, Span


def P(name: str | None, country: str | None, role: str | None = None, *spans: Span) -> Participant:  # noqa: N802
    return Participant(name, country, role, tuple(spans))


def test_name_variants_are_one_person() -> None:
    assert same_person(P("Xi", "CHN"), P("Xi Jinping", "CHN"))
    assert same_person(P("Joe Biden", "USA"), P("Joseph R. Biden, Jr.", "USA"))
    assert same_person(P("Sheikh Tamim", "QAT"), P("Tamim bin Hamad Al Thani", "QAT"))
    assert same_person(P("Biden", None), P("Joe Biden", "USA"))
    assert not same_person(P("Joe Biden", "USA"), P("Kamala Harris", "USA"))
    assert not same_person(P("Xi", "CHN"), P("Xi", "TWN"))
    assert name_words("President Joseph R. Biden, Jr.") == ("joseph", "biden")


def test_merge_keeps_fullest_name_and_every_span() -> None:
    s1, s2 = Span("a", 0, 2), Span("b", 5, 15)
    merged = merge_people(
        [[P("Xi", "CHN", None, s1), P(None, "BLR")], [P("Xi Jinping", "CHN", "President", s2)]]
    )
    assert merged == (P(None, "BLR"), P("Xi Jinping", "CHN", "President", s1, s2))
    # a state-only participant gives way to a named person of that country
    assert merge_people([[P(None, "CHN"), P("Xi Jinping", "CHN")]]) == (P("Xi Jinping", "CHN"),)


def test_two_leaders_of_one_country_are_different_events() -> None:
    guest = P("Olaf Scholz", "DEU")
    m = compare_people([P("Joe Biden", "USA"), guest], [P("Kamala Harris", "USA"), guest])
    assert not m.ok and "USA" in m.note
    assert (
        compare_people([P("Biden", "USA"), P("Scholz", "DEU")], [P("Joe Biden", "USA"), guest]).score == 1.0
    )


def test_different_counterparts_do_not_match() -> None:
    putin = P("Vladimir Putin", "RUS")
    assert not compare_people([putin, P("Emmanuel Macron", "FRA")], [putin, P("Olaf Scholz", "DEU")]).ok
    sub = compare_people([putin], [putin, P("Olaf Scholz", "DEU")])
    assert sub.ok and sub.score < 1.0


def test_ids_fresh_and_stable() -> None:
    groups = [["b", "a"], ["c"]]
    ids = assign_ids(groups, [[], []])
    assert ids == [fresh_id("a"), fresh_id("c")]
    # copies do not found events: the smallest ORIGINAL id does
    assert assign_ids([["a", "b"]], [["b"]]) == [fresh_id("b")]


def test_ids_survive_growth_and_splits() -> None:
    prev = {"a": "ev_1", "b": "ev_1", "c": "ev_2"}
    # a new document with a smaller id joins ev_1; ev_2 is untouched
    assert assign_ids([["0", "a", "b"], ["c"]], [[], []], prev) == ["ev_1", "ev_2"]
    # ev_1 splits: the part with most of its documents keeps the id
    prev = {"a": "ev_1", "b": "ev_1", "c": "ev_1"}
    ids = assign_ids([["a"], ["b", "c"]], [[], []], prev)
    assert ids[1] == "ev_1" and ids[0] == fresh_id("a")
    assert len(set(ids)) == 2
