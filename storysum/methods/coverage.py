"""Concept coverage (after Gillick & Favre 2009): cover the bigrams that most outlets share.

A bigram's weight is the number of articles that contain it, so the facts the sources repeat
dominate; each is counted once however many chosen sentences carry it, which makes redundancy
worthless. Greedy selection by weight gained per word (cost-scaled, Lin & Bilmes 2010) is a
fast approximation of the ILP; weights get a bonus for concepts in an article's opening
sentences and, with a query, for concepts that contain query terms; with a query, each
sentence's gain is also scaled by its character-gram similarity to the query.
"""

from __future__ import annotations

from collections import defaultdict

import numpy as np

from storysum.methods.base import Summarizer, greedy_gain
from storysum.model import Budget, Cluster
from storysum.represent import Features


class Coverage(Summarizer):
    name = "coverage"
    description = "bigram concepts weighted by how many articles share them (default)"

    def __init__(self, cost_exponent: float = 0.8, lead_bonus: float = 0.5,
                 lead_sentences: int = 3, query_boost: float = 2.0, min_share: float = 0.15,
                 position_weight: float = 1.0, query_weight: float = 2.0):
        self.cost_exponent = cost_exponent
        self.lead_bonus = lead_bonus
        self.lead_sentences = lead_sentences
        self.query_boost = query_boost
        self.min_share = min_share
        self.position_weight = position_weight
        self.query_weight = query_weight

    def concept_weights(self, cluster: Cluster, features: Features) -> dict[str, float]:
        """Weight of every concept shared by enough articles."""
        articles_with: dict[str, set[int]] = defaultdict(set)
        in_lead: dict[str, set[int]] = defaultdict(set)
        for sentence, concepts in zip(cluster.sentences, features.concepts):
            for concept in concepts:
                articles_with[concept].add(sentence.article)
                if sentence.position < self.lead_sentences:
                    in_lead[concept].add(sentence.article)
        # articles that can contribute sentences (all of them unless an output language is set)
        n_articles = len({s.article for s in cluster.sentences if features.candidates[s.index]})
        min_articles = 1 if n_articles < 3 else max(2, round(self.min_share * n_articles))
        weights = {}
        for concept, articles in articles_with.items():
            hits = sum(word in features.query_terms for word in concept.split())
            if len(articles) < min_articles and n_articles > 1 and not hits:
                continue  # a query keeps even a single-source concept on its topic
            weight = len(articles) + self.lead_bonus * len(in_lead.get(concept, ()))
            weights[concept] = weight * (1 + self.query_boost * hits)
        if not weights:  # a single article or no repeated concept: every concept counts once
            weights = {c: 1.0 for concepts in features.concepts for c in concepts}
        return weights

    def select(self, cluster: Cluster, features: Features, budget: Budget) -> list[int]:
        weights = self.concept_weights(cluster, features)
        sentence_concepts = [set(c for c in cs if c in weights) for cs in features.concepts]
        covered: set[str] = set()
        boost = np.array([1 + self.position_weight / (1 + s.position) for s in cluster.sentences])
        if features.query_relevance is not None and features.query_relevance.max() > 0:
            boost *= 1 + self.query_weight * features.query_relevance / features.query_relevance.max()

        def gain(i: int) -> float:
            new = sum(weights[c] for c in sentence_concepts[i] - covered)
            return features.prior[i] * boost[i] * new / max(1, features.words[i]) ** self.cost_exponent

        def add(i: int) -> None:
            covered.update(sentence_concepts[i])

        return greedy_gain(gain, features, budget, on_add=add)
