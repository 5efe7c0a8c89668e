"""Shared fixtures: the bundled example cluster and the evaluation data beside the repo."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "hafenbrand"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def example_dir() -> Path:
    return EXAMPLE


@pytest.fixture(scope="session")
def example_summary():
    from storysum import summarize

    return summarize([EXAMPLE])


@pytest.fixture(scope="session")
def example_texts() -> dict[str, str]:
    """Raw file contents of the example, by article id (the file stem)."""
    return {p.stem: p.read_text(encoding="utf-8") for p in EXAMPLE.iterdir()}


def shared_file(name: str) -> Path:
    path = SHARED_DATA / name
    if not path.is_file():
        pytest.skip(f"evaluation data {path} is not present (it lives beside the repository)")
    return path
