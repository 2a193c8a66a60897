"""Regression tests: a leader's country from text evidence only (possessive countries, bilateral
partners, demonym + office co-reference), first-person authors, title-only people, agreements,
country-subject summits and the main predicate's day."""

from __future__ import annotations

from annotatehelp import make_doc

from communique.annotate import annotate
from communique.annotate.actors import find_actors
from communique.annotate.lexicon import lexicon


def _people(text: str) -> list[tuple[str | None, str | None, str | None]]:
    a = find_actors(text, None, lexicon())
    return [(p.name, p.country, p.role) for p in a.people if p.mentions]


def _frame_people(text: str, **kw: object) -> list[tuple[str | None, str | None, str | None]]:
    f = annotate(make_doc(text, **kw)).frame
    return sorted(((p.name, p.country, p.role) for p in f.participants), key=str)


def test_possessive_country_is_a_country() -> None:
    text = "Norway's Prime Minister Ola Berg met the delegation. It was Chile’s largest trade partner."
    a = find_actors(text, None, lexicon())
    assert {e.value for _s, _e, e, _t in a.entities} == {"NOR", "CHL"}
    assert ("Ola Berg", "NOR", "Prime Minister") in _people(text)


def test_bilateral_partner_gives_the_remaining_country() -> None:
    text = (
        "President Ana Soto held a phone call today with President Lars Holm of Norway.\n\n"
        "The two presidents discussed cooperation between Chile and Norway in the coming term."
    )
    got = _frame_people(text, published="2024-03-02")
    assert got == [("Ana Soto", "CHL", "President"), ("Lars Holm", "NOR", "President")]


def test_hyphenated_pair_gives_the_remaining_country() -> None:
    text = (
        "President Ana Soto spoke by phone with President Lars Holm of Norway on Monday.\n\n"
        "They reviewed Norway-Chile relations and the war in Ukraine."
    )
    got = _frame_people(text, published="2024-03-05")
    assert ("Ana Soto", "CHL", "President") in got


def test_two_countries_merely_listed_are_no_pair() -> None:
    text = (
        "President Ana Soto held a phone call today with President Lars Holm of Norway.\n\n"
        "They discussed Chile and Peru."
    )
    got = _frame_people(text, published="2024-03-02")
    assert ("Ana Soto", None, "President") in got


def test_a_surname_used_alone_makes_its_full_name_a_person() -> None:
    text = (
        "On Monday Marta Kowalska walked through the old town before talks with Chilean President Ana Soto. "
        "Kowalska said the talks were constructive."
    )
    assert ("Marta Kowalska", None, None) in _people(text)


def test_a_nameless_office_takes_the_name_used_elsewhere() -> None:
    text = (
        "SANTIAGO (Wire) — On Monday Marta Kowalska walked to the palace for talks with Chilean President "
        "Ana Soto, the first visit by a Polish leader since 2010. Kowalska said afterwards that the talks "
        "had been positive. The prime minister flies home on Tuesday."
    )
    got = _frame_people(text, published="2024-03-04", outlet="Wire")
    assert ("Marta Kowalska", "POL", None) in got or ("Marta Kowalska", "POL", "Prime Minister") in got


def test_first_person_release_adds_its_bylined_author() -> None:
    text = (
        "Media release\n\nPrime Minister Ana Soto\n\n"
        "Today I welcomed Prime Minister Lars Holm of Norway to the palace in Santiago for our bilateral "
        "meeting.\n\nWe discussed trade and the Chile-Norway partnership."
    )
    got = _frame_people(text, published="2024-05-24")
    assert got == [("Ana Soto", "CHL", "Prime Minister"), ("Lars Holm", "NOR", "Prime Minister")]


def test_no_byline_no_first_person_author() -> None:
    text = "Today I welcomed Prime Minister Lars Holm of Norway to Santiago.\n\nWe discussed trade."
    got = _frame_people(text, published="2024-05-24")
    assert all(n == "Lars Holm" for n, _c, _r in got)  # no author is invented


def test_a_meeting_of_three_countries_leaders_is_a_summit() -> None:
    text = (
        "Media statement\n\nPrime Minister Ana Soto\n\n"
        "This evening I chaired a meeting of leaders in Lima with President Lars Holm of Norway and "
        "Prime Minister Aiko Sato of Japan.\n\nWe discussed the war in Ukraine."
    )
    f = annotate(make_doc(text, published="2024-05-20", url="https://www.pm.gob.cl/x")).frame
    assert f.type == "summit"
    assert sorted(p.country for p in f.participants) == ["CHL", "JPN", "NOR"]


def test_day_ranges_start_on_their_first_day() -> None:
    import datetime as dt

    from communique.annotate.dates import find_times

    text = "A visit from 25-26 January 2019. Talks on March 5 to 7, 2019. Growth of May 3 and 4 percent."
    got = {t.text: (t.day, t.first, t.last) for t in find_times(text, [(0, len(text))], dt.date(2019, 1, 20))}
    assert got["25-26 January 2019"] == (dt.date(2019, 1, 25), dt.date(2019, 1, 25), dt.date(2019, 1, 26))
    assert got["March 5 to 7, 2019"] == (dt.date(2019, 3, 5), dt.date(2019, 3, 5), dt.date(2019, 3, 7))
    assert got["May 3"][2] == got["May 3"][1]  # "3 and 4 percent" is no range


def test_a_stated_meeting_day_beats_the_visit_range() -> None:
    text = (
        "President Ana Soto of Chile, who is on a State Visit to Norway from 25-27 January 2019, held talks "
        "with Prime Minister Lars Holm of Norway in Oslo today."
    )
    f = annotate(make_doc(text, published="2019-01-26")).frame
    assert f.date == "2019-01-26"


def test_a_day_after_the_talks_dates_the_talks() -> None:
    text = (
        "SANTIAGO, May 11 (Wire) - Norwegian Prime Minister Lars Holm left Chile on Saturday for Peru, a day "
        "after talks in Santiago with President Ana Soto aimed at deepening ties.\n\n"
        "Holm said Chile was a key partner."
    )
    f = annotate(make_doc(text, published="2024-05-11", outlet="Wire", dateline="Santiago")).frame
    assert f.date == "2024-05-10"
    assert f.location == "Santiago"
    assert ("Ana Soto", "CHL", "President") in [(p.name, p.country, p.role) for p in f.participants]


def test_a_third_place_gives_no_host_country() -> None:
    text = (
        "Prime Minister Lars Holm of Norway held talks in Santiago with President Ana Soto on the sidelines "
        "of the summit on Friday. Chile hosts the summit."
    )
    f = annotate(make_doc(text, published="2024-05-11")).frame
    assert ("Ana Soto", None, "President") in [(p.name, p.country, p.role) for p in f.participants]


def test_a_definite_office_in_apposition_names_its_holder() -> None:
    text = "He will be received in Oslo by the Federal Chancellor, Lena Brandt, on Tuesday."
    assert ("Lena Brandt", None, "Chancellor") in _people(text) or any(
        n == "Lena Brandt" for n, _c, _r in _people(text)
    )


def test_a_summit_of_listed_countries_takes_each_countrys_leader() -> None:
    text = (
        "LIMA, May 20 (Wire) -- The leaders of Chile, Norway, Japan and Peru held a summit in Lima on "
        "Saturday, after Norwegian Prime Minister Lars Holm cut short his trip.\n\n"
        "Holm later flew home, leaving Peruvian President Rosa Quispe to chair the session. Sitting with "
        "Chilean President Ana Soto and Japanese Prime Minister Aiko Sato, Holm said the region mattered."
    )
    f = annotate(make_doc(text, published="2024-05-20", outlet="Wire", dateline="Lima")).frame
    assert f.type == "summit"
    assert sorted(p.country for p in f.participants) == ["CHL", "JPN", "NOR", "PER"]


def test_a_dispatch_from_the_hosts_capital_names_the_host() -> None:
    text = (
        "OSLO (Wire) — Chilean President Ana Soto arrived in the Norwegian capital on Tuesday, where she held "
        "talks with Prime Minister Lars Holm."
    )
    f = annotate(make_doc(text, published="2024-03-05", outlet="Wire", dateline="Oslo")).frame
    assert ("Lars Holm", "NOR", "Prime Minister") in [(p.name, p.country, p.role) for p in f.participants]
