"""`kzwatch report` on the sample warehouse: pages, counts, links, evidence marks, offline,
empty and partial warehouses, the CLI, and the pages as headless Chromium renders them."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag

import duckdb
import pytest

from flows.etl import kzwatch_etl
from kzwatch.report import build_report
from tests.conftest import SAMPLES
from tests.helpers import query

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("prefect_harness")]
FAMILIES = ["case_mentions", "protest_events", "survey_results", "statistics", "indicators"]
PAGES = ["index.html", "cases.html", "protests.html", "surveys.html", "indicators.html",
         "findings.html"]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory, prefect_harness) -> Path:
    wh = tmp_path_factory.mktemp("report-wh") / "kzwatch.duckdb"
    summary = kzwatch_etl(documents=str(SAMPLES), warehouse_file=str(wh))
    assert summary["documents_failed"] == 0
    return wh


@pytest.fixture(scope="module")
def site(warehouse) -> Path:
    index = build_report(warehouse)
    assert index == warehouse.parent / "report" / "index.html"  # the default folder
    return index.parent


class Page(HTMLParser):
    """Links (html and svg), data-count values, and the text of each evidence mark."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.counts: dict[str, str] = {}
        self.ids: set[str] = set()
        self.marks: dict[str, str] = {}
        self.svgs = 0
        self._count: str | None = None
        self._marks: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for key in ("href", "xlink:href", "src"):
            if a.get(key):
                self.links.append(a[key])
        if "id" in a:
            self.ids.add(a["id"])
        if "data-count" in a:
            self._count = a["data-count"]
            self.counts[self._count] = ""
        if tag == "svg":
            self.svgs += 1
        if tag == "mark":
            self._marks.append(a.get("data-for", ""))

    def handle_endtag(self, tag):
        if tag == "mark":
            self._marks.pop()
        if tag in ("td", "div", "span"):
            self._count = None

    def handle_data(self, data):
        if self._count:
            self.counts[self._count] += data
        for anchor in set(self._marks):
            self.marks[anchor] = self.marks.get(anchor, "") + data


def parse(path_or_html) -> Page:
    p = Page()
    p.feed(path_or_html.read_text(encoding="utf-8") if isinstance(path_or_html, Path)
           else path_or_html)
    return p


def collapse(text: str) -> str:
    return " ".join(text.split())


def count(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def test_pages_exist_and_load_nothing_from_the_network(site):
    for name in [*PAGES, "report.css"]:
        assert (site / name).stat().st_size > 0, name
    for name in PAGES:
        html = (site / name).read_text(encoding="utf-8")
        assert "<script" not in html, name  # static: no script at all
        assert not re.search(r'(?:src|href)="(?:https?:)?//', html), name
        assert "vega.github.io" not in html, name
    assert len(list((site / "evidence").glob("*.html"))) == len(query(
        site.parent / "kzwatch.duckdb", "select * from raw.document_texts"))


def test_overview_counts_are_the_warehouse_counts(site, warehouse):
    counts = parse(site / "index.html").counts
    total = 0
    for table in FAMILIES:
        n = query(warehouse, f"select count(*) from core.{table}")[0][0]
        assert n > 0 and count(counts[table]) == n, table
        total += n
    assert count(counts["records"]) == total
    for key, sql in [("documents", "select count(*) from raw.documents"),
                     ("findings", "select count(*) from mart.findings")]:
        assert count(counts[key]) == query(warehouse, sql)[0][0], key
    assert count(counts["quarantined"]) == query(
        warehouse, "select count(*) from core.quarantine")[0][0]
    # each family page states the same count
    for table, page in [("case_mentions", "cases.html"), ("protest_events", "protests.html"),
                        ("survey_results", "surveys.html"), ("statistics", "indicators.html"),
                        ("indicators", "indicators.html")]:
        assert count(parse(site / page).counts[table]) == count(counts[table]), table


def test_every_link_resolves_and_every_record_is_linked_to_its_mark(site, warehouse):
    linked: set[str] = set()
    anchors_of: dict[Path, set[str]] = {}
    for name in PAGES:
        for link in parse(site / name).links:
            url, fragment = urldefrag(link)
            target = site / url
            assert target.is_file(), f"{name}: {link}"
            if fragment:
                if target not in anchors_of:
                    anchors_of[target] = parse(target).ids
                assert fragment in anchors_of[target], f"{name}: {link}"
                linked.add(fragment)
    records = {r[0] for t in FAMILIES for r in query(
        warehouse, f"select record_id from core.{t}")}
    assert records <= linked, f"records with no link: {sorted(records - linked)[:5]}"


def test_each_mark_holds_the_records_evidence_at_its_offsets(site, warehouse):
    texts = dict(query(warehouse, "select source_name, text from raw.document_texts"))
    pages = dict(query(warehouse, "select source_name, document_id from raw.document_texts"))
    parsed = {src: parse(site / "evidence" / f"{doc}.html") for src, doc in pages.items()}
    marks = {src: p.marks for src, p in parsed.items()}
    checked = 0
    for table in FAMILIES:
        for rid, src, evidence, start, end in query(
                warehouse, f"select record_id, source_name, evidence, evidence_start, "
                           f"evidence_end from core.{table}"):
            assert rid in parsed[src].ids, (table, rid)  # the anchor a link lands on
            assert marks[src][rid] == texts[src][start:end], (table, rid)
            assert collapse(marks[src][rid]) == collapse(evidence), (table, rid)
            checked += 1
    assert checked > 100


def test_charts_are_svg_whose_marks_link_to_evidence(site):
    for name in ["cases.html", "protests.html", "surveys.html", "indicators.html"]:
        html = (site / name).read_text(encoding="utf-8")
        assert '<svg class="chart"' in html, name
        assert re.search(r'<a xlink:href="evidence/\w+\.html#\w+"', html), name


def test_an_empty_or_partial_warehouse_gives_pages_that_say_no_records(warehouse, tmp_path):
    bare = tmp_path / "bare.duckdb"
    duckdb.connect(str(bare)).close()  # no table at all
    index = build_report(bare, tmp_path / "bare-report")
    assert "No case mentions in this warehouse" in (index.parent / "cases.html").read_text()
    assert count(parse(index).counts["records"]) == 0

    partial = tmp_path / "partial.duckdb"
    shutil.copyfile(warehouse, partial)
    con = duckdb.connect(str(partial))
    for table in ["case_mentions", "survey_results", "indicators", "statistics"]:
        con.execute(f"delete from core.{table}")
    con.close()
    site = build_report(partial, tmp_path / "partial-report").parent
    assert "No survey results in this warehouse" in (site / "surveys.html").read_text()
    assert "No CPI scores in this warehouse" in (site / "indicators.html").read_text()
    counts = parse(site / "index.html").counts
    assert count(counts["case_mentions"]) == 0
    assert count(counts["protest_events"]) == query(
        partial, "select count(*) from core.protest_events")[0][0] > 0
    assert '<svg class="chart"' in (site / "protests.html").read_text()


def test_a_second_build_removes_evidence_pages_of_documents_gone(warehouse, tmp_path):
    out = tmp_path / "site"
    (out / "evidence").mkdir(parents=True)
    (out / "evidence" / "gone.html").write_text("old")
    build_report(warehouse, out)
    assert not (out / "evidence" / "gone.html").exists()


def test_cli_prints_the_index_and_refuses_a_missing_warehouse(warehouse, tmp_path):
    out = tmp_path / "cli-site"
    run = subprocess.run([sys.executable, "-m", "kzwatch.cli", "report", "--warehouse",
                          str(warehouse), "--out", str(out)],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == str((out / "index.html").resolve())
    missing = subprocess.run([sys.executable, "-m", "kzwatch.cli", "report", "--warehouse",
                              str(tmp_path / "none.duckdb")],
                             capture_output=True, text=True, timeout=300)
    assert missing.returncode == 2
    assert missing.stderr.startswith("kzwatch: warehouse") and not missing.stdout


def _chromium() -> str | None:
    return next(filter(None, map(shutil.which, ("chromium", "chromium-browser",
                                                 "google-chrome"))), None)


def dump_dom(url: str) -> str:
    with tempfile.TemporaryDirectory(prefix="kzwatch-report-chromium-") as profile:
        run = subprocess.run(
            [_chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--disable-background-networking", f"--user-data-dir={profile}",
             "--virtual-time-budget=5000", "--dump-dom", url],
            capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout


@pytest.mark.skipif(_chromium() is None, reason="headless Chromium is not installed "
                    "(Debian: apt-get install -y chromium)")
def test_chromium_renders_charts_and_a_chart_link_opens_the_marked_evidence(site, warehouse):
    index = parse(dump_dom((site / "index.html").as_uri()))
    assert index.svgs >= 1 and "cases.html" in index.links
    dom = dump_dom((site / "protests.html").as_uri())
    page = parse(dom)
    assert page.svgs >= 2  # events by month and by region, drawn
    chart_links = re.findall(r'<a xlink:href="(evidence/[^"#]+\.html#[^"]+)"', dom)
    assert chart_links, "the chart marks link to evidence"
    url, record_id = urldefrag(chart_links[0])
    evidence = parse(dump_dom((site / url).as_uri() + "#" + record_id))
    assert record_id in evidence.ids
    stated = query(warehouse, "select evidence from core.protest_events where record_id = ?",
                   [record_id])[0][0]
    assert collapse(evidence.marks[record_id]) == collapse(stated)


def test_survey_charts_are_capped_and_the_rest_keep_their_tables(warehouse, tmp_path,
                                                                   monkeypatch):
    monkeypatch.setenv("KZWATCH_REPORT_MAX_CHARTS", "1")
    page = (build_report(warehouse, tmp_path / "capped").parent / "surveys.html").read_text()
    questions = page.count('<section class="question">')
    assert questions >= 2
    assert page.count("<figure>") == 1 and page.count("<table>") == questions
    assert f"the\nother {questions - 1} show their table" in page


def test_a_second_build_reuses_the_drawn_charts(warehouse, tmp_path):
    out = tmp_path / "again"
    build_report(warehouse, out)
    drawn = sorted((out / ".charts").glob("*.svg"))
    assert drawn
    before = (out / "surveys.html").read_text()
    # a drawing in the cache is used as it is: mark one and find the mark in the next build
    marked = next(p for p in drawn if p.read_text() in before)
    marked.write_text(marked.read_text().replace("<svg ", "<svg data-cached='yes' ", 1))
    stale = out / ".charts" / ("0" * 64 + ".svg")
    stale.write_text("<svg/>")
    build_report(warehouse, out)
    assert "data-cached='yes'" in (out / "surveys.html").read_text()
    assert not stale.exists()  # the cache keeps only what the last build used
    assert sorted(p.name for p in (out / ".charts").glob("*.svg")) == [p.name for p in drawn]
