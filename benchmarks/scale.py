"""How storysum grows with cluster size: 5, 25, 100, 500 and 2,000 articles.

    python benchmarks/scale.py [--sizes 5,25,100,500,2000] [--method coverage]

Articles are DUC 2006 documents (1,250 of them; larger clusters reuse them under new ids, which
also exercises duplicate handling). Each size runs in a fresh process; the table shows wall time
of `summarize_cluster` (imports excluded), peak resident memory of that process, sentences, and
the time per sentence, so growth can be read off.
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
from storysum import Article, Budget, Cluster, summarize_cluster
from storysum.pipeline import prepare
size, method, path = int(sys.argv[1]), sys.argv[2], sys.argv[3]
docs = [d for line in open(path, encoding="utf-8") for d in json.loads(line)["documents"]]
articles = [Article(id=f"a{i}", text=docs[i % len(docs)]["text"], lang="en") for i in range(size)]
start = time.perf_counter()
prepared = prepare(Cluster(id=f"n{size}", articles=articles))
summarize_cluster(prepared, Budget(words=100), method)
seconds = time.perf_counter() - start
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": seconds, "peak_mb": peak_kb / 1024, "sentences": len(prepared.sentences)}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5,25,100,500,2000")
    parser.add_argument("--method", default="coverage")
    parser.add_argument("--data", default=str(DATA))
    args = parser.parse_args()
    env = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1"}
    print(f"method {args.method}, 100 words, {os.cpu_count()} cores, articles from {args.data}\n")
    print("| articles | sentences | seconds | ms per 1,000 sentences | peak memory MB |")
    print("|---:|---:|---:|---:|---:|")
    for size in (int(s) for s in args.sizes.split(",")):
        result = subprocess.run([sys.executable, "-c", CHILD, str(size), args.method, args.data],
                                capture_output=True, text=True, env=env, check=True)
        row = json.loads(result.stdout.strip().splitlines()[-1])
        print(f"| {size} | {row['sentences']} | {row['seconds']:.2f} | "
              f"{1e6 * row['seconds'] / max(1, row['sentences']):.0f} | {row['peak_mb']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
