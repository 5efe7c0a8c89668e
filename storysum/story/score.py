"""Score a story against a hand-written gold file (format: examples/GOLD.md).

Precision and recall per panel, with the matching rules the gold format documents, so that
tests, `storysum story --gold` and benchmarks all measure the same thing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import regex

from storysum.decode import InputError

from storysum.story.model import Story

_TOKEN = regex.compile(r"[\p{L}\p{N}]+")
_REQUIRED = {
    "quotes": {"text", "speaker"}, "indirect": {"speaker", "keywords"}, "figures": {"value", "unit", "outlets"},
    "dates": {"date", "outlets"}, "conflicts": {"values"}, "consensus": {"keywords"},
    "single_source": {"outlet", "keywords"}, "timeline": {"date", "keywords"}, "entities": {"name"},
}


@dataclass
class PanelScore:
    precision: float
    recall: float
    predicted: int
    gold: int
    missed: list[str]  # gold items not found
    extra: list[str]  # predicted items matching no gold item


def load_gold(path: str | Path) -> dict:
    """A gold file, checked enough that scoring cannot fail half-way (InputError names the file)."""
    try:
        gold = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as err:
        raise InputError(f"gold file {path}: cannot read: {err.strerror or err}") from err
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"gold file {path}: not JSON ({err})") from err
    if not isinstance(gold, dict):
        raise InputError(f"gold file {path}: expected a JSON object with one list per panel")
    for panel, needed in _REQUIRED.items():
        items = gold.get(panel, [])
        if not isinstance(items, list) or not all(isinstance(i, dict) and needed <= set(i) for i in items):
            raise InputError(f"gold file {path}: every {panel!r} item needs {', '.join(sorted(needed))}")
    return gold


def score_story(story: Story, gold: dict) -> dict[str, PanelScore | dict]:
    """PanelScore for every panel the gold file has, plus the event line check."""
    panels = {
        "quotes": _quotes,
        "indirect": _indirect,
        "figures": _figures,
        "dates": _dates,
        "conflicts": _conflicts,
        "consensus": _consensus,
        "single_source": _single_source,
        "timeline": _timeline,
        "entities": _entities,
    }
    result: dict[str, PanelScore | dict] = {
        name: scorer(story, gold[name]) for name, scorer in panels.items() if name in gold
    }
    if "conflicts" in gold:
        result["conflict_values"] = _conflict_values(story, gold["conflicts"])
    if "event" in gold and story.event is not None:
        text = story.event.text.casefold()
        groups = gold["event"]["must_mention"]
        met = sum(any(w.casefold() in text for w in group) for group in groups)
        result["event"] = {"mentions_met": met, "mentions": len(groups), "words": len(story.event.text.split())}
    return result


def _pr(pred: list, gold: list, match) -> PanelScore:
    """Precision over predicted items and recall over gold items under `match(pred, gold)`."""
    hit_pred = [any(match(p, g) for g in gold) for p in pred]
    hit_gold = [any(match(p, g) for p in pred) for g in gold]
    return PanelScore(
        precision=sum(hit_pred) / len(pred) if pred else 1.0,
        recall=sum(hit_gold) / len(gold) if gold else 1.0,
        predicted=len(pred),
        gold=len(gold),
        missed=[_label(g) for g, hit in zip(gold, hit_gold) if not hit],
        extra=[_label(p) for p, hit in zip(pred, hit_pred) if not hit],
    )


def _label(item) -> str:
    if isinstance(item, dict):
        return json.dumps(item, ensure_ascii=False)[:160]
    return str(item)[:160]


def _tokens(text: str) -> set[str]:
    return {t.casefold() for t in _TOKEN.findall(text)}


def same_words(a: str, b: str, share: float = 0.8) -> bool:
    """Two texts share at least `share` of the shorter one's word types."""
    ta, tb = _tokens(a), _tokens(b)
    return bool(ta and tb) and len(ta & tb) >= share * min(len(ta), len(tb))


def _quotes(story: Story, gold: list[dict]) -> PanelScore:
    pred = [(q.text, q.speaker or "") for q in story.quotes if not q.indirect]
    return _pr(pred, gold, lambda p, g: same_words(p[0], g["text"]))


def speaker_accuracy(story: Story, gold: list[dict]) -> float:
    """Among gold quotes that were found, the share whose speaker we named right."""
    right = found = 0
    for g in gold:
        match = next((q for q in story.quotes if not q.indirect and same_words(q.text, g["text"])), None)
        if match is not None:
            found += 1
            right += bool(match.speaker) and g["speaker"].casefold() in match.speaker.casefold()
    return right / found if found else 1.0


def _indirect(story: Story, gold: list[dict]) -> PanelScore:
    pred = [q for q in story.quotes if q.indirect]
    return _pr(pred, gold, lambda p, g: (p.speaker or "").casefold().find(g["speaker"].casefold()) >= 0
               and any(k.casefold() in p.text.casefold() for k in g["keywords"]))


def _figures(story: Story, gold: list[dict]) -> PanelScore:
    pred = [(f.value, f.unit, o) for f in story.figures for o in f.outlets]
    truth = [(g["value"], g["unit"], o) for g in gold for o in g["outlets"]]
    return _pr(pred, truth, lambda p, g: p[1] == g[1] and p[2] == g[2] and _close(p[0], g[0]))


def _close(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 * max(1.0, abs(b))


def _dates(story: Story, gold: list[dict]) -> PanelScore:
    pred = [(d.date, o) for d in story.dates if d.date for o in d.outlets]
    truth = [(g["date"], o) for g in gold for o in g["outlets"]]
    return _pr(pred, truth, lambda p, g: p[1] == g[1] and p[0].startswith(g[0]))


def _conflicts(story: Story, gold: list[dict]) -> PanelScore:
    pred = [{_value(v.value): sorted(v.outlets) for v in c.values} for c in story.conflicts]
    truth = [{_value(k): sorted(v) for k, v in g["values"].items()} for g in gold]
    return _pr(pred, truth, lambda p, g: p == g)  # the same values, each with the same outlets


def _conflict_values(story: Story, gold: list[dict]) -> PanelScore:
    """Conflicts matched on their values only: found, but maybe with an outlet missing."""
    pred = [{_value(v.value) for v in c.values} for c in story.conflicts]
    truth = [{_value(k) for k in g["values"]} for g in gold]
    return _pr(pred, truth, lambda p, g: p == g)


def _value(value) -> str:
    """Values as comparable strings: 120, 120.0 and "120" are one value."""
    try:
        number = float(str(value).replace(",", "."))
        return f"{number:g}"
    except ValueError:
        return str(value).strip()


def _consensus(story: Story, gold: list[dict]) -> PanelScore:
    return _pr(story.consensus, gold, lambda p, g: p.support >= g.get("min_outlets", 2)
               and all(k.casefold() in p.text.casefold() for k in g["keywords"]))


def _single_source(story: Story, gold: list[dict]) -> PanelScore:
    return _pr(story.single_source, gold, lambda p, g: p.outlets == [g["outlet"]]
               and all(k.casefold() in p.text.casefold() for k in g["keywords"]))


def _timeline(story: Story, gold: list[dict]) -> PanelScore:
    return _pr(story.timeline, gold, lambda p, g: p.date.startswith(g["date"])
               and any(k.casefold() in p.text.casefold() for k in g["keywords"]))


def _entities(story: Story, gold: list[dict]) -> PanelScore:
    def names(item) -> set[str]:
        return {n.casefold() for n in [item["name"], *item.get("aliases", [])]}

    def match(entity, g) -> bool:
        ours = {n.casefold() for n in [entity.name, *entity.aliases]}
        return any(a == b or _inside(a, b) or _inside(b, a) for a in ours for b in names(g))

    return _pr(story.entities, gold, match)


def _inside(short: str, long: str) -> bool:
    """`short` is a whole-token run inside `long` ("Hansing" in "Jörg Hansing")."""
    return f" {short} " in f" {long} "
