"""The story view as one self-contained HTML page.

The page has to work when mailed around or opened from disk: CSS is inlined, there is no
script, no font, image or URL from outside, and a Content-Security-Policy forbids loading
anything, so even a missed escape could not fetch or run code. Article text is untrusted and
is escaped everywhere (see `html_panels.esc`). Each summary sentence's outlets link to the
passage in the Sources section at the bottom (`#src-<article>-<sentence index>`)."""

from __future__ import annotations

from importlib.resources import files

from storysum.model import Summary
from storysum.story.html_panels import (
    Refs,
    article_anchor,
    claims_panel,
    conflicts_panel,
    dates_panel,
    entities_panel,
    esc,
    figures_panel,
    none_found,
    passage_anchor,
    quotes_panel,
    section,
    timeline_panel,
)
from storysum.story.model import Story

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

PANELS = (  # anchor, heading
    ("summary", "Summary"),
    ("consensus", "Consensus"),
    ("single-source", "Single-source"),
    ("quotes", "Quotes"),
    ("numbers", "Numbers"),
    ("dates", "Dates"),
    ("conflicts", "Conflicts"),
    ("timeline", "Timeline"),
    ("entities", "Entities"),
    ("sources", "Sources"),
)


def render_story_html(story: Story) -> str:
    """The whole page as a string (UTF-8 when written)."""
    refs = Refs.of(story)
    body = [
        _header(story, refs),
        _nav(),
        section("summary", "Summary", _summary(story.summary, refs)),
        section("consensus", "Consensus", claims_panel(story.consensus, refs)),
        section("single-source", "Single-source", claims_panel(story.single_source, refs)),
        section("quotes", "Quotes", quotes_panel(story.quotes, story.lang, refs)),
        section("numbers", "Numbers", figures_panel(story.figures, refs)),
        section("dates", "Dates", dates_panel(story.dates, refs)),
        section("conflicts", "Conflicts", conflicts_panel(story.conflicts, refs)),
        section("timeline", "Timeline", timeline_panel(story.timeline, refs)),
        section("entities", "Entities", entities_panel(story.entities, refs)),
        section("sources", "Sources", _sources(story, refs)),
        _notes(story.summary),
        '<footer>Made by storysum from the articles listed under Sources. '
        "This page loads nothing from outside.</footer>",
    ]
    return _page(story, "\n".join(part for part in body if part))


def _page(story: Story, body: str) -> str:
    """The document shell: language, charset, policy and the inlined style sheet."""
    css = files("storysum.resources").joinpath("story.css").read_text(encoding="utf-8")
    title = story.event.text if story.event else f"Story: {story.cluster_id}"
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(story.lang or "und")}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{esc(title)}</title>\n<style>\n{css}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def _header(story: Story, refs: Refs) -> str:
    """Event line as the headline (the cluster id when there is none), then the facts of the set."""
    summary = story.summary
    dates = sorted(a.date for a in summary.articles if a.date)
    span = f" · {dates[0]} – {dates[-1]}" if dates and dates[0] != dates[-1] else (f" · {dates[0]}" if dates else "")
    n = len(summary.articles)
    facts = (f"{n} article{'s' if n != 1 else ''}{esc(span)} · language {esc(story.lang)} · "
             f"summary of {summary.words} words ({esc(summary.method)})")
    if story.event:
        headline = esc(story.event.text)
        event = (f'<p class="meta">Event line: {refs.badge(story.event.support)} '
                 f"{refs.links(story.event.outlets, story.event.sentences)}</p>")
    else:
        headline, event = f"Story: {esc(story.cluster_id)}", ""
    size = ' class="long"' if len(headline) > 120 else ""
    return (f'<header>\n<p class="kicker">Story · {esc(story.cluster_id)}</p>\n<h1{size}>{headline}</h1>\n'
            f'{event}<p class="meta">{facts}</p>\n</header>')


def _nav() -> str:
    links = " ".join(f'<a href="#{anchor}">{title}</a>' for anchor, title in PANELS)
    return f'<nav aria-label="Panels">{links}</nav>'


def _summary(summary: Summary, refs: Refs) -> str:
    """Each summary sentence, its support badge and its outlets, each linking to a passage."""
    if not summary.sentences:
        return none_found()
    items = []
    for number, s in enumerate(summary.sentences, start=1):
        other = f' <span class="tag">from a {esc(s.lang)} article</span>' if s.other_language else ""
        if s.speaker:
            other += f' <span class="tag">quoted: {esc(s.speaker)}</span>'
        items.append(f'<li id="sum-{number}"><span class="text">{esc(s.text)}</span> {refs.badge(s.support)} '
                     f"{refs.links(s.sources, [s.index], supports=s.index)}{other}</li>")
    return '<ol class="summary">\n' + "\n".join(items) + "\n</ol>"


def _sources(story: Story, refs: Refs) -> str:
    """Per article its title, outlet and date, then the cited passages with their ids."""
    known = list(refs.articles)
    extra = sorted({str(p.get("article")) for p in refs.passages.values()} - set(known))
    blocks = []
    for article_id in known + extra:
        article = refs.articles.get(article_id)
        title = (article.title if article else None) or article_id
        facts = [refs.outlet(article_id)] + [x for x in ((article.date, article.lang) if article else ()) if x]
        facts.append(f"id {article_id}")
        cited = sorted(i for i, p in refs.passages.items() if str(p.get("article")) == article_id)
        blocks.append(f'<article class="source" id="{article_anchor(article_id)}">\n<h3>{esc(title)}</h3>\n'
                      f'<p class="meta">{esc(" · ".join(facts))}</p>\n{_passages(article_id, cited, refs)}\n'
                      "</article>")
    return "\n".join(blocks) if blocks else none_found()


def _passages(article_id: str, cited: list[int], refs: Refs) -> str:
    if not cited:
        return '<p class="none">No passage cited.</p>'
    items = []
    for index in cited:
        item = refs.passages[index]
        position = item.get("position")
        where = f" · sentence {int(position) + 1}" if isinstance(position, int) else ""
        items.append(f'<li id="{passage_anchor(article_id, index)}"><span class="sid">#{index}{where}</span>'
                     f'{esc(item.get("text", ""))}</li>')
    return '<ol class="passages">\n' + "\n".join(items) + "\n</ol>"


def _notes(summary: Summary) -> str:
    """Warnings and skipped inputs, so the reader knows what the page does not cover."""
    lines = [f"<li>warning: {esc(w)}</li>" for w in summary.warnings]
    lines += [f"<li>skipped {esc(s.path)}: {esc(s.reason)}</li>" for s in summary.skipped]
    if not lines:
        return ""
    return section("notes", "Notes", "<ul>\n" + "\n".join(lines) + "\n</ul>")
