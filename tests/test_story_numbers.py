"""FIGURES, DATES and CONFLICTS panels: scored on every gold file in examples/gold/, plus one
test per normalisation rule and per no-false-alarm case on small hand-written strings."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest

from storysum.model import Article, Cluster
from storysum.pipeline import load_cluster, prepare
from storysum.story.conflicts import _content, find_conflicts
from storysum.story.dates import extract_dates, find_expressions, resolve
from storysum.story.figure_scan import scan
from storysum.story.figures import extract_figures

ROOT = Path(__file__).resolve().parents[1]
GOLD = sorted((ROOT / "examples" / "gold").glob("*.json"))


# ---------------------------------------------------------------- scoring against gold files

def figure_triples(figures) -> set[tuple[float, str, str]]:
    return {(f.value, f.unit, o) for f in figures for o in f.outlets}


def _same_value(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(abs(a), abs(b), 1e-12)


def score_figures(figures, gold: list[dict]) -> tuple[float, float]:
    """Precision and recall on (value, unit, outlet) triples."""
    ours = figure_triples(figures)
    theirs = {(float(g["value"]), g["unit"], o) for g in gold for o in g["outlets"]}
    def hit(x, pool):
        return any(x[1] == y[1] and x[2] == y[2] and _same_value(x[0], y[0]) for y in pool)
    precision = sum(hit(x, theirs) for x in ours) / len(ours) if ours else 1.0
    recall = sum(hit(y, ours) for y in theirs) / len(theirs) if theirs else 1.0
    return precision, recall


def score_dates(dates, gold: list[dict]) -> tuple[float, float]:
    """Precision and recall on (date, outlet) pairs; ours matches when it starts with gold."""
    ours = {(d.date, o) for d in dates if d.date for o in d.outlets}
    theirs = {(g["date"], o) for g in gold for o in g["outlets"]}
    precision = sum(any(o == go and d.startswith(gd) for gd, go in theirs) for d, o in ours) / len(ours) if ours else 1.0
    recall = sum(any(o == go and d.startswith(gd) for d, o in ours) for gd, go in theirs) / len(theirs) if theirs else 1.0
    return precision, recall


def _values(values: dict) -> dict[str, frozenset[str]]:
    def norm(v: str) -> str:
        try:
            return repr(float(v))
        except ValueError:
            return v
    return {norm(v): frozenset(o) for v, o in values.items()}


def score_conflicts(conflicts, gold: list[dict]) -> tuple[int, int, int]:
    """(planted found, planted in total, false alarms) for figure and date conflicts."""
    planted = [_values(g["values"]) for g in gold if g.get("kind", "figure") in ("figure", "date")]
    ours = [_values({v.value: v.outlets for v in c.values}) for c in conflicts]
    found = sum(p in ours for p in planted)
    return found, len(planted), sum(o not in planted for o in ours)


@lru_cache(maxsize=None)
def panels(name: str):
    cluster = prepare(load_cluster([ROOT / "examples" / name]))
    figures, dates = extract_figures(cluster), extract_dates(cluster)
    return cluster, figures, dates, find_conflicts(cluster, figures, dates)


@pytest.mark.parametrize("gold_path", GOLD, ids=[p.stem for p in GOLD])
def test_gold_figures(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    _, figures, _, _ = panels(gold["cluster"])
    precision, recall = score_figures(figures, gold["figures"])
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)


@pytest.mark.parametrize("gold_path", GOLD, ids=[p.stem for p in GOLD])
def test_gold_dates(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    _, _, dates, _ = panels(gold["cluster"])
    precision, recall = score_dates(dates, gold["dates"])
    assert recall >= 0.9 and precision >= 0.8, (precision, recall)


@pytest.mark.parametrize("gold_path", GOLD, ids=[p.stem for p in GOLD])
def test_gold_conflicts(gold_path: Path) -> None:
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    _, _, _, conflicts = panels(gold["cluster"])
    found, planted, false_alarms = score_conflicts(conflicts, gold["conflicts"])
    assert found == planted and false_alarms == 0, [c.values for c in conflicts]


# ---------------------------------------------------------------- figures: normalisation rules

def one(text: str, lang: str = "de"):
    hits = scan(text, lang)
    assert len(hits) == 1, hits
    return hits[0]


@pytest.mark.parametrize("text, lang, value, unit", [
    ("Der Schaden wird auf 34 Millionen Euro geschätzt.", "de", 34e6, "EUR"),
    ("Der Betreiber beziffert den Schaden auf 34 Mio. €.", "de", 34e6, "EUR"),
    ("Die Halle war 9.500 Quadratmeter groß.", "de", 9500, "m²"),
    ("Der Anteil liegt bei 12,5 Prozent des Umschlags.", "de", 12.5, "%"),
    ("Der Anteil liegt bei 12,5 % des Umschlags.", "de", 12.5, "%"),
    ("Es verbrannten 2.300 Tonnen Ware.", "de", 2300, "t"),
    ("Repairs will cost $4.5 million.", "en", 4.5e6, "USD"),
    ("Repairs will cost 4.5m dollars.", "en", 4.5e6, "USD"),
    ("Repairs will cost €3m, officials said.", "en", 3e6, "EUR"),
    ("About 1,200 people were evacuated.", "en", 1200, "count"),
    ("Zwei Feuerwehrleute wurden verletzt.", "de", 2, "count"),
    ("Three firefighters were hurt.", "en", 3, "count"),
    ("Ein 54-jähriger Wachmann wurde verletzt.", "de", 54, "age"),
    ("Ein 54 Jahre alter Wachmann wurde verletzt.", "de", 54, "age"),
    ("A 54-year-old guard was hurt.", "en", 54, "age"),
    ("Maria Delgado, aged 43, is a nurse.", "en", 43, "age"),
    ("Sagte Sandra Köhler-Brandt (56) vor dem Rathaus.", "de", 56, "age"),
    ("Der Warnstreik ist auf 24 Stunden angelegt.", "de", 24, "hours"),
    ("Ein 24-stündiger Warnstreik legte alles lahm.", "de", 24, "hours"),
    ("The 640-metre bridge is closed.", "en", 640, "m"),
    ("Die Wolke war in 20 Kilometern Entfernung zu sehen.", "de", 20, "km"),
])
def test_figure_normalisation(text: str, lang: str, value: float, unit: str) -> None:
    hit = one(text, lang)
    assert (hit.value, hit.unit) == (value, unit)


def test_approximations_keep_the_value_and_record_the_qualifier() -> None:
    for text, lang in (("Rund 180 Einsatzkräfte waren vor Ort.", "de"), ("Ca. 180 Einsatzkräfte waren da.", "de"),
                       ("About 180 firefighters were there.", "en")):
        hit = one(text, lang)
        assert hit.value == 180 and hit.qualifier == "approx"
    assert one("Bis zu 5 Millionen Euro Soforthilfe sind zugesagt.").qualifier == "max"


@pytest.mark.parametrize("text, lang", [
    ("Das Feuer brach am Donnerstag gegen 22.40 Uhr aus.", "de"),  # clock time
    ("Das Unternehmen wurde 1987 gegründet.", "de"),  # year
    ("Es brannte in der Halle Nr. 4 am Nordkai.", "de"),  # identifier
    ("Der Verkehr am Liegeplatz 7 wurde eingestellt.", "de"),  # identifier
    ("Corrosion was found inside Pier 3 last week.", "en"),  # identifier
    ("Sie belegte den 3. Platz beim Wettbewerb.", "de"),  # ordinal
    ("She finished 2nd in the race.", "en"),  # ordinal
    ("Die letzte Brandschau war vor gut zwei Monaten.", "de"),  # a date, not a duration
    ("Ein Wachmann bemerkte den Rauch.", "de"),  # the article
    ("It happened on 23 April 2026 at 10.30pm.", "en"),  # date and time
    ("Die Adresse ist Hafenstraße 12, 28195 Bremen.", "de"),  # street number, ZIP code
    ("Anträge gehen an 12345 Kellbrunn, Postfach 4.", "de"),  # a ZIP code before an unknown town
    ("The 1990s were different.", "en"),  # decade
    ("Werder gewann 3:1 gegen Bayern.", "de"),  # score
])
def test_not_figures(text: str, lang: str) -> None:
    assert scan(text, lang) == []


@pytest.mark.parametrize("text, lang, values", [
    ("Mit 31 zu 24 Stimmen hat der Kreistag die Schließung beschlossen.", "de", [31, 24]),
    ("The Senate passed the bill by 52 to 48 votes on Tuesday.", "en", [52, 48]),
    ("Der Antrag wurde mit 12 gegen 9 Stimmen angenommen.", "de", [12, 9]),
])
def test_the_first_number_of_a_tally_counts_what_the_second_counts(text: str, lang: str, values: list) -> None:
    hits = scan(text, lang)
    assert [h.value for h in hits] == values and len({h.key for h in hits}) == 1


@pytest.mark.parametrize("text, lang, expected", [
    ("Nach der Debatte stimmten 31 Kreisräte für die Vorlage, 24 votierten dagegen, zwei enthielten sich.", "de",
     [(31, "Kreisräte"), (24, "Kreisräte"), (2, "Kreisräte")]),
    ("2019 waren es noch mehr als 600 Geburten, im vergangenen Jahr nur noch 386.", "de",
     [(600, "Geburten"), (386, "Geburten")]),
    ("Twelve people died, 40 were injured.", "en", [(12, "people"), (40, "people")]),
    # a number after a name is the name's, not a count
    ("Bei dem Absturz starben 228 Menschen an Bord der Maschine von Air France 447.", "de", [(228, "Menschen")]),
    # a part of a count named before
    ("Rund 90 von ihnen übernachten in der Sporthalle.", "de", [(90, "von ihnen")]),
])
def test_a_bare_number_counts_what_the_sentence_counted_before(text: str, lang: str, expected: list) -> None:
    assert [(h.value, h.about) for h in scan(text, lang)] == expected


@pytest.mark.parametrize("text, lang, value", [
    ("Insgesamt wurden 35000 Sandsäcke verbaut.", "de", 35000),  # five digits, no separator: a count
    ("Es kamen 12000 Menschen zur Kundgebung.", "de", 12000),
    ("About 35000 sandbags were used.", "en", 35000),
])
def test_long_raw_numbers_before_a_noun_are_counts(text: str, lang: str, value: int) -> None:
    assert [h.value for h in scan(text, lang)] == [value]


def test_counted_noun_and_state_are_read_from_the_clause() -> None:
    hits = scan("Rund 180 Einsatzkräfte kämpften gegen das Feuer, zwei Feuerwehrleute wurden verletzt.", "de")
    assert [(h.value, h.key, h.state) for h in hits] == [(180, "responders", ""), (2, "responders", "injured")]


# ---------------------------------------------------------------- dates: resolution rules

def resolved(text: str, ref: str | None, lang: str = "de") -> list[str | None]:
    import datetime as dt

    from storysum.story.dates import is_future
    day = dt.date.fromisoformat(ref) if ref else None
    return [resolve(e, text, day, is_future(text, lang), None)
            for e in find_expressions(text, lang) if e.kind != "time"]


@pytest.mark.parametrize("text, ref, lang, expected", [
    ("Das Feuer brach am Donnerstag aus.", "2026-04-24", "de", "2026-04-23"),
    ("Das Feuer brach am Donnerstagabend aus.", "2026-04-24", "de", "2026-04-23"),
    ("Am Freitagmorgen war der Brand unter Kontrolle.", "2026-04-24", "de", "2026-04-24"),
    ("In der Nacht zum Freitag brannte eine Halle.", "2026-04-25", "de", "2026-04-24"),
    ("Die Ministerin will am Montag kommen.", "2026-04-25", "de", "2026-04-27"),
    ("Die Ermittler kommen am kommenden Dienstag.", "2026-04-25", "de", "2026-04-28"),
    ("Die letzte Brandschau war vor gut zwei Monaten.", "2026-04-24", "de", "2026-02"),
    ("Der Umschlag stieg im vergangenen Jahr.", "2026-04-25", "de", "2025"),
    ("Es war der schwerste Brand seit dem 12. März 2009.", "2026-04-24", "de", "2009-03-12"),
    ("Am 24.4.2026 brannte es.", None, "de", "2026-04-24"),
    ("Das Kabinett berät am 5. Mai.", "2026-04-29", "de", "2026-05-05"),
    ("Gestern brannte es.", "2026-04-24", "de", "2026-04-23"),
    ("The bridge closed last Thursday.", "2026-05-13", "en", "2026-05-07"),
    ("The ferry starts next Monday.", "2026-05-08", "en", "2026-05-11"),
    ("It opened on April 23, 2026.", None, "en", "2026-04-23"),
    ("It opened on 23 April 2026.", None, "en", "2026-04-23"),
    ("It happened yesterday.", "2026-05-08", "en", "2026-05-07"),
    ("The report is dated October 2023.", None, "en", "2023-10"),
])
def test_date_resolution(text: str, ref: str | None, lang: str, expected: str) -> None:
    assert resolved(text, ref, lang) == [expected]


def test_weekday_and_explicit_date_in_apposition_are_one_date() -> None:
    assert resolved("Am Mittwochabend, dem 22. April, brannte es.", "2026-04-29") == ["2026-04-22"]


def _cluster(*articles: tuple[str, str | None, str, str]) -> Cluster:
    arts = [Article(id=i, text=t, date=d, lang=lang) for i, d, lang, t in articles]
    return prepare(Cluster(id="t", articles=arts))


def test_clock_time_attached_and_unresolved_without_article_date() -> None:
    cluster = _cluster(("a", "2026-04-24", "de", "Das Feuer brach am Donnerstag gegen 22.40 Uhr aus."),
                       ("b", None, "de", "Das Feuer brach am Donnerstag aus."))
    dates = extract_dates(cluster)
    assert [(d.date, d.time, d.outlets, d.relative) for d in dates] == [
        ("2026-04-23", "22:40", ["a"], True), (None, None, ["b"], True)]


# ---------------------------------------------------------------- conflicts: alarms and non-alarms

def conflicts_of(*articles: tuple[str, str | None, str, str]):
    cluster = _cluster(*articles)
    return find_conflicts(cluster, extract_figures(cluster), extract_dates(cluster))


def test_figure_conflict_between_outlets() -> None:
    found = conflicts_of(("a", "2026-04-24", "de", "Die Firma beschäftigt am Standort 120 Menschen."),
                         ("b", "2026-04-24", "de", "Für die 150 Beschäftigten am Standort wird Ersatz gesucht."))
    assert [(c.kind, [(v.value, v.outlets) for v in c.values]) for c in found] == [
        ("figure", [("120", ["a"]), ("150", ["b"])])]


@pytest.mark.parametrize("a, b", [
    ("Rund 180 Einsatzkräfte waren im Einsatz.", "180 Einsatzkräfte waren im Einsatz."),  # same value
    ("Rund 180 Einsatzkräfte waren im Einsatz.", "Etwa 176 Einsatzkräfte waren im Einsatz."),  # approx
    ("Der Schaden beträgt 34 Millionen Euro.", "Der Schaden beträgt 34 Mio. €."),  # same, written differently
    ("Rund 180 Einsatzkräfte waren im Einsatz.", "Zwei Feuerwehrleute wurden im Einsatz verletzt."),  # other quantity
    ("Die Feuerwehr kam mit 46 Fahrzeugen.", "Im Parkhaus brannten 30 Autos aus."),  # nothing shared
    ("Bis zu 5 Millionen Euro Hilfe sind im Gespräch.", "Die Hilfe soll 4 Millionen Euro umfassen."),  # bound
    ("About 38,000 vehicles use the bridge a day.", "Some 38,000 cars use the bridge every day."),  # synonyms
])
def test_no_false_alarm(a: str, b: str) -> None:
    lang = "en" if b.isascii() else "de"
    assert conflicts_of(("a", "2026-04-24", lang, a), ("b", "2026-04-24", lang, b)) == []


def test_one_outlet_giving_both_values_is_not_a_conflict() -> None:
    assert conflicts_of(
        ("a", "2026-04-24", "de", "Rund 1.300 Beschäftigte streikten. Die Firma hat etwa 1.900 Beschäftigte."),
        ("b", "2026-04-24", "de", "Rund 1.300 Beschäftigte legten die Arbeit nieder.")) == []


def test_date_conflict_on_the_same_event() -> None:
    found = conflicts_of(
        ("a", "2026-04-24", "de", "Das Feuer brach am Donnerstag gegen 22.40 Uhr in der Halle der Firma Kühlhaus Nord aus."),
        ("b", "2026-04-24", "de", "Am Donnerstagabend gegen 22.40 Uhr brach in der Halle der Firma Kühlhaus Nord Feuer aus."),
        ("c", "2026-04-29", "de", "Am Mittwochabend, dem 22. April, brach gegen 22.40 Uhr in der Halle der Firma Kühlhaus Nord Feuer aus."))
    assert [[(v.value, sorted(v.outlets)) for v in c.values] for c in found] == [
        [("2026-04-23", ["a", "b"]), ("2026-04-22", ["c"])]]


def test_announced_future_dates_months_apart_conflict_past_ones_do_not() -> None:
    """A closure two outlets announce for 31 March and one for 30 April is a dispute; two past
    events a month apart are two events."""
    found = conflicts_of(
        ("a", "2026-11-18", "de", "Der Kreistag hat beschlossen, die Geburtshilfe in Ebersmoor am 31. März 2027 zu schließen."),
        ("b", "2026-11-21", "de", "Der Kreistag beschloss, die Geburtshilfe in Ebersmoor zum 30. April 2027 zu schließen."),
        ("c", "2026-11-18", "de", "Die Geburtshilfe in Ebersmoor soll nach dem Beschluss des Kreistags am 31. März 2027 schließen."))
    assert [[(v.value, v.outlets) for v in c.values] for c in found] == [[("2027-03-31", ["a", "c"]), ("2027-04-30", ["b"])]]
    assert conflicts_of(
        ("a", "2026-11-18", "de", "Der Kreistag hat am 2. November die Schließung der Geburtshilfe in Ebersmoor beschlossen."),
        ("b", "2026-11-21", "de", "Der Kreistag hat am 5. Oktober die Schließung der Geburtshilfe in Ebersmoor beschlossen.")) == []


@pytest.mark.parametrize("a, b", [
    ("Die Kita öffnete am Freitag wieder.", "Die Kita hat am Donnerstag wieder geöffnet."),
    ("Betroffen sind rund 180.000 Fahrgäste.", "Rund 140.000 Fahrgäste sind betroffen."),  # first word
])
def test_german_verb_forms_are_one_word_in_conflict_context(a: str, b: str) -> None:
    """`öffnete` and `geöffnet`, `Betroffen` and `betroffen`: HanTa's infinitive, whose
    Snowball stems differ."""
    assert _content(a, "de") == _content(b, "de")


def test_nouns_are_not_read_as_verbs_in_conflict_context() -> None:
    """`Tat`, `Stand`, `Zeugen`, `Essen` lower-cased are verb forms (tun, stehen, zeugen,
    essen): a noun keeps its own stem, so `Die Tat geschah …` and `Die Polizei tut …` share no
    word and give no date conflict."""
    assert _content("Tat und Stand der Zeugen in Essen sind unklar.", "de") == {"tat", "stand", "zeug", "ess", "unklar"}
    assert conflicts_of(
        ("a", "2026-04-24", "de", "Die Tat geschah am Donnerstag in der Halle der Firma Kühlhaus Nord."),
        ("b", "2026-04-24", "de", "Die Tat geschah am Donnerstag in der Halle der Firma Kühlhaus Nord."),
        ("c", "2026-04-24", "de", "Die Polizei tut seit Mittwoch alles, um die Halle der Firma zu sichern.")) == []


def test_past_days_need_two_shared_words_to_join_a_dispute() -> None:
    found = conflicts_of(
        ("a", "2026-04-24", "de", "Das Feuer brach am Donnerstag gegen 22.40 Uhr in der Halle der Firma Kühlhaus Nord aus."),
        ("b", "2026-04-24", "de", "Am Donnerstagabend gegen 22.40 Uhr brach in der Halle der Firma Kühlhaus Nord Feuer aus."),
        ("c", "2026-04-29", "de", "Am Mittwochabend, dem 22. April, brach gegen 22.40 Uhr in der Halle der Firma Kühlhaus Nord Feuer aus."),
        ("d", "2026-04-24", "de", "Die Polizei sperrte am Donnerstag die Halle."))
    assert [[(v.value, sorted(v.outlets)) for v in c.values] for c in found] == [
        [("2026-04-23", ["a", "b"]), ("2026-04-22", ["c"])]]


@pytest.mark.parametrize("articles", [
    # two outlets printing one sentence with two future dates
    [("a", "2026-11-18", "de", "Der Prozess gegen den Bürgermeister beginnt am 12. Mai 2027, das Urteil soll am 30. Juni 2027 fallen."),
     ("b", "2026-11-18", "de", "Der Prozess gegen den Bürgermeister beginnt am 12. Mai 2027, das Urteil soll am 30. Juni 2027 fallen.")],
    # a start and an end, an election and its run-off: no outlet's date is the agreed one
    [("a", "2026-11-18", "de", "Die Sanierung der Weserbrücke soll am 1. März 2027 beginnen."),
     ("b", "2026-11-19", "de", "Die Sanierung der Weserbrücke soll am 15. Dezember 2027 abgeschlossen sein.")],
    [("a", "2026-11-18", "de", "Die Bürgermeisterwahl in Ebersmoor findet am 14. März 2027 statt."),
     ("b", "2026-11-19", "de", "Die Stichwahl zur Bürgermeisterwahl in Ebersmoor findet am 28. März 2027 statt.")],
])
def test_future_dates_that_are_no_dispute(articles: list) -> None:
    assert conflicts_of(*articles) == []


def test_same_date_from_different_article_dates_is_no_conflict() -> None:
    assert conflicts_of(
        ("a", "2026-04-24", "de", "Das Feuer brach am Donnerstag gegen 22.40 Uhr in der Halle aus."),
        ("b", "2026-04-29", "de", "Das Feuer brach am 23. April gegen 22.40 Uhr in der Halle aus.")) == []


# -------------------------------------------------- real-news guards (found on DUC clusters)

def test_a_toll_that_changed_over_weeks_is_an_update_not_a_conflict() -> None:
    assert conflicts_of(
        ("a", "1998-10-31", "en", "At least 231 people have been confirmed dead in Honduras from the storm."),
        ("b", "1998-11-20", "en", "At least 357 people have been confirmed dead in Honduras from the storm.")) == []


@pytest.mark.parametrize("a, b", [
    ("It had winds near 180 mph (289 kph) over Honduras.", "It had winds of 180 mph (290 kph) over Honduras."),  # rounding
    ("Analysts expect merchandise sales to top $2 billion this year.",
     "Merchandise sales from the trilogy have raked in more than $4 billion this year."),  # 2x apart
    ("Officials said two helicopters flew to Belize to help the rescue.",
     "Mexico was sending 12 helicopters to help in relief operations."),  # small counts, little in common
])
def test_real_news_non_conflicts(a: str, b: str) -> None:
    assert conflicts_of(("a", "1998-11-05", "en", a), ("b", "1998-11-05", "en", b)) == []


def test_a_change_within_one_outlet_does_not_hide_a_dispute() -> None:
    found = conflicts_of(
        ("a", "2026-11-05", "en", "Challenger Naomi Achterberg leads Mayor Harold Pyne by just 187 votes after the election."),
        ("b", "2026-11-18", "en", "Achterberg had led Mayor Harold Pyne by 178 votes after the election. "
                                  "The recount trimmed her lead to 163 votes."),
        ("c", "2026-11-16", "en", "Her lead over Mayor Harold Pyne shrank from 187 votes to 163 after the election."))
    assert [[(v.value, sorted(v.outlets)) for v in c.values] for c in found] == [
        [("187", ["a", "c"]), ("178", ["b"])]]


def test_numbers_that_are_not_one_number_are_ignored() -> None:
    assert one("The server at 169.204.208.10 was attacked by 40 people.", "en").value == 40.0
    hits = scan("Her lead shrank from 187 votes to 163.", "en")
    assert [(h.value, h.unit, h.about) for h in hits] == [(187.0, "count", "votes"), (163.0, "count", "votes")]


def test_a_number_word_before_hundred_or_thousand_is_not_that_number() -> None:
    assert [(h.value, h.unit) for h in scan("Twelve hundred residents and three firefighters were there.", "en")] == [
        (3.0, "count")]


@pytest.mark.parametrize("text, lang, values", [
    # clock times, scores, changes, scaled tallies, identifiers: no borrowed count
    ("Rund 300 Menschen demonstrierten, die Kundgebung endete gegen acht.", "de", [300]),
    ("About 300 people protested, the rally ended at seven.", "en", [300]),
    ("Die Polizei meldete 12 Festnahmen, Werder gewann 3 zu 1.", "de", [12]),
    ("Police arrested 12 fans after Bayern won 3 to 1.", "en", [12]),
    ("The death toll rose by 12 to 312 people.", "en", [312]),
    ("The floods displaced 1 to 2 million people.", "en", [2_000_000]),
    ("Massenkarambolage auf der A 1 - 20 Verletzte.", "de", [20]),
    ("Die Firma hat 300 Mitarbeiter und machte 5 Millionen Euro Umsatz, im Vorjahr waren es 4.", "de", [300, 5_000_000]),
    ("Die Stadt erhielt 12 Millionen Euro Soforthilfe, 3 davon vom Bund.", "de", [12_000_000]),
    ("Die Polizei nimmt unter der Rufnummer 04231 80600 Hinweise entgegen.", "de", []),
    ("Die Praxis in 32423 Minden ist geschlossen.", "de", []),
    ("Residents of the 90210 zip code earn more.", "en", []),
    ("In case of fire, 40 residents were told to call 911.", "en", [40]),
    # a possessive before the second number of a tally
    ("Unofficial results show Achterberg with 20,969 votes to Pyne's 20,782.", "en", [20969, 20782]),
])
def test_review_cases_of_borrowed_counts(text: str, lang: str, values: list) -> None:
    assert [h.value for h in scan(text, lang)] == values
