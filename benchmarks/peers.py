"""Peer summarizers side by side with storysum: same clusters, budget, sentences and scorer.

    python benchmarks/peers.py ../shared/data/duc2004.jsonl --words 100
    python benchmarks/peers.py ../shared/data/duc2006.jsonl --words 250 --limit 10 --use-query
    python benchmarks/peers.py ../shared/data/*.jsonl --limit 3 --systems coverage,sumy.kl,summa

Every cluster is prepared once with `storysum.pipeline.prepare` (clean, detect languages,
segment). Peers rank those pre-split sentences (nobody gets a different splitter) and one
shared filler takes each ranking in order until `--words` is reached (the last sentence may
overflow); storysum's methods run through `summarize_cluster` with an overflowing budget as
`storysum evaluate` does. Every output is cut at exactly `--words` words and scored with
`storysum.rouge.score` (Unicode tokens, Snowball stemmer of the cluster language, mean over
references). Peers get the cluster language's Snowball stemmer (PyStemmer) and stopwords
(stopwordsiso) where their API takes them.

Systems (`--systems`, comma-separated; also the groups `storysum`, `sumy`, `peers`, `all`):
  storysum.<method>   every method in storysum.methods.METHODS (bare names work too)
  random              sentences in seeded random order (seed `--seed` and the cluster id)
  sumy.lexrank, sumy.textrank, sumy.lsa, sumy.luhn, sumy.kl, sumy.sumbasic
  lexrank             the `lexrank` package (IDF over the cluster's articles, its own stopwords)
  summa               summa.summarizer (TextRank); its own splitter runs on our sentences
                      joined by newlines and its fragments are mapped back to our sentences

ms/cluster is the time of the system alone: for peers their ranking (document building
included); for storysum rows the `summarize_cluster` time minus that cluster's `prepare` time,
which `summarize_cluster` repeats internally. The shared prepare time is reported once.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS",
             "VECLIB_MAXIMUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"  # before numpy is imported anywhere: stable, comparable timings

import argparse  # noqa: E402
import bisect  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import random  # noqa: E402
import shlex  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import dataclass, field, replace  # noqa: E402
from functools import lru_cache  # noqa: E402
from pathlib import Path  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from storysum.evaluate import load_clusters  # noqa: E402
from storysum.language import WORD, resources_for  # noqa: E402
from storysum.methods import METHODS  # noqa: E402
from storysum.model import Budget, Cluster  # noqa: E402
from storysum.pipeline import prepare, summarize_cluster  # noqa: E402
from storysum.rouge import score, truncate_words  # noqa: E402

COLUMNS = ("R1-R", "R2-R", "R2-F", "RL-F")
SCORER = ("storysum.rouge.score (rouge-score-rs; Unicode word tokens + Snowball stemmer of the "
          "cluster language; mean over references, then over clusters)")


# --------------------------------------------------------------------------- language resources

class _NoStem:
    def stemWord(self, word: str) -> str:  # noqa: N802 - PyStemmer's spelling
        return word


@lru_cache(maxsize=None)
def stemmer_for(lang: str):
    """PyStemmer Snowball stemmer for an ISO code; identity when Snowball has none (he, …)."""
    name = resources_for(lang).stemmer_name
    if name is None:
        return _NoStem()
    import Stemmer

    return Stemmer.Stemmer(name)


def stopwords_for(lang: str) -> frozenset[str]:
    """stopwordsiso's list for the language (casefolded), empty when it has none."""
    return resources_for(lang).stopwords


# --------------------------------------------------------------------------- shared filling

def fill(ranked: list[int], cluster: Cluster, words: int) -> list[int]:
    """Take ranked sentence indices in order until `words` words; the last may overflow."""
    chosen: list[int] = []
    seen: set[int] = set()
    total = 0
    for i in ranked:
        if total >= words:
            break
        if i in seen:
            continue
        seen.add(i)
        chosen.append(i)
        total += cluster.sentences[i].words
    return chosen


def render(chosen: list[int], cluster: Cluster, order: str) -> str:
    if order == "document":
        chosen = sorted(chosen)
    return " ".join(cluster.sentences[i].text for i in chosen)


# --------------------------------------------------------------------------- peers

class Peer:
    """A ranking of `cluster.sentences` (a prepared cluster); `words` lets greedy peers stop
    once the budget is certainly filled (the prefix they return is unchanged)."""

    name = ""

    def rank(self, cluster: Cluster, words: int) -> list[int]:
        raise NotImplementedError


class RandomPeer(Peer):
    name = "random"

    def __init__(self, seed: int = 0):
        self.seed = seed

    def rank(self, cluster: Cluster, words: int) -> list[int]:
        order = list(range(len(cluster.sentences)))
        random.Random(f"{self.seed}:{cluster.id}").shuffle(order)
        return order


# ---- sumy

class _RegexWords:
    """sumy tokenizer without NLTK data: Unicode word tokens (storysum.language.WORD)."""

    @staticmethod
    def to_words(text: str) -> tuple[str, ...]:
        return tuple(WORD.findall(text))

    @staticmethod
    def to_sentences(text: str):  # never called: sentences come pre-split
        raise NotImplementedError("sentences are pre-split by storysum.pipeline.prepare")


def _ranked_mixin():
    from sumy.summarizers._summarizer import AbstractSummarizer

    class Ranked(AbstractSummarizer):
        """Return every rated sentence best first instead of the top-k in document order."""

        @staticmethod
        def _get_best_sentences(sentences, count, rating, *args, **kwargs):
            if isinstance(rating, dict):
                scores = [rating.get(s) for s in sentences]  # None: not rated (greedy stopped)
            else:
                scores = [rating(s, *args, **kwargs) for s in sentences]  # in order (LSA's iterator)
            keyed = [(-_finite(v), i) for i, v in enumerate(scores) if v is not None]
            return tuple(sentences[i] for _, i in sorted(keyed))

    return Ranked


def _finite(value) -> float:
    value = float(value)
    return value if math.isfinite(value) else -1e300


def _greedy_until(words_of: dict[int, int], budget: int):
    """A stop test for sumy's greedy loops: true once the chosen sentences fill the budget."""
    state = {"words": 0}

    def add(sentence) -> bool:
        state["words"] += words_of.get(id(sentence), len(str(sentence).split()))
        return state["words"] >= budget

    return add


@lru_cache(maxsize=None)
def _sumy_classes() -> dict[str, type]:
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer

    Ranked = _ranked_mixin()
    return {
        "lexrank": type("LexRank", (Ranked, LexRankSummarizer), {}),
        "textrank": type("TextRank", (Ranked, TextRankSummarizer), {}),
        "lsa": type("Lsa", (Ranked, LsaSummarizer), {}),
        "luhn": type("Luhn", (Ranked, LuhnSummarizer), {}),
        "kl": _sumy_kl(Ranked),
        "sumbasic": _sumy_sumbasic(Ranked),
    }


def _sumy_kl(Ranked: type) -> type:
    from sumy.summarizers.kl import KLSummarizer

    class KL(Ranked, KLSummarizer):
        """sumy's KLSummarizer._compute_ratings verbatim, plus a stop once the budget is full
        (the full loop is O(n²·|summary|) and would take hours on a DUC 2006 cluster)."""

        stop: Callable | None = None

        def _compute_ratings(self, sentences):
            word_freq = self.compute_tf(sentences)
            ratings = {}
            summary = []
            sentences_list = list(sentences)
            sentences_as_words = [self._get_content_words_in_sentence(s) for s in sentences]
            while len(sentences_list) > 0:
                kls = []
                summary_as_word_list = self._get_all_words_in_doc(summary)
                for s in sentences_as_words:
                    joint_freq = self._joint_freq(s, summary_as_word_list)
                    kls.append(self._kl_divergence(joint_freq, word_freq))
                index_to_remove = self._find_index_of_best_sentence(kls)
                best_sentence = sentences_list.pop(index_to_remove)
                del sentences_as_words[index_to_remove]
                summary.append(best_sentence)
                ratings[best_sentence] = -1 * len(ratings)
                if self.stop is not None and self.stop(best_sentence):
                    break
            return ratings

    return KL


def _sumy_sumbasic(Ranked: type) -> type:
    from sumy.summarizers.sum_basic import SumBasicSummarizer

    class SumBasic(Ranked, SumBasicSummarizer):
        """sumy's SumBasicSummarizer._compute_ratings verbatim, plus the same budget stop."""

        stop: Callable | None = None

        def _compute_ratings(self, sentences):
            word_freq = self._compute_tf(sentences)
            ratings = {}
            sentences_list = list(sentences)
            sentences_as_words = [self._get_content_words_in_sentence(s) for s in sentences]
            while len(sentences_list) > 0:
                best_sentence_index = self._find_index_of_best_sentence(word_freq, sentences_as_words)
                best_sentence = sentences_list.pop(best_sentence_index)
                ratings[best_sentence] = -len(ratings)
                best_sentence_words = sentences_as_words.pop(best_sentence_index)
                self._update_tf(word_freq, best_sentence_words)
                if self.stop is not None and self.stop(best_sentence):
                    break
            return ratings

    return SumBasic


class SumyPeer(Peer):
    def __init__(self, algorithm: str):
        self.algorithm = algorithm
        self.name = f"sumy.{algorithm}"

    def rank(self, cluster: Cluster, words: int) -> list[int]:
        from sumy.models.dom import ObjectDocumentModel, Paragraph
        from sumy.models.dom import Sentence as SumySentence

        tokenizer = _RegexWords()
        paragraphs, current, key = [], [], None
        index_of: dict[int, int] = {}
        words_of: dict[int, int] = {}
        for s in cluster.sentences:
            sentence = SumySentence(s.text, tokenizer)
            index_of[id(sentence)] = s.index
            words_of[id(sentence)] = s.words
            if (s.article, s.paragraph) != key and current:
                paragraphs.append(Paragraph(current))
                current = []
            key = (s.article, s.paragraph)
            current.append(sentence)
        if current:
            paragraphs.append(Paragraph(current))
        document = ObjectDocumentModel(paragraphs)

        stemmer = stemmer_for(cluster.lang)
        summarizer = _sumy_classes()[self.algorithm](lambda w: stemmer.stemWord(w))
        summarizer.stop_words = stopwords_for(cluster.lang)
        if self.algorithm in ("kl", "sumbasic"):
            summarizer.stop = _greedy_until(words_of, words)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # LSA: "Number of words … lower than sentences"
            ranked = summarizer(document, len(cluster.sentences))
        return [index_of[id(s)] for s in ranked]


# ---- lexrank package

class LexRankPackagePeer(Peer):
    name = "lexrank"
    threshold = 0.03  # the package's default for rank_sentences / get_summary

    def rank(self, cluster: Cluster, words: int) -> list[int]:
        from lexrank import STOPWORDS, LexRank

        stopwords = STOPWORDS.get(cluster.lang) or stopwords_for(cluster.lang)
        documents = [[s.text for s in cluster.sentences if s.article == a]
                     for a in range(len(cluster.articles))]
        texts = [s.text for s in cluster.sentences]
        lxr = LexRank([d for d in documents if d], stopwords=stopwords)
        scores = lxr.rank_sentences(texts, threshold=self.threshold)
        return sorted(range(len(texts)), key=lambda i: (-_finite(scores[i]), i))


# ---- summa

class _PyStemAdapter:
    def __init__(self, stemmer):
        self._stemmer = stemmer

    def stem(self, word: str) -> str:
        return self._stemmer.stemWord(word)


class SummaPeer(Peer):
    name = "summa"

    def rank(self, cluster: Cluster, words: int) -> list[int]:
        import summa.preprocessing.textcleaner as textcleaner
        from summa.preprocessing.snowball import SnowballStemmer
        from summa.summarizer import summarize

        lines = [" ".join(s.text.split()) for s in cluster.sentences]
        text = "\n".join(lines)
        starts, offset = [], 0
        for line in lines:
            starts.append(offset)
            offset += len(line) + 1

        language = resources_for(cluster.lang).stemmer_name or cluster.lang
        stopwords = sorted(stopwords_for(cluster.lang))
        original = textcleaner.set_stemmer_language
        if language not in SnowballStemmer.languages:
            # summa's own Snowball port lacks e.g. Czech, Greek, Hindi; give it PyStemmer's.
            adapter = _PyStemAdapter(stemmer_for(cluster.lang))

            def set_stemmer_language(_language):
                textcleaner.STEMMER = adapter

            textcleaner.set_stemmer_language = set_stemmer_language
        try:
            fragments = summarize(text, ratio=1.0, language=language, scores=True,
                                  additional_stopwords=stopwords)
        finally:
            textcleaner.set_stemmer_language = original

        best: dict[int, float] = {}
        cursor = 0
        for fragment, value in fragments:  # in text order
            position = text.find(fragment, cursor)
            if position < 0:
                continue
            cursor = position + len(fragment)
            line = bisect.bisect_right(starts, position) - 1
            best[line] = max(best.get(line, -math.inf), _finite(value))
        return sorted(best, key=lambda i: (-best[i], i))


# --------------------------------------------------------------------------- systems

def storysum_names() -> list[str]:
    return [f"storysum.{name}" for name in METHODS]


PEER_NAMES = ["random", *(f"sumy.{a}" for a in ("lexrank", "textrank", "lsa", "luhn", "kl", "sumbasic")),
              "lexrank", "summa"]


def make_peer(name: str, seed: int) -> Peer:
    if name == "random":
        return RandomPeer(seed)
    if name.startswith("sumy."):
        return SumyPeer(name.split(".", 1)[1])
    if name == "lexrank":
        return LexRankPackagePeer()
    if name == "summa":
        return SummaPeer()
    raise ValueError(name)


def parse_systems(spec: str | None) -> list[str]:
    groups = {
        "storysum": storysum_names(),
        "sumy": [n for n in PEER_NAMES if n.startswith("sumy.")],
        "peers": PEER_NAMES,
        "all": storysum_names() + PEER_NAMES,
    }
    if not spec:
        return groups["all"]
    known = storysum_names() + PEER_NAMES
    systems: list[str] = []
    for item in (s.strip() for s in spec.split(",")):
        if not item:
            continue
        if item in groups:
            names = groups[item]
        elif item in known:
            names = [item]
        elif f"storysum.{item}" in known:  # bare method names ("lexrank" is the package)
            names = [f"storysum.{item}"]
        else:
            raise SystemExit(f"unknown system {item!r}; choose from: {', '.join(known)} "
                             f"or the groups {', '.join(groups)}")
        systems += [n for n in names if n not in systems]
    return systems


# --------------------------------------------------------------------------- running

@dataclass
class Row:
    dataset: str
    system: str
    clusters: int = 0
    failures: int = 0
    scores: dict[str, float] = field(default_factory=lambda: dict.fromkeys(COLUMNS, 0.0))
    ms_per_cluster: float = 0.0
    errors: list[str] = field(default_factory=list)


@dataclass
class Item:
    raw: Cluster  # as loaded (query removed unless --use-query): input of summarize_cluster
    prepared: Cluster
    prepare_seconds: float


def _add(row: Row, result) -> None:
    row.clusters += 1
    for column in COLUMNS:
        metric = {"R1": "rouge1", "R2": "rouge2", "RL": "rougeL"}[column[:2]]
        row.scores[column] += result[metric][column[-1].lower()]


def run_system(system: str, items: list[Item], dataset: str, args) -> Row:
    row = Row(dataset=dataset, system=system)
    budget = Budget(words=args.words, overflow=True)
    peer = None if system.startswith("storysum.") else make_peer(system, args.seed)
    elapsed = 0.0
    for item in items:
        if not item.prepared.references:
            continue
        try:
            if peer is None:
                start = time.perf_counter()
                summary = summarize_cluster(item.raw, budget, system.split(".", 1)[1])
                elapsed_here = time.perf_counter() - start - item.prepare_seconds
                text, lang = summary.text, summary.lang
            else:
                start = time.perf_counter()
                ranked = peer.rank(item.prepared, args.words)
                chosen = fill(ranked, item.prepared, args.words)
                elapsed_here = time.perf_counter() - start
                text, lang = render(chosen, item.prepared, args.order), item.prepared.lang
        except Exception as err:  # a peer failing on one cluster must not end the benchmark
            row.failures += 1
            row.errors.append(f"{item.prepared.id}: {type(err).__name__}: {err}")
            print(f"  {dataset} {system} {item.prepared.id}: FAILED {type(err).__name__}: {err}",
                  file=sys.stderr)
            continue
        elapsed += max(0.0, elapsed_here)
        _add(row, score(truncate_words(text, args.words), item.prepared.references, lang))
    if row.clusters:
        row.scores = {k: v / row.clusters for k, v in row.scores.items()}
        row.ms_per_cluster = 1000 * elapsed / row.clusters
    return row


def warm_up(systems: list[str], item: Item, args) -> None:
    """Imports, lazy models and caches load outside the timed runs (on a small slice)."""
    small = replace(item.prepared, sentences=item.prepared.sentences[:40])
    for system in systems:
        try:
            if system.startswith("storysum."):
                summarize_cluster(item.raw, Budget(words=args.words, overflow=True), system.split(".", 1)[1])
            else:
                make_peer(system, args.seed).rank(small, args.words)
        except Exception:  # reported by the timed run
            pass


def _arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("data", nargs="+", help="JSONL cluster files (../shared/data/*.jsonl)")
    parser.add_argument("--words", type=int, default=100, help="word budget (default 100)")
    parser.add_argument("--limit", type=int, default=None, help="first N clusters of each file")
    parser.add_argument("--systems", default=None,
                        help="comma-separated systems or groups (storysum, sumy, peers, all); default all")
    parser.add_argument("--use-query", action="store_true",
                        help="keep DUC 2006 topic statements (only storysum methods use them)")
    parser.add_argument("--order", choices=("rank", "document"), default="rank",
                        help="order of a peer's chosen sentences before the cut (default rank)")
    parser.add_argument("--seed", type=int, default=0, help="seed of the random baseline")
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown")
    return parser.parse_args(argv)


def _warm_prepare(path: str) -> bool:
    for cluster in load_clusters(path, 1):
        try:
            prepare(cluster)
        except Exception:
            pass
    return True


def _prepared_items(path: str, dataset: str, args, skipped: dict[str, list[str]]) -> tuple[list[Item], float]:
    """Every cluster of one file, prepared once and timed; failures go to `skipped`."""
    items: list[Item] = []
    total = 0.0
    for cluster in load_clusters(path, args.limit):
        if not args.use_query:
            cluster = replace(cluster, query=None)
        start = time.perf_counter()
        try:
            prepared = prepare(cluster)
        except Exception as err:
            skipped.setdefault(dataset, []).append(f"{cluster.id}: {err}")
            continue
        seconds = time.perf_counter() - start
        total += seconds
        items.append(Item(cluster, prepared, seconds))
    return items, total


def main(argv: list[str] | None = None) -> int:
    args = _arguments(argv)
    systems = parse_systems(args.systems)

    rows: list[Row] = []
    prepare_ms: dict[str, float] = {}
    skipped: dict[str, list[str]] = {}
    warmed = prepare_warm = False
    for path in args.data:
        if not Path(path).is_file():
            raise SystemExit(f"{path}: no such file")
        dataset = Path(path).stem
        if not prepare_warm:  # language models and caches load once, outside every timing
            prepare_warm = _warm_prepare(path)
        items, total = _prepared_items(path, dataset, args, skipped)
        prepare_ms[dataset] = 1000 * total / max(1, len(items))
        if items and not warmed:
            warm_up(systems, items[0], args)
            warmed = True
        for system in systems:
            print(f"{dataset}: {system} on {len(items)} clusters …", file=sys.stderr, flush=True)
            rows.append(run_system(system, items, dataset, args))

    command = "python " + " ".join(shlex.quote(a) for a in [sys.argv[0], *(argv or sys.argv[1:])])
    if args.json:
        print(json.dumps({
            "command": command, "words": args.words, "order": args.order, "use_query": args.use_query,
            "scorer": SCORER, "prepare_ms_per_cluster": prepare_ms, "skipped_clusters": skipped,
            "rows": [r.__dict__ for r in rows],
        }, indent=2, ensure_ascii=False))
    else:
        print(render_markdown(rows, command, args, prepare_ms, skipped))
    return 1 if any(r.failures for r in rows) or skipped else 0


def render_markdown(rows: list[Row], command: str, args, prepare_ms: dict[str, float],
                    skipped: dict[str, list[str]]) -> str:
    header = ["dataset", "system", "clusters", *COLUMNS, "ms/cluster"]
    lines = [
        f"`{command}` — budget {args.words} words (peers: ranked sentences until the budget, "
        f"last one may overflow, {args.order} order; everything cut at {args.words} words); "
        f"query {'used by storysum methods' if args.use_query else 'not used'}; scorer {SCORER}; "
        f"ROUGE in percent.",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "---|" * 2 + "---:|" * (len(header) - 2),
    ]
    for r in rows:
        cells = [r.dataset, r.system, str(r.clusters) + (f" ({r.failures} failed)" if r.failures else ""),
                 *(f"{100 * r.scores[c]:.2f}" for c in COLUMNS), f"{r.ms_per_cluster:.0f}"]
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    lines.append("Shared prepare (clean, detect, segment; not in ms/cluster): "
                 + ", ".join(f"{d} {ms:.0f} ms/cluster" for d, ms in prepare_ms.items()) + ".")
    for r in rows:
        for error in r.errors:
            lines.append(f"- failed: {r.dataset} {r.system} {error}")
    for dataset, reasons in skipped.items():
        for reason in reasons:
            lines.append(f"- skipped cluster: {dataset} {reason}")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main())
