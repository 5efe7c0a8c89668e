"""Assemble a Story from a prepared cluster: each panel is computed by its own module."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import numpy as np

from storysum.model import Article, Budget, Cluster, Summary
from storysum.pipeline import load_cluster, prepare, represent_cluster, summary_from_features
from storysum.story.claims import Evidence, consensus, gather_evidence, single_source
from storysum.story.conflicts import find_conflicts
from storysum.story.dates import extract_dates
from storysum.story.entities import extract_entities
from storysum.story.event import event_line
from storysum.represent import Features
from storysum.story.figures import extract_figures
from storysum.story.model import Story
from storysum.story.quotes import attribution_conflicts, extract_indirect, extract_quotes, find_quotes
from storysum.story.timeline import build_timeline


def story(inputs: Cluster | Iterable[Article | str | Path], words: int = 120, lang: str = "auto") -> Story:
    """The story view of one cluster given as a Cluster, Articles, or paths (the Python API)."""
    cluster = inputs if isinstance(inputs, Cluster) else load_cluster(inputs)
    return build_story(cluster, words=words, lang=lang)


def build_story(cluster: Cluster, words: int = 120, lang: str = "auto") -> Story:
    """Every panel of the story view, read from one prepared cluster."""
    if not cluster.sentences:
        cluster = prepare(cluster, lang)
    cluster, features = represent_cluster(cluster)
    summary = summary_from_features(cluster, features, Budget(words=words))
    figures = extract_figures(cluster)
    dates = extract_dates(cluster)
    quoted = find_quotes(cluster)
    conflicts = find_conflicts(cluster, figures, dates, attribution_conflicts(cluster, quoted))
    evidence = gather_evidence(cluster, figures, dates, conflicts)
    summary = _without_disputing_outlets(summary, evidence)
    result = Story(
        cluster_id=cluster.id,
        lang=cluster.lang,
        event=event_line(cluster, features),
        summary=summary,
        consensus=consensus(cluster, features, evidence),
        single_source=single_source(cluster, features, evidence),
        quotes=extract_quotes(cluster, quoted) + extract_indirect(cluster, quoted),
        figures=figures,
        dates=dates,
        conflicts=conflicts,
        timeline=build_timeline(cluster, features, dates),
        entities=extract_entities(cluster),
        sentences=[],
    )
    result.sentences = cited_sentences(cluster, features, result)
    return result


def _without_disputing_outlets(summary: Summary, evidence: Evidence) -> Summary:
    """A summary sentence's support never counts an outlet that gives another value for its
    disputed figure or date (the conflicts panel shows that outlet on the other side)."""
    sentences = []
    for sentence in summary.sentences:
        sources = [o for o in sentence.sources if evidence.carries(sentence.index, o, sentence.article)]
        sentences.append(replace(sentence, sources=sources, support=len(sources)))
    return replace(summary, sentences=sentences)


def cited_sentences(cluster: Cluster, features: Features, result: Story) -> list[dict]:
    """Every sentence a panel points to, so a reader can see each claim in its source. For a
    summary sentence, the passage of each other supporting article that carries it best is
    listed too, marked `supports`."""
    rows: set[int] = {s.index for s in result.summary.sentences}
    for item in [result.event, *result.consensus, *result.single_source, *result.quotes,
                 *result.figures, *result.dates, *result.timeline]:
        if item is not None:
            rows.update(item.sentences)
    for conflict in result.conflicts:
        for value in conflict.values:
            rows.update(value.sentences)
    supports = _supporting_passages(cluster, features, result)
    rows.update(supports)
    return [
        {"index": i, "text": cluster.sentences[i].text, "article": cluster.articles[cluster.sentences[i].article].id,
         "position": cluster.sentences[i].position, "supports": supports.get(i, [])}
        for i in sorted(rows)
    ]


def _supporting_passages(cluster: Cluster, features: Features, result: Story) -> dict[int, list[int]]:
    """passage index → summary sentence indices it supports (best match per supporting article)."""
    article_of = np.array([s.article for s in cluster.sentences])
    ids = {a.id: k for k, a in enumerate(cluster.articles)}
    passages: dict[int, list[int]] = {}
    for sentence in result.summary.sentences:
        same = features.sameness([sentence.index]).ravel()
        for outlet in sentence.sources[1:]:
            rows = np.flatnonzero(article_of == ids[outlet])
            if len(rows):
                best = int(rows[np.argmax(same[rows])])
                passages.setdefault(best, []).append(sentence.index)
    return passages
