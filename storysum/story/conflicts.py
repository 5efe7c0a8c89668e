"""The CONFLICTS panel: outlets that give different values for what is recognisably the same
quantity or the same event.

Precision first: a false alarm in a newsroom tool costs more than a miss. So a figure conflict
needs the same unit, the same counted thing (role group or noun stem) and the same state
("verletzt", "beschäftigt"), values no qualifier reconciles ("rund 180" vs "178", "bis zu 5"
vs "4"), and no outlet on two sides. A date conflict needs the same event: the same clock time
with shared content words, or near-identical sentences, each outlet on one side only."""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from dataclasses import dataclass

import regex

from storysum.model import Cluster
from storysum.story import lexicon
from storysum.story.figure_scan import Hit
from storysum.story.figures import sentence_hits_for
from storysum.story.hanta import german_class, verb_lemma
from storysum.story.model import Conflict, ConflictValue, DateMention, Figure

APPROX_TOLERANCE = 0.05  # "rund 180" and "175" agree; 120 and 150 do not
TIME_LINK_SHARED = 2  # content words two same-time sentences must share to be one event
SENTENCE_LINK = 0.5  # Jaccard of content words for two sentences to state the same event
SENTENCE_LINK_SHARED = 3
LONE_LINK = 0.1  # Jaccard the lone-date link needs too: three shared words of forty are chance
MAX_DAYS_APART = 7
LONE_DAYS = 3
FUTURE_DAYS_APART = 366  # announced future dates of one thing may differ by months
EVENT_WORDS = 9  # words of the event's sentence that name a date conflict
PUBLISHED_DAYS = 7  # outlets disagree only if they wrote within a week (else: the story moved on)
MAX_RATIO = 2.0  # two values of one quantity further apart than this are two quantities
CONVERSION = 0.01  # 289 vs 290 kph: a unit conversion rounded differently, not a dispute
SMALL = 12  # counts up to here ("zwei", "three") are common: they need closer context


def find_conflicts(cluster: Cluster, figures: list[Figure], dates: list[DateMention],
                   attributions: list[Conflict] | None = None) -> list[Conflict]:
    """Figure conflicts, then date conflicts, then the attribution conflicts of the quotes
    panel whose outlets wrote within PUBLISHED_DAYS of each other."""
    contemporary = [c for c in attributions or [] if _contemporary(cluster, [set(v.outlets) for v in c.values])]
    return _figure_conflicts(cluster, figures) + _date_conflicts(cluster, dates) + contemporary


def format_value(value: float) -> str:
    """A plain number as shown: 120, 34000000, 12.5."""
    return str(int(value)) if value == int(value) else f"{value:.6g}"


def _figure_conflicts(cluster: Cluster, figures: list[Figure]) -> list[Conflict]:
    """Re-read each figure's sentences to compare every outlet's number with its key."""
    shown = {(i, f.unit, round(f.value, 6)) for f in figures for i in f.sentences}
    groups: dict[tuple[str, str], list[tuple[str, int, Hit]]] = defaultdict(list)
    for i, outlet, hit in sentence_hits_for(cluster, sorted({i for i, _, _ in shown})):
        if hit.key and (i, hit.unit, round(hit.value, 6)) in shown:
            groups[(hit.unit, f"{hit.key}|{hit.state}")].append((outlet, i, hit))
    conflicts = []
    for (_unit, key), rows in groups.items():
        conflict = _figure_conflict(cluster, key, rows)
        if conflict is not None:
            conflicts.append(_widen_figure(cluster, conflict, figures, _unit))
    return conflicts


def _widen_figure(cluster: Cluster, conflict: Conflict, figures: list[Figure], unit: str) -> Conflict:
    """Add the outlets that give a side's value next to another noun ("elf Intensivpatienten" /
    "11 Patienten der Intensivstation") in a sentence sharing a content word with that side."""
    taken = {o for v in conflict.values for o in v.outlets}
    for value in conflict.values:
        words = [_content(cluster.sentences[i].text, cluster.sentences[i].lang) for i in value.sentences]
        for figure in figures:
            if figure.unit != unit or format_value(figure.value) != value.value:
                continue
            for i in figure.sentences:
                outlet = cluster.articles[cluster.sentences[i].article].id
                own = _content(cluster.sentences[i].text, cluster.sentences[i].lang)
                if outlet not in taken and any(own & w for w in words):
                    value.outlets.append(outlet)
                    value.sentences.append(i)
                    taken.add(outlet)
    return conflict


def _figure_conflict(cluster: Cluster, key: str, rows: list[tuple[str, int, Hit]]) -> Conflict | None:
    """A conflict among one quantity's values, or None when they agree or are ambiguous."""
    by_value: dict[float, list[tuple[str, int, Hit]]] = defaultdict(list)
    for row in rows:
        by_value[round(row[2].value, 6)].append(row)
    outlets = [o for r in by_value.values() for o in {o for o, _, _ in r}]
    strict = len(outlets) != len(set(outlets))  # an outlet gives two values: two quantities may be mixed
    pairs = [(a, b) for a in by_value for b in by_value if a < b and _disputed(cluster, by_value, a, b, strict)]
    if not pairs:
        return None
    chosen = set(max(pairs, key=lambda p: (len({o for v in p for o, _, _ in by_value[v]}), p)))
    for value in by_value:  # a third value joins only if it is disputed against each chosen one
        if value not in chosen and all(_disputed(cluster, by_value, *sorted((value, c)), strict) for c in chosen):
            chosen.add(value)
    nouns = Counter(h.about for v in chosen for _, _, h in by_value[v] if h.about)
    about = _label(nouns, key, cluster.lang)
    return Conflict(about=about, kind="figure", values=[
        ConflictValue(format_value(v), list(dict.fromkeys(o for o, _, _ in by_value[v])),
                      sorted({s for _, s, _ in by_value[v]}))
        for v in sorted(chosen, key=lambda v: (-len({o for o, _, _ in by_value[v]}), v))])


def _disputed(cluster: Cluster, by_value: dict[float, list[tuple[str, int, Hit]]], a: float, b: float,
              strict: bool) -> bool:
    """Whether values a < b are two outlets' answers to one question: no outlet gives both
    (then they are two quantities, "from 187 votes to 163"), no qualifier reconciles them, they
    are within MAX_RATIO but not within rounding (CONVERSION), their sentences share context (much
    context when `strict` or the counts are small), and the outlets wrote at the same time."""
    side_a, side_b = {o for o, _, _ in by_value[a]}, {o for o, _, _ in by_value[b]}
    if side_a & side_b or _compatible(by_value[a], by_value[b]) or b >= MAX_RATIO * a or b - a <= CONVERSION * b:
        return False
    pair = {a: by_value[a], b: by_value[b]}
    return _same_context(cluster, pair, small=strict or b <= SMALL) and _contemporary(cluster, [side_a, side_b])


def _same_context(cluster: Cluster, by_value: dict[float, list[tuple[str, int, Hit]]], small: bool) -> bool:
    """Whether sentences giving different values share content words besides the counted noun
    ("Standort", "bridge"): two unrelated counts of one noun rarely do. Small counts, which
    every story has many of, need more in common."""
    def words(i: int, hit: Hit) -> frozenset[str]:
        s = cluster.sentences[i]
        lang = s.lang if s.lang != "und" else cluster.lang
        return _content(s.text, lang) - set(lexicon.stems(hit.about, lang))

    needed, share = (3, 0.25) if small else (1, 0.0)
    groups = [[words(i, h) for _, i, h in rows] for rows in by_value.values()]
    return any(len(a & b) >= needed and len(a & b) >= share * len(a | b)
               for k, g in enumerate(groups) for other in groups[k + 1:] for a in g for b in other)


def _contemporary(cluster: Cluster, sides: list[set[str]]) -> bool:
    """Whether every two sides have outlets that wrote within PUBLISHED_DAYS of each other (an
    unknown date counts as close): a toll that rose over a month is an update, not a dispute."""
    published = {a.id: a.date[:10] for a in cluster.articles if a.date and len(a.date) >= 10}

    def close(a: str, b: str) -> bool:
        if a not in published or b not in published:
            return True
        try:
            return _days_apart(published[a], published[b]) <= PUBLISHED_DAYS
        except ValueError:
            return True

    return all(any(close(a, b) for a in x for b in y) for k, x in enumerate(sides) for y in sides[k + 1:])


def _label(nouns: Counter, key: str, lang: str) -> str:
    """The noun that names the quantity best: one that itself says what happened to the
    counted ("Beschäftigte" rather than "Menschen"), else the most frequent."""
    role, _, state = key.partition("|")
    if not nouns:
        return role
    roles = lexicon.mapping("role", lang)
    best = min(nouns, key=lambda n: (":" not in roles.get(n.casefold(), ""), -nouns[n], len(n)))
    own_state = ":" in roles.get(best.casefold(), "")
    return best + (f" ({state})" if state and not own_state else "")


def _compatible(a: list[tuple[str, int, Hit]], b: list[tuple[str, int, Hit]]) -> bool:
    """Whether two values can describe the same quantity given their qualifiers."""
    return any(_agree(x[2], y[2]) for x in a for y in b)


def _agree(x: Hit, y: Hit) -> bool:
    if abs(x.value - y.value) <= 1e-9 * max(abs(x.value), 1.0):
        return True
    if "approx" in (x.qualifier, y.qualifier):
        return abs(x.value - y.value) <= APPROX_TOLERANCE * max(abs(x.value), abs(y.value))
    for p, q in ((x, y), (y, x)):
        if (p.qualifier == "min" and q.value >= p.value) or (p.qualifier == "max" and q.value <= p.value):
            return True
    return False


@dataclass
class _DateItem:
    date: str
    time: str | None
    outlet: str
    sentence: int
    words: frozenset[str]  # content stems of the sentence, without date and time words
    marks: frozenset[str]  # the date words as written: weekdays, months, numbers
    published: str  # the article's date ("" when unknown)


def _content(text: str, lang: str) -> frozenset[str]:
    """Content stems of a sentence: no function words, numbers, weekdays, months or "Uhr";
    German verbs by their infinitive first (`schloss`, `geschlossen` and `schließen` are one
    word, which their Snowball stems are not)."""
    skip = lexicon.function_words(lang) | {"uhr", "am", "pm"}
    names = [n.casefold() for n in list(lexicon.mapping("weekday", lang)) + list(lexicon.mapping("month", lang))]
    words = [w for w in lexicon.WORD.findall(text) if not w.isdigit() and w.casefold() not in skip
             and not any(w.casefold().startswith(n.rstrip(".")) for n in names)]
    if lang == "de":
        words = [verb_lemma(_as_written(w, k == 0)) or w for k, w in enumerate(words)]
    return frozenset(lexicon.stems(" ".join(words), lang))


def _as_written(word: str, first: bool) -> str:
    """A German word as a verb would be written: lower-case words as they are, and a
    sentence's first word lower-cased unless it is a noun or a name (`Betroffen sind …`, but
    not `Tat`, `Stand`, `Essen`, which lower-cased are verb forms)."""
    return word.lower() if first and german_class(word) == "FUNC" else word


def _date_marks(text: str, lang: str) -> frozenset[str]:
    """Weekday and month words and numbers of a sentence, as written."""
    names = [n.casefold().rstrip(".") for n in list(lexicon.mapping("weekday", lang)) + list(lexicon.mapping("month", lang))]
    return frozenset(w.casefold() for w in lexicon.WORD.findall(text)
                     if w.isdigit() or any(w.casefold().startswith(n) for n in names))


def _date_items(cluster: Cluster, dates: list[DateMention]) -> list[_DateItem]:
    """One item per day-precision date per sentence."""
    items = []
    for d in dates:
        if not d.date or len(d.date) != 10:
            continue
        for i in d.sentences:
            s = cluster.sentences[i]
            lang = s.lang if s.lang != "und" else cluster.lang
            article = cluster.articles[s.article]
            items.append(_DateItem(d.date, d.time, article.id, i, _content(s.text, lang),
                                   _date_marks(s.text, lang), (article.date or "")[:10]))
    return items


@dataclass
class _Context:
    """Cluster-wide facts the event links need: sentences with several dates, outlets per date."""

    dates_in: Counter
    outlets_of: dict[str, set[str]]
    dates_of: dict[str, set[str]]
    majority: int  # outlets that make a date the story's agreed date of a core event


def _linked(a: _DateItem, b: _DateItem, ctx: _Context) -> bool:
    """Whether two dated sentences of different outlets report the same event: same clock
    time and shared words; or near-identical one-date sentences; or one outlet's lone date
    next to a date the others agree on (and it never gives), with several shared words."""
    if a.outlet == b.outlet:
        return False
    if _days_apart(a.date, b.date) > MAX_DAYS_APART:
        return _announced(a, b, ctx)
    if a.date != b.date and a.marks == b.marks:
        return False  # the same words ("Friday night") read against two article dates: no dispute
    shared = len(a.words & b.words)
    if a.time and a.time == b.time and shared >= TIME_LINK_SHARED:
        return True
    overlap = shared / max(1, len(a.words | b.words))
    needed = min(SENTENCE_LINK_SHARED, max(2, min(len(a.words), len(b.words)) - 1))  # short sentences: 2 of 3
    if shared < needed or overlap < LONE_LINK:
        return False
    if ctx.dates_in[a.sentence] == 1 and ctx.dates_in[b.sentence] == 1 and overlap >= SENTENCE_LINK:
        return True
    return a.date != b.date and (_lone(a, b, ctx) or _lone(b, a, ctx))


def _announced(a: _DateItem, b: _DateItem, ctx: _Context) -> bool:
    """One outlet announcing another future date for what the others announce in near-identical
    words (`die Geburtshilfe am 31. März 2027 zu schließen` in three outlets, `zum 30. April
    2027 zu schließen` in one): a dispute however far apart the dates, where past events that far
    apart are two events. As for a lone past date, one side must be the agreed date of at least
    a third of the outlets and the other's outlet must never give it (so two outlets printing
    one sentence with two dates, or a start and an end date, are no dispute)."""
    if not _all_future([a, b]) or _days_apart(a.date, b.date) > FUTURE_DAYS_APART:
        return False
    shared = len(a.words & b.words)
    similar = shared >= SENTENCE_LINK_SHARED and shared / max(1, len(a.words | b.words)) >= SENTENCE_LINK
    return similar and (_lone(a, b, ctx, FUTURE_DAYS_APART) or _lone(b, a, ctx, FUTURE_DAYS_APART))


def _all_future(items: list[_DateItem]) -> bool:
    """Whether every date lies after every one of these outlets' publication days (ISO dates
    only: an unparsed or month-only publication date makes nothing future)."""
    published = [it.published for it in items]
    return all(_ISO_DAY.fullmatch(p) and it.date > p for it in items for p in published)


_ISO_DAY = regex.compile(r"\d{4}-\d{2}-\d{2}")


def _lone(x: _DateItem, y: _DateItem, ctx: _Context, days: int = LONE_DAYS) -> bool:
    """x's date is given by x's outlet only; y's by at least a third of all outlets (a core
    event of the story, not a side remark), never by x's outlet."""
    return (ctx.outlets_of[x.date] == {x.outlet} and len(ctx.outlets_of[y.date]) >= ctx.majority
            and y.date not in ctx.dates_of[x.outlet] and _days_apart(x.date, y.date) <= days)


def _days_apart(a: str, b: str) -> int:
    return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days)


def _components(items: list[_DateItem], outlets: int) -> list[list[_DateItem]]:
    """Groups of items linked (transitively) as reports of one event."""
    outlets_of: dict[str, set[str]] = defaultdict(set)
    dates_of: dict[str, set[str]] = defaultdict(set)
    for it in items:
        outlets_of[it.date].add(it.outlet)
        dates_of[it.outlet].add(it.date)
    ctx = _Context(Counter(it.sentence for it in items), outlets_of, dates_of, max(2, math.ceil(outlets / 3)))
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            if _linked(items[i], items[j], ctx):
                parent[root(i)] = root(j)
    groups: dict[int, list[_DateItem]] = defaultdict(list)
    for i, it in enumerate(items):
        groups[root(i)].append(it)
    return [_widen(g, items) for g in groups.values() if len({it.date for it in g}) > 1]


def _widen(group: list[_DateItem], items: list[_DateItem]) -> list[_DateItem]:
    """Add other outlets' reports of a date already in the conflict that use the words its
    reports share ("closed", "ausgebrochen"), so every outlet behind a value is listed."""
    out = list(group)
    for date in {it.date for it in group}:
        same = [it for it in group if it.date == date]
        common = frozenset.intersection(*[it.words for it in same])  # one report: all its words
        present = {it.outlet for it in out}
        for it in items:
            if it.date == date and it.outlet not in present and len(it.words & common) >= 2:
                out.append(it)
                present.add(it.outlet)
    return out


def _date_conflicts(cluster: Cluster, dates: list[DateMention]) -> list[Conflict]:
    conflicts = []
    for group in _components(_date_items(cluster, dates), len(cluster.articles)):
        by_date: dict[str, list[_DateItem]] = defaultdict(list)
        for it in group:
            by_date[it.date].append(it)
        outlets = [{it.outlet for it in g} for g in by_date.values()]
        if len(by_date) < 2 or sum(len(o) for o in outlets) != len(set().union(*outlets)):
            continue  # agreement, or one outlet on two sides (two events, not a conflict)
        if not _contemporary(cluster, outlets):
            continue
        conflicts.append(Conflict(about=_event_label(cluster, group), kind="date", values=[
            ConflictValue(d, list(dict.fromkeys(it.outlet for it in by_date[d])),
                          sorted({it.sentence for it in by_date[d]}))
            for d in sorted(by_date, key=lambda d: (-len({it.outlet for it in by_date[d]}), d))]))
    return conflicts


def _event_label(cluster: Cluster, group: list[_DateItem]) -> str:
    """What the dispute is about, as a reader recognises it: the opening words of the shortest
    sentence that reports the event, plus the clock time."""
    shortest = min(group, key=lambda it: len(cluster.sentences[it.sentence].text))
    words = cluster.sentences[shortest.sentence].text.split()
    label = "“" + " ".join(words[:EVENT_WORDS]) + (" …”" if len(words) > EVENT_WORDS else "”")
    time = next((it.time for it in group if it.time), None)
    return f"date of {label}" + (f" ({time})" if time else "")
