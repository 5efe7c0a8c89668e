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
from storysum.pipeline import summarize_cluster
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


def evaluate_clusters(clusters: list[Cluster], method: str, words: int, use_query: bool,
                      dataset: str) -> Row:
    """Average ROUGE of `method` over clusters with references."""
    row = Row(dataset=dataset, method=method)
    summarizer = get_method(method)
    budget = Budget(words=words, overflow=True)
    elapsed = 0.0
    for cluster in progress(clusters, "clusters", desc=f"{dataset} {method}"):
        if not cluster.references:
            continue
        if not use_query:
            cluster = _without_query(cluster)
        start = time.perf_counter()
        try:
            summary = summarize_cluster(cluster, budget, summarizer)
        except InputError:
            row.failures += 1
            continue
        elapsed += time.perf_counter() - start
        result = score(truncate_words(summary.text, words), cluster.references, summary.lang)
        _accumulate(row, result)
    if row.clusters:
        row.scores = {k: v / row.clusters for k, v in row.scores.items()}
        row.ms_per_cluster = 1000 * elapsed / row.clusters
    return row


def _without_query(cluster: Cluster) -> Cluster:
    return replace(cluster, query=None)


def _accumulate(row: Row, result) -> None:
    row.clusters += 1
    for short, name in zip(("R1", "R2", "RL"), ROUGE_TYPES):
        for part, key in (("R", "r"), ("P", "p"), ("F", "f")):
            column = f"{short}-{part}"
            if column in row.scores:
                row.scores[column] += result[name][key]


def evaluate_files(paths: list[str], method: str = "coverage", words: int = 100,
                   use_query: bool = False, limit: int | None = None) -> list[Row]:
    """One row per dataset and method; `method="all"` runs every method, oracle included."""
    methods = list(METHODS) if method == "all" else [method]
    for name in methods:
        get_method(name)  # fail early on an unknown name
    rows = []
    for path in paths:
        if not Path(path).is_file():
            raise InputError(f"{path}: no such file")
        clusters = load_clusters(path, limit)
        dataset = Path(path).stem
        for name in methods:
            rows.append(evaluate_clusters(clusters, name, words, use_query, dataset))
    return rows


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
