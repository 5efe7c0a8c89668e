"""Lead baseline: the first sentences of the articles, taken round-robin."""

from __future__ import annotations

from storysum.methods.base import Summarizer, fill_ranked
from storysum.model import Budget, Cluster
from storysum.represent import Features


class Lead(Summarizer):
    name = "lead"
    description = "first sentences of each article, round-robin (baseline)"

    def select(self, cluster: Cluster, features: Features, budget: Budget) -> list[int]:
        by_article: dict[int, list[int]] = {}
        for s in cluster.sentences:
            if features.candidates[s.index]:
                by_article.setdefault(s.article, []).append(s.index)
        ranked = []
        depth = max((len(v) for v in by_article.values()), default=0)
        for level in range(depth):
            for article in sorted(by_article):
                if level < len(by_article[article]):
                    ranked.append(by_article[article][level])
        return fill_ranked(ranked, features, budget)
