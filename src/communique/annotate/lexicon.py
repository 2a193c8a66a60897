"""Gazetteers and the tokenizer every annotate module shares.

In: the TSV tables shipped in ``communique/data`` (demonyms, extra country
names, titles, organisations, places, publishers) and pycountry's ISO 3166
list. Out: one immutable :class:`Lexicon` (built once, cached) that maps token
sequences to what they name, plus :func:`tokenize`.

Why it works and is fast: every phrase is tokenized with the same tokenizer as
the text, so a lookup is a dict hit on a tuple of normalised tokens; matching
a text is a longest-match scan that only starts at tokens that can begin a
phrase (``starts``). Entity phrases (countries, demonyms, organisations,
places) are case-sensitive, title phrases are not (speaker labels are in
capitals). No person names are listed anywhere: people are found by pattern.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import pycountry

# A token: a dotted acronym ("U.S.", "D.C."), a word (letters, inner apostrophes),
# a number, or one punctuation character.
TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+(?:['’][^\W\d_]+)*|\d+|[^\s\w]")


class Token:
    """A token as written (``text``), straightened (``norm``), lower-cased (``low``), with offsets."""

    __slots__ = ("text", "norm", "low", "start", "end", "is_cap", "is_word")

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text = text
        self.norm = text.replace("’", "'") if "’" in text else text
        self.low = self.norm.lower()
        self.start = start
        self.end = end
        c = text[:1]
        self.is_cap = c.isupper()
        self.is_word = c.isalpha()

    def __repr__(self) -> str:
        return f"Token({self.text!r}, {self.start}, {self.end})"


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text`` (built without a call per token)."""
    out: list[Token] = []
    new = Token.__new__
    append = out.append
    for m in TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        s = m.group()
        t = new(Token)
        t.text = s
        t.norm = n = s.replace("’", "'") if "’" in s else s
        t.low = n.lower()
        t.start, t.end = m.span()
        c = s[0]
        t.is_cap = c.isupper()
        t.is_word = c.isalpha()
        append(t)
    return out


def _key(phrase: str, lower: bool = False) -> tuple[str, ...]:
    toks = tuple(t.norm for t in tokenize(phrase))
    return tuple(t.lower() for t in toks) if lower else toks


def _rows(name: str) -> list[list[str]]:
    text = resources.files("communique").joinpath("data", name).read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]


@dataclass(frozen=True)
class Entry:
    kind: str  # country | demonym | org | place | title
    value: str  # iso3 / org code / role
    extra: str = ""  # place: city it stands for; title: rank


@dataclass(frozen=True)
class Publisher:
    country: str | None
    kind: str
    principal: str | None


class Lexicon:
    """All phrase tables, keyed by token tuples (see module docstring)."""

    def __init__(self) -> None:
        self.entities: dict[tuple[str, ...], Entry] = {}
        self.titles: dict[tuple[str, ...], Entry] = {}
        self.capital: dict[str, str] = {}
        self.country_name: dict[str, str] = {}
        self.publishers: dict[str, Publisher] = {}
        for c in pycountry.countries:
            names = [c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)]
            for n in names:
                if not n:
                    continue
                if ", " in n:  # "Korea, Republic of" -> "Republic of Korea"
                    head, _, tail = n.partition(", ")
                    n = f"{tail} {head}"
                self._add(n, Entry("country", c.alpha_3))
            self.country_name.setdefault(c.alpha_3, getattr(c, "common_name", None) or c.name)
        self.sovereign: dict[str, str] = {}  # a dependent territory -> the state it belongs to
        for row in _rows("countries.tsv"):
            iso, row_names = row[0], row[1]
            self.country_name.setdefault(iso, row_names.split("|")[0])  # a code pycountry lacks (XKX)
            for n in row_names.split("|"):
                if n:
                    self._add(n, Entry("country", iso), force=True)
            if len(row) > 2 and row[2].strip():
                self.sovereign[iso] = row[2].strip()
        for iso, row_names in _rows("demonyms.tsv"):
            for n in row_names.split("|"):
                e = Entry("country" if n.isupper() or "." in n else "demonym", iso)
                self._add(n, e, force=e.kind == "country" or iso == "KOR")
        for code, row_names in _rows("organisations.tsv"):
            for n in row_names.split("|"):
                self._add(n, Entry("org", code), force=True)
        for row in _rows("places.tsv"):
            place, iso, city = row[0], row[1], (row[2] if len(row) > 2 else "")
            self._add(place, Entry("place", iso, city.strip() or place), force=True)
            if not city.strip() and iso not in self.capital:
                self.capital[iso] = place
        self.title_rank: dict[str, int] = {}
        for row in _rows("titles.tsv"):
            self.titles[_key(row[0], lower=True)] = Entry("title", row[1], row[2])
            self.title_rank[row[1]] = min(self.title_rank.get(row[1], 9), int(row[2]))
        for row in _rows("publishers.tsv"):
            row = row + [""] * (4 - len(row))
            self.publishers[row[0].strip().lower()] = Publisher(
                row[1] or None, row[2] or "media", row[3] or None
            )
        # A possessive is one token ("Brazil's", "Türkiye’s"): "Brazil's President" names Brazil. Each
        # country, organisation and place phrase also matches with a possessive last word.
        for k, entry in list(self.entities.items()):
            if entry.kind != "demonym" and k[-1][-1:].isalpha() and not k[-1].endswith("s"):
                self.entities.setdefault(k[:-1] + (k[-1] + "'s",), entry)
        self.starts = frozenset(k[0] for k in self.entities)
        self.title_starts = frozenset(k[0] for k in self.titles)
        self.maxlen = max(len(k) for k in self.entities)
        self.title_maxlen = max(len(k) for k in self.titles)

    def _add(self, phrase: str, entry: Entry, force: bool = False) -> None:
        k = _key(phrase.strip())
        if k and k[0].lower() == "the":
            k = k[1:]
        if k and (force or k not in self.entities):
            self.entities[k] = entry

    def match_entity(self, toks: list[Token], i: int) -> tuple[Entry, int] | None:
        """The longest entity phrase starting at token ``i``: (entry, number of tokens)."""
        if toks[i].norm not in self.starts:
            return None
        for n in range(min(self.maxlen, len(toks) - i), 0, -1):
            e = self.entities.get(tuple(t.norm for t in toks[i : i + n]))
            if e is not None:
                return e, n
        return None

    def match_title(self, toks: list[Token], i: int) -> tuple[Entry, int] | None:
        """The longest title phrase starting at token ``i`` (case-insensitive)."""
        if toks[i].low not in self.title_starts:
            return None
        for n in range(min(self.title_maxlen, len(toks) - i), 0, -1):
            e = self.titles.get(tuple(t.low for t in toks[i : i + n]))
            if e is not None:
                return e, n
        return None

    def publisher(self, outlet: str | None) -> Publisher | None:
        """The publisher entry of an outlet name (exact, then by its first words)."""
        if not outlet:
            return None
        o = outlet.strip().lower()
        if o in self.publishers:
            return self.publishers[o]
        for name in sorted(self.publishers, key=len, reverse=True):
            if o.startswith(name + " ") or o.startswith(name + "("):
                return self.publishers[name]
        return self._publisher_from_name(outlet)

    def publisher_for(self, outlet: str | None, url: str | None = None) -> Publisher | None:
        """The publisher of a document from its outlet name and url.

        A listed outlet or an office name ("Ministry of External Affairs of India") first; then a
        government web address ("mea.gov.in", "mofa.go.jp", "gouvernement.fr", a ".int" body), whose
        country is the address's country code; then any other named outlet is a news medium (an
        official publisher names its office; a newspaper, a wire or a blog does not)."""
        pub = self.publisher(outlet)
        if pub is not None and (pub.country or not url):
            return pub
        host = _host(url)
        if host and _OFFICIAL_HOST.search(host):
            cc = host.rsplit(".", 1)[-1]
            country = None
            if len(cc) == 2:
                c = pycountry.countries.get(alpha_2={"uk": "GB"}.get(cc, cc.upper()))
                country = c.alpha_3 if c else None
            return Publisher(country, "government", pub.principal if pub else None)
        if pub is not None:
            return pub
        if outlet and outlet.strip():
            if _OFFICIAL_NAME.search(outlet):
                return Publisher(None, "government", None)
            return Publisher(None, "media", None)
        return None

    def _publisher_from_name(self, outlet: str) -> Publisher | None:
        """An official outlet named after its office: "Prime Minister of Canada", "Ministry of Foreign
        Affairs of Japan", "Presidency of the Republic of Chile" -> home country (and principal title)."""
        toks = tokenize(outlet)
        country = None
        for i in range(len(toks)):
            m = self.match_entity(toks, i)
            if m and m[0].kind in ("country", "demonym"):
                country = m[0].value
                break
        if country is None:
            return None
        low = outlet.lower()
        official = any(
            w in low
            for w in (
                "president",
                "prime minister",
                "ministry",
                "government",
                "office",
                "chancellor",
                "presidency",
                "embassy",
                "cabinet",
                "mission",
            )
        )
        if not official:
            return None
        principal = None
        for i in range(len(toks)):
            t = self.match_title(toks, i)
            if t and t[0].extra == "1":
                principal = t[0].value
                break
        if principal is None and "presidency" in low:
            principal = "President"
        return Publisher(country, "government", principal)

    def place_of(self, text: str) -> Entry | None:
        """The place entry a free-standing place line names ("The Kremlin, Moscow" -> Kremlin)."""
        toks = tokenize(text)
        for i in range(len(toks)):
            m = self.match_entity(toks, i)
            if m and m[0].kind == "place":
                return m[0]
        return None


_OFFICIAL_HOST = re.compile(
    r"(?:^|\.)(?:gov|gob|gouv|govt|go|gv|mil)\.[a-z]{2}$|(?:^|\.)gov$|\.int$|(?:^|\.)gc\.ca$|europa\.eu$|un\.org$"
    r"|(?:^|[.-])(?:mfa|mofa|mea|fmprc|kremlin|president|presidency|presidencia|elysee|kantei|government|gouvernement"
    r"|bundesregierung|bundeskanzler|diplomatie|tccb|primeminister|pmindia|pmo|number10|whitehouse)(?:[.-]|$)"
)
_OFFICIAL_NAME = re.compile(
    r"\b(?:ministry|minister|ministère|office of|presidency|president|government|embassy|cabinet|chancellery"
    r"|secretariat|permanent mission|consulate|palace|department of|state department|foreign office)\b",
    re.I,
)


def _host(url: str | None) -> str:
    if not url:
        return ""
    m = re.match(r"^[a-z][a-z0-9+.-]*://([^/:?#]+)", url.strip(), re.I)
    host = (m.group(1) if m else "").lower()
    return host[4:] if host.startswith("www.") else host


@functools.cache
def lexicon() -> Lexicon:
    """The shared, read-only lexicon (built on first use)."""
    return Lexicon()
