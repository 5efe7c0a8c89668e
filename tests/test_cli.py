"""The command line as a user runs it (a real subprocess)."""

import json
import subprocess
import sys

import pytest


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "storysum.cli", *map(str, args)],
                          capture_output=True, text=True, input=stdin, check=False)


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_summarize_example_in_every_format(example_dir, fmt):
    result = run("summarize", example_dir, "--format", fmt)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    if fmt == "json":
        data = json.loads(result.stdout)
        assert data["lang"] == "de" and len(data["articles"]) == 5
        assert all(s["sources"] for s in data["sentences"])
    else:
        assert "/5:" in result.stdout  # support labels
        assert "tagesblatt" in result.stdout


def test_output_file_and_sentence_budget(example_dir, tmp_path):
    out = tmp_path / "summary.json"
    result = run("summarize", example_dir, "--sentences", "2", "--format", "json", "-o", out)
    assert result.returncode == 0 and result.stdout == ""
    assert len(json.loads(out.read_text(encoding="utf-8"))["sentences"]) == 2


def test_missing_input_is_a_partial_success_named_on_stderr(example_dir):
    result = run("summarize", example_dir, "nowhere.txt")
    assert result.returncode == 3
    assert "storysum: skipped nowhere.txt: no such file or folder" in result.stderr
    assert result.stdout


def test_nothing_readable_fails_with_one_line(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = run("summarize", empty)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "empty.txt: empty file" in result.stderr


def test_unknown_method_is_a_usage_error(example_dir):
    result = run("summarize", example_dir, "--method", "magic")
    assert result.returncode == 2
    assert "invalid choice" in result.stderr


def test_jsonl_clusters_give_jsonl(tmp_path):
    records = [
        {"id": f"C{i}", "lang": "en", "documents": [
            {"id": f"d{j}", "text": f"The council approved budget number {i} on Monday. Officials said item {j} would follow soon."}
            for j in range(3)], "summaries": ["x"]}
        for i in range(2)
    ]
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    result = run("summarize", path)
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert [line["cluster_id"] for line in lines] == ["C0", "C1"]


def test_evaluate_prints_rouge_and_oracle_beats_lead(tmp_path):
    ref = "The council approved the new budget on Monday after a long debate about schools."
    record = {"id": "T1", "lang": "en", "summaries": [ref], "documents": [
        {"id": "a", "text": "Weather was fine in the city. " + ref + " Some residents protested outside."},
        {"id": "b", "text": "A local team won its match. The council approved the budget on Monday."},
    ]}
    path = tmp_path / "t.jsonl"
    path.write_text(json.dumps(record), encoding="utf-8")
    result = run("evaluate", path, "--method", "all", "--words", "20", "--format", "json")
    assert result.returncode == 0, result.stderr
    rows = {r["method"]: r for r in json.loads(result.stdout)}
    assert rows["oracle"]["scores"]["R2-R"] > 0.5
    assert rows["oracle"]["scores"]["R2-R"] >= rows["lead"]["scores"]["R2-R"]
