"""Sentence segmentation measured on hand-written gold files (German, English, French)."""

from pathlib import Path

import pytest

from storysum.segment import split_paragraph

DATA = Path(__file__).parent / "data"


def load_gold(name: str) -> list[tuple[str, list[str]]]:
    items, current = [], None
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if not line.strip():
            if current:
                items.append(current)
            current = None
        elif line.startswith("@"):
            current = (line[1:].strip(), [])
        else:
            current[1].append(line)
    if current:
        items.append(current)
    return items


def accuracy(items) -> tuple[int, int, list]:
    correct = total = 0
    errors = []
    for lang, gold in items:
        got = split_paragraph(" ".join(gold), lang)
        total += len(gold)
        correct += sum(1 for sentence in gold if sentence in got)
        if got != gold:
            errors.append((gold, got))
    return correct, total, errors


@pytest.mark.parametrize("name, minimum_sentences", [
    ("segmentation_gold.txt", 150),  # developed against
    ("segmentation_heldout.txt", 150),  # written separately, never tuned on
])
def test_segmentation_accuracy(name, minimum_sentences, capsys):
    items = load_gold(name)
    correct, total, errors = accuracy(items)
    with capsys.disabled():
        print(f"\n{name}: {correct}/{total} gold sentences recovered = {correct / total:.1%}")
    assert total >= minimum_sentences
    assert correct / total >= 0.98, errors[:5]


@pytest.mark.parametrize("text, expected", [
    ("Der US-Präsident kam am 25. April. Dr. Müller sagte u. a., es seien ca. 3,5 Prozent.",
     ["Der US-Präsident kam am 25. April.", "Dr. Müller sagte u. a., es seien ca. 3,5 Prozent."]),
    ("„Wir sind bereit.“ Das sagte er.", ["„Wir sind bereit.“", "Das sagte er."]),
    ("Er kam auf Platz 3. Danach ging es weiter.", ["Er kam auf Platz 3.", "Danach ging es weiter."]),
    ("Mr. Smith arrived at 5 p.m. He met the U.S. envoy.", ["Mr. Smith arrived at 5 p.m.", "He met the U.S. envoy."]),
])
def test_hard_cases(text, expected):
    assert split_paragraph(text, "de" if "Der" in text or "Er " in text or "„" in text else "en") == expected


def test_scripts_without_latin_letters():
    hindi = "भारत ने नई नीति की घोषणा की। सरकार ने कहा कि यह अगले साल लागू होगी।"
    assert len(split_paragraph(hindi, "hi")) == 2
    arabic = "أعلنت الحكومة خطة جديدة. وقال الوزير إنها ستطبق العام المقبل."
    assert len(split_paragraph(arabic, "ar")) == 2
