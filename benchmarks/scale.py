"""How storysum grows with cluster size: 5, 25, 100, 500 and 2,000 articles, for any methods.

    python benchmarks/scale.py [--sizes 5,25,100,500,2000] [--methods coverage,lexrank,mmr,submodular]

Articles are DUC 2006 documents (1,250 of them; larger clusters reuse them under new ids, which
also exercises duplicate handling). Each method and size runs in a fresh process; the table
shows wall time of the whole pipeline (prepare, represent, select, attribute, order; imports
excluded), the selection alone, peak resident memory of that process, sentences, and the time
per sentence, so growth can be read off. Pairwise methods see at most
`storysum.methods.base.PREFILTER_LIMIT` sentences (the candidate pre-filter).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "duc2006.jsonl"

CHILD = r"""
import json, resource, sys, time
from storysum import Article, Budget, Cluster
from storysum.attribute import supporting_articles
from storysum.candidates import quality_prior, select_candidates
from storysum.methods import get_method
from storysum.order import order_sentences
from storysum.pipeline import prepare
from storysum.represent import build_features
size, method, path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
docs = [d for line in open(path, encoding="utf-8") for d in json.loads(line)["documents"]]
articles = [Article(id=f"a{i}", text=docs[i % len(docs)]["text"], lang="en") for i in range(size)]
start = time.perf_counter()
cluster = prepare(Cluster(id=f"n{size}", articles=articles))
mask, _rejected = select_candidates(cluster)
features = build_features(cluster, mask, quality_prior(cluster))
selecting = time.perf_counter()
chosen = get_method(method).select(cluster, features, Budget(words=100))
select_seconds = time.perf_counter() - selecting
order_sentences(cluster, chosen, {i: supporting_articles(cluster, features, i) for i in chosen})
seconds = time.perf_counter() - start
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "select": select_seconds, "peak_mb": peak_kb / 1024,
                  "sentences": len(cluster.sentences), "words": int(features.words[chosen].sum())}))
"""


def run_one(size: int, method: str, data: str) -> dict:
    """One size and method in a fresh process (single-threaded BLAS: stable timings)."""
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    result = subprocess.run([sys.executable, "-c", CHILD, str(size), method, data],
                            capture_output=True, text=True, env=env, check=True, cwd=ROOT)
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5,25,100,500,2000")
    parser.add_argument("--methods", "--method", default="coverage", help="comma-separated")
    parser.add_argument("--data", default=str(DATA))
    args = parser.parse_args()
    print(f"100 words, {os.cpu_count()} cores, articles from {args.data}\n")
    print("| method | articles | sentences | seconds | select seconds | ms per 1,000 sentences "
          "| peak memory MB | summary words |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for method in args.methods.split(","):
        for size in (int(s) for s in args.sizes.split(",")):
            row = run_one(size, method, args.data)
            print(f"| {method} | {size} | {row['sentences']} | {row['seconds']:.2f} | {row['select']:.2f} | "
                  f"{1e6 * row['seconds'] / max(1, row['sentences']):.0f} | {row['peak_mb']:.0f} | "
                  f"{row['words']} |", flush=True)


if __name__ == "__main__":
    main()
