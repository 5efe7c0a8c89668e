"""Who said it: the speaker of a quote, read from its reporting clause and resolved in the article.

A reporting clause names a speaker in one of three ways: a name (`sagte Kreisbrandmeister Jörg
Hansing`, `Smith said`), a pronoun (`sagte er`) or a role/description (`so die Ministerin`,
`a spokesman said`, `eine 67-jährige Anwohnerin`). Pronouns and roles are resolved against the
people named earlier in the same article (`people.py`), surnames are expanded to the fullest
spelling seen, so every panel shows "Jörg Hansing" rather than "er". Word lists live in
`resources/quotes.tsv` (`quote_words.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import wraps

import regex

from storysum.language import resources_for
from storysum.story.quote_words import Lexicon

_TOKEN = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*|[,;:()!?\"„“”»«–—&]")
_CLAUSE_END = set(",;:()!?\"„“”»«–—")
_PARTICLES = {"von", "van", "de", "zu", "al", "bin", "ter", "ten", "da", "di", "del", "du", "la", "le", "dos"}
_NAME_WORD = regex.compile(r"\p{Lu}[\p{L}\p{M}'’-]*")
_JOINS = {"of", "for", "&", "and"}  # inside English organisation names
_AGE_NOUN = regex.compile(r"\d+-(?:jährige[rn]?|year-old)", regex.IGNORECASE)


_LEADING = {"and", "but", "or", "so", "yet", "then", "also", "und", "aber", "auch", "doch", "denn", "dann"}
"""Conjunctions and linking adverbs that may open a sentence before a name (`But Le Monde, …`)."""
_ADJECTIVE_ENDINGS = ("liche", "lichen", "licher", "ische", "ischen", "ischer", "ige", "igen", "iger")


@dataclass
class Speaker:
    """A parsed speaker: `kind` is name, pronoun, role (a known office), unnamed (an office
    with an indefinite article: `ein Sprecher`) or description."""

    kind: str
    text: str
    role: str = ""


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def _clause(words: list[str], lex: Lexicon) -> list[str]:
    """The words up to the first clause punctuation (a title's or initial's period is kept)."""
    out: list[str] = []
    for w in words:
        if w in _CLAUSE_END:
            break
        if w.endswith(".") and len(w) > 2 and not lex.is_title(w) and not w[:-1].isupper():
            out.append(w[:-1])
            break
        out.append(w)
    return out


_CLAUSE_WORDS = frozenset("would will was is were had has have are could should must can did does "
                          "not may might shall that if but ever".split())
"""Lower-case English auxiliaries and conjunctions: a speaker phrase holding one is a clause
(`said the family would hire …`, `Kenneth Bacon, the Pentagon spokesman, said the secretary
had not …`, `told a news conference that the Chechen …`, `protest but refused`)."""


_WHEN_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight "
                        "night morning afternoon evening montag dienstag mittwoch donnerstag freitag "
                        "samstag sonnabend sonntag heute gestern".split())
"""Time words a phrase before or after a reporting verb may open with (`Thursday state officials
said`, `said Friday`): never who speaks."""
_LONE_WORDS = frozenset("among no but when and or while as after before".split())
"""Words that are no speaker on their own (`Among them …`, `But …, he said`)."""
_TRAILING = frozenset("meanwhile however too instead".split())
"""Adverbs after a speaker (`Zyuganov meanwhile said`); alone they leave no speaker."""


def _phrase_only(find: Callable[..., Speaker | None]) -> Callable[..., Speaker | None]:
    """No speaker where the words taken for one hold an auxiliary (they are the start of the
    reported clause: 44 such speakers on DUC, all wrong), and none that is only a time word or
    a conjunction; time words before a speaker and adverbs after it are dropped (`Thursday state
    officials`, `Zyuganov meanwhile`: 30 more on DUC)."""
    @wraps(find)
    def checked(*args, **kwargs) -> Speaker | None:
        found = find(*args, **kwargs)
        written = found.text.split() if found is not None else []
        if not written or _CLAUSE_WORDS.intersection(written):
            return None
        words = written
        while words and words[0].casefold() in _WHEN_WORDS:
            words = words[1:]
        while words and words[-1].casefold() in _TRAILING:
            words = words[:-1]
        if not words or (len(words) == 1 and words[0].casefold() in _LONE_WORDS):
            return None
        return found if words == written else replace(found, text=" ".join(words))
    return checked


def parse(words: list[str], lex: Lexicon, lang: str) -> Speaker | None:
    """The speaker a short phrase names (`Kreisbrandmeister Jörg Hansing`, `die Ministerin`)."""
    words = _clause(words, lex)
    if not words:
        return None
    first = words[0].casefold()
    if first in lex.pronouns and (len(words) <= 3 or (lang == "de" and words[1][:1].islower())):
        return Speaker("pronoun", words[0])  # `sagte er nach der Abstimmung`, `sagte sie dem Boten`
    possessive = first in lex.possessives and len(words) > 1 and words[1][:1].isupper()
    if first in lex.determiners or possessive:
        found = _description(words[1:], lex, lang)
        if found and first in lex.definite and _AGE_NOUN.fullmatch(found.text.split()[0]):
            return Speaker("pronoun", found.text.split()[0])  # `sagt der 52-Jährige (aus X)`: named before
        if found and found.kind == "role" and first not in lex.definite:
            return unnamed(found)  # `ein Sprecher`, `ihr Sprecher` (whose: not the office named before)
        return found
    if lang != "de" and len(words) <= 4 and words[-1].islower() and words[-1].casefold() not in lex.stop \
            and _NAME_WORD.match(words[0]) and (not any(_NAME_WORD.match(w) for w in words[1:])
                                                or (words[-1].endswith("s") and all(_NAME_WORD.match(w) for w in words[:-1]))):
        return Speaker("description", " ".join(words), role=words[-1])  # `Honduran officials`, `Harlan County officials`
    named = named_run(words, lex, lang)
    caps = next((k for k, w in enumerate(words[:4]) if _NAME_WORD.match(w)), None)
    if named is None and lang != "de" and caps:  # `council member Tomás Reyes`
        named = named_run(words[caps:], lex, lang)
        return Speaker("name", named.text, named.role or words[caps - 1]) if named else None
    if named is None and lang != "de" and len(words) <= 3 and first not in lex.nonspeakers:
        return _description(words, lex, lang)  # bare plurals: `officials said`, `police said`
    return named


def named_run(words: list[str], lex: Lexicon, lang: str = "") -> Speaker | None:
    """A run of capitalised words: roles and titles in front, the name after the last role
    (also how `people.People` finds the people an article names)."""
    run: list[str] = []
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        joins = _PARTICLES if lang == "de" else _PARTICLES | _JOINS
        particle = w.casefold() in joins and run and _NAME_WORD.fullmatch(nxt or "x") is not None
        if _NAME_WORD.match(w) or particle or (w.casefold() in ("der", "den") and run and run[-1].casefold() in ("von", "van")):
            run.append(w)
        else:
            break
    run = [w for w in run if not lex.is_title(w)]
    if not run:
        return None
    roles = [i for i, w in enumerate(run) if lex.is_role(w)]
    if roles:
        name = run[roles[-1] + 1:]
        if not name:
            return Speaker("role", run[roles[-1]], role=run[roles[-1]])
        return Speaker("name", " ".join(name[-4:]).rstrip("."), role=run[roles[-1]])
    if lang == "de" and len(run) >= 3 and not any(w.casefold() in _PARTICLES for w in run):
        return Speaker("name", " ".join(run[-2:]), role=run[0])  # Kapitänin Ruth Sommer
    run[-1] = run[-1].rstrip(".")  # `… gefunden, berichten die USA.`
    keep = 5 if lang != "de" and _JOINS & set(run) else 3
    return Speaker("name", " ".join(run[-keep:]))


def _description(words: list[str], lex: Lexicon, lang: str) -> Speaker | None:
    """An unnamed speaker described by adjectives and a noun (`67-jährige Anwohnerin`)."""
    if lang != "de" and words and _NAME_WORD.match(words[0]):
        return named_run(words, lex, lang)  # `the Department of Public Works`
    kept: list[str] = []
    whose: list[str] = []  # `der Behörde` after a German noun
    for i, w in enumerate(words):
        if w.casefold() in lex.stop or len(kept) >= 5:
            break
        kept.append(w)
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if lang == "de" and w[:1].isupper() and nxt[:1].isupper() and w.endswith(_ADJECTIVE_ENDINGS):
            continue  # a capitalised adjective in a title ("Ärztliche Direktorin")
        if lang == "de" and w[:1].isupper():  # German: the noun ends the description ...
            named = named_run(words[i:], lex, lang)  # ... unless a name follows (die Ministerin Katrin Albers)
            if named and named.kind == "name" and named.role:
                return named
            whose = complement(words[i + 1:])
            break
    if not kept:
        return None
    kept[-1] = noun = kept[-1].rstrip(".")
    text = " ".join(kept + whose).rstrip(".")
    if lex.is_role(noun):
        return Speaker("role", text, role=noun)
    return Speaker("description", text, role=noun)


def complement(words: list[str]) -> list[str]:
    """What follows a German speaker noun and says whose it is: `(Sprecher) der Behörde`,
    `(Landesamt) für Umwelt`, `(Sprecher) der Deutschen Bahn` — a genitive or `für`, capitalised
    adjectives and a noun; not a news outlet, which after `sagte` is the dative object (`sagte
    ein Polizeisprecher der Deutschen Presse-Agentur`, `sagte die Landrätin der Zeitung`)."""
    if len(words) < 2 or words[0] not in ("der", "des", "für"):
        return []
    k = 1
    while k + 1 < len(words) and words[k].endswith(_ADJECTIVE_ENDINGS + ("en", "er")) and _NAME_WORD.fullmatch(words[k + 1].rstrip(".")):
        k += 1  # `der Deutschen Bahn`
    noun = words[k].rstrip(".")
    if not _NAME_WORD.fullmatch(noun) or noun.casefold().endswith(_OUTLET_ENDINGS):
        return []
    return words[:k + 1]


_OUTLET_ENDINGS = ("zeitung", "agentur", "redaktion", "blatt", "sender", "kurier", "anzeiger", "rundschau",
                   "post", "bote", "boten", "welle", "funk", "radio", "fernsehen", "presse", "nachrichten",
                   "magazin", "spiegel", "tagesschau", "dpa", "afp", "epd", "kna", "reuters")


def unnamed(found: Speaker) -> Speaker:
    """`ein Sprecher (der Stadt)`, `a spokesman`: someone not named yet — not whoever holds a
    like office elsewhere in the article, at most the one the next sentence opens with under
    the same office word (`…, a spokeswoman said. Spokeswoman Deanna Congileo said …`)."""
    return Speaker("unnamed", found.text, role=found.role)


@_phrase_only
def subject(words: list[str], lex: Lexicon, lang: str) -> Speaker | None:
    """The speaker named right before a reporting verb: `Smith`, `U.N. diplomat Jonathan
    Prentice`, `the party`, `Er`; None for a sentence-initial adverb (`Dazu sagte …`)."""
    words = regex.split(r"\s*,\s*", " ".join(words))[-1].split() if "," in words else words
    while words and (words[-1].casefold() in lex.adverbs or (lang == "en" and words[-1].endswith("ly"))):
        words = words[:-1]
    if not words:
        return None
    if words[-1].casefold() in lex.pronouns:
        return Speaker("pronoun", words[-1])  # `Last week he said`
    k = len(words)
    while k > 0 and (_NAME_WORD.match(words[k - 1]) or (k > 1 and words[k - 1] in _JOINS and _NAME_WORD.match(words[k - 2]))):
        k -= 1  # back over `Department of Public Works`, `Fire & Rescue`
    lead = words[k - 1].casefold() if k else ""
    if lang != "de" and 1 < k < len(words) and lead in lex.stop:
        return subject(words[: k - 1], lex, lang)  # `the hurricane center in Miami said`: not Miami
    if lang != "de" and 0 < k < len(words) and words[k - 1].islower() and lead not in lex.determiners:
        named = named_run(words[k:], lex, lang)  # `Houston accountant Kathy Montgomery said`
        if named and named.kind == "name":
            return Speaker("name", named.text, role=named.role or words[k - 1])
    found = parse(words, lex, lang)
    first = words[0].casefold()
    if found and found.kind == "name" and lang == "de" and first in resources_for(lang).stopwords - lex.determiners:
        return None
    return found


@_phrase_only
def after_clause(text: str, lex: Lexicon, lang: str) -> Speaker | None:
    """The speaker of a reporting clause right after a quote: `, sagte X`, `, so X`, `X said`."""
    all_words = tokens(text.lstrip(" ,\u00a0"))
    words = _clause(all_words, lex)
    if not words:
        return None
    low = [w.casefold() for w in words]
    for phrase in lex.according:
        if tuple(low[: len(phrase)]) == phrase:
            return parse(words[len(phrase):], lex, lang)
    if low[0] in lex.verbs:
        found = _singular(parse(words[1:], lex, lang), low[0], lang)
        if found is not None and found.kind in ("role", "unnamed", "description"):
            return _appositive_name(all_words[len(words):], found, lex, lang) or found
        return found
    if lang == "de":
        return None
    verb = next((i for i, w in enumerate(low[:8]) if w in lex.verbs and i > 0), None)
    if verb is not None:
        return subject(words[:verb], lex, lang)
    return _quoted_as_saying(text, lex, lang) or _apposition(words, all_words, lex, lang)


def _appositive_name(rest: list[str], role: Speaker, lex: Lexicon, lang: str) -> Speaker | None:
    """`betonte die Ärztliche Direktorin, Prof. Dr. Sevim Arslan`: the name in apposition."""
    if rest[:1] != [","]:
        return None
    named = named_run(rest[1:8], lex, lang)
    if named is None or named.kind != "name" or len(named.text.split()) < 2:
        return None
    return Speaker("name", named.text.rstrip("."), role=role.role)


def _quoted_as_saying(text: str, lex: Lexicon, lang: str) -> Speaker | None:
    """`…," Aznar was quoted as saying` / `…," El Mundo quoted Hiriart as saying`."""
    m = regex.match(r"[\s,]*(?:(.{1,60}?)\s+was\s+quoted|.{1,60}?\s+quoted\s+(.{1,60}?))\s+as\s+saying", text)
    if not m:
        return None
    return subject(tokens(m.group(1) or m.group(2)), lex, lang)


def _apposition(words: list[str], all_words: list[str], lex: Lexicon, lang: str) -> Speaker | None:
    """`…," Mariano Fernandez, Chile's deputy foreign minister, said`: a name, a description in
    commas, then the verb."""
    rest = [w.casefold() for w in all_words[len(words):len(words) + 14]]
    if rest[:1] != [","] or "," not in rest[1:]:
        return None
    after = rest[rest.index(",", 1) + 1:]
    if after[:1] and after[0] in lex.verbs:
        named = named_run(words, lex, lang)
        return named if named and named.kind == "name" and len(words) <= 4 else None
    return None


@_phrase_only
def before_clause(text: str, lex: Lexicon, lang: str) -> Speaker | None:
    """The speaker of a clause that introduces a quote: `X sagte: „…“`, `Smith said, "…"`."""
    stripped = text.rstrip()
    if not stripped.endswith((":", ",")):
        return None
    clause = regex.split(r"(?<!\b\p{L}{1,3})[.!?;]\s|[,]\s", stripped[:-1])[-1]
    words = tokens(clause)[-14:]
    verbs = [i for i, w in enumerate(words) if w.casefold() in lex.verbs and w.casefold() != "so"]
    if not verbs:
        if stripped.endswith(":") and 0 < len(words) <= 4 and all(_NAME_WORD.match(w) for w in words):
            return named_run(words, lex, lang)
        return None
    found = _singular(_around(words, verbs[-1], lex, lang), words[verbs[-1]].casefold(), lang)
    if found is None and verbs[-1] == 0 and not _has_subject(words[1:], lex):
        return before_apposition(stripped[:-1], lex, lang)
    return found


def _singular(found: Speaker | None, verb: str, lang: str) -> Speaker | None:
    """No speaker for German `sie` with a plural verb (`sagten sie`, `Sie erklärten`): a group
    the pronoun cannot name, not the woman named last (German singular forms never end in -en)."""
    plural = lang == "de" and verb.endswith("en")
    if found is not None and plural and found.kind == "pronoun" and found.text.casefold() == "sie":
        return None
    return found


def _has_subject(words: list[str], lex: Lexicon) -> bool:
    """Whether an article and a noun follow the verb (`sagte am Montag eine Kollegin`): the
    subject stands there, after an adverbial."""
    return any(w.casefold() in lex.determiners and _NAME_WORD.match(nxt) for w, nxt in zip(words, words[1:]))


def before_apposition(text: str, lex: Lexicon, lang: str) -> Speaker | None:
    """`Friedrich Almendinger, Fraktionsvorsitzender der Bürgerunion, sagte`: a reporting verb
    that opens its clause after an apposition speaks for the full name before it — when that
    part is only the name, an office or a leading conjunction or article (not `Über Anna
    Berends, die Leiterin des Amts, sagte …`: the topic); or for the name in apposition after an
    office (`Der Sprecher der Feuerwehr, Jan Koch, sagte`)."""
    parts = regex.split(r",\s", text)
    if len(parts) < 3 or len(parts[-2].split()) > 8:
        return None
    words = tokens(parts[-3].split(". ")[-1])
    role = next((w for w in words if lex.is_role(w)), None) if len(words) <= 5 else None
    named = named_run(tokens(parts[-2]), lex, lang)
    if role and named and named.kind == "name" and named.text == parts[-2].strip() and " " in named.text:
        return Speaker("name", named.text, role=role)  # `Der Sprecher der Feuerwehr, Jan Koch, sagte`
    while words and (words[0].casefold() in _LEADING or words[0].casefold() in lex.determiners
                     or words[0].casefold() in lex.openers):
        words = words[1:]  # `But Le Monde`, `And Locke`, `The New York Times`, `As Len Vlahos`
    named = named_run(words, lex, lang) if 2 <= len(words) <= 5 else None
    if named is None or named.kind != "name" or len(named.text.split()) < 2:
        return None
    extra = words[: len(words) - len(named.text.split())]
    if extra and not (len(extra) == 1 and (lex.is_role(extra[0]) or lex.is_title(extra[0]))):
        return None  # the part before the apposition is the name (an office before it at most)
    role = tokens(parts[-2])[:1]
    return Speaker("name", named.text, role=role[0] if role and lex.is_role(role[0]) else named.role)


def _around(words: list[str], i: int, lex: Lexicon, lang: str) -> Speaker | None:
    """The speaker of the reporting verb `words[i]`: its subject before it, or after it (German
    verb-second order: `Dazu sagte Albers`, `meldete die Feuerwehr`)."""
    found = subject(words[:i], lex, lang) if i > 0 else None
    return found or parse(words[i + 1:], lex, lang)


@_phrase_only
def embedded(text: str, lex: Lexicon, lang: str) -> Speaker | None:
    """The speaker of a quoted fragment inside a reporting sentence (`Castro said the court must
    be independent, because "we already know …"`): the first reporting verb with a speaker."""
    words = tokens(text)[:40]
    for i, w in enumerate(words):
        if w.casefold() in lex.verbs and w.casefold() != "so":
            found = _around(words, i, lex, lang)
            if found:
                return _singular(found, w.casefold(), lang)
    return None
