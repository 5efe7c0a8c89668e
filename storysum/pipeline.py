"""The pipeline, top to bottom: ingest → clean → detect language → segment → represent →
select → attribute → order → Summary. `summarize` is the public entry point."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from storysum.attribute import quoted_speakers, supporting_articles
from storysum.candidates import quality_prior, select_candidates
from storysum.clean import clean_article
from storysum.decode import InputError
from storysum.ingest import read_inputs
from storysum.language import detect, has_resources, majority
from storysum.methods import DEFAULT_METHOD, Summarizer, get_method
from storysum.model import Article, Budget, Cluster, Skipped, Summary, SummarySentence
from storysum.order import order_sentences
from storysum.represent import Features, build_features
from storysum.segment import segment_articles


def summarize(
    inputs: Cluster | Iterable[Article | str | Path],
    words: int | None = 120,
    sentences: int | None = None,
    method: str | Summarizer = DEFAULT_METHOD,
    lang: str = "auto",
    query: str | None = None,
    lang_out: str | None = None,
    embeddings: bool = False,
) -> Summary:
    """Summarise one cluster given as a Cluster, Articles, or paths of files and folders.

    Raises InputError when nothing summarisable remains; skipped inputs are listed in the
    returned Summary's `skipped`.
    """
    cluster = inputs if isinstance(inputs, Cluster) else load_cluster(inputs)
    if query is not None:
        cluster = replace(cluster, query=query)
    return summarize_cluster(cluster, Budget(words=words, sentences=sentences), method, lang, lang_out,
                             embeddings)


def load_cluster(inputs: Iterable[Article | str | Path]) -> Cluster:
    """One cluster from Articles and paths of files and folders (inputs that fail are `skipped`)."""
    items = list(inputs)
    articles = [i for i in items if isinstance(i, Article)]
    paths = [str(i) for i in items if not isinstance(i, Article)]
    skipped: list[Skipped] = []
    if paths:
        clusters, skipped = read_inputs(paths)
        if len(clusters) > 1:
            raise InputError(f"{', '.join(paths)}: holds {len(clusters)} clusters, not one; "
                             "use storysum.load_clusters to get them one by one")
        articles += [a for c in clusters for a in c.articles]
    return Cluster(id="cluster", articles=articles, skipped=skipped)


def load_clusters(inputs: Iterable[str | Path]) -> list[Cluster]:
    """Every cluster in files and folders: one per JSONL line of the evaluation format, one per
    other input set. Summarise each with `summarize_cluster` (or `storysum.story.build_story`)."""
    clusters, skipped = read_inputs([str(i) for i in inputs])
    if clusters:
        clusters[0].skipped = skipped + clusters[0].skipped
    elif skipped:
        raise InputError("no readable article: " + "; ".join(f"{s.path}: {s.reason}" for s in skipped))
    return clusters


def summarize_cluster(cluster: Cluster, budget: Budget, method: str | Summarizer = DEFAULT_METHOD,
                      lang: str = "auto", lang_out: str | None = None,
                      embeddings: bool = False) -> Summary:
    """Run every stage on one cluster (a cluster that `prepare` already segmented is used as is)."""
    if not cluster.sentences:
        cluster = prepare(cluster, lang)
    cluster, features = represent_cluster(cluster, lang_out, embeddings)
    return summary_from_features(cluster, features, budget, method)


def represent_cluster(cluster: Cluster, lang_out: str | None = None,
              embeddings: bool = False) -> tuple[Cluster, Features]:
    """Candidates and features of a prepared cluster (shared by the summary and the story view)."""
    if lang_out:
        cluster = replace(cluster, lang=lang_out)  # prefer its sentences; others are flagged
    candidates, _rejected = select_candidates(cluster, only_lang=lang_out)
    return cluster, build_features(cluster, candidates, quality_prior(cluster), embeddings)


def summary_from_features(cluster: Cluster, features: Features, budget: Budget,
                          method: str | Summarizer = DEFAULT_METHOD) -> Summary:
    """Select, attribute and order: the Summary of a represented cluster."""
    summarizer = get_method(method) if isinstance(method, str) else method
    chosen = summarizer.select(cluster, features, budget)
    sources = {i: supporting_articles(cluster, features, i) for i in chosen}
    ordered = order_sentences(cluster, chosen, sources)
    speakers = quoted_speakers(cluster, chosen)
    return Summary(
        cluster_id=cluster.id,
        lang=cluster.lang,
        method=summarizer.name,
        sentences=[_summary_sentence(cluster, i, sources[i], speakers.get(i)) for i in ordered],
        articles=cluster.articles,
        skipped=cluster.skipped,
        warnings=cluster.warnings,
    )


def prepare(cluster: Cluster, lang: str = "auto") -> Cluster:
    """Clean, detect languages and segment; articles left without text become `skipped`."""
    articles: list[Article] = []
    skipped = list(cluster.skipped)
    for article in cluster.articles:
        cleaned = clean_article(article)
        if not cleaned.text.strip():
            skipped.append(Skipped(article.path or article.id, "no article text left after removing boilerplate"))
            continue
        if lang != "auto":
            cleaned.lang = lang
        elif not cleaned.lang or cleaned.lang in {"und", "mixed"}:
            cleaned.lang = detect(cleaned.text)
        cleaned.lang = cleaned.lang.split("-")[0].lower()
        articles.append(cleaned)
    if not articles:
        raise InputError(f"cluster {cluster.id}: no readable article")
    sentences = segment_articles(articles)
    warnings = list(cluster.warnings)
    cluster_lang = lang if lang != "auto" else majority(
        [(a.lang, sum(1 for s in sentences if s.article == i)) for i, a in enumerate(articles)]
    )
    if len(articles) == 1:
        warnings.append("only one article: the summary condenses it, support counts are 1 of 1")
    for code in sorted({a.lang for a in articles}):
        if not has_resources(code):
            warnings.append(f"no stemmer or stopwords for language {code!r}: using plain word tokens")
    others = sorted({a.lang for a in articles} - {cluster_lang})
    if others:
        warnings.append(f"mixed languages: {cluster_lang} (majority) and {', '.join(others)}")
    return replace(cluster, articles=articles, sentences=sentences, lang=cluster_lang,
                   skipped=skipped, warnings=warnings)


def _summary_sentence(cluster: Cluster, index: int, sources: list[int],
                      speaker: str | None) -> SummarySentence:
    sentence = cluster.sentences[index]
    article = cluster.articles[sentence.article]
    return SummarySentence(
        text=sentence.text,
        article=article.id,
        sources=[cluster.articles[a].id for a in sources],
        support=len(sources),
        index=index,
        lang=sentence.lang,
        other_language=sentence.lang != cluster.lang,
        speaker=speaker,
    )
