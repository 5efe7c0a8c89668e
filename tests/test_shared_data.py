"""`storysum summarize` on every cluster of every evaluation file (all languages)."""

import json
import subprocess
import sys

import pytest

from conftest import shared_file


@pytest.mark.parametrize("name", ["duc2004.jsonl", "duc2006.jsonl", "multiling2011_pilot.jsonl", "mlmd_mixed.jsonl"])
def test_every_cluster_is_summarised(name):
    path = shared_file(name)
    expected = sum(1 for line in path.open(encoding="utf-8") if line.strip())
    result = subprocess.run([sys.executable, "-m", "storysum.cli", "summarize", str(path), "--words", "100"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == expected
    for summary in lines:
        assert summary["sentences"], summary["cluster_id"]
        assert summary["words"] <= 100 or len(summary["sentences"]) == 1
        ids = {a["id"] for a in summary["articles"]}
        assert all(set(s["sources"]) <= ids for s in summary["sentences"])
