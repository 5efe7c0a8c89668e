"""Which sentences may enter a summary at all, and why the others may not.

A summary sentence must stand on its own: complete, not a fragment of a quote, not a pointer
to a video, not a 300-word run-on, not opening with a word that points back to the sentence
before it ("He bought the plant in March.", "Außerdem …"): out of its article nobody knows who
"he" is. A quotation that opens so („Es war ein schwarzer Tag“, sagte …) is only demoted: its
speaker is named after it. Every method selects only among candidates; all sentences
still count for the statistics (term weights, support).
"""

from __future__ import annotations

import numpy as np
import regex

from storysum.clean import is_unsummarizable
from storysum.language import is_dangling
from storysum.model import Cluster

DANGLING_PRIOR = 0.5
QUESTION_PRIOR = 0.6
OTHER_LANGUAGE_PRIOR = 0.5
MIN_WORDS = 5
MAX_WORDS = 60
_QUOTE_MARKS = regex.compile(r"[\"„“”»«]")
_OPENING_QUOTE = tuple("\"„“»«‚‘'")
_ENDS_COMPLETE = regex.compile(r"[.!?…।॥。؟][\"'“”«»’)\]]*$")
_LETTERS = regex.compile(r"\p{L}")
_UPPER = regex.compile(r"\p{Lu}")
_LOWER = regex.compile(r"\p{Ll}")


def select_candidates(cluster: Cluster, max_words: int = MAX_WORDS,
                      only_lang: str | None = None) -> tuple[np.ndarray, dict[int, str]]:
    """A boolean mask over `cluster.sentences` and the reason for every rejected sentence.
    `only_lang` (the user's output language) keeps only its sentences when it has any."""
    mask = np.ones(len(cluster.sentences), dtype=bool)
    rejected: dict[int, str] = {}
    if only_lang and not any(s.lang == only_lang for s in cluster.sentences):
        only_lang = None
    for i, sentence in enumerate(cluster.sentences):
        reason = _rejection(sentence.text, sentence.lang, max_words)
        if only_lang and sentence.lang != only_lang:
            reason = f"not in the output language {only_lang}"
        if reason:
            mask[i] = False
            rejected[i] = reason
    if not mask.any() and cluster.sentences:
        # Better a long or unpunctuated sentence than no summary: fall back to every sentence
        # that has letters in it.
        for i, sentence in enumerate(cluster.sentences):
            if _LETTERS.search(sentence.text):
                mask[i] = True
                rejected.pop(i, None)
    return mask, rejected


def quality_prior(cluster: Cluster) -> np.ndarray:
    """A multiplier per sentence for how well it reads on its own in a summary: quotations
    that open pointing back („Dies ist falsch“, sagte er.), questions and sentences not in the
    summary's language are kept but demoted (other sentences that point back are no candidates)."""
    prior = np.ones(len(cluster.sentences))
    for i, sentence in enumerate(cluster.sentences):
        if cluster.lang != "und" and sentence.lang != cluster.lang:
            prior[i] *= OTHER_LANGUAGE_PRIOR
        if is_dangling(sentence.text, sentence.lang):
            prior[i] *= DANGLING_PRIOR
        if sentence.text.rstrip("\"'“”«»’) ").endswith("?"):
            prior[i] *= QUESTION_PRIOR
    return prior


def _rejection(text: str, lang: str, max_words: int) -> str | None:
    words = len(text.split())
    if words < MIN_WORDS:
        return f"fewer than {MIN_WORDS} words"
    if words > max_words:
        return f"more than {max_words} words"
    if not _ENDS_COMPLETE.search(text):
        return "does not end like a complete sentence"
    if len(_QUOTE_MARKS.findall(text)) % 2:
        return "part of a quotation split across sentences"
    if is_unsummarizable(text):
        return "refers to a video, photo or link"
    if _UPPER.search(text) and not _LOWER.search(text):
        return "all capitals (a headline or label)"
    if is_dangling(text, lang) and not text.lstrip().startswith(_OPENING_QUOTE):
        return "opens with a reference to an earlier sentence"
    return None
