"""A listing page through the flow (issue 11, item 4): its articles land in
raw.document_parts with their titles and dates, its records carry their article, and the parts
go with the page when it is removed."""
from __future__ import annotations

import pytest

from flows.etl import kzwatch_etl
from tests.formats import LISTING
from tests.helpers import query

pytestmark = pytest.mark.usefixtures("prefect_harness")


def test_listing_page_parts_and_records_by_part(tmp_path):
    docs, wh = tmp_path / "documents", tmp_path / "wh" / "kzwatch.duckdb"
    docs.mkdir()
    (docs / "listing.txt").write_text(LISTING, encoding="utf-8")
    (docs / "one.txt").write_text("ALMATY, May 6, 2024 — About 300 people rallied in Almaty "
                                  "on Friday against the new pension law.\n", encoding="utf-8")
    kzwatch_etl(documents=str(docs), warehouse_file=str(wh), keep=1)

    parts = query(wh, "select source_name, part_no, title, published_on, published_on_source "
                      "from raw.document_parts order by source_name, part_no")
    assert parts[:2] == [
        ("listing.txt", 1, "Court Sentences Former Akim of Taraz to Seven Years", "2024-03-12",
         "date line"),
        ("listing.txt", 2, "Teachers Rally in Shymkent Over Unpaid Wages", "2024-04-02",
         "date line")]
    assert {p[0] for p in parts} == {"listing.txt"}  # one article: no parts
    text = query(wh, "select text from raw.document_texts where source_name = 'listing.txt'")
    start, end = query(wh, "select start, \"end\" from raw.document_parts where part_no = 2")[0]
    assert text[0][0][start:end].startswith("Teachers Rally in Shymkent")

    events = query(wh, "select source_name, location, event_date, part_no "
                       "from core.protest_events order by source_name")
    assert events == [("listing.txt", "Shymkent", "2024-03-29", 2),
                      ("one.txt", "Almaty", "2024-05-03", None)]
    assert query(wh, "select person_name, part_no from core.case_mentions") == [
        ("Bolat Kenzhebayev", 1)]
    assert query(wh, "select source_name, published_on, published_on_source from "
                     "raw.documents order by 1") == [("listing.txt", "2024-03-12", "dateline"),
                                                     ("one.txt", "2024-05-06", "dateline")]

    (docs / "listing.txt").unlink()
    kzwatch_etl(documents=str(docs), warehouse_file=str(wh), keep=1)
    assert query(wh, "select count(*) from raw.document_parts") == [(0,)]
