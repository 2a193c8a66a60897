"""Document role from genre markers and wire datelines; one-word names through corpus knowledge;
Kosovo in the country tables."""

from __future__ import annotations

from annotatehelp import make_doc

from communique.annotate import annotate
from communique.annotate.actors import find_actors
from communique.annotate.lexicon import lexicon
from communique.annotate.roles import comment_source, headline_role, text_dateline


def test_wire_lead_words_are_not_its_genre() -> None:
    lead = "ARDEN, Norland (Gull Wire) — The two prime ministers held a news conference on Monday."
    assert headline_role(lead, lead, "media", lead) == ("news", "dateline")


def test_accented_capital_dateline() -> None:
    assert text_dateline("SÃO VERDE, Norland (Gull Wire) — Rain fell.") == "São Verde"
    assert text_dateline("ÉCLAT, Oct 3 (Gull Wire) -- Rain fell.") == "Éclat"


def test_genre_label_is_comment() -> None:
    body = "FEATURE — Two harbours\n\nThe fishermen say the sea never asked for passports."
    assert headline_role("FEATURE — Two harbours", "", None, body)[0] == "comment"


def test_commentary_section_in_address() -> None:
    assert comment_source("https://paper.example/opinion/2023/03/12/a-deal", None)
    assert not comment_source("https://paper.example/news/2023/03/12/a-deal", None)


def test_broadcast_transcript_is_news() -> None:
    body = "ANCHOR: Good evening. The leaders met today.\n\nCORRESPONDENT: They talked for two hours.\n\nANCHOR: Thank you."
    assert headline_role("EVENING NEWS — transcript", "", None, body) == ("news", "transcript")


def test_future_wire_lead_is_preview() -> None:
    text = (
        "ARDEN, May 15 (Gull Wire) -- President Ana Soto will host Prime Minister Bo Lund of Estonia "
        "in Arden on Friday for talks on energy, officials said.\n\nThe two are expected to sign a pact."
    )
    frame = annotate(make_doc(text, outlet="Gull Wire", published="2023-05-15")).frame
    assert frame.role == "preview"


def test_one_word_name_resolved_through_known() -> None:
    lex = lexicon()
    text = "Mr Lundqvist spoke of trade. Later Mr Lundqvist said the talks were useful."
    known = {"Per Lundqvist": ("SWE", "Prime Minister"), "Ana Soto": ("ESP", "President")}
    names = {p.name: p.country for p in find_actors(text, None, lex, known).people}
    assert names.get("Per Lundqvist") == "SWE"
    two = {"Per Lundqvist": ("SWE", None), "Eva Lundqvist": ("NOR", None)}
    assert "Per Lundqvist" not in {p.name for p in find_actors(text, None, lex, two).people}


def test_kosovo_country_and_demonym() -> None:
    lex = lexicon()
    assert lex.country_name["XKX"] == "Kosovo"
    text = "The Kosovar prime minister, Ardit Berisha, met Serbia's Prime Minister Milan Ilic in Brussels."
    countries = {p.name: p.country for p in find_actors(text, None, lex).people}
    assert countries.get("Ardit Berisha") == "XKX"
