"""Who is speaking: the document's people, their surface forms, titled descriptions and transcript labels.

In: the :class:`~communique.annotate.types.PersonRef` s of a document. Out: a
:class:`People` index (one regex over every name and alias, longest first,
compiled once per distinct alias set) and resolvers from a surface form
("Virtanen", "the Finnish leader", "the President of Chile", "PRESIDENT
VIRTANEN") to the canonical name of a person. Used by :mod:`.statements` and
:mod:`.stances`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from communique.annotate.codebook import country_code, title_role
from communique.annotate.types import PersonRef

BOTH = "both"  # the speaker of what "the two leaders" / "both sides" say

LABEL = re.compile(
    r"^\s*(?P<label>[A-Z][A-Z.'’ \-]{0,60}[A-Z.]|"
    r"(?:[A-Z][\w.'’\-]*)(?:\s+(?:[A-Z][\w.'’\-]*|of|the)){0,9})\s*:\s+"
)
MID_LABEL = re.compile(
    r"(?<![\w\-])(?P<label>(?:President|Prime\s+Minister|Federal\s+Chancellor|Chancellor|Minister|Deputy\s+Prime\s+Minister|"
    r"Foreign\s+Minister|Amir|Emir|King|Premier|Secretary|Chairman|Governor|Mayor|Spokesperson|Press\s+Secretary)"
    r"(?:\s+(?:of|the|[A-Z][\w.'’\-]*)){1,10})\s*:\s+(?=\S)"
)
Q_LINE = re.compile(r"\s*Q(?:\s{2,}|:\s*|\s+(?=[A-Z(“\"]))")
_NON_SPEAKER = frozenset(
    """photo photos published source sources editor note notes caption video tags tag date title update updated
    related web editor read more see also image images file credit credits copyright by posted location time
    subject re from to cc attachment attachments link links dateline""".split()
)
_QUESTION = frozenset(
    {"q", "question", "questions", "moderator", "operator", "reporter", "journalist", "audience"}
)

_LEAD_STRIP = frozenset(
    """the mr mr. mrs mrs. ms ms. dr dr. his her excellency h.e. of president prime minister chancellor federal
    premier amir emir king queen foreign secretary state vice minister senior official officials deputy""".split()
)

_SUFFIX = re.compile(r",?\s+(?:Jr|Sr|II|III|IV)\.?$")


@dataclass
class People:
    regex: re.Pattern[str] | None
    owner: dict[str, int]  # casefolded surface -> index into people
    people: Sequence[PersonRef]


@functools.lru_cache(maxsize=512)
def compile_forms(forms: tuple[str, ...]) -> re.Pattern[str] | None:
    if not forms:
        return None
    alts = []
    for f in forms:
        e = re.escape(f)
        if f[:4].lower() == "the ":
            e = "[Tt]he" + re.escape(f[3:])
        alts.append(e)
    # the actor stage may hand aliases over in lower case: match without case, keep capitalised hits
    return re.compile(r"(?<![\w\-])(?:" + "|".join(alts) + r")(?![\w\-])", re.IGNORECASE)


def people_index(people: Sequence[PersonRef]) -> People:
    owner: dict[str, int] = {}
    ambiguous: set[str] = set()
    for i, p in enumerate(people):
        name = _SUFFIX.sub("", p.name.strip())
        forms = {p.name, name, *p.aliases}
        last = name.split()[-1] if name.split() else ""
        if len(last) >= 3 and last[:1].isupper():
            forms.add(last)
        for f in forms:
            f = f.strip()
            if len(f) < 2:
                continue
            k = f.casefold()
            if k in owner and owner[k] != i:
                ambiguous.add(k)
            owner.setdefault(k, i)
    for k in ambiguous:
        owner.pop(k, None)
    surfaces: set[str] = set()
    for p in people:
        for f in (p.name, _SUFFIX.sub("", p.name.strip()), *p.aliases):
            if f.strip().casefold() in owner:
                surfaces.add(f.strip())
        parts = _SUFFIX.sub("", p.name.strip()).split()
        if parts and parts[-1].casefold() in owner:
            surfaces.add(parts[-1])
    ordered = tuple(sorted(surfaces, key=lambda f: (-len(f), f)))
    return People(compile_forms(ordered), owner, people)


def resolve_name(surface: str, idx: People) -> str | None:
    """The canonical name of the person a surface form names, else None."""
    k = surface.strip().casefold()
    if k in idx.owner:
        return idx.people[idx.owner[k]].name
    words = surface.split()
    for n in range(len(words), 0, -1):
        for j in range(0, len(words) - n + 1):
            k = " ".join(words[j : j + n]).casefold()
            if k in idx.owner:
                return idx.people[idx.owner[k]].name
    return None


def resolve_desc(m: re.Match[str], idx: People) -> str:
    surface = m.group("desc")
    title = re.sub(r"\s+", " ", m.group("title"))
    role = title_role(title) if title.lower() not in ("leader", "head of state") else None
    country = None
    for g in ("of", "dem"):
        if m.group(g):
            country = country_code(m.group(g))
            if country:
                break
    best: list[PersonRef] = []
    for p in idx.people:
        if role and p.role != role:
            continue
        if country and p.country != country:
            continue
        if not role and not country:
            continue
        best.append(p)
    if best:
        return best[0].name
    return surface[0].lower() + surface[1:] if surface.startswith("The ") else surface


def strip_titles(name: str) -> str:
    words = name.split()
    while len(words) > 1 and (
        words[0].lower() in _LEAD_STRIP or country_code(words[0]) is not None or words[0] in ("of", "the")
    ):
        words = words[1:]
    return " ".join(words)


def label_speaker(label: str, idx: People) -> tuple[bool, str | None]:
    """(is a speaker label, speaker) for a transcript label; speaker None for questions."""
    low = label.strip().lower().rstrip(".")
    first = low.split()[0] if low.split() else ""
    if low in _NON_SPEAKER or first in _NON_SPEAKER:
        return False, None
    if low in _QUESTION or first in _QUESTION:
        return True, None
    resolved = resolve_name(label, idx)
    if resolved is None:
        words = [w for w in re.split(r"\s+", label.strip()) if w]
        for w in words:
            k = w.strip(".").casefold()
            if len(k) >= 3 and k in idx.owner:
                resolved = idx.people[idx.owner[k]].name
                break
    if resolved is None:
        # "THE PRESIDENT:" - the one person of the document with that role, if there is exactly one
        role = title_role(re.sub(r"^(?i:the)\s+", "", label.strip()))
        holders = [p for p in idx.people if role and p.role == role]
        if len(holders) == 1:
            resolved = holders[0].name
    if resolved is not None:
        return True, resolved
    is_caps = label.upper() == label and any(c.isalpha() for c in label)
    has_title = any(
        title_role(" ".join(label.split()[i : i + n])) for n in (1, 2) for i in range(len(label.split()))
    )
    if is_caps and len(label.strip()) >= 2:
        return True, label.strip()
    if has_title:
        return True, label.strip()
    return False, None
