"""The content codebook (``data/codebook.tsv``) and the country look-ups content extraction shares.

In: the codebook rows (canonical name, kind, ``;``-separated alias regexes) and
the shared :mod:`~communique.annotate.lexicon` (countries, demonyms,
organisations, titles). Out: :func:`find_codebook` — every codebook alias
occurrence in a text as ``(start, end, entry)`` — and :func:`country_code` /
:func:`title_role` for short phrases.

Why it is fast: each alias is compiled once, at import, and indexed by a
*trigger*, the first four letters of its first word (or the whole word when it
is shorter). A document is tokenised once; an alias is only tried, anchored,
at the start of the words that carry its trigger. An alias with no derivable
trigger (it starts with a group or a class) is run over the whole text; there
is one.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

from communique.annotate.lexicon import lexicon, tokenize

KINDS = frozenset({"topic", "project", "initiative", "organisation", "greeting", "label", "anniversary"})

_WORD = re.compile(r"[^\W_]+")
_LITERAL = re.compile(r"[a-z0-9]+")
_POSSESSIVE = re.compile(r"['’]s?$")


@dataclass(frozen=True)
class CodebookEntry:
    name: str
    kind: str


@dataclass(frozen=True)
class _Alias:
    entry: CodebookEntry
    regex: re.Pattern[str]


def _trigger(alias: str) -> str | None:
    """The first four letters of the word an alias always starts with, or None when unknown."""
    m = _LITERAL.match(alias.lower())
    if not m:
        return None
    lit, rest = m.group(), alias[m.end() :]
    if rest[:1] in ("?", "*", "{"):
        lit, complete = lit[:-1], False
    elif rest == "" or rest[:1] in (" ", "-", ",", ".", "'", "’", ")") and rest[1:2] not in ("?", "*"):
        complete = True
    elif rest[:2] in ("\\s", "\\b", "\\.", "\\-", "\\W", "\\'"):
        complete = rest[2:3] not in ("?", "*")
    else:
        complete = False
    if len(lit) >= 4:
        return lit[:4]
    return lit if complete and lit else None


def _spaces(alias: str) -> str:
    """A space outside a character class matches any run of white space (texts are hard-wrapped)."""
    out, in_class, esc = [], False, False
    for c in alias:
        if esc:
            out.append(c)
            esc = False
            continue
        if c == "\\":
            esc = True
        elif c == "[":
            in_class = True
        elif c == "]":
            in_class = False
        out.append(r"\s+" if c == " " and not in_class else c)
    return "".join(out)


def _compile(alias: str) -> re.Pattern[str]:
    if alias.startswith("="):
        return re.compile(r"(?<!\w)(?:" + _spaces(alias[1:]) + r")(?!\w)")
    return re.compile(r"(?<!\w)(?:" + _spaces(alias) + r")(?!\w)", re.IGNORECASE)


class Codebook:
    def __init__(self, text: str) -> None:
        self.entries: list[CodebookEntry] = []
        self.by_trigger: dict[str, list[_Alias]] = {}
        self.always: list[_Alias] = []
        self.by_name: dict[str, CodebookEntry] = {}
        for lineno, line in enumerate(text.splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3 or parts[1] not in KINDS:
                raise ValueError(
                    f"codebook.tsv line {lineno}: expected name<TAB>kind<TAB>aliases, got {line!r}"
                )
            entry = CodebookEntry(parts[0].strip(), parts[1].strip())
            self.entries.append(entry)
            self.by_name[entry.name.casefold()] = entry
            for alias in parts[2].split(";"):
                alias = alias.strip()
                if not alias:
                    continue
                a = _Alias(entry, _compile(alias))
                trig = _trigger(alias.lstrip("="))
                if trig is None:
                    self.always.append(a)
                else:
                    self.by_trigger.setdefault(trig, []).append(a)

    def find(self, text: str) -> list[tuple[int, int, CodebookEntry]]:
        """Every alias occurrence in ``text``, sorted by position (overlaps between entries kept).

        An alias begins with its trigger word, so it is only tried (anchored, with ``match``)
        where a word with that trigger starts.
        """
        low = text.lower()
        if len(low) != len(text):  # a few characters change length when lower-cased
            low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
        where: dict[str, list[int]] = {}
        for m in _WORD.finditer(low):
            k = m.group()[:4]
            if k in self.by_trigger:
                where.setdefault(k, []).append(m.start())
        out: list[tuple[int, int, CodebookEntry]] = []
        for k, positions in where.items():
            for a in self.by_trigger[k]:
                rx = a.regex
                for p in positions:
                    m2 = rx.match(text, p)
                    if m2 is not None:
                        out.append((p, m2.end(), a.entry))
        for a in self.always:
            for m3 in a.regex.finditer(text):
                out.append((m3.start(), m3.end(), a.entry))
        out.sort(key=lambda x: (x[0], -x[1], x[2].name))
        return out


@functools.cache
def codebook() -> Codebook:
    text = resources.files("communique").joinpath("data", "codebook.tsv").read_text(encoding="utf-8")
    return Codebook(text)


def find_codebook(text: str) -> list[tuple[int, int, CodebookEntry]]:
    return codebook().find(text)


@functools.lru_cache(maxsize=4096)
def country_code(phrase: str) -> str | None:
    """ISO 3166 alpha-3 (or organisation code) of a country name, demonym or organisation, else None."""
    toks = [t.norm for t in tokenize(_POSSESSIVE.sub("", phrase.strip()))]
    if toks and toks[0].lower() == "the":
        toks = toks[1:]
    while toks and toks[-1] in ("'", "s"):
        toks = toks[:-1]
    if not toks:
        return None
    e = lexicon().entities.get(tuple(toks))
    if e is not None and e.kind in ("country", "demonym", "org"):
        return e.value
    return None


@functools.lru_cache(maxsize=4096)
def title_role(phrase: str) -> str | None:
    """Canonical role of a title phrase ("president" -> "President"), else None."""
    toks = tuple(t.low for t in tokenize(phrase.strip()))
    e = lexicon().titles.get(toks)
    return e.value if e is not None else None


# compile at import: the first document should not pay for it
codebook()
