"""Cleaning: headline, metadata prefix, credits, navigation and duplicated captions out of the
body text, so no artefact can reach a summary.

The artefact patterns are data (`resources/boilerplate.tsv`, one artefact per line); this module
holds only the structural rules that patterns cannot express: the headline and kicker at the
top, a leading `date …` metadata prefix, captions repeated twice, short heading lines, and
hard-wrapped paragraphs.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from storysum import resources

_TERMINAL = ".!?…:;\"'“”»«)]›‹’"
_META_PREFIX = regex.compile(r"^\s*date\s+(\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)(?:\s+|$)", regex.I)
_DATELINE = regex.compile(r"^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})\b")
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"), None)
_SPACES = regex.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")


@dataclass(frozen=True)
class Rule:
    kind: str  # line | inline | sentence
    pattern: regex.Pattern
    note: str


@lru_cache(maxsize=1)
def load_rules() -> tuple[Rule, ...]:
    """Parse `resources/boilerplate.tsv` once."""
    text = resources.read("boilerplate.tsv")
    rules = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        kind, pattern, *note = raw.split("\t")
        if kind not in {"line", "inline", "sentence"}:
            raise ValueError(f"boilerplate.tsv line {number}: unknown kind {kind!r}")
        rules.append(Rule(kind, regex.compile(pattern, regex.I | regex.V0), note[0] if note else ""))
    return tuple(rules)


def _rules(kind: str) -> list[Rule]:
    return [r for r in load_rules() if r.kind == kind]


def is_boilerplate_line(line: str) -> Rule | None:
    """The line rule that matches the whole line, if any."""
    for rule in _rules("line"):
        if rule.pattern.fullmatch(line):
            return rule
    return None


def strip_inline(line: str) -> str:
    """Cut inline artefacts (datelines, bracketed credits) out of a line."""
    for rule in _rules("inline"):
        line = rule.pattern.sub("", line)
    return line.strip()


def is_unsummarizable(sentence: str) -> bool:
    """True for sentences that point at what a summary reader cannot see (videos, photos)."""
    return any(rule.pattern.search(sentence) for rule in _rules("sentence"))


def normalize_text(text: str) -> str:
    """NFC, one kind of newline and space, no invisible characters."""
    text = unicodedata.normalize("NFC", text).translate(_INVISIBLE)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    return "\n".join(_SPACES.sub(" ", line).strip() for line in text.split("\n"))


def clean_article(article):
    """Return a copy of `article` with a clean body, its title and date filled in where found."""
    text = normalize_text(article.text)
    date = article.date
    match = _META_PREFIX.match(text)
    if match:
        date = date or match.group(1)
        text = text[match.end():]
    removed: list[str] = []
    blocks = _blocks(text)
    title, blocks = _take_headline(blocks, article.title, removed)
    captions = _repeated_in_a_row(blocks)
    wrapped = _is_hard_wrapped(blocks)
    paragraphs: list[str] = []
    seen: set[str] = set()
    for block in blocks:
        kept = []
        for line in block:
            if is_boilerplate_line(line):
                removed.append(line)
                date = date or _dateline_date(line)
                continue
            line = strip_inline(line)
            key = line.casefold()
            if not line or key in seen or key in captions:
                if line:
                    removed.append(line)  # a caption, or a paragraph repeated verbatim
                continue
            seen.add(key)
            kept.append(line)
        paragraphs.extend(_unwrap(kept, removed, wrapped))
    return replace(
        article,
        text="\n".join(paragraphs),
        title=title,
        date=_iso_date(date),
        removed=article.removed + removed,
    )


def _blocks(text: str) -> list[list[str]]:
    """Blank-line separated blocks of non-empty lines."""
    blocks: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line:
            blocks[-1].append(line)
        elif blocks[-1]:
            blocks.append([])
    return [b for b in blocks if b]


def _repeated_in_a_row(blocks: list[list[str]]) -> set[str]:
    """Lines that appear twice in a row (a photo caption printed under and beside a picture):
    both copies go, while a later repetition of a paragraph only loses its second copy."""
    lines = [line.casefold() for block in blocks for line in block]
    return {a for a, b in zip(lines, lines[1:]) if a == b}


def _take_headline(blocks: list[list[str]], title: str | None, removed: list[str]):
    """Remove the headline (and kicker) at the top; return the title and the rest."""
    if not blocks:
        return title, blocks
    first = blocks[0]
    lines = list(first)
    if title:
        while lines and lines[0].casefold() == title.casefold():
            removed.append(lines.pop(0))
    else:
        heads = []
        # A headline, optionally with a kicker, stands before the body: short, unpunctuated lines.
        while lines and len(heads) < 2 and _looks_like_heading(lines[0], max_words=25):
            if len(lines) == 1 and len(blocks) == 1:
                break  # a single line is the body, not a headline
            heads.append(lines.pop(0))
        removed.extend(heads)
        if heads:
            title = max(heads, key=len) if len(heads) == 2 else heads[0]
    rest = ([lines] if lines else []) + blocks[1:]
    return title, rest


def _looks_like_heading(line: str, max_words: int) -> bool:
    return len(line.split()) <= max_words and not line.endswith(tuple(".;,"))


def _is_hard_wrapped(blocks: list[list[str]]) -> bool:
    """Whether the text breaks lines inside paragraphs: most long lines stop mid-sentence.
    Texts with one paragraph per line (agency feeds, the evaluation data) are not wrapped."""
    long_lines = [line for block in blocks for line in block[:-1] if len(line) >= 40]
    if len(long_lines) < 3:
        return False
    unfinished = sum(not line.endswith(tuple(_TERMINAL)) for line in long_lines)
    return unfinished / len(long_lines) > 0.5


def _unwrap(lines: list[str], removed: list[str], wrapped: bool) -> list[str]:
    """Join hard-wrapped lines of one block into paragraphs; drop short heading lines."""
    paragraphs: list[str] = []
    joining = False
    for i, line in enumerate(lines):
        unpunctuated = not line.endswith(tuple(_TERMINAL))
        # A long line that stops mid-sentence is hard-wrapped when the block goes on.
        wraps = wrapped and unpunctuated and len(line) >= 40 and i + 1 < len(lines)
        if unpunctuated and not wraps and not joining and len(line.split()) < 9:
            removed.append(line)  # a subheading, caption or label, not a sentence
            continue
        if joining and paragraphs:
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
        joining = wraps
    return paragraphs


def _dateline_date(line: str) -> str | None:
    match = _DATELINE.match(line)
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    if year < 100:
        year += 2000
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _iso_date(value: str | None) -> str | None:
    """Normalise a date to ISO form (YYYY, YYYY-MM or YYYY-MM-DD) where recognisable."""
    if not value:
        return None
    value = value.strip()
    iso = regex.match(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", value)
    if iso:
        parts = [iso.group(1)] + [f"{int(p):02d}" for p in iso.groups()[1:] if p]
        return "-".join(parts)
    return _dateline_date(value) or value
