"""The story view end to end: panels are grounded in the sources and every format renders."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storysum.cli import main
from storysum.story import story
from storysum.story.markdown import render_story

EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "hafenbrand"


@pytest.fixture(scope="module")
def hafenbrand():
    return story([EXAMPLE])


def _article_texts(result) -> dict[str, str]:
    return {a.id: a.text for a in result.summary.articles}


def test_event_line_is_taken_from_a_source_and_sized(hafenbrand):
    event = hafenbrand.event
    assert event is not None
    assert 20 <= len(event.text.split()) <= 40
    texts = _article_texts(hafenbrand)
    by_index = {s["index"]: s for s in hafenbrand.sentences}
    for index in event.sentences:  # every sentence of the event line occurs verbatim in its article
        cited = by_index[index]
        assert cited["text"] in event.text and cited["text"] in texts[cited["article"]]
    assert set(event.outlets) <= set(texts)


def test_consensus_claims_are_carried_by_most_outlets(hafenbrand):
    total = len(hafenbrand.summary.articles)
    assert hafenbrand.consensus
    supports = [c.support for c in hafenbrand.consensus]
    assert supports == sorted(supports, reverse=True)
    for claim in hafenbrand.consensus:
        assert claim.support == len(claim.outlets) >= (total + 1) // 2
        assert len(set(claim.outlets)) == len(claim.outlets)


def test_single_source_claims_name_one_outlet_and_occur_there(hafenbrand):
    texts = _article_texts(hafenbrand)
    assert hafenbrand.single_source
    for claim in hafenbrand.single_source:
        assert len(claim.outlets) == 1 and claim.text in texts[claim.outlets[0]]
    consensus_texts = {c.text for c in hafenbrand.consensus}
    assert not consensus_texts & {c.text for c in hafenbrand.single_source}


def test_every_cited_sentence_is_listed_with_its_article(hafenbrand):
    listed = {s["index"] for s in hafenbrand.sentences}
    cited = {s.index for s in hafenbrand.summary.sentences}
    for panel in (hafenbrand.consensus, hafenbrand.single_source, hafenbrand.quotes, hafenbrand.timeline):
        for item in panel:
            cited.update(item.sentences)
    assert cited <= listed
    texts = _article_texts(hafenbrand)
    assert all(s["text"] in texts[s["article"]] for s in hafenbrand.sentences)


def test_one_article_has_no_comparison_panels(tmp_path):
    (tmp_path / "a.txt").write_text(
        "Stadtrat beschließt neuen Radweg\n\nDer Stadtrat von Kleinhausen hat am Dienstag einen neuen "
        "Radweg beschlossen. Er soll 2,4 Millionen Euro kosten. Bürgermeisterin Anna Wolf sagte: "
        "„Das ist ein guter Tag für alle, die Rad fahren.“ Der Bau beginnt im Frühjahr.\n",
        encoding="utf-8",
    )
    result = story([tmp_path])
    assert result.consensus == [] and result.single_source == []
    assert any("only one article" in w for w in result.summary.warnings)
    for fmt in ("markdown", "json", "html"):
        assert "Radweg" in render_story(result, fmt)


def test_cli_story_json_has_every_panel(tmp_path, capsys):
    out = tmp_path / "story.json"
    assert main(["story", str(EXAMPLE), "--format", "json", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    for key in ("event", "summary", "consensus", "single_source", "quotes", "figures", "dates",
                "conflicts", "timeline", "entities", "sentences"):
        assert key in data
    assert data["summary"]["sentences"]


def test_cli_story_markdown_shows_every_panel_heading(capsys):
    assert main(["story", str(EXAMPLE)]) == 0
    text = capsys.readouterr().out
    for heading in ("Summary", "Consensus", "Single-source", "Quotes", "Numbers", "Dates",
                    "Conflicts", "Timeline", "Entities", "Sources"):
        assert f"## {heading}" in text


def test_cli_story_refuses_several_clusters(tmp_path, capsys):
    data = tmp_path / "two.jsonl"
    lines = [{"id": f"c{i}", "documents": [{"id": "a", "text": "Ein Satz über nichts. Noch ein Satz hier."}]}
             for i in range(2)]
    data.write_text("\n".join(json.dumps(x) for x in lines) + "\n", encoding="utf-8")
    assert main(["story", str(data)]) == 2
    assert "one cluster" in capsys.readouterr().err


def test_cli_story_names_an_empty_file(tmp_path, capsys):
    empty = tmp_path / "leer.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["story", str(empty)]) == 1
    err = capsys.readouterr().err
    assert "leer.txt" in err and "Traceback" not in err


def test_an_outlet_that_disputes_a_value_never_counts_as_carrying_it(hafenbrand):
    """wochenpost dates the fire to Wednesday: no claim dated Thursday may list it as support."""
    disputed = {i for c in hafenbrand.conflicts for v in c.values for i in v.sentences}
    against = {}
    for conflict in hafenbrand.conflicts:
        for value in conflict.values:
            for i in value.sentences:
                against[i] = {o for v in conflict.values if v is not value for o in v.outlets}
    assert any("wochenpost" in o for o in against.values())
    for claim in hafenbrand.consensus:
        for i in set(claim.sentences[:1]) & disputed:
            assert not set(claim.outlets) & against[i], claim
    if hafenbrand.event:
        assert "wochenpost" not in hafenbrand.event.outlets or "Donnerstag" not in hafenbrand.event.text


def test_impossible_dates_are_not_dates_and_do_not_stop_the_story(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("Brand im Hafen\n\nAm 31. Februar 2024 brannte es in der Halle. "
                                    "Am 30.02.2024 kamen 40 Feuerwehrleute. Die Nummer 0000-01-05 ist kein Tag.\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("Brand im Hafen\n\nAm 29. Februar 2023 brannte es in der Halle, sagte die "
                                    "Polizei. Rund 40 Feuerwehrleute waren im Einsatz.\n", encoding="utf-8")
    assert main(["story", str(tmp_path), "--format", "json"]) == 0
    dates = json.loads(capsys.readouterr().out)["dates"]
    assert not any(d["date"] and d["date"].startswith(("2024-02-3", "2023-02-29", "0000")) for d in dates)


def test_unwritable_output_and_bad_gold_file_are_one_line_errors(tmp_path, capsys):
    assert main(["story", str(EXAMPLE), "-o", str(tmp_path / "missing" / "story.md")]) == 1
    assert "cannot write" in capsys.readouterr().err
    assert main(["story", str(EXAMPLE), "--gold", str(tmp_path / "none.json")]) == 1
    assert "gold file" in capsys.readouterr().err
    broken = tmp_path / "gold.json"
    broken.write_text('{"quotes": [{"text": "ohne Sprecher"}]}', encoding="utf-8")
    assert main(["story", str(EXAMPLE), "--gold", str(broken)]) == 1
    err = capsys.readouterr().err
    assert "gold.json" in err and "speaker" in err and "Traceback" not in err


def test_an_outlet_giving_another_figure_is_not_counted_as_support(tmp_path):
    from storysum.model import Article

    articles = [
        Article(id="a", date="2024-02-29", text="The bridge closed yesterday. Repairs to the old bridge cost 5 million dollars."),
        Article(id="b", date="2024-02-29", text="The bridge closed on Wednesday. Repairs to the old bridge cost 6 million dollars."),
        Article(id="c", date="2024-02-29", text="The bridge shut on Wednesday. The repair bill for the old bridge is 5 million dollars."),
    ]
    result = story(articles)
    assert any({v.value for v in c.values} == {"5000000", "6000000"} for c in result.conflicts)
    for item in [*result.consensus, *result.summary.sentences]:
        text = item.text
        outlets = item.outlets if hasattr(item, "outlets") else item.sources
        if "5 million" in text:
            assert "b" not in outlets, item
        if "6 million" in text:
            assert not {"a", "c"} & set(outlets), item


def test_event_line_keeps_a_short_lead_with_the_sentence_that_continues_it():
    """`Ein Großbrand hat eine Lagerhalle zerstört. Er brach gegen Mitternacht … aus`: the second
    sentence is no summary candidate on its own (it points back), but read after its lead it is
    the event line's where and when."""
    from storysum import Article
    from storysum.model import Cluster
    from storysum.story.build import build_story

    articles = [
        Article(id="a", source="a", text="Ein Großbrand hat eine Lagerhalle zerstört. Er brach gegen Mitternacht im "
                "Rostocker Hafen aus, 120 Einsatzkräfte der Feuerwehr waren vor Ort.\n\nDie Polizei ermittelt."),
        Article(id="b", source="b", text="Ein Brand hat eine Lagerhalle zerstört. Er brach gegen Mitternacht im "
                "Rostocker Hafen aus, 120 Einsatzkräfte waren im Einsatz.\n\nDie Polizei ermittelt wegen Brandstiftung."),
    ]
    event = build_story(Cluster(id="x", articles=articles)).to_dict()["event"]
    assert "Rostocker Hafen" in event["text"] and event["text"].startswith("Ein ")
