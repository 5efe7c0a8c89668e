"""Rendering a Summary as plain text, Markdown or JSON. Every format shows, for every
sentence, the articles that support it and the support count."""

from __future__ import annotations

import json

from storysum.model import Summary

FORMATS = ("text", "markdown", "json")


def render(summary: Summary, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(summary.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return render_markdown(summary)
    if fmt == "text":
        return render_text(summary)
    raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}")


def _support(summary: Summary, i: int) -> str:
    sentence = summary.sentences[i]
    label = f"{sentence.support}/{len(summary.articles)}: {', '.join(sentence.sources)}"
    if sentence.other_language:
        label += f"; from a {sentence.lang} article"
    if sentence.speaker:
        label += f"; quoted: {sentence.speaker}"
    return label


def _header(summary: Summary) -> str:
    n = len(summary.articles)
    return (f"{summary.cluster_id}: {n} article{'s' if n != 1 else ''}, language {summary.lang}, "
            f"{summary.words} words, method {summary.method}")


def render_text(summary: Summary) -> str:
    lines = [_header(summary), ""]
    for i, sentence in enumerate(summary.sentences):
        lines.append(f"{sentence.text} [{_support(summary, i)}]")
    lines += ["", "Sources:"]
    for article in summary.articles:
        parts = [article.id]
        parts += [p for p in (article.source, article.date) if p]
        if article.title:
            parts.append(f"\u201e{article.title}\u201c" if article.lang == "de" else f'"{article.title}"')
        lines.append("  " + " | ".join(parts))
    notes = _notes(summary, prefix="  ")
    if notes:
        lines += ["", "Notes:"] + notes
    return "\n".join(lines) + "\n"


def render_markdown(summary: Summary) -> str:
    lines = [f"## Summary: {summary.cluster_id}", "", f"*{_header(summary)}*", ""]
    for i, sentence in enumerate(summary.sentences, start=1):
        lines.append(f"{i}. {md_escape(sentence.text)} <sub>({_support(summary, i - 1)})</sub>")
    lines += ["", "### Sources", "", "| id | source | date | language | title |", "|---|---|---|---|---|"]
    for a in summary.articles:
        cells = [a.id, a.source or "", a.date or "", a.lang or "", a.title or ""]
        lines.append("| " + " | ".join(md_escape(c).replace("|", "\\|") for c in cells) + " |")
    notes = _notes(summary, prefix="- ")
    if notes:
        lines += ["", "### Notes", ""] + notes
    return "\n".join(lines) + "\n"


def _notes(summary: Summary, prefix: str) -> list[str]:
    lines = [f"{prefix}warning: {w}" for w in summary.warnings]
    lines += [f"{prefix}skipped {s.path}: {s.reason}" for s in summary.skipped]
    return lines


def md_escape(text: str) -> str:
    for char in "\\`*_[]<>#":
        text = text.replace(char, "\\" + char)
    return text
