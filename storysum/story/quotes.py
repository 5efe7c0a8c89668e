"""The quotes panel: direct quotations with their speakers, merged across the outlets.

Quotes are found in each article's text rather than in single sentences, because the segmenter
may cut a quotation at its inner full stops; each quote is mapped back to every sentence it
touches. The speaker comes from the reporting clause after the quote (`„…“, sagte X`, `"…,"
Smith said`) or before it (`X sagte: „…“`), then from a following `Das sagte X`; pronouns and
roles are resolved in `speakers.py`. The same words carried by several outlets (compared as
token sets, so quote-mark style, punctuation and small edits do not matter) become one quote.
Reported speech (German Konjunktiv, English "said that") is in `indirect.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from storysum.model import Cluster
from storysum.story.model import Conflict, ConflictValue, Quote
from storysum.story.people import People, resolve, surname_pattern
from storysum.story.quote_words import lexicon
from storysum.story.speakers import Speaker, after_clause, before_clause, embedded, parse, tokens

# Quotation marks, outer pairs first so that a quote inside a quote is not reported twice.
_DOUBLE = [
    regex.compile(r"„([^„“”\"\n]+)[“”\"]"),
    regex.compile(r"»([^»«\n]+)«"),
    regex.compile(r"«([^«»\n]+)»"),
    regex.compile(r"“([^“”\n]+)”"),
    regex.compile(r"\"([^\"\n]+)\""),
]
_SINGLE = [  # an apostrophe (don't, Kim's, Kim’s) is never a closing mark: a letter follows it
    regex.compile(r"‚(?=\S)([^\n]+?)(?<=\S)[‘’](?![\p{L}\p{N}])"),
    regex.compile(r"›([^›‹\n]+)‹"),
    regex.compile(r"‹([^‹›\n]+)›"),
    regex.compile(r"(?<![\p{L}\p{N}])‘(?=[\p{L}\p{N}])([^\n]+?)(?<=[^\s‘])’(?![\p{L}\p{N}])"),
    regex.compile(r"(?<![\p{L}\p{N}])'(?=[\p{L}\p{N}])([^\n]+?)(?<=[^\s'])'(?![\p{L}\p{N}])"),
]
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_QUOTE_MARK = regex.compile(r"[\"„“”»«‚‘’›‹']")
_NAME_SHAPE = regex.compile(r"\p{Lu}[\p{L}\p{M}'’-]*(?: (?:\p{Lu}[\p{L}\p{M}'’-]*|\p{Lu}\.)){1,3}(?<!['’]s)")
"""A person's name as the summary may show it: two to four capitalised words, no sentence
break inside (`Robert Manumba. Hemed`), no possessive (`Fujimori's`)."""
_MIN_WORDS = 3  # shorter quoted phrases are titles or scare quotes
_MIN_UNATTRIBUTED = 6  # without any speaker, shorter ones are more often titles than quotes
SAME_QUOTE = 0.8  # share of the shorter quote's words the other must contain


@dataclass
class Found:
    """One quotation (or reported statement) in one article, before merging."""

    article: int
    start: int  # offset of the opening mark in the article text
    end: int  # offset after the closing mark
    text: str
    speaker: str | None
    sentences: list[int]
    named: bool = False  # the speaker is a person's name (not a description such as `Anwohnerin`)
    by: str = ""  # how the reporting clause names the speaker: name, role, pronoun, description
    role: str = ""  # the office in the reporting clause, when it names one (`Ministerin`)


def find_spans(text: str) -> list[tuple[int, int, str]]:
    """(start, end, inner text) of every quotation in `text`, outermost marks only."""
    masked = text
    spans: list[tuple[int, int, str]] = []
    for pattern in _DOUBLE + _SINGLE:
        for m in pattern.finditer(masked):
            spans.append((m.start(), m.end(), text[m.start(1):m.end(1)]))
            masked = masked[: m.start()] + " " * (m.end() - m.start()) + masked[m.end():]
    return sorted(spans)


def sentence_spans(cluster: Cluster,
                   articles: set[int] | None = None) -> dict[int, list[tuple[int, int, int]]]:
    """For every article (or those in `articles`), (start, end, sentence index) of its
    sentences in the article text."""
    spans: dict[int, list[tuple[int, int, int]]] = {}
    cursor: dict[int, int] = {}
    for s in cluster.sentences:
        if articles is not None and s.article not in articles:
            continue
        text = cluster.articles[s.article].text
        start = text.find(s.text, cursor.get(s.article, 0))
        if start < 0:  # not verbatim (should not happen): place it at the cursor
            start = cursor.get(s.article, 0)
        end = start + len(s.text)
        cursor[s.article] = end
        spans.setdefault(s.article, []).append((start, end, s.index))
    return spans


def covering(spans: list[tuple[int, int, int]], start: int, end: int) -> list[tuple[int, int, int]]:
    """The sentences that overlap [start, end); the nearest one when none does."""
    hit = [s for s in spans if s[0] < end and s[1] > start]
    if hit or not spans:
        return hit
    return [min(spans, key=lambda s: abs(s[0] - start))]


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def find_quotes(cluster: Cluster) -> list[Found]:
    """Every direct quotation of every article, before merging (read once per story)."""
    spans = sentence_spans(cluster)
    return [f for a in range(len(cluster.articles)) for f in article_quotes(cluster, a, spans.get(a, []))]


def extract_quotes(cluster: Cluster, found: list[Found] | None = None) -> list[Quote]:
    """Direct quotations of the cluster, merged across outlets, most widely carried first."""
    return merge(cluster, find_quotes(cluster) if found is None else found, indirect=False)


def unnamed_speakers(cluster: Cluster, indices: list[int]) -> dict[int, str]:
    """The person quoted in each of these sentences, for the sentences that call them only by
    their office (`„…“, so die Ministerin`): out of its article such a sentence does not say
    who spoke, so the summary shows the name its article gives. Only the safe case is named:
    the reporting clause is a definite article and the office and nothing else, and exactly one
    person with that office was named before the quote in the same article (`Landeswirtschafts-
    ministerin Katrin Albers`). Pronouns (no gender or syntax to go by), offices with a
    complement (`der Chef der Reederei`), an indefinite `ein Sprecher` and an office two people
    hold stay unnamed: a wrong name is worse than none."""
    by_article: dict[int, list[int]] = {}
    for i in indices:
        if _QUOTE_MARK.search(cluster.sentences[i].text):
            by_article.setdefault(cluster.sentences[i].article, []).append(i)
    spans = sentence_spans(cluster, set(by_article))
    speakers: dict[int, str] = {}
    for a, wanted in by_article.items():
        ends = {index: end for _start, end, index in spans.get(a, [])}
        people = _people(cluster, a)
        for f in article_quotes(cluster, a, spans.get(a, [])):
            clause = people.text[f.end:ends[f.sentences[-1]]]
            name = _office_holder(people, clause, f.start, f.role) if f.by == "role" else None
            for i in wanted:
                if name and i in f.sentences and not _mentions(cluster.sentences[i].text, name):
                    speakers.setdefault(i, name)
    return speakers


def _office_holder(people: People, clause: str, start: int, office: str) -> str | None:
    """The one person named with `office` before offset `start`, when the reporting clause is
    just a definite article and that office (and reporting verbs): `so die Ministerin`."""
    lex, office = people.lex, office.casefold()
    words = [w.casefold() for w in _WORD.findall(clause)]
    if office not in words:
        return None
    k = len(words) - 1 - words[::-1].index(office)
    if k == 0 or words[k - 1] not in lex.definite or any(w not in lex.verbs for w in words[k + 1:]):
        return None
    holders = {name for pos, name, role in people.mentions
               if role and pos < start and role.casefold().endswith(office)}
    if len(holders) != 1:
        return None
    name = holders.pop()
    return name if _NAME_SHAPE.fullmatch(name) else None


def _mentions(text: str, name: str) -> bool:
    """Whether `text` names the person (their surname as a whole word)."""
    return bool(surname_pattern(name.split()[-1]).search(text))


def _people(cluster: Cluster, a_index: int) -> People:
    article = cluster.articles[a_index]
    lang = article.lang or cluster.lang or "und"
    return People(article.text, lexicon(lang), lang)


def group_same_words(found: list[Found]) -> list[list[Found]]:
    """Quotations grouped by their words (the same quote in several outlets is one group)."""
    groups: list[list[Found]] = []
    for f in found:
        group = next((g for g in groups if same_words(g[0].text, f.text)), None)
        if group is None:
            groups.append([f])
        else:
            group.append(f)
    return groups


def article_quotes(cluster: Cluster, a_index: int, spans: list[tuple[int, int, int]]) -> list[Found]:
    """The quotations of one article with their resolved speakers."""
    people = _people(cluster, a_index)
    lang, lex, text = people.lang, people.lex, people.text
    quotes = find_spans(text)
    out: list[Found] = []
    for q, (start, end, inner) in enumerate(quotes):
        if word_count(inner) < _MIN_WORDS:
            continue
        sents = covering(spans, start, end)
        before_from = max(sents[0][0], quotes[q - 1][1] if q else 0)
        before = text[before_from:start] if before_from <= start else ""
        after_to = min(_clause_end(text, spans, sents[-1], end), quotes[q + 1][0] if q + 1 < len(quotes) else len(text))
        after = text[end:after_to] if after_to >= end else ""
        speaker = after_clause(after, lex, lang) or before_clause(before, lex, lang)
        speaker = speaker or _next_sentence(text, spans, sents[-1], lex, lang)
        if speaker is None and "," in after:  # `"…" with the dogs, Maj. Freddy Diaz said.`
            speaker = after_clause(after.rsplit(",", 1)[1], lex, lang)
        if speaker is None and (inner[:1].islower() or before.rstrip().endswith((":", ","))):
            speaker = embedded(text[sents[0][0]:start], lex, lang)  # `Castro said the court … "we …"`
        name = resolve(speaker, start, people)
        named = name is not None and (speaker is None or speaker.kind == "name" or name != speaker.text)
        if name is None and speaker is None and not after.strip(" ,.\u00a0"):
            name, named = _fallback(out, people, text, start, before), True
        if name is None and word_count(inner) < _MIN_UNATTRIBUTED:
            continue
        if name and speaker and speaker.kind == "name":
            people.add(start, name)
        out.append(Found(a_index, start, end, clean(inner), name, [s[2] for s in sents], named and bool(name),
                         speaker.kind if speaker else "", speaker.role if speaker else ""))
    return out


def _clause_end(text: str, spans: list[tuple[int, int, int]], sent: tuple[int, int, int], end: int) -> int:
    """Where the reporting clause after a quote can end: the end of its sentence, or of the next
    one when the segmenter cut right after the closing mark (`„…?“ | fragte er.`)."""
    stop = sent[1]
    if text[end:stop].strip():
        return stop
    following = [s for s in spans if s[0] >= stop]
    if following and regex.match(r"\s*(?:[,\p{Ll}])", text[following[0][0]:following[0][1]]):
        return following[0][1]
    return stop


def _next_sentence(text: str, spans: list[tuple[int, int, int]], sent: tuple[int, int, int],
                   lex, lang: str) -> Speaker | None:
    """`„…“ Das sagte X dem Blatt.`: a speaker named by the sentence after a bare quote."""
    following = [s for s in spans if s[0] >= sent[1]]
    if not following or text[sent[0]:sent[1]].rstrip()[-1:] not in "“”\"«»'’‘":
        return None
    words = tokens(text[following[0][0]:following[0][1]])
    if len(words) > 2 and words[0].casefold() in ("das", "dies", "that", "this") and words[1].casefold() in lex.verbs:
        return parse(words[2:], lex, lang)
    return None


def _fallback(previous: list[Found], people: People, text: str, start: int, before: str) -> str | None:
    """A quote with no reporting clause continues the previous speaker of its paragraph."""
    paragraph_start = text.rfind("\n", 0, start) + 1
    if before.strip():
        return None  # embedded in a sentence of the writer's own: the speaker is not clear
    if previous and previous[-1].start >= paragraph_start and previous[-1].speaker:
        return previous[-1].speaker
    latest = people.latest(start, person=True)
    return latest if people.latest(paragraph_start, person=True) != latest else None


def clean(inner: str) -> str:
    """The quoted words without surrounding space and the comma that belongs to the clause."""
    return inner.strip().rstrip(",:;–— ").strip()


@lru_cache(maxsize=8192)
def _key(text: str) -> frozenset[str]:
    return frozenset(w.casefold() for w in _WORD.findall(text))


def same_words(a: str, b: str, threshold: float = SAME_QUOTE) -> bool:
    """Whether two quotations carry the same words (token sets, share of the shorter one)."""
    ka, kb = _key(a), _key(b)
    if not ka or not kb:
        return False
    return len(ka & kb) / min(len(ka), len(kb)) >= threshold


def merge(cluster: Cluster, found: list[Found], indirect: bool) -> list[Quote]:
    """One Quote per group of the same words; ordered by outlets, then first appearance."""
    groups = group_same_words(found)
    articles = cluster.articles

    def first(g: list[Found]) -> tuple:
        earliest = min(g, key=lambda f: (articles[f.article].date or "9999", f.article, f.start))
        return articles[earliest.article].date or "9999", earliest.article, earliest.start

    groups.sort(key=lambda g: (-len({f.article for f in g}), first(g)))
    quotes: list[Quote] = []
    for g in groups:
        ordered = sorted(g, key=lambda f: (articles[f.article].date or "9999", f.article, f.start))
        outlets = list(dict.fromkeys(articles[f.article].id for f in ordered))
        sentences = sorted({i for f in ordered for i in f.sentences})
        quotes.append(Quote(ordered[0].text, best_speaker([f.speaker for f in ordered]), outlets, sentences, indirect))
    return quotes


def best_speaker(names: list[str | None]) -> str | None:
    """The speaker most outlets name, spelt as fully as any outlet spells it."""
    named = [n for n in names if n]
    if not named:
        return None
    last = [n.split()[-1].casefold() for n in named]
    common = max(last, key=last.count)
    spellings = [n for n in named if n.split()[-1].casefold() == common]
    return max(spellings, key=lambda n: (len(n.split()), n[:1].isupper()))


def extract_indirect(cluster: Cluster, quoted: list[Found] | None = None) -> list[Quote]:
    """Reported speech (`indirect=True`); see `storysum.story.indirect`."""
    from storysum.story.indirect import extract_indirect as reported

    return reported(cluster, quoted)


def attribution_conflicts(cluster: Cluster, found: list[Found] | None = None) -> list[Conflict]:
    """Quotes whose outlets name different people as the speaker of the same words. Values are
    surnames (`Köhler-Brandt` vs `Aydın`); descriptions (`Anwohnerin`) never conflict, nor do
    short fragments ("full of loopholes") that one speaker quotes from another."""
    groups = group_same_words(find_quotes(cluster) if found is None else found)
    conflicts: list[Conflict] = []
    for g in groups:
        by_name: dict[str, list[Found]] = {}
        for f in g:
            if f.named and f.speaker and f.speaker[:1].isupper() and word_count(f.text) >= _MIN_UNATTRIBUTED:
                by_name.setdefault(f.speaker.split()[-1], []).append(f)
        sides = [{f.article for f in fs} for fs in by_name.values()]
        if len(by_name) < 2 or len(set().union(*sides)) != sum(map(len, sides)):
            continue  # one outlet naming two speakers: a quote quoted again, not a dispute
        values = [
            ConflictValue(name, list(dict.fromkeys(cluster.articles[f.article].id for f in fs)),
                          sorted({i for f in fs for i in f.sentences}))
            for name, fs in sorted(by_name.items(), key=lambda kv: -len(kv[1]))
        ]
        words = g[0].text.split()
        about = "who said “" + " ".join(words[:6]) + (" …”" if len(words) > 6 else "”")
        conflicts.append(Conflict(about=about, kind="attribution", values=values))
    return conflicts
