"""Statements whose source a phrase names, in German news: `…, wie die Polizei mitteilte`,
`Nach Angaben der Feuerwehr …`, `Laut Landrätin X …`, `Der Polizei zufolge …`, `Nach seinen
Worten …` — the indicative is the norm there, the phrase is the attribution. The source must
be someone: an office (with the name after it), a body the lists know, a name after `von`."""

from __future__ import annotations

from functools import lru_cache

import regex

from storysum.story.entities import is_cue
from storysum.story.hanta import tagger_model
from storysum.story.quotes import word_count
from storysum.story.quote_words import Lexicon
from storysum.story.speakers import Speaker, complement, parse, tokens, unnamed

MIN_CONTENT = 4  # words a reported statement needs


_WIE = regex.compile(r"^(?P<head>.+?),\s+wie\s+(?P<who>[^,;:]{2,80}?)\s+(?P<verb>\p{Ll}+)\s*[.!]?$")
"""`…, wie ein Kliniksprecher einräumte.`: an indicative statement attributed after it."""
_SOURCE = regex.compile(
    r"(?<![\p{L}])(?i:nach\s+(?:angaben|einschätzung|auskunft|darstellung|worten)|laut)"
    r"\s+(?:(?P<von>(?i:von|vom))\s+)?(?P<who>(?:(?i:der|des|dem|den|eines|einer|einem)\s+)?"
    r"(?:[\p{Lu}][\p{L}\p{M}.-]*\s+){0,3}[\p{Lu}][\p{L}\p{M}-]*)")
"""`Nach Angaben der Polizei …`, `nach Einschätzung von IT-Leiter Marco Wendtland …`, `Laut X …`
(not `nach Informationen des Kuriers`: that is an outlet's own reporting, `claims.py`)."""
_THEIR_WORDS = regex.compile(r"\s*Nach\s+seinen\s+(?:Worten|Angaben)(?![\p{L}])")
"""`Nach seinen Worten braucht die Initiative …` opening a sentence: the man just named (not
`ihren`, which may be a plural or a body, nor `suchte nach seinen Worten`)."""
_DEMANDS = frozenset("forderte forderten fordert verlangte verlangten verlangt mahnte mahnt anmahnte "
                     "wünschte empfahl riet".split())
"""`…, wie der Stadtrat forderte`: the council demanded it, it did not state it."""
_ARTICLES = frozenset("der des dem den die das ein eine einer eines einem einen von vom".split())
_BODIES = ("polizei", "feuerwehr", "staatsanwaltschaft", "stadt", "gemeinde", "landkreis", "kreis",
           "landratsamt", "behörde", "ministerium", "regierung", "verwaltung", "gewerkschaft", "klinik",
           "krankenhaus", "rettungsdienst", "wetterdienst", "unternehmen", "konzern", "firma", "bahn",
           "betreiber", "veranstalter", "verband", "gericht", "ermittler", "bundesamt", "landesamt",
           "senat", "rathaus", "amt", "beschäftigte", "augenzeugen", "anwohner", "experten")
"""Bodies (and groups) a `laut`/`nach Angaben` phrase names as the source; matched as a word's
start or end (`Polizeipräsidium`, `Stadtverwaltung`, `Netzbetreiber`)."""
_ZUFOLGE = regex.compile(r"(?P<who>(?:(?i:der|des|dem|den)\s+)?(?:[\p{Lu}][\p{L}\p{M}.-]*\s+){1,3})zufolge(?![\p{L}])")
"""`Der Polizei zufolge …`."""


def german_attribution(text: str, lex: Lexicon) -> tuple[Speaker, str] | None:
    """German statements whose source is named by a phrase, not by a reporting clause with a
    Konjunktiv: `…, wie die Polizei mitteilte.`, `Nach Angaben der Feuerwehr …`, `Laut X …`,
    `Der Polizei zufolge …` — the indicative is the norm there, the phrase is the attribution."""
    m = _WIE.match(text.strip())
    if (m and _reporting_verb(m.group("verb"), lex) and m.group("verb").casefold() not in _DEMANDS
            and word_count(m.group("head")) >= MIN_CONTENT):
        speaker = parse(tokens(m.group("who")), lex, "de")
        if speaker is not None and speaker.kind != "pronoun":
            return speaker, m.group("head")
    m = _THEIR_WORDS.match(text)
    if m and word_count(text) - word_count(m.group(0)) >= MIN_CONTENT:
        return Speaker("pronoun", "er"), text.strip()
    for pattern in (_SOURCE, _ZUFOLGE):
        m = pattern.search(text)
        if m and word_count(text) - word_count(m.group(0)) >= MIN_CONTENT:
            after = tokens(text[m.end():m.end() + 60]) if pattern is _SOURCE else None
            speaker = _source(tokens(m.group("who")), lex, after)
            who = m.group("who").split()
            if speaker is None and m.groupdict().get("von") and who[0][:1].isupper():
                speaker = Speaker("name", who[0])  # `nach Einschätzung von Reinwald`: no article, a name
            if speaker is not None:
                return speaker, text.strip()
    return None


def _source(phrase: list[str], lex: Lexicon, after: list[str] | None = None) -> Speaker | None:
    """Who a `laut`/`nach Angaben`/`zufolge` phrase names: an office with the name after it
    (`IT-Leiter Marco Wendtland`), an office (`eines Sprechers der Stadt`: not named), or a
    body the lists know, in the nominative (`der Polizei`, `des Landesamts für Umwelt` →
    Landesamt für Umwelt) — not any capitalised noun, since German capitalises them all
    (`laut Polizei Anwohner …`, `sangen laut Weihnachtslieder`, `Den Angaben zufolge`).
    `after`: the words after the phrase, where its complement stands (`für Umwelt`)."""
    article = phrase[0].casefold() if phrase else ""
    words = [w for w in phrase if w.casefold() not in lex.determiners and w.casefold() not in _ARTICLES]
    if not words:
        return None
    head = _nominative(words[0]) if article in ("des", "eines") else words[0]
    whose = complement(after or []) if len(words) == 1 else []
    if lex.is_role(head):
        named = [w for w in words[1:4] if w[:1].isupper()]
        if len(named) >= 2 and not whose:
            return Speaker("name", " ".join(named[:3]), role=head)
        found = Speaker("role", " ".join([head, *whose]), role=head)
        return unnamed(found) if article in lex.determiners - lex.definite else found
    if is_body(words[0]):
        return Speaker("description", " ".join([head, *whose]), role=head)
    return None


@lru_cache(maxsize=4096)
def _nominative(word: str) -> str:
    """A German noun after `des`/`eines` without its genitive ending (`Landesamts` →
    `Landesamt`, `Rettungsdienstes` → `Rettungsdienst`, `Sprechers` → `Sprecher`): HanTa's
    lemma when the word is it plus `-s`/`-es`, else the word (`Augenzeugen`, `Zirkus`)."""
    tagger = tagger_model()
    lemma = tagger.analyze(word)[0] if tagger is not None else ""
    return lemma if lemma[:1].isupper() and word in (lemma + "s", lemma + "es") else word


def is_body(word: str) -> bool:
    """An authority, company or other body that speaks (`Polizei`, `Landkreises`, `OVB`)."""
    low = word.casefold()
    return (any(low.startswith(b) or low.endswith(b) for b in _BODIES)
            or is_cue("de", "org_head", word) or is_cue("de", "org_suffix", word)
            or (word.isupper() and 2 <= len(word) <= 6))  # an acronym: OVB, GVD, THW


def _reporting_verb(word: str, lex: Lexicon) -> bool:
    """A reporting verb, also with its particle joined as in a subordinate clause
    (`mitteilte` = mit + teilte, `einräumte`, `ankündigte`)."""
    low = word.casefold()
    return low in lex.verbs or any(low.startswith(p) and low[len(p):] in lex.verbs for p in lex.particles)
