"""Maximal Marginal Relevance (Carbonell & Goldstein 1998): relevance minus redundancy.

Redundancy is the maximum similarity to the chosen sentences, kept as one vector updated with
one column per chosen sentence, so MMR is linear in the sentences (no n x n matrix, no pre-filter).
"""

from __future__ import annotations

import numpy as np

from storysum.methods.base import Summarizer, greedy_gain
from storysum.model import Budget, Cluster
from storysum.represent import Features


class MMR(Summarizer):
    name = "mmr"
    description = "relevance to the centroid (or query) minus similarity to what is chosen"

    def __init__(self, tradeoff: float = 0.7):
        self.tradeoff = tradeoff

    def select(self, cluster: Cluster, features: Features, budget: Budget) -> list[int]:
        target = np.asarray(features.tfidf.mean(axis=0)).ravel()
        if features.query_terms:
            query = np.zeros(features.tfidf.shape[1])
            for term in features.query_terms:
                if term in features.vocabulary:
                    query[features.vocabulary[term]] = 1.0
            target = target / (np.linalg.norm(target) or 1) + query / (np.linalg.norm(query) or 1)
        norm = np.linalg.norm(target)
        relevance = features.tfidf @ (target / norm) if norm else np.zeros(features.tfidf.shape[0])
        relevance = relevance * features.prior
        redundancy = np.zeros(features.tfidf.shape[0])

        def gain(i: int) -> float:
            # offset by 1 so every gain is positive: the budget, not the sign, ends selection
            return self.tradeoff * relevance[i] - (1 - self.tradeoff) * redundancy[i] + 1.0

        def add(j: int) -> None:
            np.maximum(redundancy, features.similarity(None, [j]).ravel(), out=redundancy)

        return greedy_gain(gain, features, budget, on_add=add)
