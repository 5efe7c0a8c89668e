"""Merging the entities panel's mentions: one entity per person, place or organisation.

A genitive (`des Weser-Nordkuriers`) folds into its base form, a surname alone into the one full
name it ends, an acronym into the one longer name whose initials it spells (`WLR` → `Weserland
Rundfunk`). The fullest form names the entity; every other spelling becomes an alias."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from storysum.story.model import Entity

_WORD_BREAK = regex.compile(r"[\s-]+")
ACRONYM = regex.compile(r"\p{Lu}[\p{Lu}\d]{1,5}")
KINDS = ("person", "organisation", "place")


@dataclass
class Mention:
    """One occurrence of a name with the cues for its kind (`votes`)."""

    name: str
    article: int
    votes: Counter[str] = field(default_factory=Counter)
    surface: str = ""  # as written (a genitive keeps its -s here)


@dataclass
class _Group:
    forms: Counter[str] = field(default_factory=Counter)  # name form → mentions
    articles: set[int] = field(default_factory=set)
    votes: Counter[str] = field(default_factory=Counter)

    def absorb(self, other: _Group) -> None:
        self.forms.update(other.forms)
        self.articles |= other.articles
        self.votes.update(other.votes)


@lru_cache(maxsize=65536)
def _capitalised_words(name: str) -> tuple[str, ...]:
    return tuple(w.casefold() for w in _WORD_BREAK.split(name) if w[:1].isupper())


def initials_match(acronym: str, name: str) -> bool:
    """`WLR` ~ `Weserland Rundfunk`: every word starts a run of the acronym's letters in order."""
    words = _capitalised_words(name)
    letters = acronym.casefold()
    if len(words) < 2 or len(letters) < len(words):
        return False
    pos = 0
    for n, word in enumerate(words):
        if pos >= len(letters) or word[0] != letters[pos]:
            return False
        pos += 1
        spare = len(letters) - pos - (len(words) - n - 1)
        for ch in word[1:]:
            if spare > 0 and pos < len(letters) and ch == letters[pos]:
                pos, spare = pos + 1, spare - 1
    return pos == len(letters)


def defined_acronym(tokens: list[str], i: int) -> str | None:
    """`Ostermünder Verkehrsbetriebe (OVB)`: the words before a bracketed acronym it spells."""
    if not (i + 2 < len(tokens) and tokens[i] == "(" and tokens[i + 2] == ")"
            and ACRONYM.fullmatch(tokens[i + 1])):
        return None
    for k in range(max(0, i - 6), i - 1):
        span = tokens[k:i]
        if span[0][:1].isupper() and all(t.isalpha() for t in span) and \
                initials_match(tokens[i + 1], " ".join(span)):
            return " ".join(span)
    return None


def _fold(groups: dict[str, _Group], pick) -> None:
    """Merge each group into the one `pick(key, groups)` names, if any."""
    for key in list(groups):
        target = pick(key, groups)
        if target and target != key and key in groups and target in groups:
            groups[target].absorb(groups.pop(key))


def _genitive(key: str, groups: dict[str, _Group]) -> str | None:
    return key[:-1] if key.endswith("s") and key[:-1] in groups else None


def _surname(key: str, groups: dict[str, _Group]) -> str | None:
    """A one-word name that ends exactly one longer name (`Hansing` → `Jörg Hansing`)."""
    if " " in key:
        return None
    fuller = [k for k in groups if " " in k and k.split()[-1] == key]
    if len(fuller) != 1:
        return None
    own, theirs = kind(groups[key].votes), kind(groups[fuller[0]].votes)
    return fuller[0] if own in ("other", theirs) or theirs == "person" else None


def _acronym(key: str, groups: dict[str, _Group]) -> str | None:
    if not ACRONYM.fullmatch(key):
        return None
    first = key[:1].casefold()
    longer = [k for k in groups if k != key and k[:1].casefold() == first and initials_match(key, k)]
    return longer[0] if len(longer) == 1 else None


def kind(votes: Counter[str]) -> str:
    best = max(KINDS, key=lambda k: votes[k])
    return best if votes[best] > 0 else "other"


def _entity(group: _Group, ids: list[str]) -> Entity:
    """The fullest form names the entity; every other spelling is an alias."""
    name = max(group.forms, key=lambda f: (len(f.split()), group.forms[f], len(f)))
    return Entity(
        name=name,
        kind=kind(group.votes),
        outlets=[ids[a] for a in sorted(group.articles)],
        mentions=sum(group.forms.values()),
        aliases=sorted(f for f in group.forms if f != name),
    )


def _uninflected(name: str) -> str:
    """`Kommunalen`/`Kommunaler Arbeitgeberverband` alike: words without adjective endings."""
    words = name.casefold().split()
    return " ".join([*(regex.sub(r"(e[nmrs]?|s)$", "", w) for w in words[:-1]), words[-1]])


def merge(mentions: list[Mention], ids: list[str]) -> list[Entity]:
    """Group mentions by name, fold genitives, surnames and acronyms into their full names."""
    groups: dict[str, _Group] = {}
    keys: dict[str, str] = {}  # inflection-free key → first name seen with it
    for m in mentions:
        name = keys.setdefault(_uninflected(m.name), m.name)
        group = groups.setdefault(name, _Group())
        group.forms[m.name] += 1
        if m.surface != m.name:
            group.forms[m.surface] += 0
        group.articles.add(m.article)
        group.votes.update(m.votes)
    for pick in (_genitive, _surname, _acronym):
        _fold(groups, pick)
    entities = [_entity(g, ids) for g in groups.values()]
    entities.sort(key=lambda e: (-len(e.outlets), -e.mentions, e.name))
    return entities
