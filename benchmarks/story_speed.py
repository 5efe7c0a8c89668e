"""Speed of the story view on 25-article clusters (DUC 2006) and on the bundled examples.

    python benchmarks/story_speed.py [--data ../shared/data/duc2006.jsonl] [--clusters 5]

Prints a Markdown table of wall time per cluster, panel by panel (ingest excluded, cleaning and
segmentation included), after one warm-up cluster that loads the lazy imports and models
(reported separately). Target: the whole story view of a 25-article cluster under 2 s.
"""

from __future__ import annotations

import os

for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(var, "1")

import argparse  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "duc2006.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(DEFAULT_DATA))
    parser.add_argument("--clusters", type=int, default=5)
    args = parser.parse_args()

    from storysum.evaluate import load_clusters
    from storysum.pipeline import load_cluster
    from storysum.story import build_story
    from storysum.story.markdown import render_story

    clusters = load_clusters(args.data, args.clusters + 1)
    start = time.perf_counter()
    build_story(clusters[0])
    warmup = time.perf_counter() - start

    rows: list[tuple[str, int, int, float, float]] = []
    for cluster in clusters[1:]:
        rows.append(_time_one(cluster, build_story, render_story))
    for example in sorted((ROOT / "examples").iterdir()):
        if example.is_dir() and example.name != "gold":
            cluster = load_cluster([example])
            cluster.id = example.name
            rows.append(_time_one(cluster, build_story, render_story))

    print(f"Data: {args.data} ({len(clusters) - 1} clusters) and examples/, {os.cpu_count()} cores\n")
    print(f"Warm-up (first cluster, lazy imports and model loads, once): {1000 * warmup:.0f} ms\n")
    print("| cluster | articles | sentences | story ms | + HTML ms |")
    print("|---|---|---|---|---|")
    for name, articles, sentences, seconds, html in rows:
        print(f"| {name} | {articles} | {sentences} | {1000 * seconds:.0f} | {1000 * html:.0f} |")
    big = [r[3] for r in rows if r[1] >= 20]
    if big:
        print(f"\n25-article clusters: median {1000 * statistics.median(big):.0f} ms, "
              f"max {1000 * max(big):.0f} ms (target < 2000 ms)")


def _time_one(cluster, build_story, render_story) -> tuple[str, int, int, float, float]:
    from storysum.pipeline import prepare

    start = time.perf_counter()
    prepared = prepare(cluster)
    result = build_story(prepared)
    middle = time.perf_counter()
    render_story(result, "html")
    end = time.perf_counter()
    sentences = len(prepared.sentences)
    return cluster.id, len(result.summary.articles), sentences, middle - start, end - middle


if __name__ == "__main__":
    main()
