"""The story view as Markdown (for editors' tools and terminals) and JSON (for machines).

Every line that states something names its outlets, so a reader can check any claim."""

from __future__ import annotations

import json

from storysum.render import md_escape
from storysum.story.model import Figure, Story

STORY_FORMATS = ("markdown", "json", "html")
_QUOTE_MARKS = {"de": ("„", "“"), "fr": ("« ", " »"), "pl": ("„", "”"), "cs": ("„", "“")}


def render_story(story: Story, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(story.to_dict(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "markdown":
        return render_story_markdown(story)
    if fmt == "html":
        from storysum.story.html import render_story_html

        return render_story_html(story)
    raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(STORY_FORMATS)}")


def render_story_markdown(story: Story) -> str:
    total = len(story.summary.articles)
    title = md_escape(story.event.text if story.event else story.cluster_id)
    lines = [f"# {title}", ""]
    if story.event:
        lines += [f"*Event line from {_outlets(story.event.outlets)}; {total} article{'s' if total != 1 else ''}, "
                  f"language {story.lang}*", ""]
    lines += _section("Summary", [
        f"{i}. {md_escape(s.text)} <sub>({s.support}/{total}: {', '.join(s.sources)}"
        f"{'; quoted: ' + md_escape(s.speaker) if s.speaker else ''})</sub>"
        for i, s in enumerate(story.summary.sentences, start=1)
    ])
    lines += _section("Consensus", [f"- {md_escape(c.text)} — *{c.support}/{total}: {_outlets(c.outlets)}*"
                                    for c in story.consensus])
    lines += _section("Single-source", [f"- {md_escape(c.text)} — *only {_outlets(c.outlets)}*"
                                        for c in story.single_source])
    lines += _section("Quotes", [
        f"- {'(indirect) ' if q.indirect else ''}{_quoted(md_escape(q.text), story.lang)} — **{md_escape(q.speaker or 'unknown speaker')}**"
        f" ({_outlets(q.outlets)})"
        for q in story.quotes
    ])
    lines += _section("Numbers", _figure_table(story.figures))
    lines += _section("Dates", ["| date | as written | outlets |", "|---|---|---|"] + [
        f"| {d.date or 'unresolved'}{' ' + d.time if d.time else ''} | {_cell(' / '.join(d.surfaces))} | {_outlets(d.outlets)} |"
        for d in story.dates
    ] if story.dates else [])
    lines += _section("Conflicts", [
        f"- **{md_escape(c.about)}**: "
        + " vs ".join(f"**{md_escape(v.value)}** ({_outlets(v.outlets)})" for v in c.values)
        for c in story.conflicts
    ])
    lines += _section("Timeline", [f"- **{t.date}** — {md_escape(t.text)} ({_outlets(t.outlets)})"
                                   for t in story.timeline])
    lines += _section("Entities", ["| name | kind | outlets | mentions |", "|---|---|---|---|"] + [
        f"| {_cell(e.name)} | {e.kind} | {len(e.outlets)}/{total}: {', '.join(e.outlets)} | {e.mentions} |"
        for e in story.entities
    ] if story.entities else [])
    lines += _section("Sources", ["| id | source | date | title |", "|---|---|---|---|"] + [
        f"| {_cell(a.id)} | {_cell(a.source or '')} | {a.date or ''} | {_cell(a.title or '')} |"
        for a in story.summary.articles
    ])
    notes = [f"- warning: {w}" for w in story.summary.warnings]
    notes += [f"- skipped {s.path}: {s.reason}" for s in story.summary.skipped]
    if notes:
        lines += _section("Notes", notes)
    return "\n".join(lines).rstrip() + "\n"


def _figure_table(figures: list[Figure]) -> list[str]:
    if not figures:
        return []
    rows = ["| figure | what | outlets | context |", "|---|---|---|---|"]
    for f in figures:
        rows.append(f"| {_cell(' = '.join(f.surfaces))} | {_cell(f.about)} | {_outlets(f.outlets)} | {_cell(f.context)} |")
    return rows


def _quoted(text: str, lang: str) -> str:
    """Quotation marks as the story's language writes them."""
    opening, closing = _QUOTE_MARKS.get(lang, ("“", "”"))
    return f"{opening}{text}{closing}"


def _section(heading: str, lines: list[str]) -> list[str]:
    return [f"## {heading}", ""] + (lines or ["*none found*"]) + [""]


def _outlets(outlets: list[str]) -> str:
    return ", ".join(outlets)


def _cell(text: str) -> str:
    return md_escape(text).replace("|", "\\|").replace("\n", " ")
