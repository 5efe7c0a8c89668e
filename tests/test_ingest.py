import json
import subprocess
import sys

from storysum import summarize
from storysum.ingest import read_inputs


def test_folder_is_read_recursively_in_name_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("Titel\n\nEin Satz mit Inhalt über das Treffen.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Titel\n\nNoch ein Satz mit Inhalt über das Treffen.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Titel\n\nDritter Satz mit Inhalt über das Treffen.", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("versteckt", encoding="utf-8")
    clusters, skipped = read_inputs([str(tmp_path)])
    assert [a.id for a in clusters[0].articles] == ["a", "z", "c"]
    assert not skipped


def test_every_format_of_the_example_is_read(example_dir):
    clusters, skipped = read_inputs([str(example_dir)])
    assert not skipped
    articles = {a.id: a for a in clusters[0].articles}
    assert set(articles) == {"agentur", "nordkurier", "rundfunk", "tagesblatt", "wochenpost"}
    html = articles["rundfunk"]
    assert html.title and html.date == "2026-04-24"  # both from the page metadata
    assert "<p>" not in html.text and "Cookie" not in html.text
    assert articles["agentur"].source  # from the JSON object
    assert "![" not in articles["wochenpost"].text  # Markdown image gone


def test_unreadable_inputs_are_skipped_by_name_with_a_reason(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4\n...")
    (tmp_path / "page.html").write_text("<html><body><nav>Menü</nav></body></html>", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("Titel\n\nEin Satz mit echtem Inhalt über den Gipfel.", encoding="utf-8")
    summary = summarize([tmp_path, tmp_path / "missing.txt"])
    reasons = {s.path.rsplit("/", 1)[-1]: s.reason for s in summary.skipped}
    assert reasons["empty.txt"] == "empty file"
    assert "PDF" in reasons["scan.pdf"]
    assert "article text" in reasons["page.html"]
    assert "no such file" in reasons["missing.txt"]
    assert [a.id for a in summary.articles] == ["ok"]


def test_file_above_the_size_limit_is_refused(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("Ein Satz. " * 2000, encoding="utf-8")
    clusters, skipped = read_inputs([str(big)], max_bytes=1000)
    assert not clusters
    assert "too large" in skipped[0].reason


def test_jsonl_cluster_file_gives_one_cluster_per_line(tmp_path):
    lines = [
        {"id": f"C{i}", "lang": "de", "query": "Gipfel" if i else None,
         "documents": [{"id": f"d{i}{j}", "text": f"Ein Satz Nummer {j} über das Treffen."} for j in range(3)],
         "summaries": ["Referenz."]}
        for i in range(2)
    ]
    path = tmp_path / "data.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    clusters, _ = read_inputs([str(path)])
    assert [c.id for c in clusters] == ["C0", "C1"]
    assert clusters[1].query == "Gipfel" and clusters[0].references == ["Referenz."]
    assert [a.id for a in clusters[0].articles] == ["d00", "d01", "d02"]


def test_duplicate_file_names_get_unique_ids(tmp_path):
    for folder in ("x", "y"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "dpa.txt").write_text("Titel\n\nEin Satz über das Treffen.", encoding="utf-8")
    clusters, _ = read_inputs([str(tmp_path)])
    assert [a.id for a in clusters[0].articles] == ["dpa", "dpa-2"]


def test_stdin_is_an_input(example_dir):
    text = (example_dir / "tagesblatt.txt").read_bytes()
    result = subprocess.run([sys.executable, "-m", "storysum.cli", "summarize", "-", "--format", "json"],
                            input=text, capture_output=True, check=False)
    assert result.returncode == 0, result.stderr.decode()
    data = json.loads(result.stdout)
    assert data["articles"][0]["id"] == "stdin"
    assert data["sentences"]
