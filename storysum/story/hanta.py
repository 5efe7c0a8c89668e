"""HanTa's view of a German word out of context: proper noun, known noun, guessed noun,
attributive or function word (the entities panel asks only about capitalised words that
already look like names), and a verb's infinitive, finite form or Konjunktiv I (reported
speech, conflicts). One word at a time, cached; HanTa's model loads once on first use."""

from __future__ import annotations

from functools import lru_cache

from storysum.story.entity_aliases import ACRONYM

KNOWN = -18.0  # HanTa log-probabilities above this come from its lexicon, below are guesses
NOUNS = {"NN", "NNA", "NNI"}
ATTRIBUTIVE_TAGS = {"ART", "ADJ(A)", "PIAT", "PDAT", "PPOSAT", "CARD", "PWAT", "APPRART"}


@lru_cache(maxsize=1)
def tagger_model():
    """HanTa's German model, loaded once on first use (~0.1–0.6 s); None if not installed."""
    try:
        from HanTa import HanoverTagger
    except ImportError:  # pragma: no cover - HanTa is a dependency
        return None
    return HanoverTagger.HanoverTagger("morphmodel_ger.pgz")


@lru_cache(maxsize=100_000)
def verb_lemma(word: str) -> str | None:
    """The infinitive of a lower-case German verb form HanTa's lexicon knows (`schloss`,
    `geschlossen` → `schließen`), so that sentences of one event match whatever tense or person
    they use; None for any other word."""
    tagger = tagger_model()
    if tagger is None or not word.islower():
        return None
    lemma, tag = tagger.analyze(word)
    return lemma if tag.startswith(("VV", "VM", "VA")) and lemma.islower() else None


@lru_cache(maxsize=100_000)
def finite_verb(word: str) -> bool:
    """A lower-case word HanTa reads as a finite verb first (`ist`, `liegt`, `sorgte`)."""
    tagger = tagger_model()
    tags = tagger.tag_word(word) if tagger is not None and word.islower() else []
    return bool(tags) and tags[0][0].endswith("(FIN)")


@lru_cache(maxsize=100_000)
def konjunktiv_i(word: str) -> bool:
    """A finite verb that is its infinitive's stem plus `-e` (`fehle`, `trage`): before a noun
    that form is no adjective (`große`, `neue`) when HanTa's lexicon knows it as a verb and
    not also as an adjective (`rege`, `weiche`, `heiße`: `rege Bautätigkeit`)."""
    tagger = tagger_model()
    if tagger is None or any(t.startswith("ADJ") for t, _ in tagger.tag_word(word)):
        return False
    lemma, tag = tagger.analyze(word)
    return tag.startswith(("VV(FIN)", "VM(FIN)", "VA(FIN)")) and lemma == word + "n"


@lru_cache(maxsize=100_000)
def lexclass(word: str) -> str:
    """HanTa's view of a German word out of context: NE (proper noun), NN (a noun its lexicon
    knows), UNK (a noun-like word it has to guess), ATTR (article/adjective/number) or FUNC."""
    if ACRONYM.fullmatch(word):
        return "ACR"
    tagger = tagger_model()
    if tagger is None:
        return "UNK" if word[:1].isupper() else "FUNC"
    tags = tagger.tag_word(word)
    if not tags:
        return "UNK"
    tag, logp = tags[0]
    if tag == "NE":
        if logp <= KNOWN:
            return "NE?"
        return "AMB" if any(t in NOUNS for t, _ in tags) else "NE"
    if tag in ATTRIBUTIVE_TAGS:
        return "ATTR" if logp > KNOWN or not word[:1].isupper() else "UNK"
    if tag in NOUNS or tag == "FM":
        if logp > KNOWN:
            return "AMB" if word[:1].isupper() and any(t == "NE" for t, _ in tags) else "NN"
        if _inflected_noun(tagger, word):
            return "NN"
        return "CMP" if _compound(tagger, word) else "UNK"
    return "FUNC"


def _inflected_noun(tagger, word: str) -> bool:
    """An inflected form of a noun the lexicon knows ("Patientinnen" → "Patientin", "Notfälle"
    → "Notfall"): names do not take plural endings."""
    lemma = tagger.analyze(word)[0]
    if not lemma or lemma == word or lemma + "s" == word or not lemma[:1].isupper():
        return False
    tags = tagger.tag_word(lemma)
    return bool(tags) and tags[0][0] in NOUNS and tags[0][1] > KNOWN


def _compound(tagger, word: str) -> bool:
    """Whether HanTa splits an unknown word into known words (`Brand|ermittler`)."""
    _lemma, morphemes, _tag = tagger.analyze(word, taglevel=3)
    stems = [m for m, tag in morphemes if tag in ("NN", "VV", "ADJ", "NE", "ADV")]
    return len(stems) > 1


def german_class(word: str) -> str:
    """A compound with a name or unknown word in front (`Hanse-Kühllogistik`) counts as UNK."""
    if "-" not in word:
        return lexclass(word)
    whole, first = lexclass(word), lexclass(word.split("-")[0])
    if whole in ("NE", "NE?") and first not in ("FUNC", "ATTR", "NN"):
        return whole
    return "UNK" if first in ("ACR", "NE", "NE?", "UNK") else "NN"
