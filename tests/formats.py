"""Documents in other formats, made by the tests themselves: PDFs written with pypdf (a text
layer in Helvetica, one line per text line), HTML pages with boilerplate around the text, Word
documents written with python-docx, and a listing page of several articles."""
from __future__ import annotations

import html
import io
from datetime import datetime

from pypdf import PdfWriter
from pypdf.generic import (
    ArrayObject,
    DecodedStreamObject,
    DictionaryObject,
    NameObject,
    NumberObject,
)

# a listing page: three articles, two with their own date line and a cut teaser
LISTING = "Steppe Wire\nNews | Politics | Economy\n\n" + (
    "Court Sentences Former Akim of Taraz to Seven Years\n"
    "12 March 2024\n\n"
    "A court in Taraz on Tuesday sentenced Bolat Kenzhebayev, the former akim of the city, "
    "to seven years in prison for taking a bribe of 40 million tenge from a builder...\n\n"
    "Read more\n\n"
    "Teachers Rally in Shymkent Over Unpaid Wages\n"
    "2 April 2024\n\n"
    "About 200 teachers rallied outside the city education department in Shymkent on Friday "
    "to demand wages that have not been paid since January, organisers said…\n\n"
    "Read more\n\n"
    "Weather: Snow Expected in the North\n\n"
    "Forecasters expect snow in the northern regions this weekend.\n"
)


def _pdf_string(line: str) -> str:
    line = line.encode("cp1252", "replace").decode("cp1252")  # WinAnsi: ’ “ ” – — • kept
    return "(" + line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def make_pdf(pages: list[list[str]], title: str | None = None,
             created: datetime | None = None) -> bytes:
    """A PDF whose pages carry these lines as text (an empty list: a page with no text, as a
    scanned page has none)."""
    writer = PdfWriter()
    font = DictionaryObject({NameObject("/Type"): NameObject("/Font"),
                             NameObject("/Subtype"): NameObject("/Type1"),
                             NameObject("/BaseFont"): NameObject("/Helvetica"),
                             NameObject("/Encoding"): NameObject("/WinAnsiEncoding")})
    font_ref = writer._add_object(font)
    for lines in pages:
        page = writer.add_blank_page(width=612, height=792)
        ops = ["BT", "/F1 10 Tf", "12 TL", "40 760 Td"]
        for line in lines:
            ops += [f"{_pdf_string(line)} Tj", "T*"]
        ops.append("ET")
        stream = DecodedStreamObject()
        stream.set_data("\n".join(ops).encode("cp1252"))
        page[NameObject("/Contents")] = writer._add_object(stream)
        page[NameObject("/Resources")] = DictionaryObject({
            NameObject("/Font"): DictionaryObject({NameObject("/F1"): font_ref}),
            NameObject("/ProcSet"): ArrayObject([NameObject("/PDF"), NameObject("/Text")])})
        page[NameObject("/Rotate")] = NumberObject(0)
    meta = {}
    if title:
        meta["/Title"] = title
    if created:
        meta["/CreationDate"] = created.strftime("D:%Y%m%d%H%M%S")
    if meta:
        writer.add_metadata(meta)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def wrap(text: str, width: int = 90) -> list[str]:
    """Paragraphs of `text` as printed lines (a blank line between paragraphs kept)."""
    import textwrap

    lines: list[str] = []
    for para in text.split("\n"):
        lines += textwrap.wrap(para, width) or [""]
    return lines


def make_html(paragraphs: list[str], title: str = "Court news", site: str = "Steppe Daily",
              url: str = "https://steppe.example/news/1", published: str | None = "2021-03-12",
              ) -> str:
    """A web page: head metadata, a script, navigation, the article, a cookie notice, a
    footer."""
    meta = [f'<meta property="og:site_name" content="{site}">',
            f'<meta property="og:url" content="{url}">', f'<link rel="canonical" href="{url}">']
    if published:
        meta.append(f'<meta property="article:published_time" content="{published}T09:00:00">')
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs)
    nav = "".join(f'<li><a href="/{w.lower()}">{w}</a></li>'
                  for w in ("Home", "Politics", "Economy", "Sport", "Contacts"))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{html.escape(title)} | {site}</title>
{chr(10).join(meta)}
<script>window.dataLayer = window.dataLayer || []; function track() {{ return 1; }}</script>
<style>body {{ font-family: sans-serif; }}</style></head>
<body><header><nav><ul>{nav}</ul></nav></header>
<main><article><h1>{html.escape(title)}</h1>
{body}
</article></main>
<aside><h3>Most read</h3><ul><li><a href="/a">Weather in Astana</a></li>
<li><a href="/b">Football results</a></li></ul></aside>
<div class="cookie">We use cookies to improve your experience. Accept all cookies.</div>
<footer><p>© 2021 {site}. All rights reserved.</p><p>Subscribe to our newsletter</p></footer>
</body></html>
"""


def make_docx(paragraphs: list[str], title: str | None = None,
              table: list[list[str]] | None = None) -> bytes:
    """A Word document (python-docx): one paragraph each (a line break inside one stays a
    line break), then a table if given."""
    import docx

    document = docx.Document()
    if title:
        document.core_properties.title = title
    for para in paragraphs:
        run = document.add_paragraph().add_run()
        for k, line in enumerate(para.split("\n")):
            if k:
                run.add_break()
            run.add_text(line)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
