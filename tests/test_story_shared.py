"""The story view on every cluster of every evaluation file: real news in seven languages must
never crash it, and every panel must point at real outlets and real sentences."""

import pytest

from conftest import shared_file
from storysum.evaluate import load_clusters
from storysum.story import build_story
from storysum.story.markdown import render_story

FILES = ["duc2004.jsonl", "duc2006.jsonl", "multiling2011_pilot.jsonl", "mlmd_mixed.jsonl"]


@pytest.mark.parametrize("name", FILES)
def test_every_cluster_gets_a_consistent_story(name):
    for cluster in load_clusters(shared_file(name)):
        story = build_story(cluster)
        ids = {a.id for a in story.summary.articles}
        cited = {s["index"]: s for s in story.sentences}
        texts = {a.id: a.text for a in story.summary.articles}
        assert all(s["text"] in texts[s["article"]] for s in story.sentences), cluster.id
        panels = [story.consensus, story.single_source, story.quotes, story.figures, story.dates,
                  story.timeline]
        for item in [story.event, *[i for panel in panels for i in panel]]:
            if item is None:
                continue
            assert set(item.outlets) <= ids, (cluster.id, item)
            assert set(item.sentences) <= set(cited), (cluster.id, item)
        assert all(set(e.outlets) <= ids for e in story.entities)
        for conflict in story.conflicts:
            sides = [set(v.outlets) for v in conflict.values]
            assert len(sides) >= 2 and len(set.union(*sides)) == sum(map(len, sides)), (cluster.id, conflict)
        for claim in story.single_source:
            assert len(claim.outlets) == 1
        html = render_story(story, "html")
        assert "<script" not in html.lower() and "src=" not in html.lower()
