"""Claims: which facts most outlets carry (consensus) and which only one outlet reports.

A fact is a candidate sentence (complete, readable on its own); its outlets are every article
with a sentence of the same content (`Features.sameness` ≥ SAME_CONTENT, the notion that also
drives summary support). A single-source claim must additionally have no paraphrase elsewhere:
no sentence of another article shares most of its content words (word TF-IDF cosine) — a
newsroom tool must not call a fact exclusive because another outlet worded it differently.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import regex

from storysum.language import WORD, is_dangling
from storysum.methods.coverage import Coverage
from storysum.model import Cluster
from storysum.represent import SAME_CONTENT, Features, analyse
from storysum.story.conflicts import format_value
from storysum.story.model import Claim, Conflict, DateMention, Figure
from storysum.story.quotes import find_spans, word_count

PARAPHRASE = 0.3
"""Word TF-IDF cosine above which another article is taken to carry a fact in other words."""
SAME_DAY_PARAPHRASE = 0.12  # the same, for sentences about the same day
CONSENSUS_PARAPHRASE = 0.3  # consensus also counts outlets that say it in other words
CLAIMED_SAME, CLAIMED_PARAPHRASE = 0.5, 0.45  # stricter limits for an outlet's own claimed reporting
MAX_CLAIMS = 6
MAX_SINGLE = 8
MAX_PER_OUTLET = 2  # single-source claims per outlet, so one long article cannot fill the panel
_NAME_INSIDE = regex.compile(r"(?<=\S\s)\p{Lu}\p{Ll}+")
_POINTERS = {  # words that need an earlier sentence to be understood
    "de": frozenset("er ihm ihn dazu davon darüber dafür daraufhin aber jedoch allerdings dennoch trotzdem".split()),
    "en": frozenset("he him she they them however nevertheless".split()),
}
_OPEN_QUESTION = regex.compile(  # "Wann der Betrieb wieder anläuft, ist offen": an open question
    r"(ob|wann|warum|weshalb|wieso|wie|wer|was|wo|welche\w*|whether|why|when|how|who|what|where|which)\b"
    r".*\b(ist|bleibt|sind|war|is|remains|was|are)\s+(noch\s+|still\s+)?(offen|unklar|ungewiss|unbekannt|"
    r"unclear|unknown|open|uncertain)\b",
    regex.IGNORECASE)
_EXCLUSIVE = regex.compile(
    r"nach (eigenen |exklusiven )?(informationen|recherchen)|wie .{1,40} erfuhr|erfuhr(en)? (die|der|das)|exklusiv|"
    r"according to (information|documents) (obtained|seen)|(report|documents?|information|papers|e-?mails?|"
    r"letter|memo)s? (obtained|seen) by|has learned|have learned|learned from|"
    r"selon nos informations|según ha podido saber|da quanto appreso|volgens ingewijden",
    regex.IGNORECASE,
)


@dataclass
class Evidence:
    """What the other panels tell about sentences: which share a distinctive figure (the same
    fact), which speak of the same day (maybe the same fact), which report a figure no other
    outlet gives."""

    figure_links: dict[int, set[int]] = field(default_factory=dict)
    same_day: dict[int, set[int]] = field(default_factory=dict)
    exclusive_figures: set[int] = field(default_factory=set)
    disputed: set[int] = field(default_factory=set)  # sentences that give a value in a conflict
    against: dict[int, set[str]] = field(default_factory=dict)  # sentence → outlets that give another value

    def carries(self, index: int, outlet: str, own: str) -> bool:
        """Whether `outlet` may count as carrying sentence `index`: an outlet that gives another
        value for its disputed figure or date does not, however similar its wording ("am
        Mittwochabend … gegen 22.40 Uhr"); the sentence's own outlet always does."""
        return outlet == own or outlet not in self.against.get(int(index), set())


def gather_evidence(cluster: Cluster, figures: list[Figure], dates: list[DateMention],
                    conflicts: list[Conflict]) -> Evidence:
    links = figure_links(cluster, figures)
    with_figures = {i for f in figures if f.kind in ("money", "percent") or f.value > 12 for i in f.sentences}
    disputed = {i for c in conflicts for v in c.values for i in v.sentences}
    against: dict[int, set[str]] = {}
    rows_of = _figure_rows(figures)
    for conflict in conflicts:
        for value in conflict.values:
            others = {o for v in conflict.values if v is not value for o in v.outlets}
            rows = set(value.sentences)
            if conflict.kind == "figure":  # every sentence that gives this value, whatever its noun
                rows |= rows_of.get(value.value, set())
            for i in rows:
                against.setdefault(i, set()).update(others)
    return Evidence(links, date_links(cluster, dates), with_figures - set(links), disputed, against)


def _figure_rows(figures: list[Figure]) -> dict[str, set[int]]:
    """Sentences per figure value as conflicts show it ("5000000")."""
    rows: dict[str, set[int]] = {}
    for figure in figures:
        rows.setdefault(format_value(figure.value), set()).update(figure.sentences)
    return rows


def sentence_outlets(cluster: Cluster, features: Features, rows: np.ndarray,
                     links: dict[int, set[int]] | None = None, paraphrase: float | None = None) -> list[list[int]]:
    """For each sentence in `rows`: article indices with the same content, its own first.
    `links` (from `figure_links`) adds the articles of sentences with the same distinctive figure;
    `paraphrase` the articles of sentences whose content words are this similar (word TF-IDF)."""
    if not len(rows):
        return []
    same = features.sameness(rows) >= SAME_CONTENT
    if paraphrase is not None:
        same |= features.similarity(rows) >= paraphrase
    articles = np.array([s.article for s in cluster.sentences])
    result = []
    for row, index in zip(same, rows):
        own = cluster.sentences[index].article
        linked = {cluster.sentences[j].article for j in (links or {}).get(int(index), ())}
        others = set(articles[row].tolist()) | linked
        result.append([own] + sorted(others - {own}))
    return result


def figure_links(cluster: Cluster, figures: list[Figure]) -> dict[int, set[int]]:
    """sentence index → sentences of other articles that report one of its distinctive figures (money, a
    percentage, a count above twelve): `8,5 Prozent` in two outlets is the same demand however
    differently the sentences around it are worded."""
    sentences_of: dict[tuple[float, str], set[int]] = {}
    for figure in figures:
        if figure.kind in ("money", "percent") or figure.value > 12:
            sentences_of.setdefault((figure.value, figure.unit), set()).update(figure.sentences)
    links: dict[int, set[int]] = {}
    for rows in sentences_of.values():
        for i in rows:
            others = {j for j in rows if cluster.sentences[j].article != cluster.sentences[i].article}
            if others:
                links.setdefault(i, set()).update(others)
    return links


def salience(cluster: Cluster, features: Features) -> np.ndarray:
    """How central each sentence is to the story: shared-concept weight per word^0.8."""
    weights = Coverage().concept_weights(cluster, features)
    score = np.zeros(len(cluster.sentences))
    for i, concepts in enumerate(features.concepts):
        gained = sum(weights.get(c, 0.0) for c in set(concepts))
        score[i] = features.prior[i] * gained / max(1, features.words[i]) ** 0.8
    return score


def consensus(cluster: Cluster, features: Features, evidence: Evidence | None = None,
              limit: int = MAX_CLAIMS) -> list[Claim]:
    """Facts carried by most outlets (at least half, at least two), most widely carried first."""
    n_articles = len(cluster.articles)
    if n_articles < 2:
        return []
    evidence = evidence or Evidence()
    links = evidence.figure_links
    rows = np.flatnonzero(features.candidates)
    outlets = sentence_outlets(cluster, features, rows, links, paraphrase=CONSENSUS_PARAPHRASE)
    ids = [a.id for a in cluster.articles]
    outlets = [[a for a in o if evidence.carries(i, ids[a], ids[o[0]])] for i, o in zip(rows, outlets)]
    needed = max(2, math.ceil(n_articles / 2))
    score = salience(cluster, features)
    ranked = sorted(
        (i for i, o in zip(rows, outlets) if len(o) >= needed and reads_alone(cluster, i, strict=True)),
        key=lambda i: (-len(outlets[_at(rows, i)]), -score[i], i),
    )
    return _distinct(cluster, features, ranked, {i: outlets[_at(rows, i)] for i in ranked}, limit, links)


def single_source(cluster: Cluster, features: Features, evidence: Evidence | None = None,
                  limit: int = MAX_SINGLE) -> list[Claim]:
    """Notable facts only one outlet reports: topical, concrete (figures, names), unquoted."""
    if len(cluster.articles) < 2:
        return []
    evidence = evidence or Evidence()
    rows = np.flatnonzero(features.candidates)
    outlets = sentence_outlets(cluster, features, rows, evidence.figure_links)
    claimed = {int(i) for i in rows if _EXCLUSIVE.search(cluster.sentences[i].text)}
    lonely = [i for i, o in zip(rows, outlets) if i not in evidence.disputed and _is_statement(cluster, i)
              and (len(o) == 1 or (i in claimed and _claimed_alone(cluster, features, i, evidence)))]
    told = _paraphrased(cluster, features, lonely, evidence.same_day, claimed)
    lonely = [i for i, repeated in zip(lonely, told) if not repeated]
    spread = _term_spread(cluster, features)
    score = {i: _notability(cluster, features, spread, evidence, i) for i in lonely}
    ranked = sorted(lonely, key=lambda i: (-score[i], i))
    per_outlet: dict[int, int] = {}
    chosen: list[int] = []
    for i in ranked:
        article = cluster.sentences[i].article
        if score[i] <= 0 or per_outlet.get(article, 0) >= MAX_PER_OUTLET:
            continue
        per_outlet[article] = per_outlet.get(article, 0) + 1
        chosen.append(i)
    return _distinct(cluster, features, chosen, {i: [cluster.sentences[i].article] for i in chosen}, limit)


def _claimed_alone(cluster: Cluster, features: Features, index: int, evidence: Evidence) -> bool:
    """For a sentence that says it is the outlet's own reporting ("Nach Recherchen der …"): no
    other article carries it by a stricter measure — a long shared name ("Landesamt für
    Sicherheit in der Informationstechnik") must not make two different facts one."""
    own = cluster.sentences[index].article
    same = features.sameness([index]).ravel()
    others = [j for j, s in enumerate(cluster.sentences) if s.article != own and same[j] >= CLAIMED_SAME]
    return not others and not evidence.figure_links.get(int(index))


def _paraphrased(cluster: Cluster, features: Features, rows: list[int],
                 same_day: dict[int, set[int]], claimed: set[int] = frozenset()) -> list[bool]:
    """For each sentence in `rows`, whether another article says it too: a sentence sharing
    most of its content words (much of them for an outlet's own claimed reporting), or one
    about the same day that shares some of them."""
    if not rows:
        return []
    articles = np.array([s.article for s in cluster.sentences])
    similar = features.similarity(rows)
    result = []
    for k, index in enumerate(rows):
        elsewhere = articles != cluster.sentences[index].article
        limit = CLAIMED_PARAPHRASE if int(index) in claimed else PARAPHRASE
        told = bool((similar[k][elsewhere] >= limit).any())
        told = told or any(similar[k, j] >= SAME_DAY_PARAPHRASE for j in same_day.get(int(index), ()))
        result.append(told)
    return result


def date_links(cluster: Cluster, dates: list[DateMention]) -> dict[int, set[int]]:
    """sentence index → sentences of other articles that mention the same (resolved) day."""
    links: dict[int, set[int]] = {}
    for mention in dates:
        if mention.date and len(mention.date) == 10:
            for i in mention.sentences:
                others = {j for j in mention.sentences if cluster.sentences[j].article != cluster.sentences[i].article}
                links.setdefault(i, set()).update(others)
    return links


def _is_statement(cluster: Cluster, index: int) -> bool:
    """A single-source claim is a statement of fact that reads alone: not a quotation (the
    quotes panel has those), not an open question ("Wann … , ist offen")."""
    sentence = cluster.sentences[index]
    if _OPEN_QUESTION.match(sentence.text):
        return False
    if any(word_count(inner) >= 3 for _start, _end, inner in find_spans(sentence.text)):
        return False  # a quotation; a scare-quoted term ("section loss") is fine
    return reads_alone(cluster, index, strict=True)


def reads_alone(cluster: Cluster, index: int, strict: bool = False) -> bool:
    """A claim shown out of context must not point back ("Er …", "Der 49-Jährige …") or ask;
    `strict` also refuses a pointer anywhere in it ("ist er außer Lebensgefahr")."""
    sentence = cluster.sentences[index]
    if is_dangling(sentence.text, sentence.lang) or sentence.text.rstrip("“”\"»« ").endswith("?"):
        return False
    pointers = _POINTERS.get(sentence.lang)
    return not (strict and pointers and pointers & {w.casefold() for w in WORD.findall(sentence.text)})


def _term_spread(cluster: Cluster, features: Features) -> dict[str, int]:
    """In how many articles each term occurs."""
    articles: dict[str, set[int]] = {}
    for sentence, terms in zip(cluster.sentences, features.terms):
        for term in terms:
            articles.setdefault(term, set()).add(sentence.article)
    return {term: len(a) for term, a in articles.items()}


def _notability(cluster: Cluster, features: Features, spread: dict[str, int], evidence: Evidence,
                index: int) -> float:
    """How much an editor wants a single-source fact flagged: an outlet's own reporting
    ("nach Informationen des …", "has learned"), a figure nobody else gives, a name, words of
    the article's headline that no other article uses; on topic (its other terms occur in other
    articles too)."""
    sentence = cluster.sentences[index]
    terms = set(features.terms[index])
    if not terms:
        return 0.0
    score = 1.0 + 2.0 * (index in evidence.exclusive_figures) + 0.5 * bool(_NAME_INSIDE.search(sentence.text))
    title = cluster.articles[sentence.article].title
    if title:
        own = {t for t in analyse(title, sentence.lang)[0] if spread.get(t, 0) <= 1}
        score += 2.0 * len(terms & own) / len(terms)
    if _EXCLUSIVE.search(sentence.text):
        score *= 4.0
    shared = sum(1 for t in terms if spread.get(t, 0) >= 2)
    score *= ((1 + shared) / (1 + len(terms))) ** 0.25
    return score * features.prior[index]


def _distinct(cluster: Cluster, features: Features, ranked: list[int], outlets: dict[int, list[int]],
              limit: int, links: dict[int, set[int]] | None = None) -> list[Claim]:
    """The first `limit` of `ranked` that do not repeat an earlier one's content."""
    chosen: list[int] = []
    for i in ranked:
        if len(chosen) >= limit:
            break
        if chosen and _repeats(features, i, chosen, links):
            continue
        chosen.append(i)
    return [_claim(cluster, features, i, outlets[i], links) for i in chosen]


def _repeats(features: Features, index: int, chosen: list[int], links: dict[int, set[int]] | None) -> bool:
    """Whether `index` says what a chosen claim says: same content, the same content words in
    other wording, or the same distinctive figure."""
    if features.sameness([index], chosen).max() >= SAME_CONTENT:
        return True
    if features.similarity([index], chosen).max() >= PARAPHRASE:
        return True
    return bool((links or {}).get(int(index), set()) & set(chosen))


def _claim(cluster: Cluster, features: Features, index: int, articles: list[int],
           links: dict[int, set[int]] | None) -> Claim:
    same = set(np.flatnonzero(features.sameness([index]).ravel() >= SAME_CONTENT).tolist())
    same |= (links or {}).get(int(index), set())
    sentences = [int(index)] + sorted(int(j) for j in same if j != index and cluster.sentences[j].article in articles)
    return Claim(
        text=cluster.sentences[index].text,
        outlets=[cluster.articles[a].id for a in articles],
        sentences=sentences,
        support=len(articles),
    )


def _at(rows: np.ndarray, index: int) -> int:
    return int(np.searchsorted(rows, index))
