"""Greedy extractive oracle: maximise ROUGE-2 recall against the human references.

Only possible when references are known (evaluation); it is the ceiling for extraction.
"""

from __future__ import annotations

from collections import Counter

from storysum.methods.base import Summarizer, greedy_gain
from storysum.model import Budget, Cluster
from storysum.represent import Features
from storysum.rouge import RougeTokenizer


class Oracle(Summarizer):
    name = "oracle"
    description = "greedy ROUGE-2 recall against the references (evaluation only)"

    def select(self, cluster: Cluster, features: Features, budget: Budget) -> list[int]:
        if not cluster.references:
            raise ValueError("the oracle needs reference summaries (evaluation data)")
        tokenizer = RougeTokenizer(cluster.lang)
        reference = Counter()
        for ref in cluster.references:
            reference |= _bigrams(tokenizer.tokenize(ref))
        sentence_bigrams = [_bigrams(tokenizer.tokenize(s.text)) for s in cluster.sentences]
        matched = Counter()

        def gain(i: int) -> float:
            before = sum((matched & reference).values())
            after = sum(((matched + sentence_bigrams[i]) & reference).values())
            return (after - before) / max(1, features.words[i]) ** 0.5

        return greedy_gain(gain, features, budget, on_add=lambda i: matched.update(sentence_bigrams[i]),
                           redundancy=1.01)


def _bigrams(tokens: list[str]) -> Counter:
    return Counter(zip(tokens, tokens[1:]))
