"""Speed of summarising 25-article DUC 2006 clusters, stage by stage.

    python benchmarks/speed.py [--data ../shared/data/duc2006.jsonl] [--clusters 10]

Prints a Markdown table: one-off import and model-load time (reported separately), then
per-cluster times (min / median / max over the clusters) for the whole pipeline and its stages,
and the wall time of the command line on one cluster (a fresh process, imports included).
"""

from __future__ import annotations

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "duc2006.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--clusters", type=int, default=10)
    parser.add_argument("--method", default="coverage")
    args = parser.parse_args()

    start = time.perf_counter()
    import storysum  # noqa: F401
    from storysum.evaluate import load_clusters
    from storysum.model import Budget
    from storysum.pipeline import summarize_cluster
    import_seconds = time.perf_counter() - start

    clusters = load_clusters(args.data, args.clusters + 1)
    start = time.perf_counter()
    summarize_cluster(clusters[0], Budget(words=100), args.method)  # loads lazy imports and models
    warmup_seconds = time.perf_counter() - start

    stages, sizes = _stage_times(clusters[1:], args.method)
    cli_seconds = _cli_seconds(args.data)

    articles = statistics.median(a for a, _ in sizes)
    sentences = statistics.median(s for _, s in sizes)
    print(f"Data: {args.data}, {len(sizes)} clusters (median {articles:.0f} articles, {sentences:.0f} sentences), "
          f"method {args.method}, 100 words, {os.cpu_count()} cores\n")
    print("| what | min ms | median ms | max ms |")
    print("|---|---|---|---|")
    print(f"| import storysum (once) | {1000 * import_seconds:.0f} | | |")
    print(f"| first cluster incl. lazy imports and model loads (once) | {1000 * warmup_seconds:.0f} | | |")
    for name, values in stages.items():
        print(f"| {name} per cluster | {1000 * min(values):.0f} | {1000 * statistics.median(values):.0f} | "
              f"{1000 * max(values):.0f} |")
    print(f"| command line on one cluster, fresh process | {1000 * cli_seconds:.0f} | | |")


def _stage_times(clusters, method: str) -> tuple[dict[str, list[float]], list[tuple[int, int]]]:
    """Seconds per cluster for the whole pipeline and for each stage, and cluster sizes."""
    from storysum.candidates import quality_prior, select_candidates
    from storysum.methods import get_method
    from storysum.model import Budget
    from storysum.pipeline import prepare, summarize_cluster
    from storysum.represent import build_features

    stages: dict[str, list[float]] = {"whole pipeline": [], "clean+segment": [], "represent": [], "select": []}
    sizes = []
    for cluster in clusters:
        t0 = time.perf_counter()
        summarize_cluster(cluster, Budget(words=100), method)
        stages["whole pipeline"].append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        prepared = prepare(cluster)
        t1 = time.perf_counter()
        mask, _rejected = select_candidates(prepared)
        features = build_features(prepared, mask, quality_prior(prepared))
        t2 = time.perf_counter()
        get_method(method).select(prepared, features, Budget(words=100))
        t3 = time.perf_counter()
        stages["clean+segment"].append(t1 - t0)
        stages["represent"].append(t2 - t1)
        stages["select"].append(t3 - t2)
        sizes.append((len(cluster.articles), len(prepared.sentences)))
    return stages, sizes


def _cli_seconds(data: str) -> float:
    """Wall time of the command line on the first cluster, in a fresh process."""
    with tempfile.TemporaryDirectory() as tmp:
        record = json.loads(Path(data).open(encoding="utf-8").readline())
        one = Path(tmp) / "one.jsonl"
        one.write_text(json.dumps(record), encoding="utf-8")
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "storysum.cli", "summarize", str(one)], check=True,
                       capture_output=True)
        return time.perf_counter() - t0


if __name__ == "__main__":
    main()
