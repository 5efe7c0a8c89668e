"""The story view: one screen that shows what happened and how the sources agree and differ.

`build_story(cluster)` runs the core pipeline once and reads every panel from the same prepared
cluster: event line, attributed summary, consensus and single-source claims, quotes, figures,
dates, conflicts, timeline and entities."""

from __future__ import annotations

from storysum.story.build import build_story, story
from storysum.story.model import Story

__all__ = ["Story", "build_story", "story"]
