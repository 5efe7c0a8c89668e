"""Reported speech for the quotes panel: what someone said, not in their own words.

German marks reported speech by mood: `X sagte, es gebe keine Hinweise`, `…, teilte die
Stadtverwaltung mit`, and sentences in Konjunktiv right after a quote or a reporting clause
continue the same speaker (`Das sei gelungen.`); a phrase that names the source carries an
indicative statement too (`Nach Angaben der Polizei …`, `…, wie ein Sprecher mitteilte`).
English has no mood to lean on, so only the explicit forms count there: `X said that …`,
`…, X said.` and `…," he wrote, adding that …`. Precision matters more than recall: a sentence
needs a reporting clause or an attribution phrase (or a quote/report just before it in the same
paragraph) and, in German after a plain reporting clause, a verb in Konjunktiv.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from storysum.language import opening_word
from storysum.model import Cluster, Sentence
from storysum.story.model import Quote
from storysum.story.quotes import Found, article_quotes, merge, sentence_spans, word_count
from storysum.story.entities import is_cue
from storysum.story.people import People, resolve
from storysum.story.hanta import tagger_model
from storysum.story.speakers import (
    Lexicon, Speaker, after_clause, before_clause, complement, lexicon, parse, subject, tokens, unnamed,
)

_LANGS = ("de", "en")  # languages whose reported speech this module can recognise
_SAY = {"said", "says", "told", "tells", "added", "adds", "stated"}
_PASSIVE = {"was", "were", "is", "are", "been", "be", "being"}
_MIN_CONTENT = 4  # words a reported statement needs
_ADDING = regex.compile(r"[\"”“»«],?\s+[^\"”“„»«]*?,\s+adding\s+that\s+(?P<content>[^\"”“„»«]+)$")
"""`"…," he wrote, adding that he would help …`: a report after the quote, by its speaker."""


def extract_indirect(cluster: Cluster, quoted: list[Found] | None = None) -> list[Quote]:
    """Reported statements with their speakers (`indirect=True`), merged across outlets;
    `quoted` are the direct quotations when the caller has found them already."""
    spans = sentence_spans(cluster) if quoted is None else {}
    found: list[Found] = []
    for a_index, article in enumerate(cluster.articles):
        lang = article.lang or cluster.lang or "und"
        if lang in _LANGS:
            sentences = [s for s in cluster.sentences if s.article == a_index]
            direct = (article_quotes(cluster, a_index, spans.get(a_index, [])) if quoted is None
                      else [f for f in quoted if f.article == a_index])
            found.extend(_article_indirect(cluster, a_index, sentences, direct, lang))
    return merge(cluster, found, indirect=True)


@dataclass
class _Chain:
    """The statement a following Konjunktiv sentence continues."""

    speaker: str | None
    paragraph: int
    item: Found | None  # the reported statement to extend, None after a direct quote


def _article_indirect(cluster: Cluster, a_index: int, sentences: list[Sentence],
                      direct: list[Found], lang: str) -> list[Found]:
    """Walk an article's sentences: explicit reports start a chain, Konjunktiv continues it."""
    lex = lexicon(lang)
    text = cluster.articles[a_index].text
    people = People(text, lex, lang)
    quoted = {i: f for f in direct for i in f.sentences}
    out: list[Found] = []
    chain: _Chain | None = None
    cursor = 0
    for s in sentences:
        offset = max(text.find(s.text, cursor), cursor)
        cursor = offset + len(s.text)
        if s.index in quoted:
            chain = _Chain(quoted[s.index].speaker, s.paragraph, None)
            if chain.speaker:
                people.add(offset, chain.speaker)
                adding = _ADDING.search(s.text)
                if adding and word_count(adding.group("content")) >= _MIN_CONTENT:
                    out.append(Found(a_index, offset, cursor, _sentence(adding.group("content")), chain.speaker, [s.index]))
            continue
        report = explicit(s.text, lex, lang)
        name = resolve(report[0], offset, people) if report else None
        if report is not None and name is not None:  # an unresolved `er sagte` is no report
            item = Found(a_index, offset, cursor, report[1], name, [s.index])
            out.append(item)
            if name and report[0].kind == "name":
                people.add(offset, name)
            chain = _Chain(name, s.paragraph, item)
        elif chain and chain.speaker and chain.paragraph == s.paragraph and _continues(s.text, lex, lang):
            if chain.item is None:
                chain.item = Found(a_index, offset, cursor, s.text, chain.speaker, [s.index])
                out.append(chain.item)
            else:
                chain.item.text += " " + s.text
                chain.item.sentences.append(s.index)
        else:
            chain = None
    return out


def explicit(text: str, lex: Lexicon, lang: str) -> tuple[Speaker, str] | None:
    """(speaker, statement) of a sentence with a reporting clause, None otherwise."""
    if lang == "en":
        for clause in text.split("; "):  # `…; her campaign said she was …`
            found = _english_report(clause, lex)
            if found:
                return found
    if lang == "de":
        found = _german_attribution(text, lex)
        if found:
            return found
    for m in regex.finditer(r"[,:]\s+" if lang == "de" else r",\s+", text):  # `X wies das zurück: …`
        head, tail = text[: m.start()], text[m.end():]
        reported = subjunctive(tail, lex) or tail.startswith("dass ") or _promise(head, tail, lex)
        if lang == "de" and reported and word_count(tail) >= _MIN_CONTENT:
            speaker = before_clause(head + ",", lex, lang)
            if speaker and word_count(head) <= 12:
                return speaker, _sentence(tail)
        short_tail = word_count(tail) <= 10 and ", " not in tail
        if short_tail and word_count(head) >= _MIN_CONTENT and (
                lang != "de" or subjunctive(head, lex) or _inverted_report(head, tail, lex)):
            speaker = None if tail.casefold().startswith("according") else after_clause(tail, lex, lang)
            if speaker:
                return speaker, _sentence(head)
    return None


_INFINITIVE = regex.compile(r"(?:\bzu\s+\p{Ll}+|\b(?:ab|an|auf|aus|bei|ein|fest|frei|her|hin|los|mit|nach|"
                            r"vor|weg|weiter|wieder|zurück|zusammen)zu\p{Ll}+)n[.!]?$")
"""The end of a German infinitive clause: `… in Auftrag zu geben.`, `… wieder aufzunehmen.`"""


def _promise(head: str, tail: str, lex: Lexicon) -> bool:
    """`X hat angekündigt, einen Prüfbericht in Auftrag zu geben`: after a verb of announcing or
    promising, an infinitive clause is what was said (in the indicative report's place)."""
    words = [w.casefold() for w in tokens(head)]
    return any(w in lex.promises for w in words[-6:]) and bool(_INFINITIVE.search(tail.strip()))


def _inverted_report(head: str, tail: str, lex: Lexicon) -> bool:
    """`14 Menschen wurden verletzt, teilte die Polizei mit.`: a short reporting clause with its
    verb first after a main clause attributes it in the indicative too (not after a fronted
    subordinate clause, `Als die Polizei eintraf, sagte …`, and not a demand, `…, forderte X`)."""
    verb = tokens(tail)[:1]
    return (bool(verb) and verb[0].casefold() in lex.verbs and verb[0].casefold() not in _DEMANDS
            and word_count(tail) <= 8 and opening_word(head).casefold() not in lex.openers)


_WIE = regex.compile(r"^(?P<head>.+?),\s+wie\s+(?P<who>[^,;:]{2,80}?)\s+(?P<verb>\p{Ll}+)\s*[.!]?$")
"""`…, wie ein Kliniksprecher einräumte.`: an indicative statement attributed after it."""
_SOURCE = regex.compile(
    r"(?<![\p{L}])(?i:nach\s+(?:angaben|einschätzung|auskunft|darstellung|worten)|laut)"
    r"\s+(?:(?P<von>(?i:von|vom))\s+)?(?P<who>(?:(?i:der|des|dem|den|eines|einer|einem)\s+)?"
    r"(?:[\p{Lu}][\p{L}\p{M}.-]*\s+){0,3}[\p{Lu}][\p{L}\p{M}-]*)")
"""`Nach Angaben der Polizei …`, `nach Einschätzung von IT-Leiter Marco Wendtland …`, `Laut X …`
(not `nach Informationen des Kuriers`: that is an outlet's own reporting, `claims.py`)."""
_THEIR_WORDS = regex.compile(r"(?<![\p{L}])(?i:nach)\s+(seinen|ihren)\s+(?:Worten|Angaben)(?![\p{L}])")
"""`Nach seinen Worten braucht die Initiative …`: the source is the person just named."""
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


def _german_attribution(text: str, lex: Lexicon) -> tuple[Speaker, str] | None:
    """German statements whose source is named by a phrase, not by a reporting clause with a
    Konjunktiv: `…, wie die Polizei mitteilte.`, `Nach Angaben der Feuerwehr …`, `Laut X …`,
    `Der Polizei zufolge …` — the indicative is the norm there, the phrase is the attribution."""
    m = _WIE.match(text.strip())
    if (m and _reporting_verb(m.group("verb"), lex) and m.group("verb").casefold() not in _DEMANDS
            and word_count(m.group("head")) >= _MIN_CONTENT):
        speaker = parse(tokens(m.group("who")), lex, "de")
        if speaker is not None and speaker.kind != "pronoun":
            return speaker, _sentence(m.group("head"))
    m = _THEIR_WORDS.search(text)
    if m and word_count(text) - word_count(m.group(0)) >= _MIN_CONTENT:
        return Speaker("pronoun", "er" if m.group(1).casefold().startswith("sein") else "sie"), text.strip()
    for pattern in (_SOURCE, _ZUFOLGE):
        m = pattern.search(text)
        if m and word_count(text) - word_count(m.group(0)) >= _MIN_CONTENT:
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
    if _body(words[0]):
        return Speaker("description", " ".join([head, *whose]), role=head)
    return None


@lru_cache(maxsize=4096)
def _nominative(word: str) -> str:
    """A German noun after `des`/`eines` without its genitive ending (`Landesamts` →
    `Landesamt`, `Rettungsdienstes` → `Rettungsdienst`, `Sprechers` → `Sprecher`): HanTa's
    lemma when it is the word minus an ending, else the word without a final `s`."""
    tagger = tagger_model()
    lemma = tagger.analyze(word)[0] if tagger is not None else ""
    if lemma and lemma != word and word.startswith(lemma) and lemma[:1].isupper():
        return lemma
    return word[:-1] if word.endswith("s") and len(word) > 4 else word


def _body(word: str) -> bool:
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


@lru_cache(maxsize=8)
def _english_report_pattern(verb_list: tuple[str, ...]) -> regex.Pattern:
    verbs = "|".join(sorted((regex.escape(v) for v in verb_list), key=len, reverse=True))
    return regex.compile(
        rf"(?P<subj>[^;:“”\"]{{2,90}}?)\s+(?P<verb>{verbs})\b"
        r"(?P<obj>(?<=told|tells)\s+(?:reporters|journalists|(?:the\s+)?\p{Lu}[\p{L}.]*))?"
        r"(?:\s+(?:on|last|this|late|early)?\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
        r"|today|yesterday|tonight|in\s+a\s+statement))?(?:\s+that)?\s+(?P<content>\p{L}.+)$"
    )


def _english_report(text: str, lex: Lexicon) -> tuple[Speaker, str] | None:
    """`Mayor X said on Monday (that) …`, `Y told reporters the state would pay …`: a speaker,
    the first reporting verb of the sentence, optional object and time, then the statement."""
    text = _INNER_RELATIVE.sub(r"\g<subj> ", text.strip(), count=1)  # `Officials, who asked not to be named, said`
    m = _english_report_pattern(tuple(lex.verbs)).match(text)
    if not m or word_count(m.group("content")) < _MIN_CONTENT:
        return None
    subj = _RELATIVE.sub("", m.group("subj"))  # `Whitlow, who supervised the count, said`
    if not _plain_subject(subj, lex):
        return None
    that = regex.search(r"\bthat\s+(\S+)$", text[: m.start("content") + len(m.group("content").split()[0])])
    if that and not _starts_clause(that.group(1), lex):
        that = None  # `recalled that day in 1998`: a demonstrative, not a conjunction
    verb = m.group("verb").casefold()
    promise = (verb in lex.promises and m.group("content").startswith("to ")  # `promised to name …`
               and not _TRAILING_SAY.search(m.group("content")))  # `…, Ochirbat said`: his report
    if not that and not promise and (verb not in _SAY or m.group("content").startswith("to ")):
        return None  # without `that`, only `said`-like verbs: `asked X to …` is no statement
    subj = regex.sub(r",\s*\d+\s*,?", "", subj)  # `The mayor, 51, said`
    abbreviation = regex.search(r"\((\p{Lu}{2,6})\)", subj)
    subj = regex.sub(r"\s*\([^)]*\)", "", subj)
    speaker = subject(tokens(subj), lex, "en")
    if speaker is None:
        return None
    if abbreviation and speaker.kind == "name":  # `Haverly Regional Transit (HRT) says`
        speaker = Speaker("name", f"{speaker.text} ({abbreviation.group(1)})", speaker.role)
    content = f"{m.group('verb')} {m.group('content')}" if promise else m.group("content")
    return speaker, _sentence(content)  # a promise keeps its verb: `Promised to name …`


_TRAILING_SAY = regex.compile(r",\s+[^,]{2,80}?\s(?:said|says|told|added)\b[^,]*$")
_RELATIVE = regex.compile(r",\s+(?:who|which)\s[^,]+,?$")
_INNER_RELATIVE = regex.compile(r"^(?P<subj>[^,;:“”\"]{2,60}?),\s+(?:who|which)\s[^,;]{3,120},\s+(?=\p{Ll})")
_CLAUSE_OPENERS = frozenset("the a an he she it they we i you there this these those his her its their our "
                            "my your no all some most many more few several both each every any one two "
                            "three police officials".split())


def _starts_clause(word: str, lex: Lexicon) -> bool:
    """Whether the word after `that` opens a clause (`that the bridge …`, `that he …`, `that
    Smith …`, `that 40 people …`) rather than following a demonstrative (`that day`)."""
    return word[:1].isupper() or word[:1].isdigit() or word.casefold() in _CLAUSE_OPENERS


def _plain_subject(subj: str, lex: Lexicon) -> bool:
    """A subject that is only a speaker: short, not a passive (`were warned`), not a clause
    opener (`When …`, `Citing …`) or a possessive (`Cambodia's`)."""
    words = regex.sub(r"\([^)]*\)|,\s*\d+\s*,?", "", subj).split()
    if not words or len(words) > 7 or words[-1].casefold() in _PASSIVE or words[-1].endswith(("'s", "’s")):
        return False
    first = words[0].casefold()
    return not (first in lex.openers or first in lex.nonspeakers or first.endswith("ing"))


def _sentence(text: str) -> str:
    """The reported statement as a sentence of its own (without `dass`/`that`)."""
    text = regex.sub(r"^(?:dass|that)\s+", "", text.strip(), flags=regex.IGNORECASE)
    if text and text[-1] not in ".!?…\"“”»«":
        text += "."  # the head of `…, teilte die Polizei mit.` ends at the comma
    return text[:1].upper() + text[1:] if text else text


def subjunctive(text: str, lex: Lexicon) -> bool:
    """Whether a German clause has a Konjunktiv verb: a listed form (`sei`, `gebe`, `hätten`) or
    a lower-case `-e` word in verb position, after its subject and before a lower-case word
    (`Löschwasser erreiche die Glut`, `man schließe nichts aus`); adjectives precede nouns."""
    words = [w.rstrip(".") or w for w in tokens(text)]
    for i, w in enumerate(words):
        low = w.casefold()
        if low in lex.subjunctive:
            return True
        past = low.endswith("te")  # hatte, sagte: Präteritum, not Konjunktiv
        if not (w.islower() and low.endswith("e") and len(low) >= 4) or past or low in lex.nonverbs or i == 0:
            continue
        prev, nxt = words[i - 1], words[i + 1] if i + 1 < len(words) else "."
        subject = prev[:1].isupper() or prev.casefold() in ("man", "er", "sie", "es")
        if subject and prev not in ",;:" and (nxt.islower() or nxt in ".,;"):
            return True
    return False


def _continues(text: str, lex: Lexicon, lang: str) -> bool:
    """A sentence without reporting clause that carries on reported speech (German only)."""
    return lang == "de" and subjunctive(text, lex)
