"""Reading inputs: files, folders (recursively, in name order) and stdin, into clusters.

Loose articles form one cluster; every line of a JSONL cluster file (the format of
`../shared/README.md`) is a cluster of its own. Nothing is dropped silently: whatever cannot
be read becomes a `Skipped` record with the file name and the reason.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from storysum.decode import InputError, decode_bytes
from storysum.extract import (
    Extracted,
    extract_html,
    extract_json_article,
    extract_markdown,
    sniff_format,
)
from storysum.model import Article, Cluster, Skipped

MAX_FILE_BYTES = 20 * 1024 * 1024
"""Article files above this are refused: no single news article is 20 MB of text."""


def read_inputs(paths: Iterable[str], max_bytes: int = MAX_FILE_BYTES) -> tuple[list[Cluster], list[Skipped]]:
    """Read every path ('-' is stdin) into clusters; return them with the skipped inputs."""
    articles: list[Article] = []
    clusters: list[Cluster] = []
    skipped: list[Skipped] = []
    names: list[str] = []
    for raw_path in paths:
        names.append("stdin" if raw_path == "-" else Path(raw_path).stem or raw_path)
        for label, loader in _expand(raw_path, skipped):
            try:
                data = loader()
                if len(data) > max_bytes and not label.endswith((".jsonl", ".ndjson")):
                    raise InputError(
                        f"file too large ({len(data) / 1e6:.1f} MB > {max_bytes / 1e6:.0f} MB limit)"
                    )
                text = decode_bytes(data)
                new_articles, new_clusters = parse_text(text, label)
            except InputError as err:
                skipped.append(Skipped(label, str(err)))
                continue
            except OSError as err:
                skipped.append(Skipped(label, f"cannot read: {err.strerror or err}"))
                continue
            articles.extend(new_articles)
            clusters.extend(new_clusters)
    if articles:
        cluster_id = names[0] if len(names) == 1 else "cluster"
        clusters.insert(0, Cluster(id=cluster_id, articles=_unique_ids(articles)))
    return clusters, skipped


def _expand(raw_path: str, skipped: list[Skipped]) -> Iterator[tuple[str, Callable[[], bytes]]]:
    """Yield (label, loader) for a path: stdin, a file, or every file under a folder."""
    if raw_path == "-":
        yield "stdin", sys.stdin.buffer.read
        return
    path = Path(raw_path)
    if path.is_dir():
        files = sorted(
            (p for p in path.rglob("*") if _readable_entry(p) and not _hidden(p.relative_to(path))),
            key=lambda p: p.relative_to(path).as_posix(),
        )
        if not files:
            skipped.append(Skipped(raw_path, "folder contains no files"))
        for file in files:
            yield str(file), file.read_bytes
    elif path.exists():
        yield str(path), path.read_bytes
    else:
        skipped.append(Skipped(raw_path, "no such file or folder"))


def _readable_entry(path: Path) -> bool:
    """Files, and broken links (so they are reported as unreadable, not silently passed over)."""
    return path.is_file() or (path.is_symlink() and not path.exists())


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def parse_text(text: str, label: str) -> tuple[list[Article], list[Cluster]]:
    """Turn one decoded input into loose articles and/or whole clusters."""
    suffix = Path(label).suffix if label != "stdin" else ""
    stem = Path(label).stem if label != "stdin" else "stdin"
    fmt = sniff_format(text, suffix)
    if fmt == "jsonl":
        return parse_jsonl(text, label)
    if fmt == "json":
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as err:
            raise InputError(f"invalid JSON ({err.msg} at line {err.lineno})") from None
        return _parse_json_value(obj, label, stem)
    if fmt == "html":
        extracted = extract_html(text)
    elif fmt == "markdown":
        extracted = extract_markdown(text)
    else:
        extracted = Extracted(text=text)
    return [_to_article(extracted, stem, label)], []


def _parse_json_value(obj, label: str, stem: str) -> tuple[list[Article], list[Cluster]]:
    if isinstance(obj, dict) and isinstance(obj.get("documents"), list):
        return [], [cluster_from_record(obj, label)]
    if isinstance(obj, dict):
        return [_to_article(extract_json_article(obj), stem, label)], []
    if isinstance(obj, list) and obj and all(isinstance(o, dict) for o in obj):
        articles = [
            _to_article(extract_json_article(o), f"{stem}-{i + 1}", f"{label}[{i}]")
            for i, o in enumerate(obj)
        ]
        return articles, []
    raise InputError("JSON is neither an article object, a list of them, nor a cluster")


def parse_jsonl(text: str, label: str) -> tuple[list[Article], list[Cluster]]:
    """Each line is a cluster (has "documents") or an article (has "text")."""
    articles: list[Article] = []
    clusters: list[Cluster] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as err:
            raise InputError(f"invalid JSON on line {number} ({err.msg})") from None
        where = f"{label}:{number}"
        if isinstance(obj, dict) and isinstance(obj.get("documents"), list):
            clusters.append(cluster_from_record(obj, where))
        elif isinstance(obj, dict):
            articles.append(_to_article(extract_json_article(obj), f"{Path(label).stem}-{number}", where))
        else:
            raise InputError(f"line {number} is not a JSON object")
    return articles, clusters


def cluster_from_record(record: dict, label: str) -> Cluster:
    """A cluster in the shared evaluation format (id, documents, summaries, query)."""
    lang = record.get("lang")
    declared = lang if isinstance(lang, str) and lang not in {"", "mixed", "und"} else None
    articles = []
    for i, doc in enumerate(record["documents"]):
        if not isinstance(doc, dict):
            raise InputError(f"document {i} of cluster {record.get('id')} is not an object")
        article = _to_article(extract_json_article(doc), f"doc{i + 1}", label)
        article.lang = article.lang or declared  # a declared cluster language spares detection
        articles.append(article)
    return Cluster(
        id=str(record.get("id") or Path(label).stem),
        articles=_unique_ids(articles),
        query=record.get("query") or None,
        lang=lang if isinstance(lang, str) and lang != "mixed" else "und",
        references=[s for s in record.get("summaries") or [] if isinstance(s, str)],
    )


def _to_article(extracted: Extracted, default_id: str, path: str) -> Article:
    return Article(
        id=extracted.id or default_id,
        text=extracted.text,
        title=extracted.title,
        source=extracted.source,
        date=extracted.date,
        lang=extracted.lang,
        path=path,
    )


def _unique_ids(articles: list[Article]) -> list[Article]:
    """Make article ids unique (two folders may both hold `dpa.txt`)."""
    seen: dict[str, int] = {}
    for article in articles:
        count = seen.get(article.id, 0)
        seen[article.id] = count + 1
        if count:
            article.id = f"{article.id}-{count + 1}"
    return articles
