"""The story page as a reader sees it: rendered in headless Chromium from file://, checked for
what is visible, where links lead, that hostile article text stays text, and that nothing is
fetched. Plain tests check the same promises on the HTML string without a browser."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from storysum.model import Article, Summary, SummarySentence
from storysum.story.html import PANELS, render_story_html
from storysum.story.html_panels import slug
from storysum.story.model import (
    Claim,
    Conflict,
    ConflictValue,
    DateMention,
    Entity,
    Figure,
    Quote,
    Story,
    TimelineEvent,
)

CHROMIUM = Path("/usr/bin/chromium")
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", "--no-first-run"]

SCRIPT = "<script>alert(1)</script>"
HOSTILE_SOURCE = 'Nord</div>kurier "onmouseover="alert(2)'
HOSTILE_SENTENCE = f"Ein Leser schrieb {SCRIPT} und </div> sowie &amp; in den Kommentar."
HOSTILE_ID = 'böse id"<b>'  # an article id that is not a safe anchor as it is

S_FIRE = "Das Feuer brach am Donnerstag gegen 22.40 Uhr in der Kühlhalle am Nordkai aus."
S_FIRE_2 = "Am Donnerstagabend gegen 22.40 Uhr brach in der Kühlhalle am Nordkai ein Feuer aus."
S_QUOTE = "„Das Dach drohte jederzeit einzustürzen“, sagte Kreisbrandmeister Jörg Hansing."
S_STAFF_A = "Am Standort arbeiten 120 Beschäftigte."
S_STAFF_B = "Rund 150 Beschäftigte arbeiten am Nordkai."
S_DAMAGE = "Der Schaden wird auf 34 Millionen Euro geschätzt."


def _articles() -> list[Article]:
    return [
        Article("tagesblatt", "…", title="Großbrand im Hafen: Kühlhalle brennt aus", source="Tagesblatt",
                date="2026-04-24", lang="de"),
        Article("nordkurier", "…", title='Nach dem Feuer: „Ermittler“ prüfen <b>Sprinkler</b>',
                source=HOSTILE_SOURCE, date="2026-04-25", lang="de"),
        Article(HOSTILE_ID, "…", title=f"Titel mit {SCRIPT}", source=None, date="2026-04-29", lang="de"),
    ]


def _sentences() -> list[dict]:
    return [
        {"index": 3, "text": S_FIRE, "article": "tagesblatt", "position": 1},
        {"index": 4, "text": S_QUOTE, "article": "tagesblatt", "position": 2},
        {"index": 5, "text": S_STAFF_A, "article": "tagesblatt", "position": 3},
        {"index": 11, "text": S_FIRE_2, "article": "nordkurier", "position": 0, "supports": [3]},
        {"index": 12, "text": S_STAFF_B, "article": "nordkurier", "position": 1},
        {"index": 13, "text": S_DAMAGE, "article": "nordkurier", "position": 2},
        {"index": 20, "text": HOSTILE_SENTENCE, "article": HOSTILE_ID, "position": 0},
    ]


def _summary(articles: list[Article]) -> Summary:
    sentences = [
        SummarySentence(S_FIRE, "tagesblatt", ["tagesblatt", "nordkurier"], 2, 3, "de"),
        SummarySentence(S_QUOTE, "tagesblatt", ["tagesblatt"], 1, 4, "de"),
        SummarySentence(HOSTILE_SENTENCE, HOSTILE_ID, [HOSTILE_ID, "tagesblatt"], 2, 20, "de"),
    ]
    return Summary("hafen<i>brand</i>", "de", "coverage", sentences, articles,
                   warnings=["Nur ein Artikel auf <em>Englisch</em>"])


def full_story() -> Story:
    """A hand-built story with every panel filled, German text and hostile markup everywhere."""
    articles = _articles()
    fire = Claim(S_FIRE, ["tagesblatt", "nordkurier"], [3, 11], 2)
    return Story(
        cluster_id="hafen<i>brand</i>", lang="de", event=fire, summary=_summary(articles),
        consensus=[fire],
        single_source=[Claim(S_DAMAGE, ["nordkurier"], [13], 1),
                       Claim(HOSTILE_SENTENCE, [HOSTILE_ID], [20], 1)],
        quotes=[Quote("Das Dach drohte jederzeit einzustürzen", "Jörg Hansing", ["tagesblatt"], [4]),
                Quote("man habe <b>alles</b> versucht", None, [HOSTILE_ID], [20], indirect=True)],
        figures=[Figure(34_000_000, "EUR", "money", ["34 Millionen Euro"], S_DAMAGE, ["nordkurier"], [13],
                        about="Schaden")],
        dates=[DateMention("2026-04-23", ["am Donnerstag"], True, S_FIRE, ["tagesblatt"], [3], time="22:40")],
        conflicts=[Conflict("Beschäftigte am Standort", "figure",
                            [ConflictValue("120", ["tagesblatt"], [5]),
                             ConflictValue("150", ["nordkurier"], [12]),
                             ConflictValue('"onmouseover="alert(3)', [HOSTILE_ID], [20])])],
        timeline=[TimelineEvent("2026-04-23 22:40", S_FIRE, ["tagesblatt", "nordkurier"], [3, 11])],
        entities=[Entity("Jörg Hansing", "person", ["tagesblatt", "nordkurier"], 3, ["Hansing"]),
                  Entity("</div><img src=x>", "other", [HOSTILE_ID], 1)],
        sentences=_sentences(),
    )


def empty_story() -> Story:
    """A story whose panels all came back empty: every panel must still say so."""
    summary = Summary("leer", "de", "coverage", [], _articles()[:1])
    return Story("leer", "de", None, summary, [], [], [], [], [], [], [], [], [])


class _Tags(HTMLParser):
    """Every start tag with its attributes, to check what the page would load or run."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(page: str) -> list[tuple[str, dict]]:
    parser = _Tags()
    parser.feed(page)
    return parser.tags


# --- plain tests on the HTML string -------------------------------------------------------------

def test_page_has_no_external_resources() -> None:
    page = render_story_html(full_story())
    assert "http://" not in page and "https://" not in page
    assert "<link" not in page.lower()
    tags = _tags(page)
    names = [t for t, _ in tags]
    assert "script" not in names and "img" not in names and "iframe" not in names
    for tag, attrs in tags:
        assert "src" not in attrs, tag
        assert all(not k.startswith("on") for k in attrs), (tag, attrs)
        if "href" in attrs:
            assert attrs["href"].startswith("#"), attrs["href"]


def test_page_declares_charset_language_and_policy() -> None:
    page = render_story_html(full_story())
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="de">' in page and '<meta charset="utf-8">' in page
    assert "default-src 'none'" in page
    assert "<style>" in page and ".badge" in page  # the style sheet is inlined


def test_hostile_text_is_escaped_in_the_source() -> None:
    page = render_story_html(full_story())
    assert SCRIPT not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&amp;amp;" in page  # a literal "&amp;" in article text stays literal
    assert '"onmouseover=' not in page and "&quot;onmouseover=" in page
    assert "<b>" not in page and "<em>Englisch" not in page and "<i>brand" not in page


def test_every_link_has_its_target() -> None:
    page = render_story_html(full_story())
    tags = _tags(page)
    ids = {a["id"] for _, a in tags if "id" in a}
    hrefs = {a["href"][1:] for _, a in tags if "href" in a}
    assert hrefs <= ids, hrefs - ids
    assert {"src-tagesblatt-3", "src-nordkurier-11"} <= hrefs  # origin and supporting passage
    assert all(re.fullmatch(r"[A-Za-z0-9_-]+", i) for i in ids), ids


def test_summary_outlet_without_known_passage_links_to_its_article() -> None:
    page = render_story_html(full_story())
    item = re.search(r'<li id="sum-3">.*?</li>', page, re.S).group()
    # tagesblatt supports the hostile sentence, but no passage of it is marked as supporting it
    assert 'href="#art-tagesblatt"' in item and f'href="#src-{slug(HOSTILE_ID)}-20"' in item


def test_supporting_passage_found_by_claim_or_by_supports_mark() -> None:
    """A summary sentence's other outlets reach their own wording either through a claim that
    groups the sentences or through a passage marked `supports`."""
    by_claim = full_story()
    by_claim.sentences = [{k: v for k, v in p.items() if k != "supports"} for p in by_claim.sentences]
    by_mark = full_story()
    by_mark.event, by_mark.consensus, by_mark.timeline = None, [], []
    for story in (by_claim, by_mark):
        item = re.search(r'<li id="sum-1">.*?</li>', render_story_html(story), re.S).group()
        assert 'href="#src-nordkurier-11"' in item


def test_empty_panels_say_none_found() -> None:
    page = render_story_html(empty_story())
    assert page.count("None found.") == len(PANELS) - 1  # every panel but Sources
    assert "No passage cited." in page


# --- in the browser -----------------------------------------------------------------------------

@pytest.fixture(scope="module")
def browser():
    sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    with sync_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_ARGS)
        yield chromium
        chromium.close()


def _open(browser, story: Story, tmp_path: Path, requests: list[str] | None = None):
    """The page rendered to a file and opened from file://, as a user opening the download."""
    path = tmp_path / "story.html"
    path.write_text(render_story_html(story), encoding="utf-8")
    page = browser.new_page(viewport={"width": 1200, "height": 800})
    if requests is not None:
        page.on("request", lambda r: requests.append(r.url))
    page.goto(path.as_uri())
    return page


def test_reader_sees_summary_with_support_and_outlets(browser, tmp_path: Path) -> None:
    page = _open(browser, full_story(), tmp_path)
    summary = page.inner_text("#summary")
    for sentence in (S_FIRE, S_QUOTE, HOSTILE_SENTENCE):
        assert sentence in summary
    assert "2/3" in summary and "1/3" in summary
    assert "Tagesblatt" in summary and HOSTILE_SOURCE in summary
    assert page.locator("h1").count() == 1 and S_FIRE in page.inner_text("h1")
    page.close()


def test_hostile_text_shows_as_literal_text(browser, tmp_path: Path) -> None:
    page = _open(browser, full_story(), tmp_path)
    text = page.inner_text("body")
    for hostile in (SCRIPT, "</div>", "&amp;", '"onmouseover="alert(2)', "</div><img src=x>",
                    f"Titel mit {SCRIPT}", "<b>Sprinkler</b>", "hafen<i>brand</i>"):
        assert hostile in text, hostile
    assert page.query_selector("script") is None
    assert page.query_selector("img") is None and page.query_selector("b") is None
    assert page.query_selector("[onmouseover]") is None
    assert page.query_selector("[onerror]") is None
    page.close()


def test_outlet_link_leads_to_visible_source_passage(browser, tmp_path: Path) -> None:
    page = _open(browser, full_story(), tmp_path)
    first = page.locator("#sum-1")
    for outlet_id, name, passage in (("tagesblatt", "Tagesblatt", S_FIRE), ("nordkurier", HOSTILE_SOURCE, S_FIRE_2)):
        first.get_by_role("link", name=name, exact=True).click()
        target = page.locator(":target")
        assert page.url.endswith(f"#src-{outlet_id}-{3 if outlet_id == 'tagesblatt' else 11}")
        assert target.is_visible() and passage in target.inner_text()
        assert target.evaluate("e => { const r = e.getBoundingClientRect(); "
                               "return r.top >= -1 && r.bottom <= window.innerHeight + 1; }")
        page.evaluate("window.scrollTo(0, 0)")
    page.close()


def test_odd_article_id_link_reaches_its_passage(browser, tmp_path: Path) -> None:
    page = _open(browser, full_story(), tmp_path)
    page.locator("#sum-3").get_by_role("link", name=HOSTILE_ID, exact=True).click()
    target = page.locator(":target")
    assert target.is_visible() and HOSTILE_SENTENCE in target.inner_text()
    page.close()


def test_umlauts_and_quotes_render(browser, tmp_path: Path) -> None:
    page = _open(browser, full_story(), tmp_path)
    text = page.inner_text("body")
    assert "„Das Dach drohte jederzeit einzustürzen“" in text and "Jörg Hansing" in text
    assert "Beschäftigte am Standort" in text and "Großbrand im Hafen" in text
    assert "Ã" not in text  # no UTF-8 read as Latin-1
    assert page.evaluate("document.characterSet") == "UTF-8"
    assert page.evaluate("document.documentElement.lang") == "de"
    page.close()


def test_no_network_request_is_made(browser, tmp_path: Path) -> None:
    requests: list[str] = []
    page = _open(browser, full_story(), tmp_path, requests)
    page.locator("#sum-1 a").first.click()
    page.wait_for_load_state("load")
    assert requests and all(u.startswith(("file://", "data:")) for u in requests), requests
    page.close()


def test_every_panel_heading_is_visible(browser, tmp_path: Path) -> None:
    page = _open(browser, full_story(), tmp_path)
    for anchor, title in PANELS:
        heading = page.locator(f"#{anchor} > h2")
        assert heading.is_visible() and heading.inner_text() == title
    panels = {a: page.inner_text(f"#{a}") for a, _ in PANELS}
    assert "34 Millionen Euro" in panels["numbers"] and "Schaden" in panels["numbers"]
    assert "2026-04-23 22:40" in panels["dates"] and "am Donnerstag" in panels["dates"]
    assert "reported speech" in panels["quotes"] and "unknown speaker" in panels["quotes"]
    assert "2/3" in panels["entities"] and "Hansing" in panels["entities"]
    assert "2026-04-23 22:40" in panels["timeline"]
    assert "Großbrand im Hafen: Kühlhalle brennt aus" in panels["sources"]
    page.close()


def test_conflicting_values_stand_side_by_side(browser, tmp_path: Path) -> None:
    page = _open(browser, full_story(), tmp_path)
    boxes = [v.bounding_box() for v in page.locator("#conflicts .value").all()]
    assert len(boxes) == 3
    assert len({round(b["y"]) for b in boxes}) == 1 and len({round(b["x"]) for b in boxes}) == 3
    texts = [v.inner_text() for v in page.locator("#conflicts .value").all()]
    assert "120" in texts[0] and "Tagesblatt" in texts[0] and S_STAFF_A in texts[0]
    assert "150" in texts[1] and S_STAFF_B in texts[1]
    page.close()


def test_empty_panels_are_visible_as_none_found(browser, tmp_path: Path) -> None:
    page = _open(browser, empty_story(), tmp_path)
    for anchor, _ in PANELS[:-1]:
        assert page.locator(f"#{anchor} .none").is_visible()
        assert "None found." in page.inner_text(f"#{anchor}")
    page.close()


def test_real_example_end_to_end(browser, tmp_path: Path, example_dir: Path) -> None:
    from storysum.story import story

    real = story([example_dir])
    requests: list[str] = []
    page = _open(browser, real, tmp_path, requests)
    text = page.inner_text("body")
    total = len(real.summary.articles)
    assert real.summary.sentences
    for s in real.summary.sentences:
        assert s.text in text and f"{s.support}/{total}" in text
    page.locator("#sum-1 a").first.click()
    target = page.locator(":target")
    assert target.is_visible() and real.summary.sentences[0].text in target.inner_text()
    assert all(u.startswith(("file://", "data:")) for u in requests), requests
    assert "http://" not in page.content() and "https://" not in page.content()
    page.close()
