"""Attribution: every article that carries the content of a summary sentence, not only the one
its wording was taken from, so the support count shows how far the sources agree; and, for a
quote whose sentence calls its speaker only by office, who that speaker is."""

from __future__ import annotations

from storysum.model import Cluster
from storysum.represent import SAME_CONTENT, Features


def supporting_articles(cluster: Cluster, features: Features, index: int,
                        threshold: float = SAME_CONTENT) -> list[int]:
    """Article indices that carry sentence `index`'s content, its own article first."""
    origin = cluster.sentences[index].article
    similarity = features.sameness([index]).ravel()
    best: dict[int, float] = {}
    for sentence, score in zip(cluster.sentences, similarity):
        if score >= threshold and score > best.get(sentence.article, -1.0):
            best[sentence.article] = float(score)
    others = sorted((a for a in best if a != origin), key=lambda a: (-best[a], a))
    return [origin] + others


def quoted_speakers(cluster: Cluster, indices: list[int]) -> dict[int, str]:
    """Speaker names for the chosen sentences that quote someone only by office
    (`„…“, so die Ministerin` → Katrin Albers), resolved in each sentence's own article."""
    # imported here: the story package builds on the pipeline, which imports this module
    from storysum.story.quotes import unnamed_speakers

    return unnamed_speakers(cluster, indices)
