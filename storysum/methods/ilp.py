"""Exact concept coverage (Gillick & Favre 2009): the integer linear program that `coverage`'s
greedy approximates, solved with HiGHS (`scipy.optimize.milp`, no extra dependency).

Maximise the summed weight of the bigram concepts covered, each counted once, subject to the
word budget; a concept counts as covered when a chosen sentence carries it. Weights are
`coverage`'s (articles sharing the concept, a bonus for articles that have it in their opening
sentences, query terms), here a bonus of 4 per article that has the concept in its first
sentence: the program has no per-sentence position boost, and this setting is the best mean
ROUGE-2 of a grid over the four evaluation datasets (`benchmarks/tune.py --method ilp`); no
headline bonus (`coverage`'s `title_bonus` 2 gives mean R2 7.00 here against 7.01 without).
Two sentences that say the same thing (`sameness` at the redundancy limit) are never both
chosen, as in every greedy method. A sentence the quality prior demotes (it points back, asks,
or is in another language; `candidates.quality_prior`) costs `prior_penalty` × (1 − prior) of
all the concept weight it carries (the greedy instead scales only the new weight a sentence
would add by its prior; a linear program cannot know which weight is new). A tiny reward per
word breaks ties towards using the budget, and words left when every weighted concept is
covered are topped up as in `coverage` (`Coverage.top_up`). Unlike the greedy, the program knows no cost scaling, and it
never lets the last sentence run past the budget.

"Exact" is to HiGHS's default relative optimality gap (0.01 %), within the 5-second limit
per cluster (the incumbent is used when the limit hits; every evaluation cluster solved within
1.3 s here).

Measured (docs/QUALITY.md, "Towards the DUC 2004 ROUGE-1 target" and "Session 5"): better than
the greedy on DUC 2006, worse on DUC 2004, MultiLing and MLMD (most on MultiLing, whose opening
sentences are worth more than concept weight); not the default. Above `base.PREFILTER_LIMIT`
sentences it solves over the shortlist.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import numpy as np
from scipy.sparse import coo_matrix, csr_matrix, hstack, identity

from storysum.methods.base import shortlist
from storysum.methods.coverage import Coverage
from storysum.model import Budget, Cluster
from storysum.represent import SAME_CONTENT, Features

FILL_REWARD = 1e-4
"""Objective value of one word, relative to the lightest concept: far below any concept, so it
only decides between selections of equal concept weight (the fuller one wins)."""


class ConceptILP(Coverage):
    name = "ilp"
    description = "exact bigram-concept coverage, integer linear program (Gillick & Favre 2009)"

    def __init__(self, lead_bonus: float = 4.0, lead_sentences: int = 1, time_limit: float = 5.0,
                 prior_penalty: float = 1.0, title_bonus: float = 0.0, **options: float):
        super().__init__(lead_bonus=lead_bonus, lead_sentences=lead_sentences, title_bonus=title_bonus,
                         **options)
        self.time_limit = time_limit
        self.prior_penalty = prior_penalty

    def select(self, cluster: Cluster, features: Features, budget: Budget) -> list[int]:
        if budget.words is None:  # a budget in sentences only: the greedy handles it
            return super().select(cluster, features, budget)
        long_enough = self._long_enough(features)
        weights = self.concept_weights(cluster, long_enough)
        ground, rows = shortlist(cluster, long_enough)
        chosen = self._solve(ground, weights, budget)
        if not chosen:  # no sentence fits, or the solver gave up: the greedy's choice
            return super().select(cluster, features, budget)
        return self.top_up(cluster, long_enough, weights, budget, [int(rows[i]) for i in chosen])

    def _solve(self, ground: Features, weights: dict[str, float], budget: Budget) -> list[int]:
        """Row numbers of the optimal selection, heaviest first; [] when there is none."""
        from scipy.optimize import Bounds, LinearConstraint, milp  # on use: its import costs ~0.2 s

        sentence_concepts = self.weighted_concepts(ground, weights)
        rows = [int(i) for i in np.flatnonzero(ground.candidates) if sentence_concepts[i]]
        concepts = sorted(set().union(*(sentence_concepts[i] for i in rows)))
        if not rows or not concepts:
            return []
        index = {c: j for j, c in enumerate(concepts)}
        pairs = [(index[c], k) for k, i in enumerate(rows) for c in sentence_concepts[i]]
        n, m = len(rows), len(concepts)
        carries = coo_matrix((np.ones(len(pairs)), tuple(zip(*pairs))), shape=(m, n)).tocsr()
        words = ground.words[rows].astype(float)
        value = np.array([weights[c] for c in concepts])
        # variables: x (one per sentence, binary), then z (one per concept, 0..1)
        carried = np.asarray(carries.T @ value).ravel()  # concept weight of each sentence
        penalty = self.prior_penalty * (1 - ground.prior[rows]) * carried
        objective = np.concatenate([penalty - FILL_REWARD * value.min() * words, -value])
        constraints = [
            LinearConstraint(hstack([-carries, identity(m)]), -np.inf, 0),  # z_c <= sum of x carrying c
            LinearConstraint(csr_matrix(np.concatenate([words, np.zeros(m)])), -np.inf, budget.words),
        ]
        if budget.sentences is not None:
            constraints.append(LinearConstraint(
                csr_matrix(np.concatenate([np.ones(n), np.zeros(m)])), -np.inf, budget.sentences))
        same = np.argwhere(np.triu(ground.sameness(rows, rows) >= SAME_CONTENT, 1))
        if len(same):
            pick = np.repeat(np.arange(len(same)), 2)
            apart = coo_matrix((np.ones(2 * len(same)), (pick, same.ravel())), shape=(len(same), n))
            constraints.append(LinearConstraint(hstack([apart, csr_matrix((len(same), m))]), -np.inf, 1))
        # presolve off makes HiGHS's stray debug line rarer (it costs no time: 845 vs 886 ms per
        # DUC 2006 cluster at 250 words) but does not stop it, hence `_quiet_stdout`
        with _quiet_stdout():
            result = milp(objective, constraints=constraints, bounds=Bounds(0, 1),
                          integrality=np.concatenate([np.ones(n), np.zeros(m)]),
                          options={"time_limit": self.time_limit, "presolve": False})
        if result.x is None:
            return []
        chosen = [k for k in range(n) if result.x[k] > 0.5]
        gain = np.asarray(carries[:, chosen].T @ value).ravel()
        return [rows[k] for _, k in sorted(zip(-gain, chosen))]


@contextmanager
def _quiet_stdout() -> Iterator[None]:
    """Send what native code prints to the process's stdout to /dev/null meanwhile. HiGHS prints
    a debug line (`HighsMipSolverData::transformNewIntegerFeasibleSolution tmpSolver.run();`,
    ERGO-Code/HiGHS#2783) straight to file descriptor 1 on some problems, which would corrupt
    `--format json` on stdout; Python's own `sys.stdout` is flushed first and is not affected."""
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # no file descriptor 1 (embedded interpreters)
        yield
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, 1)
        yield
    finally:
        _flush_c_stdio()  # what the C library buffered for fd 1 goes to /dev/null, not later
        os.dup2(saved, 1)
        os.close(saved)
        os.close(devnull)


def _flush_c_stdio() -> None:
    try:
        ctypes.CDLL(None).fflush(None)
    except (OSError, AttributeError, TypeError):  # no C library (Windows): nothing buffered there
        pass
