"""All summarization methods behind one interface, selectable by name."""

from __future__ import annotations

from storysum.methods.base import Summarizer
from storysum.methods.centroid import Centroid
from storysum.methods.coverage import Coverage
from storysum.methods.ilp import ConceptILP
from storysum.methods.lead import Lead
from storysum.methods.lexrank import LexRank
from storysum.methods.mmr import MMR
from storysum.methods.oracle import Oracle
from storysum.methods.submodular import Submodular

DEFAULT_METHOD = "coverage"

METHODS: dict[str, type[Summarizer]] = {
    cls.name: cls for cls in (Coverage, ConceptILP, Submodular, LexRank, Centroid, MMR, Lead, Oracle)
}


def get_method(name: str) -> Summarizer:
    """A summarizer by name; raises ValueError listing the known names."""
    try:
        return METHODS[name]()
    except KeyError:
        raise ValueError(f"unknown method {name!r}; choose one of: {', '.join(METHODS)}") from None


__all__ = ["DEFAULT_METHOD", "METHODS", "Summarizer", "get_method"]
