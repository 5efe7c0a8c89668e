"""Assemble a Story from a prepared cluster: each panel is computed by its own module."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from storysum.model import Article, Budget, Cluster
from storysum.pipeline import load_cluster, prepare, represent_cluster, summary_from_features
from storysum.story.claims import consensus, single_source
from storysum.story.event import event_line
from storysum.story.model import Story


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
    result = Story(
        cluster_id=cluster.id,
        lang=cluster.lang,
        event=event_line(cluster, features),
        summary=summary,
        consensus=consensus(cluster, features),
        single_source=single_source(cluster, features),
        quotes=[],
        figures=[],
        dates=[],
        conflicts=[],
        timeline=[],
        entities=[],
        sentences=[],
    )
    result.sentences = cited_sentences(cluster, result)
    return result


def cited_sentences(cluster: Cluster, result: Story) -> list[dict]:
    """Every sentence a panel points to, so a reader can see each claim in its source."""
    rows: set[int] = {s.index for s in result.summary.sentences}
    for item in [result.event, *result.consensus, *result.single_source, *result.quotes,
                 *result.figures, *result.dates, *result.timeline]:
        if item is not None:
            rows.update(item.sentences)
    for conflict in result.conflicts:
        for value in conflict.values:
            rows.update(value.sentences)
    return [
        {"index": i, "text": cluster.sentences[i].text, "article": cluster.articles[cluster.sentences[i].article].id,
         "position": cluster.sentences[i].position}
        for i in sorted(rows)
    ]
