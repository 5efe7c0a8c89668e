"""The story view's data model: what each panel holds, as plain dataclasses.

Every item names the articles (by `Article.id`, the outlets) that carry it, and the sentences
(by index into `Cluster.sentences`) it was read from, so every panel can link back to its
source passages."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from storysum.model import Summary


@dataclass
class Claim:
    """A sentence-sized fact with the outlets that carry it (consensus or single-source)."""

    text: str
    outlets: list[str]
    sentences: list[int]  # every sentence that carries it; the wording is from the first
    support: int


@dataclass
class Quote:
    """A direct quotation, merged across the outlets that carry the same words."""

    text: str  # the quoted words without quotation marks
    speaker: str | None  # as named in the reporting clause ("Jörg Hansing", "Kim"), None if unknown
    outlets: list[str]
    sentences: list[int]
    indirect: bool = False  # reported speech (German Konjunktiv), not a verbatim quote


@dataclass
class Figure:
    """A number with its unit, normalised so `34 Millionen Euro` and `34 Mio. €` are equal.

    `kind` is one of money, percent, count, age, measure; `unit` is a canonical unit
    ("EUR", "%", "people", "t", "m²", "years", …); `surfaces` are the spellings seen."""

    value: float
    unit: str
    kind: str
    surfaces: list[str]
    context: str  # the shortest sentence that carries it
    outlets: list[str]
    sentences: list[int]
    about: str = ""  # what is counted or measured ("Feuerwehrleute", "Schaden"), when found


@dataclass
class DateMention:
    """A date or time in the story. `date` is ISO (YYYY, YYYY-MM or YYYY-MM-DD), None when a
    relative date could not be resolved because its article has no date."""

    date: str | None
    surfaces: list[str]  # as written: "am Donnerstag", "24.4.2026", "vor gut zwei Monaten"
    relative: bool
    context: str
    outlets: list[str]
    sentences: list[int]
    time: str | None = None  # "22:40" when a clock time goes with it


@dataclass
class ConflictValue:
    value: str  # the normalised value as shown ("120", "2026-04-22")
    outlets: list[str]
    sentences: list[int]


@dataclass
class Conflict:
    """Outlets that give different values for what is recognisably the same quantity or event."""

    about: str  # "Beschäftigte am Standort", "Tag des Brandausbruchs"
    kind: str  # figure, date, attribution
    values: list[ConflictValue]


@dataclass
class TimelineEvent:
    date: str  # ISO, possibly with " HH:MM"
    text: str
    outlets: list[str]
    sentences: list[int]


@dataclass
class Entity:
    name: str
    kind: str  # person, place, organisation, other
    outlets: list[str]
    mentions: int
    aliases: list[str] = field(default_factory=list)


@dataclass
class Story:
    """The one-screen view of a story: event line, attributed summary and the panels."""

    cluster_id: str
    lang: str
    event: Claim | None
    summary: Summary
    consensus: list[Claim]
    single_source: list[Claim]
    quotes: list[Quote]
    figures: list[Figure]
    dates: list[DateMention]
    conflicts: list[Conflict]
    timeline: list[TimelineEvent]
    entities: list[Entity]
    sentences: list[dict]  # every sentence cited by a panel: index → text, article id, position

    def to_dict(self) -> dict:
        return {
            "cluster_id": self.cluster_id,
            "lang": self.lang,
            "event": asdict(self.event) if self.event else None,
            "summary": self.summary.to_dict(),
            "consensus": [asdict(c) for c in self.consensus],
            "single_source": [asdict(c) for c in self.single_source],
            "quotes": [asdict(q) for q in self.quotes],
            "figures": [asdict(f) for f in self.figures],
            "dates": [asdict(d) for d in self.dates],
            "conflicts": [asdict(c) for c in self.conflicts],
            "timeline": [asdict(t) for t in self.timeline],
            "entities": [asdict(e) for e in self.entities],
            "sentences": self.sentences,
        }
