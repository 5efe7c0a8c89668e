"""Reported speech for the quotes panel: what someone said, not in their own words.

German marks reported speech by mood: `X sagte, es gebe keine Hinweise`, `…, teilte die
Stadtverwaltung mit`, and sentences in Konjunktiv right after a quote or a reporting clause
continue the same speaker (`Das sei gelungen.`); a phrase that names the source carries an
indicative statement too (`Nach Angaben der Polizei …`, `…, wie ein Sprecher mitteilte`).
English has no mood to lean on, so only the explicit forms count there: `X said that …`,
`…, X said.`, `X promised to …` and `…," he wrote, adding that …`. Precision matters more than
recall: a sentence needs a reporting clause or an attribution phrase (`sources.py`), or a
quote/report just before it in the same paragraph; in German a plain reporting clause needs a
Konjunktiv, `dass` or an infinitive after a verb of announcing, and an indicative statement an
inverted clause with a verb of stating after it (`…, teilte die Polizei mit`) or a sentence of
its own that attributes it (`Das teilte die Polizei mit.`).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from storysum.language import opening_word
from storysum.model import Cluster, Sentence
from storysum.story.model import Quote
from storysum.story.quotes import Found, article_quotes, merge, sentence_spans, word_count
from storysum.story.hanta import finite_verb, german_class, konjunktiv_i
from storysum.story.people import People, resolve
from storysum.story.sources import MIN_CONTENT, german_attribution, is_body
from storysum.story.quote_words import Lexicon, lexicon
from storysum.story.speakers import (
    Speaker, after_clause, before_apposition, before_clause, parse, subject, tokens,
)

_LANGS = ("de", "en")  # languages whose reported speech this module can recognise
_SAY = {"said", "says", "told", "tells", "added", "adds", "stated"}
_PASSIVE = {"was", "were", "is", "are", "been", "be", "being"}
_ADDING = regex.compile(r"[\"”“»«],?\s+[^\"”“„»«]*?,\s+adding\s+that\s+(?P<content>[^\"”“„»«]+)$")
"""`"…," he wrote, adding that he would help …`: a report after the quote, by its speaker."""


def extract_indirect(cluster: Cluster, quoted: list[Found] | None = None) -> list[Quote]:
    """Reported statements with their speakers (`indirect=True`), merged across outlets;
    `quoted` are the direct quotations when the caller has found them already."""
    spans = sentence_spans(cluster) if quoted is None else {}
    found: list[Found] = []
    for a_index, article in enumerate(cluster.articles):
        lang = article.lang or cluster.lang or "und"
        if lang in _LANGS:
            sentences = [s for s in cluster.sentences if s.article == a_index]
            direct = (article_quotes(cluster, a_index, spans.get(a_index, [])) if quoted is None
                      else [f for f in quoted if f.article == a_index])
            found.extend(_article_indirect(cluster, a_index, sentences, direct, lang))
    return merge(cluster, found, indirect=True)


@dataclass
class _Chain:
    """The statement a following Konjunktiv sentence continues."""

    speaker: str | None
    paragraph: int
    item: Found | None  # the reported statement to extend, None after a direct quote


def _article_indirect(cluster: Cluster, a_index: int, sentences: list[Sentence],
                      direct: list[Found], lang: str) -> list[Found]:
    """Walk an article's sentences: explicit reports start a chain, Konjunktiv continues it."""
    lex = lexicon(lang)
    text = cluster.articles[a_index].text
    people = People(text, lex, lang)
    quoted = {i: f for f in direct for i in f.sentences}
    out: list[Found] = []
    chain: _Chain | None = None
    cursor = 0
    before: Found | None = None  # the sentence before, as a statement nobody is credited with yet
    for s in sentences:
        offset = max(text.find(s.text, cursor), cursor)
        cursor = offset + len(s.text)
        previous, before = before, (None if s.index in quoted else
                                    Found(a_index, offset, cursor, _sentence(s.text), "", [s.index]))
        if s.index in quoted:
            chain = _Chain(quoted[s.index].speaker, s.paragraph, None)
            if chain.speaker:
                people.add(offset, chain.speaker)
                adding = _ADDING.search(s.text)
                if adding and word_count(adding.group("content")) >= MIN_CONTENT:
                    out.append(Found(a_index, offset, cursor, _sentence(adding.group("content")), chain.speaker, [s.index]))
            continue
        report = explicit(s.text, lex, lang)
        name = resolve(report[0], offset, people) if report else None
        if report is not None and name is not None:  # an unresolved `er sagte` is no report
            item = Found(a_index, offset, cursor, report[1], name, [s.index])
            out.append(item)
            if name and report[0].kind == "name":
                people.add(offset, name)
            chain = _Chain(name, s.paragraph, item)
        elif previous and (backward := _pointing_back(s.text, lex, lang)) is not None:
            name = resolve(backward, offset, people)
            plain = not _reported(previous, out) and not _has_reporting_verb(previous.text, lex)
            if name and _paragraph(cluster, previous) == s.paragraph and plain:
                previous.speaker = name
                out.append(previous)
                chain = _Chain(name, s.paragraph, previous)
            else:
                chain = None
        elif chain and chain.speaker and chain.paragraph == s.paragraph and _continues(s.text, lex, lang):
            if chain.item is None:
                chain.item = Found(a_index, offset, cursor, s.text, chain.speaker, [s.index])
                out.append(chain.item)
            else:
                chain.item.text += " " + s.text
                chain.item.sentences.append(s.index)
        else:
            chain = None
    return out


_POINTER = regex.compile(r"^(?:Das|Dies)(?:\s+alles)?\s+(?P<clause>\p{Ll}+\s[^,;:]+)[.!]$")
"""`Das teilte die Polizei am Montag mit.`: a reporting clause whose object is the sentence before."""
_ANNOUNCING = frozenset("kündigte kündigten kündigt gab gaben gibt".split())
"""Beside the verbs of stating: `Das kündigte X an`, `Das gab X bekannt` (with their particle)."""


def _pointing_back(text: str, lex: Lexicon, lang: str) -> Speaker | None:
    """The speaker of a German sentence that only attributes the one before it: `Das teilte
    die Polizei mit.`, `Dies kündigte ihr Sprecher Martin Haberkorn am Dienstag an.` — a verb of
    stating or announcing first, its particle last, no other finite verb (`Das erklärte Ziel
    ist …`: a participle), not negated, and a named or credible speaker: no pronoun, which here
    would have to be resolved for an indicative statement, no owner-less `ihr Sprecher`, no
    common noun taken for a name (`Das bestätigte Ergebnis …`). Not verbs of reacting (`Das
    kritisierte der ADAC`, `wies … zurück`): those are no reports of the sentence before."""
    m = _POINTER.match(text.strip()) if lang == "de" else None
    if not m or word_count(text) > 16:
        return None
    words = tokens(m.group("clause"))
    low = [w.casefold() for w in words]
    if not (low[0] in lex.statements or low[0] in _ANNOUNCING) or any(w in _NEGATIONS for w in low):
        return None
    if not lex.has_particle(low[0], low[-1:]) or any(finite_verb(w) for w in words[1:]):
        return None
    speaker = parse(words[1:], lex, lang)
    if speaker is None or speaker.kind == "pronoun" or not _credible(speaker):
        return None
    if speaker.kind == "unnamed" and " " not in speaker.text:
        return None  # `Das sagte ihr Sprecher.`: whose?
    if speaker.kind == "name" and " " not in speaker.text and german_class(speaker.text) != "NE":
        return None
    return speaker


def _paragraph(cluster: Cluster, item: Found) -> int:
    return cluster.sentences[item.sentences[0]].paragraph


def _reported(item: Found, found: list[Found]) -> bool:
    """Whether the sentence is part of a statement found already."""
    return any(item.sentences[0] in f.sentences for f in found)


def _has_reporting_verb(text: str, lex: Lexicon) -> bool:
    """`Er sagte, die Brücke sei marode.`, `Das sagte die Polizei.`: a report of its own, which
    no sentence after it continues or points back to (`so` only as in `so X`, which is rare
    beside `so viel`)."""
    return any(w.casefold() in lex.verbs and w.casefold() != "so" for w in tokens(text))


def explicit(text: str, lex: Lexicon, lang: str) -> tuple[Speaker, str] | None:
    """(speaker, statement) of a sentence with a reporting clause, None otherwise."""
    if lang == "en":
        for clause in text.split("; "):  # `…; her campaign said she was …`
            found = _english_report(clause, lex)
            if found:
                return found
    if lang == "de":
        found = german_attribution(text, lex)
        if found:
            return found[0], _sentence(found[1])
    for m in regex.finditer(r"[,:]\s+" if lang == "de" else r",\s+", text):  # `X wies das zurück: …`
        head, tail = text[: m.start()], text[m.end():]
        found = _reported_after(head, tail, lex) if lang == "de" else None
        if found:
            return found
        if m.group(0).startswith(":"):
            continue  # a colon only introduces what follows
        short_tail = word_count(tail) <= 10 and ", " not in tail
        if not short_tail or word_count(head) < MIN_CONTENT or tail.casefold().startswith("according"):
            continue
        indicative = lang == "de" and not subjunctive(head, lex)
        if indicative and not _inverted_report(head, tail, lex):
            continue
        speaker = after_clause(tail, lex, lang)
        if speaker and (not indicative or _credible(speaker)):
            return speaker, _sentence(head)
    return None


def _reported_after(head: str, tail: str, lex: Lexicon) -> tuple[Speaker, str] | None:
    """German `X sagte, es gebe …` / `…, dass …` / `X kündigte an, … zu prüfen`: a reporting
    clause that reports (its particle there, not negated) and the statement after it."""
    if word_count(tail) < MIN_CONTENT or word_count(head) > 12:
        return None
    if not (subjunctive(tail, lex) or tail.startswith("dass ") or _infinitive_report(head, tail, lex)):
        return None
    if not _says(head, lex):
        return None
    speaker = before_clause(head + ",", lex, "de")
    return (speaker, _sentence(tail)) if speaker else None


_NEGATIONS = frozenset("nicht nie niemals nichts kein keine keinen keinem keiner keines".split())
_NOT_A_REPORT = frozenset("um ohne statt anstatt doch aber und sondern".split())
"""Words that open an infinitive or clause of purpose or contrast, not a statement:
`warf einen Stein, um die Scheibe einzuschlagen`, `hat Hilfe zugesagt, doch die Summe ist zu klein`."""
_PASSIVE_DE = frozenset("wird werden wurde wurden".split())
_INFINITIVE = regex.compile(
    r"(?:\bzu\s+\p{Ll}*|\b(?:ab|an|auf|aus|bei|dar|durch|ein|fest|fort|frei|her|heraus|herbei|hin|hinzu|los|"
    r"mit|nach|sicher|statt|teil|um|vor|voran|weg|weiter|wieder|zurück|zusammen)zu\p{Ll}*)[elr]n[.!]?$")
"""The end of a German infinitive clause: `… in Auftrag zu geben.`, `… wieder aufzunehmen.`,
`… umzusetzen.` (not `… viel zu klein.`)."""
_RELATIVE_OPEN = regex.compile(r",\s+(?:der|die|das|den|dem|deren|dessen|denen|welche[rsmn]?)\s")


def _says(head: str, lex: Lexicon) -> bool:
    """Whether the clause before the comma reports: its last reporting verb has its particle
    (`teilte … mit`, not `teilte die Befürchtung`; `stellte … klar`, not `stellte sicher`) and
    is not negated (`bestätigte nicht, dass …`)."""
    words = [w.casefold().rstrip(".") for w in tokens(head.split(", ")[-1])]
    verbs = [i for i, w in enumerate(words) if w in lex.verbs]
    if not verbs or any(w in _NEGATIONS for w in words):
        return False
    return lex.has_particle(words[verbs[-1]], words[verbs[-1] + 1:])


def _infinitive_report(head: str, tail: str, lex: Lexicon) -> bool:
    """`X hat angekündigt, einen Prüfbericht in Auftrag zu geben`, `X warf Y vor, … informiert
    zu haben`: after a verb of announcing, promising or accusing, an infinitive clause is what
    was said — not a clause of purpose (`…, um …`) and not after a passive (`Ihm wird
    vorgeworfen, …`: he did not say it)."""
    words = [w.casefold() for w in tokens(head)]
    first = tail.split(maxsplit=1)[0].casefold() if tail.strip() else ""
    return (any(w in lex.infinitives for w in words[-6:]) and first not in _NOT_A_REPORT
            and not any(w in _PASSIVE_DE for w in words) and bool(_INFINITIVE.search(tail.strip())))


def _inverted_report(head: str, tail: str, lex: Lexicon) -> bool:
    """`14 Menschen wurden verletzt, teilte die Polizei mit.`: a short reporting clause with a
    verb of stating first after a main clause attributes it in the indicative too — not after a
    fronted clause or phrase (`Als die Polizei eintraf, sagte …`, `Seit die Brücke gesperrt
    ist, meldeten …`), a relative clause (`Die Frau, die … beobachtet hatte, rief die Polizei`),
    nor negated (`…, sagte der Minister nichts`); questions and fears are not statements."""
    words = [w.casefold().rstrip(".") for w in tokens(tail)]
    if not words or words[0] not in lex.statements or word_count(tail) > 8 or head.rstrip().endswith("?"):
        return False
    opener = opening_word(head).casefold()
    if opener in lex.openers or opener in lex.fronted or _RELATIVE_OPEN.search(head):
        return False
    return not any(w in _NEGATIONS for w in words) and lex.has_particle(words[0], words[1:])


def _credible(speaker: Speaker) -> bool:
    """A source that may attribute an indicative statement: a person, an office or a body the
    lists know — not any noun after the verb (`…, rief die Feuerwehr`)."""
    return speaker.kind != "description" or is_body(speaker.text.split()[0])


@lru_cache(maxsize=8)
def _english_report_pattern(verb_list: tuple[str, ...]) -> regex.Pattern:
    verbs = "|".join(sorted((regex.escape(v) for v in verb_list), key=len, reverse=True))
    return regex.compile(
        rf"(?P<subj>[^;:“”\"]{{2,90}}?)\s+(?P<verb>{verbs})\b"
        r"(?P<obj>(?<=told|tells)\s+(?:reporters|journalists|(?:the\s+)?\p{Lu}[\p{L}.]*))?"
        r"(?:\s+(?:on|last|this|late|early)?\s*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
        r"|today|yesterday|tonight|in\s+a\s+statement))?(?:\s+that)?\s+(?P<content>\p{L}.+)$"
    )


def _english_report(text: str, lex: Lexicon) -> tuple[Speaker, str] | None:
    """`Mayor X said on Monday (that) …`, `Y told reporters the state would pay …`: a speaker,
    the first reporting verb of the sentence, optional object and time, then the statement."""
    text = _INNER_RELATIVE.sub(r"\g<subj> ", text.strip(), count=1)  # `Officials, who asked not to be named, said`
    m = _english_report_pattern(tuple(lex.verbs)).match(text)
    if not m or word_count(m.group("content")) < MIN_CONTENT:
        return None
    subj = _RELATIVE.sub("", m.group("subj"))  # `Whitlow, who supervised the count, said`
    if not _plain_subject(subj, lex):
        return None
    that = regex.search(r"\bthat\s+(\S+)$", text[: m.start("content") + len(m.group("content").split()[0])])
    if that and not _starts_clause(that.group(1), lex):
        that = None  # `recalled that day in 1998`: a demonstrative, not a conjunction
    verb = m.group("verb").casefold()
    promise = _promise(verb, m.group("content"), lex)
    if not that and not promise and (verb not in _SAY or m.group("content").startswith("to ")):
        return None  # without `that`, only `said`-like verbs: `asked X to …` is no statement
    subj = regex.sub(r",\s*\d+\s*,?", "", subj)  # `The mayor, 51, said`
    abbreviation = regex.search(r"\((\p{Lu}{2,6})\)", subj)
    subj = regex.sub(r"\s*\([^)]*\)", "", subj)
    if subj.rstrip().endswith(","):  # `Kenneth Bacon, the Pentagon spokesman, said`: the name speaks
        speaker = before_apposition(f"{subj.rstrip()} {m.group('verb')}", lex, "en")
    else:
        speaker = subject(tokens(subj), lex, "en")
    if speaker is None:
        return None
    if abbreviation and speaker.kind == "name":  # `Haverly Regional Transit (HRT) says`
        speaker = Speaker("name", f"{speaker.text} ({abbreviation.group(1)})", speaker.role)
    content = m.group("content")
    told = _TOLD_WHOM.match(content) if verb in ("told", "tells") and not m.group("obj") else None
    if told:  # `told a news conference that …`, `told The Associated Press that …`
        content = content[told.end():]
    if promise:  # a promise keeps its verb, and ends where the writer's own clause begins
        content = f"{m.group('verb')} " + _WRITERS_CLAUSE.split(content, maxsplit=1)[0]
    return speaker, _sentence(content)


def _promise(verb: str, content: str, lex: Lexicon) -> bool:
    """`Obama promised to close Guantanamo`: a promise is a statement too — not a participle
    (`The aid promised to flood victims has never arrived`: a finite verb follows in the same
    clause) and not when a trailing `…, Ochirbat said` names who reports it."""
    if verb not in lex.infinitives or not content.startswith("to ") or _TRAILING_SAY.search(content):
        return False
    for word in content.split(",")[0].split()[1:9]:
        if word in _LINKS:
            return True  # `vowed to fight … and have launched …`: the promise's own clause ended
        if word in _FINITE:
            return False
    return True


_DETERMINER = r"(?:a|an|the|his|her|their|its)\s"
_TOLD_WHOM = regex.compile(rf"(?:(?:The\s|{_DETERMINER})\s*)?(?:(?!{_DETERMINER})[\p{{L}}-]+\s+){{0,5}}?that\s+(?=\S)")
"""Whom someone told, up to `that`: `a news conference today that`, `the Swahili-language daily
Mtanzania that` — one noun phrase of at most five words, so neither a `that` deep in the
statement nor one after its subject (`told his staff the plan that he drafted …`) is taken."""
_FINITE = frozenset("has have had is are was were remains remain".split())
_LINKS = frozenset("and or that which who because when if while but".split())
_WRITERS_CLAUSE = regex.compile(r",\s+(?:but|and then|then|while|although|though|yet|according\s+to)\s")
_TRAILING_SAY = regex.compile(r",\s+[^,]{2,80}?\s(?:said|says|told|added)\b[^,]*$")
_RELATIVE = regex.compile(r",\s+(?:who|which)\s[^,]+,?$")
_INNER_RELATIVE = regex.compile(r"^(?P<subj>[^,;:“”\"]{2,60}?),\s+(?:who|which)\s[^,;]{3,120},\s+(?=\p{Ll})")
_CLAUSE_OPENERS = frozenset("the a an he she it they we i you there this these those his her its their our "
                            "my your no all some most many more few several both each every any one two "
                            "three police officials".split())


def _starts_clause(word: str, lex: Lexicon) -> bool:
    """Whether the word after `that` opens a clause (`that the bridge …`, `that he …`, `that
    Smith …`, `that 40 people …`) rather than following a demonstrative (`that day`)."""
    return word[:1].isupper() or word[:1].isdigit() or word.casefold() in _CLAUSE_OPENERS


def _plain_subject(subj: str, lex: Lexicon) -> bool:
    """A subject that is only a speaker: short, not a passive (`were warned`), not a clause
    opener (`When …`, `Citing …`) or a possessive (`Cambodia's`)."""
    words = regex.sub(r"\([^)]*\)|,\s*\d+\s*,?", "", subj).split()
    if not words or len(words) > 7 or words[-1].casefold() in _PASSIVE or words[-1].endswith(("'s", "’s")):
        return False
    first = words[0].casefold()
    return not (first in lex.openers or first in lex.nonspeakers or first.endswith("ing"))


def _sentence(text: str) -> str:
    """The reported statement as a sentence of its own: without English `that`; German `dass`
    stays, since its clause keeps the verb last (`Dass es das Gutachten gibt.`, not `Es das
    Gutachten gibt.`)."""
    text = regex.sub(r"^that\s+", "", text.strip(), flags=regex.IGNORECASE)
    if text and text[-1] not in ".!?…\"“”»«":
        text += "."  # the head of `…, teilte die Polizei mit.` ends at the comma
    return text[:1].upper() + text[1:] if text else text


def subjunctive(text: str, lex: Lexicon) -> bool:
    """Whether a German clause has a Konjunktiv verb: a listed form (`sei`, `gebe`, `hätten`) or
    a lower-case `-e` word in verb position, after its subject and before a lower-case word
    (`Löschwasser erreiche die Glut`, `man schließe nichts aus`) — adjectives precede nouns —
    or before a noun when HanTa knows it as a verb (`Die Stadt fehle Geld`)."""
    words = [w.rstrip(".") or w for w in tokens(text)]
    for i, w in enumerate(words):
        low = w.casefold()
        if low in lex.subjunctive:
            return True
        past = low.endswith("te")  # hatte, sagte: Präteritum, not Konjunktiv
        if not (w.islower() and low.endswith("e") and len(low) >= 4) or past or low in lex.nonverbs or i == 0:
            continue
        prev, nxt = words[i - 1], words[i + 1] if i + 1 < len(words) else "."
        pronoun = prev.casefold() in ("man", "er", "sie", "es")  # `es fehle Geld`: no adjective after it
        verb = pronoun or nxt.islower() or nxt in ".,;" or konjunktiv_i(low)  # `Die Stadt fehle Geld`
        first_person = any(x.casefold() == "ich" for x in words[:i])  # `Ich als Vater trage …`
        if (pronoun or prev[:1].isupper()) and prev not in ",;:" and not first_person and verb:
            return True
    return False


def _continues(text: str, lex: Lexicon, lang: str) -> bool:
    """A sentence without reporting clause that carries on reported speech (German only): not
    one with a reporting verb of its own (`Der Sprecher der Feuerwehr, Jan Koch, sagte, …`)."""
    return lang == "de" and subjunctive(text, lex) and not _has_reporting_verb(text, lex)
