"""Word lists of the figures, dates and conflicts panels, read once from
`resources/numbers.tsv`, so new languages and units are data, not code."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache

import regex

from storysum.language import WORD, resources_for
from storysum.resources import read


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, list[tuple[str, list[str]]]]]:
    """section → language → [(surface, extra columns)], in file order."""
    table: dict[str, dict[str, list[tuple[str, list[str]]]]] = defaultdict(lambda: defaultdict(list))
    for line in read("numbers.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        section, lang, surfaces, *extra = line.split("\t")
        for surface in surfaces.split("|"):
            table[section][lang].append((surface, extra))
    return table


def entries(section: str, lang: str) -> list[tuple[str, list[str]]]:
    """Entries of a section for a language plus the "*" ones; a language without its own
    entries gets every language's (better a German month name than none)."""
    by_lang = _table()[section]
    own = by_lang.get(lang)
    if own is None:
        own = [e for code, rows in by_lang.items() if code != "*" for e in rows]
    return list(own) + list(by_lang.get("*", []))


@lru_cache(maxsize=None)
def mapping(section: str, lang: str) -> dict[str, str]:
    """casefolded surface → first extra column."""
    return {s.casefold(): (extra[0] if extra else "") for s, extra in reversed(entries(section, lang))}


@lru_cache(maxsize=None)
def alternation(section: str, lang: str) -> str:
    """A regex alternation of a section's surfaces, longest first (for use inside a group)."""
    surfaces = sorted({s for s, _ in entries(section, lang)}, key=len, reverse=True)
    return "|".join(regex.escape(s) for s in surfaces)


def stems(text: str, lang: str) -> list[str]:
    """Casefolded Snowball stems of the words of a text."""
    return resources_for(lang).stem([w.casefold() for w in WORD.findall(text)])


@lru_cache(maxsize=None)
def stemmed_phrases(section: str, lang: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """A section's surfaces as stem tuples with their value (phrase matching on stems)."""
    out = []
    for surface, extra in entries(section, lang):
        out.append((tuple(stems(surface, lang)), extra[0] if extra else ""))
    return tuple(out)


def find_phrases(section: str, lang: str, words: list[str]) -> list[str]:
    """Values of the section's phrases found (as stems) in a list of stemmed words."""
    found = []
    for phrase, value in stemmed_phrases(section, lang):
        n = len(phrase)
        if n and any(tuple(words[i:i + n]) == phrase for i in range(len(words) - n + 1)):
            found.append(value)
    return found


@lru_cache(maxsize=None)
def function_words(lang: str) -> frozenset[str]:
    """Articles, pronouns, prepositions, auxiliaries: never what a figure counts. A short
    curated list where there is one (stopword lists also hold nouns such as "Menschen")."""
    own = _table()["function"].get(lang)
    if own:
        return frozenset(s.casefold() for s, _ in own)
    return resources_for(lang).stopwords
