"""Assemble a Story from a prepared cluster: each panel is computed by its own module."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from storysum.model import Article, Budget, Cluster
from storysum.pipeline import load_cluster, prepare, summarize_cluster
from storysum.story.model import Story


def story(inputs: Cluster | Iterable[Article | str | Path], words: int = 120, lang: str = "auto") -> Story:
    """The story view of one cluster given as a Cluster, Articles, or paths (the Python API)."""
    cluster = inputs if isinstance(inputs, Cluster) else load_cluster(inputs)
    return build_story(cluster, words=words, lang=lang)


def build_story(cluster: Cluster, words: int = 120, lang: str = "auto") -> Story:
    """Every panel of the story view, read from one prepared cluster."""
    if not cluster.sentences:
        cluster = prepare(cluster, lang)
    summary = summarize_cluster(cluster, Budget(words=words))
    return Story(
        cluster_id=cluster.id,
        lang=cluster.lang,
        event=None,
        summary=summary,
        consensus=[],
        single_source=[],
        quotes=[],
        figures=[],
        dates=[],
        conflicts=[],
        timeline=[],
        entities=[],
        sentences=[],
    )
