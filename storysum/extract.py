"""Formats to article fields: HTML pages (main text by trafilatura), Markdown, JSON objects.

Each function takes decoded text and returns an `Extracted` record; the cleaner then removes
the artefacts that survive extraction. Sniffing lives here too, so a `.txt` file that is
really HTML is still parsed as HTML.
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass

from storysum.decode import InputError

_HTML_START = re.compile(r"^\s*(<!--.*?-->\s*)*<(!doctype\s+html|html|head|body|article)\b", re.I | re.S)
_TAG = re.compile(r"</?(p|div|span|a|br|h[1-6]|li|ul|article|section|meta|script|table)\b[^>]*>", re.I)


@dataclass
class Extracted:
    """The fields a format yields; missing ones stay None."""

    text: str
    title: str | None = None
    source: str | None = None
    date: str | None = None
    lang: str | None = None
    id: str | None = None


def sniff_format(text: str, suffix: str) -> str:
    """Name the format of `text`: html, markdown, json, jsonl or text."""
    suffix = suffix.lower()
    if suffix in {".html", ".htm", ".xhtml", ".shtml"}:
        return "html"
    if suffix in {".jsonl", ".ndjson"}:
        return "jsonl"
    if suffix == ".json":
        return "json"
    if suffix in {".md", ".markdown"}:
        return "markdown"
    head = text[:4096]
    if _HTML_START.match(head) or len(_TAG.findall(head)) >= 5:
        return "html"
    stripped = head.lstrip()
    if stripped.startswith("{") or stripped.startswith("["):
        first_line = stripped.split("\n", 1)[0].strip()
        if first_line.startswith("{") and first_line.endswith("}") and "\n{" in stripped:
            return "jsonl"
        return "json"
    return "text"


def extract_html(html: str) -> Extracted:
    """Main text and metadata of a web page; raises InputError if it holds no article."""
    import trafilatura  # imported here: it costs ~0.3 s and most inputs are not HTML

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        doc = trafilatura.bare_extraction(
            html,
            favor_recall=True,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
        )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise InputError("HTML page without article text")
    title = getattr(doc, "title", None)
    lines = text.split("\n")
    if title and lines and lines[0].strip() == title.strip():
        lines = lines[1:]  # trafilatura repeats the <h1> as the first line
    return Extracted(
        text="\n".join(lines),
        title=title,
        source=getattr(doc, "sitename", None) or None,
        date=getattr(doc, "date", None) or None,
        lang=getattr(doc, "language", None) or None,
    )


def extract_markdown(markdown: str) -> Extracted:
    """Paragraph text of a Markdown document; the first level-1 heading becomes the title.

    Images (and with them their captions) are dropped, links keep their text, emphasis goes.
    """
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(markdown)
    title: str | None = None
    paragraphs: list[str] = []
    heading_level = 0
    for token in tokens:
        if token.type == "heading_open":
            heading_level = int(token.tag[1])
        elif token.type == "heading_close":
            heading_level = 0
        elif token.type == "inline":
            text = _inline_text(token.children or [])
            if not text:
                continue
            if heading_level == 1 and title is None:
                title = text
            else:
                paragraphs.append(text)
        elif token.type in {"fence", "code_block"}:
            continue
    return Extracted(text="\n".join(paragraphs), title=title)


def _inline_text(children: list) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in {"text", "code_inline"}:
            parts.append(child.content)
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append("\n")
        # image tokens are skipped on purpose: alt texts are captions, i.e. boilerplate
    return "".join(parts).strip()


_TEXT_KEYS = ("text", "body", "content", "maintext", "article")
_TITLE_KEYS = ("title", "headline")
_SOURCE_KEYS = ("source", "outlet", "publisher", "sitename", "site")
_DATE_KEYS = ("date", "published", "date_publish", "published_at")
_LANG_KEYS = ("lang", "language")


def extract_json_article(obj: dict) -> Extracted:
    """Fields of one article given as a JSON object (common key spellings accepted)."""
    text = _first(obj, _TEXT_KEYS)
    if not isinstance(text, str):
        raise InputError(f"JSON object has no text field (one of {', '.join(_TEXT_KEYS)})")
    return Extracted(
        text=text,
        title=_str_or_none(_first(obj, _TITLE_KEYS)),
        source=_str_or_none(_first(obj, _SOURCE_KEYS)),
        date=_str_or_none(_first(obj, _DATE_KEYS)),
        lang=_str_or_none(_first(obj, _LANG_KEYS)),
        id=_str_or_none(obj.get("id")),
    )


def _first(obj: dict, keys: tuple[str, ...]):
    for key in keys:
        if obj.get(key) is not None:
            return obj[key]
    return None


def _str_or_none(value) -> str | None:
    if value is None:
        return None
    value = str(value).strip()
    return value or None
