"""People, countries and coreference: every title pattern, short mentions, no names in the tables."""

from __future__ import annotations

import pytest

from communique.annotate.actors import find_actors
from communique.annotate.lexicon import lexicon, tokenize


def people(text: str, title: str | None = None) -> list[tuple[str | None, str | None, str | None]]:
    a = find_actors(text, title, lexicon())
    return [(p.name, p.country, p.role) for p in a.people if p.mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Belarusian President Anton Volkau spoke.", ("Anton Volkau", "BLR", "President")),
        ("President of Russia Oleg Sedov spoke.", ("Oleg Sedov", "RUS", "President")),
        ("Prime Minister Hiroshi Mori of Japan spoke.", ("Hiroshi Mori", "JPN", "Prime Minister")),
        ("President Sedov of the Russian Federation spoke.", ("Sedov", "RUS", "President")),
        ("Prime Minister of the United Kingdom Alan Hart spoke.", ("Alan Hart", "GBR", "Prime Minister")),
        ("Chancellor Jonas Weber of Germany spoke.", ("Jonas Weber", "DEU", "Chancellor")),
        (
            "Amir Sheikh Khalid bin Saud Al Nahyan of Qatar spoke.",
            ("Khalid bin Saud Al Nahyan", "QAT", "Amir"),
        ),
        ("Federal Chancellor of Germany Jonas Weber spoke.", ("Jonas Weber", "DEU", "Chancellor")),
        ("Chinese President Wu Jian spoke.", ("Wu Jian", "CHN", "President")),
        ("U.S. President Mark Ellis spoke.", ("Mark Ellis", "USA", "President")),
        ("Emirati Foreign Minister Omar Rashed spoke.", ("Omar Rashed", "ARE", "Foreign Minister")),
        ("President of the Republic of Korea Kim Dae-ho spoke.", ("Kim Dae-ho", "KOR", "President")),
        (
            "Secretary-General of the United Nations Luis Prado spoke.",
            ("Luis Prado", "UN", "Secretary-General"),
        ),
        ("Minister of Foreign Affairs of India Ravi Nair spoke.", ("Ravi Nair", "IND", "Foreign Minister")),
    ],
)
def test_title_patterns(text, expected):
    assert expected in people(text)


def test_name_with_initial_and_suffix():
    got = people("President Thomas J. Garner, Jr. spoke today with President Ana Lima of Brazil.")
    assert ("Thomas J. Garner", None, "President") in got
    assert ("Ana Lima", "BRA", "President") in got


def test_full_and_short_names_are_one_person():
    text = (
        "President Thomas J. Garner, Jr. met Prime Minister Lena Roth of Denmark. "
        "Tom Garner said the talks were good. President Garner thanked Mr. Garner's staff. Roth agreed."
    )
    got = people(text)
    assert len([p for p in got if p[0] and "Garner" in p[0]]) == 1
    assert len([p for p in got if p[0] and "Roth" in p[0]]) == 1


def test_coreference_of_short_mentions():
    text = (
        "Chinese President Wu Jian held talks with Belarusian President Anton Volkau. "
        "Wu said the countries are friends. The Belarusian leader agreed. Mr. Volkau thanked the Chinese President. "
        "The two presidents signed a statement."
    )
    a = find_actors(text, None, lexicon())
    wu = next(i for i, p in enumerate(a.people) if p.name == "Wu Jian")
    vo = next(i for i, p in enumerate(a.people) if p.name == "Anton Volkau")
    by_text = {text[s:e]: i for (s, e, _t), i in a.mention_of.items()}
    assert by_text["Wu"] == wu
    assert by_text["The Belarusian leader"] == vo
    assert by_text["Volkau"] == vo
    assert by_text["the Chinese President"] == wu
    assert [text[s:e] for s, e in a.groups] == ["The two presidents"]


def test_nameless_country_title_gives_a_bare_name_its_country():
    text = (
        "Oleg Sedov had a telephone conversation with Prime Minister of Japan Hiroshi Mori. "
        "The President of Russia shared his view. Oleg Sedov also spoke about trade."
    )
    got = people(text)
    assert ("Oleg Sedov", "RUS", "President") in got


def test_headline_apart_from_text():
    a = find_actors(
        "The leaders spoke.",
        "Readout of President Garner's Call with President Ana Lima of Brazil",
        lexicon(),
    )
    names = {p.name for p in a.people}
    assert {"Garner", "Ana Lima"} <= names


def test_vocative_and_lower_case_titles_are_not_people():
    got = people("Mr President, thank you. The president of the club spoke.")
    assert all(p[0] is None for p in got)


def test_country_names_and_demonyms():
    lex = lexicon()
    for phrase, iso in [
        ("the People's Republic of China", "CHN"),
        ("the Russian Federation", "RUS"),
        ("the Republic of Korea", "KOR"),
        ("the Federal Republic of Germany", "DEU"),
        ("the United Kingdom", "GBR"),
        ("the United States", "USA"),
        ("U.S.", "USA"),
        ("Belarusian", "BLR"),
        ("Emirati", "ARE"),
        ("Türkiye", "TUR"),
    ]:
        toks = tokenize(phrase)
        i = 1 if toks[0].low == "the" else 0
        m = lex.match_entity(toks, i)
        assert m is not None and m[0].value == iso, phrase


def test_america_needs_no_latin_prefix():
    a = find_actors("Leaders of Latin America met. America responded.", None, lexicon())
    isos = [e.value for _s, _e, e, _t in a.entities]
    assert isos.count("USA") == 1


def test_demonyms_cover_every_un_member():
    import pycountry

    un_members = 193
    lex = lexicon()
    covered = {e.value for e in lex.entities.values() if e.kind == "demonym"}
    assert len(covered) >= un_members
    # every demonym names a country: an ISO code, or one the country table adds (a state pycountry lacks)
    assert all(pycountry.countries.get(alpha_3=c) or c in lex.country_name for c in covered)
