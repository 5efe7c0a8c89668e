"""Data files of storysum (rules and word lists), kept out of the code so they stay editable."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).parent


def read(name: str) -> str:
    """The text of a resource file shipped in this folder."""
    return (_HERE / name).read_text(encoding="utf-8")
