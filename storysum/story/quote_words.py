"""The word lists of quote and reported-speech extraction (`resources/quotes.tsv`) as one
`Lexicon` per language: reporting verbs, pronouns, articles, roles, Konjunktiv forms and the
rest that `speakers.py`, `quotes.py`, `indirect.py`, `sources.py` and `people.py` consult."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from storysum import resources


@dataclass(frozen=True)
class Lexicon:
    """The word lists of one language (plus those marked `*`)."""

    verbs: frozenset[str] = frozenset()
    particles: frozenset[str] = frozenset()
    according: tuple[tuple[str, ...], ...] = ()
    pronouns: frozenset[str] = frozenset()
    determiners: frozenset[str] = frozenset()
    titles: frozenset[str] = frozenset()
    roles: frozenset[str] = frozenset()
    suffixes: tuple[str, ...] = ()
    subjunctive: frozenset[str] = frozenset()
    stop: frozenset[str] = frozenset()
    nonverbs: frozenset[str] = frozenset()
    nonspeakers: frozenset[str] = frozenset()
    adverbs: frozenset[str] = frozenset()
    definite: frozenset[str] = frozenset()
    openers: frozenset[str] = frozenset()
    fronted: frozenset[str] = frozenset()
    statements: frozenset[str] = frozenset()
    separable: tuple[tuple[str, tuple[str, ...]], ...] = ()
    infinitives: frozenset[str] = frozenset()
    possessives: frozenset[str] = frozenset()

    def has_particle(self, verb: str, following: list[str]) -> bool:
        """Whether a separable reporting verb has the particle it needs to report among the
        (case-folded) words after it (`teilte … mit`); always true for other verbs."""
        needed = next((p for v, p in self.separable if v == verb.casefold()), ())
        return not needed or any(w in needed for w in following)

    def is_role(self, word: str) -> bool:
        """Whether a capitalised word names an office or function rather than a person."""
        low = word.casefold().rstrip(",.")
        return (low in self.roles or f"{low}." in self.roles  # `Gov.`, `Sen.` are listed with their dot
                or any(low.endswith(s) for s in self.suffixes))

    def is_title(self, word: str) -> bool:
        low = word.casefold()
        return low in self.titles or low.rstrip(".") in self.titles


@lru_cache(maxsize=None)
def lexicon(lang: str) -> Lexicon:
    """The lists for `lang`; languages without lists fall back to the English ones."""
    table: dict[str, dict[str, list[str]]] = {}
    for raw in resources.read("quotes.tsv").splitlines():
        if raw.strip() and not raw.startswith("#"):
            code, kind, words = raw.split("\t")
            entries = [w.replace("_", " ").casefold() for w in words.split()]
            table.setdefault(code, {}).setdefault(kind, []).extend(entries)
    lists = table.get(lang) or table.get("en", {})
    lists = {k: v + table.get("*", {}).get(k, []) for k, v in lists.items()}
    get = lists.get
    return Lexicon(
        verbs=frozenset(get("verbs", []) + get("infinitives", [])), particles=frozenset(get("particles", [])),
        according=tuple(tuple(a.split()) for a in get("according", [])),
        pronouns=frozenset(get("pronouns", [])), determiners=frozenset(get("determiners", [])),
        titles=frozenset(get("titles", [])), roles=frozenset(get("roles", [])),
        suffixes=tuple(get("suffixes", [])), subjunctive=frozenset(get("subjunctive", [])),
        stop=frozenset(get("stop", [])), nonverbs=frozenset(get("nonverbs", [])),
        nonspeakers=frozenset(get("nonspeakers", [])), adverbs=frozenset(get("adverbs", [])),
        definite=frozenset(get("definite", [])), openers=frozenset(get("openers", [])),
        fronted=frozenset(get("fronted", [])), statements=frozenset(get("statements", [])),
        separable=tuple((v, tuple(p.split("|"))) for v, p in (e.split(":") for e in get("separable", []))),
        infinitives=frozenset(get("infinitives", [])), possessives=frozenset(get("possessives", [])),
    )
