import pytest

from storysum.language import detect, has_resources, is_dangling, majority, resources_for

SAMPLES = {
    "de": "Die Regierung hat am Montag ein neues Gesetz für die Energiewende beschlossen.",
    "en": "The government approved a new law on energy policy on Monday afternoon.",
    "fr": "Le gouvernement a adopté lundi une nouvelle loi sur la politique énergétique.",
    "es": "El gobierno aprobó el lunes una nueva ley sobre la política energética del país.",
    "it": "Il governo ha approvato lunedì una nuova legge sulla politica energetica del paese.",
    "nl": "De regering heeft maandag een nieuwe wet over het energiebeleid goedgekeurd.",
    "pl": "Rząd przyjął w poniedziałek nową ustawę o polityce energetycznej kraju.",
    "pt": "O governo aprovou na segunda-feira uma nova lei sobre a política energética.",
    "ru": "Правительство в понедельник одобрило новый закон об энергетической политике.",
    "tr": "Hükümet pazartesi günü enerji politikasına ilişkin yeni bir yasayı onayladı.",
    "el": "Η κυβέρνηση ενέκρινε τη Δευτέρα έναν νέο νόμο για την ενεργειακή πολιτική.",
    "ar": "وافقت الحكومة يوم الاثنين على قانون جديد بشأن سياسة الطاقة في البلاد.",
    "hi": "सरकार ने सोमवार को ऊर्जा नीति पर एक नया कानून मंजूर किया।",
    "cs": "Vláda v pondělí schválila nový zákon o energetické politice země.",
    "he": "הממשלה אישרה ביום שני חוק חדש בנושא מדיניות האנרגיה של המדינה.",
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_language_is_detected_offline(lang):
    assert detect(SAMPLES[lang]) == lang


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_every_required_language_has_stopwords_and_a_stemmer_where_snowball_has_one(lang):
    res = resources_for(lang)
    assert res.stopwords, lang
    if lang != "he":  # Snowball has no Hebrew stemmer: plain tokens, as documented
        assert res.stemmer_name, lang
    assert has_resources(lang)


def test_unknown_language_falls_back_to_plain_tokens():
    res = resources_for("xx")
    assert res.stem(["Wörter"]) == ["Wörter"] and not has_resources("xx")


def test_dangling_openers():
    assert is_dangling("Er fügte hinzu, dass alles gut sei.", "de")
    assert is_dangling("„Dies ist falsch“, sagte er.", "de") is True
    assert not is_dangling("Der Präsident fügte hinzu, dass alles gut sei.", "de")
    assert is_dangling("However, the talks failed.", "en")
    # the word lists are compared case-folded, where "ß" becomes "ss"
    assert is_dangling("Außerdem brannte die Kühlhalle völlig aus.", "de")
    assert not is_dangling("Außenminister Paul Westhoff besuchte den Hafen.", "de")


def test_majority_language_by_weight():
    assert majority([("en", 3), ("de", 5), ("en", 1)]) == "de"
    assert majority([("und", 9)]) == "und"
