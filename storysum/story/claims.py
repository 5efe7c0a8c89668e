"""Claims: which facts most outlets carry (consensus) and which only one outlet reports.

A fact is a candidate sentence (complete, readable on its own); its outlets are every article
with a sentence of the same content (`Features.sameness` ≥ SAME_CONTENT, the notion that also
drives summary support). A single-source claim must additionally have no paraphrase elsewhere:
no sentence of another article shares most of its content words (word TF-IDF cosine) — a
newsroom tool must not call a fact exclusive because another outlet worded it differently.
"""

from __future__ import annotations

import math

import numpy as np
import regex

from storysum.methods.coverage import Coverage
from storysum.model import Cluster
from storysum.represent import SAME_CONTENT, Features, analyse
from storysum.story.model import Claim

PARAPHRASE = 0.3
"""Word TF-IDF cosine above which another article is taken to carry a fact in other words."""
MAX_CLAIMS = 6
MAX_PER_OUTLET = 2  # single-source claims per outlet, so one long article cannot fill the panel
_DIGIT = regex.compile(r"\d")
_NAME_INSIDE = regex.compile(r"(?<=\S\s)\p{Lu}\p{Ll}+")
_QUOTED = regex.compile(r"[„“”»«\"]")
_EXCLUSIVE = regex.compile(
    r"nach (eigenen |exklusiven )?informationen|wie .{1,40} erfuhr|erfuhr(en)? (die|der|das)|exklusiv|"
    r"according to (information|documents) (obtained|seen)|has learned|have learned|learned from|"
    r"selon nos informations|según ha podido saber|da quanto appreso|volgens ingewijden",
    regex.IGNORECASE,
)


def sentence_outlets(cluster: Cluster, features: Features, rows: np.ndarray) -> list[list[int]]:
    """For each sentence in `rows`: article indices with the same content, its own first."""
    if not len(rows):
        return []
    same = features.sameness(rows) >= SAME_CONTENT
    articles = np.array([s.article for s in cluster.sentences])
    result = []
    for row, index in zip(same, rows):
        own = cluster.sentences[index].article
        others = sorted(set(articles[row].tolist()) - {own})
        result.append([own] + others)
    return result


def salience(cluster: Cluster, features: Features) -> np.ndarray:
    """How central each sentence is to the story: shared-concept weight per word^0.8."""
    weights = Coverage().concept_weights(cluster, features)
    score = np.zeros(len(cluster.sentences))
    for i, concepts in enumerate(features.concepts):
        gained = sum(weights.get(c, 0.0) for c in set(concepts))
        score[i] = features.prior[i] * gained / max(1, features.words[i]) ** 0.8
    return score


def consensus(cluster: Cluster, features: Features, limit: int = MAX_CLAIMS) -> list[Claim]:
    """Facts carried by most outlets (at least half, at least two), most widely carried first."""
    n_articles = len(cluster.articles)
    if n_articles < 2:
        return []
    rows = np.flatnonzero(features.candidates)
    outlets = sentence_outlets(cluster, features, rows)
    needed = max(2, math.ceil(n_articles / 2))
    score = salience(cluster, features)
    ranked = sorted(
        (i for i, o in zip(rows, outlets) if len(o) >= needed),
        key=lambda i: (-len(outlets[_at(rows, i)]), -score[i], i),
    )
    return _distinct(cluster, features, ranked, {i: outlets[_at(rows, i)] for i in ranked}, limit)


def single_source(cluster: Cluster, features: Features, limit: int = MAX_CLAIMS) -> list[Claim]:
    """Notable facts only one outlet reports: topical, concrete (figures, names), unquoted."""
    if len(cluster.articles) < 2:
        return []
    rows = np.flatnonzero(features.candidates)
    outlets = sentence_outlets(cluster, features, rows)
    lonely = [i for i, o in zip(rows, outlets) if len(o) == 1 and not _paraphrased(cluster, features, i)]
    spread = _term_spread(cluster, features)
    score = {i: _notability(cluster, features, spread, i) for i in lonely}
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


def _paraphrased(cluster: Cluster, features: Features, index: int) -> bool:
    """Whether a sentence of another article shares most of this sentence's content words."""
    own = cluster.sentences[index].article
    similar = features.similarity([index]).ravel()
    return any(similar[j] >= PARAPHRASE and s.article != own for j, s in enumerate(cluster.sentences))


def _term_spread(cluster: Cluster, features: Features) -> dict[str, int]:
    """In how many articles each term occurs."""
    articles: dict[str, set[int]] = {}
    for sentence, terms in zip(cluster.sentences, features.terms):
        for term in terms:
            articles.setdefault(term, set()).add(sentence.article)
    return {term: len(a) for term, a in articles.items()}


def _notability(cluster: Cluster, features: Features, spread: dict[str, int], index: int) -> float:
    """How much an editor wants a single-source fact flagged: an outlet's own reporting
    ("nach Informationen des …", "has learned"), a figure, a name, words of the article's own
    headline; on topic (its terms occur in other articles too). Quotes have their own panel."""
    sentence = cluster.sentences[index]
    text = sentence.text
    score = 1.0 + bool(_DIGIT.search(text)) + 0.5 * bool(_NAME_INSIDE.search(text))
    title = cluster.articles[sentence.article].title
    terms = set(features.terms[index])
    if not terms:
        return 0.0
    if title:
        score += 2.0 * len(terms & set(analyse(title, sentence.lang)[0])) / len(terms)
    if _EXCLUSIVE.search(text):
        score *= 4.0
    shared = sum(1 for t in terms if spread.get(t, 0) >= 2)
    score *= math.sqrt((1 + shared) / (1 + len(terms)))
    return score * features.prior[index] * (0.5 if _QUOTED.search(text) else 1.0)


def _distinct(cluster: Cluster, features: Features, ranked: list[int], outlets: dict[int, list[int]],
              limit: int) -> list[Claim]:
    """The first `limit` of `ranked` that do not repeat an earlier one's content."""
    chosen: list[int] = []
    for i in ranked:
        if len(chosen) >= limit:
            break
        if chosen and features.sameness([i], chosen).max() >= SAME_CONTENT:
            continue
        chosen.append(i)
    return [_claim(cluster, features, i, outlets[i]) for i in chosen]


def _claim(cluster: Cluster, features: Features, index: int, articles: list[int]) -> Claim:
    same = np.flatnonzero(features.sameness([index]).ravel() >= SAME_CONTENT)
    sentences = [int(index)] + [int(j) for j in same if j != index and cluster.sentences[j].article in articles]
    return Claim(
        text=cluster.sentences[index].text,
        outlets=[cluster.articles[a].id for a in articles],
        sentences=sentences,
        support=len(articles),
    )


def _at(rows: np.ndarray, index: int) -> int:
    return int(np.searchsorted(rows, index))
