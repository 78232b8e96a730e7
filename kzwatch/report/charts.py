"""Altair charts rendered to static SVG by vl-convert (the Vega-Lite compiler and Vega renderer
in a Python wheel): the page holds the drawn chart, so it needs no script, no CDN and no
server, and a link on a mark (Vega-Lite's `href` channel) is an SVG `<a>` that works from a
file:// URL.

Record-level charts draw one unit per record (`count()` grouped by the record's link), so
each segment of a bar, or each point, opens that record's evidence.
"""
from __future__ import annotations

import hashlib
import json
import math
import re
from contextlib import contextmanager
from pathlib import Path

import altair as alt
import numpy as np
import pandas as pd
import vl_convert as vlc

WIDTH = 640
# vl-convert resolves a relative href against its data loader's base URL; the report's links
# are relative to the page, so the base is cut off again.
_BASE_URL = re.compile(r'((?:xlink:)?href=")https?://[^"]*?/((?:evidence/|[a-z]+\.html)[^"]*")')


# Vega truncates a label longer than labelLimit by measuring it again and again, which costs
# vl-convert most of its time: labels are cut in Python (`short`) and never truncated there.
CONFIG = {"axis": {"labelLimit": 0}, "legend": {"labelLimit": 0}}


def short(text, limit: int = 40) -> str:
    text = str(text)
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


# a mark's `description` channel is drawn as aria-label; a <title> child makes the browser
# show it on hover as well (Vega's tooltips need its script)
_LABELLED = re.compile(r'<path([^>]*?) aria-label="([^"]*)"([^>]*?)/>')


# Drawn charts are kept by the hash of what they draw (spec, config, renderer version) in the
# report's folder: a report built again after a run that changed a few documents draws only
# their charts (vl-convert takes 20-50 ms a chart; a report of a thousand surveys has
# thousands). `chart_cache` sets the folder for one build and keeps only what that build used.
_CACHE: dict = {"dir": None, "used": None}
_SVG_FORM = "1"  # bump when to_svg's post-processing changes: old drawings are not reused


@contextmanager
def chart_cache(folder: Path):
    """Reuse and keep drawn charts in `folder` while building a report; afterwards the
    drawings this build did not use are removed, so the cache holds one report's charts."""
    folder.mkdir(parents=True, exist_ok=True)
    _CACHE.update(dir=folder, used=set())
    try:
        yield
        for old in folder.iterdir():  # also a .tmp a killed build left
            if old.name not in _CACHE["used"]:
                old.unlink(missing_ok=True)
    finally:
        _CACHE.update(dir=None, used=None)


def to_svg(chart: alt.TopLevelMixin) -> str:
    # the specs are built here from known columns; altair's schema validation would double
    # the time of a build with many charts
    spec = chart.to_dict(validate=False)
    folder = _CACHE["dir"]
    if folder is None:
        return _draw(spec)
    key = hashlib.sha256(json.dumps([spec, CONFIG, vlc.__version__, _SVG_FORM],
                                    sort_keys=True, default=str).encode()).hexdigest()
    path = folder / f"{key}.svg"
    _CACHE["used"].add(path.name)
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        svg = _draw(spec)
        try:
            tmp = path.with_suffix(".tmp")
            tmp.write_text(svg, encoding="utf-8")
            tmp.replace(path)  # a killed build leaves no half-written drawing
        except OSError:
            pass  # a cache that cannot be written costs time only
        return svg


def _draw(spec: dict) -> str:
    svg = vlc.vegalite_to_svg(spec, config=CONFIG)
    svg = _BASE_URL.sub(r"\1\2", svg)
    svg = _LABELLED.sub(r'<path\1 aria-label="\2"\3><title>\2</title></path>', svg)
    # a drawn chart has a fixed size; let the page scale it down on a narrow screen
    return svg.replace("<svg ", '<svg class="chart" role="img" ', 1)


def _plain(value):
    """A JSON value: None for NaN/NA/NaT, Python scalars for numpy ones."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float | np.floating):
        return None if math.isnan(value) else float(value)
    if isinstance(value, np.integer):
        return int(value)
    return value


def _data(df: pd.DataFrame) -> alt.Data:
    cols = list(df.columns)
    return alt.Data(values=[{c: _plain(v) for c, v in zip(cols, row, strict=True)}
                            for row in df.itertuples(index=False, name=None)])


def unit_bars(df: pd.DataFrame, category: str, color: str, *, title: str,
              category_title: str, color_title: str, sort: list | None = None,
              horizontal: bool = True, domain: list[str] | None = None) -> str:
    """One bar per category, one segment per record (colored by `color`), each a link to
    the record's evidence (`href` column); `anchor` keeps two records apart."""
    df = df[[category, color, "anchor", "href", "tip"]]
    height = max(60, 22 * df[category].nunique()) if horizontal else 240
    cat = alt.X if not horizontal else alt.Y
    val = alt.X if horizontal else alt.Y
    chart = alt.Chart(_data(df), title=title, width=WIDTH, height=height).mark_bar(
        stroke="white", strokeWidth=0.6).encode(
        cat(f"{category}:N", title=category_title,
            sort=sort if sort is not None else ("-x" if horizontal else None),
            axis=alt.Axis(labelLimit=0)),
        val("count():Q", title="records", axis=alt.Axis(tickMinStep=1)),
        # one domain for every chart of a vocabulary: a color means the same on each chart
        alt.Color(f"{color}:N", title=color_title,
                  scale=alt.Scale(scheme="tableau10", domain=domain) if domain
                  else alt.Scale(scheme="tableau10")),
        alt.Detail("anchor:N"),
        alt.Href("href:N"),
        alt.Description("tip:N"),
    )
    return to_svg(chart)


def option_bars(df: pd.DataFrame, *, title: str) -> str:
    """A survey question: printed percent as bars, recomputed percent (100 x count / base) as
    black ticks; or, where no option has a percent, the counts. Each bar links to evidence."""
    df = df[["label", "pct_reported", "pct_recomputed", "responses", "href", "tip"]]
    has_pct = df["pct_reported"].notna().any() or df["pct_recomputed"].notna().any()
    height = max(40, 24 * len(df))
    base = alt.Chart(_data(df), title=title, width=WIDTH - 120, height=height)
    y = alt.Y("label:N", title=None, sort=None)
    if not has_pct:
        return to_svg(base.mark_bar().encode(
            y, alt.X("responses:Q", title="responses"), alt.Href("href:N"),
            alt.Description("tip:N")))
    bars = base.mark_bar(color="#4c78a8").encode(
        y, alt.X("pct_reported:Q", title="percent (bar: printed, tick: recomputed)"),
        alt.Href("href:N"), alt.Description("tip:N"))
    ticks = base.mark_tick(color="black", thickness=2, size=16).encode(
        y, alt.X("pct_recomputed:Q"), alt.Href("href:N"))
    return to_svg(alt.layer(bars, ticks))


def series(df: pd.DataFrame, x: str, y: str, color: str, *, title: str, x_title: str,
           y_title: str, x_type: str = "O", facet: str | None = None) -> str:
    """Points (one per record, linked to its evidence) joined by a line per `color`."""
    height = 260 if facet is None else 160
    base = alt.Chart(_data(df), width=WIDTH - 80, height=height)
    # a quantitative x is a year: whole numbers, no comma, not from zero
    x_enc = (alt.X(f"{x}:Q", title=x_title, scale=alt.Scale(zero=False),
                   axis=alt.Axis(format="d", tickMinStep=1)) if x_type == "Q"
             else alt.X(f"{x}:{x_type}", title=x_title))
    enc = [x_enc,
           alt.Y(f"{y}:Q", title=y_title, scale=alt.Scale(zero=False)),
           alt.Color(f"{color}:N", title=color, scale=alt.Scale(scheme="tableau20"))]
    chart = alt.layer(base.mark_line(opacity=0.6).encode(*enc),
                      base.mark_point(filled=True, size=60).encode(
                          *enc, *([alt.Href("href:N")] if "href" in df else []),
                          *([alt.Description("tip:N")] if "tip" in df else [])))
    if facet:
        chart = chart.facet(row=alt.Row(f"{facet}:N", title=None), title=title).resolve_scale(
            y="independent")
    else:
        chart = chart.properties(title=title)
    return to_svg(chart)


def family_bars(df: pd.DataFrame, *, title: str) -> str:
    """Records per family, each bar linking to the family's page."""
    chart = alt.Chart(_data(df), title=title, width=WIDTH - 140, height=30 * len(df)).mark_bar(
        color="#4c78a8").encode(
        alt.Y("family:N", title=None, sort=None),
        alt.X("records:Q", title="records"),
        alt.Href("page:N"))
    text = chart.mark_text(align="left", dx=4).encode(text="records:Q")
    return to_svg(alt.layer(chart, text))


def value_bars(df: pd.DataFrame, category: str, value: str, *, title: str,
               x_title: str) -> str:
    """One bar per record, longest first, each linking to its evidence."""
    base = alt.Chart(_data(df), title=title, width=WIDTH - 140, height=max(60, 20 * len(df)))
    y = alt.Y(f"{category}:N", title=None, sort="-x")
    bars = base.mark_bar(color="#4c78a8").encode(y, alt.X(f"{value}:Q", title=x_title),
                                                 alt.Href("href:N"), alt.Description("tip:N"))
    text = base.mark_text(align="left", dx=3).encode(y, alt.X(f"{value}:Q"),
                                                     alt.Text(f"{value}:Q"))
    return to_svg(alt.layer(bars, text))
