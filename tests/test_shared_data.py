"""`storysum summarize` on every cluster of every evaluation file (all languages)."""

import json
import subprocess
import sys

import pytest

from conftest import shared_file


FILES = ["duc2004.jsonl", "duc2006.jsonl", "multiling2011_pilot.jsonl", "mlmd_mixed.jsonl"]


def summarize_file(path, *options):
    return subprocess.run([sys.executable, "-m", "storysum.cli", "summarize", str(path), *options],
                          capture_output=True, text=True, check=False)


@pytest.mark.parametrize("name", FILES)
def test_every_cluster_is_summarised(name):
    path = shared_file(name)
    expected = sum(1 for line in path.open(encoding="utf-8") if line.strip())
    result = summarize_file(path, "--words", "100")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == expected
    for summary in lines:
        assert summary["sentences"], summary["cluster_id"]
        assert summary["words"] <= 100 or len(summary["sentences"]) == 1
        ids = {a["id"] for a in summary["articles"]}
        assert all(set(s["sources"]) <= ids for s in summary["sentences"])


@pytest.mark.parametrize("fmt", ["text", "markdown"])
@pytest.mark.parametrize("name", FILES)
def test_every_cluster_renders_as_text_and_markdown(name, fmt):
    path = shared_file(name)
    expected = sum(1 for line in path.open(encoding="utf-8") if line.strip())
    result = summarize_file(path, "--format", fmt)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    marker = "\nSources:\n" if fmt == "text" else "\n### Sources\n"
    assert result.stdout.count(marker) == expected
