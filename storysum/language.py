"""Languages: offline detection per article and the per-language resources later stages need
(Snowball stemmer, stopwords, sentence-splitter language, words that make a sentence dangle).

Every language gets a defined fallback: Unicode word tokens, no stemming, no stopwords.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

import regex

# ISO 639-1 code -> Snowball algorithm name in PyStemmer
_SNOWBALL = {
    "ar": "arabic", "ca": "catalan", "cs": "czech", "da": "danish", "de": "german", "el": "greek",
    "en": "english", "es": "spanish", "eu": "basque", "fa": "persian", "fi": "finnish",
    "fr": "french", "ga": "irish", "hi": "hindi", "hu": "hungarian", "hy": "armenian",
    "id": "indonesian", "it": "italian", "lt": "lithuanian", "ne": "nepali", "nl": "dutch",
    "no": "norwegian", "pl": "polish", "pt": "portuguese", "ro": "romanian", "ru": "russian",
    "sr": "serbian", "sv": "swedish", "ta": "tamil", "tr": "turkish", "yi": "yiddish",
    "et": "estonian",
}

# Sentence openers that point back to an earlier sentence: a summary must not start with them.
_DANGLING = {
    "de": "er sie es ihr ihm ihn ihnen dies diese dieser dieses deshalb daher dabei damit dazu "
          "darauf danach darin daran darum davon dafür daraus dort außerdem zudem ebenfalls auch aber doch jedoch allerdings trotzdem "
          "stattdessen demnach somit hierzu hierbei dagegen ferner weiterhin",
    "en": "he she it they them his her its their this these those that however but also "
          "moreover furthermore meanwhile nevertheless instead therefore thus hence then still "
          "besides additionally likewise",
    "fr": "il elle ils elles cela ceci ce cette ces mais cependant toutefois aussi pourtant donc "
          "ainsi ensuite",
    "es": "él ella ellos ellas esto esta este estos estas pero sin embargo además también así "
          "entonces",
}
_DANGLING_PHRASES = {
    "de": ("er fügte hinzu", "sie fügte hinzu", "wie er sagte", "wie sie sagte"),
    "en": ("he added", "she added", "he said", "she said"),
}

_ANAPHORIC_AGE = regex.compile(r"(der|die|das|the) \d+-(jährige|year-old)\b")
"""`Der 49-Jährige …`, `The 43-year-old …` point back to a person named before."""

WORD = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}]+)?")
"""A word token: letters with their combining marks (Devanagari vowel signs) and digits."""


@dataclass(frozen=True)
class LanguageResources:
    code: str
    stemmer_name: str | None
    stopwords: frozenset[str]
    dangling: frozenset[str]
    dangling_phrases: tuple[str, ...]

    def stem(self, words: list[str]) -> list[str]:
        if self.stemmer_name is None:
            return words
        return _stemmer(self.stemmer_name).stemWords(words)


@lru_cache(maxsize=None)
def _stemmer(name: str):
    import Stemmer

    return Stemmer.Stemmer(name)


@lru_cache(maxsize=None)
def resources_for(code: str) -> LanguageResources:
    """Resources for an ISO 639-1 code; unknown codes get the plain fallback."""
    stopwords: frozenset[str] = frozenset()
    try:
        import stopwordsiso

        if stopwordsiso.has_lang(code):
            stopwords = frozenset(w.casefold() for w in stopwordsiso.stopwords(code))
    except ImportError:  # pragma: no cover - a core dependency
        pass
    return LanguageResources(
        code=code,
        stemmer_name=_SNOWBALL.get(code),
        stopwords=stopwords,
        dangling=frozenset(w.casefold() for w in _DANGLING.get(code, "").split()),  # "außerdem" → "ausserdem"
        dangling_phrases=tuple(p.casefold() for p in _DANGLING_PHRASES.get(code, ())),
    )


def has_resources(code: str) -> bool:
    """Whether a language has at least a stemmer or a stopword list."""
    res = resources_for(code)
    return res.stemmer_name is not None or bool(res.stopwords)


def detect(text: str) -> str:
    """ISO 639-1 code of the text's language ('und' when there is no text to judge)."""
    sample = text[:3000]
    if len(WORD.findall(sample)) < 2:
        return "und"
    import py3langid

    code, _score = py3langid.classify(sample)
    return code


def majority(langs: list[tuple[str, int]]) -> str:
    """The language carrying the most weight (e.g. sentences); ties go to the first seen."""
    counts: Counter[str] = Counter()
    for code, weight in langs:
        if code != "und":
            counts[code] += weight
    if not counts:
        return "und"
    best = max(counts.values())
    return next(code for code, _ in langs if counts.get(code) == best)


def opening(sentence: str) -> str:
    """The sentence case-folded, from its first word on (opening quotes and dashes dropped)."""
    return sentence.lstrip("„“\"»«‚‘'(– -").casefold()


def opening_word(sentence: str) -> str:
    """The sentence's first word, case-folded ("" when it opens with none)."""
    first = WORD.match(opening(sentence))
    return first.group(0) if first else ""


def is_dangling(sentence: str, lang: str) -> bool:
    """Whether a sentence opens with a reference to something said before it."""
    res = resources_for(lang)
    lowered = opening(sentence)
    if any(lowered.startswith(p) for p in res.dangling_phrases) or _ANAPHORIC_AGE.match(lowered):
        return True
    first = WORD.match(lowered)
    if first and lowered[first.end():first.end() + 1] == "-":
        return False  # `Then-President Bill Clinton …`, `Dies-und-das`: a compound
    return bool(first) and first.group(0) in res.dangling
