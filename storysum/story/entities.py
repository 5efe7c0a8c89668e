"""The entities panel: people, places and organisations the articles name, with their outlets.

No German NER model works offline, so names are found by evidence that needs no gazetteer:
HanTa's lexicon (a known common noun is never a name; `NE` and words HanTa has never seen are
candidates), how a word is used (German common nouns take an article or adjective; a name
stands bare: `in Brakenwerder`, `Firma X`), casing across the whole cluster (for languages
that capitalise only names), and the words around a name for its kind (`Ministerin X` → person,
`in X` → place, `X GmbH` → organisation), all read from `resources/entity_cues.tsv`."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from storysum import resources
from storysum.language import resources_for
from storysum.model import Cluster
from storysum.story.entity_aliases import ACRONYM, Mention, defined_acronym, merge
from storysum.story.hanta import german_class, lexclass, tagger_model
from storysum.story.model import Entity

_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:[-'’.&][\p{L}\p{M}\p{N}]+)*|\S")
_CONNECTORS = {"of", "de", "van", "von", "der", "den", "la", "le", "du", "da", "del", "al", "&"}


@dataclass
class _Stats:
    bare: int = 0  # non-initial uses without article, determiner or adjective before
    initial: int = 0
    lower: int = 0  # uses written in lowercase (other languages: a sign of a common word)
    ident: int = 0  # uses as an identifier before a number (`Halle 4`, `Liegeplatz Nr. 7`)
    cued: int = 0  # non-initial uses with a kind cue around them
    strong: int = 0  # … with a cue stronger than a preposition alone
    det: int = 0  # non-initial uses after an article, determiner or adjective
    articles: set[int] = field(default_factory=set)


@lru_cache(maxsize=None)
def _cues(lang: str) -> dict[str, tuple[frozenset[str], tuple[str, ...]]]:
    """Cue word lists for a language: (whole words, suffixes) per cue name."""
    table: dict[str, tuple[frozenset[str], tuple[str, ...]]] = {}
    for raw in resources.read("entity_cues.tsv").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        code, cue, *rest = raw.split("\t")
        if code != lang:
            continue
        words = rest[0].casefold().split() if rest else []  # looked up case-folded: ß → ss
        table[cue] = (frozenset(w for w in words if not w.startswith("-")),
                      tuple(w[1:] for w in words if w.startswith("-")))
    return table


def is_cue(lang: str, cue: str, word: str) -> bool:
    """Whether a word belongs to a cue list (whole word or ending)."""
    words, suffixes = _cues(lang).get(cue, (frozenset(), ()))
    low = word.casefold()
    return low in words or any(low.endswith(s) and len(low) > len(s) + 2 for s in suffixes)


def _tokens(text: str) -> list[str]:
    """Word tokens (hyphenated compounds and `9.500` kept whole) and single punctuation marks."""
    return [t[:-2] if t[-2:] in ("'s", "’s") else t for t in _TOKEN.findall(text)]


def _first_word(tokens: list[str]) -> int:
    """Index of the sentence's first word (after opening quotes and dashes)."""
    return next((i for i, t in enumerate(tokens) if t[0].isalnum()), len(tokens))


def _capitalised(token: str) -> bool:
    return len(token) > 1 and token[0].isupper() and token[0].isalpha()


def _abbreviation(tokens: list[str], i: int) -> bool:
    """`Dr.`, `Nr.`, `Ca.`: short words before a full stop are abbreviations, not names."""
    tok = tokens[i]
    return i + 1 < len(tokens) and tokens[i + 1] == "." and len(tok) <= 3 and not tok.isupper()


def _attributive(prev: str, lang: str) -> bool:
    """Whether the previous token makes a capitalised word an ordinary noun phrase."""
    if not prev:
        return False
    if prev[0].isdigit() or is_cue(lang, "attributive", prev):
        return True
    if lang == "de" and prev.islower() and prev[-1] in "enrsm":
        return lexclass(prev) == "ATTR"
    return False


def _context_votes(tokens: list[str], i: int, j: int, lang: str) -> Counter[str]:
    """Kind cues around the name tokens[i:j]: role before, preposition, reporting verb."""
    votes: Counter[str] = Counter()
    k = i - 1
    if k >= 1 and tokens[k] == "." and is_cue(lang, "person_before", tokens[k - 1]):
        votes["person"] += 2  # Dr. X
        k -= 2
    prev = tokens[k] if k >= 0 else ""
    nxt = tokens[j] if j < len(tokens) else ""
    if prev and is_cue(lang, "person_before", prev):
        votes["person"] += 2
    if prev and is_cue(lang, "org_before", prev):
        votes["organisation"] += 2
    if prev and is_cue(lang, "place_before", prev):
        votes["place"] += 1
    if prev and is_cue(lang, "place_class", prev):
        votes["place"] += 2
    if is_cue(lang, "said", prev) or (nxt and is_cue(lang, "said", nxt)):
        votes["person"] += 1
    return votes




def _german_stats(sentences: list[tuple[int, list[str]]]) -> dict[str, _Stats]:
    """How every capitalised word is used across the cluster (bare, after an article, cued)."""
    stats: dict[str, _Stats] = defaultdict(_Stats)
    for article, tokens in sentences:
        first = _first_word(tokens)
        for i, tok in enumerate(tokens):
            if not _capitalised(tok) or _abbreviation(tokens, i) or is_cue("de", "skip", tok):
                continue
            if tok in _PART_OF_TIME and i + 1 < len(tokens) and (is_cue("de", "skip", tokens[i + 1]) or tokens[i + 1].isdigit()):
                continue  # `bis Mitte Dezember`, `Ende 2027`: a time, not the district `Mitte`
            st = stats[tok]
            st.articles.add(article)
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if nxt == "Nr" or nxt[:1].isdigit():
                st.ident += 1
            elif i == first:
                st.initial += 1
            elif votes := _context_votes(tokens, i, i + 1, "de"):
                st.cued += 1
                st.strong += max(votes.values()) > 1
            elif _attributive(tokens[i - 1], "de"):
                st.det += 1
            else:
                st.bare += 1
    return stats


_PART_OF_TIME = {"Mitte", "Anfang", "Ende", "Beginn"}


def _calendar(word: str) -> bool:
    """Weekday and month compounds (`Mittwochfrüh`, `Donnerstagabend`) are dates."""
    low = word.casefold()
    return any(low.startswith(w) for w in _cues("de")["skip"][0] if len(w) > 3)


def _german_is_name(word: str, st: _Stats) -> bool:
    """Decide a word from its uses; HanTa is asked only about words with some name evidence."""
    if is_cue("de", "skip", word):
        return False
    if ACRONYM.fullmatch(word):
        return st.ident == 0
    suffix = is_cue("de", "org_suffix", word) or is_cue("de", "place_suffix", word)
    if not (st.bare or st.cued or st.initial or suffix) or st.ident > st.cued:
        return False
    if is_cue("de", "person_before", word) or _org_head(word) or _calendar(word):
        return False  # roles, generic words for bodies and dates are cues, not names
    if _genitive_of_noun(word):
        return False  # `des Landratsamts`: a common noun in the genitive
    cls = german_class(word)
    if cls in ("NE", "AMB") and word.casefold() in resources_for("de").stopwords:
        return False  # `Von` opening a sentence, `pro Jahr`
    if cls == "NE":
        return bool(st.bare or st.cued or st.initial)
    if cls == "NE?":
        return bool(st.bare or st.cued)
    if cls == "AMB":  # HanTa knows it as a noun too ("Papier", "Hand"): a cue must say it is a name
        return bool(st.cued) and st.bare + st.cued > st.det
    if cls == "UNK":
        return bool(st.cued or st.bare >= 2 or (st.bare and len(st.articles) > 1) or suffix)
    if cls == "CMP":
        return bool(st.strong or (st.cued and len(st.articles) > 1) or suffix)
    return False


def _genitive_of_noun(word: str) -> bool:
    """A German common noun with its genitive ending (`Landratsamts`, `Kreistags`): HanTa
    knows the word without the `-s`/`-es` as a noun and the word itself as no name (`Albers`)."""
    if lexclass(word) in ("NE", "NE?", "AMB"):
        return False
    stems = [word[:-2]] if word.endswith("es") else []
    stems += [word[:-1]] if word.endswith("s") else []
    return any(len(stem) > 3 and lexclass(stem) == "NN" for stem in stems)


def _german_continues(tokens: list[str], j: int, names: set[str], person: bool) -> bool:
    """Whether tokens[j] extends the name before it (`Miriam Kohlhase`, `Weserland Rundfunk`);
    right after a titled first name (`Dr. Ulrike Mangold`) even a word HanTa knows as a noun."""
    tok = tokens[j]
    if not _capitalised(tok) or _abbreviation(tokens, j):
        return False
    if tok in names or is_cue("de", "org_tail", tok):
        return True
    before, this = lexclass(tokens[j - 1]), german_class(tok)
    if person and before in ("NE", "NE?") and this in ("NN", "AMB", "UNK", "CMP", "NE?"):
        return True
    return before in ("NE", "NE?") and this in ("UNK", "NE?", "CMP", "AMB")


def _org_head(tok: str) -> bool:
    """A body's generic word that belongs to its name (`Universität X`, `Arbeitgeberverband X`)."""
    return is_cue("de", "org_head", tok)


def _german_span(tokens: list[str], i: int, names: set[str]) -> tuple[int, int, Counter[str]]:
    """The name starting at tokens[i] as (start, end, kind votes); start == end for none."""
    n = len(tokens)
    if i + 1 < n and _place_adjective(tokens[i], names) and _capitalised(tokens[i + 1]) and (
            _org_head(tokens[i + 1]) or is_cue("de", "org_tail", tokens[i + 1])):
        return i, i + 2, Counter(organisation=2)  # Ostermünder Rundschau
    head = _org_head(tokens[i]) and i + 1 < n and tokens[i + 1] in names
    if tokens[i] not in names and not head:
        return i, i, Counter()
    start, j = i, i + 1
    person = _context_votes(tokens, i, i + 1, "de")["person"] >= 2
    while j < n and _german_continues(tokens, j, names, person and j == i + 1):
        j += 1
    while head and start > 1 and _capitalised(tokens[start - 1]) and \
            lexclass(tokens[start - 1]) == "ATTR" and not is_cue("de", "attributive", tokens[start - 1]):
        start -= 1  # Kommunaler Arbeitgeberverband Nordmark
    votes = Counter(organisation=2) if head else Counter()
    while j - start > 2 and lexclass(tokens[start]) not in ("NE", "NE?", "ACR") \
            and lexclass(tokens[start + 1]) in ("NE", "NE?"):
        start += 1  # a role before first and last name: Verkehrsdezernentin Petra Winter
        votes["person"] += 2
    return start, j, votes + _context_votes(tokens, start, j, "de")


def _place_adjective(tok: str, names: set[str]) -> bool:
    """`Ostermünder` from the name `Ostermünde`, `Hamburger` from `Hamburg`."""
    return tok.endswith("er") and (tok[:-1] in names or tok[:-2] in names)


def _german_mentions(article: int, tokens: list[str], names: set[str]) -> list[Mention]:
    """The names in one sentence, multiword names joined, each with its kind cues."""
    out: list[Mention] = []
    i, n = 0, len(tokens)
    while i < n:
        tok, (start, j, votes) = tokens[i], _german_span(tokens, i, names)
        if expansion := defined_acronym(tokens, i):
            out.append(Mention(expansion, article, Counter(organisation=2), expansion))
        if start == j:
            parts = tok.split("-")
            if len(parts) > 1 and _capitalised(tok) and ACRONYM.fullmatch(parts[0]) and not is_cue("de", "skip", parts[0]):
                out.append(Mention(parts[0], article, Counter(organisation=1), parts[0]))
            i += 1
            continue
        parts = tokens[start:j]
        surface = " ".join(parts)
        if tokens[start - 1] in ("des", "eines") and surface.endswith("s") and surface[-2] != "s":
            parts = [*parts[:-1], parts[-1][:-1]]  # genitive: des Weser-Nordkuriers
        out.append(Mention(" ".join(parts), article, votes + _name_votes(parts, "de"), surface))
        i = j
    return out


def _name_votes(parts: list[str], lang: str) -> Counter[str]:
    """Kind cues inside the name itself: acronym, organisation or place endings, first name."""
    votes: Counter[str] = Counter()
    last = parts[-1]
    if len(parts) == 1 and ACRONYM.fullmatch(last):
        votes["organisation"] += 2
    if len(parts) > 1 and is_cue(lang, "org_tail", last):
        votes["organisation"] += 2
    if is_cue(lang, "org_suffix", last):
        votes["organisation"] += 2
    if is_cue(lang, "place_suffix", last):
        votes["place"] += 1
    if len(parts) > 1 and lang == "de" and not votes and lexclass(parts[0]) == "NE":
        votes["person"] += 1
    return votes


def _generic_stats(sentences: list[tuple[int, list[str]]]) -> dict[str, _Stats]:
    """Capitalised-in-the-middle versus lowercase uses of every word across the cluster."""
    stats: dict[str, _Stats] = defaultdict(_Stats)
    lower: Counter[str] = Counter()
    for article, tokens in sentences:
        first = _first_word(tokens)
        for i, tok in enumerate(tokens):
            if tok[:1].islower():
                lower[tok.casefold()] += 1
            elif _capitalised(tok) and not _abbreviation(tokens, i):
                st = stats[tok]
                st.articles.add(article)
                if i + 1 < len(tokens) and tokens[i + 1][:1].isdigit():
                    st.ident += 1  # Pier 3
                elif i == first:
                    st.initial += 1
                else:
                    st.bare += 1
    for word, st in stats.items():
        st.lower = lower[word.casefold()]
    return stats


def _generic_is_name(word: str, st: _Stats, lang: str) -> bool:
    """A name is written capitalised mid-sentence more often than in lowercase."""
    if is_cue(lang, "skip", word):
        return False
    if ACRONYM.fullmatch(word):
        return True
    if word.casefold() in resources_for(lang).stopwords:
        return False
    return st.bare > st.lower and st.bare > st.ident


def _inside_name(tokens: list[str], j: int, names: set[str], lang: str) -> bool:
    """Once a name has begun, any capitalised word continues it (`Ashgrove Bridge`,
    `Department of Public Works`, `Brisk Freight Ltd.`), as do connectors before one."""
    tok = tokens[j]
    if tok in _CONNECTORS:
        return j + 1 < len(tokens) and _inside_name(tokens, j + 1, names, lang)
    if tok in names or is_cue(lang, "org_tail", tok) and tok[:1].isupper():
        return True
    return _capitalised(tok) and not is_cue(lang, "skip", tok) and not _abbreviation(tokens, j)


def _generic_mentions(article: int, tokens: list[str], names: set[str], lang: str) -> list[Mention]:
    """Capitalised runs (with `of`, `de`, `van` inside) minus leading titles and roles."""
    out: list[Mention] = []
    i, n = 0, len(tokens)
    while i < n:
        if tokens[i] not in names:
            i += 1
            continue
        j = i + 1
        while j < n and _inside_name(tokens, j, names, lang):
            j += 1
        while i > 1 and _capitalised(tokens[i - 1]) and not is_cue(lang, "skip", tokens[i - 1]):
            i -= 1  # City Hall: "city" alone is mostly written in lowercase
        roles = [k for k in range(i, j - 1) if is_cue(lang, "person_before", tokens[k])]
        start = roles[-1] + 1 if roles else i  # "Transportation Secretary Alan Whitcombe"
        parts = tokens[start:j]
        votes = _context_votes(tokens, start, j, lang) + _name_votes(parts, lang)
        out.append(Mention(" ".join(parts), article, votes, " ".join(parts)))
        i = j
    return out


def _mentions_for(lang: str, sentences: list[tuple[int, list[str]]]) -> list[Mention]:
    """German goes through HanTa; every other language through casing across the cluster."""
    if lang == "de" and tagger_model() is not None:
        stats = _german_stats(sentences)
        names = {w for w, st in stats.items() if _german_is_name(w, st)}
        return [m for art, toks in sentences for m in _german_mentions(art, toks, names)]
    stats = _generic_stats(sentences)
    names = {w for w, st in stats.items() if _generic_is_name(w, st, lang)}
    return [m for art, toks in sentences for m in _generic_mentions(art, toks, names, lang)]


def extract_entities(cluster: Cluster) -> list[Entity]:
    """People, places and organisations of a prepared cluster, most widely reported first."""
    by_lang: dict[str, list[tuple[int, list[str]]]] = defaultdict(list)
    for sentence in cluster.sentences:
        by_lang[sentence.lang or "und"].append((sentence.article, _tokens(sentence.text)))
    mentions = [m for lang, sents in by_lang.items() for m in _mentions_for(lang, sents)]
    return merge(mentions, [a.id for a in cluster.articles])
