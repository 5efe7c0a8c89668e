"""Who is who in one article: the people it names, in order, to resolve pronouns, offices and
surnames in reporting clauses (`speakers.py` parses the clauses; this module answers "who is
`er`, `the governor`, `Adler` here?").

A pronoun resolves to the subject of the last sentence before it that names a person — not to
the last capitalised run, which in news copy is as often a place or a body ("Los Angeles", "the
National Weather Service") or a name in a relative clause. Measured on DUC news: docs/STORY.md.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from storysum.language import resources_for
from storysum.story.entities import is_cue
from storysum.story.hanta import lexclass
from storysum.story.quote_words import Lexicon
from storysum.story.speakers import Speaker, named_run

_TWO_NAMES = regex.compile(r"\p{Ll}{2}\.\s|\s(?:and|und|et)\s")
"""A capitalised run across a sentence end or two people: `Staff Academy. He`, `Donna Taylor and
Belinda Durham` (an initial or an abbreviation is no sentence end: `Robert F. Kennedy`,
`Jill St. John`; Spanish `y` joins one person's surnames: `Ortega y Gasset`)."""
_INITIAL = regex.compile(r"\p{Lu}\.")
_SENTENCE_END = regex.compile(r"(?P<token>[\p{L}\p{N}]+)[.!?][\"”’»“']?(?P<space>\s+)|\n")
_NOT_AN_END = frozenset("ca bzw vgl usw etc inc jr sr co corp ltd no nr vs st".split())
"""Abbreviations whose dot ends no sentence (titles and offices with a dot are in `quotes.tsv`)."""
_WORD_RE = regex.compile(r"\s*[\"„“»«]?(\p{L}+)")
_NAME_ENDS = frozenset("in of at on for and to from near said says has have had was is will would "
                       "in im am an auf bei von vom zu zur zum mit und sagte teilte hat ist war wird".split())
"""Words after `the X` that end the name there (`the National Weather Service in Miami`)."""


def _plain_full_name(text: str, lang: str) -> bool:
    """Two or three capitalised words (and middle initials), none a function word, no sentence
    end inside ("Harold Pyne", "George W. Bush", not "Rathaus. Er" or "Nach Informationen")."""
    split = text.split()
    words = [w for i, w in enumerate(split) if not (0 < i < len(split) - 1 and _INITIAL.fullmatch(w))]
    stops = _not_in_names(lang)
    return 2 <= len(words) <= 3 and not any(w.endswith(".") or w.casefold() in stops for w in words)


_POSSESSIVE = regex.compile(r"['’]s$")
_RUN = regex.compile(r"[\p{Lu}][\p{L}\p{M}-]+\.?(?:\s+[\p{Lu}][\p{L}\p{M}'’.-]*){1,5}")


@lru_cache(maxsize=256)
def named_mentions(text: str, lex: Lexicon, lang: str) -> tuple[tuple[int, str, str], ...]:
    """(offset, name, office) of every person an article names by a capitalised run: an office
    before the name (`Landrat Georg Strehlau`), a plain full name (`Harold Pyne`), in German
    also with the office in apposition before it. Read once per article text (the quotes and
    the reported-speech panels both ask)."""
    found = []
    for m in _RUN.finditer(text):
        for start, words in _segments(text, m, lex, lang):
            named = named_run(words, lex)
            if named is None or named.kind != "name":
                continue
            name = _POSSESSIVE.sub("", named.text)  # `Naomi Achterberg's lead`: Naomi Achterberg
            if named.role and named.role in words[:-1]:
                found.append((start, name, named.role))
            elif _plain_full_name(name, lang):
                role = _role_before(text, start, name, lex) if lang == "de" else ""
                found.append((start, name, role))  # a full name, its office in apposition
    return tuple(found)


def _segments(text: str, m: regex.Match, lex: Lexicon, lang: str) -> list[tuple[int, list[str]]]:
    """The parts of a capitalised run that may be names, with their offsets: split where a
    sentence ends inside (`… den Bürgermeister. Anna Berends`; German: `Landrat Peter Kuhn. Anna
    Berends`), without a German sentence's first word when it is a function word or an
    inflected adjective (`Auch Jan Vöhringer`, `Leisere Töne`)."""
    words, offsets, pos = [], [], m.start()
    for w in m.group(0).split():
        pos = text.index(w, pos)
        words.append(w)
        offsets.append(pos)
        pos += len(w)
    cuts = [i + 1 for i, w in enumerate(words[:-1]) if _ends_sentence(w, i, lex, lang)]
    parts = []
    for a, b in zip([0, *cuts], [*cuts, len(words)]):
        part, starts = words[a:b], offsets[a:b]
        if lang == "de" and part and _sentence_initial(text, starts[0]) and _not_a_name_start(part[0], len(part)):
            part, starts = part[1:], starts[1:]
        if len(part) >= 2:
            parts.append((starts[0], part))
    return parts


def _ends_sentence(word: str, i: int, lex: Lexicon, lang: str) -> bool:
    """A word of a capitalised run after which a sentence ends: it ends with a period and is
    not an initial, a title or an office written with one, nor an abbreviation (`S.K.`); inside
    the run only in German, where the next sentence's capitalised subject is common."""
    if not word.endswith(".") or len(word) == 2 or lex.is_title(word) or word.casefold() in lex.roles:
        return False
    return i == 0 or (lang == "de" and "." not in word[:-1])


def _sentence_initial(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t„“\"»«(")
    return not before or before[-1] in ".!?:\n"


def _not_a_name_start(word: str, run_length: int) -> bool:
    """A German sentence's first word that opens a capitalised run but no name: a function word
    in front of a full name (`Auch Jan Vöhringer`) or an inflected adjective (`Leisere Töne`,
    `Scharfe Kritik`) — not a first name HanTa happens to know as something else (`Ahmet`)."""
    if word.casefold() in resources_for("de").stopwords and run_length >= 3:
        return True
    return lexclass(word) == "ATTR" and word.endswith(("e", "en", "er", "es", "em"))


_ROLE_BEFORE = regex.compile(r"(?<![\p{L}])(?P<role>\p{Lu}[\p{L}-]+)(?:\s+(?:der|des|von|vom)(?:\s+\p{Lu}[\p{L}-]+){1,2})?"
                             r",\s*(?P<titles>(?:\S+\.\s*)*)$")


def _role_before(text: str, start: int, name: str, lex: Lexicon) -> str:
    """The office of a German name in apposition, closed by a comma after the name: `Die
    Geschäftsführerin der Kreiskliniken Oberwaldach, Dr. Annette Wiesinger, …` →
    Geschäftsführerin (not `gegen den Landrat, Anna Berends hielt dagegen`)."""
    m = _ROLE_BEFORE.search(text, max(0, start - 90), start)
    end = text.find(name, start) + len(name)
    if not m or not lex.is_role(m.group("role")) or not text.startswith(",", end):
        return ""
    return m.group("role") if all(lex.is_title(t) for t in m.group("titles").split()) else ""


@lru_cache(maxsize=None)
def _months(lang: str) -> frozenset[str]:
    from storysum.story.lexicon import mapping

    return frozenset(w.casefold() for w in mapping("month", lang))


@lru_cache(maxsize=None)
def _not_in_names(lang: str) -> frozenset[str]:
    """Function words, weekday and month names: "said Sunday" never makes a Mr Sunday."""
    from storysum.story.lexicon import mapping

    weekdays = frozenset(w.casefold() for w in mapping("weekday", lang))
    return resources_for(lang).stopwords | weekdays | _months(lang)


@dataclass
class People:
    """The people named in one article, by position, to resolve pronouns, roles and surnames."""

    text: str
    lex: Lexicon
    lang: str
    mentions: list[tuple[int, str, str]] = field(default_factory=list)  # offset, name, role
    _persons: dict[tuple[str, bool], bool] = field(default_factory=dict)  # is_person per name, role
    _sentence_starts: list[int] | None = None

    def __post_init__(self) -> None:
        self.mentions = list(named_mentions(self.text, self.lex, self.lang))

    def add(self, offset: int, name: str) -> None:
        self.mentions.append((offset, name, ""))

    def named_next(self, offset: int, role: str) -> str | None:
        """The person the next sentence names under exactly this office word, the office first:
        `a spokeswoman said. Spokeswoman Deanna Congileo …` (not `Fire Department Spokesman Tom
        Reed`: another body's)."""
        starts = self._starts()
        i = bisect_right(starts, offset)
        end = starts[i + 1] if i + 1 < len(starts) else len(self.text)
        after = [(pos, name) for pos, name, r in self.mentions
                 if offset < pos < end and r.casefold() == role.casefold() and self.text.startswith(r, pos)]
        return min(after)[1] if after else None

    def latest(self, offset: int, role: str = "", gender: str = "", person: bool = False) -> str | None:
        """The most recent person before `offset` (with a matching role when one is given; not
        one whose office says the other `gender`, "f" or "m", when that is given; only names
        the article shows to be a person's when `person` is set, see `is_person`)."""
        role = role.casefold()
        known = [(pos, name) for pos, name, r in self.mentions
                 if (not role or r.casefold().endswith(role)) and not _other_gender(r, gender, self.lang)
                 and (not person or self.is_person(name, r))]
        found = [(pos, name) for pos, name in known if pos < offset]
        for name in {name for _pos, name in known}:  # a known person named again by surname alone
            surname = name.split()[-1]
            last = None
            for m in surname_pattern(surname).finditer(self.text, endpos=offset):
                last = m.start()
            if last is not None:
                found.append((last, name))
        if not found:
            return None
        return self._subject(found, offset) if person else max(found)[1]

    def _subject(self, found: list[tuple[int, str]], offset: int) -> str:
        """The person a pronoun most likely means: the first one named in the last sentence
        before `offset` that names someone — its subject, as a rule (`Saqib, who heads the
        inquiry into bin Laden, says …` → Saqib) — after a fronted clause (`When President
        Clinton asked …, Rep. Rick Lazio acknowledged …` → Lazio) and not in a possessive
        (`Faulder's lawyer, Sandra Babcock, …` → Babcock)."""
        start = self._sentence_start(max(found)[0])
        in_sentence = sorted(f for f in found if f[0] >= start)
        first = _WORD_RE.match(self.text, start)
        if first and first.group(1).casefold() in self.lex.openers:
            comma = self.text.find(",", start, offset)
            in_sentence = [f for f in in_sentence if f[0] > comma] or in_sentence
        in_sentence = [f for f in in_sentence if not self._possessive(*f)] or in_sentence
        return in_sentence[0][1]

    def _sentence_start(self, position: int) -> int:
        """Where the sentence around `position` starts."""
        starts = self._starts()
        return starts[bisect_right(starts, position) - 1]

    def _starts(self) -> list[int]:
        """Offsets where the article's sentences start, computed once: after a paragraph break
        or a sentence-final mark — not after an initial, a title or office written with a dot
        (`Gov.`, `Dr.`, `Gen.`), an abbreviation (`Inc.`, `ca.`) or a day number before a month
        (`am 22. April`); a role word that ends a sentence (`traf den Bürgermeister.`) does."""
        if self._sentence_starts is None:
            starts = [0]
            for m in _SENTENCE_END.finditer(self.text):
                token = m.group("token")
                if token is None or "\n" in m.group("space") or not self._abbreviation(token, m.end()):
                    starts.append(m.end())
            self._sentence_starts = starts
        return self._sentence_starts

    def _abbreviation(self, token: str, after: int) -> bool:
        low = token.casefold()
        if len(token) == 1 or low in _NOT_AN_END or f"{low}." in self.lex.titles or f"{low}." in self.lex.roles:
            return True
        following = _WORD_RE.match(self.text, after)
        return token.isdigit() and bool(following) and following.group(1).casefold() in _months(self.lang)

    def _possessive(self, position: int, name: str) -> bool:
        if name.endswith(("'s", "’s")) or not name.split():
            return True
        m = surname_pattern(name.split()[-1]).search(self.text, position)
        return bool(m) and self.text[m.end():m.end() + 2] in ("'s", "’s")

    def is_person(self, name: str, role: str = "") -> bool:
        """Whether `name` may be a person's, so that a pronoun may resolve to it. Not a place's
        or a body's that looks like one: a word of the name says so (`Waatch River`,
        `Hazelden Foundation`, `Hurricane Mitch`, `Los Angeles`; `resources/entity_cues.tsv`)
        or, for a name without an office before it, the article writes it after a definite
        article (`the National Weather Service`, `die Hafenbehörde Rostock`) — a person's name
        never takes one (`der Bürgermeister Jan Hollmann`: the office comes between). An office
        word inside a body's name does not make it a person (`Massachusetts General Hospital`,
        `Interior Ministry`). Nor a capitalised run that spans a
        sentence end or joins two people (`Staff Academy. He`, `Donna Taylor and Belinda Durham`)."""
        key = (name, bool(role))
        cached = self._persons.get(key)
        if cached is None:
            words = name.split()
            if not words:
                return False
            cached = not (_TWO_NAMES.search(name)
                          or any(is_cue(self.lang, "not_person", w) for w in words)
                          or is_cue(self.lang, "not_person_first", words[0])
                          or (len(words) > 1 and is_cue(self.lang, "not_person_last", words[-1]))
                          or (not role and self._after_article(name)))
            self._persons[key] = cached
        return cached

    def _after_article(self, name: str) -> bool:
        """`the National Weather Service said`, `am Ufer des Waatch River.`: the name right after
        a definite article and ending there (not `the Hillary Clinton campaign`), and the
        article not a German relative pronoun (`die Feuerwehr, die Jan Hollmann leitet`)."""
        for m in surname_pattern(name).finditer(self.text):
            before = self.text[max(0, m.start() - 30):m.start()]
            words = before.split()
            if not words or words[-1].casefold() not in self.lex.definite:
                continue
            if before.rstrip()[:-len(words[-1])].rstrip().endswith(","):
                continue  # a relative pronoun
            after = _WORD_RE.match(self.text, m.end())
            if after is None or after.group(1).casefold() in _NAME_ENDS or regex.match(r"\s*[.,;:!?)]", self.text[m.end():]):
                return True
        return False

    def full_name(self, surname: str) -> str | None:
        """The fullest spelling of a one-word name in this article (`Mertens` → `Henrik Mertens`)."""
        best = None
        pattern = r"((?:[\p{Lu}][\p{L}\p{M}'’-]*\s+){1,2})" + regex.escape(surname) + r"\b"
        stops = resources_for(self.lang).stopwords
        for m in regex.finditer(pattern, self.text):
            prefix = m.group(1).split()
            kept: list[str] = []
            for w in reversed(prefix):
                if self.lex.is_role(w) or self.lex.is_title(w) or w.casefold() in stops:
                    break
                kept.insert(0, w)
            if kept and (best is None or len(kept) > len(best.split()) - 1):
                best = " ".join(kept + [surname])
        return best


@lru_cache(maxsize=4096)
def surname_pattern(surname: str) -> regex.Pattern:
    """The surname as a whole word (`Albers`, not the start of `Albersdorf`)."""
    return regex.compile(rf"(?<![\p{{L}}]){regex.escape(surname)}(?![\p{{L}}])")


_PRONOUN_GENDER = {("de", "er"): "m", ("de", "sie"): "f"}


def _other_gender(office: str, gender: str, lang: str) -> bool:
    """Whether a German office names the other gender than the pronoun's: `Ministerin`,
    `Sprecherin` are women, `Minister`, `Kreisbrandmeister` men; an adjectival office
    (`Vorsitzende`, `Abgeordnete`), a name without an office, and other languages could be
    anyone."""
    office = office.casefold()
    if not gender or not office or lang != "de" or office.endswith("e"):
        return False
    return ("f" if office.endswith("in") else "m") != gender


def resolve(speaker: Speaker | None, offset: int, people: People) -> str | None:
    """The speaker as shown: a full name when one is known, else a short description."""
    if speaker is None:
        return None
    if speaker.kind == "pronoun":
        gender = _PRONOUN_GENDER.get((people.lang, speaker.text.casefold()), "")
        return people.latest(offset, gender=gender, person=True)
    if speaker.kind == "role":
        return people.latest(offset, speaker.role) or people.latest(len(people.text), speaker.role) or speaker.text
    if speaker.kind == "unnamed":
        return people.named_next(offset, speaker.role) or speaker.text
    if speaker.kind == "description":
        return speaker.text
    if " " not in speaker.text:
        return people.full_name(speaker.text) or speaker.text
    return speaker.text
