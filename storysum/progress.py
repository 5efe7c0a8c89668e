"""Progress on stderr for anything that runs longer than a second (and silence otherwise)."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


def progress(items: Iterable[T], unit: str, total: int | None = None, desc: str | None = None) -> Iterator[T]:
    """Iterate over `items`, showing a bar on stderr only once a second has passed."""
    from tqdm import tqdm

    if total is None and hasattr(items, "__len__"):
        total = len(items)  # type: ignore[arg-type]
    yield from tqdm(items, total=total, unit=f" {unit}", desc=desc, file=sys.stderr, delay=1.0,
                    leave=False, dynamic_ncols=True, disable=total is not None and total <= 1)
