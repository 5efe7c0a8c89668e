"""The FIGURES panel: the figures of every sentence (`figure_scan.py`), merged across outlets
into one per value, unit and what it is about; merging and conflict detection both compare
that key."""

from __future__ import annotations

from storysum.model import Cluster
from storysum.story.figure_scan import Hit, scan
from storysum.story.model import Figure


def sentence_hits(cluster: Cluster) -> list[tuple[int, str, Hit]]:
    """(sentence index, outlet, hit) for every figure in the cluster."""
    return sentence_hits_for(cluster, [s.index for s in cluster.sentences])


def extract_figures(cluster: Cluster) -> list[Figure]:
    """Every figure of the cluster, one per (value, unit, what it is about), across outlets."""
    groups: dict[tuple, list[tuple[int, str, Hit]]] = {}
    for item in sentence_hits(cluster):
        h = item[2]
        groups.setdefault((round(h.value, 6), h.unit, h.key, h.state), []).append(item)
    _fold_unknown(groups)
    figures = [_figure(cluster, items) for items in groups.values()]
    figures.sort(key=lambda f: (-len(f.outlets), f.sentences[0]))
    return figures


def _fold_unknown(groups: dict[tuple, list]) -> None:
    """A figure whose noun was not found joins the one other figure with its value and unit."""
    for key in [k for k in groups if not k[2] and not k[3]]:
        others = [k for k in groups if k[:2] == key[:2] and k != key and k[2]]
        if len(others) == 1:
            groups[others[0]].extend(groups.pop(key))


def _figure(cluster: Cluster, items: list[tuple[int, str, Hit]]) -> Figure:
    hits = [h for _, _, h in items]
    nouns = [h.about for h in hits if h.about]
    return Figure(
        value=hits[0].value,
        unit=hits[0].unit,
        kind=hits[0].kind,
        surfaces=list(dict.fromkeys(h.surface for h in hits)),
        context=min((cluster.sentences[i].text for i, _, _ in items), key=len),
        outlets=list(dict.fromkeys(o for _, o, _ in items)),
        sentences=sorted({i for i, _, _ in items}),
        about=min(nouns, key=len) if nouns else "",
    )


def sentence_hits_for(cluster: Cluster, indices: list[int]) -> list[tuple[int, str, Hit]]:
    """(sentence index, outlet, hit) for the figures of some sentences (conflicts re-read the
    sentences of the figures they are given, to compare each outlet's key and qualifier)."""
    out = []
    for i in indices:
        s = cluster.sentences[i]
        article = cluster.articles[s.article]
        lang = s.lang if s.lang != "und" else (article.lang or cluster.lang)
        out.extend((i, article.id, h) for h in scan(s.text, lang))
    return out
