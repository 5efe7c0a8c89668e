"""storysum: many news articles about one event in, one short, source-attributed summary out."""

from storysum.model import Article, Budget, Cluster, Sentence, Skipped, Summary, SummarySentence
from storysum.pipeline import load_clusters, summarize, summarize_cluster

__version__ = "0.1.0"
__all__ = [
    "Article", "Budget", "Cluster", "Sentence", "Skipped", "Summary", "SummarySentence",
    "load_clusters", "summarize", "summarize_cluster",
]
