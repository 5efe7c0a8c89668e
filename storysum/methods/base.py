"""The one interface every summarizer implements, the greedy budget fillers they share, and the
candidate pre-filter that keeps the pairwise methods (lexrank, submodular) bounded on long inputs."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable

import numpy as np

from storysum.model import Budget, Cluster
from storysum.represent import SAME_CONTENT, Features

PREFILTER_LIMIT = 2000
"""Most sentences a pairwise method compares (an n x n similarity matrix). Above it, `shortlist`
keeps this many candidates by a linear score, so a cluster of any size costs O(n log n) for the
filter plus a constant for the method instead of O(n^2) time and memory. 2,000 leaves every
cluster of the evaluation data untouched (the largest, in DUC 2006, has 1,271 sentences) and
caps the matrix at 4 million entries (32 MB)."""


class Summarizer(ABC):
    """Selects sentence indices (into `cluster.sentences`) for a summary within `budget`.

    Subclasses set `name` and implement `select`; ordering and rendering happen elsewhere.
    """

    name: str = ""
    description: str = ""

    @abstractmethod
    def select(self, cluster: Cluster, features: Features, budget: Budget) -> list[int]:
        """Indices of the chosen sentences, most important first."""


def fill_ranked(ranked: Iterable[int], features: Features, budget: Budget,
                redundancy: float = SAME_CONTENT) -> list[int]:
    """Walk a ranking and keep each candidate that fits the budget and repeats nothing chosen."""
    chosen: list[int] = []
    words = 0
    for i in ranked:
        if budget.full(words, len(chosen)):
            break
        if not features.candidates[i] or not budget.allows(words, len(chosen), int(features.words[i])):
            continue
        if chosen and features.sameness([i], chosen).max() >= redundancy:
            continue
        chosen.append(i)
        words += int(features.words[i])
    return chosen


def greedy_gain(gain: Callable[[int], float], features: Features, budget: Budget,
                on_add: Callable[[int], None] | None = None,
                redundancy: float = SAME_CONTENT, start: list[int] | None = None) -> list[int]:
    """Repeatedly add the candidate with the largest positive `gain(i)` that fits the budget;
    `on_add(i)` lets the method update its state once sentence i is chosen. `start` is a
    choice to extend (a second pass with another gain tops up what the first left)."""
    chosen: list[int] = list(start or [])
    words = sum(int(features.words[i]) for i in chosen)
    taken = set(chosen)
    open_ = [int(i) for i in np.flatnonzero(features.candidates) if int(i) not in taken]
    while open_ and not budget.full(words, len(chosen)):
        best, best_gain = -1, 0.0
        for i in open_:
            if not budget.allows(words, len(chosen), int(features.words[i])):
                continue
            value = gain(i)
            if value > best_gain:
                best, best_gain = i, value
        if best < 0:
            break
        open_.remove(best)
        if chosen and features.sameness([best], chosen).max() >= redundancy:
            continue
        chosen.append(best)
        words += int(features.words[best])
        if on_add is not None:
            on_add(best)
    return chosen


def prefilter_scores(cluster: Cluster, features: Features) -> np.ndarray:
    """A linear-time importance score per sentence: cosine with the cluster's TF-IDF centroid
    (terms many sentences share), times a lead bonus 1 + 1/(1 + position) and the quality
    prior, times 1 + relative query similarity when there is a query; 0 for non-candidates."""
    n = len(features.words)
    centroid = np.asarray(features.tfidf.mean(axis=0)).ravel() if n else np.zeros(0)
    norm = np.linalg.norm(centroid)
    relevance = features.tfidf @ (centroid / norm) if norm else np.ones(n)
    positions = np.array([s.position for s in cluster.sentences], dtype=float)
    scores = (relevance + 1e-9) * (1 + 1 / (1 + positions)) * features.prior
    if features.query_relevance is not None and features.query_relevance.max() > 0:
        scores *= 1 + features.query_relevance / features.query_relevance.max()
    return np.where(features.candidates, scores, 0.0)


def shortlist(cluster: Cluster, features: Features,
              limit: int | None = None) -> tuple[Features, np.ndarray]:
    """The ground set for a pairwise method: every sentence while there are at most `limit`
    (default `PREFILTER_LIMIT`, read at call time),
    else the `limit` best candidates by `prefilter_scores` (ties by position in the cluster).
    Returns the features of those rows and the rows themselves (original indices, ascending),
    so a method works on row numbers 0..k-1 and maps its choice back with `rows[i]`."""
    limit = PREFILTER_LIMIT if limit is None else limit
    n = len(features.words)
    if n <= limit:
        return features, np.arange(n)
    scores = prefilter_scores(cluster, features)
    order = np.argsort(-scores, kind="stable")  # stable: equal scores keep cluster order
    keep = order[:limit]
    rows = np.sort(keep[features.candidates[keep]])
    if not len(rows):  # no candidate at all: the best-scored sentences still make a summary
        rows = np.sort(keep)
    return features.subset(rows), rows
