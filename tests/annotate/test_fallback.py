"""Regression tests for the fallback frame (:mod:`communique.annotate.fallback`): lead phrasings the
main builder leaves frameless, and documents about no diplomatic event that must stay frameless.
All names are invented."""

from __future__ import annotations

from annotatehelp import make_doc

from communique.annotate import annotate
from communique.model import Frame


def _frame(text: str, **kw: object) -> Frame:
    return annotate(make_doc(text, **kw)).frame  # type: ignore[arg-type]


def test_nameless_receiver_takes_the_host_place_country() -> None:
    f = _frame(
        "The President received Chilean President Mr Aldo Ferrand in Lima on 3 May 2021.\n\n"
        "Mr Ferrand said Chile supports the reform process.",
        published="2021-05-03",
    )
    assert f.type == "meeting"
    assert {p.country for p in f.participants} == {"PER", "CHL"}
    assert f.date == "2021-05-03"
    assert f.location == "Lima"
    ev = dict(f.evidence)
    assert "type" in ev and "date" in ev and "location" in ev
    assert all(p.spans for p in f.participants)


def test_possessive_countries_of_untitled_names() -> None:
    f = _frame(
        "Peru's Aldo Ferrand and Chile's Mateo Quispen held talks on Friday in Quito.\n\n"
        "The two presidents agreed to reopen the border crossing.",
        published="2021-05-07",
    )
    assert f.type == "meeting"
    assert sorted((p.name, p.country) for p in f.participants) == [
        ("Aldo Ferrand", "PER"),
        ("Mateo Quispen", "CHL"),
    ]
    assert f.date == "2021-05-07"


def test_domestic_meeting_stays_frameless() -> None:
    f = _frame(
        "President Aldo Ferrand met farmers' leaders in Lima on Monday to discuss water prices.\n\n"
        "The government will publish a new irrigation plan next month.",
        published="2021-05-03",
    )
    assert f.type is None
    assert f.participants == ()


def test_sports_final_stays_frameless() -> None:
    f = _frame(
        "Ana Ruiz beat Maria Lenz 6-3, 6-4 in the final in Madrid on Sunday.\n\n"
        "Ruiz received the trophy from the tournament director and thanked the crowd.",
        published="2021-05-09",
    )
    assert f.type is None


def test_market_report_stays_frameless() -> None:
    f = _frame(
        "Shares of Andes Copper rose 4 percent after the company signed a supply agreement with a smelter.\n\n"
        "Chief executive Tomas Velik said the deal would lift output next year.",
        published="2021-05-09",
    )
    assert f.type is None


def test_plural_office_lists_pair_in_order_at_a_signing() -> None:
    f = _frame(
        "LIMA, May 3 (Andes Wire) -- Peru and Chile signed on Sunday the agreement that settles their "
        "maritime border, in a ceremony at the presidential palace.\n\n"
        "Foreign Ministers Aldo Ferrand and Mateo Quispen signed the document while "
        "Peruvian Prime Minister Rosa Tamayo and Chilean Prime Minister Ines Barca looked on.\n\n"
        "The treaty must still be ratified by both parliaments.",
        published="2021-05-03",
        dateline="Lima",
    )
    assert f.type == "agreement"
    assert f.status == "held"
    assert {p.country for p in f.participants} == {"PER", "CHL"}
    assert f.date == "2021-05-02"
    assert f.location == "Lima"


def test_signatories_and_the_host_in_whose_presence_they_sign() -> None:
    f = _frame(
        "LIMA, May 3 (Andes Wire) -- Chile and Bolivia signed an agreement with Peru on Monday to open a "
        "rail corridor to the Pacific.\n\n"
        "Chilean Transport Minister Aldo Ferrand and Bolivian Public Works Minister Mateo Quispen signed at "
        "separate tables in the Torre Tagle Palace, in the presence of President Rosa Tamayo.\n\n"
        "The corridor is to open next year.",
        published="2021-05-03",
        dateline="Lima",
    )
    assert f.type == "agreement"
    assert f.cameo == "057"
    assert sorted((p.name, p.country) for p in f.participants) == [
        ("Aldo Ferrand", "CHL"),
        ("Mateo Quispen", "BOL"),
        ("Rosa Tamayo", "PER"),
    ]
    assert f.date == "2021-05-03"
    assert f.location == "Lima"


def test_parallel_plural_office_lists() -> None:
    f = _frame(
        "VALPARAISO, May 3 (Andes Wire) -- The border treaty is to be signed on Sunday in Arica.\n\n"
        "Foreign Ministers Aldo Ferrand and Mateo Quispen are expected to put their signatures to the text in "
        "the presence of Presidents Rosa Tamayo and Ines Barca, Peru's Rosa Tamayo having confirmed her "
        "attendance as did Chile's Ines Barca.",
        published="2021-05-03",
    )
    assert f.type == "agreement"
    assert f.status == "planned"
    assert sorted((p.name, p.country, p.role) for p in f.participants) == [
        ("Aldo Ferrand", "PER", "Foreign Minister"),
        ("Ines Barca", "CHL", "President"),
        ("Mateo Quispen", "CHL", "Foreign Minister"),
        ("Rosa Tamayo", "PER", "President"),
    ]


def test_countries_offices_at_a_summit_signing() -> None:
    f = _frame(
        "LIMA, May 3 (Andes Wire) -- The presidents of Peru, Chile and Bolivia signed the Lima Declaration "
        "at the end of the one-day summit on Monday.\n\n"
        "The declaration sets up a permanent secretariat.",
        published="2021-05-03",
        dateline="Lima",
    )
    assert f.type == "summit"
    assert sorted((p.name, p.country, p.role) for p in f.participants) == [
        (None, "BOL", "President"),
        (None, "CHL", "President"),
        (None, "PER", "President"),
    ]


def test_honorific_and_initials_before_a_minister_name() -> None:
    f = _frame(
        "On the margins of the regional conference in Quito, Trade Minister Dr. R. Kalvani and Foreign "
        "Minister of Chile Mr. Tomas Velik held talks on Thursday on the situation in the Peru–Chile border "
        "areas.\n\nThe talks were frank and constructive.",
        published="2021-05-07",
    )
    assert f.type == "meeting"
    assert sorted((p.name, p.country) for p in f.participants) == [
        ("R. Kalvani", "PER"),
        ("Tomas Velik", "CHL"),
    ]
    assert f.date == "2021-05-06"


def test_domestic_signings_stay_frameless() -> None:
    f = _frame(
        "LIMA, May 3 (Andes Wire) -- Interior Minister Aldo Ferrand signed a decree on Monday extending the "
        "state of emergency, and Health Minister Mateo Quispen signed an agreement with regional governors "
        "on vaccine deliveries.\n\nThe measures take effect on Tuesday.",
        published="2021-05-03",
        dateline="Lima",
    )
    assert f.type is None
    assert f.participants == ()


def test_company_signing_with_a_minister_present_stays_frameless() -> None:
    f = _frame(
        "LIMA, May 3 (Andes Wire) -- Andes Copper signed a supply agreement with a Chilean smelter on Monday "
        "in the presence of Mining Minister Aldo Ferrand.\n\n"
        "Chief executive Tomas Velik said the deal would lift output next year.",
        published="2021-05-03",
        dateline="Lima",
    )
    assert f.type is None


def test_corpus_knowledge_places_untitled_names_in_the_fallback():
    from communique.annotate import annotate
    from communique.model import Document

    text = (
        "PORT LEMAN, May 3 (Harbor Wire) -- Arno Valdor received Bela Quintar at the lakeside palace on "
        "Friday, and after their talks the two presidents answered questions from reporters.\n\n"
        "They spoke about river shipping and a rail link."
    )
    doc = Document.from_text(text, published="2024-05-03")
    known = {"Arno Valdor": ("AAA", "President"), "Bela Quintar": ("BBB", "President")}
    frame = annotate(doc, known).frame
    assert frame.type == "meeting"
    assert sorted((p.name, p.country) for p in frame.participants) == [("Arno Valdor", "AAA"), ("Bela Quintar", "BBB")]
