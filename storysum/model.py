"""The data model every pipeline stage reads and returns: plain dataclasses, no behaviour
beyond small derived properties, so stages stay independent and results serialise to JSON."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Article:
    """One news article after ingestion and cleaning.

    `text` is the cleaned body, paragraphs separated by newlines; `removed` keeps the lines the
    cleaner dropped (title, credits, navigation) so a user can see nothing was lost silently.
    """

    id: str
    text: str
    title: str | None = None
    source: str | None = None
    date: str | None = None
    lang: str | None = None
    path: str | None = None
    removed: list[str] = field(default_factory=list)

    def meta(self) -> dict:
        """The article as it appears in JSON output (without its text)."""
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "date": self.date,
            "lang": self.lang,
            "path": self.path,
        }


@dataclass
class Sentence:
    """One sentence of one article; `index` is its place in `Cluster.sentences`."""

    text: str
    article: int  # index into Cluster.articles
    position: int  # 0-based position of the sentence in its article
    paragraph: int  # 0-based paragraph number in its article
    lang: str
    index: int = 0

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass
class Skipped:
    """An input that could not be used, with the reason shown to the user."""

    path: str
    reason: str


@dataclass
class Cluster:
    """A set of articles about one event, plus what the pipeline derives from them."""

    id: str
    articles: list[Article]
    query: str | None = None
    lang: str = "und"
    sentences: list[Sentence] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)  # human summaries, when evaluating


@dataclass(frozen=True)
class Budget:
    """How long a summary may be. `overflow` lets the last sentence run past the word budget,
    which evaluation uses before cutting summaries at exactly `words` words, as DUC does."""

    words: int | None = 120
    sentences: int | None = None
    overflow: bool = False

    def allows(self, words_so_far: int, sentences_so_far: int, next_words: int) -> bool:
        """Whether one more sentence of `next_words` words fits."""
        if self.sentences is not None and sentences_so_far >= self.sentences:
            return False
        if self.words is None:
            return True
        if sentences_so_far == 0:
            return True  # the single first sentence may exceed the budget
        if self.overflow:
            return words_so_far < self.words
        return words_so_far + next_words <= self.words

    def full(self, words_so_far: int, sentences_so_far: int) -> bool:
        """Whether nothing more can be added at all."""
        if self.sentences is not None and sentences_so_far >= self.sentences:
            return True
        return self.words is not None and words_so_far >= self.words


@dataclass
class SummarySentence:
    """A sentence of the summary with every article that carries the same content."""

    text: str
    article: str  # id of the article the wording was taken from
    sources: list[str]  # ids of every article that supports it, the origin first
    support: int
    index: int  # index into Cluster.sentences
    lang: str = "und"
    other_language: bool = False  # the sentence's article is not in the summary's language
    speaker: str | None = None  # who is quoted, when the sentence names them only by role or pronoun


@dataclass
class Summary:
    """The result of summarising one cluster."""

    cluster_id: str
    lang: str
    method: str
    sentences: list[SummarySentence]
    articles: list[Article]
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)

    @property
    def words(self) -> int:
        return len(self.text.split())

    def to_dict(self) -> dict:
        """The stable JSON shape documented in the README."""
        total = len(self.articles)
        return {
            "cluster_id": self.cluster_id,
            "lang": self.lang,
            "method": self.method,
            "words": self.words,
            "summary": self.text,
            "sentences": [
                {**asdict(s), "support_label": f"{s.support} of {total} sources"}
                for s in self.sentences
            ],
            "articles": [a.meta() for a in self.articles],
            "skipped": [asdict(s) for s in self.skipped],
            "warnings": list(self.warnings),
        }
