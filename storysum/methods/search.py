"""Local search after a greedy concept-coverage selection: swap one chosen sentence for an
unchosen one while that raises the objective.

Cost-scaled greedy commits early to short, concept-dense sentences; a swap can trade one of
them for a longer sentence that covers more within the same budget (Gillick & Favre's ILP would
find the optimum; this keeps the greedy's speed). The objective is the weight of the covered
concepts, scaled by the share of the summary's words that survive the cut at the word budget
(`storysum evaluate` and DUC cut summaries there), so a swap that overflows the budget pays for
the words that will be cut and one that leaves it unfilled pays for the words it does not use.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from storysum.model import Budget


def objective(covered: float, words: int, budget: Budget) -> float:
    """Covered concept weight times the share of words kept when the summary is cut at the budget."""
    if budget.words is None or words <= budget.words:
        return covered
    return covered * budget.words / words


class Coverage:
    """Which chosen sentences hold each concept, so one swap costs O(concepts of two sentences).

    A concept counts with its weight times the largest multiplier (quality prior, lead and
    query boost: what the greedy scales its gains by) among the chosen sentences holding it,
    so a swap cannot trade a lead sentence for a dangling one that says the same."""

    def __init__(self, chosen: list[int], concepts: list[set[str]], weights: dict[str, float],
                 multiplier: np.ndarray):
        self.concepts = concepts
        self.weights = weights
        self.multiplier = multiplier
        self.holders: dict[str, list[int]] = {}
        for i in chosen:
            for c in concepts[i]:
                self.holders.setdefault(c, []).append(i)
        self.total = sum(weights[c] * self._best(c, -1) for c in self.holders)

    def _best(self, concept: str, without: int) -> float:
        return max((self.multiplier[i] for i in self.holders.get(concept, ()) if i != without), default=0.0)

    def swap_value(self, out: int, into: int) -> float:
        """Objective after replacing sentence `out` with sentence `into`."""
        change = 0.0
        for c in self.concepts[out] | self.concepts[into]:
            before = self._best(c, -1)
            after = self._best(c, out)
            if c in self.concepts[into]:
                after = max(after, self.multiplier[into])
            change += self.weights[c] * (after - before)
        return self.total + change

    def swap(self, out: int, into: int) -> None:
        self.total = self.swap_value(out, into)
        for c in self.concepts[out]:
            self.holders[c].remove(out)
        for c in self.concepts[into]:
            self.holders.setdefault(c, []).append(into)


def swap_pass(chosen: list[int], pool: list[int], concepts: list[set[str]],
              weights: dict[str, float], multiplier: np.ndarray, words: np.ndarray, budget: Budget,
              allowed: Callable[[int, list[int]], bool], rounds: int = 2) -> list[int]:
    """Best-improvement swaps of a chosen sentence for one of `pool`, at most `rounds` passes;
    `allowed(i, others)` vetoes a sentence that repeats the others (the redundancy rule)."""
    chosen = list(chosen)
    if not chosen or budget.words is None:
        return chosen
    state = Coverage(chosen, concepts, weights, multiplier)
    length = int(words[chosen].sum())
    for _ in range(rounds):
        current = objective(state.total, length, budget)
        best: tuple[float, int, int] | None = None
        for position, out in enumerate(chosen):
            base = length - int(words[out])
            for into in pool:
                if into in chosen:
                    continue
                if not budget.overflow and base + int(words[into]) > budget.words:
                    continue
                value = objective(state.swap_value(out, into), base + int(words[into]), budget)
                if value > current + 1e-9 and (best is None or value > best[0]):
                    others = chosen[:position] + chosen[position + 1:]
                    if allowed(into, others):
                        best = (value, position, into)
        if best is None:
            break
        _value, position, into = best
        state.swap(chosen[position], into)
        length += int(words[into]) - int(words[chosen[position]])
        chosen[position] = into
    return chosen
