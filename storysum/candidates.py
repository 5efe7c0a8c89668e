"""Which sentences may enter a summary at all, and why the others may not.

A summary sentence must stand on its own: complete, not a fragment of a quote, not a pointer
to a video, not a 300-word run-on, not opening with a pronoun or connective that points back
to the sentence before it ("He bought the plant in March.", "Außerdem …"): out of its article
nobody knows who "he" is. What points back only sometimes is demoted instead: a quotation that
opens so („Es war ein schwarzer Tag“, sagte …), an expletive or a demonstrative phrase
(`Es gab zwei Verletzte`, `This week, the council …`). Every method selects only among candidates; all sentences
still count for the statistics (term weights, support).
"""

from __future__ import annotations

import numpy as np
import regex

from storysum.clean import is_unsummarizable
from storysum.language import is_dangling, opening_word
from storysum.model import Cluster

DANGLING_PRIOR = 0.5
POINTS_BACK = "opens with a reference to an earlier sentence"
_SOFT_OPENERS = frozenset("es it this these those that dies diese dieser dieses diesem diesen ce cette ces "
                          "cela ceci esto esta este estos estas".split())
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
    if not mask.any():  # every sentence points back: better those than no summary
        for i, reason in list(rejected.items()):
            if reason == POINTS_BACK:
                mask[i] = True
                del rejected[i]
    if not mask.any() and cluster.sentences:
        # Better a long or unpunctuated sentence than no summary: fall back to every sentence
        # that has letters in it (in the output language when it has any).
        for i, sentence in enumerate(cluster.sentences):
            if _LETTERS.search(sentence.text) and (not only_lang or sentence.lang == only_lang):
                mask[i] = True
                rejected.pop(i, None)
    return mask, rejected


def points_back_only(text: str, lang: str, max_words: int = MAX_WORDS) -> bool:
    """Whether pointing back is the only reason a sentence is no candidate (the event line
    still reads `Ein Großbrand … . Er brach gegen Mitternacht aus.` as a pair)."""
    return _rejection(text, lang, max_words) == POINTS_BACK


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
    if is_dangling(text, lang) and not text.lstrip().startswith(_OPENING_QUOTE) and not _soft_opener(text):
        return POINTS_BACK
    return None


def _soft_opener(text: str) -> bool:
    """`Es gab zwei Verletzte`, `This week, the council …`, `Diese Woche …`, `Those killed
    included …`: an expletive or a demonstrative that opens its own phrase points back only
    sometimes; such sentences stay candidates (demoted by the quality prior)."""
    return opening_word(text) in _SOFT_OPENERS
