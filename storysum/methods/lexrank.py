"""LexRank (Erkan & Radev 2004), continuous variant: PageRank over the cosine-similarity graph.

The graph is n x n, so above `base.PREFILTER_LIMIT` sentences it is built over the shortlist.
"""

from __future__ import annotations

import numpy as np

from storysum.methods.base import Summarizer, fill_ranked, shortlist
from storysum.model import Budget, Cluster
from storysum.represent import Features


def pagerank(similarity: np.ndarray, damping: float = 0.85, iterations: int = 100) -> np.ndarray:
    """Stationary distribution of a random walk over a weighted, undirected graph."""
    n = similarity.shape[0]
    if n == 0:
        return np.zeros(0)
    rows = similarity.sum(axis=1, keepdims=True)
    transition = np.divide(similarity, rows, out=np.full_like(similarity, 1.0 / n), where=rows > 0)
    scores = np.full(n, 1.0 / n)
    for _ in range(iterations):
        updated = (1 - damping) / n + damping * transition.T @ scores
        if np.abs(updated - scores).sum() < 1e-8:
            return updated
        scores = updated
    return scores


class LexRank(Summarizer):
    name = "lexrank"
    description = "graph centrality (continuous LexRank) over sentence similarities"

    def __init__(self, threshold: float = 0.1):
        self.threshold = threshold

    def select(self, cluster: Cluster, features: Features, budget: Budget) -> list[int]:
        ground, rows = shortlist(cluster, features)
        similarity = ground.similarity(None)
        np.fill_diagonal(similarity, 0.0)
        similarity[similarity < self.threshold] = 0.0
        scores = pagerank(similarity) * ground.prior
        ranked = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
        return [int(rows[i]) for i in fill_ranked(ranked, ground, budget)]
