"""Centroid (Radev et al. 2004): sentences closest to the cluster's mean TF-IDF vector."""

from __future__ import annotations

import numpy as np

from storysum.methods.base import Summarizer, fill_ranked
from storysum.model import Budget, Cluster
from storysum.represent import Features


class Centroid(Summarizer):
    name = "centroid"
    description = "similarity to the cluster centroid, with a small lead bonus"

    def select(self, cluster: Cluster, features: Features, budget: Budget) -> list[int]:
        centroid = np.asarray(features.tfidf.mean(axis=0)).ravel()
        norm = np.linalg.norm(centroid)
        scores = features.tfidf @ (centroid / norm) if norm else np.zeros(len(cluster.sentences))
        positions = np.array([s.position for s in cluster.sentences])
        scores = (scores + 0.1 / (1 + positions)) * features.prior
        ranked = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
        return fill_ranked(ranked, features, budget)
