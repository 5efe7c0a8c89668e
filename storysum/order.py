"""Ordering: chosen sentences in an order that reads as a report.

Facts come in the order the sources first reported them (earliest supporting article's date,
then the sentence's relative position in its article, so leads come before details); a
sentence that points back (a quotation such as „Dies ist falsch“, sagte er. — other such
sentences are no candidates) never opens the summary.
"""

from __future__ import annotations

from storysum.language import is_dangling
from storysum.model import Cluster


def order_sentences(cluster: Cluster, chosen: list[int], sources: dict[int, list[int]]) -> list[int]:
    """`chosen` sentence indices in reading order; `sources` maps each to its articles."""
    lengths: dict[int, int] = {}
    for sentence in cluster.sentences:
        lengths[sentence.article] = lengths.get(sentence.article, 0) + 1

    def key(index: int):
        sentence = cluster.sentences[index]
        dates = [cluster.articles[a].date for a in sources.get(index, [sentence.article])]
        earliest = min((d for d in dates if d), default="9999")
        relative = sentence.position / max(1, lengths[sentence.article])
        return (earliest, round(relative, 3), index)

    ordered = sorted(chosen, key=key)
    if ordered and is_dangling(cluster.sentences[ordered[0]].text, cluster.sentences[ordered[0]].lang):
        opener = next(
            (i for i in ordered if not is_dangling(cluster.sentences[i].text, cluster.sentences[i].lang)),
            None,
        )
        if opener is not None:
            ordered.remove(opener)
            ordered.insert(0, opener)
    return ordered
