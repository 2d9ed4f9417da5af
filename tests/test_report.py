"""The HTML report: what it gathers from a graph, that the page is self-contained and escaped,
the kg report command, and (in headless Chromium) that the page works for a reader."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from rdflib import Graph, Literal

from kg.cli import main
from kg.export import serialize
from kg.namespaces import RDFS
from kg.rdf import union_graph
from kg.report import (
    build_report,
    name_spans,
    reference_spans,
    render_report,
    segment,
    write_report,
)
from kg.validate import ValidationReport, Violation

VENDOR = Path(__file__).resolve().parent.parent / "kg" / "templates" / "vendor"


@pytest.fixture(scope="module")
def tiny_report(tiny_build):
    return build_report(tiny_build.dataset)


@pytest.fixture(scope="module")
def tiny_page(tiny_report) -> str:
    return render_report(tiny_report)


# --- what the report gathers ---------------------------------------------------------------------


def test_the_report_counts_what_the_graph_holds(tiny_build, tiny_report):
    counts = dict(tiny_report.counts)
    statements = {f.iri for f in tiny_report.facts}

    assert counts["documents"] == 2
    assert counts["facts"] == len(statements) > 0
    assert counts["readings"] == sum(len(f.readings) for f in tiny_report.facts)
    assert counts["triples"] == len(union_graph(tiny_build.dataset))
    assert counts["people"] == sum(e.type == "Person" for e in tiny_report.entities) >= 2


def test_each_fact_has_its_columns_and_readings(tiny_report):
    gave = next(f for f in tiny_report.facts if f.predicate == "gave")

    assert (gave.subject, gave.object) == ("Vladimir Putin", "rifle")
    assert ("recipient", "Kim Jong Un") in gave.roles
    assert 0 < gave.confidence <= 1 and gave.support == 1
    assert gave.factuality == ("asserted",)
    assert {r.source for r in gave.readings} == {"gift.txt"}
    assert [r.begin for r in gave.readings] == sorted(r.begin for r in gave.readings)
    reading = next(r for r in gave.readings
                   if "".join(s.text for s in r.segments).startswith("Russian President"))
    marked = {(s.kind, s.text) for s in reading.segments if s.kind != "text"}
    assert ("trigger", "gave") in marked
    assert ("entity", "Vladimir Putin") in marked
    assert ("entity", "Kim Jong Un") in marked


def test_the_picture_links_people_and_places_by_facts_weighted_by_support(tiny_report):
    nodes = {e["data"]["label"]: e["data"] for e in tiny_report.elements
             if "source" not in e["data"]}
    edges = [e["data"] for e in tiny_report.elements if "source" in e["data"]]
    ids = {data["id"] for data in nodes.values()}

    assert {"Kim Jong Un", "Vladimir Putin"} <= set(nodes)
    assert all(data["type"] in {"Person", "Organization", "Place"} for data in nodes.values())
    assert "rifle" not in nodes
    assert edges and all(e["source"] in ids and e["target"] in ids for e in edges)
    met = [e for e in edges if e["fact"] == "Kim Jong Un met Vladimir Putin"]
    assert met and met[0]["support"] == 1
    gave = [e for e in edges if e["fact"] == "Vladimir Putin gave rifle"]
    assert {e["label"] for e in gave} >= {"gave rifle (recipient)"}


def test_a_large_picture_keeps_the_best_linked_names_and_says_so(tiny_build, tiny_report):
    small = build_report(tiny_build.dataset, validate=False, picture_limit=2)
    nodes = [e["data"] for e in small.elements if "source" not in e["data"]]
    edges = [e["data"] for e in small.elements if "source" in e["data"]]
    ids = {n["id"] for n in nodes}

    assert tiny_report.linked > 2 and small.linked == tiny_report.linked
    assert 0 < len(nodes) <= 2
    assert {n["label"] for n in nodes} == {"Kim Jong Un", "Vladimir Putin"}
    assert edges and all(e["source"] in ids and e["target"] in ids for e in edges)
    assert f"of {small.linked} names" in render_report(small)
    assert "best-linked" not in render_report(tiny_report)


def test_entities_carry_aliases_and_types(tiny_report):
    kim = next(e for e in tiny_report.entities if e.label == "Kim Jong Un")

    assert kim.type == "Person"
    assert kim.mentions >= 2
    assert all(isinstance(alias, str) for alias in kim.aliases)


def test_the_shacl_result_is_shown_as_given():
    violation = Violation(focus="urn:x", label='"Putin gave rifle" <urn:x>', path="kg:evidence",
                          message="A fact needs evidence.", sentence=None, source="gift.txt")
    failing = build_report(Graph(), ValidationReport(conforms=False, violations=(violation,)))
    skipped = build_report(Graph(), validate=False)

    assert not failing.conforms and failing.violations == (violation.describe(),)
    assert "A fact needs evidence." in render_report(failing)
    assert not skipped.validated
    assert "not validated" in render_report(skipped)


def test_a_conforming_graph_says_so(tiny_report, tiny_page):
    assert tiny_report.validated and tiny_report.conforms
    assert "Conforms to the kg SHACL shapes" in tiny_page


# --- highlighting --------------------------------------------------------------------------------


def test_names_are_found_as_whole_words_in_any_case_with_endings():
    text = "Putin's rifle went to KIM; Kimberly and rifles too."

    found = {text[s:e] for s, e, _ in name_spans(text, ["Putin", "Kim", "rifle"])}

    assert found == {"Putin's", "rifle", "KIM", "rifles"}


def test_longer_names_win_over_their_parts():
    text = "Kim Jong Un met Kim."
    marks = name_spans(text, ["Kim", "Kim Jong Un"])

    assert [s.text for s in segment(text, marks) if s.kind == "entity"] == ["Kim Jong Un", "Kim"]


@given(st.text(max_size=60),
       st.lists(st.tuples(st.integers(-5, 70), st.integers(-5, 70),
                          st.sampled_from(["entity", "trigger"])), max_size=8))
def test_segments_join_back_to_the_text_and_never_overlap(text, marks):
    segments = segment(text, marks)

    assert "".join(s.text for s in segments) == text
    valid = {(start, end, kind) for start, end, kind in marks if 0 <= start < end <= len(text)}
    position = 0
    for part in segments:
        if part.kind != "text":  # each mark is one of those given, where it was given
            assert (position, position + len(part.text), part.kind) in valid
        position += len(part.text)
    if valid:
        assert any(part.kind != "text" for part in segments)


def _quotes(text: str) -> list[tuple[str, tuple]]:
    from helpers import corpus_of

    from kg.rdf import build_dataset

    report = build_report(build_dataset(corpus_of(text), "test-model"), validate=False)
    return [(fact.label, reading.segments) for fact in report.facts
            for reading in fact.readings]


def test_a_pronoun_that_stands_for_a_participant_is_highlighted_as_a_reference():
    quotes = _quotes("Lena Marsh arrived in Paris on Monday. She met Tom Reyes on Tuesday.")

    (met,) = [segments for label, segments in quotes if "met" in label]
    marked = [(s.text, s.kind, s.refers_to) for s in met if s.kind != "text"]
    assert ("She", "reference", "Lena Marsh") in marked
    assert ("Tom Reyes", "entity", None) in marked


def test_a_pronoun_is_not_marked_where_the_entity_is_named():
    quotes = _quotes("Lena Marsh arrived in Paris on Monday. She met Tom Reyes on Tuesday. "
                     "Tom Reyes said she had met Lena Marsh before.")

    for label, segments in quotes:
        names = {s.text for s in segments if s.kind == "entity"}
        references = [s for s in segments if s.kind == "reference"]
        assert not (references and {r.refers_to for r in references} & names), label


def test_reference_spans_are_whole_words_in_any_case():
    text = "He said the Company, not the company's heir, helped them."

    found = [(text[s:e], kind, who) for s, e, kind, who in
             reference_spans(text, ["he", "the company"], "Acme")]

    assert found == [("the Company", "reference", "Acme"), ("the company", "reference", "Acme"),
                     ("He", "reference", "Acme")]


# --- the page ------------------------------------------------------------------------------------


class _Loads(HTMLParser):
    """Every URL the page would fetch by itself: script, link, img, iframe sources."""

    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag in {"script", "img", "iframe", "audio", "video", "source", "embed"} and \
                values.get("src"):
            self.fetched.append(str(values["src"]))
        if tag == "link" and values.get("href") and not str(values["href"]).startswith("data:"):
            self.fetched.append(str(values["href"]))


def test_the_page_fetches_nothing_and_inlines_the_graph_library(tiny_page):
    parser = _Loads()
    parser.feed(tiny_page)

    assert parser.fetched == []
    assert parser.scripts == 3
    assert "The Cytoscape Consortium" in tiny_page
    assert "@import" not in tiny_page and "url(http" not in tiny_page


def test_the_graph_data_in_the_page_is_the_reports(tiny_report, tiny_page):
    raw = re.search(r'<script type="application/json" id="graph-data">(.*?)</script>',
                    tiny_page, re.S)

    assert raw is not None
    assert json.loads(raw.group(1)) == [dict(e) for e in tiny_report.elements]


def test_text_from_the_graph_is_escaped_everywhere(tiny_build):
    graph = union_graph(tiny_build.dataset)
    hostile = "</script><script>alert(1)</script><b>x</b>"
    putin = next(s for s, o in graph.subject_objects(RDFS.label) if str(o) == "Vladimir Putin")
    graph.remove((putin, RDFS.label, None))
    graph.add((putin, RDFS.label, Literal(hostile)))

    page = render_report(build_report(graph, validate=False))

    assert hostile not in page
    assert "&lt;/script&gt;&lt;script&gt;alert(1)" in page
    assert "\\u003c/script>" in page  # inside the graph's JSON
    assert page.count("<script") == 3


def test_the_vendored_library_is_the_published_file_named_in_its_readme():
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    digest = hashlib.sha256((VENDOR / "cytoscape.min.js").read_bytes()).hexdigest()

    assert f"`{digest}`" in readme
    assert (VENDOR / "cytoscape.LICENSE").read_text(encoding="utf-8").startswith("Copyright")


def test_write_report_is_atomic_and_leaves_no_temporary_file(tiny_build, tmp_path):
    target = tmp_path / "out" / "report.html"

    write_report(tiny_build.dataset, target, validate=False)

    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert [p.name for p in target.parent.iterdir()] == ["report.html"]


# --- kg report -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def graph_file(tiny_build, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "graph.trig"
    path.write_text(serialize(tiny_build.dataset, "trig"), encoding="utf-8")
    return path


def test_kg_report_writes_the_page_beside_the_graph_by_default(graph_file):
    result = CliRunner().invoke(main, ["report", str(graph_file)], prog_name="kg")

    assert result.exit_code == 0, result.output
    target = graph_file.parent / "report.html"
    assert str(target) in result.stdout
    assert "Kim Jong Un met Vladimir Putin" in target.read_text(encoding="utf-8")


def test_kg_report_on_a_missing_graph_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["report", str(tmp_path / "nope.ttl"), "-o",
                                       str(tmp_path / "r.html")], prog_name="kg")

    assert result.exit_code == 4
    assert result.stderr.splitlines() == [f"kg: error: {tmp_path / 'nope.ttl'}: no such graph file"]
    assert not (tmp_path / "r.html").exists()


# --- in a browser --------------------------------------------------------------------------------


def _browser():
    """Debian's chromium driven by its chromedriver; skipped only where they are absent and
    this is not CI (.ci/run installs them, so CI always runs this)."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not (chromium and driver):
        if os.environ.get("CI"):
            pytest.fail("chromium and chromedriver must be installed in CI (.ci/run does)")
        pytest.skip("headless Chromium not installed: apt-get install chromium chromium-driver")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu",
                     "--disable-dev-shm-usage", "--window-size=1400,1800"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service(driver), options=options)


@pytest.fixture(scope="module")
def browser():
    driver = _browser()
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def seed_page(seed_build, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("page") / "report.html"
    write_report(seed_build.dataset, path)
    return path


def _visible_rows(browser) -> list:
    from selenium.webdriver.common.by import By

    return [row for row in browser.find_elements(By.CSS_SELECTOR, "#fact-table tbody tr")
            if row.is_displayed()]


def test_the_page_works_in_headless_chromium(browser, seed_page, tmp_path):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(seed_page.as_uri())
    WebDriverWait(browser, 30).until(
        lambda b: b.find_element(By.TAG_NAME, "body").get_attribute("data-graph-nodes"))

    errors = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert errors == []
    body = browser.find_element(By.TAG_NAME, "body")
    assert int(body.get_attribute("data-graph-nodes")) > 5
    assert int(body.get_attribute("data-graph-edges")) > 5
    assert browser.find_element(By.CSS_SELECTOR, "#graph canvas").is_displayed()

    marks = browser.find_elements(By.CSS_SELECTOR, "#fact-table mark.entity")
    assert any(mark.is_displayed() and mark.size["width"] > 0 for mark in marks)
    assert any(m.is_displayed() for m in browser.find_elements(By.CSS_SELECTOR, "mark.trigger"))

    before = _visible_rows(browser)
    browser.find_element(By.ID, "fact-filter").send_keys("rifle")
    after = _visible_rows(browser)
    assert 0 < len(after) < len(before)
    assert all("rifle" in row.text.lower() for row in after)
    assert "match" in browser.find_element(By.ID, "fact-status").text

    shot = tmp_path / "report.png"
    browser.find_element(By.ID, "fact-filter").clear()
    assert browser.save_screenshot(str(shot))
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_highlighted_pronoun_is_visible_and_says_whom_it_refers_to(browser, seed_page):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    browser.get(seed_page.as_uri())
    WebDriverWait(browser, 30).until(
        lambda b: b.find_element(By.TAG_NAME, "body").get_attribute("data-graph-nodes"))
    # The first reference in the table: its row shown by filtering on its fact, its reading
    # unfolded if it is not the first.
    label = browser.execute_script(
        "const m = document.querySelector('#fact-table mark.reference');"
        "if (!m) return null;"
        "const more = m.closest('details'); if (more) more.open = true;"
        "return m.closest('tr').cells[0].textContent;")
    assert label, "no pronoun or other reference highlighted in the seeds' page"
    browser.find_element(By.ID, "fact-filter").send_keys(label)

    mark = browser.find_element(By.CSS_SELECTOR, "#fact-table mark.reference")
    assert mark.is_displayed() and mark.size["width"] > 0
    assert mark.text.lower() in {"he", "she", "his", "her", "they", "it", "its"} \
        or mark.text.lower().startswith("the ")
    assert mark.get_attribute("title").startswith("refers to ")
    assert mark.value_of_css_property("border-bottom-style") == "dotted"


def test_sorting_a_column_orders_the_rows(browser, seed_page):
    from selenium.webdriver.common.by import By

    browser.get(seed_page.as_uri())
    header = browser.find_element(By.XPATH, "//table[@id='fact-table']//th[text()='Confidence']")
    header.click()  # ascending
    values = [float(row.find_elements(By.TAG_NAME, "td")[5].text)
              for row in _visible_rows(browser)]

    assert values == sorted(values)
    assert header.get_attribute("aria-sort") == "ascending"


def test_the_table_pages_fifty_rows_at_a_time(browser, seed_page, seed_build):
    from selenium.webdriver.common.by import By

    browser.get(seed_page.as_uri())
    total = len(build_report(seed_build.dataset, validate=False).facts)
    assert total > 50
    first = [row.text for row in _visible_rows(browser)]
    browser.find_element(By.XPATH, "//nav[@id='fact-pager']/button[contains(., 'next')]").click()
    second = [row.text for row in _visible_rows(browser)]

    assert len(first) == 50 and len(second) == min(50, total - 50)
    assert not set(first) & set(second)
    assert f"showing 51–{50 + len(second)}" in browser.find_element(By.ID, "fact-status").text
