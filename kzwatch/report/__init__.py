"""`kzwatch report`: a static HTML site beside the warehouse that people look at.

Pages: overview (documents, records per family, findings, last run), cases, protests,
surveys, indicators, findings; and one evidence page per document, where each record's
evidence is a `<mark id=RECORD_ID>` at its offsets in the document's text
(raw.document_texts). Every number links to the evidence of the records behind it.

Why static SVG: charts are Altair (Vega-Lite) specs rendered to SVG at build time by
vl-convert-python, which bundles the Vega/Vega-Lite JavaScript in its wheel and runs it
offline. The pages therefore need no script, no CDN and no server: they open from file://
URLs, print, and can be mailed as a folder. The `href` channel turns a mark into an SVG
link to the record's evidence. (Altair's HTML output would load vega, vega-lite and
vega-embed from a CDN; no installed package ships those files for a page to load.)
"""
from __future__ import annotations

from pathlib import Path

__all__ = ["build_report", "report_dir"]


def report_dir(warehouse: Path) -> Path:
    """Where the report of a warehouse goes by default: `report/` beside the file. (Here, not
    in `build`, so that a run linking the report does not import Altair.)"""
    return Path(warehouse).parent / "report"


def build_report(warehouse: Path, out_dir: Path | None = None) -> Path:
    """Write the site; return the path of its index.html (see kzwatch.report.build)."""
    from kzwatch.report.build import build_report as build

    return build(warehouse, out_dir)
