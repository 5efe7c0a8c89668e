"""ROUGE that is right for every language: a Unicode tokenizer (never drops "ä", "ß", Greek,
Arabic or Devanagari letters) with the Snowball stemmer of the cluster's language, plugged
into rouge-score-rs (a maintained, exact re-implementation of Google's rouge-score)."""

from __future__ import annotations

from dataclasses import dataclass

from storysum.language import WORD, resources_for

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")


class RougeTokenizer:
    """Lower-cased Unicode word tokens, stemmed for `lang` where Snowball has a stemmer."""

    def __init__(self, lang: str, stem: bool = True):
        self.lang = lang
        self._resources = resources_for(lang) if stem else None

    def tokenize(self, text: str) -> list[str]:
        words = [w.lower() for w in WORD.findall(text)]  # lower(), not casefold(): keeps "ß"
        return self._resources.stem(words) if self._resources else words


def truncate_words(text: str, words: int) -> str:
    """The first `words` whitespace-separated words, as DUC cuts summaries before scoring."""
    return " ".join(text.split()[:words])


@dataclass
class RougeScores:
    """Per-metric precision/recall/F1, averaged over the references."""

    values: dict[str, dict[str, float]]

    def __getitem__(self, key: str) -> dict[str, float]:
        return self.values[key]


def score(summary: str, references: list[str], lang: str) -> RougeScores:
    """ROUGE-1/2/L of `summary` against each reference, averaged over references."""
    from rouge_score_rs import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), tokenizer=RougeTokenizer(lang))
    totals = {t: {"p": 0.0, "r": 0.0, "f": 0.0} for t in ROUGE_TYPES}
    references = [r for r in references if r.strip()]
    for reference in references:
        result = scorer.score(reference, summary)
        for t in ROUGE_TYPES:
            totals[t]["p"] += result[t].precision
            totals[t]["r"] += result[t].recall
            totals[t]["f"] += result[t].fmeasure
    n = max(1, len(references))
    return RougeScores({t: {k: v / n for k, v in totals[t].items()} for t in ROUGE_TYPES})
