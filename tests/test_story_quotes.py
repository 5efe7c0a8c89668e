"""Quotes panel: direct quotes and reported speech against the gold files, and each reporting
pattern on small hand-written texts (German and English)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import regex

from storysum.model import Article
from storysum.pipeline import load_cluster, prepare
from storysum.story.indirect import subjunctive
from storysum.story.quotes import (
    attribution_conflicts,
    extract_indirect,
    extract_quotes,
    find_spans,
)
from storysum.story.quote_words import lexicon

ROOT = Path(__file__).resolve().parents[1]
GOLD = sorted((ROOT / "examples" / "gold").glob("*.json"))
_TOKEN = regex.compile(r"[\p{L}\p{N}]+")


def _tokens(text: str) -> set[str]:
    return {t.casefold() for t in _TOKEN.findall(text)}


def _same(a: str, b: str) -> bool:
    """Gold rule: the token sets overlap by at least 0.8 of the shorter one."""
    ta, tb = _tokens(a), _tokens(b)
    return bool(ta and tb) and len(ta & tb) / min(len(ta), len(tb)) >= 0.8


def _speaker_ok(ours: str | None, gold: str) -> bool:
    return bool(ours) and gold.casefold() in ours.casefold()


def score(quotes, gold: list[dict]) -> tuple[float, float, float]:
    """Precision, recall and speaker accuracy (over the gold quotes found)."""
    hit_pred = [any(_same(q.text, g["text"]) for g in gold) for q in quotes]
    matched = [next((q for q in quotes if _same(q.text, g["text"])), None) for g in gold]
    found = [(q, g) for q, g in zip(matched, gold) if q is not None]
    precision = sum(hit_pred) / len(quotes) if quotes else 1.0
    recall = len(found) / len(gold) if gold else 1.0
    speakers = sum(_speaker_ok(q.speaker, g["speaker"]) for q, g in found) / len(found) if found else 1.0
    return precision, recall, speakers


def score_indirect(quotes, gold: list[dict]) -> tuple[float, float]:
    def match(q, g) -> bool:
        return _speaker_ok(q.speaker, g["speaker"]) and any(k.casefold() in q.text.casefold() for k in g["keywords"])

    precision = sum(any(match(q, g) for g in gold) for q in quotes) / len(quotes) if quotes else 1.0
    recall = sum(any(match(q, g) for q in quotes) for g in gold) / len(gold) if gold else 1.0
    return precision, recall


def _cluster_of(gold_path: Path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    folder = ROOT / "examples" / gold.get("cluster", gold_path.stem)
    if not folder.is_dir():
        pytest.skip(f"no example folder for {gold_path.name}")
    return gold, prepare(load_cluster([folder]))


@pytest.mark.parametrize("gold_path", GOLD, ids=[p.stem for p in GOLD])
def test_direct_quotes_against_gold(gold_path: Path) -> None:
    gold, cluster = _cluster_of(gold_path)
    quotes = extract_quotes(cluster)
    precision, recall, speakers = score(quotes, gold.get("quotes", []))
    assert precision >= 0.9 and recall >= 0.9, (precision, recall, [(q.text, q.speaker) for q in quotes])
    assert speakers >= 0.9, [(q.text[:40], q.speaker) for q in quotes]
    for q in quotes:  # outlets as in gold for every matched quote
        g = next((g for g in gold.get("quotes", []) if _same(q.text, g["text"])), None)
        if g is not None:
            assert sorted(q.outlets) == sorted(g["outlets"]), (q.text, q.outlets, g["outlets"])


@pytest.mark.parametrize("gold_path", GOLD, ids=[p.stem for p in GOLD])
def test_indirect_against_gold(gold_path: Path) -> None:
    gold, cluster = _cluster_of(gold_path)
    if "indirect" not in gold:
        pytest.skip("gold file has no indirect list")
    precision, recall = score_indirect(extract_indirect(cluster), gold["indirect"])
    assert precision >= 0.8 and recall >= 0.6, (precision, recall)


def quotes_of(text: str, lang: str = "de") -> list[tuple[str, str | None]]:
    cluster = prepare(load_cluster([Article(id="a", text=text, lang=lang)]))
    return [(q.text, q.speaker) for q in extract_quotes(cluster)]


def indirect_of(text: str, lang: str = "de") -> list[tuple[str, str | None]]:
    cluster = prepare(load_cluster([Article(id="a", text=text, lang=lang)]))
    return [(q.text, q.speaker) for q in extract_indirect(cluster)]


@pytest.mark.parametrize("text, quote, speaker", [
    ("„Wir bauen die Brücke bis zum Sommer neu“, sagte Bauamtsleiterin Petra Vogt.", "Wir bauen die Brücke bis zum Sommer neu", "Petra Vogt"),
    ("„Das ist ein guter Tag für die Stadt“, so Oberbürgermeister Klaus Brenner.", "Das ist ein guter Tag für die Stadt", "Klaus Brenner"),
    ("Die Ärztin Lea Brandt sagte: „Alle Patienten sind stabil und gut versorgt.“", "Alle Patienten sind stabil und gut versorgt.", "Lea Brandt"),
    ("»Die Lage ist ernst, aber beherrschbar«, sagt Dr. Anna Weiß, Virologin an der Uniklinik.", "Die Lage ist ernst, aber beherrschbar", "Anna Weiß"),
    ("„Wir haben so etwas noch nie erlebt“, sagte ein 40-jähriger Augenzeuge.", "Wir haben so etwas noch nie erlebt", "40-jähriger Augenzeuge"),
    ("„Kann das wirklich wahr sein?“, fragte Trainer Jens Ohm nach dem Spiel.", "Kann das wirklich wahr sein?", "Jens Ohm"),
    ("‚Wir kommen morgen wieder zurück‘, sagte Kapitänin Ruth Sommer.", "Wir kommen morgen wieder zurück", "Ruth Sommer"),
    ("„Wir legen Berufung ein“, sagte sein Anwalt Jonas Pfeiffer.", "Wir legen Berufung ein", "Jonas Pfeiffer"),
])
def test_german_reporting_clauses(text: str, quote: str, speaker: str) -> None:
    assert quotes_of(text) == [(quote, speaker)]


def test_german_role_resolves_to_named_person_earlier() -> None:
    text = ("Gesundheitsministerin Carla Nowak besuchte am Montag die Klinik. "
            "„Wir lassen das Personal mit dieser Aufgabe nicht allein“, so die Ministerin.")
    assert quotes_of(text) == [("Wir lassen das Personal mit dieser Aufgabe nicht allein", "Carla Nowak")]


@pytest.mark.parametrize("text, speaker", [
    ("Landeswirtschaftsministerin Katrin Albers und Bürgermeister Jan Hollmann besuchten den Hafen. "
     "„Wir werden den Betrieben schnell helfen“, sagte sie.", "Katrin Albers"),
    ("Kreisbrandmeister Jörg Hansing kritisierte Landeswirtschaftsministerin Katrin Albers. "
     "„Das Land hat viel zu lange gezögert“, sagte er.", "Jörg Hansing"),
    # `Vorsitzende` is a woman or a man: the most recent person stays the speaker
    ("Bürgermeister Jan Hollmann begrüßte die Vorsitzende Anna Berends im Rathaus. "
     "„Wir brauchen jetzt einen Plan für den Hafen“, sagte sie.", "Anna Berends"),
])
def test_german_pronoun_skips_the_person_whose_office_names_the_other_gender(text: str, speaker: str) -> None:
    """`sie` is not the Bürgermeister named last, `er` not the Ministerin: the German office
    word says the gender; the most recent person of the pronoun's gender is the speaker."""
    assert [s for _q, s in quotes_of(text)] == [speaker]


def test_german_pronoun_and_surname_resolve_to_full_name() -> None:
    text = ("Vereinschef Tom Adler war sichtlich bewegt. „Das war die beste Saison seit Jahren“, sagte Adler.\n"
            "„Wir wollen nächstes Jahr noch mehr erreichen“, sagte er.")
    assert quotes_of(text) == [("Das war die beste Saison seit Jahren", "Tom Adler"),
                               ("Wir wollen nächstes Jahr noch mehr erreichen", "Tom Adler")]


def test_split_quote_gives_two_quotes_with_one_speaker() -> None:
    text = "„Der Zug war völlig überfüllt“, sagte Pendlerin Maja Roth, „und niemand hat uns informiert.“"
    assert quotes_of(text) == [("Der Zug war völlig überfüllt", "Maja Roth"),
                               ("und niemand hat uns informiert.", "Maja Roth")]


def test_scare_quotes_and_titles_are_not_quotes() -> None:
    text = ("Der Verein nannte die Regel „unfair“. Im Kino läuft „Das Boot“. "
            "Er las das Buch „Der Name der Rose“ im Urlaub.")
    assert quotes_of(text) == []


@pytest.mark.parametrize("text, quote, speaker", [
    ('"We will rebuild the bridge by summer," said Mayor John Carter.', "We will rebuild the bridge by summer", "John Carter"),
    ("“The situation is under control,” Smith said.", "The situation is under control", "Smith"),
    ("“We have never seen anything like it,” a spokeswoman for the port told reporters.", "We have never seen anything like it", "spokeswoman"),
    ('Prime Minister Ada Lind said: "Nobody will be left behind."', "Nobody will be left behind.", "Ada Lind"),
    ("“There is no reason to panic,” according to Health Secretary Mark Owens.", "There is no reason to panic", "Mark Owens"),
    ("‘This cannot happen again,’ added Senator Paula Grey.", "This cannot happen again", "Paula Grey"),
])
def test_english_reporting_clauses(text: str, quote: str, speaker: str) -> None:
    assert quotes_of(text, "en") == [(quote, speaker)]


def test_english_pronoun_resolves_to_person_named_before() -> None:
    text = ("Fire Chief Dana Hill arrived at midnight. “The roof could collapse at any moment,” she said.")
    assert quotes_of(text, "en") == [("The roof could collapse at any moment", "Dana Hill")]


def test_apostrophes_are_not_quotes() -> None:
    text = ("Kim's team didn't expect the rain. The players’ union said it wasn’t Kim’s fault. "
            "It's the coach's call, and rock 'n' roll isn't over.")
    assert [span[2] for span in find_spans(text)] == ["n"]  # rock 'n' roll: one word, no quote
    assert quotes_of(text, "en") == []


def test_nested_quote_is_reported_once() -> None:
    text = "„Er rief ‚Alle raus aus dem Gebäude‘ und rannte los“, sagte Zeugin Eva Lang."
    assert quotes_of(text) == [("Er rief ‚Alle raus aus dem Gebäude‘ und rannte los", "Eva Lang")]


def test_same_words_in_two_outlets_merge() -> None:
    one = Article(id="one", lang="de", text="„Die Schule bleibt bis Freitag geschlossen“, sagte Rektorin Ida Kern.")
    two = Article(id="two", lang="de", text="Rektorin Ida Kern: „Die Schule bleibt bis Freitag geschlossen.“ Mehr nicht.")
    three = Article(id="three", lang="de", text="„Wir prüfen alle Räume sehr gründlich“, sagte Kern.")
    quotes = extract_quotes(prepare(load_cluster([one, two, three])))
    assert [(q.speaker, q.outlets) for q in quotes] == [("Ida Kern", ["one", "two"]), ("Kern", ["three"])]


@pytest.mark.parametrize("text, keyword, speaker", [
    ("Polizeisprecher Jan Ott sagte, es gebe keine Hinweise auf eine Straftat.", "Straftat", "Jan Ott"),
    ("Der Schaden sei noch nicht absehbar, teilte die Stadtverwaltung mit.", "Schaden", "Stadtverwaltung"),
    ("Am Morgen meldete die Feuerwehr, der Brand sei gelöscht.", "gelöscht", "Feuerwehr"),
    # a phrase names the source, the statement stays in the indicative
    ("Die Notaufnahme bleibt bis Freitag geschlossen, wie ein Kliniksprecher einräumte.", "Notaufnahme",
     "Kliniksprecher"),
    ("Nach Angaben der Polizei haben die Täter eine Lösegeldforderung hinterlassen.", "Lösegeldforderung",
     "Polizei"),
    ("Der Feuerwehr zufolge war das Feuer gegen Mitternacht im Lager ausgebrochen.", "Mitternacht", "Feuerwehr"),
    ("Bis zur Reparatur könnten nach Einschätzung von IT-Leiter Marco Wendt drei Wochen vergehen.",
     "drei Wochen", "Marco Wendt"),
])
def test_german_indirect_speech(text: str, keyword: str, speaker: str) -> None:
    found = indirect_of(text)
    assert len(found) == 1 and keyword in found[0][0] and found[0][1] == speaker


def test_konjunktiv_after_a_quote_continues_its_speaker() -> None:
    text = "„Wir haben alles versucht“, sagte Ärztin Mia Roth. Die Lage sei aber stabil. Man hoffe das Beste."
    found = indirect_of(text)
    assert found == [("Die Lage sei aber stabil. Man hoffe das Beste.", "Mia Roth")]


def test_indicative_narration_is_not_indirect_speech() -> None:
    text = ("Der Hafen hatte seinen Umsatz im vergangenen Jahr gesteigert. Die große Halle brannte. "
            "Die Ministerin sagte dem Betrieb Hilfe zu.")
    assert indirect_of(text) == []


def test_an_outlets_own_reporting_is_no_reported_speech() -> None:
    """`Nach Informationen des Kuriers …` is the outlet's claim (an exclusive), not someone's
    statement."""
    assert indirect_of("Nach Informationen des Weser-Kuriers war die Sprinkleranlage seit Wochen abgeschaltet.") == []


@pytest.mark.parametrize("text, keyword, speaker", [
    ("Whitlow, who supervised the count, said most of the change came from Ward 6.", "Ward 6", "Whitlow"),
    ("Pyne, who watched from the gallery, repeated that he would wait for the final tally.", "final tally", "Pyne"),
    ("Achterberg did not attend the count; her campaign said she was spending the day with her family.",
     "family", "campaign"),
    ("\"I accept their decision,\" Mayor Harold Pyne wrote, adding that he would help his successor with "
     "the transition.", "transition", "Harold Pyne"),
])
def test_english_reported_speech_forms(text: str, keyword: str, speaker: str) -> None:
    found = indirect_of(text, "en")
    assert any(keyword in statement and speaker in (who or "") for statement, who in found), found


def test_english_reported_speech() -> None:
    text = ("The mayor said that the water was safe to drink again. "
            "The bridge will stay closed until Friday, officials said. It rained all day.")
    found = indirect_of(text, "en")
    assert [s for _, s in found] == ["mayor", "officials"]


def test_attribution_conflict_when_outlets_name_different_speakers() -> None:
    one = Article(id="one", lang="de", text="„Die Schule bleibt bis Freitag geschlossen“, sagte Rektorin Ida Kern.")
    two = Article(id="two", lang="de", text="„Die Schule bleibt bis Freitag geschlossen“, sagte Schulrat Paul Grün.")
    three = Article(id="three", lang="de", text="„Die Schule bleibt bis Freitag geschlossen“, sagte eine Mutter.")
    conflicts = attribution_conflicts(prepare(load_cluster([one, two, three])))
    assert [(c.kind, {v.value: v.outlets for v in c.values}) for c in conflicts] == [
        ("attribution", {"Kern": ["one"], "Grün": ["two"]})]


def test_german_role_in_apposition_gives_the_name() -> None:
    text = ("Die Klinik wies die Kritik zurück. „Für Notfälle im Landkreis gibt es genug Kapazitäten“, "
            "betonte die Ärztliche Direktorin, Prof. Dr. Sevim Arslan.")
    assert quotes_of(text) == [("Für Notfälle im Landkreis gibt es genug Kapazitäten", "Sevim Arslan")]


def test_age_description_with_origin_resolves_to_person_named_before() -> None:
    text = ("Dieter Faßbender hatte am Tag des Angriffs einen Termin. »Ich saß schon auf dem Bett, dann hieß es "
            "plötzlich: alles abgesagt«, erzählt der 78-Jährige aus Marlach.")
    assert quotes_of(text)[0][1] == "Dieter Faßbender"


def test_pronoun_after_a_surname_only_mention_resolves_to_that_person() -> None:
    text = ("Mayor Harold Pyne trailed challenger Naomi Achterberg. \"I said we would wait for every vote,\" "
            "Achterberg told supporters. Pyne conceded in a written statement. \"The people of this city have "
            "spoken, and I accept their decision,\" he wrote.")
    speakers = dict(quotes_of(text, "en"))
    assert speakers["The people of this city have spoken, and I accept their decision"] == "Harold Pyne"


@pytest.mark.parametrize("text, speaker", [
    # a river, a foundation, a body written with "the", a place: none of them says "he said"
    ("Micah Tallis, a whaler, purifies himself in frigid streams such as the Waatch River. "
     "\"We look upon the water as its own being,\" he said.", "Micah Tallis"),
    ("Mike Spinelli checked himself into the Hazelden Foundation in Minnesota last February. "
     "\"I just thank God I was able to get out of this,\" he said.", "Mike Spinelli"),
    ("Lorraine Nelson spends her days herding sheep near Beaver Creek. \"Today's kids have lost respect "
     "for their parents,\" she said.", "Lorraine Nelson"),
    ("The head of the armed forces, Gen. Mario Hung Pacheco, said 5,000 soldiers were ready. Forecasters "
     "at the National Weather Service expect more rain. \"We would need more than 300 planes,\" he said.",
     "Mario Hung Pacheco"),
    ("Dr. Jana Rieck forscht zu IT-Sicherheit. Sie besuchte am Montag die Hafenbehörde Rostock. "
     "„Jedes dieser Geräte kann ein Einfallstor sein“, sagte sie.", "Jana Rieck"),
])
def test_pronoun_skips_places_and_bodies_that_look_like_names(text: str, speaker: str) -> None:
    """Capitalised pairs such as "Waatch River" or "the National Weather Service" look like full
    names; on the DUC news clusters a he/she resolved to such a name in about a fifth of all
    pronoun-attributed quotes (docs/STORY.md)."""
    lang = "de" if "sagte" in text else "en"
    assert [s for _q, s in quotes_of(text, lang)] == [speaker]


@pytest.mark.parametrize("name, person", [
    ("Tad Heuer", True), ("F. Kennedy Jr", True), ("Hurricane Mitch", False), ("Los Angeles", False),
    ("Staff Academy. He", False), ("Donna Taylor and Belinda Durham", False), ("Korean Lions Club", False),
])
def test_which_capitalised_runs_may_be_a_person(name: str, person: bool) -> None:
    from storysum.story.people import People
    from storysum.story.quote_words import lexicon

    people = People(f"Officials met {name} on Monday.", lexicon("en"), "en")
    assert people.is_person(name) is person


@pytest.mark.parametrize("text, speaker", [
    # the sentence's subject, not the last name in it
    ("Omar Haddad, who heads the inquiry into the charges against Karim Nasser, says the case is weak. "
     "\"We have seen no evidence at all,\" he said.", "Omar Haddad"),
    # a fronted clause names someone else first
    ("When President Alan Whitcombe asked for more vouchers, Rep. Rick Lauder acknowledged that none had "
     "been approved. \"There were good reasons for that,\" he said.", "Rick Lauder"),
    # a possessive is not the subject
    ("Tom Faulk's lawyer, Sandra Bellamy, attacked the parole board. \"I am delighted, ecstatic,\" she said.",
     "Sandra Bellamy"),
    # German: the first person of the last sentence that names one
    ("Landrätin Petra Vogt dankte Bürgermeisterin Anna Berends für den Einsatz. „Das war ein schwerer Tag "
     "für uns alle“, sagte sie.", "Petra Vogt"),
])
def test_pronoun_prefers_the_subject_of_the_last_sentence_that_names_someone(text: str, speaker: str) -> None:
    """On DUC news the last name before "he said" was often an object or a name in a relative
    clause; the subject of that sentence is the better guess (docs/STORY.md)."""
    lang = "de" if "sagte" in text else "en"
    assert [s for _q, s in quotes_of(text, lang)] == [speaker]


@pytest.mark.parametrize("text, lang, speaker", [
    # an office word that ends a sentence ends it: the subject of the next sentence speaks
    ("Petra Vogt traf am Morgen den Bürgermeister. Anna Berends dankte den Helfern. „Das war ein schwerer "
     "Tag für uns alle“, sagte sie.", "de", "Anna Berends"),
    ("Mike Smith drove Tom Jones home. Sara Lee thanked the volunteers. \"It was a hard day for all of "
     "us,\" she said.", "en", "Sara Lee"),
    # a day number before a month ends no sentence
    ("Landrätin Petra Vogt besuchte am 22. April Bürgermeisterin Anna Berends im Rathaus. „Das war ein "
     "schwerer Tag für uns alle“, sagte sie.", "de", "Petra Vogt"),
    # names that share a word with places, and `the` before a name used as a modifier
    ("Doc Rivers watched the game from the bench on Sunday. \"We played our worst half of the season,\" "
     "he said.", "en", "Doc Rivers"),
    ("Hillary Clinton spoke in Iowa on Monday. Aides to the Hillary Clinton campaign were pleased. "
     "\"This is our moment to win,\" she said.", "en", "Hillary Clinton"),
    # a German relative pronoun is no article before a name
    ("Ministerin Anna Berends lobte die Feuerwehr, die Jan Hollmann seit Jahren leitet. „Das war ein "
     "schwerer Tag für uns alle“, sagte er.", "de", "Jan Hollmann"),
    # `Laut Polizei` opening a sentence is not a person
    ("Bürgermeisterin Anna Berends kam am Abend zum Hafen. Laut Polizei wurden zwei Menschen verletzt. "
     "„Wir sind alle erschüttert“, sagte sie.", "de", "Anna Berends"),
])
def test_pronoun_resolution_review_cases(text: str, lang: str, speaker: str) -> None:
    assert [s for _q, s in quotes_of(text, lang)] == [speaker]


@pytest.mark.parametrize("text, lang", [
    ("Mayor Jane Smith recalled that day in 1998 when the levee finally broke.", "en"),
    ("Smith repeated that claim at a rally in Ohio on Tuesday night.", "en"),
    ("Die Kinder sangen vor dem Rathaus laut Weihnachtslieder für die Gäste.", "de"),
    ("Den Angaben zufolge war die Halle seit Jahren nicht mehr geprüft worden.", "de"),
    ("Das alte Lagerhaus wurde im Mai abgerissen, wie der Stadtrat forderte.", "de"),
])
def test_no_reported_speech_without_a_speaker_who_states(text: str, lang: str) -> None:
    """A demonstrative `that`, `laut` as an adverb, a source that is no one, a demand."""
    assert indirect_of(text, lang) == []


@pytest.mark.parametrize("text, lang, speaker, keyword", [
    ("Bei dem Brand wurden laut Polizei Anwohner und Feuerwehrleute verletzt.", "de", "Polizei", "Anwohner"),
    ("Nach Angaben eines Sprechers der Stadt bleibt der Hafen bis Freitag gesperrt.", "de", "Sprecher der Stadt",
     "Hafen"),
    # a genitive body in the nominative, with what it is for
    ("Nach Einschätzung des Landesamts für Umwelt besteht keine Gefahr mehr für die Bevölkerung.", "de",
     "Landesamt für Umwelt", "Gefahr"),
    ("Nach Angaben des Rettungsdienstes wurden 17 Menschen wegen Atemwegsreizungen behandelt.", "de",
     "Rettungsdienst", "17 Menschen"),
    ("Bis zur Reparatur könnten nach Einschätzung von Wendtland drei Wochen vergehen.", "de", "Wendtland",
     "drei Wochen"),
    ("Officials, who asked not to be named, said the deal was almost done.", "en", "Officials", "deal"),
    ("Police said the driver was drunk; his lawyer said he was not.", "en", "Police", "drunk"),
])
def test_reported_speech_names_the_source(text: str, lang: str, speaker: str, keyword: str) -> None:
    found = indirect_of(text, lang)
    assert len(found) == 1 and found[0][1] == speaker and keyword in found[0][0], found


def test_indicative_statement_with_an_inverted_reporting_clause() -> None:
    """`…, teilte die Polizei mit.` attributes an indicative statement; the Konjunktiv after it
    continues the report."""
    text = ("14 Menschen klagten über Atemwegsreizungen und brennende Augen, teilte die Polizei mit. "
            "Unter ihnen seien auch mehrere Beschäftigte des Betriebs.")
    assert indirect_of(text) == [("14 Menschen klagten über Atemwegsreizungen und brennende Augen. Unter "
                                  "ihnen seien auch mehrere Beschäftigte des Betriebs.", "Polizei")]


@pytest.mark.parametrize("text", [
    "Als die Feuerwehr am Abend eintraf, sagte der Einsatzleiter den Anwohnern nichts.",
    "Wie sehr der Angriff den Alltag verändert hat, schildert Pflegedienstleiterin Monika Hasselbring.",
    "Die Gewerkschaft will bis Freitag weiter streiken, forderte der Betriebsrat.",
])
def test_no_inverted_report_after_a_subordinate_clause_or_a_demand(text: str) -> None:
    assert indirect_of(text) == []


def test_an_unnamed_spokesman_is_not_the_named_one_of_another_office() -> None:
    text = ("Ein Sprecher der Staatsanwaltschaft sagte am Donnerstag, man ermittle wegen fahrlässiger "
            "Körperverletzung. Polizeisprecher Daniel Fröschl sagte, zwei Verletzte seien noch in der Klinik.")
    assert indirect_of(text) == [
        ("Man ermittle wegen fahrlässiger Körperverletzung.", "Sprecher der Staatsanwaltschaft"),
        ("Zwei Verletzte seien noch in der Klinik.", "Daniel Fröschl")]


def test_an_unnamed_spokeswoman_named_in_the_next_sentence() -> None:
    text = ("The Carter Center will send 24 observers to monitor the elections, a spokeswoman said Thursday. "
            "Spokeswoman Deanna Collins said the delegation would not include the former president.")
    assert [s for _, s in indirect_of(text, "en")] == ["Deanna Collins", "Deanna Collins"]


@pytest.mark.parametrize("text, lang, speaker, statement", [
    ("Landrätin Helga Brünjes hat angekündigt, einen externen Prüfbericht in Auftrag zu geben.", "de",
     "Helga Brünjes", "Einen externen Prüfbericht in Auftrag zu geben."),
    ("Wetzold kündigte an, den Betrieb erst nach einer Prüfung aller Tanks wieder aufzunehmen.", "de",
     "Wetzold", "Den Betrieb erst nach einer Prüfung aller Tanks wieder aufzunehmen."),
    ("Mayor Jane Fox has promised to hire forty new teachers by March.", "en", "Jane Fox",
     "Promised to hire forty new teachers by March."),
    # the trailing attribution names who reports the promise
    ("France promised to grant Mongolia 10 million francs in aid, President Ochirbat said.", "en",
     "Ochirbat", "France promised to grant Mongolia 10 million francs in aid."),
])
def test_announcements_with_an_infinitive_are_reported_speech(text: str, lang: str, speaker: str,
                                                              statement: str) -> None:
    assert indirect_of(text, lang) == [(statement, speaker)]


def test_a_demand_with_an_infinitive_is_no_statement() -> None:
    assert indirect_of("Die Stadt forderte die Anwohner auf, die Fenster geschlossen zu halten.") == []


def test_plural_speakers_of_reported_speech() -> None:
    text = ("„Wir arbeiten wieder mit Papier“, sagte Geschäftsführer Dr. Bernd Kalweit. Besucher berichteten, "
            "auf den Fluren seien Pflegekräfte mit Funkgeräten unterwegs gewesen.")
    assert indirect_of(text) == [("Auf den Fluren seien Pflegekräfte mit Funkgeräten unterwegs gewesen.",
                                  "Besucher")]


def test_german_pronoun_after_a_fronted_clause_takes_the_main_clause_subject() -> None:
    text = ("Als Landrat Jan Vogt am Abend eintraf, erklärte Kreisbrandmeister Tobias Reinwald die Lage. "
            "„Die Wolke zieht zum Glück nach Osten ab“, sagte er.")
    assert [s for _q, s in quotes_of(text, "de")] == ["Tobias Reinwald"]


@pytest.mark.parametrize("text, speaker, keyword", [
    # a full name before an apposition speaks for the verb after it
    ("Friedrich Almendinger, Fraktionsvorsitzender der Bürgerunion, sagte, seine Fraktion habe lange mit "
     "sich gerungen.", "Friedrich Almendinger", "gerungen"),
    ("Martin Haberkorn, Sprecher der Bürgerinitiative, kündigte noch am Abend an, ein Bürgerbegehren auf "
     "den Weg zu bringen.", "Martin Haberkorn", "Bürgerbegehren"),
    # `dass` marks the report whatever the mood; a colon can introduce it
    ("Landrat Georg Strehlau sagte, dass die Versorgung der Schwangeren gesichert bleibt.", "Georg Strehlau",
     "Versorgung"),
    ("Landrat Georg Strehlau wies das zurück: Weitere Schließungen seien derzeit nicht geplant.",
     "Georg Strehlau", "Schließungen"),
    # plural and unnamed groups
    ("Kritiker befürchten, dass nach dem Kreißsaal weitere Abteilungen der Klinik folgen könnten.", "Kritiker",
     "Abteilungen"),
])
def test_german_report_forms(text: str, speaker: str, keyword: str) -> None:
    found = indirect_of(text)
    assert len(found) == 1 and found[0][1] == speaker and keyword in found[0][0], found


def test_german_pronoun_reporting_clause_with_a_phrase_after_it() -> None:
    """`sagte er nach der Abstimmung`, and the Konjunktiv after the quote continues him."""
    text = ("Landrat Georg Strehlau verteidigte den Beschluss. „Niemand hat sich diese Entscheidung leicht "
            "gemacht“, sagte er nach der Abstimmung. Der Kreis könne das Defizit nicht länger tragen.")
    assert quotes_of(text) == [("Niemand hat sich diese Entscheidung leicht gemacht", "Georg Strehlau")]
    assert indirect_of(text) == [("Der Kreis könne das Defizit nicht länger tragen.", "Georg Strehlau")]


def test_their_words_name_the_person_just_named() -> None:
    text = ("„Wir geben nicht auf“, sagte Martin Haberkorn. Nach seinen Worten braucht die Initiative rund "
            "11.500 gültige Unterschriften.")
    assert indirect_of(text) == [("Nach seinen Worten braucht die Initiative rund 11.500 gültige Unterschriften.",
                                  "Martin Haberkorn")]


@pytest.mark.parametrize("text, speaker", [
    # an office in apposition before the name, with whose office it is
    ("Die Geschäftsführerin der Kreiskliniken Oberwaldach, Dr. Annette Wiesinger, sicherte Hilfe zu. „Kein "
     "Arbeitsplatz fällt weg“, so die Geschäftsführerin.", "Annette Wiesinger"),
    # a sentence-initial adjective and noun are no name, nor is a clinic named after a town
    ("Leisere Töne kamen von Birgit Lanzinger. Die Hebamme arbeitet seit 23 Jahren an der Kreisklinik "
     "Ebersmoor. „Wir haben jahrelang Lücken gestopft“, sagte die 54-Jährige dem Boten.", "Birgit Lanzinger"),
    ("Auch Jan Vöhringer, Kreisrat der Ökologischen Liste, stimmte dagegen. „Die Fahrzeiten sind schlicht zu "
     "lang“, sagte er.", "Jan Vöhringer"),
])
def test_german_speakers_named_in_apposition_and_after_sentence_openers(text: str, speaker: str) -> None:
    assert [s for _q, s in quotes_of(text, "de")] == [speaker]


def test_english_name_before_an_apposition_speaks() -> None:
    text = ('Tai Ming Cheung, an army specialist, cautioned, "If you had asked me in 1988, I would have said no."')
    assert [s for _q, s in quotes_of(text, "en")] == ["Tai Ming Cheung"]
    text = 'But Le Monde, the Paris daily, asked: "What would have happened if he had kept the engine working?"'
    assert [s for _q, s in quotes_of(text, "en")] == ["Le Monde"]


@pytest.mark.parametrize("text, lang", [
    # an inverted clause that is no report: a relative clause before it, an ellipsis, a verb
    # that is not one of stating, a negation, a fronted phrase, a question, a fear
    ("Die Frau, die den Unfall beobachtet hatte, rief die Polizei.", "de"),
    ("Der Bürgermeister, der seit 2010 im Amt ist, stellte den Haushalt vor.", "de"),
    ("Der Bürgermeister verteidigte den Plan, warf der Opposition Populismus vor.", "de"),
    ("Der Minister trat am Montag zurück, wies die Vorwürfe aber zurück.", "de"),
    ("Auf die Vorwürfe angesprochen, sagte der Minister nichts.", "de"),
    ("Seit die Brücke gesperrt ist, meldeten die Händler hohe Einbußen.", "de"),
    ("Muss die Stadt jetzt die Kosten tragen, fragte der Abgeordnete Peter Kuhn.", "de"),
    ("Die Lage ist ernst, befürchten die Anwohner.", "de"),
    # `dass` after a verb that does not report here, or a negated one
    ("Die Feuerwehr stellte sicher, dass keine Chemikalien in den Fluss gelangten.", "de"),
    ("Der Landrat teilte die Befürchtung, dass der Kreißsaal bald schließen muss.", "de"),
    ("Landrat Peter Kuhn bestätigte nicht, dass die Klinik geschlossen wird.", "de"),
    # infinitives of purpose, contrast, a passive, a negation
    ("Der Täter warf einen Stein, um die Scheibe einzuschlagen.", "de"),
    ("Das Land hat Hilfe zugesagt, doch die Summe ist viel zu klein.", "de"),
    ("Dem Bürgermeister wird vorgeworfen, Geld veruntreut zu haben.", "de"),
    ("Die Stadt hat nie versprochen, die Halle zu sanieren.", "de"),
    # an English participle, not a promise
    ("The aid promised to flood victims has never arrived.", "en"),
    ("Funds pledged to Haiti after the earthquake have not been paid.", "en"),
    # a possessive that may be a plural, a phrase that is no source
    ("Die Polizei sperrte die Straße. Nach ihren Angaben wurden 14 Menschen verletzt.", "de"),
    ("Landrat Peter Kuhn stand lange am Grab. Er suchte nach seinen Worten, als er vom Tod sprach.", "de"),
])
def test_review_cases_that_are_no_reported_speech(text: str, lang: str) -> None:
    assert indirect_of(text, lang) == []


@pytest.mark.parametrize("text, lang, expected", [
    # the news agency after `sagte` is the dative object, not whose spokesman it is
    ("Der Fahrer sei betrunken gewesen, sagte ein Polizeisprecher der Deutschen Presse-Agentur.", "de",
     [("Der Fahrer sei betrunken gewesen.", "Polizeisprecher")]),
    ("Der Kreißsaal bleibe geschlossen, sagte die Landrätin der Zeitung am Montag.", "de",
     [("Der Kreißsaal bleibe geschlossen.", "Landrätin")]),
    # a capitalised adjective belongs to the body's name
    ("Nach Angaben eines Sprechers der Deutschen Bahn fallen alle Züge bis Mittag aus.", "de",
     [("Nach Angaben eines Sprechers der Deutschen Bahn fallen alle Züge bis Mittag aus.",
       "Sprecher der Deutschen Bahn")]),
    # the genitive of a weak noun is kept as written
    ("Nach Angaben eines Augenzeugen raste der Wagen mit hohem Tempo durch den Ort.", "de",
     [("Nach Angaben eines Augenzeugen raste der Wagen mit hohem Tempo durch den Ort.", "Augenzeugen")]),
    # a sentence with its own reporting clause does not continue the report before it
    ("Ein Sprecher der Polizei sagte, der Fahrer sei betrunken gewesen. Der Sprecher der Feuerwehr, Jan Koch, "
     "sagte, das Feuer sei gelöscht.", "de",
     [("Der Fahrer sei betrunken gewesen.", "Sprecher der Polizei"), ("Das Feuer sei gelöscht.", "Jan Koch")]),
    # more infinitives and verbs in the present
    ("Der Landrat hat angekündigt, die Reform schnell umzusetzen.", "de",
     [("Die Reform schnell umzusetzen.", "Landrat")]),
    ("Die Opposition wirft dem Minister vor, das Parlament getäuscht zu haben.", "de",
     [("Das Parlament getäuscht zu haben.", "Opposition")]),
    ("Smith vows to fight the ruling all the way to the Supreme Court.", "en",
     [("Vows to fight the ruling all the way to the Supreme Court.", "Smith")]),
    # the writer's own clause is not part of the promise
    ("Obama promised to close Guantanamo, but Congress blocked the plan for years.", "en",
     [("Promised to close Guantanamo.", "Obama")]),
    # another body's spokesman named next is not the unnamed one
    ("A police spokesman said the driver had been drinking. Fire Department Spokesman Tom Reed said the "
     "blaze was out by noon.", "en",
     [("The driver had been drinking.", "police spokesman"), ("The blaze was out by noon.", "Tom Reed")]),
])
def test_review_cases_with_their_speakers(text: str, lang: str, expected: list) -> None:
    assert indirect_of(text, lang) == expected


@pytest.mark.parametrize("text, speaker", [
    # an adverb opening the sentence is no fronted clause
    ("Da widersprach Landrat Peter Kuhn, der Bürgermeister Jan Hollmann scharf kritisierte. Er sagte, die "
     "Pläne seien unbezahlbar.", "Peter Kuhn"),
    # first names HanTa reads as other words
    ("Ahmet Yilmaz führt den Laden seit zwanzig Jahren. Er sagte, die Miete sei zu hoch.", "Ahmet Yilmaz"),
    # an office before a comma belongs to a name only in apposition (a comma after the name too)
    ("Die Kritik richtete sich gegen den Landrat, Anna Berends hielt dagegen. Sie sagte, das Projekt sei gut.",
     "Anna Berends"),
    # a name after a sentence end inside a capitalised run
    ("Das Projekt lobte Landrat Peter Kuhn. Anna Berends widersprach. Sie sagte, das Geld reiche nicht.",
     "Anna Berends"),
])
def test_review_cases_pronoun_speakers(text: str, speaker: str) -> None:
    assert [s for _t, s in indirect_of(text)] == [speaker]


def test_the_topic_before_an_apposition_is_not_the_speaker() -> None:
    text = "Über Anna Berends, die Leiterin des Amts, sagte am Montag eine Kollegin: „Sie ist bei allen beliebt.“"
    assert [s for _q, s in quotes_of(text)] != ["Anna Berends"]


def test_konjunktiv_after_a_pronoun_before_a_noun() -> None:
    """`es fehle Geld`: after a pronoun subject, an `-e` verb may be followed by a noun."""
    assert indirect_of("Bürgermeisterin Anna Berends sagte, es fehle Geld für die Sanierung.") == [
        ("Es fehle Geld für die Sanierung.", "Anna Berends")]


def test_a_german_dass_clause_keeps_its_conjunction() -> None:
    """Without `dass` the clause would read `Es das Gutachten gibt.`: its verb stands last."""
    assert indirect_of("Eine Sprecherin des Landratsamts bestätigte auf Anfrage, dass es das Gutachten gibt.") == [
        ("Dass es das Gutachten gibt.", "Sprecherin des Landratsamts")]


def test_a_possessive_name_is_indexed_without_its_s() -> None:
    """`Naomi Achterberg's lead …`: the person is Naomi Achterberg, and the pronoun after a
    sentence that names her by surname goes to her."""
    text = ("Naomi Achterberg's lead over Mayor Harold Pyne shrank to 163 votes. Achterberg, the first woman to "
            "be elected mayor, will be sworn in on January 4. She has promised to name a transition team by "
            "the end of the month.")
    assert indirect_of(text, "en") == [("Promised to name a transition team by the end of the month.", "Naomi Achterberg")]


@pytest.mark.parametrize("text, speaker", [
    ("The bridge will stay closed until Friday, Harlan County officials said.", "Harlan County officials"),
    ("White House officials said the president would sign the bill on Monday.", "White House officials"),
    ("Europe's top official said the talks would continue next week.", "Europe's top official"),
])
def test_english_named_group_speakers_keep_their_noun(text: str, speaker: str) -> None:
    assert [s for _t, s in indirect_of(text, "en")] == [speaker]


def test_a_sentence_that_attributes_the_one_before_it() -> None:
    """`Das kündigte ihr Sprecher … an.`: the statement is the sentence before; the possessive
    reads like an article, and a Konjunktiv after it continues the report."""
    text = ("Die Initiative will die Schließung des Kreißsaals per Bürgerentscheid kippen. Das kündigte "
            "ihr Sprecher Martin Haberkorn am Dienstag an. Man sei zuversichtlich, genug Unterschriften "
            "zu sammeln.")
    assert indirect_of(text) == [
        ("Die Initiative will die Schließung des Kreißsaals per Bürgerentscheid kippen. Man sei "
         "zuversichtlich, genug Unterschriften zu sammeln.", "Martin Haberkorn")]


@pytest.mark.parametrize("text", [
    "Die Zahl der Toten stieg bis zum Abend auf zwölf. Das erklärte die Wucht der Explosion.",  # explains
    "Die Brücke bleibt bis Freitag für den Verkehr gesperrt. Das sagte der Bürgermeister nicht.",
    "Die Brücke bleibt bis Freitag für den Verkehr gesperrt. Das teilte die Meinung vieler Anwohner.",
    "„Die Brücke bleibt gesperrt“, sagte Bauamtsleiterin Petra Vogt. Das bestätigte die Stadt.",  # quoted
    "Die Brücke bleibt bis Freitag für den Verkehr gesperrt.\n\nDas teilte die Polizei am Montag mit.",
])
def test_no_backward_attribution_without_a_report_of_a_plain_sentence(text: str) -> None:
    """Not a verb that explains, a negation, a separable verb without its particle, a direct
    quotation (already attributed) or a sentence of another paragraph."""
    assert [t for t, _s in indirect_of(text) if "Brücke" in t or "Toten" in t] == []


def test_konjunktiv_before_a_noun_with_a_noun_subject() -> None:
    """`der Kreis trage Verantwortung`: HanTa knows `trage` as a verb (stem + e), so the noun
    after it does not make it an adjective."""
    assert indirect_of("Landrat Georg Strehlau sagte, der Kreis trage Verantwortung für alle Kliniken.") == [
        ("Der Kreis trage Verantwortung für alle Kliniken.", "Georg Strehlau")]


@pytest.mark.parametrize("text", [
    "Landrat Georg Strehlau sagte, die große Halle brannte bis zum Morgen.",  # adjective before a noun
    "Landrat Georg Strehlau sagte, er ging mit dem Kreis neue Wege bei den Kliniken.",
])
def test_no_konjunktiv_from_adjectives(text: str) -> None:
    assert indirect_of(text) == []


def test_the_first_person_is_indicative() -> None:
    """`Ich trage …` is stem + e too, but the first person's indicative."""
    lex = lexicon("de")
    assert not subjunctive("Ich trage die Verantwortung für alle Kliniken", lex)
    assert subjunctive("Der Kreis trage die Verantwortung für alle Kliniken", lex)


_BRIDGE = "Die Stadt hat die Brücke am Montag für den Verkehr gesperrt. "


@pytest.mark.parametrize("text", [
    _BRIDGE + "Das kritisierte der ADAC.",  # reacting, not reporting
    _BRIDGE + "Das wies Bürgermeister Hans Meier zurück.",
    _BRIDGE + "Das rief die Polizei auf den Plan.",
    _BRIDGE + "Das warnte die Polizei.",
    "Am Tatort wurde am Montag ein Handy gefunden. Das wies die Ermittler auf eine Spur hin.",
    _BRIDGE + "Das teilte die Polizei mit den Kollegen aus Bayern.",  # a preposition, not the particle
    _BRIDGE + "Das gab die Polizei an die Kollegen weiter.",
    _BRIDGE + "Das erklärte Ziel ist die Öffnung.",  # a participle before a noun
    _BRIDGE + "Das bestätigte Ergebnis liegt seit Montag vor.",
    _BRIDGE + "Das berichtete Ereignis sorgte für Unruhe in der Stadt.",
    "Er sagte, die Brücke sei marode. Das bestätigte die Polizei.",  # a report of its own before
    "Landrätin Anna Berger besuchte die Klinik. Die Klinik will den Kreißsaal schließen. Das kündigte sie an.",
    "Polizeisprecher Jan Koch besuchte die Klinik. Die Klinik will den Kreißsaal schließen. Das kündigte ihr Sprecher an.",
])
def test_review8_no_backward_attribution(text: str) -> None:
    """Session 8 review: verbs of reacting, a preposition for a particle, participles, a report
    before, pronouns and owner-less offices never credit the sentence before."""
    assert [t for t, _s in indirect_of(text) if "Brücke" in t or "Kreißsaal" in t or "Handy" in t] == []


def test_a_sentence_with_so_is_still_a_plain_statement() -> None:
    """`so` reports only as `so X`; `So viel Regen …` is the writer's own sentence."""
    text = "So viel Regen fiel in der Stadt seit Jahren nicht mehr. Das teilte der Wetterdienst am Montag mit."
    assert indirect_of(text) == [("So viel Regen fiel in der Stadt seit Jahren nicht mehr.", "Wetterdienst")]


def test_review8_a_report_is_not_credited_again() -> None:
    assert indirect_of("Die Brücke ist marode. Das sagte die Polizei. Das bestätigte die Stadt.") == [
        ("Die Brücke ist marode.", "Polizei")]


@pytest.mark.parametrize("text, speaker", [
    (_BRIDGE + "Das teilte die Polizei am Montag mit.", "Polizei"),
    (_BRIDGE + "Das kündigte Landrat Georg Strehlau am Dienstag an.", "Georg Strehlau"),
    (_BRIDGE + "Das sagte ein Sprecher der Stadt.", "Sprecher der Stadt"),
    (_BRIDGE + "Das gab die Stadtverwaltung am Montag bekannt.", "Stadtverwaltung"),
])
def test_review8_backward_attribution_still_found(text: str, speaker: str) -> None:
    assert indirect_of(text) == [(_BRIDGE.strip(), speaker)]


@pytest.mark.parametrize("text, speaker", [
    # an office with a possessive is not the same office's holder named before: another owner
    ("Die Nebenklage vertritt Anwalt Jonas Pfeiffer. Er forderte eine lange Haftstrafe. Der Angeklagte "
     "schwieg am Montag. „Wir legen Berufung ein“, sagte sein Anwalt.", "Anwalt"),
    ("Polizeisprecher Jan Koch sagte, der Brand sei gelöscht. „Wir prüfen Alternativen“, sagte ihr Sprecher.",
     "Sprecher"),
])
def test_review8_possessive_office_stays_unnamed(text: str, speaker: str) -> None:
    assert [s for _q, s in quotes_of(text)] == [speaker]


@pytest.mark.parametrize("text", [
    "„Wir kommen morgen wieder“, sagte ihrem Anwalt Jonas Pfeiffer die Klägerin Anna Roth.",  # dative
    "„Wir kommen morgen wieder“, sagte ihr der Arzt.",  # `ihr`: a pronoun here
])
def test_review8_no_possessive_outside_the_nominative(text: str) -> None:
    assert [s for _q, s in quotes_of(text)] not in (["Jonas Pfeiffer"], ["der Arzt"])


@pytest.mark.parametrize("text", [
    "„Wir suchen dringend Leute“, sagte Handwerksmeister Jan Koch. Weil in der Region rege "
    "Bautätigkeit herrscht, fehlen überall Fachkräfte.",  # `rege`: an adjective too
    "„Wir suchen dringend Leute“, sagte Handwerksmeister Jan Koch. Ich als Vater trage Verantwortung "
    "für meine Kinder.",  # `ich` before the verb, not just next to it
])
def test_review8_no_konjunktiv_from_adjectives_or_a_first_person_subject(text: str) -> None:
    assert indirect_of(text) == []


@pytest.mark.parametrize("text", [
    "Landrätin Anna Berger besuchte die Klinik. Die Hebammen legten ihre Arbeit nieder. Die Arbeit sei "
    "viel zu hart für so wenige Leute, sagten sie.",
    "Landrätin Anna Berger besuchte die Klinik. Die Hebammen legten ihre Arbeit nieder. Sie sagten, die "
    "Arbeit sei viel zu hart für so wenige Leute.",
    "Landrätin Anna Berger besuchte die Klinik. Die Hebammen legten ihre Arbeit nieder. „Die Arbeit ist "
    "viel zu hart für so wenige Leute“, sagten sie.",
    "Landrätin Anna Berger besuchte die Klinik. Die Hebammen legten ihre Arbeit nieder. Sie sagten: „Die "
    "Arbeit ist viel zu hart für so wenige Leute.“",
])
def test_plural_sie_is_not_the_woman_named_last(text: str) -> None:
    """`sagten sie`: a group, not Anna Berger (MLMD: three such reports had gone to a named person)."""
    found = quotes_of(text) + indirect_of(text)
    assert all(speaker != "Anna Berger" for _t, speaker in found)


def test_singular_sie_still_resolves() -> None:
    assert indirect_of("Landrätin Anna Berger besuchte die Klinik. Die Arbeit sei zu hart, sagte sie.") == [
        ("Die Arbeit sei zu hart.", "Anna Berger")]


@pytest.mark.parametrize("text", [
    "Kenneth Bacon, the Pentagon spokesman, said the secretary had not retracted his statement.",
    "Hun Sen met the king. His spokesman, Khieu Kanharith, said the government would be formed soon.",
    "Bill Meek, a moderate Republican, said frequent gridlock has hurt Kansas for many years.",
])
def test_a_clause_after_said_is_no_speaker(text: str) -> None:
    """`X, an apposition, said the secretary had …`: the words after `said` hold an auxiliary,
    so they begin the statement, not name who speaks (44 such speakers on DUC, all wrong)."""
    assert all(not regex.search(r"\b(had|would|has)\b", speaker or "") for _t, speaker in indirect_of(text, "en"))


def test_a_quote_after_said_and_a_clause_gets_no_clause_as_speaker() -> None:
    found = quotes_of('His son, Augusto, said the family would hire "the best legal team available in London."', "en")
    assert [s for _q, s in found] in ([None], [])


def test_he_said_after_a_statement_resolves_once_the_clause_is_no_speaker() -> None:
    text = ('Scott Marshall, a fisheries biologist, said Alaska has had "nearly 15 years of record commercial '
            'salmon catches." Alaska has programs assuring salmon management and escapement, he said.')
    assert indirect_of(text, "en") == [("Alaska has programs assuring salmon management and escapement.",
                                        "Scott Marshall")]


@pytest.mark.parametrize("text", [
    'Shill, one of the six MPs, told the press that some people in the area are dying of diarrhoea and '
    '"other diseases related to lack of food and water."',
    'Steve Gunderson of Wisconsin, who said the session meant that "never again will a major-party '
    'candidate be able to run without a word."',
])
def test_a_conjunction_ends_the_hope_of_a_speaker(text: str) -> None:
    assert all("that" not in (s or "") for _q, s in quotes_of(text, "en"))


@pytest.mark.parametrize("text, statement, speaker", [
    ("Kenneth Bacon, the Pentagon spokesman, said the secretary had not retracted his statement.",
     "The secretary had not retracted his statement.", "Kenneth Bacon"),
    ("Hun Sen met the king. His spokesman, Khieu Kanharith, said the government would be formed soon.",
     "The government would be formed soon.", "Khieu Kanharith"),
])
def test_english_name_before_an_apposition_reports(text: str, statement: str, speaker: str) -> None:
    """`X, the Pentagon spokesman, said …`: the name before the apposition speaks (59 more
    reports on DUC)."""
    assert indirect_of(text, "en") == [(statement, speaker)]


@pytest.mark.parametrize("text, statement", [
    ("Corinne Lepage, the French environment minister, told a press conference today that the assistance "
     "is earmarked for hydro-power projects.", "The assistance is earmarked for hydro-power projects."),
    ("The police chief told the Swahili-language daily Mtanzania that local detectives have completed the "
     "investigation.", "Local detectives have completed the investigation."),
    ("Smith told his staff the plan that he drafted would save money.",  # `that` after a subject: kept
     "His staff the plan that he drafted would save money."),
])
def test_whom_someone_told_is_not_the_statement(text: str, statement: str) -> None:
    assert [t for t, _s in indirect_of(text, "en")] == [statement]


@pytest.mark.parametrize("text, speaker", [
    ("Thursday state officials said a mass testing of 7,000 mosquitoes turned up no signs of the virus.",
     "state officials"),
    ("Zyuganov meanwhile said he is fighting the fat cats of Moscow.", "Zyuganov"),
])
def test_time_words_and_trailing_adverbs_are_not_part_of_a_speaker(text: str, speaker: str) -> None:
    assert [s for _t, s in indirect_of(text, "en")] == [speaker]


def test_a_weekday_is_no_speaker() -> None:
    """`…, said Friday.` with the speaker named in the sentence before: not `Friday` (30 weekday,
    time-word or conjunction speakers on DUC before this)."""
    found = quotes_of('The mayor spoke to reporters. "We will rebuild the bridge by the summer," said Friday.', "en")
    assert all(s != "Friday" for _q, s in found)
