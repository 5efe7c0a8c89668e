"""Representation: each sentence as stemmed content terms, bigram concepts and a TF-IDF vector.

Every summarizer reads the same `Features`, so methods differ only in how they select. Terms
are stemmed with the Snowball stemmer of the sentence's own language; stopwords are dropped
from terms but kept inside bigrams (ICSI-style concepts: a bigram counts unless both of its
words are stopwords).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp

from storysum.embed import EMBEDDING_OFFSET, embed
from storysum.language import WORD, resources_for
from storysum.model import Cluster


SAME_CONTENT = 0.4
"""`Features.sameness` at which two sentences count as carrying the same content: the other's
article then supports it, and a summary never holds both (calibrated on the bundled example)."""


@dataclass
class Features:
    """What methods need to know about the cluster's sentences, row i = Cluster.sentences[i]."""

    terms: list[list[str]]  # stemmed content words
    concepts: list[list[str]]  # stemmed bigrams, "a b"
    tfidf: sp.csr_matrix  # L2-normalised rows over `vocabulary`
    overlap: sp.csr_matrix  # L2-normalised character 4-gram TF-IDF: same content, any wording
    vocabulary: dict[str, int]
    words: np.ndarray  # word count per sentence
    candidates: np.ndarray  # bool: may enter a summary
    prior: np.ndarray  # how well each sentence reads on its own (1.0 = no objection)
    query_terms: frozenset[str] = frozenset()
    query_relevance: np.ndarray | None = None  # sameness of each sentence with the query
    embeddings: np.ndarray | None = None  # optional multilingual sentence embeddings (rows L2-normed)

    def similarity(self, rows_a=None, rows_b=None) -> np.ndarray:
        """Cosine similarities, rows_a x rows_b (None stands for every sentence)."""
        a = self.tfidf if rows_a is None else self.tfidf[rows_a]
        b = self.tfidf if rows_b is None else self.tfidf[rows_b]
        return (a @ b.T).toarray()

    def subset(self, rows: np.ndarray) -> Features:
        """The features of `rows` only, renumbered 0..len(rows)-1: the ground set a quadratic
        method sees after the candidate pre-filter (`methods.base.shortlist`)."""
        return Features(
            terms=[self.terms[i] for i in rows],
            concepts=[self.concepts[i] for i in rows],
            tfidf=self.tfidf[rows],
            overlap=self.overlap[rows],
            vocabulary=self.vocabulary,
            words=self.words[rows],
            candidates=self.candidates[rows],
            prior=self.prior[rows],
            query_terms=self.query_terms,
            query_relevance=None if self.query_relevance is None else self.query_relevance[rows],
            embeddings=None if self.embeddings is None else self.embeddings[rows],
        )

    def sameness(self, rows_a=None, rows_b=None) -> np.ndarray:
        """How far sentences carry the same content, rows_a x rows_b (None: every sentence).

        Character 4-grams see through German compounds and inflection ("Donnerstagabend" /
        "am Donnerstag", "Logistikunternehmen" / "Logistikfirma") where word vectors do not;
        with embeddings, the same fact in another language counts too.
        """
        a = self.overlap if rows_a is None else self.overlap[rows_a]
        b = self.overlap if rows_b is None else self.overlap[rows_b]
        lexical = (a @ b.T).toarray()
        if self.embeddings is None:
            return lexical
        ea = self.embeddings if rows_a is None else self.embeddings[rows_a]
        eb = self.embeddings if rows_b is None else self.embeddings[rows_b]
        return np.maximum(lexical, ea @ eb.T - EMBEDDING_OFFSET)


def analyse(text: str, lang: str) -> tuple[list[str], list[str]]:
    """Content terms (stemmed, no stopwords) and bigram concepts of one text."""
    res = resources_for(lang)
    words = [w.casefold() for w in WORD.findall(text)]
    stems = res.stem(words)
    stop = [w in res.stopwords or (len(w) < 2 and not w.isdigit()) for w in words]
    terms = [s for s, is_stop in zip(stems, stop) if not is_stop] or stems
    concepts = [
        f"{stems[i]} {stems[i + 1]}" for i in range(len(stems) - 1) if not (stop[i] and stop[i + 1])
    ]
    return terms, concepts


def title_concepts(cluster: Cluster) -> dict[str, int]:
    """How many articles carry each bigram concept in their headline: an editor's one-line
    statement of what the article is about."""
    counts: dict[str, int] = {}
    for article in cluster.articles:
        if article.title:
            for concept in set(analyse(article.title, article.lang or cluster.lang)[1]):
                counts[concept] = counts.get(concept, 0) + 1
    return counts


def build_features(cluster: Cluster, candidates: np.ndarray, prior: np.ndarray,
                   embeddings: bool = False) -> Features:
    """Terms, concepts and TF-IDF vectors for every sentence of the cluster."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    terms: list[list[str]] = []
    concepts: list[list[str]] = []
    for sentence in cluster.sentences:
        sentence_terms, sentence_concepts = analyse(sentence.text, sentence.lang)
        terms.append(sentence_terms)
        concepts.append(sentence_concepts)
    vectorizer = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, norm="l2")
    if any(terms):
        tfidf = vectorizer.fit_transform(terms).tocsr()
        vocabulary = vectorizer.vocabulary_
    else:
        tfidf = sp.csr_matrix((len(terms), 0))
        vocabulary = {}
    texts = [s.text.casefold() for s in cluster.sentences]
    query_relevance = None
    if any(t.strip() for t in texts):
        grams = TfidfVectorizer(analyzer="char_wb", ngram_range=(4, 4), sublinear_tf=True)
        overlap = grams.fit_transform(texts).tocsr()
        if cluster.query:
            query_relevance = (overlap @ grams.transform([cluster.query.casefold()]).T).toarray().ravel()
    else:
        overlap = sp.csr_matrix((len(texts), 0))
    query_terms: frozenset[str] = frozenset()
    if cluster.query:
        query_terms = frozenset(analyse(cluster.query, cluster.lang)[0])
    return Features(
        terms=terms,
        concepts=concepts,
        tfidf=tfidf,
        overlap=overlap,
        vocabulary=vocabulary,
        words=np.array([s.words for s in cluster.sentences], dtype=int),
        candidates=candidates,
        prior=prior,
        query_terms=query_terms,
        query_relevance=query_relevance,
        embeddings=_embeddings(cluster) if embeddings else None,
    )


def _embeddings(cluster: Cluster) -> np.ndarray:
    return embed([s.text for s in cluster.sentences])


def _identity(tokens: list[str]) -> list[str]:
    return tokens
