"""Figures in one text: every number that counts or measures, normalised so that `34 Millionen
Euro` and `34 Mio. €` are one value, with what it is about — the counted noun ("Feuerwehrleute")
mapped to a role group, and for counts of people what happened to them ("verletzt" → injured),
read from the figure's own clause — so that "zwei Feuerwehrleute verletzt" and "180
Einsatzkräfte" never count as the same quantity. `figures.py` merges them across outlets."""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from storysum.story import lexicon
from storysum.story.dates import date_spans
from storysum.story.entities import is_cue
from storysum.story.hanta import lexclass


_DIGITS = regex.compile(
    r"(?<![\p{L}\d.,/:#+-])(?:(?P<cur>US\$|[$€£])\s?)?"
    r"(?P<num>\d{1,3}(?:[.,\u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?![.,]\d)")
_AGE = regex.compile(r"(?:-(?:[jJ]ährige?[rnms]?|year-olds?)|\s+(?:Jahre\s+alte?[rnms]?|years?\s+old))(?![\p{L}])")
_COMPOUND = regex.compile(r"-(\p{L}+?)(?:ig(?:e[rnms]?)?)?(?![\p{L}-])")
_COMPOUND_UNITS = {"stünd": "Stunden", "tägig": "Tage", "tägi": "Tage", "wöchi": "Wochen", "monat": "Monate",
                   "meter": "Meter", "metre": "metres", "kilom": "Kilometer"}
_PAREN_AGE = regex.compile(r"(?<=\p{Lu}[\p{L}-]+\s?)\((?P<n>\d{1,3})\)|(?<=\p{L}),\s(?P<n>\d{1,3}),\s(?=\p{Ll})|(?<![\p{L}])(?:aged|im Alter von)\s(?P<n>\d{1,3})(?:\s+Jahren)?(?![\d.,]\d)")
_CLAUSE = regex.compile(r"[,;:](?!\d)|[()\u2013\u2014]|\s-\s")
_RANGE_LINK = regex.compile(r"(?:\s+\p{L}+)?\s+(?:to|auf|bis|and|und)\s+", regex.IGNORECASE)
_TOKEN = regex.compile(r"[\p{L}][\p{L}\p{M}'’-]*")
_GENITIVE = {"des", "der", "von", "vom", "of", "the", "in", "worth"}
_SKIP = {"mehr", "weniger", "more", "fewer", "less", "other", "weitere", "weiteren", "extra"}
_ADJECTIVE_END = ("e", "en", "er", "es", "em")


@dataclass(frozen=True)
class Hit:
    """One figure as read from one sentence."""

    value: float
    unit: str
    kind: str
    surface: str
    start: int
    end: int
    qualifier: str  # "", approx, min, max
    about: str
    key: str  # role group or stem of `about`; "" when unknown
    state: str  # injured, dead, employed, change, … (counts and percentages only)


def parse_number(num: str, lang: str) -> float | None:
    """A number as written: German `9.500` / `12,5`, English `1,200` / `4.5`; None for what is
    not one number (an IP address `169.204.208.10`, a version `2.1.3`)."""
    s = num.replace("\u00a0", "").replace("\u202f", "")
    if lang == "en":
        if regex.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
            s = s.replace(",", "")
        s = s.replace(",", ".")
    elif regex.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s) or "," in s:
        s = s.replace(".", "").replace(",", ".")
    try:
        return float(s)
    except ValueError:
        return None


@lru_cache(maxsize=None)
def _tail_patterns(lang: str) -> tuple[regex.Pattern, regex.Pattern]:
    """Scale words ("Mio.", "million") and unit words ("Euro", "%", "Quadratmeter") after a number."""
    scales = "|".join(regex.escape(s) for s, _ in sorted(lexicon.entries("scale", lang), key=lambda e: -len(e[0]))
                      if len(s) > 1 or s == "k")
    units = lexicon.alternation("unit", lang)
    return (regex.compile(rf"(?:(?P<glued>bn|mn|m|k|b)|\s?(?P<word>{scales}))(?![\p{{L}}\d])", regex.I),
            regex.compile(rf"\s?(?P<unit>{units})(?![\p{{L}}\d²])", regex.I))


def _unit_of(surface: str, lang: str) -> tuple[str, str] | None:
    for s, extra in lexicon.entries("unit", lang):
        if s == surface or (len(s) > 2 and s.casefold() == surface.casefold()):
            return extra[0], extra[1]
    return None


def _tail(text: str, end: int, lang: str, money: bool) -> tuple[float, tuple[str, str] | None, bool, int]:
    """(scale, (unit, kind) or None, is_age, end) of what follows a number."""
    if m := _AGE.match(text, end):
        return 1.0, None, True, m.end()
    if m := _COMPOUND.match(text, end):  # "24-stündigen", "640-metre", "three-day"
        word = m.group(1).casefold()
        unit = _unit_of(_COMPOUND_UNITS.get(word[:5], word), lang) or _unit_of(word + "s", lang)
        if unit:
            return 1.0, unit, False, m.end()
    scale_re, unit_re = _tail_patterns(lang)
    scale = 1.0
    m = scale_re.match(text, end)
    glued = m.group("glued") if m else None
    if m and (m.group("word") or money or glued in ("bn", "mn") or _is_money(text, m.end(), lang)):
        word = (m.group("word") or m.group("glued")).casefold()
        scale = float(lexicon.mapping("scale", lang).get(word) or lexicon.mapping("scale", "en").get(word, 1))
        end = m.end()
    u = unit_re.match(text, end)
    unit = _unit_of(u.group("unit"), lang) if u else None
    return scale, unit, False, (u.end() if u and unit else end)


def _is_money(text: str, pos: int, lang: str) -> bool:
    m = _tail_patterns(lang)[1].match(text, pos)
    unit = _unit_of(m.group("unit"), lang) if m else None
    return bool(unit and unit[1] == "money")


def _head(text: str, start: int, lang: str) -> tuple[str, int, bool]:
    """(qualifier kind, start of qualifier, is identifier) of what precedes a number."""
    before = text[max(0, start - 30):start]
    qualifier, qstart = "", start
    m = regex.search(rf"(?<![\p{{L}}])(?P<q>{lexicon.alternation('qualifier', lang)})\s+$", before, regex.I)
    if m:
        qualifier = lexicon.mapping("qualifier", lang)[m.group("q").casefold()]
        qstart = start - len(before) + m.start()
    prev = regex.search(r"(\S+)\s*$", text[:qstart])
    ident = bool(prev) and prev.group(1).casefold() in lexicon.mapping("idword", lang)
    return qualifier, qstart, ident


def _clause(text: str, pos: int) -> tuple[int, int]:
    """Bounds of the clause around a position (between commas, semicolons, dashes)."""
    starts = [m.end() for m in _CLAUSE.finditer(text, 0, pos)]
    nxt = _CLAUSE.search(text, pos)
    return (starts[-1] if starts else 0), (nxt.start() if nxt else len(text))


def _noun_after(text: str, end: int, stop: int, lang: str) -> str:
    """The counted/measured noun right after a figure ("Einsatzkräfte", "Tonnen Tiefkühlware")."""
    stopwords = lexicon.function_words(lang)
    numwords = lexicon.mapping("numword", lang)
    tokens = [t.group(0) for t in _TOKEN.finditer(text, end, stop)][:6]
    while tokens and (tokens[0].casefold() in _GENITIVE or tokens[0].casefold() in _SKIP
                      or (tokens[0].casefold() in numwords and len(tokens) > 1)):
        tokens.pop(0)
    if lang == "de":
        for i, tok in enumerate(tokens[:3]):
            if tok[0].isupper() and tok.casefold() not in stopwords:
                return tok
            if tok.casefold() in stopwords or not tok.endswith(_ADJECTIVE_END) or i == 2:
                return ""
        return ""
    run = []
    for tok in tokens[:4]:
        if tok.casefold() in stopwords or (tok[0].isupper() and run):
            break
        run.append(tok)
        if _role(tok, lang):
            break
    return run[-1] if run else ""


def _noun_before(text: str, start: int, clause_start: int, lang: str, spans: list[tuple[int, int]]) -> str:
    """Fallback for "den Schaden auf 34 Mio. €": a role word of the clause, else (German) the
    nearest capitalised noun before the figure."""
    tokens = [t for t in _TOKEN.finditer(text, clause_start, start)
              if not any(a <= t.start() < b for a, b in spans)]
    for t in reversed(tokens):
        if _role(t.group(0), lang):
            return t.group(0)
    if lang != "de":
        return ""
    stopwords = lexicon.function_words(lang)
    for t in reversed(tokens):
        word = t.group(0)
        if word[0].isupper() and word.casefold() not in stopwords and t.start() > 0 \
                and not lexicon.mapping("qualifier", lang).get(word.casefold()):
            return word
    return ""


def _role(word: str, lang: str) -> str:
    """Role group of a noun ("Sachschaden" → damage), by whole word, then by compound head."""
    roles = lexicon.mapping("role", lang)
    w = word.casefold()
    if w in roles:
        return roles[w]
    heads = [r for r in roles if len(r) >= 5 and w.endswith(r)]
    return roles[max(heads, key=len)] if heads else ""


def _numbers(text: str, lang: str) -> list[tuple[int, int, float, str | None]]:
    """(start, end, value, currency) of every number written in digits or as a word."""
    out = [(m.start(), m.end(), parse_number(m.group("num"), lang), m.group("cur")) for m in _DIGITS.finditer(text)]
    out = [item for item in out if item[2] is not None]
    words = lexicon.alternation("numword", lang)
    for m in regex.finditer(rf"(?<![\p{{L}}])(?:{words})(?![\p{{L}}])(?!\s+(?:hundred|thousand|hundert|tausend)\b)",
                            text, regex.I):  # "twelve hundred" is not twelve
        out.append((m.start(), m.end(), float(lexicon.mapping("numword", lang)[m.group(0).casefold()]), None))
    for m in regex.finditer(r"(?<![\p{L}])(?:eine|one|a)(?=\s+(?:Million|Milliarde|million|billion)\b)", text, regex.I):
        out.append((m.start(), m.end(), 1.0, None))
    return sorted(out)


def scan(text: str, lang: str) -> list[Hit]:
    """Every figure of one sentence (read once: the figures and conflicts panels both ask)."""
    return list(_scan(text, lang))


@lru_cache(maxsize=16384)
def _scan(text: str, lang: str) -> tuple[Hit, ...]:
    spans = date_spans(text, lang)
    hits = [_apposition_age(text, m, lang) for m in _PAREN_AGE.finditer(text)]
    taken = spans + [(h.start, h.end) for h in hits]
    bare: list[tuple[int, int, float]] = []  # numbers that counted nothing on their own
    for start, end, value, cur in _numbers(text, lang):
        if any(a <= start < b for a, b in taken):
            continue
        hit = (_hit(text, lang, start, end, value, cur, spans) or _range_end(text, hits, start, end, value)
               or _elliptic(text, lang, hits, start, end, value))
        if hit is not None:
            first = _tally_start(text, bare, hit)
            hits.extend([first, hit] if first else [hit])
        else:
            bare.append((start, end, value))
    return tuple(hits)


def _elliptic(text: str, lang: str, hits: list[Hit], start: int, end: int, value: float) -> Hit | None:
    """A bare whole number that counts what the sentence's figure just before it counts, when
    that is a count: as a clause's subject (`31 Kreisräte stimmten dafür, 24 votierten dagegen,
    zwei enthielten sich`, `Twelve people died, 40 were injured`), at a clause's end after `es`,
    a copula or `noch` (`2019 waren es 600 Geburten, im vergangenen Jahr nur noch 386.`), or as a
    part of it (`Rund 90 von ihnen übernachten …`, `12 of them Americans`) — not a clock time
    (`endete gegen acht`), a score, an identifier (`call 911`, raw five digits) or a change."""
    if value != int(value):
        return None
    before = [h for h in hits if h.end <= start]
    of_them = _OF_THEM.match(text, end)
    qualifier, qstart, ident = _head(text, start, lang)
    c_start, c_end = _clause(text, start)
    where = (start, qstart, end, c_start, c_end)
    if of_them and not before:  # `Rund 90 von ihnen …`: a part of the count before
        return _finish(text, lang, where, value, ("count", "count"), qualifier,
                       of_them.group(0).strip())  # its own key: never folded into another count
    raw = text[start:end]
    if not before or before[-1].kind != "count" or not before[-1].about or ident or (raw.isdigit() and len(raw) >= 5):
        return None
    after = text[end:]
    previous_word = regex.search(r"([\p{L}]+(?:['’]s)?)\s*$", text[c_start:qstart])
    subject = not text[c_start:qstart].strip() and regex.match(r"\s+\p{Ll}", after)
    last = ((regex.fullmatch(r"\s*[.!]?\s*", after) or regex.match(r"\s*[,;]\s", after))
            and previous_word is not None and (previous_word.group(1).casefold() in _BEFORE_ELLIPSIS
                                               or previous_word.group(1).endswith(("'s", "’s"))))  # `to Pyne's 20,782`
    if not (of_them or subject or last):
        return None
    return _finish(text, lang, where, value, ("count", "count"), qualifier, before[-1].about)


_OF_THEM = regex.compile(r"\s+(?:von\s+ihnen|davon|of\s+them)(?![\p{L}])", regex.IGNORECASE)
_BEFORE_ELLIPSIS = frozenset("es noch waren sind war ist it there were are was is".split())
"""Words after which a clause-final bare number repeats a count: `waren es 7`, `nur noch 386`."""
_TALLY_WORD = regex.compile(r"\s+(?:zu|to|gegen|against)\s+", regex.IGNORECASE)


def _tally_start(text: str, bare: list[tuple[int, int, float]], hit: Hit) -> Hit | None:
    """The bare first number of a tally or range (`mit 31 zu 24 Stimmen`, `by a vote of 52 to 48
    votes`, `2,000 to 3,000 children`): it counts what the second one counts — not a change
    (`rose by 12 to 312`), nor when the second carries a scale the first would need."""
    if not bare or hit.kind != "count" or hit.value >= 1_000_000:
        return None
    start, end, value = bare[-1]
    change = regex.search(r"(?i)(?<![\p{L}])(?:by|um)\s+$", text[:start]) and hit.value > value  # `rose by 12 to 312`
    if not _TALLY_WORD.fullmatch(text[end:hit.start]) or change:
        return None
    return replace(hit, value=value, surface=text[start:end], start=start, end=end, qualifier="")


def _range_end(text: str, hits: list[Hit], start: int, end: int, value: float) -> Hit | None:
    """The bare second number of a range or change ("from 187 votes to 163", "von 120 auf 150"):
    it counts what the first one counts."""
    if not hits or hits[-1].kind not in ("count", "percent") or hits[-1].value >= 1_000_000:
        return None  # (a scaled first number, "von 3 Mio. auf 4", would need its scale carried)
    previous = hits[-1]
    if not _RANGE_LINK.fullmatch(text[previous.end:start]):
        return None
    return replace(previous, value=value, surface=text[start:end], start=start, end=end, qualifier="")


def _looks_like_id(text: str, start: int, end: int, stop: int, lang: str, scale: float) -> bool:
    """ZIP codes and long raw numbers ("28195 Bremen"), glued letters ("1990s"), and in English
    a number right after a name ("Windows 10 users"): not counts."""
    raw = text[start:end]
    if raw.isdigit() and len(raw) >= 5 and scale == 1:
        return not _counted_noun_follows(text, start, end, lang)  # `28195 Bremen`, not `35000 Sandsäcke`
    if stop == end and end < len(text) and text[end].isalpha():
        return True
    prev = regex.search(r"([\p{L}]+)\s+$", text[:start])
    return (lang == "en" and bool(prev) and prev.group(1)[0].isupper() and prev.start(1) > 0
            and prev.group(1).casefold() not in lexicon.function_words(lang)
            and not lexicon.mapping("qualifier", lang).get(prev.group(1).casefold()))


def _counted_noun_follows(text: str, start: int, end: int, lang: str) -> bool:
    """Whether five raw digits count the noun after them (`wurden 35000 Sandsäcke verbaut`)
    rather than being a ZIP code, phone or other number: not after a preposition, comma, article
    or another number (`in 32423 Minden`, `…, 28195 Bremen`, `04231 80600`), not with a leading
    zero, and a noun follows — lower-case in English; in German a noun HanTa knows, or a plural it
    guesses, not a place name."""
    nxt = regex.match(r"\s+([\p{L}][\p{L}\p{M}-]*)", text[end:])
    prev = regex.search(r"(\S+)\s*$", text[:start])
    if nxt is None or text[start] == "0" or (prev and (prev.group(1)[-1:] in ",;:" or prev.group(1)[-1:].isdigit()
                                                        or prev.group(1).casefold() in _NOT_BEFORE_A_COUNT)):
        return False
    word = nxt.group(1)
    if lang == "de":
        known = lexclass(word)
        plural = word.endswith(("e", "en", "er", "ern", "s")) and not is_cue("de", "place_suffix", word)
        return word[:1].isupper() and (known == "NN" or (known in ("CMP", "UNK") and plural))
    return word.islower()


_NOT_BEFORE_A_COUNT = frozenset("in an nach aus bei von bis nahe zwischen ab um nr plz postleitzahl telefon tel "
                                "rufnummer fax the a an at of to from zip code area call dial number no".split())


def _apposition_age(text: str, m: regex.Match, lang: str) -> Hit:
    """ "Sandra Köhler-Brandt (56)", "the mayor, 51, said", "aged 43": an age."""
    before = [t.group(0) for t in _TOKEN.finditer(text, 0, m.start())]
    about = before[-1] if before and m.group(0)[0] in "(," else ""
    key = lexicon.stems(about, lang)[-1] if about and lexicon.stems(about, lang) else ""
    start = m.start("n")
    return Hit(float(m.group("n")), "age", "age", m.group(0).strip(" ,"), start, m.end(), "", about, key, "")


def _hit(text: str, lang: str, start: int, end: int, value: float, cur: str | None,
         spans: list[tuple[int, int]]) -> Hit | None:
    """The figure at one number, or None for identifiers, ordinals and bare numbers."""
    tail = text[end:end + 3]
    if regex.match(r"\.\s+\p{L}|st\b|nd\b|rd\b|th\b|-\p{L}", tail) and not _AGE.match(text, end) \
            and _tail(text, end, lang, money=False)[1] is None:
        return None  # ordinal ("3. Platz", "2nd") or compound ("3-Zimmer")
    scale, unit, age, stop = _tail(text, end, lang, money=bool(cur))
    qualifier, qstart, ident = _head(text, start if not cur else start, lang)
    if cur:
        unit = _unit_of(cur, lang) or unit
    if unit is None and not age and (ident or _looks_like_id(text, start, end, stop, lang, scale)):
        return None
    c_start, c_end = _clause(text, start)
    noun = _noun_after(text, stop, c_end, lang)
    if age:
        unit = ("age", "age")
    elif unit is None:
        if not noun or (scale == 1 and value != int(value)):
            return None  # a bare number: no unit, nothing counted
        unit = ("count", "count")
    if not age and not noun and unit[0] != "count":
        noun = _noun_before(text, start, c_start, lang, spans)
    return _finish(text, lang, (start, qstart, stop, c_start, c_end), value * scale, unit, qualifier, noun)


def _finish(text: str, lang: str, where: tuple[int, int, int, int, int], value: float,
            unit: tuple[str, str], qualifier: str, noun: str) -> Hit:
    """Key (role group or stem) and state (what happened to the counted) of a figure."""
    start, qstart, stop, c_start, c_end = where
    role = _role(noun, lang) if noun else ""
    key, _, state = role.partition(":")
    if not key and noun:
        key = lexicon.stems(noun, lang)[-1] if lexicon.stems(noun, lang) else noun.casefold()
    if unit[0] == "count" and not state:
        found = lexicon.find_phrases("state", lang, lexicon.stems(text[c_start:c_end], lang))
        state = found[0] if found else ""
    if unit[1] == "percent" and regex.search(r"(?<![\p{L}])(?:um|by)\s+$", text[:qstart], regex.I):
        state = "change"
    kind = "measure" if unit[1] == "duration" else unit[1]
    return Hit(value, unit[0], kind, text[qstart:stop].strip(), start, stop, qualifier, noun, key, state)
