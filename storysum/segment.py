"""Sentence segmentation: paragraphs into sentences with pysbd, plus two measured repairs.

pysbd knows German and English abbreviations, ordinals and quotes, but it is slow (~0.5 ms
per sentence) and misses two German patterns. So (1) a paragraph is first cut only at
unambiguous boundaries (a long, non-abbreviation word, then [.!?], a space and a capital)
and pysbd sees only the pieces that still hold inner punctuation; (2) a piece that starts in
lower case or with a comma after an abbreviation is glued back to its predecessor, and a
sentence-final number ("auf Platz 3. Danach …") is split before a typical sentence opener.
The gold file `tests/data/segmentation_gold.txt` measures the result.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from storysum import resources

from storysum.model import Article, Sentence

_PYSBD_LANGS = {
    "en", "hi", "mr", "zh", "es", "am", "ar", "hy", "bg", "ur", "ru", "pl", "fa", "nl", "da",
    "fr", "my", "el", "it", "ja", "de", "kk", "sk",
}
_SAFE_BREAK = regex.compile(r"(\p{L}+)([.!?]+[“”«\"’]?)(\s+)(?=[\p{Lu}„»“\"‚‘])")
_QUOTE_BREAK = regex.compile(r"(?<=[.!?…][“”«\"’])\s+(?=[„»“\"‚‘])")
_QUOTE_MARKS = regex.compile(r"[\"„“”»«]")
_INNER_STOP = regex.compile(r"[.!?…։۔।॥።]")
_NUMBER_END = regex.compile(r"\s\d{1,4}\.$")
_SHORT_END = regex.compile(r"(?:\b\p{L}{1,4}|\d+)\.$")
_FIRST_WORD = regex.compile(r"[\p{L}]+")
_WORDS = regex.compile(r"[\p{L}]+")
_AFTER_STOP = regex.compile(r"(?<=[.…!?][“”«\"’]?)\s+(?=\S)")


@dataclass(frozen=True)
class Repairs:
    """Per-language lists from `resources/segmentation.tsv` (see the comments there)."""

    inner: frozenset[str] = frozenset()
    final: frozenset[str] = frozenset()
    openers: frozenset[str] = frozenset({"*"})
    joiners: frozenset[str] = frozenset()
    speech: frozenset[str] = frozenset()
    closers: frozenset[str] = frozenset({"”", "’", '"', "»"})

    def opens_sentence(self, word: str) -> bool:
        if not word[:1].isupper():
            return False
        return "*" in self.openers or word.casefold() in self.openers


@lru_cache(maxsize=1)
def _load_repairs() -> dict[str, Repairs]:
    table: dict[str, dict[str, frozenset[str]]] = {}
    for raw in resources.read("segmentation.tsv").splitlines():
        if raw.strip() and not raw.startswith("#"):
            lang, kind, words = raw.split("\t")
            table.setdefault(lang, {})[kind] = frozenset(w.casefold() for w in words.split())
    return {lang: Repairs(**kinds) for lang, kinds in table.items()}


def _repairs(lang: str) -> Repairs:
    return _load_repairs().get(lang, Repairs())


@lru_cache(maxsize=None)
def _segmenter(lang: str):
    import pysbd

    return pysbd.Segmenter(language=lang if lang in _PYSBD_LANGS else "en", clean=False)


@lru_cache(maxsize=None)
def _abbreviations(lang: str) -> frozenset[str]:
    from pysbd.languages import Language

    code = lang if lang in _PYSBD_LANGS else "en"
    abbrs = Language.get_language_code(code).Abbreviation.ABBREVIATIONS
    repairs = _repairs(lang)
    ours = {a.replace(".", "") for a in repairs.inner | repairs.final}
    return frozenset(a.strip().rstrip(".").casefold() for a in abbrs) | ours


def split_paragraph(paragraph: str, lang: str) -> list[str]:
    """Sentences of one paragraph, in order, without surrounding whitespace."""
    paragraph = paragraph.strip()
    if not paragraph:
        return []
    pieces: list[str] = []
    for chunk in _safe_chunks(paragraph, lang):
        if _INNER_STOP.search(chunk[:-1]):
            pieces.extend(s.strip() for s in _segmenter(lang).segment(chunk) if s.strip())
        else:
            pieces.append(chunk)
    repairs = _repairs(lang)
    pieces = _glue_fragments(_move_closing_quotes(pieces, repairs), repairs)
    pieces = [part for piece in pieces for part in _split_missed(piece, repairs)]
    return _realign(paragraph, pieces)


def _realign(paragraph: str, pieces: list[str]) -> list[str]:
    """Cut the sentences out of the paragraph itself, so a summary sentence is always verbatim
    input even where a repair glued pieces with different spacing."""
    out: list[str] = []
    pos = 0
    for piece in pieces:
        while pos < len(paragraph) and paragraph[pos].isspace():
            pos += 1
        start = pos
        if paragraph.startswith(piece, pos):
            pos += len(piece)
        else:
            for char in piece:
                if char.isspace():
                    continue
                while pos < len(paragraph) and paragraph[pos].isspace():
                    pos += 1
                if pos >= len(paragraph) or paragraph[pos] != char:
                    return pieces  # cannot happen for pysbd with clean=False; keep what we have
                pos += 1
        out.append(paragraph[start:pos])
    return out


def _safe_chunks(paragraph: str, lang: str) -> list[str]:
    """Cut at boundaries every segmenter agrees on; the rest is left for pysbd."""
    abbreviations = _abbreviations(lang)
    chunks: list[str] = []
    start = 0
    for match in _SAFE_BREAK.finditer(paragraph):
        word = match.group(1)
        if len(word) < 4 or word.isupper() or word.casefold() in abbreviations:
            continue
        if len(_QUOTE_MARKS.findall(paragraph, start, match.end(2))) % 2:
            continue  # inside a quotation: pysbd keeps a multi-sentence quote together
        chunks.append(paragraph[start:match.end(2)])
        start = match.end(3)
    chunks.append(paragraph[start:])
    return [c.strip() for c in chunks if c.strip()]


def _move_closing_quotes(pieces: list[str], repairs: Repairs) -> list[str]:
    """pysbd cuts `»Nicht mit uns!« Etwa …` before the closing quote: give it back."""
    out: list[str] = []
    for piece in pieces:
        while out and piece and piece[0] in repairs.closers and (len(piece) == 1 or not piece[1].isalnum()):
            out[-1] += piece[0]
            piece = piece[1:].lstrip()
        if piece:
            out.append(piece)
    return out


def _glue_fragments(pieces: list[str], repairs: Repairs) -> list[str]:
    """Re-join a piece wrongly cut after an abbreviation or a quotation."""
    out: list[str] = []
    for piece in pieces:
        if out and _continues(out[-1], piece, repairs):
            out[-1] = out[-1] + piece if piece[0] in ",;:" else f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def _ends_with(previous: str, abbreviations: frozenset[str]) -> str | None:
    """The abbreviation (written without spaces, e.g. "z.b") that `previous` ends with."""
    tail = regex.sub(r"(?<=\.)\s+", "", previous[-16:]).casefold()
    if not tail.endswith("."):
        return None
    for abbreviation in abbreviations:
        pattern = abbreviation + "."
        if tail.endswith(pattern) and (len(tail) == len(pattern) or not tail[-len(pattern) - 1].isalpha()):
            return abbreviation
    return None


def _continues(previous: str, piece: str, repairs: Repairs) -> bool:
    if piece[0] in ",;:":
        return True
    if _ends_with(previous, repairs.inner) or (previous.endswith("str.") and "str" in repairs.inner):
        return True  # "gem. Art. 9", "Lindenstr. 5": a street, article or paragraph goes on
    first = _FIRST_WORD.match(piece)
    if first and _ends_with(previous, frozenset({"a.m", "p.m"})) and first.group(0).casefold() in repairs.joiners:
        return True
    quoted_exclamation = previous[-2:-1] in {"?", "!"} and previous[-1:] in repairs.closers
    if quoted_exclamation and any(w.casefold() in repairs.speech for w in _WORDS.findall(piece)[:3]):
        return True  # “… last game!” Markovic said afterward.
    return piece[0].islower() and bool(_SHORT_END.search(previous) or quoted_exclamation)


def _split_missed(sentence: str, repairs: Repairs) -> list[str]:
    """Split where pysbd missed a boundary: after a sentence-final number (German "auf Platz 3.
    Danach …"), `usw.`/`etc.`/`…`, or between two quoted sentences, when an opener follows."""
    for match in _AFTER_STOP.finditer(sentence):
        head, tail = sentence[: match.start()], sentence[match.end():]
        if _QUOTE_BREAK.match(sentence, match.start()):
            return [head] + _split_missed(tail, repairs)
        first = _FIRST_WORD.match(tail)
        if not first or not repairs.opens_sentence(first.group(0)):
            continue
        final_mark = head.endswith(" …") and "…" in repairs.final
        if _NUMBER_END.search(head) or final_mark or _ends_with(head, repairs.final):
            return [head] + _split_missed(tail, repairs)
    return [sentence]


def segment_articles(articles: list[Article]) -> list[Sentence]:
    """All sentences of all articles, numbered in reading order."""
    sentences: list[Sentence] = []
    for a_index, article in enumerate(articles):
        lang = article.lang or "und"
        position = 0
        for p_index, paragraph in enumerate(article.text.split("\n")):
            for text in split_paragraph(paragraph, lang):
                sentences.append(
                    Sentence(text=text, article=a_index, position=position, paragraph=p_index,
                             lang=lang, index=len(sentences))
                )
                position += 1
    return sentences
