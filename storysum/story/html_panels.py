"""The story page's panels and the links from every item to its source passages.

Every piece of article-derived text goes through `esc` (html.escape with quote=True), because
article text is untrusted: a news page may quote markup, and the page must show it literally."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from storysum.model import Article
from storysum.story.model import Claim, Conflict, DateMention, Entity, Figure, Quote, Story, TimelineEvent


def esc(value: object) -> str:
    """Text made safe for both element content and quoted attribute values."""
    return html.escape(str(value), quote=True)


def slug(article_id: str) -> str:
    """An id fragment that is the same in `id=` and `href="#…"`: any character outside
    [A-Za-z0-9-] becomes `_hex_`, so distinct article ids never share an anchor."""
    return re.sub(r"[^A-Za-z0-9-]", lambda m: f"_{ord(m.group()):x}_", article_id)


def passage_anchor(article_id: str, index: int) -> str:
    return f"src-{slug(article_id)}-{index}"


def article_anchor(article_id: str) -> str:
    return f"art-{slug(article_id)}"


def none_found() -> str:
    return '<p class="none">None found.</p>'


@dataclass
class Refs:
    """What links need: the articles by id and every cited passage by sentence index."""

    articles: dict[str, Article]
    passages: dict[int, dict]
    same: dict[int, list[int]]  # sentence → the other sentences a claim says carry the same fact

    @classmethod
    def of(cls, story: Story) -> Refs:
        """Passages from `Story.sentences` plus each summary sentence's own wording, which is
        always known, so every summary sentence links to at least its origin passage."""
        ordered = story.summary.articles
        articles = {a.id: a for a in ordered}
        passages: dict[int, dict] = {}
        for item in story.sentences:
            article = item.get("article")
            if isinstance(article, int) and 0 <= article < len(ordered):
                item = {**item, "article": ordered[article].id}  # tolerate an article index
            passages[int(item["index"])] = item
        for s in story.summary.sentences:
            passages.setdefault(s.index, {"index": s.index, "text": s.text, "article": s.article})
        same: dict[int, list[int]] = {}
        for claim in [story.event, *story.consensus, *story.single_source]:
            for index in claim.sentences if claim else ():
                same.setdefault(index, []).extend(i for i in claim.sentences if i != index)
        return cls(articles, passages, same)

    @property
    def total(self) -> int:
        return len(self.articles)

    def outlet(self, article_id: str) -> str:
        """The outlet's name as a reader knows it, the article id when the source is unknown."""
        article = self.articles.get(article_id)
        return (article.source if article and article.source else None) or article_id

    def target(self, article_id: str, sentences: list[int], supports: int | None = None) -> str:
        """The anchor of this outlet's passage among `sentences`; for a summary sentence
        (`supports`) also among the sentences a claim groups with it, or a passage marked as
        supporting it; the article's entry when none is known."""
        if supports is not None:
            sentences = [*sentences, *self.same.get(supports, ())]
        for index in sentences:
            if self.passages.get(index, {}).get("article") == article_id:
                return passage_anchor(article_id, index)
        if supports is not None:
            for index, item in sorted(self.passages.items()):
                if item.get("article") == article_id and supports in item.get("supports", ()):
                    return passage_anchor(article_id, index)
        return article_anchor(article_id)

    def links(self, outlets: list[str], sentences: list[int], supports: int | None = None) -> str:
        """Each outlet as a link to its source passage."""
        parts = [f'<a href="#{self.target(o, sentences, supports)}" title="{esc(o)}">{esc(self.outlet(o))}</a>'
                 for o in outlets]
        return f'<span class="outlets">{", ".join(parts)}</span>'

    def badge(self, count: int) -> str:
        return f'<span class="badge" title="{count} of {self.total} sources">{count}/{self.total}</span>'


def section(anchor: str, title: str, body: str) -> str:
    return f'<section id="{anchor}">\n<h2>{esc(title)}</h2>\n{body}\n</section>'


def claims_panel(claims: list[Claim], refs: Refs) -> str:
    """Consensus or single-source claims: the wording, support and outlets."""
    if not claims:
        return none_found()
    items = [f'<li>{esc(c.text)} {refs.badge(c.support)} {refs.links(c.outlets, c.sentences)}</li>'
             for c in claims]
    return '<ul class="claims">\n' + "\n".join(items) + "\n</ul>"


def quotes_panel(quotes: list[Quote], lang: str, refs: Refs) -> str:
    """Quotes with speaker and outlets; reported speech is labelled, not put in quote marks."""
    if not quotes:
        return none_found()
    opening, closing = ("\u201e", "\u201c") if lang == "de" else ("\u201c", "\u201d")
    items = []
    for q in quotes:
        words = esc(q.text) if q.indirect else f"{opening}{esc(q.text)}{closing}"
        tag = ' <span class="tag">reported speech</span>' if q.indirect else ""
        speaker = esc(q.speaker) if q.speaker else "unknown speaker"
        items.append(f'<li class="quote"><blockquote>{words}</blockquote>'
                     f'<span class="speaker">— {speaker}</span>{tag} {refs.links(q.outlets, q.sentences)}</li>')
    return '<ul class="quotes">\n' + "\n".join(items) + "\n</ul>"


def _number(value: float) -> str:
    return f"{value:,.0f}".replace(",", "\u202f") if float(value).is_integer() else f"{value:g}"


def figures_panel(figures: list[Figure], refs: Refs) -> str:
    """Numbers as written, their normalised value and what they count, with context."""
    if not figures:
        return none_found()
    rows = []
    for f in figures:
        written = " / ".join(esc(s) for s in f.surfaces) or esc(_number(f.value))
        about = f" {esc(f.about)}" if f.about else ""
        rows.append(f'<tr><td><strong>{written}</strong>{about}<br><span class="tag">{esc(f.kind)}: '
                    f'{esc(_number(f.value))} {esc(f.unit)}</span></td><td class="context">{esc(f.context)}</td>'
                    f"<td>{refs.links(f.outlets, f.sentences)}</td></tr>")
    head = "<tr><th>Number</th><th>Context</th><th>Outlets</th></tr>"
    return f'<table class="figures">\n{head}\n' + "\n".join(rows) + "\n</table>"


def _when(date: str | None, time: str | None = None) -> str:
    if not date:
        return '<span class="tag">unresolved</span>'
    shown = f"{date} {time}" if time else date
    return f'<time datetime="{esc(shown)}">{esc(shown)}</time>'


def dates_panel(dates: list[DateMention], refs: Refs) -> str:
    """Dates as resolved and as written, relative ones marked, with context."""
    if not dates:
        return none_found()
    items = []
    for d in dates:
        written = " / ".join(esc(s) for s in d.surfaces)
        tag = ' <span class="tag">relative</span>' if d.relative else ""
        items.append(f"<li>{_when(d.date, d.time)} ({written}){tag} "
                     f'<span class="context">{esc(d.context)}</span> {refs.links(d.outlets, d.sentences)}</li>')
    return '<ul class="dates">\n' + "\n".join(items) + "\n</ul>"


def conflicts_panel(conflicts: list[Conflict], refs: Refs) -> str:
    """Each disagreement with its values side by side, each value with its outlets and wording."""
    if not conflicts:
        return none_found()
    blocks = []
    for c in conflicts:
        values = []
        for v in c.values:
            first = refs.passages.get(v.sentences[0], {}).get("text", "") if v.sentences else ""
            quote = f'<div class="context">{esc(first)}</div>' if first else ""
            values.append(f'<div class="value"><strong>{esc(v.value)}</strong> '
                          f"{refs.links(v.outlets, v.sentences)}{quote}</div>")
        blocks.append(f'<div class="conflict"><h3>{esc(c.about)} <span class="tag">{esc(c.kind)}</span></h3>'
                      f'<div class="values">{"".join(values)}</div></div>')
    return "\n".join(blocks)


def timeline_panel(events: list[TimelineEvent], refs: Refs) -> str:
    if not events:
        return none_found()
    items = [f"<li>{_when(t.date)} {esc(t.text)} {refs.links(t.outlets, t.sentences)}</li>" for t in events]
    return '<ol class="timeline">\n' + "\n".join(items) + "\n</ol>"


def entities_panel(entities: list[Entity], refs: Refs) -> str:
    """Who and what the story names, with how many outlets name them."""
    if not entities:
        return none_found()
    rows = []
    for e in entities:
        aliases = f'<br><span class="context">also: {esc(", ".join(e.aliases))}</span>' if e.aliases else ""
        names = ", ".join(f'<a href="#{article_anchor(o)}">{esc(refs.outlet(o))}</a>' for o in e.outlets)
        rows.append(f"<tr><td><strong>{esc(e.name)}</strong>{aliases}</td><td>{esc(e.kind)}</td>"
                    f'<td>{refs.badge(len(e.outlets))} <span class="outlets">{names}</span></td>'
                    f"<td>{esc(e.mentions)}</td></tr>")
    head = "<tr><th>Name</th><th>Kind</th><th>Outlets</th><th>Mentions</th></tr>"
    return f'<table class="entities">\n{head}\n' + "\n".join(rows) + "\n</table>"
