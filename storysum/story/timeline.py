"""The timeline: dated events of the story in order, each with the outlets that date it so.

Built from the dates panel: every resolved day (or month or year) that a sentence of the story
is anchored to becomes one entry, worded by the most widely carried of its sentences, with a
clock time when one goes with it. A date that only dates an article (a dateline) is not an event.
"""

from __future__ import annotations

import numpy as np

from storysum.model import Cluster
from storysum.represent import SAME_CONTENT, Features
from storysum.story.claims import sentence_outlets
from storysum.story.model import DateMention, TimelineEvent

MAX_EVENTS = 12
PER_DATE = 3  # distinct happenings shown for one date


def _happenings(features: Features, rows: list[int]) -> list[list[int]]:
    """Sentences of one date grouped by content (same content = one happening), biggest first."""
    same = features.sameness(rows, rows) >= SAME_CONTENT
    groups: list[list[int]] = []
    for k, row in enumerate(rows):
        home = next((g for g in groups if same[k, rows.index(g[0])]), None)
        if home is None:
            groups.append([row])
        else:
            home.append(row)
    return sorted(groups, key=lambda g: (-len(g), g[0]))


def build_timeline(cluster: Cluster, features: Features, dates: list[DateMention]) -> list[TimelineEvent]:
    """Up to PER_DATE entries per date (one per distinct happening), in date order."""
    by_date: dict[str, list[int]] = {}
    time_of: dict[str, str] = {}
    for mention in dates:
        if mention.date is None:
            continue
        rows = [i for i in mention.sentences if features.words[i] >= 4]
        if not rows:
            continue
        by_date.setdefault(mention.date, []).extend(rows)
        if mention.time and mention.date not in time_of:
            time_of[mention.date] = mention.time
    events = [
        _event(cluster, features, date, group, time_of.get(date))
        for date, rows in by_date.items()
        for group in _happenings(features, sorted(set(rows)))[:PER_DATE]
    ]
    events.sort(key=lambda e: e.date)
    if len(events) > MAX_EVENTS:  # keep the most widely reported, still in date order
        keep = sorted(events, key=lambda e: -len(e.outlets))[:MAX_EVENTS]
        events = [e for e in events if e in keep]
    return events


def _event(cluster: Cluster, features: Features, date: str, rows: list[int], time: str | None) -> TimelineEvent:
    rows = sorted(set(rows))
    outlets = sentence_outlets(cluster, features, np.array(rows))
    dating = sorted({cluster.sentences[i].article for i in rows})  # outlets that give this date
    best = max(range(len(rows)), key=lambda k: (len(outlets[k]), features.prior[rows[k]], -rows[k]))
    return TimelineEvent(
        date=f"{date} {time}" if time else date,
        text=cluster.sentences[rows[best]].text,
        outlets=[cluster.articles[a].id for a in dating],
        sentences=rows,
    )
