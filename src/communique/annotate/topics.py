"""Topics, named projects and initiatives, anniversaries and greetings of a document.

In: the cleaned text and its sentences. Out: :class:`~communique.model.Topic`
records, one per canonical name, with the Spans of every sentence that
mentions them, ordered by first mention.

Three sources, all regular expressions compiled at import:

* the codebook (``data/codebook.tsv``): general diplomatic topics, cooperation
  areas, regional issues, organisations, greetings, well-known initiatives;
* a *named-thing* pattern: a run of capitalised words ending in a head noun
  such as Initiative, Park, Plan, Agreement, Dialogue, Council, Format
  ("Global Development Initiative", "14th Five-Year Plan", "NATO-Russia
  Council"), optionally with an "of/for/on ..." tail ("UN 2030 Agenda for
  Sustainable Development"), or capitalised words, up to two lower-case
  modifiers and a lower-case head ("China-Belarus industrial park", "Normandy
  format", "Minsk agreements");
* anniversaries ("30th anniversary of ... diplomatic ties" -> "30th
  anniversary of diplomatic ties") and centenaries.

Names are canonicalised by a key that ignores case, hyphens vs spaces, word
order ("Belarus-China" = "China-Belarus") and British/American spelling; the
codebook's name wins, else the first surface form seen.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from communique.annotate.codebook import CodebookEntry, codebook, country_code, find_codebook
from communique.model import Document, Sentence, Span, Topic

_CAPW = r"[A-Z0-9][\w.\-–]*"
_CONN = r"(?:(?:of|for|on|in|de|du|des|la|le)(?:\s+the)?|and|the)"
_HEAD_CAP = (
    r"Initiative|Park|Plan|Agreements?|Agenda|Express|Organi[sz]ation|Format|Dialogue|Council|Treaty|"
    r"Partnership|Corridor|Programme|Program|Strategy|Summit|Forum|Pact|Accords?|Framework|Process|Group|"
    r"Railway|Pipeline|Project|Commission|Committee|Conference|Bank|Fund|Convention|Declaration|Act|"
    r"Consensus|Outlook|Presidency|Package|Concept|Doctrine|Zone"
)
_HEAD_LOW = (
    r"park|format|agreements?|corridor|railway|express|initiative|plan|agenda|dialogue|council|treaty|pact|"
    r"accords?|framework|process|group|programme|program|strategy|summit|forum|pipeline|project|presidency|zone"
)
_NOT_TAIL = (
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|"
    r"August|September|October|November|December)\b)"
)
_NAMED_CAP = re.compile(
    rf"(?<![\w'’.\-])(?P<name>{_CAPW}(?:(?:\s+{_CONN})?\s+{_CAPW})*\s+(?:{_HEAD_CAP}))(?![\w\-])"
    rf"(?P<tail>\s+(?:of|for|on|between)\s+(?:the\s+)?{_NOT_TAIL}{_CAPW}"
    rf"(?:\s+(?:(?:and|of|for|on|the)\s+)?{_NOT_TAIL}{_CAPW}){{0,5}})?"
)
_HEAD_CAP_RE = re.compile(rf"(?:{_HEAD_CAP})(?![\w\-])")
_HEAD_LOW_RE = re.compile(rf"(?<=\s)(?:{_HEAD_LOW})(?![\w\-])")
_NAMED_LOW = re.compile(
    rf"(?<![\w'’.\-])(?P<name>{_CAPW}(?:\s+(?:and\s+)?{_CAPW}){{0,4}}(?P<mods>(?:\s+[a-z][a-z\-]+){{0,2}})\s+(?:{_HEAD_LOW}))(?![\w\-])"
)
# capitalised words that start a sentence or a clause rather than a name
_LEAD_STOP = frozenset(
    """The A An This That These Those Our Their His Her Its In On At For Of And But During Under Both With By
    From As After Before Since To Within Through Including Under Amid Following Over Between Among Under
    Upon If When While Also Last Next New Such Each Every All Any Other Further Meanwhile""".split()
)
_CONN_WORDS = frozenset("of for on in de du des la le and the".split())
_MOD_STOP = frozenset(
    """the a an of to in on and or for with that this its his her their our is are was were be been has have
    had will would should can could may might also as by at from not said says which who whose than then
    into onto over under about after before during new two three""".split()
)
_KIND_OF_HEAD = {
    "park": "project",
    "express": "project",
    "railway": "project",
    "corridor": "project",
    "pipeline": "project",
    "project": "project",
    "zone": "project",
    "initiative": "initiative",
    "plan": "initiative",
    "agenda": "initiative",
    "strategy": "initiative",
    "programme": "initiative",
    "program": "initiative",
    "process": "initiative",
    "framework": "initiative",
    "partnership": "initiative",
    "concept": "initiative",
    "doctrine": "initiative",
    "package": "initiative",
    "outlook": "initiative",
    "consensus": "initiative",
    "organization": "organisation",
    "organisation": "organisation",
    "council": "organisation",
    "group": "organisation",
    "forum": "organisation",
    "format": "organisation",
    "dialogue": "organisation",
    "commission": "organisation",
    "committee": "organisation",
    "conference": "organisation",
    "bank": "organisation",
    "fund": "organisation",
}
_GENERIC_TAIL = frozenset({"project", "pipeline"})
_STRONG_LOW_HEADS = frozenset(
    {"park", "corridor", "railway", "express", "format", "agreement", "process", "pipeline", "zone"}
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_SPELLING = {
    "organisation": "organization",
    "programme": "program",
    "agreements": "agreement",
    "accords": "accord",
    "civilisation": "civilization",
    "centre": "center",
    "defence": "defense",
}

_ORDINALS = {
    "first": "1st",
    "second": "2nd",
    "third": "3rd",
    "fourth": "4th",
    "fifth": "5th",
    "sixth": "6th",
    "seventh": "7th",
    "eighth": "8th",
    "ninth": "9th",
    "tenth": "10th",
    "fifteenth": "15th",
    "twentieth": "20th",
    "twenty-fifth": "25th",
    "thirtieth": "30th",
    "thirty-fifth": "35th",
    "fortieth": "40th",
    "forty-fifth": "45th",
    "fiftieth": "50th",
    "sixtieth": "60th",
    "seventieth": "70th",
    "seventy-fifth": "75th",
    "eightieth": "80th",
    "ninetieth": "90th",
    "hundredth": "100th",
}
_ORD = r"\d{1,3}(?:st|nd|rd|th)|" + "|".join(sorted(_ORDINALS, key=len, reverse=True))
_ANNIV = re.compile(
    rf"(?<![\w\-])(?P<ord>{_ORD})\s+anniversary\s+of\s+(?P<what>[^,.;:!?()\[\]\"“”\n]{{3,160}})",
    re.IGNORECASE,
)
_CENTENARY = re.compile(
    r"(?<![\w\-])(?P<word>centenary|centennial|bicentenary|bicentennial)(?:\s+of\s+(?P<what>[^,.;:!?()\[\]\"“”\n]{3,160}))?",
    re.IGNORECASE,
)
_ANN_CUT = re.compile(
    r"\s+(?:as|this|next|last|which|that|to|with|between|will|would|is|was|has|have|and\s+(?:to|the\s+extension|"
    r"extend\w*|[a-z]+ed|[a-z]+ing)|in\s+\d{4}|on\s+[A-Z][a-z]+\s+\d)(?![\w\-])"
)
_DETERMINERS = frozenset(
    {"the", "their", "its", "our", "his", "her", "those", "these", "this", "that", "your", "my"}
)
_DIPLOMATIC = re.compile(r"diplomatic\s+(?:ties|relations)", re.IGNORECASE)
_WS = re.compile(r"\s+")
_KEY_SPLIT = re.compile(r"[\s\-–]+")


def topic_key(name: str) -> tuple[str, ...]:
    """A key equal for names that differ only in case, hyphenation, word order or spelling."""
    words = [w.strip(".,'’") for w in _KEY_SPLIT.split(name.casefold())]
    words = [_SPELLING.get(w, w) for w in words if w and w != "the"]
    return tuple(sorted(words))


_CODEBOOK_KEYS: dict[tuple[str, ...], tuple[str, str]] = {
    topic_key(e.name): (e.name, e.kind) for e in codebook().entries if e.kind != "label"
}


class _Collector:
    """Topics keyed by canonical key, with first-mention order and sentence spans."""

    def __init__(self, doc: Document, sentences: Sequence[Sentence]) -> None:
        self.doc = doc
        self.sentences = sentences
        self.starts = [s.start for s in sentences]
        self.items: dict[tuple[str, ...], list] = {}  # key -> [first, name, kind, [sentence idx]]

    def sentence_of(self, pos: int) -> int | None:
        i = bisect.bisect_right(self.starts, pos) - 1
        if i >= 0 and pos < self.sentences[i].end:
            return i
        return None

    def add(self, name: str, kind: str, pos: int, key: tuple[str, ...] | None = None) -> None:
        k = key if key is not None else topic_key(name)
        si = self.sentence_of(pos)
        if si is None:
            return
        item = self.items.get(k)
        if item is None:
            canon = _CODEBOOK_KEYS.get(k)
            if canon is not None:
                name, kind = canon
            self.items[k] = [pos, name, kind, [si]]
            return
        if pos < item[0]:
            item[0] = pos
        if si not in item[3]:
            item[3].append(si)

    def merge(self, key: tuple[str, ...], into: tuple[str, ...]) -> None:
        """Fold the topic ``key`` into ``into`` (first mention and sentences)."""
        item, target = self.items.pop(key, None), self.items.get(into)
        if item is None or target is None:
            return
        target[0] = min(target[0], item[0])
        target[3].extend(i for i in item[3] if i not in target[3])

    def topics(self) -> tuple[Topic, ...]:
        out = []
        for first, name, kind, idxs in sorted(self.items.values(), key=lambda x: (x[0], x[1])):
            spans: tuple[Span, ...] = tuple(self.sentences[i].span for i in sorted(idxs))
            out.append((first, Topic(name, kind, spans)))
        return tuple(t for _, t in out)


def _only_countries(chain: str) -> bool:
    """True when every word of a name's capitalised part is a country name or demonym ("Russian-French")."""
    parts = [p for p in re.split(r"[\s\-–]+|\band\b", chain) if p.strip()]
    return all(country_code(p.strip()) is not None for p in parts)


def _clean_name(raw: str) -> str:
    words = _WS.sub(" ", raw).strip().split(" ")
    if words and words[-1].endswith(".") and words[-1].count(".") == 1:
        words[-1] = words[-1][:-1]
    while len(words) > 1 and (
        words[0] in _LEAD_STOP or words[0].lower() in _CONN_WORDS or _YEAR.fullmatch(words[0])
    ):
        words = words[1:]
    return " ".join(words)


def _anniversary_name(ordinal: str, what: str | None) -> str:
    o = _ORDINALS.get(ordinal.lower(), ordinal.lower())
    if not what:
        return f"{o} anniversary" if o[0].isdigit() else o
    if _DIPLOMATIC.search(what):
        return f"{o} anniversary of diplomatic ties"
    m = _ANN_CUT.search(what)
    if m:
        what = what[: m.start()]
    words = _WS.sub(" ", what).strip().split(" ")[:9]
    while words and words[-1].lower() in _MOD_STOP:
        words.pop()
    if words and words[0].lower() in _DETERMINERS:
        words[0] = "the"
    return f"{o} anniversary of {' '.join(words)}" if words else f"{o} anniversary"


def find_topics(
    doc: Document,
    sentences: Sequence[Sentence],
    codebook_hits: Sequence[tuple[int, int, CodebookEntry]] | None = None,
) -> tuple[Topic, ...]:
    """Topics of a document (``codebook_hits``: :func:`find_codebook` of ``doc.clean``, if at hand)."""
    text = doc.clean
    col = _Collector(doc, sentences)
    covered: list[tuple[int, int]] = []
    for start, end, entry in find_codebook(text) if codebook_hits is None else codebook_hits:
        if entry.kind == "label":
            continue
        col.add(entry.name, entry.kind, start, topic_key(entry.name))
        if entry.kind in ("project", "initiative", "organisation"):
            covered.append((start, end))
    named: list[tuple[int, int, str, str]] = []  # start, end, surface, kind ("" = from the head)
    cap_heads = [m.start() for m in _HEAD_CAP_RE.finditer(text)]
    low_heads = [m.start() for m in _HEAD_LOW_RE.finditer(text)]
    ci = li = 0
    for s in sentences:
        while ci < len(cap_heads) and cap_heads[ci] < s.start:
            ci += 1
        while li < len(low_heads) and low_heads[li] < s.start:
            li += 1
        has_cap = ci < len(cap_heads) and cap_heads[ci] < s.end
        has_low = li < len(low_heads) and low_heads[li] < s.end
        if not has_cap and not has_low:
            continue
        for m in _NAMED_CAP.finditer(text, s.start, s.end) if has_cap else ():
            a, b = m.start("name"), m.end("tail") if m.group("tail") else m.end("name")
            named.append((a, b, text[a:b], ""))
        for m in _NAMED_LOW.finditer(text, s.start, s.end) if has_low else ():
            mods = (m.group("mods") or "").split()
            if any(w in _MOD_STOP or w.endswith(("ed", "ly")) for w in mods):
                continue
            head = m.group("name").rsplit(None, 1)[-1]
            chain = (
                m.group("name")[: m.start("mods") - m.start("name")]
                if m.group("mods")
                else m.group("name")[: -len(head)]
            )
            if head in _GENERIC_TAIL:
                named.append(
                    (m.start("name"), m.start("name") + len(chain.rstrip()), chain.rstrip(), "project")
                )
                continue
            if head.rstrip("s") not in _STRONG_LOW_HEADS and _only_countries(chain):
                continue
            cw = chain.split()
            while cw and (cw[0] in _LEAD_STOP or cw[0].lower() in _CONN_WORDS or _YEAR.fullmatch(cw[0])):
                cw = cw[1:]
            if not cw or not any(c.isalpha() for c in " ".join(cw)):
                continue
            named.append((m.start("name"), m.end("name"), m.group("name"), ""))
    found: dict[tuple[str, ...], str] = {}
    for a, b, raw, forced in sorted(named):
        if any(ca <= a < cb or ca < b <= cb for ca, cb in covered):
            continue
        name = _clean_name(raw)
        words = name.split(" ")
        head = words[-1].lower()
        if len(words) < 2 and not name[:1].isdigit() or country_code(name) is not None:
            continue
        kind = forced or _KIND_OF_HEAD.get(head) or _KIND_OF_HEAD.get(head[:-1], "topic")
        if head in _GENERIC_TAIL and len(words) > 1:
            name = " ".join(words[:-1])
            kind = "project"
        key = topic_key(name)
        col.add(name, kind, a, key)
        found.setdefault(key, name)
    # "the Innovation Park" after "the Finland-Chile Innovation Park": one thing (but "Declaration of
    # the Supreme Council" and "Supreme Council" are two)
    for key, name in list(found.items()):
        short = name.casefold().replace("-", " ").split()
        for key2, name2 in found.items():
            long_ = name2.casefold().replace("-", " ").split()
            if (
                key2 != key
                and len(long_) > len(short)
                and long_[-len(short) :] == short
                and long_[-len(short) - 1] not in _CONN_WORDS
            ):
                col.merge(key, key2)
                del found[key]
                break
    # other mentions of a named thing by its canonical name ("Nord Stream 2" after "the Nord Stream 2 project")
    low = text.casefold()
    for key, name in found.items():
        nl = name.casefold()
        i = low.find(nl)
        while i >= 0:
            col.add(name, "project", i, key)
            i = low.find(nl, i + len(nl))
    for m in _ANNIV.finditer(text) if "anniversar" in low else ():
        col.add(_anniversary_name(m.group("ord"), m.group("what")), "anniversary", m.start())
    for m in _CENTENARY.finditer(text) if ("centen" in low or "bicent" in low) else ():
        word = "bicentenary" if m.group("word").lower().startswith("bicent") else "centenary"
        what = m.group("what")
        if what:
            cut = _ANN_CUT.search(what)
            if cut:
                what = what[: cut.start()]
            what = " ".join(what.split()[:9])
            name = f"{word} of {what}"
        else:
            name = word
        col.add(name, "anniversary", m.start())
    return col.topics()
