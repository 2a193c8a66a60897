"""Statements: what each participant said, proposed, agreed, discussed, congratulated or thanked.

In: the cleaned text, its sentences and the people the actor stage resolved
(:class:`~communique.annotate.types.PersonRef`, with the short forms the text
uses). Out: one :class:`~communique.model.Statement` per statement sentence,
plus the speaker of every sentence (used by the stance extractor).

How a sentence gets its speaker, first rule that applies:

1. a transcript label opens it ("PRESIDENT BIDEN:  ...", "President of Russia
   Vladimir Putin: ..."); from then on the document is a transcript and every
   sentence belongs to the last label (questions, "Q:", belong to nobody);
2. "For his part, X ..." / "X, for his part, ...": X;
3. a subject followed by a reporting verb ("Xi said", "Xi on Tuesday called
   on", "he added", "the two leaders discussed", "the President of Ukraine
   informed") or a reporting verb followed by its subject (", said Chinese
   President Xi Jinping"); subjects are the document's people (by name or
   alias), he/she (the last speaker), they / the two sides / both leaders
   ("both"), titled descriptions ("the Russian leader", "the Prime Minister of
   Japan") and, failing those, any capitalised name that is not a country;
4. an unattributed sentence right after a statement in the same paragraph
   continues it (indirect speech running on, quotes).

The verb decides the kind: proposed (suggested, proposed, called for, urged),
agreed, discussed (discussed, exchanged views), congratulated, thanked, else
said.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from communique.annotate.codebook import country_code
from communique.annotate.speakers import (
    BOTH,
    LABEL,
    MID_LABEL,
    Q_LINE,
    People,
    label_speaker,
    people_index,
    resolve_desc,
    resolve_name,
    strip_titles,
)
from communique.annotate.types import PersonRef
from communique.model import Document, Sentence, Statement

_VERBS = {
    "congratulated": (
        r"congratulated|congratulates|congratulate|"
        r"(?:extend(?:ed|s)?|express(?:ed|es)?|sen[dt]s?|convey(?:ed|s)?|offer(?:ed|s)?)\s+(?:[\w\-]+\s+){0,6}?"
        r"(?:congratulations?|felicitations)"
    ),
    "thanked": (
        r"thanked|thanks|thank|(?:express(?:ed|es)?|convey(?:ed|s)?|voic(?:ed|es|e))\s+(?:[\w\-]+\s+){0,4}?"
        r"(?:gratitude|thanks|appreciation)|(?:was|is)\s+grateful|appreciated|appreciates|appreciate"
    ),
    "proposed": (
        r"suggest(?:ed|s)?|propos(?:ed|es|e)|call(?:ed|s)?\s+(?:for|on|upon)|urg(?:ed|es|e)|put(?:s)?\s+forward|"
        r"recommend(?:ed|s)?|invit(?:ed|es|e)|advocat(?:ed|es|e)"
    ),
    "agreed": r"agree[sd]?|reach(?:ed)?\s+(?:an?\s+)?(?:[\w\-]+\s+)?(?:consensus|agreement|understanding)",
    "discussed": (
        r"discuss(?:ed|es)?|exchang(?:ed|e)\s+(?:their\s+)?(?:views|opinions)|talk(?:ed)?\s+about|review(?:ed)?|"
        r"covered|touch(?:ed)?\s+(?:on|upon)|h[eo]ld\s+(?:a\s+)?(?:detailed\s+)?discussions?|"
        r"continued\s+(?:their\s+)?(?:exchanging\s+views|discussing|discussions?|the\s+discussion)"
    ),
    "said": (
        r"said|says|say|told|tells|tell|add(?:ed|s)?|not(?:ed|es|e)|stress(?:ed|es)?|emphasi[sz](?:ed|es|e)|"
        r"underscor(?:ed|es|e)|underlin(?:ed|es|e)|highlight(?:ed|s)?|point(?:ed|s)?\s+out|stat(?:ed|es)|"
        r"reiterat(?:ed|es|e)|reaffirm(?:ed|s)?|affirm(?:ed|s)?|express(?:ed|es)?|voic(?:ed|es)|convey(?:ed|s)?|"
        r"explain(?:ed|s)?|recall(?:ed|s)?|observed|remarked|warn(?:ed|s)?|assur(?:ed|es|e)|"
        r"ma(?:de|kes?)\s+(?:it\s+)?clear|(?:was|is|be)\s+clear|rais(?:ed|es|e)|hop(?:ed|es|e)|believ(?:es|ed|e)|"
        r"welcom(?:ed|es)|prais(?:ed|es|e)|inform(?:ed|s)?|brief(?:ed|s)?|shar(?:ed|es)|spoke\s+(?:about|of|on|in\s+detail)|"
        r"describ(?:ed|es|e)|announc(?:ed|es|e)|confirm(?:ed|s)?|declared|acknowledg(?:ed|es|e)|asked|requested|"
        r"promis(?:ed|es)|pledg(?:ed|es)|vow(?:ed|s)|insist(?:ed|s)|condemn(?:ed|s)?|wish(?:ed|es)|outlin(?:ed|es|e)|"
        r"mention(?:ed|s)|comment(?:ed|s)|replied|respond(?:ed|s)|continued|went\s+on|put\s+forth|set\s+forth|"
        r"appeal(?:ed|s)|reassur(?:ed|es|e)|reported|briefed|shared|summed\s+up|"
        r"exchang(?:ed|e)\s+(?:[\w'’\-]+\s+){0,2}(?:greetings|wishes)"
    ),
}
_VERB_ALT = "|".join(f"(?P<{k}>{v})" for k, v in _VERBS.items())
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_ADV = (
    r"also|once\s+again|again|further|then|later|firmly|strongly|repeatedly|specifically|separately|"
    r"in\s+turn|too|however|particularly|in\s+particular|briefly|explicitly|clearly|earlier|previously|"
    r"subsequently|reportedly|personally|warmly|sincerely|highly|fully|has|have|had|will|would|"
    r"today|yesterday|tonight|on\s+" + _WEEKDAY + r"|on\s+" + _MONTH + r"\s+\d{1,2}|"
    r"(?:during|in)\s+(?:the|their|his|her)\s+(?:talks|call|conversation|meeting|phone\s+call|video\s+call|"
    r"telephone\s+conversation|phone\s+conversation|remarks|speech)|for\s+(?:his|her|their)\s+part|"
    r"in\s+response|in\s+(?:the|his|her)\s+(?:morning|afternoon|evening)"
)
# after a subject: optional name words ("President Xi" + " Jinping"), adverbs, then the verb
_AFTER = re.compile(
    rf"(?:\s+[A-Z][\w'’\-]*[\w]){{0,2}}(?:(?:\s*,\s*|\s+)(?:{_ADV})(?:\s*,)?)*\s+(?:{_VERB_ALT})(?![\w\-])"
)
_INV_VERBS = (
    r"said|added|noted|stressed|emphasi[sz]ed|underscored|pointed\s+out|stated|explained|continued|"
    r"suggested|proposed|urged|told\s+\w+|asked|wrote|replied|recalled|warned|observed|remarked|"
    r"reiterated|underlined|highlighted|concluded"
)
_INVERTED = re.compile(
    rf"(?:[,”\"’]|\A)\s*(?P<verb>{_INV_VERBS})\s+(?:(?:the\s+)?(?:[A-Z][\w.'’\-]*\s+(?:of\s+(?:the\s+)?)?){{0,5}})?\Z"
)
_INV_FALLBACK = re.compile(
    rf"[,”\"’]\s*(?P<verb>{_INV_VERBS})\s+(?P<name>(?:[A-Z][\w.'’\-]*\s+(?:of\s+(?:the\s+)?)?){{0,5}}[A-Z][\w'’\-]*\w)"
)
_FOR_PART = re.compile(r"^\W*(?:For|On)\s+(?:his|her|their|its)\s+part\s*,\s*")
_FOR_PART_AFTER = re.compile(r"^\s*,\s*(?:for|on)\s+(?:his|her|their|its)\s+part\b")
_GENERIC = re.compile(
    r"(?<![\w\-])(?:"
    r"(?P<both>(?:[Tt]he\s+two|[Bb]oth)\s+(?:leaders|sides|presidents|heads\s+of\s+state|parties|men|ministers|"
    r"counterparts|prime\s+ministers|delegations)|[Tt]he\s+(?:leaders|presidents|parties|interlocutors|sides|"
    r"heads\s+of\s+state)|[Tt]hey)"
    r"|(?P<pron>[Hh]e|[Ss]he)"
    r"|(?P<desc>[Tt]he\s+(?:(?P<dem>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+)?"
    r"(?P<title>President|Prime\s+Minister|Premier|Federal\s+Chancellor|Chancellor|Amir|Emir|King|Queen|"
    r"Crown\s+Prince|Sultan|Foreign\s+Minister|Secretary\s+of\s+State|Vice\s+President|[Ll]eader|"
    r"[Hh]ead\s+of\s+[Ss]tate|Chairman|Secretary-General|Taoiseach|Pope)"
    r"(?:\s+of\s+(?:the\s+)?(?P<of>[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}))?)"
    r")(?![\w\-])"
)
_FALLBACK = re.compile(
    rf"(?<![\w.'’\-])(?P<name>(?:[A-Z][\w.'’\-]*\s+(?:of\s+(?:the\s+)?)?){{0,5}}[A-Z][\w'’\-]*\w)"
    rf"(?:(?:\s*,\s*|\s+)(?:{_ADV})(?:\s*,)?)*\s+(?:{_VERB_ALT})(?![\w\-])"
)
_FIRST_PERSON_KIND = re.compile(
    r"\b(?:I|we|We)\s+(?:would\s+like\s+to\s+|want\s+to\s+|also\s+)?(?P<thanked>thank)|"
    r"\b(?:I|we|We)\s+(?:would\s+like\s+to\s+|want\s+to\s+|also\s+)?(?P<congratulated>congratulate)|"
    r"\b(?:I|we|We)\s+(?:would\s+like\s+to\s+|want\s+to\s+)?(?P<proposed>propose|suggest)\b"
)
_NAME_STOP = frozenset(
    """The This That These Those It Its He She They We I You Our Their His Her Both Each All Such Some Many
    Noting Saying Citing Under In On At For As And But Also However Meanwhile There Here When While If After
    Before During Speaking Asked Talking""".split()
)
_INTRO = re.compile(r"\W*(?:[A-Z][\w'’\-]*(?:\s+[\w'’\-]+){0,9}\s*,\s*)?")
_ANY_LOWER_VERB = re.compile(
    r"(?:\s+(?:also|further|once\s+again|again|then|later|in\s+turn|[a-z]+ly))*\s+(?P<w>[a-z]+)(?![\w\-])"
)
_EVENT_VERBS = frozenset(
    """had has have held holds hold met meets meet attended attends arrived arrives visited visits visit received
    receives hosted hosts host was is were are will would shall can could may might left leaves travelled traveled
    travels participated participates took takes chaired chairs led leads signed signs accompanied joined joins
    and or of in on at to for with who which whose that also""".split()
)
_AND = re.compile(r"\s+and\s+")
_PARA = re.compile(r"\n[ \t\u00a0]*\n")


def _kind(m: re.Match[str]) -> str:
    return m.lastgroup if m.lastgroup in _VERBS else "said"


class _State:
    def __init__(self) -> None:
        self.unlisted: dict[str, str] = {}  # last name -> full name, for speakers not among the people
        self.last_person: str | None = None
        self.transcript = False
        self.label_speaker: str | None = None


def _same_as_earlier(sp: str | None, state: _State) -> str | None:
    """A speaker the actor stage did not list, by the fullest name used so far ("Berg" -> "Lena Berg")."""
    if sp is None or sp == BOTH or not sp[:1].isupper():
        return sp
    words = sp.split()
    if len(words) == 1 and words[0] in state.unlisted:
        return state.unlisted[words[0]]
    if len(words) > 1:
        state.unlisted.setdefault(words[-1], sp)
    return sp


def attribute(t: str, idx: People, state: _State) -> tuple[str | None, str | None]:
    """(speaker, kind) of one non-transcript sentence, or (None, None) when it reports no speech."""
    cands: list[tuple[int, int, str | None, int]] = []  # start, end, speaker, rank
    m0 = _FOR_PART.match(t)
    if idx.regex is not None:
        for m in idx.regex.finditer(t):
            g = m.group()
            if g[:1].isupper() or g[:4].lower() == "the ":
                cands.append((m.start(), m.end(), resolve_name(g, idx), 0))
    for m in _GENERIC.finditer(t):
        if m.group("both"):
            sp: str | None = BOTH
        elif m.group("pron"):
            sp = state.last_person
        else:
            sp = resolve_desc(m, idx)
        cands.append((m.start(), m.end(), sp, 0))
    cands.sort(key=lambda c: (c[0], -c[1]))
    if m0 is not None:
        # "For his part, X ...": X is the speaker whatever the verb
        for s, e, sp, _ in cands:
            if s == m0.end():
                v = _AFTER.match(t, e)
                return sp, (_kind(v) if v else _verb_kind_anywhere(t, e))
        fb = _FALLBACK.match(t, m0.end())
        if fb:
            name = strip_titles(fb.group("name"))
            return resolve_name(name, idx) or name, _kind(fb)
    for (s, e, sp, _), (s2, e2, sp2, _r) in zip(cands, cands[1:], strict=False):
        # "X and Y exchanged greetings": two different people speaking together
        if sp and sp2 and sp != sp2 and sp != BOTH and _AND.fullmatch(t, e, s2):
            v = _AFTER.match(t, e2)
            if v is not None:
                return BOTH, _kind(v)
            if s == 0 or _INTRO.fullmatch(t, 0, s):
                w = _ANY_LOWER_VERB.match(t, e2)
                if w is not None and w.group("w").lower() not in _EVENT_VERBS:
                    return BOTH, "said"
    for s, e, sp, _ in cands:
        v = _AFTER.match(t, e)
        if v is not None:
            if sp is None and t[s:e].lower() in ("he", "she"):
                continue
            return sp, _kind(v)
        if _FOR_PART_AFTER.match(t, e):
            return sp, _verb_kind_anywhere(t, e)
        inv = _INVERTED.search(t, max(0, s - 160), s)
        if inv is not None and inv.end() == s:
            verb = inv.group("verb")
            return sp, ("proposed" if verb.startswith(("suggest", "propos", "urge")) else "said")
    for s, e, sp, _ in cands:
        if sp is None or not _INTRO.match(t, 0, s) and s != 0:
            break
        if s == 0 or _INTRO.fullmatch(t, 0, s):
            v = _ANY_LOWER_VERB.match(t, e)
            if v is not None and v.group("w").lower() not in _EVENT_VERBS:
                return sp, "said"
        break
    for inv in _INV_FALLBACK.finditer(t):
        name = strip_titles(inv.group("name"))
        if name and country_code(name) is None and name not in _NAME_STOP:
            verb = inv.group("verb")
            return resolve_name(name, idx) or name, (
                "proposed" if verb.startswith(("suggest", "propos", "urge")) else "said"
            )
    for fb in _FALLBACK.finditer(t):
        raw = fb.group("name")
        if raw.split()[0] in _NAME_STOP and len(raw.split()) == 1:
            continue
        name = strip_titles(raw)
        if name.split()[0] in _NAME_STOP:
            name = " ".join(name.split()[1:])
        if not name or country_code(name) is not None or name in _NAME_STOP:
            continue
        return resolve_name(name, idx) or name, _kind(fb)
    return None, None


_ANY_VERB = re.compile(rf"(?<![\w\-])(?:{_VERB_ALT})(?![\w\-])")


def _verb_kind_anywhere(t: str, pos: int) -> str:
    v = _ANY_VERB.search(t, pos)
    return _kind(v) if v else "said"


def find_statements(
    doc: Document, sentences: Sequence[Sentence], people: Sequence[PersonRef]
) -> tuple[tuple[Statement, ...], list[str | None]]:
    """Statements of a document and the speaker of each sentence (None where nobody speaks)."""
    text = doc.clean
    idx = people_index(people)
    state = _State()
    out: list[Statement] = []
    speakers: list[str | None] = [None] * len(sentences)
    prev_stmt: int | None = None  # index of the previous sentence if it was a statement
    run = 0
    for i, s in enumerate(sentences):
        t = text[s.start : s.end]
        if not any(c.isalpha() for c in t):
            continue
        if Q_LINE.match(t):  # White House transcripts: "Q    Thank you, Mr. President."
            state.transcript = True
            state.label_speaker = None
            continue
        lm = LABEL.match(t)
        if lm is None and ":" in t:
            mm = MID_LABEL.search(t)
            if mm is not None and (
                resolve_name(mm.group("label"), idx) or len(mm.group("label").split()) >= 4
            ):
                lm = mm
        if lm is not None:
            ok, sp = label_speaker(lm.group("label"), idx)
            if ok:
                state.transcript = True
                state.label_speaker = sp
                if sp is not None:
                    rest = t[lm.end() :]
                    k = _FIRST_PERSON_KIND.search(rest)
                    kind = k.lastgroup if k and k.lastgroup else "said"
                    out.append(Statement(sp, t.strip(), (s.span,), kind))
                    speakers[i] = sp
                continue
        if state.transcript:
            sp = state.label_speaker
            if sp is not None and len(t.split()) >= 2:
                k = _FIRST_PERSON_KIND.search(t)
                kind = k.lastgroup if k and k.lastgroup else "said"
                out.append(Statement(sp, t.strip(), (s.span,), kind))
                speakers[i] = sp
            continue
        sp, found_kind = attribute(t, idx, state)
        if found_kind is not None:
            kind = found_kind
            sp = _same_as_earlier(sp, state)
            out.append(Statement(sp, t.strip(), (s.span,), kind))
            speakers[i] = sp
            if sp is not None and sp != BOTH:
                state.last_person = sp
            prev_stmt, run = i, 0
            continue
        # indirect speech running on in the same paragraph
        if prev_stmt == i - 1 and i > 0 and run < 6 and not _PARA.search(text, sentences[i - 1].end, s.start):
            psp = speakers[i - 1]
            if psp is not None:
                out.append(Statement(psp, t.strip(), (s.span,), "said"))
                speakers[i] = psp
                prev_stmt, run = i, run + 1
                continue
        prev_stmt = None
    return tuple(out), speakers
