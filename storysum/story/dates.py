"""The DATES panel: every calendar reference of a story, resolved to ISO against its article's
date, so "am Donnerstag" (Friday's paper) and "23 April" (Saturday's wire) become one entry.

Finding is regex over word lists (resources/numbers.tsv); resolving is calendar arithmetic
from `Article.date`. Without an article date a relative reference stays unresolved
(`date=None`) instead of being guessed. `date_spans` tells the figures panel which numbers are
dates or clock times and so not figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from storysum.model import Cluster
from storysum.story import lexicon
from storysum.story.model import DateMention

_UNITS = {"tag": "d", "tagen": "d", "tage": "d", "day": "d", "days": "d", "woche": "w",
          "wochen": "w", "week": "w", "weeks": "w", "monat": "m", "monaten": "m", "monate": "m",
          "month": "m", "months": "m", "jahr": "y", "jahren": "y", "jahre": "y", "year": "y",
          "years": "y"}
_ONE = "einem|einer|eins|one|a|an"
_PARTS_DE = "morgen|vormittag|mittag|nachmittag|abend|nacht|früh"
_PARTS_EN = "morning|afternoon|evening|night"
_BEFORE = {"vergangenen", "letzten", "vorigen", "last", "past"}
_AFTER = {"kommenden", "nächsten", "next", "coming"}
_LEAD = _BEFORE | _AFTER | {"am", "vom", "bis", "zum", "seit", "ab", "on", "by", "from", "since",
                            "until", "this", "im", "in", "dem", "den", "early", "late", "mid",
                            "anfang", "mitte", "ende", "der", "nacht", "the", "of"}


@dataclass
class Expr:
    """One date or time expression found in a sentence (before resolution)."""

    start: int
    end: int
    kind: str  # date, month, year, weekday, offset, named, nextday, time
    y: int | None = None
    m: int | None = None
    d: int | None = None
    wd: int | None = None
    direction: int = 0  # weekday: -1 strictly before, +1 strictly after the article date
    shift: int = 0  # days added after resolving (named: gestern = -1)
    n: float = 0
    unit: str = ""  # offset unit d/w/m/y; named period unit
    since: bool = False  # "seit drei Wochen": a date and also a duration figure
    hh: int | None = None
    mm: int = 0


@lru_cache(maxsize=None)
def _patterns(lang: str) -> list[tuple[str, regex.Pattern]]:
    """(kind, pattern) pairs for a language, built from the word lists."""
    mon = lexicon.alternation("month", lang)
    wd = lexicon.alternation("weekday", lang)
    num = lexicon.alternation("numword", lang)
    qual = lexicon.alternation("qualifier", lang)
    units = "|".join(sorted(_UNITS, key=len, reverse=True))
    measure = lexicon.alternation("unit", lang) + "|" + lexicon.alternation("scale", lang)
    n = rf"(?P<n>\d+|{num}|{_ONE})"
    return [
        ("iso", regex.compile(r"(?<![\d.])(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)")),
        ("dmy_num", regex.compile(r"(?<![\d.,])(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.(?:\s?(?P<y>(?:19|20)?\d\d)(?![\d.,]))?")),
        ("dmy", regex.compile(rf"(?<![\d.,])(?P<d>\d{{1,2}})(?:\.|st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{mon})(?![\p{{L}}])(?:,?\s+(?P<y>\d{{4}})(?!\d))?")),
        ("mdy", regex.compile(rf"(?P<mon>{mon})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\d.,]\d)(?!\d)(?:,?\s+(?P<y>\d{{4}})(?!\d))?")),
        ("my", regex.compile(rf"(?P<mon>{mon})\s+(?P<y>\d{{4}})(?!\d)")),
        ("m", regex.compile(rf"(?i:\b(?:im|in|seit|bis|ab|anfang|mitte|ende|early|mid|late|since|until|by|(?:end|beginning|start|middle)\s+of)\s+)(?P<mon>{mon})(?![\p{{L}}])")),
        ("night", regex.compile(rf"(?i:Nacht\s+(?:zum|zu|auf(?:\s+den)?)\s+)(?P<wd>{wd})(?![\p{{L}}])")),
        ("night2", regex.compile(rf"(?i:Nacht\s+(?:von|vom)\s+)(?P<wd>{wd})(?i:\s+(?:auf|zum)\s+)(?:{wd})(?![\p{{L}}])")),
        ("weekday", regex.compile(rf"(?<![\p{{L}}])(?P<wd>{wd})(?:{_PARTS_DE})?(?:\s+(?:{_PARTS_EN}))?(?![\p{{L}}])")),
        ("ago", regex.compile(rf"(?i)\b{n}\s+(?P<u>{units})\s+ago\b")),
        ("vor", regex.compile(rf"(?i)\b(?P<dir>vor|seit)\s+(?:(?:{qual})\s+)?{n}\s+(?P<u>{units})\b")),
        ("in", regex.compile(rf"(?i)\bin\s+{n}\s+(?P<u>tagen|wochen|monaten|jahren)\b")),
        ("named", regex.compile(r"(?i:\b(?P<w>vorgestern|gestern|übermorgen|yesterday|tomorrow|tonight|heute(?= (?:früh|Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht|um|gegen|ab)\b)|this(?= (?:morning|afternoon|evening)\b))\b)|(?<![Aa]m |[Hh]eute |[Gg]estern |[Jj]eden |[Dd]en |[Gg]uten )\b(?P<w>morgen)\b")),
        ("period", regex.compile(r"(?i)\b(?P<w>vergangenen|vergangenes|vergangene|letzten|letztes|letzte|vorigen|voriges|vorige|diesem|dieses|diese|laufenden|kommenden|kommendes|kommende|nächsten|nächstes|nächste|last|this|next|past)\s+(?P<u>Jahr|Jahres|Monat|Monats|Woche|year|month|week)\b")),
        ("vorjahr", regex.compile(r"\b(?:im|des)\s+Vorjahr(?:es)?\b")),
        ("nextday", regex.compile(r"(?i)\b(?:(?:am|bis zum|zum)\s+)?(?:nächsten|folgenden)\s+(?:Tag|Morgen|Vormittag|Mittag|Nachmittag|Abend)\b|\b(?:tags darauf|am Tag darauf|am Folgetag)\b|\bthe\s+(?:next|following)\s+(?:day|morning|afternoon|evening)\b|\bthe day after\b")),
        ("year", regex.compile(rf"(?<![\d.,:/\p{{L}}-])(?P<y>1[89]\d\d|20\d\d)(?![\d]|er|s\b|[.,]\d|-\p{{L}})(?!\s?(?:{measure})(?![\p{{L}}]))")),
        ("time_de", regex.compile(rf"(?<![\p{{L}}\d.,])(?P<hh>\d{{1,2}}|(?i:{num}|eins|ein))(?:[.:](?P<mm>\d\d))?\s*Uhr(?:\s+(?P<mm2>\d\d)(?!\d))?")),
        ("time_en", regex.compile(r"(?i)(?<![\d.,])(?P<hh>\d{1,2})(?:[.:](?P<mm>\d\d))?\s*(?P<ap>[ap])\.?\s?m\b\.?")),
        ("time_24", regex.compile(r"(?<![\d.,:])(?P<hh>[01]?\d|2[0-3]):(?P<mm>[0-5]\d)(?![\d:])")),
    ]


def _number(word: str, lang: str) -> float | None:
    if word.isdigit():
        return float(word)
    if word.casefold() in set(_ONE.split("|")):
        return 1.0
    value = lexicon.mapping("numword", lang).get(word.casefold())
    return float(value) if value else None


def _build(kind: str, m: regex.Match, lang: str) -> Expr | None:
    """The Expr of one pattern match, or None when the match is not a real date."""
    e = Expr(m.start(), m.end(), "date")
    g = m.groupdict()
    months = lexicon.mapping("month", lang)
    if kind in ("iso", "dmy_num", "dmy", "mdy", "my", "m"):
        e.m = int(g["m"]) if g.get("m") else int(months[g["mon"].casefold()])
        e.d = int(g["d"]) if g.get("d") else None
        y = g.get("y")
        e.y = (int(y) + (2000 if len(y) == 2 else 0)) if y else None
        e.kind = "date" if e.d else "month"
        if not 1 <= e.m <= 12 or (e.d is not None and not 1 <= e.d <= 31):
            return None
        if e.y is not None and (e.y < 1 or (e.d is not None and not _real_day(e.y, e.m, e.d))):
            return None  # "31. Februar 2024", "0000-01-05": not a date
        if kind == "dmy_num" and e.y is None and m.end() < len(m.string) and m.string[m.end():m.end() + 1].isdigit():
            return None
        return e
    if kind in ("night", "night2", "weekday"):
        e.kind, e.wd = "weekday", int(lexicon.mapping("weekday", lang)[g["wd"].casefold()])
        return e
    if kind in ("ago", "vor", "in"):
        value = _number(g["n"], lang)
        if value is None:
            return None
        direction = 1 if kind == "in" else -1
        unit = _UNITS[g["u"].casefold()]
        if g.get("dir", "").casefold() == "seit" and unit == "y":
            return None  # "seit elf Jahren" is a duration (a figure), not a calendar reference
        e.kind, e.n, e.unit = "offset", direction * value, unit
        e.since = g.get("dir", "").casefold() == "seit"
        return e
    return _build_other(kind, e, g)


def _build_other(kind: str, e: Expr, g: dict) -> Expr | None:
    """Named days, named periods, "next day" and clock times."""
    if kind == "named":
        w = g["w"].casefold()
        shifts = {"vorgestern": -2, "gestern": -1, "yesterday": -1, "heute": 0, "this": 0, "tonight": 0, "morgen": 1, "tomorrow": 1, "übermorgen": 2}
        e.kind, e.shift = "named", shifts[w]
        return e
    if kind in ("period", "vorjahr"):
        w = g.get("w", "vergangenen").casefold()
        unit = {"j": "y", "y": "y", "m": "m", "w": "w"}[(g.get("u") or "J")[0].casefold()]
        step = -1 if w[:3] in ("ver", "let", "vor", "las", "pas") else (1 if w[:3] in ("kom", "näc", "nex") else 0)
        e.kind, e.unit, e.n = "period", unit, step
        return e
    if kind in ("nextday", "year"):
        e.kind, e.y = kind, int(g["y"]) if kind == "year" else None
        return e
    hh = int(_number(g["hh"], "de") or 0) if not g["hh"].isdigit() else int(g["hh"])
    mm = int(g.get("mm") or g.get("mm2") or 0)
    if g.get("ap"):
        hh = hh % 12 + (12 if g["ap"].casefold() == "p" else 0)
    if hh > 24 or mm > 59:
        return None
    e.kind, e.hh, e.mm = "time", hh, mm
    return e


def find_expressions(text: str, lang: str) -> list[Expr]:
    """Every date/time expression of a sentence, longest match first, no overlaps, in order."""
    found = []
    for kind, pattern in _patterns(lang):
        for m in pattern.finditer(text):
            e = _build(kind, m, lang)
            if e is not None:
                found.append(e)
    found.sort(key=lambda e: (-(e.end - e.start), e.start))
    kept: list[Expr] = []
    for e in found:
        if all(e.end <= k.start or e.start >= k.end for k in kept):
            kept.append(e)
    kept.sort(key=lambda e: e.start)
    return _join_appositions(text, kept)


def _join_appositions(text: str, exprs: list[Expr]) -> list[Expr]:
    """ "am Mittwochabend, dem 22. April" is one date: the explicit date wins."""
    out: list[Expr] = []
    for e in exprs:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "weekday" and e.kind == "date" and e.d is not None \
                and regex.fullmatch(r"\s*,?\s*(?:dem|den|the)?\s*", text[prev.end:e.start]):
            out[-1] = replace(e, start=prev.start)
            continue
        out.append(e)
    return out


def date_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """Character spans of dates, years, relative dates and clock times: numbers there are not
    figures (except "seit drei Wochen", which is both a date and a duration)."""
    return [(e.start, e.end) for e in find_expressions(text, lang) if not e.since]


def _lead_start(text: str, start: int) -> int:
    """Extend a span back over the function words that belong to it ("am", "in der Nacht")."""
    for _ in range(4):
        m = regex.search(r"(\p{L}+)\s+$", text[:start])
        if not m or m.group(1).casefold() not in _LEAD:
            break
        start = m.start(1)
    return start


def is_future(text: str, lang: str) -> bool:
    """Whether a sentence speaks of the future (a bare weekday then means the next one)."""
    words = {w.casefold() for w in regex.findall(r"[\p{L}']+", text)}
    return any(f.casefold() in words or (" " in f and f.casefold() in text.casefold())
               for f in lexicon.mapping("future", lang))


def _ref_date(value: str | None) -> dt.date | None:
    """The article date as a calendar day (None when missing or not at day precision)."""
    try:
        return dt.date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def _nearest_year(ref: dt.date, month: int, day: int) -> int:
    """The year that puts a day-and-month without year closest to the article date."""
    def distance(year: int) -> int:
        return abs((dt.date(year, month, min(day, 28)) - ref).days)
    return min((ref.year - 1, ref.year, ref.year + 1), key=distance)


def _add_months(ref: dt.date, months: int) -> tuple[int, int]:
    total = ref.year * 12 + ref.month - 1 + months
    return total // 12, total % 12 + 1


def _weekday(ref: dt.date, wd: int, direction: int, future: bool) -> dt.date:
    """Most recent such weekday (on or before the article date), or the next one for the future;
    "last"/"kommenden" make it strictly before/after."""
    back = (ref.weekday() - wd) % 7
    ahead = (wd - ref.weekday()) % 7
    if direction < 0:
        return ref - dt.timedelta(days=back or 7)
    if direction > 0:
        return ref + dt.timedelta(days=ahead or 7)
    return ref + dt.timedelta(days=ahead) if future else ref - dt.timedelta(days=back)


def _direction(text: str, start: int) -> int:
    """-1 / +1 when a word such as "vergangenen" or "next" stands before a weekday."""
    words = regex.findall(r"\p{L}+", text[max(0, start - 40):start])[-3:]
    lowered = {w.casefold() for w in words}
    return -1 if lowered & _BEFORE else (1 if lowered & _AFTER else 0)


def resolve(e: Expr, text: str, ref: dt.date | None, future: bool, prev: dt.date | None) -> str | None:
    """ISO date of an expression at the precision the text gives, None when unresolvable."""
    if e.kind == "year":
        return f"{e.y:04d}"
    if e.kind in ("date", "month") and e.y is not None:
        return f"{e.y:04d}-{e.m:02d}" + (f"-{e.d:02d}" if e.d else "")
    if e.kind == "nextday":
        return (prev + dt.timedelta(days=1)).isoformat() if prev else None
    if ref is None:
        return None
    if e.kind == "date":
        return dt.date(_nearest_year(ref, e.m, e.d), e.m, e.d).isoformat() if _valid(ref, e) else None
    if e.kind == "month":
        return f"{_nearest_year(ref, e.m, 15):04d}-{e.m:02d}"
    if e.kind == "weekday":
        return _weekday(ref, e.wd, _direction(text, e.start), future).isoformat()
    if e.kind == "named":
        return (ref + dt.timedelta(days=e.shift)).isoformat()
    return _resolve_span(e, ref)


def _valid(ref: dt.date, e: Expr) -> bool:
    try:
        dt.date(_nearest_year(ref, e.m, e.d), e.m, e.d)
    except ValueError:
        return False
    return True


def _resolve_span(e: Expr, ref: dt.date) -> str | None:
    """Offsets ("vor zwei Monaten", "3 days ago") and periods ("im vergangenen Jahr")."""
    n = int(round(e.n))
    if e.kind == "offset":
        if e.unit in ("d", "w"):
            return (ref + dt.timedelta(days=n * (7 if e.unit == "w" else 1))).isoformat()
        if e.unit == "m":
            return "%04d-%02d" % _add_months(ref, n)
        return f"{ref.year + n:04d}"
    if e.kind == "period":
        if e.unit == "y":
            return f"{ref.year + n:04d}"
        if e.unit == "m":
            return "%04d-%02d" % _add_months(ref, n)
        return (ref + dt.timedelta(days=7 * n)).isoformat()[:7]
    return None


@dataclass
class _Item:
    date: str | None
    time: str | None
    surface: str
    relative: bool
    sentence: int
    outlet: str
    context: str


def _sentence_items(text: str, lang: str, ref: dt.date | None, prev: dt.date | None,
                    where: tuple[int, str]) -> tuple[list[_Item], dt.date | None]:
    """The resolved date items of one sentence, and the last day-precision date seen."""
    exprs = find_expressions(text, lang)
    future = is_future(text, lang)
    pairs: list[tuple[Expr, _Item]] = []
    for e in (e for e in exprs if e.kind != "time"):
        iso = resolve(e, text, ref, future, prev)
        if iso is None and e.kind in ("nextday", "year"):
            continue
        relative = e.kind != "year" and not (e.kind in ("date", "month") and e.y)
        start = _lead_start(text, e.start)
        pairs.append((e, _Item(iso, None, text[start:e.end], relative, where[0], where[1], text)))
        if iso and len(iso) == 10 and _real_iso(iso):
            prev = dt.date.fromisoformat(iso)
    for t in (e for e in exprs if e.kind == "time"):
        if pairs:
            _, item = min(pairs, key=lambda p: _gap(p[0], t))
            item.time = item.time or f"{t.hh:02d}:{t.mm:02d}"
    return [item for _, item in pairs], prev


def _gap(a: Expr, b: Expr) -> int:
    return max(b.start - a.end, a.start - b.end, 0)


def extract_dates(cluster: Cluster) -> list[DateMention]:
    """Every date of the cluster, resolved per article and merged across outlets."""
    items: list[_Item] = []
    prev_by_article: dict[int, dt.date | None] = {}
    for s in cluster.sentences:
        article = cluster.articles[s.article]
        ref = _ref_date(article.date)
        prev = prev_by_article.get(s.article)
        lang = s.lang if s.lang != "und" else (article.lang or cluster.lang)
        found, prev_by_article[s.article] = _sentence_items(s.text, lang, ref, prev, (s.index, article.id))
        items.extend(found)
    return merge_items(items)


def merge_items(items: list[_Item]) -> list[DateMention]:
    """One DateMention per (date, time); unresolved ones stay per outlet and wording."""
    groups: dict[tuple, list[_Item]] = {}
    for it in items:
        key = (it.date, it.time) if it.date else (None, it.outlet, it.surface.casefold())
        groups.setdefault(key, []).append(it)
    out = []
    for group in groups.values():
        out.append(DateMention(
            date=group[0].date,
            surfaces=list(dict.fromkeys(it.surface for it in group)),
            relative=all(it.relative for it in group),
            context=min((it.context for it in group), key=len),
            outlets=list(dict.fromkeys(it.outlet for it in group)),
            sentences=sorted({it.sentence for it in group}),
            time=group[0].time,
        ))
    out.sort(key=lambda d: (d.date is None, d.date or "", d.time or "", d.sentences[0]))
    return out


def _real_day(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _real_iso(iso: str) -> bool:
    try:
        dt.date.fromisoformat(iso)
    except ValueError:
        return False
    return True
