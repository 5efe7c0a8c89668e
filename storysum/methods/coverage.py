"""Concept coverage (after Gillick & Favre 2009): cover the bigrams that most outlets share.

A bigram's weight is the number of articles that contain it, so the facts the sources repeat
dominate; each is counted once however many chosen sentences carry it, which makes redundancy
worthless. Greedy selection by weight gained per word (cost-scaled, Lin & Bilmes 2010) is a
fast approximation of the ILP; weights get a bonus for concepts in an article's opening
sentences, a larger one (`title_bonus`, 2 per article) for concepts in its headline, and, with
a query, for concepts that contain query terms; with a query, each
sentence's gain is also scaled by its character-gram similarity to the query. Sentences
under `min_words` (7) words are not chosen while longer candidates exist. When every shared
concept is covered and words are left, `top_up` counts single-source concepts too, so a
cluster whose articles share little still gets the summary length asked for.

Measured and left off by default (docs/QUALITY.md, `benchmarks/tune.py`): `unigram_weight`
(content words as concepts too), `swap_rounds` (local search after the greedy,
`search.swap_pass`) and `fill` (cost and gain of an overflowing last sentence counted only for
the words that survive the cut). Each raised some dataset but lowered the mean over the four.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

import numpy as np

from storysum.methods.base import Summarizer, greedy_gain
from storysum.methods.search import swap_pass
from storysum.model import Budget, Cluster
from storysum.represent import SAME_CONTENT, Features, title_concepts


class Coverage(Summarizer):
    name = "coverage"
    description = "bigram concepts weighted by how many articles share them (default)"

    def __init__(self, cost_exponent: float = 0.8, lead_bonus: float = 0.5,
                 lead_sentences: int = 3, query_boost: float = 2.0, min_share: float = 0.15,
                 position_weight: float = 1.0, query_weight: float = 2.0,
                 min_words: int = 7, unigram_weight: float = 0.0, swap_rounds: int = 0,
                 fill: float = 0.0, swap_multiplier: float = 1.0, title_bonus: float = 2.0):
        self.cost_exponent = cost_exponent
        self.lead_bonus = lead_bonus
        self.lead_sentences = lead_sentences
        self.query_boost = query_boost
        self.min_share = min_share
        self.position_weight = position_weight
        self.query_weight = query_weight
        self.min_words = min_words
        self.unigram_weight = unigram_weight
        self.swap_rounds = int(swap_rounds)
        self.fill = fill
        self.swap_multiplier = swap_multiplier
        self.title_bonus = title_bonus

    def concept_weights(self, cluster: Cluster, features: Features) -> dict[str, float]:
        """Weight of every concept shared by enough articles."""
        articles_with: dict[str, set[int]] = defaultdict(set)
        in_lead: dict[str, set[int]] = defaultdict(set)
        for sentence, concepts in zip(cluster.sentences, self._concepts(features)):
            for concept in concepts:
                articles_with[concept].add(sentence.article)
                if sentence.position < self.lead_sentences:
                    in_lead[concept].add(sentence.article)
        # articles that can contribute sentences (all of them unless an output language is set)
        n_articles = len({s.article for s in cluster.sentences if features.candidates[s.index]})
        min_articles = 1 if n_articles < 3 else max(2, round(self.min_share * n_articles))
        in_title = title_concepts(cluster) if self.title_bonus else {}
        weights = {}
        for concept, articles in articles_with.items():
            hits = sum(word in features.query_terms for word in concept.split())
            if len(articles) < min_articles and n_articles > 1 and not hits:
                continue  # a query keeps even a single-source concept on its topic
            weight = (len(articles) + self.lead_bonus * len(in_lead.get(concept, ()))
                      + self.title_bonus * in_title.get(concept, 0))
            unigram = self.unigram_weight if " " not in concept else 1.0
            weights[concept] = unigram * weight * (1 + self.query_boost * hits)
        if not weights:  # a single article or no repeated concept: every concept counts once
            weights = {c: 1.0 for concepts in features.concepts for c in concepts}
        return weights

    def _concepts(self, features: Features) -> list[list[str]]:
        """Bigram concepts of each sentence, plus its content terms when unigrams count too."""
        if not self.unigram_weight:
            return features.concepts
        return [bigrams + terms for bigrams, terms in zip(features.concepts, features.terms)]

    def select(self, cluster: Cluster, features: Features, budget: Budget) -> list[int]:
        features = self._long_enough(features)
        weights = self.concept_weights(cluster, features)
        chosen = self._greedy(cluster, features, weights, budget)
        chosen = self.top_up(cluster, features, weights, budget, chosen)
        if self.swap_rounds:
            boost = self._boost(cluster, features)
            multiplier = features.prior * boost if self.swap_multiplier else np.ones(len(boost))
            chosen = self._swap(chosen, features, weights, multiplier, budget)
        return chosen

    def _greedy(self, cluster: Cluster, features: Features, weights: dict[str, float],
                budget: Budget, start: list[int] | None = None) -> list[int]:
        """Cost-scaled greedy over the weighted concepts, extending `start` (the choice so far)."""
        sentence_concepts = self.weighted_concepts(features, weights)
        boost = self._boost(cluster, features)
        chosen = list(start or [])
        covered: set[str] = set().union(*(sentence_concepts[i] for i in chosen))
        used = [sum(int(features.words[i]) for i in chosen)]  # words chosen so far

        def gain(i: int) -> float:
            new = sum(weights[c] for c in sentence_concepts[i] - covered)
            new, cost = self._fill(new, int(features.words[i]), used[0], budget)
            return features.prior[i] * boost[i] * new / max(1, cost) ** self.cost_exponent

        def add(i: int) -> None:
            covered.update(sentence_concepts[i])
            used[0] += int(features.words[i])

        return greedy_gain(gain, features, budget, on_add=add, start=chosen)

    def top_up(self, cluster: Cluster, features: Features, weights: dict[str, float],
               budget: Budget, chosen: list[int]) -> list[int]:
        """Words the first pass leaves (no sentence that still fits adds a shared concept) go to
        sentences of the summary's language that carry single-source concepts, so a cluster whose articles share little
        (three short reports, mixed languages) still gets the length asked for. Only
        candidates of `min_words` and more, and never another language: unconfirmed material
        in a language the reader did not ask for is not worth the words."""
        used = sum(int(features.words[i]) for i in chosen)
        if budget.full(used, len(chosen)):
            return chosen
        same = np.array([s.lang == cluster.lang for s in cluster.sentences], dtype=bool)
        pool = replace(features, candidates=features.candidates & same)
        if not pool.candidates.any():
            return chosen
        every = dict.fromkeys((c for cs in self._concepts(features) for c in cs), 1.0)
        return self._greedy(cluster, pool, every | weights, budget, start=chosen)

    def weighted_concepts(self, features: Features, weights: dict[str, float]) -> list[set[str]]:
        """Each sentence's concepts that carry a weight (what covering it would gain)."""
        return [set(c for c in cs if c in weights) for cs in self._concepts(features)]

    def _long_enough(self, features: Features) -> Features:
        """Candidates of at least `min_words` words (all candidates when none is that long):
        short sentences win the per-word gain with one dense bigram but carry little else."""
        long_enough = features.candidates & (features.words >= self.min_words)
        return replace(features, candidates=long_enough) if long_enough.any() else features

    def _boost(self, cluster: Cluster, features: Features) -> np.ndarray:
        """Per-sentence gain multiplier: opening sentences first, then the query's neighbours."""
        boost = np.array([1 + self.position_weight / (1 + s.position) for s in cluster.sentences])
        if features.query_relevance is not None and features.query_relevance.max() > 0:
            boost *= 1 + self.query_weight * features.query_relevance / features.query_relevance.max()
        return boost

    def _fill(self, new: float, cost: int, used: int, budget: Budget) -> tuple[float, int]:
        """Gain and cost of a sentence that overflows an overflowing budget, moved by `fill`
        (0 off, 1 fully) towards the part that survives the cut at the budget."""
        if not self.fill or not budget.overflow or budget.words is None:
            return new, cost
        left = max(1, budget.words - used)
        if cost <= left:
            return new, cost
        return new * ((1 - self.fill) + self.fill * left / cost), round((1 - self.fill) * cost + self.fill * left)

    def _swap(self, chosen: list[int], features: Features, weights: dict[str, float],
              multiplier: np.ndarray, budget: Budget) -> list[int]:
        """Local search over the greedy's choice (see `search.swap_pass`)."""
        sentence_concepts = self.weighted_concepts(features, weights)
        pool = [int(i) for i in np.flatnonzero(features.candidates) if sentence_concepts[i]]

        def allowed(i: int, others: list[int]) -> bool:
            return not others or features.sameness([i], others).max() < SAME_CONTENT

        return swap_pass(chosen, pool, sentence_concepts, weights, multiplier, features.words, budget, allowed,
                         self.swap_rounds)
