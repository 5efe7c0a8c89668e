"""Budgeted submodular coverage + diversity (Lin & Bilmes 2011).

F(S) = L(S) + lambda * R(S): L rewards covering every sentence's similarity mass (saturating at
alpha of its total), R rewards picking from many k-means clusters (square root per cluster).
Cost-scaled greedy with exponent r. L needs the n x n similarity matrix, so above
`base.PREFILTER_LIMIT` sentences the ground set is the shortlist.
"""

from __future__ import annotations

import numpy as np

from storysum.methods.base import Summarizer, greedy_gain, shortlist
from storysum.model import Budget, Cluster
from storysum.represent import Features


class Submodular(Summarizer):
    name = "submodular"
    description = "coverage + diversity objective of Lin & Bilmes (2011), greedy"

    def __init__(self, alpha: float = 5.0, diversity: float = 6.0, cost_exponent: float = 0.3,
                 cluster_ratio: float = 0.2):
        self.alpha = alpha
        self.diversity = diversity
        self.cost_exponent = cost_exponent
        self.cluster_ratio = cluster_ratio

    def select(self, cluster: Cluster, features: Features, budget: Budget) -> list[int]:
        ground, rows = shortlist(cluster, features)
        return [int(rows[i]) for i in self._select(ground, budget)]

    def _select(self, features: Features, budget: Budget) -> list[int]:
        """Greedy on the ground set `features` (row numbers of the shortlist)."""
        similarity = features.similarity(None)
        n = similarity.shape[0]
        if n == 0:
            return []
        totals = similarity.sum(axis=1)
        caps = (self.alpha / n) * totals
        singleton = similarity.mean(axis=0)
        partition = self._partition(features, n)
        covered = np.zeros(n)
        per_part = np.zeros(partition.max() + 1)

        def objective_gain(i: int) -> float:
            coverage = np.minimum(covered + similarity[:, i], caps).sum() - np.minimum(covered, caps).sum()
            part = partition[i]
            diversity = np.sqrt(per_part[part] + singleton[i]) - np.sqrt(per_part[part])
            return coverage + self.diversity * diversity

        def gain(i: int) -> float:
            return features.prior[i] * objective_gain(i) / max(1, features.words[i]) ** self.cost_exponent

        def add(j: int) -> None:
            covered[:] += similarity[:, j]
            per_part[partition[j]] += singleton[j]

        return greedy_gain(gain, features, budget, on_add=add)

    def _partition(self, features: Features, n: int) -> np.ndarray:
        k = max(1, int(round(self.cluster_ratio * n)))
        if k == 1 or features.tfidf.shape[1] == 0:
            return np.zeros(n, dtype=int)
        from sklearn.cluster import KMeans

        return KMeans(n_clusters=min(k, n), n_init=1, random_state=0).fit_predict(features.tfidf)
