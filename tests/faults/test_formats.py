"""HTML and PDF documents through the flow (issue 11): both load, their metadata is in
raw.documents, and every record's evidence is verbatim in raw.document_texts at its offsets.
A scanned PDF and a page without main text are error rows; the run goes on."""
from __future__ import annotations

import importlib.util
from datetime import datetime

import pytest

from tests.conftest import SHARED
from tests.faults.common import COURT, CPI
from tests.formats import make_html, make_pdf, wrap
from tests.helpers import query

HEADER = "Steppe Institute Report on Courts and Corruption"


def _pdf_pages(text: str, per_page: int = 4) -> list[list[str]]:
    lines = [line for line in wrap(text, 80) if line]
    chunks = [lines[i:i + per_page] for i in range(0, len(lines), per_page)]
    return [[HEADER, *chunk, f"{n}"] for n, chunk in enumerate(chunks, 1)]


@pytest.mark.usefixtures("prefect_harness")
def test_folder_with_html_and_pdf_loads_both_grounded_in_document_texts(tmp_path):
    from flows.etl import kzwatch_etl

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "court.html").write_text(make_html(
        [COURT.strip(), CPI.strip()], title="Former akim sentenced", site="Steppe Daily",
        url="https://steppe.example/news/7", published="2021-03-12"), encoding="utf-8")
    (docs / "report.pdf").write_bytes(make_pdf(_pdf_pages(COURT + CPI), title="Courts report",
                                               created=datetime(2021, 4, 1)))
    (docs / "scan.pdf").write_bytes(make_pdf([[], []]))
    (docs / "cut.pdf").write_bytes(b"%PDF-1.4\n")
    (docs / "menu.htm").write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>")
    (docs / "court.txt").write_text(COURT, encoding="utf-8")
    wh = tmp_path / "kzwatch.duckdb"
    summary = kzwatch_etl(documents=str(docs), warehouse_file=str(wh), keep=1)

    rows = {r[0]: r[1:] for r in query(wh, """
        select source_name, status, reason, format, title, published_on, published_on_source,
               site, url, pages from raw.documents""")}
    assert rows["court.html"] == ("loaded", None, "html", "Former akim sentenced", "2021-03-12",
                                  "html metadata", "Steppe Daily",
                                  "https://steppe.example/news/7", None)
    assert rows["report.pdf"][:3] == ("loaded", None, "pdf")
    assert rows["report.pdf"][3:6] == ("Courts report", "2021-04-01",
                                       "pdf metadata (creation date)")
    assert rows["report.pdf"][8] >= 2
    assert rows["scan.pdf"][:3] == ("error", "no text layer; OCR not supported", "pdf")
    assert rows["menu.htm"][0] == "error" and "no main text" in rows["menu.htm"][1]
    assert rows["cut.pdf"][0] == "error" and rows["cut.pdf"][1].startswith("broken PDF")
    assert rows["court.txt"][:3] == ("loaded", None, "text")
    for name in ("scan.pdf", "cut.pdf", "menu.htm"):
        assert any(w.startswith(f"{name}: ") for w in summary["warnings"]), name

    texts = dict(query(wh, "select source_name, text from raw.document_texts"))
    assert set(texts) == {"court.html", "report.pdf", "court.txt"}
    assert "<" not in texts["court.html"] and "\f" in texts["report.pdf"]
    records = query(wh, """
        select source_name, evidence, evidence_start, evidence_end from core.case_mentions
        union all select source_name, evidence, evidence_start, evidence_end from core.indicators
        union all select source_name, evidence, evidence_start, evidence_end
        from core.statistics""")
    by_source = {r[0] for r in records}
    assert {"court.html", "report.pdf", "court.txt"} <= by_source
    for source, evidence, start, end in records:
        assert texts[source][start:end] == evidence, (source, evidence)
    people = {r[0]: r[1] for r in query(
        wh, "select source_name, person_name from core.case_mentions")}
    assert people["court.html"] == people["report.pdf"] == people["court.txt"] == "Serik Amanov"
    cpi = query(wh, "select source_name, value from core.indicators where indicator like 'cpi%'"
                    " order by source_name")
    assert [r[0] for r in cpi] == ["court.html", "report.pdf"]

    if importlib.util.find_spec("duckdb") and (SHARED / "eval" / "score.py").exists():
        spec = importlib.util.spec_from_file_location("score", SHARED / "eval" / "score.py")
        score = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(score)
        got = [dict(source_name=r[0], evidence=r[1]) for r in records]
        result, _ = score.score_table("case_mentions", [], got, docs, stored=texts)
        assert result["grounded"] == 1.0
