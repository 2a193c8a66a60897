"""Topics: codebook topics, named projects and initiatives, anniversaries, greetings."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.annotate.codebook import Codebook, codebook, find_codebook
from communique.annotate.content import extract_content
from communique.annotate.topics import find_topics, topic_key
from communique.model import Document, Topic

DATA = Path(__file__).resolve().parents[1] / "data" / "content"


def topics(text: str) -> list[Topic]:
    doc = Document.from_text(text)
    return list(extract_content(doc, (), (), None).topics)


def names(text: str) -> dict[str, str]:
    return {t.name: t.kind for t in topics(text)}


def test_case_hyphen_and_word_order_variants_are_one_topic() -> None:
    ts = topics(
        "They toured the Finland-Chile Innovation Park. "
        "Investors praised the Chile-Finland innovation park. "
        "A third sentence mentions the Finland–Chile Innovation Park and the Innovation Park once more."
    )
    parks = [t for t in ts if "park" in t.name.lower()]
    assert len(parks) == 1
    assert parks[0].name == "Finland-Chile Innovation Park"  # the first form seen
    assert parks[0].kind == "project"
    assert len(parks[0].spans) >= 2


def test_topic_key() -> None:
    assert topic_key("Chile-Finland innovation park") == topic_key("Finland-Chile Innovation Park")
    assert topic_key("Shanghai Cooperation Organisation") == topic_key("Shanghai Cooperation Organization")
    assert topic_key("Minsk agreements") == topic_key("Minsk Agreement")
    assert topic_key("Arctic Council") != topic_key("Arctic Forum")


def test_codebook_aliases_give_one_canonical_name() -> None:
    ts = topics(
        "Both sides praised Belt and Road cooperation. "
        "The BRI has reached Africa. "
        "Officials reviewed the Belt and Road Initiative."
    )
    bri = [t for t in ts if t.name == "Belt and Road Initiative"]
    assert len(bri) == 1 and bri[0].kind == "initiative" and len(bri[0].spans) == 3
    assert not any(t.name.lower().startswith("belt and road") and t is not bri[0] for t in ts)


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        ("They backed the Arctic Research Initiative.", "Arctic Research Initiative", "initiative"),
        ("It is part of the 15th Five-Year Plan.", "15th Five-Year Plan", "initiative"),
        (
            "Talks continue in the Baltic Connectivity Dialogue.",
            "Baltic Connectivity Dialogue",
            "organisation",
        ),
        ("Ministers met in the Oslo format.", "Oslo format", "organisation"),
        ("They recalled the Helsinki agreements.", "Helsinki agreements", "topic"),
        ("Cargo moves on the Nordic-Andean Railway Express.", "Nordic-Andean Railway Express", "project"),
        ("They met at the Ocean Cooperation Forum.", "Ocean Cooperation Forum", "organisation"),
        (
            "They support the UN 2030 Agenda for Sustainable Development.",
            "UN 2030 Agenda for Sustainable Development",
            "initiative",
        ),
        (
            "The Treaty on Fisheries and Coastal Cooperation was signed.",
            "Treaty on Fisheries and Coastal Cooperation",
            "topic",
        ),
        ("They discussed the Baltic Star project.", "Baltic Star", "project"),
    ],
)
def test_named_things(sentence: str, name: str, kind: str) -> None:
    assert names(sentence).get(name) == kind, names(sentence)


def test_lists_of_named_things_are_split() -> None:
    found = names("They promote the Global Water Initiative and the Ocean Cooperation Forum.")
    assert "Global Water Initiative" in found and "Ocean Cooperation Forum" in found
    assert not any(" and the " in n for n in found)


def test_no_named_thing_from_ordinary_sentences() -> None:
    found = names(
        "The high-level group met. The settlement process stalled. Russian-French dialogue resumed."
    )
    assert not any(k in ("project", "initiative", "organisation") for k in found.values()), found


def test_anniversaries_and_centenaries() -> None:
    found = names(
        "This year marks the 25th anniversary of Finland-Chile diplomatic relations. "
        "They celebrated the fiftieth anniversary of the founding of the Andean Council. "
        "He congratulated the academy on the centenary of the National University of Music."
    )
    assert found["25th anniversary of diplomatic ties"] == "anniversary"
    assert found["50th anniversary of the founding of the Andean Council"] == "anniversary"
    assert found["centenary of the National University of Music"] == "anniversary"


def test_greetings() -> None:
    found = names(
        "He wished the people a happy New Year. "
        "She sent Lunar New Year greetings. "
        "They exchanged seasons' greetings. "
        "He congratulated her on taking office as prime minister."
    )
    assert found["New Year greetings"] == "greeting"
    assert found["Lunar New Year greetings"] == "greeting"
    assert found["seasons' greetings"] == "greeting"
    assert found["congratulations on taking office"] == "greeting"
    # "the beginning of the new year" is not a greeting
    assert "New Year greetings" not in names("Talks resume at the beginning of the new year.")


def test_general_topics_and_hard_wrapped_text() -> None:
    found = names(
        "They discussed the crackdown in Hong\nKong, climate change, COVID-19 vaccines and the\n"
        "situation around Ukraine, as well as sanctions and arms control."
    )
    for n in (
        "Hong Kong",
        "climate change",
        "COVID-19 pandemic",
        "vaccines",
        "Ukraine crisis",
        "sanctions",
        "arms control",
    ):
        assert n in found, (n, found)


def test_order_is_first_mention_and_spans_are_sentences() -> None:
    text = "Trade grew. Tourism grew too. Trade and tourism lead."
    ts = topics(text)
    assert [t.name for t in ts] == ["trade", "tourism"]
    assert [len(t.spans) for t in ts] == [2, 2]
    assert text[ts[0].spans[0].start : ts[0].spans[0].end] == "Trade grew."


def test_readout_fixture_topics() -> None:
    found = names((DATA / "readout.txt").read_text(encoding="utf-8"))
    for n in (
        "25th anniversary of diplomatic ties",
        "Finland-Chile Innovation Park",
        "Arctic Research Initiative",
        "Pacific-Nordic Shipping Corridor",
        "non-interference in internal affairs",
        "vaccines",
        "New Year greetings",
        "Middle East",
    ):
        assert n in found, (n, found)
    assert sum(1 for n in found if "innovation park" in n.lower()) == 1


def test_codebook_file_is_well_formed() -> None:
    cb = codebook()
    assert len(cb.entries) > 80
    kinds = {e.kind for e in cb.entries}
    assert {"topic", "initiative", "organisation", "greeting", "label"} <= kinds
    # nearly every alias is indexed by its first word: full scans stay rare
    assert len(cb.always) <= 3
    names_ = [e.name.casefold() for e in cb.entries]
    assert len(names_) == len(set(names_)), "duplicate canonical names"


def test_codebook_rejects_malformed_rows() -> None:
    with pytest.raises(ValueError):
        Codebook("trade\ttopicx\ttrade\n")
    with pytest.raises(ValueError):
        Codebook("trade\ttopic\n")


def test_codebook_hits_are_anchored_at_word_starts() -> None:
    hits = [
        (s, e, x.name)
        for s, e, x in find_codebook("Non-interference, anti-epidemic work and untrade-able goods.")
    ]
    found = {n for _s, _e, n in hits}
    assert "non-interference in internal affairs" in found
    assert "COVID-19 pandemic" in found
    assert "trade" not in found


def test_find_topics_accepts_precomputed_hits() -> None:
    text = "Trade and energy were discussed."
    doc = Document.from_text(text)
    from communique.annotate.sentences import split_sentences

    ss = split_sentences(doc)
    assert find_topics(doc, ss) == find_topics(doc, ss, find_codebook(text))


def test_short_form_merges_into_the_long_name_but_not_across_of() -> None:
    found = names(
        "They visited the Finland-Chile Innovation Park. The Innovation Park employs 500 people. "
        "They adopted the Declaration of the Ocean Council. The Ocean Council meets in May."
    )
    assert "Innovation Park" not in found and "Finland-Chile Innovation Park" in found
    assert "Declaration of the Ocean Council" in found and "Ocean Council" in found
