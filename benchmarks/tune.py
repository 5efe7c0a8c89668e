"""Grid search of a method's parameters on evaluation data (how the defaults were chosen).

    python benchmarks/tune.py ../shared/data/{duc2004,duc2006,multiling2011_pilot,mlmd_mixed}.jsonl \
        --method coverage --grid cost_exponent=0.5,0.7,1.0 lead_bonus=0,0.5,1 --words 100

Clusters are prepared once (clean, segment, represent); only selection runs per setting.
Prints one Markdown row per setting: R1/R2 recall per dataset, their mean over datasets (each
dataset counts once, however many clusters it has), and the worst relative R2 change against
the first setting, so a default is chosen across datasets, not on one. `--cache DIR` keeps
the prepared clusters between runs (pickled; delete the directory after changing the pipeline).
"""

from __future__ import annotations

import argparse
import itertools
import pickle
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storysum.evaluate import load_clusters  # noqa: E402
from storysum.methods import METHODS  # noqa: E402
from storysum.model import Budget, Cluster  # noqa: E402
from storysum.pipeline import prepare, represent_cluster, summary_from_features  # noqa: E402
from storysum.represent import Features  # noqa: E402
from storysum.rouge import score, truncate_words  # noqa: E402

Prepared = list[tuple[Cluster, Features]]


def prepare_file(path: str, limit: int | None, use_query: bool, cache: Path | None) -> Prepared:
    """Prepared clusters with references of one file (from the cache when it has them)."""
    key = f"{Path(path).stem}-{limit}-{int(use_query)}.pickle"
    if cache is not None and (cache / key).is_file():
        return pickle.loads((cache / key).read_bytes())
    prepared = []
    for cluster in load_clusters(path, limit):
        if not cluster.references:
            continue
        if not use_query:
            cluster.query = None
        prepared.append(represent_cluster(prepare(cluster)))
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        (cache / key).write_bytes(pickle.dumps(prepared))
    return prepared


def run_setting(method, prepared: Prepared, words: int) -> tuple[float, float]:
    """Mean ROUGE-1 and ROUGE-2 recall (percent) of one method over prepared clusters,
    produced as `storysum evaluate` does: overflowing budget, reading order, cut at `words`."""
    budget = Budget(words=words, overflow=True)
    r1 = r2 = 0.0
    for cluster, features in prepared:
        text = summary_from_features(cluster, features, budget, method).text
        result = score(truncate_words(text, words), cluster.references, cluster.lang)
        r1 += result["rouge1"]["r"]
        r2 += result["rouge2"]["r"]
    n = max(1, len(prepared))
    return 100 * r1 / n, 100 * r2 / n


def parse_grid(grid: list[str]) -> list[dict[str, float]]:
    """`name=v1,v2` items to every combination of settings (one empty setting without a grid)."""
    names = [g.split("=")[0] for g in grid]
    values = [[float(v) for v in g.split("=")[1].split(",")] for g in grid]
    return [dict(zip(names, combo)) for combo in itertools.product(*values)] if values else [{}]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data", nargs="+")
    parser.add_argument("--method", default="coverage")
    parser.add_argument("--grid", nargs="*", default=[], help="name=v1,v2 …")
    parser.add_argument("--words", type=int, default=100)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--use-query", action="store_true")
    parser.add_argument("--cache", type=Path, default=None, help="directory for prepared clusters")
    args = parser.parse_args()
    datasets = {Path(p).stem: prepare_file(p, args.limit, args.use_query, args.cache) for p in args.data}
    header = [f"{name} R1 | {name} R2" for name in datasets]
    print(f"| setting | {' | '.join(header)} | mean R1 | mean R2 | worst R2 change |")
    print("|---|" + "---:|" * (2 * len(datasets) + 3))
    first: list[float] | None = None
    results = []
    for setting in parse_grid(args.grid):
        method = METHODS[args.method](**setting)
        scores = [run_setting(method, prepared, args.words) for prepared in datasets.values()]
        r2s = [r2 for _r1, r2 in scores]
        first = first or r2s
        worst = min((b - a) / a for a, b in zip(first, r2s) if a) if any(first) else 0.0
        mean_r1 = sum(r1 for r1, _r2 in scores) / len(scores)
        mean_r2 = sum(r2s) / len(scores)
        results.append((mean_r2, mean_r1, setting))
        cells = " | ".join(f"{r1:.2f} | {r2:.2f}" for r1, r2 in scores)
        print(f"| {setting or 'defaults'} | {cells} | {mean_r1:.2f} | {mean_r2:.2f} | {100 * worst:+.1f}% |",
              flush=True)
    best = max(results, key=lambda r: r[0])
    print(f"\nbest mean R2 {best[0]:.2f} (mean R1 {best[1]:.2f}): {best[2] or 'defaults'}")


if __name__ == "__main__":
    main()
