"""Clustering robust to annotate errors, on short texts and frames written for these tests.

Each test pins one mechanism: names in many forms, a wrong or missing
country, a participant missing or extra, kin event types, an announcement
dated on its publication day, a document with no frame, and what must stay
apart in spite of all that leniency.
"""

from __future__ import annotations

from collections.abc import Sequence

from communique.cluster import cluster
from communique.cluster.link import Linker
from communique.cluster.people import compare_people, merge_people, name_words, same_person, words_match
from communique.model import Document, Event, Frame, OffsetMap, Participant, content_id


def P(name: str | None, country: str | None, role: str | None = None) -> Participant:  # noqa: N802
    return Participant(name, country, role)


ANNA = P("Anna Example", "AAA", "President")
BRUNO = P("Bruno Sampleton", "BBB", "Prime Minister")
CARLA = P("Carla Otherwise", "CCC", "Chancellor")
DARIO = P("Dario Fourthman", "DDD", "President")


def _doc(text: str, published: str) -> Document:
    return Document(
        content_id(text + published), text, text, OffsetMap.identity(len(text)), published=published
    )


def _frame(doc: Document, people: Sequence[Participant] = (ANNA, BRUNO), **kw: object) -> Frame:
    spec: dict = {
        "role": "readout",
        "type": "meeting",
        "status": "held",
        "date": doc.published,
        "date_certain": True,
        "participants": tuple(people),
    }
    spec.update(kw)
    return Frame(doc.id, **spec)


def _event_of(events: Sequence[Event], doc: Document) -> Event:
    return next(e for e in events if any(s.doc_id == doc.id for s in e.sources))


def _together(events: Sequence[Event], *docs: Document) -> bool:
    return len({_event_of(events, d).id for d in docs}) == 1


MEETING = (
    "President Anna Example received Prime Minister Bruno Sampleton at the Lakeside Palace in Northtown. "
    "The two leaders discussed river shipping, grain storage and a new rail link between their capitals. "
    "Example said the talks opened a new chapter; Sampleton invited her to visit next spring."
)
MEETING_2 = (
    "Northtown -- Bruno Sampleton and Anna Example held talks on Monday at the Lakeside Palace, "
    "where the rail link and river shipping topped the agenda, officials said. "
    "Sampleton called the grain storage deal a model for the region."
)


# ----------------------------------------------------------------------------- names


def test_names_in_many_house_styles_are_one_person() -> None:
    assert name_words("Shri Narendra Modi") == ("narendra", "modi")
    assert name_words("H.R.H. Crown Prince Mohammed bin Salman") == ("mohammed", "salman")
    assert same_person(P("Mr KISHIDA Fumio", "JPN"), P("Fumio Kishida", "JPN"))
    assert same_person(P("Recep Tayyip Erdoğan", None), P("Recep Tayyip Erdogan", "TUR"))
    assert same_person(P("Luiz Inácio Lula da Silva", "BRA"), P("Lula", "BRA"))
    assert words_match("zelensky", "zelenskyy") and words_match("zelenskiy", "zelenskyy")
    assert not words_match("modi", "mode")  # short words must be equal
    assert not same_person(P("Kim Jong Un", "PRK"), P("Kim Yo Jong", "PRK"))


def test_wrong_country_on_a_full_name_is_one_person_at_a_cost() -> None:
    wrong = compare_people([P("Sampleton", "AAA"), ANNA], [ANNA, BRUNO])
    assert wrong.ok and 0.5 < wrong.score < 1.0
    # surnames alone under two countries are two people
    assert not same_person(P("Kim", "PRK"), P("Kim", "KOR"))
    merged = merge_people([[P("Bruno Sampleton", "AAA"), ANNA], [ANNA, BRUNO], [BRUNO]])
    assert [(p.name, p.country) for p in merged] == [("Anna Example", "AAA"), ("Bruno Sampleton", "BBB")]


def test_participant_only_one_side_lists_is_excused_when_the_other_text_names_him() -> None:
    in_text = {"sampleton", "example", "otherwise"}

    def named(p: Participant) -> bool:
        return bool(set(name_words(p.name)) & in_text)

    def not_named(p: Participant) -> bool:
        return False

    quad = [ANNA, CARLA, DARIO]
    m = compare_people(quad, [ANNA, BRUNO], named_in_a=named, named_in_b=named)
    assert not m.ok  # Dario is not named in the other text
    m = compare_people([ANNA, CARLA], [ANNA, BRUNO], named_in_a=named, named_in_b=named)
    assert m.ok and m.score == 0.5 and "named" in m.note
    # without the texts' word, different counterparts stay different
    assert not compare_people([ANNA, CARLA], [ANNA, BRUNO], not_named, not_named).ok
    # a stray word taken for a name, without a country, does not contradict
    stray = compare_people([P("Receives", None), ANNA], [ANNA, BRUNO], named, not_named)
    assert stray.ok
    # two leaders of one country are different people whatever the texts say
    assert not compare_people(
        [P("Anna Example", "AAA"), BRUNO], [P("Aldo Deputy", "AAA"), BRUNO], named, named
    ).ok


# ----------------------------------------------------------------------------- clustering


def test_reports_with_typical_annotate_errors_join() -> None:
    """Surname with honorific, missing country, kin type, an extra leader only mentioned, date a day late."""
    a = _doc(MEETING, "2024-02-05")
    b = _doc(MEETING_2 + " Chancellor Carla Otherwise sent greetings.", "2024-02-06")
    frames = {
        a.id: _frame(a, (P("H.E. Mrs EXAMPLE Anna", "AAA"), P("Sampleton", None))),
        b.id: _frame(b, (ANNA, BRUNO, CARLA), type="visit", role="news", date="2024-02-06"),
    }
    events = cluster([a, b], frames)
    assert len(events) == 1
    (ev,) = events
    assert len(ev.why) == 1 and "participants {AAA, BBB}" in ev.why[0]


def test_multilateral_list_meets_a_report_naming_other_members() -> None:
    """One report lists three leaders, another two of which only one is among the three: both texts name all."""
    text = MEETING + " Carla Otherwise and Dario Fourthman joined them for the lakeside summit."
    a = _doc(text, "2024-02-05")
    b = _doc(MEETING_2 + " Otherwise and Fourthman attended the summit too.", "2024-02-05")
    frames = {a.id: _frame(a, (ANNA, CARLA, DARIO), type="summit"), b.id: _frame(b, (ANNA, BRUNO))}
    assert len(cluster([a, b], frames)) == 1


def test_same_day_one_common_leader_different_partner_stays_apart() -> None:
    a = _doc(MEETING, "2024-02-05")
    b = _doc(
        "President Anna Example also met Chancellor Carla Otherwise in Northtown on the same day "
        "to discuss fisheries and the port of Southbay.",
        "2024-02-05",
    )
    frames = {a.id: _frame(a), b.id: _frame(b, (ANNA, CARLA))}
    assert len(cluster([a, b], frames)) == 2


def test_message_and_call_on_consecutive_days_stay_apart() -> None:
    a = _doc("Anna Example sent a message congratulating Bruno Sampleton on his re-election.", "2024-03-10")
    b = _doc("Anna Example and Bruno Sampleton spoke by telephone about his re-election.", "2024-03-11")
    frames = {a.id: _frame(a, type="message"), b.id: _frame(b, type="phone call")}
    assert len(cluster([a, b], frames)) == 2


def test_agreement_and_remarks_at_one_signing_join() -> None:
    a = _doc(MEETING + " They signed the rail link treaty.", "2024-02-05")
    b = _doc(MEETING_2 + " In remarks after signing the treaty, Example praised the rail link.", "2024-02-05")
    frames = {a.id: _frame(a, type="agreement"), b.id: _frame(b, type="remarks", role="remarks")}
    assert len(cluster([a, b], frames)) == 1


def test_announcement_dated_on_its_publication_day_joins_the_event() -> None:
    """The annotator resolved no announced day and stated the publication day as certain."""
    ann = _doc(
        "Prime Minister Bruno Sampleton will travel to Northtown to meet President Anna Example.",
        "2024-02-02",
    )
    held = _doc(MEETING, "2024-02-05")
    frames = {
        ann.id: _frame(ann, role="announcement", status="planned", date="2024-02-02", date_certain=True),
        held.id: _frame(held),
    }
    assert len(cluster([ann, held], frames)) == 1


def test_frameless_preview_joins_the_event_days_later_but_a_frameless_report_does_not() -> None:
    preview = _doc(
        "Bruno Sampleton will visit Northtown next week for talks with Anna Example on the rail link, "
        "river shipping and grain storage, his office said at a briefing.",
        "2024-01-30",
    )
    held = _doc(MEETING, "2024-02-05")
    frames = {preview.id: Frame(preview.id, role="preview", type=None), held.id: _frame(held)}
    assert len(cluster([preview, held], frames)) == 1
    frames[preview.id] = Frame(preview.id, role="news", type=None)
    assert len(cluster([preview, held], frames)) == 2


def test_frameless_text_naming_none_of_the_participants_stays_apart() -> None:
    """Same house style, same words, other people: a frameless readout does not join."""
    other = _doc(
        MEETING.replace("Anna Example", "Erika Stranger")
        .replace("Example", "Stranger")
        .replace("Bruno Sampleton", "Hugo Newcomer")
        .replace("Sampleton", "Newcomer"),
        "2024-02-05",
    )
    held = _doc(MEETING, "2024-02-05")
    frames = {other.id: Frame(other.id, role="readout", type=None), held.id: _frame(held)}
    assert len(cluster([other, held], frames)) == 2


def test_linker_caches_scores_only_and_explains_every_merge() -> None:
    docs = [
        _doc(MEETING, "2024-02-05"),
        _doc(MEETING_2, "2024-02-05"),
        _doc(MEETING + " More.", "2024-02-06"),
    ]
    frames = {d.id: _frame(d) for d in docs}
    events = cluster(docs, frames)
    (ev,) = events
    assert len(ev.why) == len(ev.sources) - 1
    assert all("~" in line for line in ev.why)
    from communique.cluster.blocking import doc_info
    from communique.cluster.text import TfIdf, profile

    ordered = sorted(docs, key=lambda d: d.id)
    texts = [d.text for d in ordered]
    infos = [doc_info(k, d, frames[d.id], profile(texts[k])) for k, d in enumerate(ordered)]
    linker = Linker(infos, TfIdf(texts), {})
    linker.group({(0, 1), (0, 2), (1, 2)})
    assert linker._cache and all(isinstance(v, float) for v in linker._cache.values())


def test_unconfirmed_stray_without_country_left_out_of_the_event() -> None:
    a = _doc(MEETING, "2024-02-05")
    b = _doc(MEETING_2 + " Sampleton spoke of Lakeside history.", "2024-02-05")
    frames = {a.id: _frame(a, (ANNA, BRUNO, P("Lakeside", None))), b.id: _frame(b)}
    (ev,) = cluster([a, b], frames)
    assert [p.name for p in ev.participants] == ["Anna Example", "Bruno Sampleton"]


def test_bilateral_on_the_eve_of_a_summit_of_the_same_host_stays_apart() -> None:
    """A summit and a bilateral meeting in person, each report saying its day, a day apart: two events."""
    eve = _doc(
        "President Anna Example hosted Prime Minister Bruno Sampleton for talks in Northtown on Monday. "
        "They discussed border crossings and a joint power line.",
        "2024-02-05",
    )
    summit = _doc(
        "The leaders of three neighbouring states, Anna Example, Bruno Sampleton and Carla Otherwise, held "
        "their summit in Northtown on Tuesday and discussed border crossings, power lines and trade.",
        "2024-02-06",
    )
    frames = {
        eve.id: _frame(eve),
        summit.id: _frame(summit, (ANNA, BRUNO, CARLA), type="summit"),
    }
    events = cluster([eve, summit], frames)
    assert not _together(events, eve, summit)
    # the same participants a day apart in person still join (one report counted a day late)
    late = _doc(
        "President Anna Example and Prime Minister Bruno Sampleton met in Northtown on Tuesday, "
        "discussing border crossings and a joint power line.",
        "2024-02-06",
    )
    frames[late.id] = _frame(late)
    events = cluster([eve, summit, late], frames)
    assert _together(events, eve, late)


def _datelined(text: str, published: str, dateline: str | None) -> Document:
    return Document(
        content_id(text + published),
        text,
        text,
        OffsetMap.identity(len(text)),
        published=published,
        dateline=dateline,
    )


def test_visit_and_return_visit_filed_from_two_cities_stay_apart_whatever_their_dates() -> None:
    """A visit and the return visit: each report datelined where its frame puts the meeting, two cities."""
    first = _datelined(MEETING, "2024-03-04", "Northtown")
    back = _datelined(
        "SOUTHBURG -- Anna Example landed in Southburg on Saturday, returning the visit Bruno Sampleton "
        "paid to Northtown earlier this week; the rail link, river shipping and grain storage are on the agenda.",
        "2024-03-09",
        "Southburg, Bland",
    )
    # the annotator gave the return visit the day of the first one
    frames = {
        first.id: _frame(first, location="Northtown"),
        back.id: _frame(back, date="2024-03-04", location="Southburg"),
    }
    assert len(cluster([first, back], frames)) == 2
    # a place not confirmed by the dateline (a comment written elsewhere) does not split a pair
    comment = _datelined(MEETING_2, "2024-03-05", None)
    frames[comment.id] = _frame(comment, date="2024-03-04", location="Southburg")
    events = cluster([first, comment], frames)
    assert _together(events, first, comment)
