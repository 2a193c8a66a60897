"""Actors: countries, organisations, places and people, with coreference.

In: the cleaned text (plus, for documents whose title is not part of the
text, the title), the shared :class:`~communique.annotate.lexicon.Lexicon`.
Out: an :class:`Actors` with the entity mentions and the resolved people.

How people are found (no list of names anywhere, only patterns around the
titles table):

* ``[Demonym|Country] Title Name`` - "Belarusian President Alexander Lukashenko",
  "U.S. President Joseph Biden";
* ``Title of [the] Country [Name]`` - "President of Russia Vladimir Putin",
  "Prime Minister of the United Kingdom Boris Johnson", "the President of Ukraine";
* ``Title [Honorific] Name [, Jr.] of [the] Country`` - "Prime Minister Kishida of Japan",
  "Amir Sheikh Tamim bin Hamad Al Thani of Qatar", "President Joseph R. Biden, Jr.";
* a bare name of two or more capitalised words that acts as a person (followed
  by a verb of saying/meeting, or joined by "and"/"with" to a titled person) -
  "Vladimir Putin had a telephone conversation with ...".

Coreference: mentions are clustered by shared name words ("Joseph R. Biden",
"Joe Biden", "President Biden", "Mr. Biden" and "Biden" are one person) with
compatible countries; nameless mentions ("the Russian President", "the
President of Ukraine", "the Belarusian leader", "the Amir") go to the one
person of that country/role; group mentions ("the two presidents", "the
leaders", "the two sides") are kept as such for the frame. A person's country
comes only from text evidence around their mentions; the publisher rule
(see :mod:`communique.annotate.frame`) may add the publisher's home country
to its own principal later.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from communique.annotate.lexicon import Entry, Lexicon, Token, tokenize

HONORIFICS = frozenset(
    "mr mrs ms miss dr sheikh sheikha his her majesty highness excellency h.e. madam sir dame lord lady shri smt "
    "shrimati sri tuan datuk dato".split()
)
PARTICLES = frozenset("bin bint ibn al el de da di du van von der den la le dos das del".split())
# Capitalised words that never start or continue a person's name.
NOT_NAME = frozenset(
    """the a an and or but in on at of to for with by from as this that these those he she it they we i you his
    her its their our my your mr mrs ms dr sir madam president minister chancellor king queen prince amir emir
    sultan premier secretary general vice prime federal crown state foreign senior officials official
    leader leaders head heads government people republic kingdom federation union party national council
    january february march april may june july august september october november december jan feb mar apr
    jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday today
    tonight yesterday tomorrow both during after before following since while when where meanwhile however
    also all some many there here let thank thanks good yes no please chinese american readout statement
    remarks background press call telephone phone conversation talks meeting summit visit news conference
    moderator question q interpreted translated good morning evening afternoon ladies gentlemen colleagues
    friends excellencies embassy ministry office house room hall palace road belt initiative north south
    east west central new old first second third great global international joint bilateral video virtual
    senate congress parliament duma court army forces navy air defense defence security development
    economic trade world covid omicron coronavirus pandemic administration presidents ministers chancellors
    jr sr upcoming previewing via report reports transcript""".split()
) | frozenset(
    # third-person verbs of title-cased headlines ("Crown Prince Receives President ...")
    """receives meets holds hosts welcomes speaks calls phones telephones congratulates visits sends signs
    attends talks discusses arrives departs leaves says urges thanks invites joins chairs addresses opens
    launches greets pays concludes begins starts ends agrees vows pledges expresses extends reaffirms
    receive meet hold host welcome speak call congratulate visit send sign attend discuss arrive
    received hosted welcomed signed congratulated
    agreement agreements treaty memorandum partnership arrangement cooperation strategic comprehensive
    dialogue forum framework declaration communique commission committee taskforce program programme
    corridor project fund bank summit vision plan strategy accord pact charter protocol""".split()
)
PERSON_VERBS = frozenset(
    """said says had has held holds met meets spoke speaks talked called calls told noted stressed emphasized
    emphasised added expressed thanked congratulated welcomed pointed underlined underscored reaffirmed
    stated announced urged agreed discussed received hosted visited invited accepted informed briefed
    gave made proposed suggested highlighted recalled asked answered replied sent wished extended
    raised outlined voiced conveyed shared will would also once is was attended started began""".split()
)
_SOLO_VERBS = PERSON_VERBS - frozenset(["will", "would", "also", "is", "was", "once", "has", "had", "made"])
GROUP = re.compile(
    r"\b(?:the|both) (?:two )?(?:presidents|leaders|heads of state|heads of government|sides|parties|"
    r"prime ministers|chancellors|counterparts)\b|\bboth leaders\b|\bboth sides\b|\bthe two\b(?= (?:agreed|discussed|leaders|sides))",
    re.I,
)
# Nouns that describe an office in apposition to its holder ("China's top foreign-policy official, X,"),
# with the rank such a person takes when no title of the table is named.
DESCRIPTORS = {
    "official": 2,
    "diplomat": 2,
    "adviser": 2,
    "advisor": 2,
    "envoy": 2,
    "minister": 2,
    "secretary": 2,
    "chief": 2,
    "negotiator": 2,
    "emissary": 2,
    "aide": 3,
    "representative": 3,
}
_INTENSIFIER = frozenset("top senior most highest-ranking leading".split())
_NOT_MODIFIER = frozenset(
    "the a an and or of to in on at for with by from as is was are were be been has had have who which that "
    "this these those his her its their our said says will would".split()
)
# The body of a state or organisation between its name and an office ("AU Commission chairperson").
_BODY = frozenset("commission council committee secretariat assembly parliament cabinet ministry".split())
SPOUSE_RANK = 4  # titles.tsv rank of "First Lady": a leader's spouse, never a principal
_FORMER = frozenset(["former", "ex", "ex-"])
_LEADER_WORD = frozenset(["leader", "head", "counterpart"])
# "President of the Republic", "Prime Minister of the Nation": a home title that names no country (the
# publisher's own principal in an official release; the country comes from the publisher rule).
_HOME_STATE = frozenset(["republic", "nation", "federation", "kingdom", "confederation", "country", "state"])


@dataclass
class Person:
    """One resolved person (mutable while resolving, frozen out via ``PersonRef``)."""

    name: str | None
    words: set[str]
    country: str | None
    role: str | None
    rank: int
    mentions: list[tuple[int, int]] = field(default_factory=list)  # clean offsets; (-1, -1) = in the title
    surfaces: list[str] = field(default_factory=list)
    country_evidence: list[tuple[int, int]] = field(default_factory=list)
    first: int = 10**9
    country_source: str = "text"
    counterpart: bool = False  # named as someone's "counterpart": holds the other leader's office

    def key(self) -> str:
        return self.name or f"{self.role or 'person'} of {self.country or '?'}"


@dataclass(frozen=True)
class RawMention:
    """A person mention before coreference."""

    start: int
    end: int
    name: str | None
    words: tuple[str, ...]
    country: str | None
    role: str | None
    rank: int
    titled: bool
    in_title: bool
    leader_word: bool = False  # "the Belarusian leader"


@dataclass
class Actors:
    """Entity mentions and resolved people of one document."""

    entities: list[tuple[int, int, Entry, bool]]  # start, end, entry, in_title
    people: list[Person]
    mention_of: dict[tuple[int, int, bool], int]  # (start, end, in_title) -> index in people
    groups: list[tuple[int, int]]  # "the two presidents", "the leaders", ...

    def people_between(self, start: int, end: int, in_title: bool = False) -> list[int]:
        """Indices of people mentioned in ``[start, end)`` of the text (or of the title), in text order."""
        hits = sorted(
            (s, i) for (s, e, t), i in self.mention_of.items() if t == in_title and s >= start and e <= end
        )
        out: list[int] = []
        for _s, i in hits:
            if i not in out:
                out.append(i)
        return out


PORTFOLIO = frozenset(
    """culture finance economy economic development health education energy justice interior internal affairs
    trade industry agriculture transport labour labor science technology defence defense foreign home
    environment emergency situations digital sport sports tourism commerce infrastructure natural resources
    communications information security social policy regional national public and the of for higher
    youth family families women veterans housing construction water food fisheries mines mining oil
    petroleum investment planning budget treasury state""".split()
)
_PORTFOLIO_MORE = PORTFOLIO | frozenset(
    "cooperation international expatriates emigrants relations worship".split()
)
_CAMEL = re.compile(r"[a-z][A-Z]")


def _name_word(t: Token) -> bool:
    if not t.is_word:
        return False
    if t.low in PARTICLES:
        return True
    if not t.is_cap or t.low in NOT_NAME or len(t.text) < 2:
        return False
    m = _CAMEL.search(t.text)
    return not (m and m.start() >= 2)


def _gap_ok(text: str, a: Token, b: Token) -> bool:
    """Whether two tokens can belong to one name: no blank line or punctuation between them."""
    gap = text[a.end : b.start]
    return gap.count("\n") < 2 and not gap.strip()


def _read_name(
    toks: list[Token], j: int, lex: Lexicon, text: str = "", allow_entity: bool = False
) -> tuple[int, list[Token]]:
    """Name tokens from ``j``: returns (index after the name, name tokens incl. initials)."""
    out: list[Token] = []
    k = j
    while k < len(toks) and len(out) < 7:
        t = toks[k]
        if out and text and not _gap_ok(text, toks[k - 1], t) and toks[k - 1].text not in (".", "-"):
            break
        if (
            t.text == "-"
            and out
            and k + 1 < len(toks)
            and toks[k + 1].start == t.end
            and t.start == toks[k - 1].end
        ):
            if toks[k + 1].is_word:  # "Al-Thani", "Dae-ho"
                out.append(toks[k + 1])
                k += 2
                continue
            break
        if len(t.text) == 1 and t.text.isupper() and k + 1 < len(toks) and toks[k + 1].text == "." and out:
            out.append(t)
            k += 2
            continue
        if t.is_word and t.low in PARTICLES and not out:
            break
        if not out and t.low in HONORIFICS and t.is_cap and k + 1 < len(toks):
            # "H.E. Ana Soto", "Sheikh Ana Soto": a form of address, not part of a full name (but
            # "Sheikh Ana" keeps it: the one word is no full name)
            a = k + 2 if toks[k + 1].text == "." else k + 1
            if a < len(toks):
                k2, rest = _read_name(toks, a, lex, text, allow_entity)
                if len(rest) >= 2 and (not text or _gap_ok(text, toks[a - 1], toks[a])):
                    return k2, rest
        if not _name_word(t):
            break
        if not allow_entity and not out:
            m = lex.match_entity(toks, k)
            if m and m[0].kind in ("country", "org"):  # a place name may be a given name ("Sofia")
                break
        if lex.match_title(toks, k):
            break
        out.append(t)
        k += 1
        if t.text.endswith(("’s", "'s")):
            break
    while out and out[-1].low in PARTICLES:
        out.pop()
        k -= 1
    # ", Jr." / " Jr." suffix
    if out and k + 1 < len(toks):
        a = k + 1 if toks[k].text == "," else k
        if a < len(toks) and toks[a].low in ("jr", "sr", "ii", "iii"):
            k = a + 1
            if k < len(toks) and toks[k].text == ".":
                k += 1
    return k, out


def _strip_possessive(text: str) -> str:
    return text[:-2] if text.endswith(("'s", "’s")) else text


def _name_of(text: str, name_toks: list[Token]) -> tuple[str, tuple[str, ...]]:
    """The name as written (whitespace normalised, possessive dropped) and its lower-cased key words."""
    name = _strip_possessive(" ".join(text[name_toks[0].start : name_toks[-1].end].split()))
    if name.isupper():
        name = name.title()
    words = tuple(
        _strip_possessive(t.norm).lower() for t in name_toks if len(t.text) > 1 and t.low not in PARTICLES
    )
    return name, words


def _country_of(entry: Entry) -> str | None:
    if entry.kind in ("country", "demonym", "org"):
        return entry.value
    return None


def fold(s: str) -> str:
    """Lower case without accents ("Erdoğan" -> "erdogan"), for comparing names across documents."""
    if s.isascii():
        return s.lower()
    return "".join(unicodedata.normalize("NFD", c)[0] for c in s.replace("’", "'")).lower()


class KnownIndex:
    """Full names that other documents of the corpus place (name -> (country, role)), indexed by
    their folded first token so that a text is scanned for them in one pass."""

    def __init__(self, known: Mapping[str, tuple[str, str | None]]) -> None:
        self.by_name: dict[str, tuple[str, str | None]] = {}
        self.first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self.last: dict[str, set[str]] = {}  # folded last word -> the full names ending with it
        for name in sorted(known):
            toks = tuple(fold(t.norm) for t in tokenize(name))
            words = [t for t in toks if t[:1].isalpha()]
            if len(words) < 2:
                continue
            key = " ".join(toks)
            self.by_name.setdefault(key, known[name])
            self.last.setdefault(words[-1], set()).add(name)
            self.first.setdefault(toks[0], []).append((toks, key))
        for cands in self.first.values():
            cands.sort(key=lambda c: (-len(c[0]), c[1]))

    def get(self, name: str | None) -> tuple[str, str | None] | None:
        if not name:
            return None
        return self.by_name.get(" ".join(fold(t.norm) for t in tokenize(name)))

    def surname(self, word: str) -> tuple[str, tuple[str, str | None]] | None:
        """The one known full name ending with ``word`` ("Trump" -> "Donald Trump") and its evidence;
        None when no known name or several end with it."""
        toks = [fold(t.norm) for t in tokenize(word) if t.norm[:1].isalpha()]
        if len(toks) != 1:
            return None
        names = self.last.get(toks[0])
        if not names or len(names) != 1:
            return None
        full = next(iter(names))
        return full, self.by_name[" ".join(fold(t.norm) for t in tokenize(full))]

    def spans(self, toks: list[Token]) -> dict[int, int]:
        """Token index -> index after a known full name starting there (word-exact, case/accent-blind)."""
        out: dict[int, int] = {}
        i = 0
        n = len(toks)
        while i < n:
            cands = self.first.get(fold(toks[i].low)) if toks[i].is_word else None
            hit = 0
            if cands:
                for seq, _key in cands:
                    m = len(seq)
                    if i + m <= n and all(fold(toks[i + x].low) == seq[x] for x in range(1, m)):
                        nxt = toks[i + m] if i + m < n else None
                        prev = toks[i - 1] if i else None
                        glued = nxt is not None and nxt.text == "-" and nxt.start == toks[i + m - 1].end
                        if (
                            nxt is None
                            or not (_name_word(nxt) or glued)
                            or nxt.start > toks[i + m - 1].end + 1
                        ) and (prev is None or not (_name_word(prev) and prev.end + 1 >= toks[i].start)):
                            hit = m
                            break
            if hit:
                out[i] = i + hit
                i += hit
            else:
                i += 1
        return out


_KNOWN_CACHE: list[tuple[Mapping[str, tuple[str, str | None]], KnownIndex]] = []


def known_index(known: Mapping[str, tuple[str, str | None]]) -> KnownIndex:
    """The index of ``known`` (the last one built is reused: a corpus pass gives every document the same map)."""
    if _KNOWN_CACHE and _KNOWN_CACHE[0][0] is known:
        return _KNOWN_CACHE[0][1]
    ix = KnownIndex(known)
    _KNOWN_CACHE[:] = [(known, ix)]
    return ix


class _Scanner:
    def __init__(self, text: str, lex: Lexicon, in_title: bool, known: KnownIndex | None = None) -> None:
        self.text = text
        self.lex = lex
        self.in_title = in_title
        self.toks = tokenize(text)
        self.known_at: dict[int, int] = known.spans(self.toks) if known is not None else {}
        self.tok_starts = [t.start for t in self.toks]
        self.ents: dict[int, tuple[Entry, int]] = {}
        starts = lex.starts
        toks = self.toks
        i = 0
        n_toks = len(toks)
        while i < n_toks:
            m = lex.match_entity(toks, i) if toks[i].norm in starts else None
            if m and not (
                m[0].value == "USA"
                and self.toks[i].norm in ("America", "American", "Americans")
                and i
                and self.toks[i - 1].norm in ("Latin", "South", "North", "Central")
            ):
                self.ents[i] = m
                i += m[1]
            else:
                i += 1
        self.ent_end = {i + n - 1: i for i, (_e, n) in self.ents.items()}

    def entity_list(self) -> list[tuple[int, int, Entry, bool]]:
        return [
            (self.toks[i].start, self.toks[i + n - 1].end, e, self.in_title)
            for i, (e, n) in sorted(self.ents.items())
        ]

    def _country_after_of(self, k: int) -> tuple[int, str | None, int | None]:
        """At ``k`` == "of": (index after "of [the] Country", iso, entity token index) or (k, None, None)."""
        toks = self.toks
        if k < len(toks) and toks[k].low == "of":
            j = k + 1
            if j < len(toks) and toks[j].low == "the":
                j += 1
            if j in self.ents and _country_of(self.ents[j][0]):
                e, n = self.ents[j]
                return j + n, _country_of(e), j
        return k, None, None

    def people(self, solo: frozenset[str] = frozenset()) -> list[RawMention]:
        toks, lex = self.toks, self.lex
        out: list[RawMention] = []
        used: set[int] = set()
        i = 0
        title_starts = lex.title_starts
        carry: tuple[int, str | None, int, str | None, int] | None = (
            None  # (title index, country, start) of "<Title> and <Title>"
        )
        while i < len(toks):
            low = toks[i].low
            if low not in title_starts and low not in _LEADER_WORD:
                i += 1
                continue
            tm = lex.match_title(toks, i)
            is_leader_word = low in _LEADER_WORD
            if not tm and not is_leader_word:
                i += 1
                continue
            if tm and i > 0 and toks[i - 1].low in _FORMER:
                # "former president X": the office is no longer theirs, so it makes X no principal
                i += tm[1]
                continue
            if tm:
                entry, n = tm
                role, rank = entry.value, int(entry.extra)
                # A lower-case title is a title only after "the"/a country word ("the president").
            else:
                role, rank, n = None, 1, 1
            start_i = i
            country: str | None = None
            # country modifier before the title: "Belarusian President", "U.S. President"
            b = i - 1
            if b >= 0 and toks[b].text in ("’s", "'s"):
                b -= 1
            if b >= 3 and toks[b].text == ")" and toks[b - 2].text == "(" and toks[b - 1].text.isupper():
                b -= 3  # "People's Republic of China (PRC) State Councilor"
            if b >= 1 and b not in self.ent_end and toks[b].low in _BODY and toks[b].is_cap:
                # "AU Commission chairperson", "Russian Security Council secretary": the body's country
                c = b - 1
                if c not in self.ent_end and c >= 1 and toks[c].is_cap and toks[c].is_word:
                    c -= 1
                if c in self.ent_end and all(_gap_ok(self.text, toks[x], toks[x + 1]) for x in range(c, i)):
                    b = c
            if b >= 0 and b in self.ent_end and _gap_ok(self.text, toks[b], toks[b + 1]):
                ei = self.ent_end[b]
                e = self.ents[ei][0]
                if _country_of(e) or (e.kind == "place" and tm):
                    # "Belarusian President", "White House national security adviser", "Kremlin spokesman"
                    country = _country_of(e) or e.value
                    start_i = ei
            possessive_pronoun = False
            if (
                country is None
                and tm
                and b == i - 1
                and b >= 0
                and toks[b].low in ("its", "their")
                and i + n < len(toks)
                and toks[i + n].text == ","
            ):
                # "Bahrain was represented by its Foreign Minister, Ana Soto": the clause's country
                q = b - 1
                while q >= 0 and q >= b - 12 and toks[q].text not in (".", ";", "\n"):
                    if q in self.ent_end:
                        e = self.ents[self.ent_end[q]][0]
                        if e.kind in ("country", "demonym"):
                            country, possessive_pronoun = e.value, True
                            break
                    q -= 1
            if not tm and country is None:
                i += 1
                continue
            if carry is not None and carry[0] == i:
                country = country or carry[1]  # "<Country> State Councilor and Foreign Minister <Name>"
                start_i = min(start_i, carry[2])
                if carry[4] <= rank:
                    role, rank = carry[3], carry[4]
            j = i + n
            if rank == 2 and j + 2 < len(toks) and toks[j].low == "and" and toks[j + 1].is_cap:
                # "Minister of Foreign Affairs and International Cooperation, Ana Soto": the office goes on
                q = j + 1
                while q < len(toks) and q - j <= 3 and toks[q].is_cap and toks[q].low in _PORTFOLIO_MORE:
                    q += 1
                if q > j + 1 and q < len(toks) and toks[q].text == ",":
                    j = q
            j, c2, _ = self._country_after_of(j)
            country = country or c2
            home = False
            if (
                c2 is None
                and rank == 1
                and j + 2 < len(toks)
                and toks[j].low == "of"
                and toks[j + 1].low == "the"
                and toks[j + 2].low in _HOME_STATE
                and toks[j + 2].is_cap
                and (j + 2) not in self.ents
            ):
                j += 3  # "the President of the Republic, Ana Soto,"
                home = True
            no_name = False
            if c2 is None and j < len(toks) and toks[j].low in ("of", "for") and rank >= 2:
                q = j + 1
                while q < len(toks) and toks[q].low in PORTFOLIO:
                    q += 1
                if q > j + 1:
                    if role == "Minister":
                        role = f"{role} {' '.join(t.text for t in toks[j:q])}"
                    else:
                        no_name = True  # "chairman of the Workers' Party": what follows is a body, not a name
                    j = q
                if no_name or role != "Minister":
                    # "chairman of the State Affairs Commission of the DPRK": the body's country
                    q = j
                    while (
                        q < len(toks) and q - j < 8 and (toks[q].is_cap or toks[q].text in ("’s", "'s", "-"))
                    ):
                        if q in self.ents:
                            break
                        q += 1
                    if q > j:
                        q2, c4, _ = self._country_after_of(q)
                        if c4:
                            country = country or c4
                            j = q2
                            no_name = True
            # honorifics between title and name
            while j < len(toks) and toks[j].low in HONORIFICS:
                j += 1
                if j < len(toks) and toks[j].text == ".":
                    j += 1
            k, name_toks = (j, []) if no_name else _read_name(toks, j, lex, self.text)
            if (
                not name_toks
                and tm
                and toks[i].is_cap
                and j + 1 < len(toks)
                and toks[j].low == "and"
                and lex.match_title(toks, j + 1)
            ):
                carry = (
                    j + 1,
                    country,
                    start_i,
                    role,
                    rank,
                )  # the office goes on: one person, the next title names them
                i = j + 1
                continue
            definite = possessive_pronoun or (
                i > 0 and toks[i - 1].low == "the" and (rank == 1 and toks[i].is_cap or 1 < rank <= 2)
            )  # "the Federal Chancellor, Ana Soto," / "the national security adviser, Ana Soto,"
            if (
                not name_toks
                and (country or home or start_i < i or definite)
                and j < len(toks)
                and toks[j].text == ","
            ):  # "the Federal Chancellor, Ana Soto," names the office's holder
                a = j + 1  # apposition: "the President of Mexico, Ana Soto," / ", H.E. Mr. Ana Soto"
                while a < len(toks) and (toks[a].low in HONORIFICS or toks[a].text == "."):
                    a += 1
                k2, cand = _read_name(toks, a, lex, self.text)
                if len(cand) >= 2 and (
                    k2 >= len(toks) or toks[k2].text in (",", ".", ";") or toks[k2].low in PERSON_VERBS
                ):
                    k, name_toks = k2, cand
            if name_toks:
                k2, c3, _ = self._country_after_of(k)
                if c3:
                    country = country or c3
                    k = k2
            if (
                not name_toks
                and toks[i].low == toks[i].text
                and not (start_i < i or (i and toks[i - 1].low == "the"))
                and not (country and i and toks[i - 1].text == ",")
            ):
                i += 1
                continue
            if i and toks[i - 1].low in ("mr", "madam", "mrs", "ms") and not name_toks:
                i += n  # vocative "Mr President"
                continue
            postposed_ok = country is not None or (
                rank == 1
                and toks[i].is_cap
                and (k >= len(toks) or toks[k].text in (",", ";") or toks[k].low in PERSON_VERBS)
            )  # "Prince Ana Soto, Crown Prince and Prime Minister, received ..."
            sp = start_i
            if start_i >= 2 and toks[start_i - 1].low == "the" and toks[start_i - 2].text == ",":
                # "Ana Soto, the national security adviser,": a definite office set off by commas
                sp = start_i - 1
                postposed_ok = postposed_ok or (
                    rank <= 2 and (k >= len(toks) or toks[k].text in (",", ";", "."))
                )
            if not name_toks and postposed_ok and sp >= 3 and toks[sp - 1].text == ",":
                # postposed title: "H.E. Mr. Ana Soto, President of Peru", "Ana J. Soto, president of Peru"
                q = sp - 2
                while (
                    q >= 0
                    and q not in used
                    and sp - 1 - q <= 7
                    and (
                        _name_word(toks[q])
                        or (toks[q].text == "." and q and len(toks[q - 1].text) == 1 and toks[q - 1].is_cap)
                        or (
                            len(toks[q].text) == 1
                            and toks[q].is_cap
                            and q + 1 < len(toks)
                            and toks[q + 1].text == "."
                        )
                    )
                ):
                    q -= 1
                cand = [
                    t
                    for t in toks[q + 1 : sp - 1]
                    if (t.low not in PARTICLES or t is not toks[q + 1]) and t.text != "."
                ]
                while cand and cand[0].low in HONORIFICS:
                    cand.pop(0)  # "H.E. Mr. Ana Soto, President of Peru"
                if (
                    len(cand) >= 2
                    and cand[0].low not in PARTICLES
                    and all(
                        _gap_ok(self.text, a, b) or b.text == "." or a.text == "."
                        for a, b in zip(toks[q + 1 : sp - 2], toks[q + 2 : sp - 1], strict=False)
                    )
                    and not any(lex.match_entity(toks, x) for x in range(q + 1, sp - 1))
                ):
                    name_toks = cand
                    start_i = q + 1
            if (
                not name_toks
                and postposed_ok
                and start_i >= 2
                and toks[start_i - 1].text == ","
                and out
                and out[-1].name
                and out[-1].end == toks[start_i - 2].end
            ):
                # "..., H.E. Ana Soto, President of Peru,": a postposed office of the person just named; a
                # state's office beats an organisation's ("Chairperson of the African Union, Ana Soto, ...")
                prev = out[-1]
                end_tok = max(k, i + n) - 1
                better = rank < prev.rank
                out[-1] = replace(
                    prev,
                    end=toks[end_tok].end,
                    country=prev.country if prev.country in lex.country_name else (country or prev.country),
                    role=role if better or prev.role is None else prev.role,
                    rank=rank if better else prev.rank,
                )
                used.update(range(start_i, end_tok + 1))
                i = end_tok + 1
                continue
            end_tok = max(k, i + n) - 1
            if not name_toks and start_i > 0 and toks[start_i - 1].low == "the":
                start_i -= 1  # "the Belarusian leader", "the President of Ukraine"
            name = None
            words: tuple[str, ...] = ()
            if name_toks:
                name, words = _name_of(self.text, name_toks)
            out.append(
                RawMention(
                    toks[start_i].start,
                    toks[end_tok].end,
                    name,
                    words,
                    country,
                    role,
                    rank,
                    True,
                    self.in_title,
                    is_leader_word,
                )
            )
            used.update(range(start_i, end_tok + 1))
            i = end_tok + 1
        out.extend(self._descriptors(used))
        out.extend(self._bare(used, solo))
        return [self._with_alias(m) for m in out]

    def _descriptor_at(self, d: int) -> tuple[int, str | None, str, int] | None:
        """At a descriptor noun ``d`` ("official", "diplomat", "adviser", ...): (index where the phrase
        starts, its country, its role, rank) of "[the] <Country's|Demonym|Place> [modifiers] <noun>"
        ("China's top foreign-policy official", "the country's chief diplomat"), else None."""
        toks, lex = self.toks, self.lex
        k = d - 1
        mods: list[Token] = []
        while (
            k >= 0
            and len(mods) < 4
            and (
                (
                    toks[k].is_word
                    and not toks[k].is_cap
                    and toks[k].low not in _NOT_MODIFIER
                    and not toks[k].low.endswith("'s")
                )
                or toks[k].text == "-"
            )
        ):
            if (
                not _gap_ok(self.text, toks[k], toks[k + 1])
                and toks[k + 1].text != "-"
                and toks[k].text != "-"
            ):
                return None
            mods.insert(0, toks[k])
            k -= 1
        if k < 0 or not _gap_ok(self.text, toks[k], toks[k + 1]):
            return None
        country: str | None = None
        start = k
        if k in self.ent_end:
            ei = self.ent_end[k]
            e = self.ents[ei][0]
            country = _country_of(e) or (e.value if e.kind == "place" else None)
            if country is None:
                return None
            start = ei
        elif toks[k].low in ("country's", "nation's") and k and toks[k - 1].low == "the":
            # "the country's chief diplomat": the country the text named last
            before = [self.ents[x][0] for x in sorted(self.ents) if x < k]
            named = [e.value for e in before if e.kind in ("country", "demonym")]
            if not named:
                return None
            country, start = named[-1], k - 1
        else:
            return None
        if start > 0 and toks[start - 1].low == "the":
            start -= 1
        role = rank = None
        for x in range(k + 1, d + 1):
            tm = lex.match_title(toks, x)
            if tm and x + tm[1] == d + 1:
                role, rank = tm[0].value, int(tm[0].extra)
                break
        if role is None:
            keep = [t for t in mods if t.low not in _INTENSIFIER]
            while keep and keep[0].text == "-":
                keep.pop(0)
            phrase = self.text[keep[0].start : toks[d].end] if keep else toks[d].text
            role = " ".join(w[:1].upper() + w[1:] for w in phrase.split())
            rank = DESCRIPTORS[toks[d].low]
        assert rank is not None
        return start, country, role, rank

    def _descriptors(self, used: set[int]) -> list[RawMention]:
        """A person named in apposition to a descriptor of their office: "China's top foreign-policy
        official, Ana Soto," / "Ana Soto, the country's chief diplomat," - with the descriptor's country
        and role (the titles table's role when the descriptor ends in a title: "Russia's foreign
        minister")."""
        toks, lex = self.toks, self.lex
        out: list[RawMention] = []
        for d, t in enumerate(toks):
            if t.low not in DESCRIPTORS or t.is_cap or d in used or d + 1 >= len(toks):
                continue
            hit = self._descriptor_at(d)
            if hit is None:
                continue
            start, country, role, rank = hit
            if any(x in used for x in range(start, d + 1)):
                continue
            name_toks: list[Token] = []
            s_i, e_i = start, d
            if toks[d + 1].text == ",":
                # forward: "<descriptor>, Ana Soto,"
                a = d + 2
                while a < len(toks) and (toks[a].low in HONORIFICS or toks[a].text == "."):
                    a += 1
                k2, cand = _read_name(toks, a, lex, self.text)
                if (
                    len(cand) >= 2
                    and not any(x in used for x in range(a, k2))
                    and (k2 >= len(toks) or toks[k2].text in (",", ".", ";") or toks[k2].low in PERSON_VERBS)
                ):
                    name_toks, e_i = cand, k2 - 1
            if (
                not name_toks
                and start >= 3
                and toks[start - 1].text == ","
                and (toks[d + 1].text in (",", ".", ";") or toks[d + 1].low in PERSON_VERBS)
            ):
                # backward: "Ana Soto, <descriptor>,"
                q = start - 2
                while (
                    q >= 0
                    and start - 1 - q <= 4
                    and _name_word(toks[q])
                    and q not in used
                    and q not in self.ents
                ):
                    q -= 1
                cand = [x for x in toks[q + 1 : start - 1]]
                if (
                    len(cand) >= 2
                    and cand[0].low not in PARTICLES
                    and all(_gap_ok(self.text, a, b) for a, b in zip(cand, cand[1:], strict=False))
                    and not any(lex.match_title(toks, x) for x in range(q + 1, start - 1))
                ):
                    name_toks, s_i = cand, q + 1
            if not name_toks:
                continue
            name, words = _name_of(self.text, name_toks)
            out.append(
                RawMention(
                    toks[s_i].start, toks[e_i].end, name, words, country, role, rank, True, self.in_title
                )
            )
            used.update(range(s_i, e_i + 1))
        return out

    def _with_alias(self, m: RawMention) -> RawMention:
        """A name followed by one bracketed name word - "Ana Soto Ruiz (Anita)", "(ASR)" - is also known
        by that word."""
        if not m.words:
            return m
        toks = self.toks
        k = bisect.bisect_left(self.tok_starts, m.end)
        if (
            k + 2 < len(toks)
            and toks[k].text == "("
            and toks[k + 2].text == ")"
            and toks[k + 1].is_cap
            and toks[k + 1].is_word
            and len(toks[k + 1].text) >= 3
            and k + 1 not in self.ents
            and toks[k + 1].low not in NOT_NAME
            and not self.lex.match_title(toks, k + 1)
            and toks[k].start - m.end <= 1
        ):
            return replace(m, words=(*m.words, toks[k + 1].low))
        return m

    def _bare(self, used: set[int], solo: frozenset[str] = frozenset()) -> list[RawMention]:
        toks, lex = self.toks, self.lex
        out = []
        i = 0
        while i < len(toks):
            if i in self.known_at and not any(x in used for x in range(i, self.known_at[i])):
                # a full name that other documents of the corpus place: a person wherever it stands
                k = self.known_at[i]
                name, words = _name_of(self.text, [t for t in toks[i:k] if t.is_word])
                out.append(
                    RawMention(
                        toks[i].start, toks[k - 1].end, name, words, None, None, 9, False, self.in_title
                    )
                )
                i = k
                continue
            if i in used or not _name_word(toks[i]) or i in self.ents or toks[i].low in PARTICLES:
                i += 1
                continue
            if i and toks[i - 1].low == "the":
                i += 1
                continue
            k, name_toks = _read_name(toks, i, lex, self.text)
            if len(name_toks) < 2 or any(x in used for x in range(i, k)):
                i = max(k, i + 1)
                continue
            nxt = toks[k] if k < len(toks) else None
            prev = toks[i - 1] if i else None
            ok = False
            if nxt is not None and (nxt.low in PERSON_VERBS or nxt.text in (":", "(")):
                ok = True
            if (
                ok
                and nxt is not None
                and nxt.text == "("
                and self.text[toks[i].start : toks[k - 1].end].isupper()
            ):
                close = self.text.find(")", nxt.start, nxt.start + 60)
                if close < 0 or self.text[close + 1 : close + 3].strip()[:1] != ":":
                    ok = False  # "PANAMA CITY (Agency) -": a dateline, not a speaker ("ANA SOTO (translated):")
            if (
                nxt is not None
                and nxt.low == "and"
                and k + 1 < len(toks)
                and (lex.match_title(toks, k + 1) or _name_word(toks[k + 1]))
            ):
                ok = True
            if prev is not None and prev.low in ("with", "and") and (nxt is None or not nxt.is_cap):
                ok = True
            if _strip_possessive(name_toks[-1].low) in solo:
                ok = True  # "Anthony Albanese walked ..." where the text also says "Albanese said"
            if ok:
                name, words = _name_of(self.text, name_toks)
                out.append(
                    RawMention(
                        toks[i].start, toks[k - 1].end, name, words, None, None, 9, False, self.in_title
                    )
                )
            i = k
        return out

    def solo_subjects(self) -> list[str]:
        """Capitalised words standing alone as the subject of a verb of saying or meeting ("Albanese
        said", "Albanese meets Xi"): a surname the text uses on its own."""
        toks = self.toks
        out = []
        for k in range(1, len(toks) - 1):
            t = toks[k]
            if (
                t.is_cap
                and toks[k + 1].low in _SOLO_VERBS
                and _name_word(t)
                and k not in self.ents
                and not _name_word(toks[k - 1])
                and toks[k - 1].low not in HONORIFICS
                and not self.lex.match_title(toks, k)
                and _gap_ok(self.text, t, toks[k + 1])
            ):
                out.append(_strip_possessive(t.low))
        return out

    def single_words(self, known: set[str]) -> list[tuple[int, int, str]]:
        """Capitalised single tokens that are a word of a known person's name ("Xi", "Lukashenko's")."""
        out = []
        for t in self.toks:
            if not t.is_cap:
                continue
            w = _strip_possessive(t.low)
            if w in known:
                out.append((t.start, t.end, w))
        return out

    def groups(self) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in GROUP.finditer(self.text)]


def find_actors(
    clean: str, title: str | None, lex: Lexicon, known: Mapping[str, tuple[str, str | None]] | None = None
) -> Actors:
    """Entities and resolved people of a document (``title`` only when it is not part of ``clean``).

    ``known`` (full name -> (country, role) from the corpus's other documents): an occurrence of such a
    name is a person, and gets that country and role where this text gives none."""
    kix = known_index(known) if known else None
    scanners = [_Scanner(clean, lex, False, kix)]
    if title:
        scanners.append(_Scanner(title, lex, True, kix))
    raw: list[RawMention] = []
    entities: list[tuple[int, int, Entry, bool]] = []
    solo = frozenset(w for sc in scanners for w in sc.solo_subjects())
    for sc in scanners:
        raw.extend(sc.people(solo))
        entities.extend(sc.entity_list())
    people: list[Person] = []
    mention_of: dict[tuple[int, int, bool], int] = {}

    def order(m: RawMention) -> tuple[int, int, int]:
        return (-len(m.words), 0 if m.titled else 1, m.start if not m.in_title else -1)

    named = sorted((m for m in raw if m.words), key=order)
    known_of: dict[int, tuple[str, str | None]] = {}
    for m in named:
        idx = _match(people, m)
        if idx is None:
            people.append(Person(m.name, set(m.words), m.country, m.role, m.rank))
            idx = len(people) - 1
        p = people[idx]
        p.words.update(m.words)
        if m.name and (p.name is None or _better_name(m.name, p.name)):
            p.name = m.name
        if m.country and not p.country:
            p.country = m.country
        if m.role and (p.role is None or m.rank < p.rank):
            p.role, p.rank = m.role, m.rank
        _add_mention(p, m, mention_of, idx)
        if kix is not None and m.name and idx not in known_of:
            hit = kix.get(m.name)
            if hit is not None:
                known_of[idx] = hit
    for idx, (kc, kr) in sorted(known_of.items()):
        # the corpus's evidence for a name this text leaves without a country or a title
        p = people[idx]
        if p.country is None:
            p.country, p.country_source = kc, "corpus"
        if p.role is None and kr:
            p.role = kr
            p.rank = min(p.rank, lex.title_rank.get(kr, p.rank))
    if kix is not None:
        # a person the text names by one word only ("Mr Trump") is the one known full name ending with
        # it, unless another person of this text already bears that word
        for p in people:
            if not p.name or len(p.name.split()) != 1:
                continue
            sur = kix.surname(p.name)
            if sur is None or any(
                q is not p and q.name and len(q.name.split()) > 1 and sur[0] == q.name for q in people
            ):
                continue
            full, (kc, kr) = sur
            p.name = full
            p.words.update(w.lower() for w in full.split())
            if p.country is None:
                p.country, p.country_source = kc, "corpus"
            if p.role is None and kr:
                p.role = kr
                p.rank = min(p.rank, lex.title_rank.get(kr, p.rank))
    # nameless titled mentions: "the President of Ukraine", "the Russian President", "the Amir"
    own_office: dict[str, int] = {}
    for m in sorted((m for m in raw if not m.words), key=lambda m: (m.in_title is False, m.start)):
        bare = m.rank == 1 and not m.country and m.role is not None and _bare_subject(m, clean)
        if bare and m.role is not None:
            # "Prime Minister will arrive in ...": an office named with no article or name as a sentence's
            # subject is the release's own principal, not a named holder of the same office
            idx = own_office.get(m.role)
            if idx is None:
                people.append(Person(None, set(), None, m.role, m.rank))
                idx = own_office[m.role] = len(people) - 1
        else:
            idx = _resolve_nameless(people, m)
        if idx is None:
            if m.rank == 1 and (
                m.country or (m.role and _definite(m, clean, title) and not _role_taken(people, m))
            ):
                # "the Prime Minister spoke to ..." in an official release: the publisher's own principal
                people.append(Person(None, set(), m.country, m.role, m.rank))
                idx = len(people) - 1
            else:
                continue
        p = people[idx]
        if m.country and not p.country:
            p.country = m.country
        if m.role and not p.role:
            p.role, p.rank = m.role, m.rank
        _add_mention(p, m, mention_of, idx)
    # nameless people of a country whose only candidate is a country-less named person
    _merge_nameless(people, mention_of, clean)
    # single name words: "Xi", "Lukashenko's", "Mr. Putin"
    word_owner: dict[str, int] = {}
    for i, p in enumerate(people):
        for w in p.words:
            word_owner[w] = -1 if w in word_owner and word_owner[w] != i else i
    if kix is not None:
        # "Mr Trump" in a text that names no one so: the one known full name ending with that word
        for sc in scanners:
            toks = sc.toks
            for k in range(len(toks) - 1):
                nxt = toks[k + 1]
                if toks[k].low not in HONORIFICS or not toks[k].is_cap or not nxt.is_cap:
                    continue
                w = _strip_possessive(nxt.low)
                if w in word_owner:
                    continue
                sur = kix.surname(w)
                if sur is None or any(q.name == sur[0] for q in people):
                    continue
                full, (kc, kr) = sur
                rank = lex.title_rank.get(kr, 9) if kr else 9
                people.append(
                    Person(full, {x.lower() for x in full.split()}, kc, kr, rank, country_source="corpus")
                )
                for x in people[-1].words:
                    word_owner[x] = -1 if x in word_owner else len(people) - 1
                word_owner[w] = len(people) - 1
    for sc in scanners:
        for s, e, w in sc.single_words(set(word_owner)):
            owner = word_owner[w]
            if (
                owner >= 0
                and (s, e, sc.in_title) not in mention_of
                and not any(a <= s and e <= b and t == sc.in_title for (a, b, t) in mention_of)
            ):
                mention_of[(s, e, sc.in_title)] = owner
                people[owner].mentions.append((s, e) if not sc.in_title else (-1, -1))
                people[owner].surfaces.append(sc.text[s:e])
                if not sc.in_title:
                    people[owner].first = min(people[owner].first, s)
    groups = scanners[0].groups()
    return Actors(entities, people, mention_of, groups)


_BARE_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n\s*|:\s+)$")
_BARE_AFTER = re.compile(
    r"\s+(?:will|would|has|had|is|was|also|then|arrived|left|held|met|said|called|received)\b"
)


def _bare_subject(m: RawMention, clean: str) -> bool:
    """Whether a nameless office opens a sentence without an article and acts as its subject ("Prime
    Minister will arrive in Sydney", "... . President held talks")."""
    if m.in_title or m.leader_word:
        return False
    word = clean[m.start : m.end]
    return (
        word[:1].isupper()
        and not word.lower().startswith("the ")
        and bool(_BARE_BEFORE.search(clean[max(0, m.start - 3) : m.start]))
        and bool(_BARE_AFTER.match(clean, m.end))
    )


def _definite(m: RawMention, clean: str, title: str | None) -> bool:
    """Whether a nameless title mention is "the <Title>" (a definite, capitalised office)."""
    text = (title or "") if m.in_title else clean
    word = text[m.start : m.end]
    return word[:4].lower() == "the " and word[4:5].isupper() and not m.leader_word


def _role_taken(people: list[Person], m: RawMention) -> bool:
    return any(p.role == m.role for p in people)


def _better_name(new: str, old: str) -> bool:
    """Prefer the fuller name, but never one that repeats a word (scraping debris)."""
    nw = new.lower().split()
    if len(set(nw)) < len(nw):
        return False
    ow = old.lower().split()
    return len(set(ow)) < len(ow) or len(new) > len(old)


def _add_mention(p: Person, m: RawMention, mention_of: dict[tuple[int, int, bool], int], idx: int) -> None:
    mention_of[(m.start, m.end, m.in_title)] = idx
    if m.leader_word and m.role is None and m.words:
        p.counterpart = True
    p.mentions.append((m.start, m.end) if not m.in_title else (-1, -1))
    if not m.in_title:
        p.first = min(p.first, m.start)
        if m.country:
            p.country_evidence.append((m.start, m.end))


def _match(people: list[Person], m: RawMention) -> int | None:
    best = None
    for i, p in enumerate(people):
        if not (set(m.words) & p.words):
            continue
        if (m.rank == SPOUSE_RANK) != (p.rank == SPOUSE_RANK):
            continue  # "First Lady Ana Soto Ruiz" is not "President Luis Soto Ruiz" though names overlap
        if m.country and p.country and m.country != p.country:
            continue
        # a shared word must be a surname-like word: last word of either, or first of a two-word name
        shared = set(m.words) & p.words
        if not shared:
            continue
        if best is None:
            best = i
    return best


def _resolve_nameless(people: list[Person], m: RawMention) -> int | None:
    cands = list(range(len(people)))
    if m.country:
        cands = [i for i in cands if people[i].country == m.country]
        if len(cands) > 1 and m.role:
            same = [i for i in cands if people[i].role == m.role]
            cands = same or cands
        if len(cands) > 1:
            cands = [min(cands, key=lambda i: people[i].rank)]
    elif m.role:
        cands = [i for i in cands if people[i].role == m.role]
    else:
        return None
    return cands[0] if len(cands) == 1 else None


def _previous_subject(people: list[Person], free: list[int], clean: str, s: int) -> int | None:
    """The person a sentence-initial "the Indonesian president" takes up: of ``free``, the first named in
    the sentence before the one holding ``s`` ("Ana Soto walked ... . A day later the Peruvian president
    ...")."""
    b1 = max(clean.rfind(". ", 0, s), clean.rfind("\n", 0, s))
    if b1 < 0:
        return None
    b0 = max(clean.rfind(". ", 0, b1), clean.rfind("\n", 0, b1), -1)
    firsts = [(min((a for a, _e in people[j].mentions if b0 < a < b1), default=-1), j) for j in free]
    firsts = [(a, j) for a, j in firsts if a >= 0]
    return min(firsts)[1] if firsts else None


def _merge_nameless(people: list[Person], mention_of: dict[tuple[int, int, bool], int], clean: str) -> None:
    """A nameless "President of X" with no named person of X, and exactly one named person without a
    country who has no conflicting role (else the one the sentence before is about): they are the same
    person (text evidence for the country)."""
    for i, p in enumerate(people):
        if p.name is not None or not p.country:
            continue
        if any(q.name and q.country == p.country for q in people):
            continue
        free = [j for j, q in enumerate(people) if q.name and not q.country and (q.role in (None, p.role))]
        free.sort(key=lambda j: (-len(people[j].mentions), people[j].first))
        if not free:
            continue
        if len(free) > 1 and len(people[free[0]].mentions) <= len(people[free[1]].mentions):
            starts = [a for a, _e in p.mentions if a >= 0]
            subj = _previous_subject(people, free, clean, min(starts)) if starts else None
            if subj is None:
                continue
            free = [subj]
        j = free[0]
        q = people[j]
        q.country, q.country_source = p.country, "text"
        q.role = q.role or p.role
        q.rank = min(q.rank, p.rank)
        q.mentions.extend(p.mentions)
        q.country_evidence.extend(p.country_evidence)
        for k, v in list(mention_of.items()):
            if v == i:
                mention_of[k] = j
        p.mentions = []
        p.country = None
        p.role = None
        p.rank = 99


def aliases(p: Person, lex: Lexicon, demonyms: dict[str, str]) -> tuple[str, ...]:
    """Short forms a text may use for ``p``: name words, "Mr. X", "the <Demonym> President/leader"."""
    out: list[str] = []
    for w in sorted(p.words):
        out.append(w)
        out.append(f"Mr. {w}")
        out.append(f"Mr {w}")
        if p.role:
            out.append(f"{p.role} {w}")
    if p.country:
        dem = demonyms.get(p.country)
        cname = lex.country_name.get(p.country, p.country)
        if dem:
            out.append(f"the {dem} leader")
            if p.role:
                out.append(f"the {dem} {p.role}")
        if p.role:
            out.append(f"the {p.role} of {cname}")
    for s in p.surfaces:
        out.append(s)
    seen: list[str] = []
    for a in out:
        if a not in seen and a != p.name:
            seen.append(a)
    return tuple(seen)
