import pytest

from storysum.clean import clean_article, is_boilerplate_line, is_unsummarizable, load_rules, strip_inline
from storysum.model import Article


def clean(text: str, **meta) -> Article:
    return clean_article(Article(id="a", text=text, **meta))


def test_every_rule_in_the_data_file_compiles_and_has_a_known_kind():
    rules = load_rules()
    assert len(rules) >= 20
    assert {r.kind for r in rules} == {"line", "inline", "sentence"}


@pytest.mark.parametrize("line", [
    "dpa", "Dpa", "AFP", "dpa/AFP", "(dpa)", "Foto: Max Mustermann/dpa", "Fotos: imago images",
    "25.4.2019", "25.04.2019, 14:30 Uhr", "Bilder des Tages", "Zurück zur Startseite",
    "Das Wichtigste in Kürze", "Mehr zum Thema", "Mehr zum Thema: Gipfel in Wladiwostok",
    "Mit Material von dpa und AFP", "© dpa-infocom", "Von Anna Weber", "Artikel teilen",
    "Lesen Sie auch: Was Kim will", "***", "👉 👉", "Read more", "Advertisement",
    "▶ Lesen Sie auch: Was Pendler wissen müssen", "► Wie unser Video zeigt: Die Nacht aus der Luft",
    "See also: How the bridge was built",
    "Alle bisherigen Berichte finden Sie in unserem Dossier zum Hafenbrand.",
])
def test_artefact_lines_are_recognised(line):
    assert is_boilerplate_line(line), line


@pytest.mark.parametrize("line", [
    "Putin und Kim trafen sich am Donnerstag in Wladiwostok.",
    "Von Berlin aus reiste die Delegation weiter nach Moskau.",
    "Die dpa berichtete am Abend über das Treffen der beiden Staatschefs.",
    "Mehr als 200 Menschen demonstrierten vor dem Rathaus.",
    "Die Ermittler finden Sie nur selten am Tatort, sagte der Sprecher.",
])
def test_real_sentences_are_not_artefacts(line):
    assert not is_boilerplate_line(line)


def test_dateline_with_agency_is_cut_from_the_first_sentence():
    assert strip_inline("Wladiwostok (dpa) - Putin und Kim haben sich getroffen.") == \
        "Putin und Kim haben sich getroffen."
    assert strip_inline("PHOENIX _ Victoria Molina wants strangers to stop.") == \
        "Victoria Molina wants strangers to stop."


@pytest.mark.parametrize("dateline", [
    "NAIROBI, Kenya (AP) _ ", "WASHINGTON(AP) -- ", "MOSCOW, February 28 (Xinhua) -- ",
    "HARTFORD, Conn. (AP) - ", "AUSTIN, Texas _ ", "WASHINGTON, Jan. 28 -- ",
    "Berlin/Moskau (dpa) – ",
])
def test_wire_datelines_in_their_common_shapes_are_cut(dateline):
    assert strip_inline(dateline + "FBI agents began questioning relatives.") == \
        "FBI agents began questioning relatives."


@pytest.mark.parametrize("sentence", [
    "Generation X _ that youthful generation _ is facing a quiet crisis.",
    "The World Health Organization (WHO) said here Monday it was preparing.",
    "It's quite a scientific expedition -- testing birds up and down the coast.",
])
def test_dashes_and_acronyms_inside_ordinary_sentences_stay(sentence):
    assert strip_inline(sentence) == sentence


@pytest.mark.parametrize("line, expected", [
    ("The 350-mile (560-kilometer) wide storm moved at 8 mph (12 kph).",
     "The 350-mile wide storm moved at 8 mph."),
    ("He paid $5 million (dlrs 5 million) for it.", "He paid $5 million for it."),
    ("It costs 400 yuan (about 48 U.S. dollars) now.", "It costs 400 yuan now."),
    ("They met at 10 a.m. (1500 GMT) in the capital.", "They met at 10 a.m. in the capital."),
])
def test_unit_and_currency_conversions_in_parentheses_are_cut(line, expected):
    assert strip_inline(line) == expected


@pytest.mark.parametrize("line, expected", [
    ("Der Sturm zog 145 Kilometer (90 Meilen) weit.", "Der Sturm zog 145 Kilometer weit."),
    ("La montée de 200 mètres (656 pieds) est dure.", "La montée de 200 mètres est dure."),
    ("Στα 2.000 έως 3.000 μέτρα (6.500 έως 9.800 πόδια) χιονίζει.", "Στα 2.000 έως 3.000 μέτρα χιονίζει."),
    ("Um 14:50 Ortszeit (18:50 UTC) bebte die Erde.", "Um 14:50 Ortszeit bebte die Erde."),
])
def test_conversions_in_other_languages_and_time_zones_are_cut(line, expected):
    assert strip_inline(line) == expected


@pytest.mark.parametrize("line, expected", [
    ("The senator (Abe Frajndlich/New York Times Photo) smiled.", "The senator smiled."),
    ("Die Ministerin (Foto) besuchte den Hafen.", "Die Ministerin besuchte den Hafen."),
    ("The storm (AP) hit the coast.", "The storm hit the coast."),
    ("El alcalde ( Associated Press ) habló.", "El alcalde habló."),
    ("Le ministre a démissionné ( reportage de Jean Dupont ; édité par Marie Curie ).",
     "Le ministre a démissionné."),
    ("Prices rose (Reporting by Ann Smith; Editing by Bob Jones).", "Prices rose."),
    ("Las imágenes (haga clic en anterior o siguiente para continuar viendo las imágenes.) muestran el río.",
     "Las imágenes muestran el río."),
    ("Die Börse schloss fester (alle Zeiten GMT).", "Die Börse schloss fester."),
    ("The vote (BEGIN OPTIONAL TRIM) was close.", "The vote was close."),
    ("(For use by clients of the New York Times News Service) The council met.", "The council met."),
])
def test_credits_and_wire_notes_in_parentheses_are_cut(line, expected):
    assert strip_inline(line) == expected


@pytest.mark.parametrize("line", [
    "The count (1998) was done.", "It fell 3 percent (2.5 percent in May) today.",
    "Der Zug (ICE 123) kam.", "The World Health Organization (WHO) said so.",
    "Die Partei (SPD) gewann 3 Sitze (von 10).", "Die Quote (65 Prozent) stieg.",
    "The photographer (a former soldier) said so.", "Der Bau (rund 5 Etagen) wächst.",
    "La feria (edición de 2023) atrajo a miles.", "Le sujet (reportage de France 2) a été diffusé.",
    "Der Turm ist hoch (rund 40 Meter) und alt.", "Le pont (300 mètres) relie les rives.",
    "Die Springer-Blätter (Welt und Bild) berichteten.", "Sein Selfie (ein Instagram-Foto) ging um.",
    "Les trains partent (toutes les heures) de Lyon.", "He drove (about 5 km) home.",
])
def test_parentheses_that_are_not_conversions_stay(line):
    assert strip_inline(line) == line


def test_every_occurrence_of_an_inline_artefact_is_cut():
    assert strip_inline("A (Foto: X) b (Foto: Y) c.") == "A b c."


def test_video_reference_sentences_are_never_summary_material():
    assert is_unsummarizable("Wie unser Video zeigt, war die Stimmung gelöst.")
    assert not is_unsummarizable("Die Stimmung war gelöst, sagte ein Diplomat.")


def test_metadata_prefix_becomes_the_date_and_leaves_the_text():
    article = clean(" date 2019-04 Gipfel in Wladiwostok\n\nPutin und Kim haben sich am Donnerstag getroffen.")
    assert article.date == "2019-04"
    assert "date" not in article.text
    assert article.title == "Gipfel in Wladiwostok"


def test_headline_and_kicker_are_taken_out_of_the_body():
    article = clean("Historisches Treffen\nPutin empfängt Kim in Wladiwostok\n\n"
                    "Der russische Präsident hat den nordkoreanischen Machthaber empfangen. Es war ihr erstes Treffen.")
    assert article.title == "Putin empfängt Kim in Wladiwostok"
    assert article.text.startswith("Der russische Präsident")
    assert "Historisches Treffen" in article.removed


def test_caption_printed_twice_in_a_row_disappears_completely():
    caption = "Putin und Kim beim Handschlag in Wladiwostok."
    article = clean(f"Titel\n\n{caption}\n{caption}\n\nDas Treffen dauerte vier Stunden und endete ohne Erklärung.")
    assert caption not in article.text
    assert article.removed.count(caption) == 2


def test_repeated_paragraph_keeps_its_first_copy():
    para = "Das Treffen dauerte vier Stunden und endete ohne gemeinsame Erklärung."
    article = clean(f"Titel\n\n{para}\n\nDazwischen stand ein anderer Absatz mit viel Inhalt.\n\n{para}")
    assert article.text.count(para) == 1


def test_dateline_line_gives_the_date():
    article = clean("Titel\n\n25.4.2019\n\nPutin und Kim haben sich am Donnerstag getroffen.")
    assert article.date == "2019-04-25"
    assert "25.4.2019" not in article.text


def test_hard_wrapped_paragraphs_are_joined():
    text = ("Titel\n\nDer russische Präsident Wladimir Putin hat den nordkoreanischen\n"
            "Machthaber Kim Jong Un zu einem Gipfel in Wladiwostok empfangen. Beide\n"
            "sprachen nach Angaben des Kreml mehrere Stunden lang unter vier Augen\n"
            "über das Atomprogramm.\n\nZweiter Absatz mit einem Satz.")
    article = clean(text)
    assert "nordkoreanischen Machthaber Kim" in article.text
    assert "Augen über das Atomprogramm" in article.text


def test_one_paragraph_per_line_is_not_joined():
    text = ("Länder nach dem Tsunami im Indischen Ozean im Jahr 2004\n"
            "Dienstag, 18. Januar 2005\n"
            "Die Hilfsorganisationen haben bisher mehr als eine Milliarde Euro an Spenden erhalten.\n"
            "Die Regierung kündigte weitere Hilfen an, sagte ein Sprecher am Montag in Berlin.")
    article = clean(text, title="Eine andere Überschrift")
    assert "2004 Dienstag" not in article.text
    assert article.text.startswith("Länder nach dem Tsunami") or article.text.startswith("Die Hilfs")


def test_example_cluster_artefacts_never_survive(example_dir):
    from storysum.ingest import read_inputs

    clusters, skipped = read_inputs([str(example_dir)])
    assert not skipped
    for article in clusters[0].articles:
        cleaned = clean_article(article)
        for line in cleaned.text.split("\n"):
            assert not is_boilerplate_line(line)
        for artefact in ("Bilder des Tages", "Zurück zur Startseite", "Foto:", "Mit Material von",
                         "Das Wichtigste in Kürze", "Mehr zum Thema"):
            assert artefact not in cleaned.text, (article.id, artefact)
        assert cleaned.date and cleaned.date.startswith("2026-04"), article.id
        assert cleaned.title, article.id


@pytest.mark.parametrize("dateline", [
    "paris (ap) — ", "baltimore ( ap ) — ", "Wellington , Nouvelle-Zélande ( AP ) — ",
    "gaithersburg, Maryland. (ap) — ", "Dallas (cbsdfw.com) – ", "long beach ( cbsla.com ) — ",
])
def test_machine_translated_datelines_with_an_agency_or_outlet_are_cut(dateline):
    """Machine translation lower-cases the city and spaces the parentheses; the agency or web
    outlet in parentheses followed by a dash still marks a dateline."""
    assert strip_inline(dateline + "le centre pompidou espère exposer un tableau.") == \
        "le centre pompidou espère exposer un tableau."


@pytest.mark.parametrize("line", [
    "the swastika - widely seen as a symbol of hate - was painted on the wall.",
    "houston – il y a presque deux ans, deux employés se seraient moqués.",  # no credit: kept
    "the senator (d-ny) – the bill's sponsor – said it would pass.",
    "Die Petitionsplattform (change.org) – gegründet 2007 – sammelte 10.000 Unterschriften.",
    "Shares of the online retailer (amazon.com) - the biggest in the world - fell sharply.",
    "Le site (lemonde.fr) – très lu – a publié la lettre.",
    "wie die Zeitung (welt.de) – unter Berufung auf Insider – berichtet, steigen die Preise.",
])
def test_lines_without_a_dateline_credit_keep_their_words(line):
    assert strip_inline(line) == line
