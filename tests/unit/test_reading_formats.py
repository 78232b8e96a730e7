"""Readers by format (issue 11): HTML pages and PDFs are read to the text evidence is cut
from, with their metadata; a broken or scanned file is an error with a clear reason. Every
file here is made by the test (tests/formats.py): no network, no binary fixtures."""
from __future__ import annotations

from datetime import datetime

import pytest

from kzwatch.cleaning import clean
from kzwatch.reading import PAGE_BREAK, discover, looks_like_html, read_document
from kzwatch.settings import Settings
from tests.faults.common import COURT, CPI
from tests.formats import make_docx, make_html, make_pdf, wrap


def read(folder, name, data):
    path = folder / name
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return read_document(folder, name, max_bytes=10_000_000)


# --- HTML ------------------------------------------------------------------------------

def test_html_page_is_read_to_its_main_text_with_metadata(tmp_path):
    page = make_html([COURT.strip(), CPI.strip()], title="Former akim sentenced",
                     site="Steppe Daily", url="https://steppe.example/news/42",
                     published="2021-03-12")
    result = read(tmp_path, "page.html", page)
    assert result.status == "ok", result.reason
    assert result.format == "html" and result.extractor.startswith("trafilatura ")
    assert COURT.strip() in result.text and CPI.strip() in result.text
    for boilerplate in ("<", "window.dataLayer", "Politics", "All rights reserved",
                        "Football results"):
        assert boilerplate not in result.text
    assert (result.title, result.published_on, result.site, result.url) == (
        "Former akim sentenced", "2021-03-12", "Steppe Daily", "https://steppe.example/news/42")
    assert result.published_on_source == "html metadata"
    # paragraphs stay paragraphs: the cleaned text the extractors read keeps them apart
    assert "tenge. He was detained in October 2020.\n\nKazakhstan scored" in clean(
        result.text).text


def test_html_date_comes_from_the_page_metadata_only(tmp_path):
    result = read(tmp_path, "page.htm", make_html([COURT.strip()], published=None))
    assert result.status == "ok" and result.format == "html"
    # only the page's own metadata dates it: a date in the text is the extractors' dateline,
    # and a copyright year is no publication date
    assert result.published_on is None and result.published_on_source is None
    undated = read(tmp_path, "undated.htm", make_html(
        ["The court in Almaty heard the case of the former akim of Talgar district again. " * 3],
        published=None))
    assert undated.published_on is None and undated.published_on_source is None


def test_html_saved_as_txt_is_read_as_html_and_plain_text_is_not(tmp_path):
    result = read(tmp_path, "saved.txt", make_html([COURT.strip(), CPI.strip()]))
    assert result.format == "html" and "<" not in result.text and "Serik Amanov" in result.text
    plain = read(tmp_path, "plain.txt", "The page said <b>bold</b> and <br> once.\n" + COURT)
    assert plain.format == "text" and plain.text.startswith("The page said <b>")
    assert looks_like_html("\n<!-- saved -->\n<!doctype html><p>x</p>")
    assert not looks_like_html("Use <html> tags, said the guide.\n" + COURT)


def test_html_table_rows_and_line_breaks_are_lines(tmp_path):
    page = ("<html><head><title>Poll</title></head><body><article><h1>Trust poll</h1>"
            "<p>Respondents were asked whether they trust the courts in the survey of 2021 "
            "that was carried out in Almaty, Astana and Shymkent over three months.</p>"
            "<table><tr><th>Answer</th><th>Count</th><th>%</th></tr>"
            "<tr><td>Yes</td><td>12</td><td>40.0</td></tr>"
            "<tr><td>No</td><td>18</td><td>60.0</td></tr></table>"
            "<p>First line<br>second line of the same paragraph, written after a break.</p>"
            "</article></body></html>")
    result = read(tmp_path, "poll.html", page)
    assert "Yes\t12\t40.0\nNo\t18\t60.0" in result.text
    assert "First line\nsecond line" in result.text


@pytest.mark.parametrize("page,reason", [
    ("<html><head><title>x</title></head><body><nav><a href='/'>Home</a></nav></body></html>",
     "no main text"),
    ("<html><body><script>var a = 1;</script></body></html>", "no main text"),
])
def test_html_without_main_text_is_an_error(tmp_path, page, reason):
    result = read(tmp_path, "empty.html", page)
    assert result.status == "error" and reason in result.reason
    assert result.format == "html" and result.checksum


def test_binary_file_named_html_is_an_error(tmp_path):
    result = read(tmp_path, "image.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    assert result.status == "error" and "PNG" in result.reason


# --- PDF -------------------------------------------------------------------------------

HEADER = "Steppe Institute Report on Courts 2021"


def report_pages():
    return [[HEADER, "The Medeu district court of Almaty sentenced the former akim of",
             "Talgar district, Serik Amanov, to seven years in prison.", "Page 1 of 3"],
            [HEADER, "He was detained in October 2020 and the court", "heard the case in March.",
             "Page 2 of 3"],
            [HEADER, "Kazakhstan scored 39 points in the 2023 index.", "Page 3 of 3"]]


def test_pdf_is_read_in_page_order_with_pages_and_metadata(tmp_path):
    data = make_pdf(report_pages(), title="Courts report", created=datetime(2022, 1, 15, 9))
    result = read(tmp_path, "report.pdf", data)
    assert result.status == "ok", result.reason
    assert result.format == "pdf" and result.extractor.startswith("pypdf ")
    assert result.pages == 3 and result.text.count(PAGE_BREAK) == 2
    assert result.text.index("Serik Amanov") < result.text.index("detained") < result.text.index(
        "39 points")
    assert (result.title, result.published_on, result.published_on_source) == (
        "Courts report", "2022-01-15", "pdf metadata (creation date)")
    # the page of an offset: 1 + the form feeds before it
    assert result.text[:result.text.index("39 points")].count("\f") + 1 == 3


def test_pdf_headers_footers_and_page_numbers_are_cleaned_away_offsets_kept(tmp_path):
    result = read(tmp_path, "report.pdf", make_pdf(report_pages()))
    doc = clean(result.text)
    assert HEADER not in doc.text and "Page 2 of 3" not in doc.text and "\f" not in doc.text
    # text runs on across a page break (no paragraph break where a page ends)
    assert "seven years in prison.\nHe was detained" in doc.text
    start = doc.text.index("The Medeu")
    ev = doc.cite(start, doc.text.index("in March.") + len("in March."))
    assert result.text[ev["evidence_start"]:ev["evidence_end"]] == ev["evidence"]
    assert ev["evidence"].startswith("The Medeu") and ev["evidence"].endswith("in March.")


def test_bare_page_numbers_go_and_numbers_inside_a_page_stay():
    pages = [["Table 4. Assemblies per year", "2019", "45", "2020", "51", "7"],
             ["2021", "63", "Assemblies grew every year.", "8"]]
    text = PAGE_BREAK.join("\n".join(p) for p in pages) + "\n"
    cleaned = clean(text).text.split("\n")
    assert cleaned == ["Table 4. Assemblies per year", "2019", "45", "2020", "51", "2021", "63",
                       "Assemblies grew every year."]


def test_text_without_page_breaks_cleans_as_before():
    pages = [[HEADER, "Body line one.", "1"], [HEADER, "Body line two.", "2"]]
    assert clean(PAGE_BREAK.join("\n".join(p) for p in pages)).text == (
        "Body line one.\nBody line two.")
    text = "\n".join("\n".join(p) for p in pages)  # no pages: no line is a page's edge
    assert clean(text).text == text


def test_scanned_pdf_is_an_error_no_text_layer(tmp_path):
    result = read(tmp_path, "scan.pdf", make_pdf([[], [], []]))
    assert result.status == "error" and result.reason == "no text layer; OCR not supported"
    assert result.format == "pdf" and result.pages == 3 and result.checksum


@pytest.mark.parametrize("data,reason", [
    (b"%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage without end", "broken PDF"),
    (b"%PDF-1.4\n", "broken PDF"),
    (b"this is not a PDF at all, only text under a PDF name\n", "broken PDF"),
])
def test_broken_pdf_is_an_error_with_a_reason(tmp_path, data, reason):
    result = read(tmp_path, "broken.pdf", data)
    assert result.status == "error" and result.reason.startswith(reason), result.reason
    assert result.format == "pdf"


def test_truncated_pdf_is_an_error_or_its_readable_pages(tmp_path):
    data = make_pdf(report_pages())
    result = read(tmp_path, "cut.pdf", data[: len(data) // 2])
    assert result.status in ("ok", "error")  # never an exception
    if result.status == "error":
        assert "PDF" in result.reason or "text layer" in result.reason


def test_pdf_content_under_a_txt_name_is_read_as_pdf(tmp_path):
    result = read(tmp_path, "report.txt", make_pdf(report_pages()))
    assert result.status == "ok" and result.format == "pdf" and "Serik Amanov" in result.text


# --- discovery -------------------------------------------------------------------------

def test_default_patterns_discover_html_pdf_and_docx(tmp_path):
    for name in ("a.txt", "b.html", "c.htm", "d.pdf", "e.md", "f.docx", "g.png", "h.doc"):
        (tmp_path / name).write_text("x")
    assert discover(tmp_path, Settings().patterns) == ["a.txt", "b.html", "c.htm", "d.pdf",
                                                       "e.md", "f.docx"]


def test_plain_text_reads_as_before(tmp_path):
    result = read(tmp_path, "court.txt", COURT)
    assert result.status == "ok" and result.text == COURT and result.format == "text"
    assert result.extractor is None and result.title is None and result.pages is None


# --- same records from every format ----------------------------------------------------

def _facts(text: str) -> dict[str, list[dict]]:
    from kzwatch.extract import reconcile, registry

    doc = clean(text, "doc")
    found = reconcile({table: extract(doc) for table, extract in registry().items()})
    skip = {"evidence", "evidence_start", "evidence_end", "source_name", "description"}
    return {table: sorted(repr({k: v for k, v in r.model_dump().items() if k not in skip})
                           for r in recs) for table, recs in found.items() if recs}


def test_html_and_pdf_give_the_records_the_text_gives(tmp_path):
    paragraphs = [COURT.strip(), CPI.strip()]
    plain = "\n\n".join(paragraphs) + "\n"
    html_text = read(tmp_path, "a.html", make_html(paragraphs)).text
    lines = wrap(plain, 80)
    pdf_text = read(tmp_path, "a.pdf", make_pdf([[HEADER, *lines[:4], "1"],
                                                 [HEADER, *lines[4:], "2"]])).text
    want = _facts(plain)
    assert want.get("case_mentions") and want.get("indicators")
    assert _facts(html_text) == want
    assert _facts(pdf_text) == want
    docx_text = read(tmp_path, "a.docx", make_docx(paragraphs)).text
    assert _facts(docx_text) == want


def test_pdf_with_a_password_is_an_error_that_says_so(tmp_path):
    import io

    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(report_pages()))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    result = read(tmp_path, "locked.pdf", out.getvalue())
    assert result.status == "error" and result.reason == "encrypted PDF: needs a password"


# --- DOCX ------------------------------------------------------------------------------

def test_docx_is_read_paragraphs_then_table_rows_with_its_title(tmp_path):
    data = make_docx(["Survey of 1,000 residents\nAlmaty, March 2024", "Do you trust courts?"],
                     title="Trust in courts", table=[["Yes", "41%"], ["No", "59%"]])
    result = read(tmp_path, "poll.docx", data)
    assert result.status == "ok", result.reason
    assert result.format == "docx" and result.extractor.startswith("python-docx ")
    assert result.text == ("Survey of 1,000 residents\nAlmaty, March 2024\n\n"
                           "Do you trust courts?\n\nYes\t41%\nNo\t59%\n")
    assert result.title == "Trust in courts" and result.published_on is not None
    assert result.published_on_source == "docx metadata (creation date)"


@pytest.mark.parametrize("data, reason", [
    (b"PK\x03\x04" + b"\x00" * 200, "broken DOCX"),
    (None, "DOCX with no text"),
])
def test_broken_or_empty_docx_is_an_error_with_a_reason(tmp_path, data, reason):
    result = read(tmp_path, "x.docx", data if data is not None else make_docx([]))
    assert result.status == "error" and result.reason.startswith(reason), result.reason
    assert result.format == "docx"


def test_a_survey_table_across_two_pdf_pages_gives_the_rows_the_text_gives(tmp_path):
    """A questionnaire table broken by a page end (running header, page number between its
    rows) reads as the same table."""
    from kzwatch.extract.surveys import extract as surveys

    lines = ["Annex. Poll results.", "", "1. Do you trust the courts?",
             "Answer | Responses | %", "Fully | 30 | 12.5%", "Partly | 110 | 45.8%",
             "Not at all | 100 | 41.7%", "2. Should judges be elected?",
             "Answer | Responses | %", "Yes | 150 | 62.5%", "No | 60 | 25.0%",
             "Hard to say | 30 | 12.5%"]
    plain = "\n".join(lines) + "\n"
    pdf = read(tmp_path, "poll.pdf", make_pdf([[HEADER, *lines[:6], "Page 1 of 2"],
                                                [HEADER, *lines[6:], "Page 2 of 2"]]))
    assert pdf.status == "ok" and pdf.pages == 2

    def table(text):
        return [(r.question_no, r.option_text, r.responses, r.pct_reported)
                for r in surveys(clean(text))]

    want = table(plain)
    assert len(want) == 6 and ("Not at all" in {w[1] for w in want})
    assert table(pdf.text) == want
