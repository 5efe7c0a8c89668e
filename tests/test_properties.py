"""Property-based tests: random Unicode text, random bytes and random cluster shapes thrown at
the whole pipeline. Invariants: no exception other than a clean InputError, the budget holds,
every summary sentence occurs in an input article, every source id is a real input id."""

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from storysum import Article, summarize
from storysum.decode import InputError, decode_bytes
from storysum.ingest import parse_text

WORDS = st.sampled_from(
    "der die das Präsident Kim Putin Gipfel traf sagte „Wir sind bereit.“ am 25. April Dr. z. B. "
    "u. a. 3,5 Prozent US-Präsident the president said on Monday U.S. Mr. 1.2 percent Αθήνα "
    "κυβέρνηση القاهرة الحكومة सरकार ने कहा 🙂 *** — … ? ! . , ; : ( ) » « dpa Foto: Bilder des Tages".split()
)
SENTENCE = st.lists(WORDS, min_size=1, max_size=30).map(" ".join)
ARTICLE_TEXT = st.lists(st.one_of(SENTENCE, st.text(max_size=80)), min_size=0, max_size=12).map("\n".join)


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(ARTICLE_TEXT, min_size=1, max_size=6), words=st.integers(min_value=1, max_value=150))
@example(texts=["0\nder\nPräsident der der der Präsident Präsident der\nder der der der der der Präsident percent\n"
                "Präsident der der der Präsident Präsident der\nder"], words=1)  # a repeated line inside a wrapped block
def test_pipeline_invariants_on_random_clusters(texts, words):
    articles = [Article(id=f"a{i}", text=t) for i, t in enumerate(texts)]
    try:
        summary = summarize(articles, words=words)
    except InputError as err:  # nothing summarisable left: a clean one-line error
        assert "no readable article" in str(err)
        return
    ids = {a.id for a in articles}
    assert summary.words <= words or len(summary.sentences) == 1
    sources = {a.id: squash(a.text) for a in articles}
    cleaned = {a.id: squash(a.text) for a in summary.articles}
    for sentence in summary.sentences:
        assert sentence.article in ids and set(sentence.sources) <= ids
        assert sentence.support == len(sentence.sources) >= 1
        # sentences come from the text (the cleaner may have cut an inline dateline or bullet);
        # where it dropped a line inside a hard-wrapped paragraph (a repeated caption) the lines
        # around it join, so the sentence is then checked against the cleaned article, every
        # word of which comes from the input
        tail = squash(sentence.text)[-20:]
        assert tail in sources[sentence.article] or tail in cleaned[sentence.article]
        assert all(word in sources[sentence.article] for word in tail.split())
    skipped = {s.path for s in summary.skipped}
    assert ids == {a.id for a in summary.articles} | skipped


@settings(max_examples=150, deadline=None)
@given(data=st.binary(max_size=3000))
def test_random_bytes_decode_or_fail_cleanly(data):
    try:
        text = decode_bytes(data)
    except InputError as err:
        assert str(err) and "\n" not in str(err)
        return
    assert isinstance(text, str)
    try:
        parse_text(text, "random.bin")
    except InputError as err:
        assert str(err) and "\n" not in str(err)


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=2000))
def test_random_unicode_text_as_a_file(text, tmp_path_factory):
    path = tmp_path_factory.mktemp("u") / "article.txt"
    path.write_text(text, encoding="utf-8")
    try:
        summary = summarize([path], words=40)
    except InputError:
        return
    assert summary.words <= 40 or len(summary.sentences) == 1
