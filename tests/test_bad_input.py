"""Messy input with defined behaviour: every case is summarised, or skipped by name with a reason."""

import os
from pathlib import Path

import pytest

from storysum import Article, summarize
from storysum.ingest import read_inputs

BODY = ("Der Hafen von Brakenwerder bleibt nach dem Großbrand bis Montag gesperrt. "
        "Die Polizei ermittelt weiter zur Ursache des Feuers in der Kühlhalle. "
        "Zwei Feuerwehrleute wurden bei den Löscharbeiten leicht verletzt.")


def write(folder, name, data: bytes):
    path = folder / name
    path.write_bytes(data)
    return path


def test_folder_with_every_kind_of_broken_file(tmp_path):
    write(tmp_path, "a_ok.txt", f"Titel\n\n{BODY}".encode())
    write(tmp_path, "b_latin1.txt", f"Überschrift\n\n{BODY}".encode("latin-1"))
    write(tmp_path, "c_cp1252.txt", f"„Titel“\n\n{BODY} Der Schaden: 34 Mio. €.".encode("cp1252"))
    write(tmp_path, "d_bom.txt", b"\xef\xbb\xbf" + f"Titel\n\n{BODY}".encode())
    write(tmp_path, "e_utf16.txt", f"Titel\n\n{BODY}".encode("utf-16"))
    write(tmp_path, "f_empty.txt", b"")
    write(tmp_path, "g_blank.txt", b" \n\n\t ")
    write(tmp_path, "h_photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    write(tmp_path, "i_nav.html", b"<html><body><nav><a href='/'>Startseite</a></nav></body></html>")
    write(tmp_path, "j_emoji.txt", "🔥🔥🔥\n***\n---".encode())
    os.symlink(tmp_path / "gone.txt", tmp_path / "k_broken_link.txt")
    summary = summarize([tmp_path])
    used = {a.id for a in summary.articles}
    assert used == {"a_ok", "b_latin1", "c_cp1252", "d_bom", "e_utf16"}
    reasons = {s.path.rsplit("/", 1)[-1]: s.reason for s in summary.skipped}
    assert set(reasons) == {"f_empty.txt", "g_blank.txt", "h_photo.jpg", "i_nav.html", "j_emoji.txt",
                            "k_broken_link.txt"}
    assert "cannot read" in reasons["k_broken_link.txt"]
    assert "JPEG" in reasons["h_photo.jpg"]
    # the decoded legacy encodings really are German, not mojibake
    assert all("Ã" not in s.text for s in summary.sentences)


def test_fifty_megabyte_file_is_refused_by_name(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        chunk = (BODY + "\n").encode() * 1000
        while handle.tell() < 50 * 1024 * 1024:
            handle.write(chunk)
    write(tmp_path, "small.txt", f"Titel\n\n{BODY}".encode())
    clusters, skipped = read_inputs([str(tmp_path)])
    assert [a.id for a in clusters[0].articles] == ["small"]
    assert skipped[0].path.endswith("huge.txt") and "too large" in skipped[0].reason


def test_two_thousand_article_folder(tmp_path):
    for i in range(2000):
        write(tmp_path, f"{i:04d}.txt", f"Meldung {i}\n\n{BODY} Die Meldung trägt die Nummer {i}.".encode())
    summary = summarize([tmp_path], words=60)
    assert len(summary.articles) == 2000 and not summary.skipped
    assert summary.words <= 60
    assert max(s.support for s in summary.sentences) >= 1000  # the same story, counted not repeated


def test_one_sentence_articles_and_a_400_word_sentence():
    long_sentence = "Der Bericht nennt " + ", ".join(f"Punkt {i} der Liste" for i in range(130)) + "."
    articles = [Article(id="short1", text="Die Feuerwehr hat den Brand im Hafen gelöscht."),
                Article(id="short2", text="Der Brand im Hafen von Brakenwerder ist gelöscht."),
                Article(id="long", text=long_sentence)]
    summary = summarize(articles, words=50)
    assert summary.sentences and summary.words <= 50
    assert all(s.article != "long" for s in summary.sentences)


def test_all_caps_headline_and_punctuation_lines_never_reach_the_summary():
    text = f"GROSSBRAND IM HAFEN: KÜHLHALLE ZERSTÖRT\n\n!!!\n\n{BODY}\n\n…\n\n🔥 🚒"
    summary = summarize([Article(id="a", text=text), Article(id="b", text=BODY)], words=80)
    assert all(not s.text.isupper() and any(c.isalpha() for c in s.text) for s in summary.sentences)


def test_language_without_resources_still_summarised_with_a_warning():
    text = ("Il-kunsill lokali ltaqa' nhar it-Tnejn filgħaxija fil-belt. "
            "Ħafna residenti attendew il-laqgħa dwar it-triq il-ġdida. "
            "Is-sindku qal li l-proġett jibda x-xahar id-dieħel.")
    summary = summarize([Article(id="mt", text=text, lang="mt")], words=40)  # Maltese
    assert summary.sentences
    assert any("no stemmer or stopwords" in w for w in summary.warnings)


def test_unreadable_file_in_a_folder_is_named_and_the_rest_summarised(tmp_path):
    """A file without read permission: skipped by name with the reason, exit code 3 (partial).
    Root reads everything, so as root the command runs as user `nobody` (util-linux setpriv)."""
    import json
    import shutil
    import subprocess
    import sys
    import tempfile

    prefix: list[str] = []
    if os.geteuid() == 0:
        if not shutil.which("setpriv"):
            pytest.skip("running as root without setpriv: cannot drop the permission to read")
        prefix = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    folder = Path(tempfile.mkdtemp(dir="/tmp"))  # tmp_path is private to root
    try:
        folder.chmod(0o755)
        texts = {"offen.txt": "Der Stadtrat tagte am Montag lange. Er beschloss einen neuen Haushalt für 2027.",
                 "gesperrt.txt": "Dieser Text darf nicht gelesen werden. Niemand soll ihn sehen."}
        for name, text in texts.items():
            (folder / name).write_text(text, encoding="utf-8")
        (folder / "offen.txt").chmod(0o644)
        (folder / "gesperrt.txt").chmod(0o000)
        done = subprocess.run(prefix + [sys.executable, "-m", "storysum", "summarize", str(folder), "--format", "json"],
                              capture_output=True, text=True, timeout=120)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    assert done.returncode == 3, done.stderr
    assert "gesperrt.txt" in done.stderr and "Permission denied" in done.stderr and "Traceback" not in done.stderr
    result = json.loads(done.stdout)
    assert [a["id"] for a in result["articles"]] == ["offen"]
    assert [s["path"].rsplit("/", 1)[-1] for s in result["skipped"]] == ["gesperrt.txt"]
