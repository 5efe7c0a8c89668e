"""Maximal Marginal Relevance (Carbonell & Goldstein 1998): relevance minus redundancy."""

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
        similarity = features.similarity(None)

        chosen: list[int] = []

        def gain(i: int) -> float:
            redundancy = similarity[i, chosen].max() if chosen else 0.0
            # offset by 1 so every gain is positive: the budget, not the sign, ends selection
            return self.tradeoff * relevance[i] - (1 - self.tradeoff) * redundancy + 1.0

        return greedy_gain(gain, features, budget, on_add=chosen.append)
