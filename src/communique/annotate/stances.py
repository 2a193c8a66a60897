"""Stances (who supports or opposes what) and relationship labels.

Stances. In: each sentence and its speaker (from the statement extractor).
Out: :class:`~communique.model.Stance` (holder, support | oppose, target).
A stance is a verb of support (support, back, welcome, endorse, stand with /
by, uphold, respect) or opposition (oppose, condemn, reject, denounce, object
to, be against), or the nouns "support for" / "opposition to", with a
negation ("does not support") flipping it. The target is the noun phrase after
the verb, cut at the first clause boundary (comma, "such as", "which", "and"
+ a new verb ...) and normalised ("external forces interfering in X" ->
"external interference in X"; leading "the"/"all"/"any" dropped). The holder
is the subject of the verb: a country (as its ISO code), a person of the
document (as their name), he/she (the sentence's speaker), "both"; failing
that the subject of the clause the verb continues, failing that the speaker.

Relationship labels. A run of label adjectives (all-weather, comprehensive,
strategic, global, special, privileged, ...) before partnership / partners /
alliance / relationship, with the tails "and alliance", "and strategic
interaction", "of coordination for a new era"; the longest match wins;
"partners" is read as "partnership". Codebook rows of kind ``label`` add
names the pattern cannot produce ("Union State"). The holder is the pair
named just before ("China-Belarus ...", "Belarus and China are ...") or just
after ("... between X and Y"), as ISO codes when they are countries.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from communique.annotate.codebook import CodebookEntry, country_code, find_codebook
from communique.annotate.speakers import BOTH
from communique.annotate.types import PersonRef
from communique.model import Document, RelationshipLabel, Sentence, Span, Stance

_ADVS = r"(?:firmly|strongly|fully|resolutely|always|consistently|steadfastly|unequivocally|categorically|also|still|further|continues\s+to|continue\s+to|will\s+continue\s+to|as\s+always,?)"
_SUPPORT_V = (
    r"supports|supported|support|backs|backed|endorses|endorsed|endorse|welcomes|welcomed|welcome|"
    r"stands\s+(?:firmly\s+)?(?:with|by)|stood\s+(?:firmly\s+)?(?:with|by)|stand\s+(?:firmly\s+)?(?:with|by)|"
    r"upholds|upheld|uphold|respects|respected|champions|championed|favou?rs|favou?red"
)
_OPPOSE_V = (
    r"opposes|opposed\s+to|opposed|oppose|condemns|condemned|condemn|rejects|rejected|reject|denounces|denounced|denounce|"
    r"objects\s+to|objected\s+to|object\s+to|(?:is|are|was|were)\s+against|resists|resisted|criticized|"
    r"criticised|criticizes|criticises"
)
_STANCE = re.compile(
    r"(?<![\w\-])(?:(?P<supof>support)\s+of\s+(?P<of>(?:the\s+)?[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3})\s+(?:for|to)"
    r"|(?P<supn>support)\s+(?:for|to)|(?P<oppn>opposition)\s+to|(?P<oppn2>condemnation)\s+of"
    r"|(?P<opp2>(?:is|are|was|were|remains?|firmly|strongly)\s+opposed)\s+to"
    rf"|(?P<sup>{_SUPPORT_V})|(?P<opp>{_OPPOSE_V}))(?![\w\-])\s+"
)
# every stance verb or noun above contains one of these
_STANCE_TRIGGER = re.compile(
    r"support|backs|backed|endors|welcom|stand|stood|uphold|upheld|respect|champion|favo|oppos|condemn|reject|"
    r"denounc|object|against|resist|critici"
)
_NEG = re.compile(r"(?:\bnot|\bnever|n['’]t|\bno\s+longer)\s+(?:\w+\s+)?$")
_CUT = re.compile(
    r"\s*[;:!?()\[\]—–]|(?<![A-Z])\.(?=\s|$|[\"”’]|[A-Z][a-z])|,|\s+(?:was|were|is|are|has\s+been|have\s+been|will\s+be)\b|"
    r"\s+and\s+[a-z]+ed\b|\s+(?:such\s+as|including|which|who|so\s+that|in\s+order\s+to|while|whereas|because|"
    r"as\s+well\s+as|but)\b|\s+and\s+(?:firmly|also|as\s+always|always|will|is|are|has|have|hopes?|would|should|"
    r"to|wishes|expressed|called|said|stressed|noted|is|calls|urges|hopes|"
    + _SUPPORT_V
    + "|"
    + _OPPOSE_V
    + r")\b"
)
_LEAD = re.compile(r"^(?:the|all|any|every|a|an)\s+", re.IGNORECASE)
_PRONOUN_TARGET = frozenset(
    """you it them this that him her us me these those and or of in on at to for from with by as further more
    also all further fully""".split()
)
_BAD_FOLLOW = re.compile(r"(?:of|from|in|within|at|and|or|as|by|but|—|–|-|,)(?![\w])", re.IGNORECASE)
_WELCOME_HOST = re.compile(
    r"\bto\s+(?:the\s+)?[A-Z]|^(?:Mr|Mrs|Ms|Madam|Your|His|Her|President|Prime|Chancellor|Federal|Amir|King|Premier|Minister|Secretary|colleagues|friends|guests|everyone|all)\b"
)
_INTERFERE = re.compile(r"\b(?:(\w+)\s+)?(?:forces|attempts?|efforts?)\s+(?:to\s+)?interfer(?:e|ing)\s+in\b")
_INTERFERING = re.compile(r"\binterfering\s+in\b")
_PAREN = re.compile(
    r",\s*(?:he|she|they|[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*)?)\s+"
    r"(?:added|said|noted|stressed|continued|emphasi[sz]ed|pointed\s+out|says|adds|notes),"
)
_SUBJ_TAIL = re.compile(
    rf"(?P<subj>(?:[Tt]he\s+)?[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){{0,3}}|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|"
    rf"(?:[Tt]he\s+two|[Bb]oth)\s+(?:sides|leaders|countries|presidents|parties))"
    rf"(?:\s+(?:{_ADVS}|is|are|will|would|has|have|had|can|could|should|must|to|willing\s+to|ready\s+to|"
    rf"committed\s+to|determined\s+to|always|never|not|do|does|did))*\s*$"
)
_CLAUSE_SUBJ = re.compile(
    r"(?:^|\bthat\s+|[,;]\s+|\b(?:said|added|noted|stressed)\s+)(?P<subj>(?:[Tt]he\s+)?[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3})(?=\s+(?!and\b|or\b)[a-z])"
)
_POSSESSIVE_BEFORE = re.compile(
    r"(?P<subj>[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3})['’]s?\s+(?:[a-z]+\s+){0,2}$"
)
_THANKS_BEFORE = re.compile(
    r"\b(?:thank\w*|gratitude\s+to|grateful\s+to|appreciat\w*)\s+(?P<subj>(?:the\s+)?[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){0,3})\s+for\b"
)


def _holder_of(subj: str, people_names: dict[str, str], speaker: str | None) -> str | None:
    s = subj.strip()
    low = s.lower()
    if low in ("he", "she", "we"):
        return speaker
    if low == "they" or low.startswith(("the two", "both")):
        return BOTH
    code = country_code(s)
    if code:
        return code
    k = s.casefold()
    if k in people_names:
        return people_names[k]
    for w in reversed(s.split()):
        if w.casefold() in people_names:
            return people_names[w.casefold()]
    return None


def _target(rest: str) -> str | None:
    if _BAD_FOLLOW.match(rest) or not rest[:1].isalnum() and rest[:1] not in "\"“'‘":
        return None
    m = _CUT.search(rest)
    t = rest[: m.start()] if m else rest
    t = " ".join(t.replace("“", "").replace("”", "").replace('"', "").split()[:16]).strip(" ,;:'")
    t = _LEAD.sub("", t)
    m2 = _INTERFERE.search(t)
    if m2:
        adj = m2.group(1)
        t = (
            t[: m2.start()]
            + (f"{adj} " if adj and adj.lower() not in ("any", "all", "the") else "")
            + "interference in"
            + t[m2.end() :]
        )
    t = _INTERFERING.sub("interference in", t)
    t = _LEAD.sub("", t)
    if (
        not t
        or t.lower() in _PRONOUN_TARGET
        or t.split()[0].lower() in _PRONOUN_TARGET
        and len(t.split()) == 1
    ):
        return None
    return t


def find_stances(
    doc: Document, sentences: Sequence[Sentence], people: Sequence[PersonRef], speakers: Sequence[str | None]
) -> tuple[Stance, ...]:
    text = doc.clean
    names: dict[str, str] = {}
    for p in people:
        for f in (p.name, *p.aliases):
            names.setdefault(f.casefold(), p.name)
        if p.name.split():
            names.setdefault(p.name.split()[-1].casefold(), p.name)
    out: dict[tuple[str | None, str, str], list[Span]] = {}
    triggers = [m.start() for m in _STANCE_TRIGGER.finditer(text)]
    ti = 0
    for i, s in enumerate(sentences):
        while ti < len(triggers) and triggers[ti] < s.start:
            ti += 1
        if ti >= len(triggers) or triggers[ti] >= s.end:
            continue
        t = text[s.start : s.end]
        speaker = speakers[i] if i < len(speakers) else None
        for m in _STANCE.finditer(t):
            pol = "support" if (m.group("sup") or m.group("supn") or m.group("supof")) else "oppose"
            pre = t[max(0, m.start() - 400) : m.start()]
            if _NEG.search(pre):
                pol = "oppose" if pol == "support" else "support"
            target = _target(t[m.end() :])
            if target is None:
                continue
            verb = (m.group("sup") or "").lower()
            if verb.startswith("welcom") and _WELCOME_HOST.search(target):
                continue
            holder: str | None = None
            if m.group("supof"):
                holder = _holder_of(m.group("of"), names, speaker)
            elif m.group("supn") or m.group("oppn") or m.group("oppn2"):
                pm = _POSSESSIVE_BEFORE.search(pre)
                tm = _THANKS_BEFORE.search(pre)
                if pm:
                    holder = _holder_of(pm.group("subj"), names, speaker)
                elif tm:
                    holder = _holder_of(tm.group("subj"), names, speaker)
            else:
                pre2 = _PAREN.sub("", pre)
                sm = _SUBJ_TAIL.search(pre2)
                if sm:
                    holder = _holder_of(sm.group("subj"), names, speaker)
                if holder is None:
                    for cm in _CLAUSE_SUBJ.finditer(pre2):
                        h = _holder_of(cm.group("subj"), names, speaker)
                        if h is not None:
                            holder = h
            if holder is None:
                holder = speaker
            key = (holder, pol, target)
            spans = out.setdefault(key, [])
            if s.span not in spans:
                spans.append(s.span)
    return tuple(Stance(h, p, t, tuple(sp)) for (h, p, t), sp in out.items())


# --------------------------------------------------------------------------- relationship labels

_ADJ = (
    r"all-weather|all-round|all-dimensional|comprehensive|strategic|global|cooperative|special|privileged|"
    r"enhanced|innovative|ironclad|iron-clad|everlasting|time-tested|extended|multifaceted|multi-faceted|"
    r"high-level|deep|deepened|close|friendly|good-neighbou?rly|mutually\s+beneficial|new\s+type\s+of"
)
_STRONG = re.compile(
    r"all-weather|all-round|comprehensive|strategic|global|special|privileged|enhanced|ironclad|iron-clad|everlasting",
    re.IGNORECASE,
)
_LABEL = re.compile(
    rf"(?<![\w\-])(?P<label>(?:(?:{_ADJ})(?:\s*,\s*|\s+and\s+|\s+))+"
    r"(?P<head>partnership|partners|partner|alliance|relationship)"
    r"(?P<tail>\s+(?:and\s+alliance|and\s+strategic\s+(?:interaction|coordination)|of\s+(?:strategic\s+)?coordination"
    r"(?:\s+for\s+(?:a|the)\s+new\s+era)?|for\s+(?:a|the)\s+new\s+era))?)(?![\w\-])",
    re.IGNORECASE,
)
_WEAK_LEAD = re.compile(
    r"^(?:(?:extended|multifaceted|multi-faceted|high-level|deep|deepened|close|friendly|good-neighbou?rly|"
    r"mutually\s+beneficial|new\s+type\s+of)(?:\s*,\s*|\s+and\s+|\s+))+",
    re.IGNORECASE,
)
_HEAD_WORD = re.compile(r"partner|allian|relationship")
_PAIR_BEFORE = re.compile(
    r"(?P<a>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s*[-–]\s*(?P<b>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+"
    r"(?:(?:relations|relationship|ties)\s+(?:of\s+|as\s+)?)?$"
)
_AND_BEFORE = re.compile(
    r"(?P<a>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+and\s+(?:the\s+)?(?P<b>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+"
    r"(?:are|were|have\s+become|became|remain|as|have\s+been|is)\s+(?:\w+\s+){0,2}$"
)
_BETWEEN_AFTER = re.compile(
    r"^\s+between\s+(?:the\s+)?(?P<a>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+and\s+(?:the\s+)?(?P<b>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)"
)


def _pair(a: str, b: str) -> str:
    a, b = a.rstrip(".,"), b.rstrip(".,")
    ca, cb = country_code(a), country_code(b)
    return f"{ca or a}-{cb or b}"


def normalise_label(raw: str) -> str:
    lab = re.sub(r"\s+", " ", raw.strip()).lower()
    lab = _WEAK_LEAD.sub("", lab) if _STRONG.search(lab) else lab
    lab = re.sub(r"\bpartners?\b(?! of)", "partnership", lab)
    lab = re.sub(r"\s*,\s*", " ", lab)
    return lab.replace("iron-clad", "ironclad")


def find_labels(
    doc: Document,
    sentences: Sequence[Sentence],
    codebook_hits: Sequence[tuple[int, int, CodebookEntry]] | None = None,
) -> tuple[RelationshipLabel, ...]:
    """Relationship labels of a document (``codebook_hits``: :func:`find_codebook` of ``doc.clean``, if at hand)."""
    text = doc.clean
    low = text.lower()
    heads = [m.start() for m in _HEAD_WORD.finditer(low)]
    found: dict[str, list] = {}  # label -> [first, holder, spans]

    def add(label: str, holder: str | None, pos: int, span: Span) -> None:
        item = found.get(label)
        if item is None:
            found[label] = [pos, holder, [span]]
            return
        if item[1] is None and holder is not None:
            item[1] = holder
        if span not in item[2]:
            item[2].append(span)

    hi = 0
    for s in sentences:
        while hi < len(heads) and heads[hi] < s.start:
            hi += 1
        if hi >= len(heads) or heads[hi] >= s.end:
            continue
        for m in _LABEL.finditer(text, max(s.start, heads[hi] - 240), s.end):
            raw = m.group("label")
            if not _STRONG.search(raw):
                continue
            label = normalise_label(raw)
            pre = text[s.start : m.start()]
            post = text[m.end() : s.end]
            holder = None
            pm = _PAIR_BEFORE.search(pre) or _AND_BEFORE.search(pre) or _BETWEEN_AFTER.search(post)
            if pm:
                holder = _pair(pm.group("a"), pm.group("b"))
            add(label, holder, m.start(), s.span)
    starts = [s.start for s in sentences]
    for a, _b, entry in find_codebook(text) if codebook_hits is None else codebook_hits:
        if entry.kind != "label":
            continue
        i = bisect.bisect_right(starts, a) - 1
        if i >= 0 and a < sentences[i].end:
            add(entry.name, None, a, sentences[i].span)
    ordered = sorted(found.items(), key=lambda kv: kv[1][0])
    return tuple(RelationshipLabel(k, v[1], tuple(v[2])) for k, v in ordered)
