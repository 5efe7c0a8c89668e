"""Grid search of a method's parameters on evaluation data (how the defaults were chosen).

    python benchmarks/tune.py ../shared/data/duc2006.jsonl --method coverage \
        --grid cost_exponent=0.5,0.7,1.0 lead_bonus=0,0.5,1 --words 100 --limit 25

Clusters are prepared once (clean, segment, represent); only selection runs per setting.
Prints one line per setting, best ROUGE-2 recall last.
"""

from __future__ import annotations

import argparse
import itertools
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storysum.attribute import supporting_articles  # noqa: E402
from storysum.candidates import quality_prior, select_candidates  # noqa: E402
from storysum.evaluate import load_clusters  # noqa: E402
from storysum.methods import METHODS  # noqa: E402
from storysum.model import Budget  # noqa: E402
from storysum.order import order_sentences  # noqa: E402
from storysum.pipeline import prepare  # noqa: E402
from storysum.represent import build_features  # noqa: E402
from storysum.rouge import score, truncate_words  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data", nargs="+")
    parser.add_argument("--method", default="coverage")
    parser.add_argument("--grid", nargs="*", default=[], help="name=v1,v2 …")
    parser.add_argument("--words", type=int, default=100)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--use-query", action="store_true")
    args = parser.parse_args()
    prepared = []
    for path in args.data:
        for cluster in load_clusters(path, args.limit):
            if not args.use_query:
                cluster.query = None
            cluster = prepare(cluster)
            mask, _rejected = select_candidates(cluster)
            prepared.append((cluster, build_features(cluster, mask, quality_prior(cluster))))
    names = [g.split("=")[0] for g in args.grid]
    values = [[float(v) for v in g.split("=")[1].split(",")] for g in args.grid]
    results = []
    budget = Budget(words=args.words, overflow=True)
    for setting in itertools.product(*values) if values else [()]:
        method = METHODS[args.method](**dict(zip(names, setting)))
        r1 = r2 = 0.0
        for cluster, features in prepared:
            chosen = method.select(cluster, features, budget)
            sources = {i: supporting_articles(cluster, features, i) for i in chosen}
            text = " ".join(cluster.sentences[i].text for i in order_sentences(cluster, chosen, sources))
            result = score(truncate_words(text, args.words), cluster.references, cluster.lang)
            r1 += result["rouge1"]["r"]
            r2 += result["rouge2"]["r"]
        n = len(prepared)
        results.append((r2 / n, r1 / n, dict(zip(names, setting))))
        print(f"R1 {100 * r1 / n:6.2f}  R2 {100 * r2 / n:6.2f}  {dict(zip(names, setting))}", flush=True)
    best = max(results, key=lambda r: r[0])
    print(f"best: R2 {100 * best[0]:.2f} R1 {100 * best[1]:.2f} {best[2]}")


if __name__ == "__main__":
    main()
