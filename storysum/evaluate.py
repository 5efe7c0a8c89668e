"""`storysum evaluate`: summarise clusters that carry human references and report ROUGE.

Summaries are produced with an overflowing budget and cut at exactly `words` words before
scoring, as DUC does; scores are averaged over each cluster's references, then over clusters.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

from storysum.decode import InputError
from storysum.ingest import parse_jsonl
from storysum.methods import METHODS, get_method
from storysum.model import Budget, Cluster
from storysum.pipeline import prepare, summarize_cluster
from storysum.progress import progress
from storysum.rouge import ROUGE_TYPES, score, truncate_words

COLUMNS = ("R1-R", "R1-P", "R1-F", "R2-R", "R2-P", "R2-F", "RL-F")


@dataclass
class Row:
    """Averages of one method on one dataset."""

    dataset: str
    method: str
    clusters: int = 0
    scores: dict[str, float] = field(default_factory=lambda: dict.fromkeys(COLUMNS, 0.0))
    ms_per_cluster: float = 0.0
    failures: int = 0


def load_clusters(path: str, limit: int | None = None) -> list[Cluster]:
    """Clusters of a JSONL file in the shared evaluation format (parsed as `ingest` does)."""
    try:
        _articles, clusters = parse_jsonl(Path(path).read_text(encoding="utf-8"), path)
    except InputError as err:
        raise InputError(f"{path}: {err}") from None
    return clusters[:limit] if limit else clusters


@dataclass
class Prepared:
    """A cluster cleaned and segmented once for every method, with what that took."""

    cluster: Cluster | None  # None when nothing summarisable was left
    seconds: float


def prepare_clusters(clusters: list[Cluster], use_query: bool, dataset: str) -> list[Prepared]:
    """Clean, detect and segment each cluster with references once (all methods share it)."""
    prepared = []
    for cluster in progress(clusters, "clusters", desc=f"{dataset} preparing"):
        if not cluster.references:
            continue
        if not use_query:
            cluster = replace(cluster, query=None)
        start = time.perf_counter()
        try:
            ready: Cluster | None = prepare(cluster)
        except InputError:
            ready = None
        prepared.append(Prepared(ready, time.perf_counter() - start))
    return prepared


def evaluate_clusters(prepared: list[Prepared], method: str, words: int, dataset: str,
                      embeddings: bool = False) -> Row:
    """Average ROUGE of `method` over prepared clusters; ms/cluster counts the whole pipeline
    (the shared preparation time is added to each method's own time)."""
    row = Row(dataset=dataset, method=method)
    summarizer = get_method(method)
    budget = Budget(words=words, overflow=True)
    elapsed = 0.0
    for item in progress(prepared, "clusters", desc=f"{dataset} {method}"):
        if item.cluster is None:
            row.failures += 1
            continue
        start = time.perf_counter()
        summary = summarize_cluster(item.cluster, budget, summarizer, embeddings=embeddings)
        elapsed += time.perf_counter() - start + item.seconds
        result = score(truncate_words(summary.text, words), item.cluster.references, summary.lang)
        _accumulate(row, result)
    if row.clusters:
        row.scores = {k: v / row.clusters for k, v in row.scores.items()}
        row.ms_per_cluster = 1000 * elapsed / row.clusters
    return row


def _accumulate(row: Row, result) -> None:
    row.clusters += 1
    for short, name in zip(("R1", "R2", "RL"), ROUGE_TYPES):
        for part, key in (("R", "r"), ("P", "p"), ("F", "f")):
            column = f"{short}-{part}"
            if column in row.scores:
                row.scores[column] += result[name][key]


def evaluate_files(paths: list[str], method: str = "coverage", words: int = 100,
                   use_query: bool = False, limit: int | None = None,
                   embeddings: bool = False) -> list[Row]:
    """One row per dataset and method; `method="all"` runs every method, oracle included."""
    methods = list(METHODS) if method == "all" else [method]
    for name in methods:
        get_method(name)  # fail early on an unknown name
    rows = []
    for path in paths:
        if not Path(path).is_file():
            raise InputError(f"{path}: no such file")
        dataset = Path(path).stem
        prepared = prepare_clusters(load_clusters(path, limit), use_query, dataset)
        _warm_up(prepared, embeddings)
        for name in methods:
            rows.append(evaluate_clusters(prepared, name, words, dataset, embeddings))
    return rows


def _warm_up(prepared: list[Prepared], embeddings: bool) -> None:
    """Load the lazily imported parts once, so the first method's timing does not pay for it."""
    ready = next((p.cluster for p in prepared if p.cluster is not None), None)
    if ready is not None:
        summarize_cluster(ready, Budget(words=10), "lead", embeddings=embeddings)


def render_report(rows: list[Row], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([row.__dict__ for row in rows], indent=2) + "\n"
    header = ["dataset", "method", "clusters", *COLUMNS, "ms/cluster"]
    table = [
        [r.dataset, r.method, str(r.clusters), *(f"{100 * r.scores[c]:.2f}" for c in COLUMNS),
         f"{r.ms_per_cluster:.0f}"]
        for r in rows
    ]
    if fmt == "markdown":
        lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
        lines += ["| " + " | ".join(cells) + " |" for cells in table]
        return "\n".join(lines) + "\n"
    widths = [max(len(h), *(len(row[i]) for row in table)) if table else len(h) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths))]
    lines += ["  ".join(c.ljust(w) for c, w in zip(cells, widths)) for cells in table]
    return "\n".join(lines) + "\n"
