"""Tables whose cells text extraction put one per line.

PDF and HTML extraction often print a table cell by cell: "Indicator |", "2020 |", "2021 |",
"Corruption crimes registered |", "1,538 |", ... (a bar closing each cell), or each cell as a
paragraph of its own between blank lines. `cell_tables(text)` rebuilds such tables: the
header (the cells before the first row), then rows of a label cell followed by as many number
cells as the header has columns after its stub.

    t = cell_tables("Region |\\nCases |\\nOral |\\n12 |\\nTaraz |\\n7 |")[0]
    t.header == ["Region", "Cases"]; t.rows[0].label == "Oral"; t.rows[0].values == [12.0]

A row's numbers keep their printed sign ("-7.2", "+5.4"). A table needs two rows or more.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = re.compile(r"^[+\-–]?(?:\d{1,3}(?:[, \u00a0]\d{3})+|\d+)(?:[.,]\d+)?$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_MAX_CELL = 80


@dataclass(frozen=True)
class Cell:
    start: int
    end: int
    text: str

    @property
    def number(self) -> float | None:
        return cell_number(self.text)


@dataclass(frozen=True)
class CellRow:
    label: str
    values: list[float]
    start: int
    end: int


@dataclass(frozen=True)
class CellTable:
    header: list[str]
    rows: list[CellRow]
    start: int  # the header's first cell
    end: int


def cell_number(text: str) -> float | None:
    """"1,538" -> 1538, "-7.2" -> -7.2, "+5.4" -> 5.4, "12" -> 12; None for other text."""
    token = text.strip().replace("–", "-")
    if not _NUMBER.match(token):
        return None
    body = token.lstrip("+-")
    if re.fullmatch(r"\d{1,3}(?:[, \u00a0]\d{3})+(?:\.\d+)?", body):
        body = re.sub(r"[, \u00a0]", "", body)
    else:
        body = body.replace(",", ".")
    value = float(body)
    return -value if token.startswith("-") else value


def _cells(text: str) -> list[list[Cell]]:
    """Runs of short lines, each line one cell ("Almaty |" or "Almaty"), in text order. A run
    ends at a line that is long or reads as prose (ends with a full stop)."""
    runs: list[list[Cell]] = []
    run: list[Cell] = []
    for m in re.finditer(r"[^\n]*", text):
        raw = m.group()
        body = raw.strip().rstrip("|").strip()
        if not raw.strip():
            continue  # blank lines may separate cells
        if len(body) > _MAX_CELL or (body.endswith(".") and cell_number(body) is None) or \
                raw.count("|") > 1:
            if len(run) >= 4:
                runs.append(run)
            run = []
            continue
        lead = m.start() + (len(raw) - len(raw.lstrip()))
        run.append(Cell(lead, lead + len(body), body))
    if len(run) >= 4:
        runs.append(run)
    return runs


def _row_width(cells: list[Cell], i: int) -> int:
    """How many number cells follow the label at i."""
    n = 0
    while i + 1 + n < len(cells) and cells[i + 1 + n].number is not None:
        n += 1
    return n


def cell_tables(text: str) -> list[CellTable]:
    """Tables printed one cell per line, each with its header and rows."""
    out = []
    for cells in _cells(text):
        i = 0
        while i < len(cells):
            n = _row_width(cells, i) if cells[i].number is None else 0
            values = [c.text for c in cells[i + 1:i + 1 + n]]
            if n == 0 or all(_YEAR.match(v) for v in values) or i < n + 1:
                i += 1
                continue
            header = cells[i - n - 1:i]
            if any(c.number is not None and not _YEAR.match(c.text) for c in header):
                i += 1
                continue
            rows: list[CellRow] = []
            j = i
            while j + n < len(cells) and cells[j].number is None and _row_width(cells, j) == n:
                rows.append(CellRow(cells[j].text, [c.number for c in cells[j + 1:j + 1 + n]],
                                    cells[j].start, cells[j + n].end))
                j += n + 1
            if len(rows) >= 2:
                out.append(CellTable([c.text for c in header], rows, header[0].start,
                                     rows[-1].end))
                i = j
            else:
                i += 1
    return out
