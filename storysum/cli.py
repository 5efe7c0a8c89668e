"""Command line: `storysum summarize`, `storysum story` and `storysum evaluate`.

Exit codes: 0 success, 1 nothing could be summarised, 2 usage error, 3 partial success (a
summary was written but some inputs were skipped; each is named on stderr).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from storysum.decode import InputError

EXIT_OK, EXIT_FAILURE, EXIT_USAGE, EXIT_PARTIAL = 0, 1, 2, 3


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.run(args)
    except InputError as err:
        print(f"storysum: error: {err}", file=sys.stderr)
        return EXIT_FAILURE
    except ValueError as err:  # unknown method or format, bad option values
        print(f"storysum: error: {err}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("storysum: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return EXIT_OK
    except Exception as err:  # a bug, not bad input: one line, and the traceback on request
        if os.environ.get("STORYSUM_DEBUG"):
            raise
        print(f"storysum: internal error: {type(err).__name__}: {err} "
              "(set STORYSUM_DEBUG=1 for the traceback, and please report it)", file=sys.stderr)
        return EXIT_FAILURE


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="storysum", description="Source-attributed summaries of news clusters.")
    sub = parser.add_subparsers(metavar="COMMAND")

    _add_summarize(sub)
    _add_story(sub)
    _add_evaluate(sub)
    return parser


def _add_summarize(sub) -> None:
    from storysum.methods import DEFAULT_METHOD, METHODS

    s = sub.add_parser("summarize", help="summarise articles about one event",
                       description="Summarise ARTICLES (files, folders or - for stdin). A JSONL "
                                   "cluster file gives one summary per line, written as JSONL.")
    s.add_argument("articles", nargs="+", metavar="ARTICLES")
    length = s.add_mutually_exclusive_group()
    length.add_argument("--words", type=_positive, default=None, help="word budget (default 120)")
    length.add_argument("--sentences", type=_positive, default=None, help="sentence budget")
    s.add_argument("--lang", default="auto", help="language of all articles (ISO 639-1), default: detect per article")
    s.add_argument("--lang-out", default=None, metavar="LANG",
                   help="language the summary should be in (default: the cluster's majority language); "
                        "sentences from articles in other languages are demoted and marked")
    s.add_argument("--embeddings", action="store_true",
                   help="also match content across languages with multilingual sentence embeddings "
                        "(extra: pip install 'storysum[embeddings]')")
    s.add_argument("--method", default=DEFAULT_METHOD, choices=[m for m in METHODS if m != "oracle"])
    s.add_argument("--query", default=None, help="focus the summary on this topic")
    s.add_argument("--format", default=None, choices=["text", "markdown", "json"],
                   help="default: text, or JSONL when the input holds several clusters")
    s.add_argument("-o", "--output", default=None, help="write here instead of stdout")
    s.set_defaults(run=_run_summarize)


def _add_story(sub) -> None:
    t = sub.add_parser("story", help="the story view: event line, summary, quotes, numbers, conflicts, …",
                       description="One screen about one story: event line, attributed summary, consensus "
                                   "and single-source claims, quotes, numbers and dates, conflicts between "
                                   "outlets, timeline and entities.")
    t.add_argument("articles", nargs="+", metavar="ARTICLES")
    t.add_argument("--words", type=_positive, default=120, help="word budget of the summary (default 120)")
    t.add_argument("--lang", default="auto", help="language of all articles (ISO 639-1), default: detect")
    t.add_argument("--format", default="markdown", choices=["markdown", "json", "html"])
    t.add_argument("--gold", default=None, metavar="GOLD.json",
                   help="also score every panel against a gold file (examples/GOLD.md) on stderr")
    t.add_argument("-o", "--output", default=None, help="write here instead of stdout")
    t.set_defaults(run=_run_story)


def _add_evaluate(sub) -> None:
    from storysum.methods import DEFAULT_METHOD, METHODS

    e = sub.add_parser("evaluate", help="ROUGE of a method on clusters with reference summaries")
    e.add_argument("data", nargs="+", metavar="DATA.jsonl")
    e.add_argument("--method", default=DEFAULT_METHOD, help=f"one of {', '.join(METHODS)}, or all")
    e.add_argument("--words", type=_positive, default=100)
    e.add_argument("--use-query", action="store_true", help="pass each cluster's query to the method")
    e.add_argument("--embeddings", action="store_true", help="use multilingual sentence embeddings")
    e.add_argument("--format", default="table", choices=["table", "json", "markdown"])
    e.add_argument("--limit", type=_positive, default=None, help="only the first N clusters of each file")
    e.add_argument("-o", "--output", default=None)
    e.set_defaults(run=_run_evaluate)


def _positive(value: str) -> int:
    number = int(value)
    if number <= 0:
        raise argparse.ArgumentTypeError("must be a positive integer")
    return number


def _run_summarize(args) -> int:
    from storysum.ingest import read_inputs
    from storysum.model import Budget
    from storysum.pipeline import summarize_cluster
    from storysum.progress import progress
    from storysum.render import render

    clusters, skipped = read_inputs(args.articles)
    for item in skipped:
        print(f"storysum: skipped {item.path}: {item.reason}", file=sys.stderr)
    if not clusters:
        raise InputError("no readable article in " + ", ".join(args.articles))
    budget = Budget(words=args.words if args.words or args.sentences else 120, sentences=args.sentences)
    several = len(clusters) > 1 or any(a.lower().endswith((".jsonl", ".ndjson")) for a in args.articles)
    json_lines = several and args.format in (None, "json")  # one JSON object per cluster and line
    outputs: list[str] = []
    failed = 0
    for index, cluster in enumerate(progress(clusters, "clusters")):
        if index == 0:
            cluster.skipped = skipped + cluster.skipped
        if args.query:
            cluster.query = args.query
        try:
            summary = summarize_cluster(cluster, budget, args.method, args.lang, args.lang_out,
                                        args.embeddings)
        except InputError as err:
            print(f"storysum: error: {err}", file=sys.stderr)
            failed += 1
            continue
        for warning in summary.warnings:
            print(f"storysum: warning: {cluster.id}: {warning}", file=sys.stderr)
        if json_lines:
            outputs.append(json.dumps(summary.to_dict(), ensure_ascii=False) + "\n")
        else:
            outputs.append(render(summary, args.format or "text"))
    _write(("" if json_lines else "\n").join(outputs), args.output)
    if not outputs:
        return EXIT_FAILURE
    return EXIT_PARTIAL if skipped or failed else EXIT_OK


def _run_story(args) -> int:
    from storysum.ingest import read_inputs
    from storysum.story import build_story
    from storysum.story.markdown import render_story
    from storysum.story.score import load_gold

    clusters, skipped = read_inputs(args.articles)
    for item in skipped:
        print(f"storysum: skipped {item.path}: {item.reason}", file=sys.stderr)
    if not clusters:
        raise InputError("no readable article in " + ", ".join(args.articles))
    if len(clusters) > 1:
        raise ValueError(f"the story view takes one cluster; the input holds {len(clusters)}")
    cluster = clusters[0]
    cluster.skipped = skipped + cluster.skipped
    gold = load_gold(args.gold) if args.gold else None  # a bad gold file fails before the work
    result = build_story(cluster, words=args.words, lang=args.lang)
    for warning in result.summary.warnings:
        print(f"storysum: warning: {cluster.id}: {warning}", file=sys.stderr)
    _write(render_story(result, args.format), args.output)
    if gold is not None:
        _print_scores(result, gold)
    return EXIT_PARTIAL if skipped else EXIT_OK


def _print_scores(result, gold: dict) -> None:
    from storysum.story.score import PanelScore, score_story

    for panel, score in score_story(result, gold).items():
        if isinstance(score, PanelScore):
            print(f"{panel:14} precision {score.precision:.2f} recall {score.recall:.2f} "
                  f"({score.predicted} found, {score.gold} gold)", file=sys.stderr)
        else:
            print(f"{panel:14} {score}", file=sys.stderr)


def _run_evaluate(args) -> int:
    from storysum.evaluate import evaluate_files, render_report

    report = evaluate_files(args.data, method=args.method, words=args.words,
                            use_query=args.use_query, limit=args.limit, embeddings=args.embeddings)
    _write(render_report(report, args.format), args.output)
    return EXIT_OK


def _write(text: str, output: str | None) -> None:
    if output:
        try:
            Path(output).write_text(text, encoding="utf-8")
        except OSError as err:
            raise InputError(f"cannot write {output}: {err.strerror or err}") from err
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
