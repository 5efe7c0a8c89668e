"""The DUC 2005/2006 official baseline in storysum's scorer, to calibrate it against ROUGE-1.5.5.

    python benchmarks/official_lead.py [../shared/data/duc2006.jsonl] [--words 250]

The official DUC 2006 baseline is the first 250 words of the most recent document of each
cluster; its official ROUGE-2 recall is 0.049. Scoring the same baseline with storysum's scorer
(`storysum.rouge.score`) tells how much more or less generous our scorer is, so storysum's own
score can be put on the official scale (published best 2006 system: 0.095).
"""

from __future__ import annotations

import argparse
import json
import statistics
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OFFICIAL_LEAD_R2 = 4.9  # percent, DUC 2006 baseline 1 (ROUGE-1.5.5, official settings)


def main() -> None:
    from storysum.rouge import score, truncate_words

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data" / "duc2006.jsonl"))
    parser.add_argument("--words", type=int, default=250)
    args = parser.parse_args()
    r1, r2 = [], []
    for line in Path(args.data).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        cluster = json.loads(line)
        newest = max(cluster["documents"], key=lambda d: (d.get("date") or "", d["id"]))
        scores = score(truncate_words(newest["text"], args.words), cluster["summaries"],
                       cluster.get("lang", "en")).values
        r1.append(scores["rouge1"]["r"])
        r2.append(scores["rouge2"]["r"])
    ours = 100 * statistics.mean(r2)
    print(f"official-style lead (newest document, first {args.words} words), {len(r2)} clusters: "
          f"R1-R {100 * statistics.mean(r1):.2f}, R2-R {ours:.2f}")
    print(f"our scorer / official for this baseline: {ours / OFFICIAL_LEAD_R2:.3f}")


if __name__ == "__main__":
    main()
