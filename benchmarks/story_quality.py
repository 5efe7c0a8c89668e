"""Precision and recall of every story-view panel against the gold files in examples/gold/.

    python benchmarks/story_quality.py                      # the bundled examples (development data)
    python benchmarks/story_quality.py --heldout            # tests/data/story_heldout (held-out data)
    python benchmarks/story_quality.py --dir tests/data/story_heldout3   # any folder with a gold/ subfolder

Prints a Markdown table (cluster × panel: P / R, found / gold), the speaker accuracy of the
quotes found, and the event line check. The same scoring is asserted in tests/test_story_gold.py.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PANELS = ("quotes", "indirect", "figures", "dates", "conflicts", "conflict_values", "consensus", "single_source",
          "timeline", "entities")


def main() -> None:
    import argparse

    from storysum.story import story
    from storysum.story.score import load_gold, score_story, speaker_accuracy

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--heldout", action="store_true", help="score the held-out clusters")
    parser.add_argument("--dir", type=Path, default=None,
                        help="a folder of clusters with a gold/ subfolder (tests/data/story_heldout3)")
    args = parser.parse_args()
    base = args.dir or (ROOT / "tests" / "data" / "story_heldout" if args.heldout else ROOT / "examples")
    print("| cluster | " + " | ".join(PANELS) + " | speakers | event line |")
    print("|---|" + "---|" * (len(PANELS) + 2))
    for path in sorted((base / "gold").glob("*.json")):
        gold = load_gold(path)
        result = story([base / path.stem])
        scores = score_story(result, gold)
        cells = []
        for panel in PANELS:
            s = scores.get(panel)
            cells.append(f"{s.precision:.2f} / {s.recall:.2f} ({s.predicted}/{s.gold})" if s else "–")
        event = scores.get("event", {})
        event_cell = f"{event.get('mentions_met')}/{event.get('mentions')} mentions, {event.get('words')} words"
        speakers = speaker_accuracy(result, gold.get("quotes", []))
        print(f"| {path.stem} | " + " | ".join(cells) + f" | {speakers:.2f} | {event_cell} |")


if __name__ == "__main__":
    main()
