"""The one interface every summarizer implements, and the greedy budget filler they share."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable

import numpy as np

from storysum.model import Budget, Cluster
from storysum.represent import SAME_CONTENT, Features


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
                redundancy: float = SAME_CONTENT) -> list[int]:
    """Repeatedly add the candidate with the largest positive `gain(i)` that fits the budget;
    `on_add(i)` lets the method update its state once sentence i is chosen."""
    chosen: list[int] = []
    words = 0
    open_ = [int(i) for i in np.flatnonzero(features.candidates)]
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
