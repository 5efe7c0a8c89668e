"""The event line: one sentence of about 20–40 words that says who did what, where and when.

It is chosen, never generated, so it cannot hold a fact that is not in a source: a lead
sentence, or a lead sentence joined with the next sentence of the same article when the lead
alone is too short to say when and where. Candidates are scored by the shared concepts they
cover (what most outlets report), how many outlets carry them, and whether they say when.
"""

from __future__ import annotations

import numpy as np
import regex

from storysum.candidates import points_back_only
from storysum.language import is_dangling
from storysum.methods.coverage import Coverage
from storysum.model import Cluster
from storysum.represent import Features
from storysum.story.claims import sentence_outlets
from storysum.story.model import Claim

MIN_WORDS, MAX_WORDS = 20, 40
LEAD = 3  # sentences of each article that may open the event line
_WHEN = regex.compile(
    r"\b(montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|sonnabend|gestern|heute|nacht|"
    r"januar|februar|märz|april|mai|juni|juli|august|september|oktober|november|dezember|uhr|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|night|"
    r"january|february|march|june|july|october|december|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|"
    r"lunes|martes|miércoles|jueves|viernes|sábado|domingo|ayer)\w*|\b\d{1,2}\.\s?\d{1,2}\.|\b(19|20)\d\d\b",
    regex.IGNORECASE,
)


def event_line(cluster: Cluster, features: Features) -> Claim | None:
    """The best-scoring lead passage of 20–40 words (or the closest to that range)."""
    weights = Coverage().concept_weights(cluster, features)
    options = list(_passages(cluster, features))
    if not options:
        return None
    best = max(options, key=lambda rows: _score(cluster, features, weights, rows))
    outlets = sentence_outlets(cluster, features, np.array(best))
    articles = list(dict.fromkeys(a for o in outlets for a in o))
    return Claim(
        text=" ".join(cluster.sentences[i].text for i in best),
        outlets=[cluster.articles[a].id for a in articles],
        sentences=[int(i) for i in best],
        support=min(len(o) for o in outlets),
    )


def _passages(cluster: Cluster, features: Features):
    """Lead sentences and lead pairs of every article that read on their own."""
    sentences = cluster.sentences
    for i, sentence in enumerate(sentences):
        if sentence.position >= LEAD or not features.candidates[i]:
            continue
        if is_dangling(sentence.text, sentence.lang):
            continue
        yield (i,)
        j = i + 1
        if (j < len(sentences) and sentences[j].article == sentence.article
                and (features.candidates[j] or points_back_only(sentences[j].text, sentences[j].lang))
                and features.words[i] < MIN_WORDS):
            yield (i, j)


def _score(cluster: Cluster, features: Features, weights: dict[str, float], rows: tuple[int, ...]) -> float:
    concepts = {c for i in rows for c in features.concepts[i] if c in weights}
    words = sum(int(features.words[i]) for i in rows)
    gained = sum(weights[c] for c in concepts) / max(1, words) ** 0.5
    if words < MIN_WORDS:
        gained *= 0.6 + 0.4 * words / MIN_WORDS
    elif words > MAX_WORDS:
        gained *= MAX_WORDS / words
    text = " ".join(cluster.sentences[i].text for i in rows)
    when = 1.2 if _WHEN.search(text) else 1.0
    return gained * when * float(np.prod([features.prior[i] for i in rows])) / (1 + 0.1 * len(rows))
