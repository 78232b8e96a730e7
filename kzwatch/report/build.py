"""Build the static report from a published warehouse (read-only).

Pages: index (overview), cases, protests, surveys, indicators, findings, and one evidence page
per document (evidence/DOCUMENT_ID.html). Every figure on a page is either a record linked to
its evidence page at `#RECORD_ID`, or a count whose records are listed and linked beside it.

Every query goes through `_df`, which answers an empty frame for a table or view the
warehouse does not have (an empty database, an older snapshot): a page then says there are
no records. All data is read in one pass per table; the work is linear in records plus text.
"""
from __future__ import annotations

import hashlib
import re
import shutil
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import jinja2
import numpy as np
import pandas as pd

from kzwatch.report import charts, report_dir
from kzwatch.report.evidence import Span, mark_text
from kzwatch.settings import get_settings
from kzwatch.warehouse import bound_memory

TEMPLATES = Path(__file__).resolve().parent / "templates"
FAMILIES = {  # table -> (page, title)
    "case_mentions": ("cases.html", "Legal cases"),
    "protest_events": ("protests.html", "Protest events"),
    "survey_results": ("surveys.html", "Survey results"),
    "statistics": ("indicators.html", "Statistics"),
    "indicators": ("indicators.html", "Indicators"),
}
PAGES = [("index.html", "Overview"), ("cases.html", "Cases"), ("protests.html", "Protests"),
         ("surveys.html", "Surveys"), ("indicators.html", "Indicators"),
         ("findings.html", "Findings")]
# a short line saying what each record states: the evidence page lists records with it
LABELS = {
    "case_mentions": "concat_ws(' · ', person_name, status, sentence_type, "
                     "sentence_months::varchar || ' months')",
    "protest_events": "concat_ws(' · ', event_date, location, event_type, sub_event_type)",
    "survey_results": "concat_ws(' · ', survey_id, 'Q' || question_no, option_text, "
                      "pct_reported::varchar || ' %', responses::varchar || ' responses')",
    "statistics": "concat_ws(' · ', subject, metric, value::varchar, unit, period, location)",
    "indicators": "concat_ws(' · ', indicator, entity, period, value::varchar, unit, "
                  "'rank ' || rank::varchar)",
}
# offices, from the first keyword found in the position (checked in this order)
SENTENCE_TYPES = ["prison", "suspended", "deferred", "restriction_of_freedom", "probation",
                  "life", "fine", "none"]
EVENT_TYPES = ["protests", "riots", "violence_against_civilians", "battles",
               "strategic_developments"]
OFFICES = [("judge", "judge or court"), ("court", "judge or court"),
           ("prosecutor", "prosecutor"), ("police", "police"), ("akim", "akim or governor"),
           ("governor", "akim or governor"), ("mayor", "akim or governor"),
           ("prime minister", "minister"), ("minister", "minister"),
           ("deputy", "deputy or official"), ("senat", "parliament"),
           ("parliament", "parliament"), ("mazhilis", "parliament"),
           ("committee", "agency or committee"), ("agency", "agency or committee"),
           ("customs", "customs or tax"), ("tax", "customs or tax"),
           ("bank", "business"), ("director", "business"), ("company", "business"),
           ("businessman", "business"), ("journalist", "journalist or activist"),
           ("editor", "journalist or activist"), ("activist", "journalist or activist"),
           ("opposition", "journalist or activist"), ("leader", "journalist or activist")]


def office_of(position) -> str:
    if not isinstance(position, str) or not position.strip():
        return "(not stated)"
    low = position.lower()
    return next((office for key, office in OFFICES if key in low), "other")


def _df(con, sql: str, params: list | None = None) -> pd.DataFrame:
    try:
        return con.execute(sql, params or []).df()
    except (duckdb.CatalogException, duckdb.BinderException):
        return pd.DataFrame()


def _val(value):
    """None for every kind of missing value pandas hands back."""
    if value is None:
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):  # lists, arrays
        pass
    return value


def _rows(df: pd.DataFrame) -> list[dict]:
    return [{k: _val(v) for k, v in row.items()} for row in df.to_dict("records")]


def page_name(source_name: str, document_id) -> str:
    if isinstance(document_id, str) and re.fullmatch(r"[0-9A-Za-z_-]+", document_id):
        return document_id
    return hashlib.sha256(source_name.encode()).hexdigest()[:16]


CHART_CACHE = ".charts"  # drawn charts by content hash, reused by the next build (charts.py)


class Report:
    def __init__(self, con, max_charts: int):
        self.con = con
        self.max_charts = max_charts  # survey questions drawn as charts (the rest: tables)
        texts = _df(con, "select source_name, document_id from raw.document_texts")
        self.pages = {r["source_name"]: page_name(r["source_name"], r["document_id"])
                      for r in _rows(texts)}
        # the findings view is the costliest query: read once for the page and the marks
        self.finding_rows = _rows(_df(con, """
            select * from mart.findings
            order by case severity when 'error' then 0 when 'warning' then 1 else 2 end,
                     rule_code, subject"""))

    def href(self, source_name, anchor) -> str | None:
        page = self.pages.get(source_name)
        if page is None:
            return None
        return f"evidence/{page}.html" + (f"#{anchor}" if anchor else "")

    def with_links(self, df: pd.DataFrame) -> pd.DataFrame:
        if df.empty:
            return df
        df = df.copy()
        df["href"] = [self.href(s, r) for s, r in zip(df["source_name"], df["record_id"],
                                                        strict=True)]
        df["anchor"] = df["record_id"]
        return df

    # --- pages ------------------------------------------------------------------------

    def overview(self) -> dict:
        con = self.con
        counts = {}
        for table in FAMILIES:
            n = _df(con, f"select count(*) as n from core.{table}")
            counts[table] = int(n["n"][0]) if not n.empty else 0
        quarantined = _df(con, "select count(*) as n from core.quarantine")
        by_status = _df(con, "select status, count(*) as n from raw.documents "
                             "group by status order by status")
        docs = _df(con, "select * from mart.documents_overview")
        if docs.empty:
            docs = _df(con, "select source_name, status, reason, language from raw.documents "
                            "order by source_name")
        documents = _rows(docs)
        for d in documents:
            d["href"] = self.href(d["source_name"], None)
        findings = pd.DataFrame(self.finding_rows)
        severity = (findings.groupby("severity").size().reset_index(name="n")
                    if not findings.empty else findings)
        run = _df(con, """
            select * replace (strftime(timezone('UTC', started_at), '%Y-%m-%d %H:%M:%S UTC')
                                  as started_at,
                              strftime(timezone('UTC', ended_at), '%Y-%m-%d %H:%M:%S UTC')
                                  as ended_at)
            from raw.pipeline_runs
            order by pipeline_runs.ended_at desc nulls last, pipeline_runs.started_at desc
            limit 1""")
        families = [{"table": t, "title": FAMILIES[t][1], "page": FAMILIES[t][0],
                     "records": counts[t]} for t in FAMILIES]
        chart = None
        if any(counts.values()):
            chart = charts.family_bars(pd.DataFrame(
                [{"family": f["title"], "records": f["records"], "page": f["page"]}
                 for f in families]), title="Records per family")
        return {"families": families, "chart": chart,
                "records_total": sum(counts.values()),
                "quarantined": int(quarantined["n"][0]) if not quarantined.empty else 0,
                "documents": documents, "documents_total": len(documents),
                "by_status": _rows(by_status),
                "findings_by_severity": _rows(severity),
                "findings_total": int(severity["n"].sum()) if not severity.empty else 0,
                "run": _rows(run)[0] if not run.empty else None}

    def cases(self) -> dict:
        df = self.with_links(_df(self.con, """
            select m.record_id, m.source_name, m.person_id, m.person_name, m.case_no,
                   m.position, m.region, m.charges, m.status, m.sentence_type,
                   m.sentence_months, m.verdict_on, m.detained_on,
                   coalesce(p.canonical_name, m.person_name) as person,
                   try_cast(substr(coalesce(m.verdict_on, m.detained_on), 1, 4) as integer)
                       as year
            from core.case_mentions m
            left join core.persons p on p.person_id = m.person_id
            order by m.source_name, m.person_name, m.case_no"""))
        if df.empty:
            return {"n": 0}
        df["office"] = df["position"].map(office_of)
        df["tip"] = [" · ".join(str(x) for x in parts if _val(x) is not None) for parts in zip(
            df["person"], df["position"], df["sentence_type"],
            df["sentence_months"].map(lambda m: f"{int(m)} months" if _val(m) is not None
                                      else None),
            df["source_name"], strict=True)]
        df["charges"] = df["charges"].map(lambda c: list(c) if _val(c) is not None else [])
        df["sentence"] = df["sentence_type"].fillna("no sentence stated")
        sentenced = df[df["sentence_type"].notna()]
        out = {"n": len(df), "n_sentenced": len(sentenced), "charts": []}
        if not sentenced.empty:
            by_charge = sentenced.explode("charges")
            by_charge["charge"] = by_charge["charges"].fillna("(none stated)")
            out["charts"].append(charts.unit_bars(
                by_charge, "charge", "sentence_type", title="Sentences by charge",
                category_title="charge", color_title="sentence", domain=SENTENCE_TYPES))
            out["charts"].append(charts.unit_bars(
                sentenced, "office", "sentence_type", title="Sentences by office",
                category_title="office (from the position)", color_title="sentence",
                domain=SENTENCE_TYPES))
            dated = sentenced[sentenced["year"].notna()].copy()
            if not dated.empty:
                dated["year"] = dated["year"].astype(int).astype(str)
                out["charts"].append(charts.unit_bars(
                    dated, "year", "sentence_type", horizontal=False,
                    title="Sentences by year (of the verdict, else the detention)",
                    category_title="year", color_title="sentence", domain=SENTENCE_TYPES,
                    sort=sorted(dated["year"].unique())))
            out["n_undated"] = len(sentenced) - len(dated)
            table = []
            for charge, group in by_charge.groupby("charge", sort=True):
                months = group["sentence_months"].dropna()
                table.append({"charge": charge, "n": len(group),
                              "median": float(months.median()) if len(months) else None,
                              "max": int(months.max()) if len(months) else None,
                              "records": _rows(group[["href", "person", "sentence_type",
                                                      "sentence_months"]])})
            out["by_charge"] = sorted(table, key=lambda r: (-r["n"], r["charge"]))
        people = df[df["person_id"].notna()].groupby("person_id")
        several = []
        for _, group in people:
            if len(group) > 1:
                several.append({"person": group["person"].iloc[0], "n": len(group),
                                "documents": group["source_name"].nunique(),
                                "mentions": _rows(group.sort_values(["year", "source_name"]))})
        out["several"] = sorted(several, key=lambda p: (-p["n"], p["person"]))
        out["mentions"] = _rows(df)
        return out

    def protests(self) -> dict:
        df = self.with_links(_df(self.con, """
            select record_id, source_name, event_date, location,
                   coalesce(region, 'unknown') as region, event_type, sub_event_type,
                   participants, killed, injured, detained, description
            from core.protest_events order by event_date, location"""))
        if df.empty:
            return {"n": 0}
        df["tip"] = [" · ".join(str(x) for x in parts if _val(x) is not None) for parts in zip(
            df["event_date"], df["location"], df["sub_event_type"], df["source_name"],
            strict=True)]
        out = {"n": len(df), "charts": []}
        dated = df[df["event_date"].str.len() >= 7].copy()
        dated["month"] = dated["event_date"].str[:7]
        if not dated.empty:
            out["charts"].append(charts.unit_bars(
                dated, "month", "event_type", horizontal=False, title="Events by month",
                category_title="month", color_title="event type", domain=EVENT_TYPES,
                sort=sorted(dated["month"].unique())))
        out["year_only"] = _rows(df[df["event_date"].str.len() < 7])
        out["charts"].append(charts.unit_bars(
            df, "region", "event_type", title="Events by region", category_title="region",
            color_title="event type", domain=EVENT_TYPES))
        out["events"] = _rows(df)
        return out

    def surveys(self) -> dict:
        df = self.with_links(_df(self.con, """
            select record_id, source_name, survey_id, question_no, question_text, option_no,
                   option_text, responses, pct_reported, n_respondents,
                   round(100.0 * responses / nullif(n_respondents, 0), 1) as pct_recomputed
            from core.survey_results
            order by source_name, survey_id, question_no, option_no"""))
        if df.empty:
            return {"n": 0}
        questions = []
        keys = ["source_name", "survey_id", "question_no"]
        # one pass over the rows, sorted by question already (a DataFrame per question and its
        # to_dict took seconds for a thousand questions); a frame only for a drawn chart
        rows = _rows(df)
        bounds = [0] + [i for i in range(1, len(rows))
                        if [rows[i][k] for k in keys] != [rows[i - 1][k] for k in keys]]
        for start, end in zip(bounds, bounds[1:] + [len(rows)], strict=True):
            options = rows[start:end]
            source, survey, qno = (options[0][k] for k in keys)
            text = next((o["question_text"] for o in options if o["question_text"]), None)
            title = f"Q{qno}. {text}" if text else f"Q{qno}"
            chart = None
            if len(questions) < self.max_charts:
                group = df.iloc[start:end].copy()
                group["label"] = [charts.short(f"{n}. {t}", 36) for n, t in
                                  zip(group["option_no"], group["option_text"], strict=True)]
                group["tip"] = [f"{t} · printed {_num(p)} % · recomputed {_num(r)} % · "
                                f"{_num(n)} responses" for t, p, r, n in zip(
                                    group["option_text"], group["pct_reported"],
                                    group["pct_recomputed"], group["responses"], strict=True)]
                chart = charts.option_bars(group, title=charts.short(title, 60))
            questions.append({
                "source_name": source, "survey_id": survey, "question_no": int(qno),
                "question_text": text, "options": options, "chart": chart,
                "doc_href": self.href(source, None)})
        return {"n": len(df), "questions": questions,
                "drawn": min(len(questions), self.max_charts)}

    def indicators(self) -> dict:
        df = self.with_links(_df(self.con, """
            select record_id, source_name, indicator, entity, period, value, unit, rank,
                   rank_of, try_cast(substr(period, 1, 4) as integer) as year
            from core.indicators order by indicator, entity, period nulls last"""))
        stats = self.with_links(_df(self.con, """
            select record_id, source_name, subject, metric, value, unit, period, location
            from core.statistics order by metric, subject, period nulls last"""))
        ref = _df(self.con, "select year, currency, units_per_usd, source from ref.fx_rates "
                            "order by currency, year")
        out = {"n": len(df), "n_statistics": len(stats), "charts": {},
               "statistics": _rows(stats)}
        if not ref.empty:
            ref = ref.assign(series=ref["currency"] + " per USD (ref.fx_rates)")
            out["charts"]["fx_ref"] = charts.series(
                ref, "year", "units_per_usd", "series", x_type="Q",
                title="Reference exchange rates: annual averages (ref.fx_rates)",
                x_title="year", y_title="units per US dollar")
            out["fx_ref"] = _rows(ref)
        if df.empty:
            return out
        df["tip"] = [f"{e} {p or ''} = {_num(v, 2)} · {s}" for e, p, v, s in zip(
            df["entity"], df["period"].map(_val), df["value"], df["source_name"], strict=True)]
        cpi = df[(df["indicator"] == "cpi_score") & df["value"].notna() & df["year"].notna()]
        if not cpi.empty:
            cpi = cpi.assign(year=cpi["year"].astype(int).astype(str))
            if cpi["year"].nunique() > 1:
                out["charts"]["cpi"] = charts.series(
                    cpi.assign(year=cpi["year"].astype(int)), "year", "value", "entity",
                    x_type="Q", x_title="year",
                    title="Corruption Perceptions Index by country", y_title="CPI score (0-100)")
            else:  # one year: a ranking reads better than a column of dots
                out["charts"]["cpi"] = charts.value_bars(
                    cpi, "entity", "value", title=f"Corruption Perceptions Index "
                    f"{cpi['year'].iloc[0]}", x_title="CPI score (0-100)")
            years = sorted(cpi["year"].unique())
            grid = defaultdict(dict)
            for r in _rows(cpi):
                grid[r["entity"]].setdefault(r["year"], []).append(r)
            out["cpi_years"] = years
            out["cpi_grid"] = sorted(grid.items())
        fx = df[df["indicator"] == "fx_rate"].copy()
        if not fx.empty:
            fx["date"] = pd.to_datetime(fx["period"].fillna("").str.extract(
                r"^(\d{4}(?:-\d{2}(?:-\d{2})?)?)$")[0], errors="coerce", format="mixed")
            dated = fx[fx["date"].notna() & fx["value"].notna()].copy()
            if not dated.empty:
                dated["date"] = dated["date"].dt.strftime("%Y-%m-%d")
                out["charts"]["fx"] = charts.series(
                    dated, "date", "value", "entity", x_type="T", facet="entity",
                    title="Exchange rates stated in the documents, by currency pair",
                    x_title="date", y_title="rate")
            out["fx"] = _rows(fx.drop(columns=["date"]))
        # every other value, CPI scores too where the chart has none (no value or no year)
        others = df[(df["indicator"] != "fx_rate") & ~df["record_id"].isin(
            cpi["record_id"] if not cpi.empty else [])]
        out["others"] = [(name, _rows(g)) for name, g in others.groupby("indicator", sort=True)]
        return out

    def findings(self) -> dict:
        rows = [dict(r) for r in self.finding_rows]
        for r in rows:
            for side in ("a", "b"):
                anchor = r.get(f"record_id_{side}") or (
                    f"{r['finding_id']}-{side}" if r.get(f"evidence_start_{side}") is not None
                    else None)
                r[f"href_{side}"] = (self.href(r.get(f"source_{side}"), anchor)
                                     if anchor else None)
        return {"n": len(rows), "rows": rows}

    # --- evidence pages -----------------------------------------------------------------

    def evidence_spans(self) -> dict[str, list[Span]]:
        spans: dict[str, list[Span]] = defaultdict(list)
        for table in FAMILIES:
            df = _df(self.con, f"""
                select record_id, source_name, evidence_start, evidence_end,
                       {LABELS[table]} as label
                from core.{table}""")
            for rid, src, start, end, label in df.itertuples(index=False):
                if _val(start) is None or _val(end) is None:
                    continue
                spans[src].append(Span(rid, int(start), int(end), label or "", table))
        for r in self.finding_rows:
            for side in ("a", "b"):
                start, end = r.get(f"evidence_start_{side}"), r.get(f"evidence_end_{side}")
                if r.get(f"record_id_{side}") or start is None or end is None:
                    continue
                spans[r[f"source_{side}"]].append(Span(
                    f"{r['finding_id']}-{side}", int(start), int(end),
                    f"finding {r['rule_code']}: {r.get(f'stated_{side}') or ''}", "finding"))
        return spans

    def evidence_pages(self, env, out: Path, generated: str) -> set[str]:
        spans = self.evidence_spans()
        meta = {r["source_name"]: r for r in _rows(_df(self.con, "select * from raw.documents"))}
        template = env.get_template("evidence.html")
        written = set()
        cur = self.con.cursor()
        try:
            cur.execute("select source_name, document_id, text from raw.document_texts "
                        "order by source_name")
        except (duckdb.CatalogException, duckdb.BinderException):
            return written
        while batch := cur.fetchmany(16):
            for source, document_id, text in batch:
                name = page_name(source, document_id)
                doc_spans = sorted(spans.get(source, []), key=lambda s: (s.start, s.anchor))
                body, unplaced = mark_text(text or "", doc_spans)
                html = template.render(
                    source_name=source, document_id=document_id, meta=meta.get(source, {}),
                    body=body, spans=doc_spans, unplaced=unplaced, generated=generated,
                    titles=dict(FAMILIES), root="../")
                (out / f"{name}.html").write_text(html, encoding="utf-8")
                written.add(f"{name}.html")
        return written


def build_report(warehouse: Path, out_dir: Path | None = None) -> Path:
    """Write the report for `warehouse` (opened read-only) into `out_dir` (default: a
    `report` folder beside the warehouse) and return the path of its index.html."""
    warehouse = Path(warehouse)
    if not warehouse.is_file():
        raise FileNotFoundError(f"warehouse {warehouse} does not exist")
    out = Path(out_dir) if out_dir is not None else report_dir(warehouse)
    out.mkdir(parents=True, exist_ok=True)
    evidence_dir = out / "evidence"
    evidence_dir.mkdir(exist_ok=True)
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES),
                             autoescape=jinja2.select_autoescape(["html"]),
                             trim_blocks=True,
                             lstrip_blocks=True)
    env.filters["num"] = _num
    generated = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        bound_memory(con)
        report = Report(con, get_settings().report_max_charts)
        with charts.chart_cache(out / CHART_CACHE):
            pages = {
                "index.html": ("overview.html", report.overview()),
                "cases.html": ("cases.html", report.cases()),
                "protests.html": ("protests.html", report.protests()),
                "surveys.html": ("surveys.html", report.surveys()),
                "indicators.html": ("indicators.html", report.indicators()),
                "findings.html": ("findings.html", report.findings()),
            }
        common = {"nav": PAGES, "generated": generated, "warehouse": str(warehouse),
                  "root": ""}
        for name, (template, data) in pages.items():
            html = env.get_template(template).render(page=name, d=data, **common)
            (out / name).write_text(html, encoding="utf-8")
        written = report.evidence_pages(env, evidence_dir, generated)
    finally:
        con.close()
    for old in evidence_dir.glob("*.html"):  # documents gone since the last report
        if old.name not in written:
            old.unlink()
    shutil.copyfile(TEMPLATES / "report.css", out / "report.css")
    return out / "index.html"


def _num(value, digits: int = 1) -> str:
    """A number as a reader wants it: no .0 on whole values, thousands separated."""
    value = _val(value)
    if value is None:
        return "–"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}".replace(",", "\u202f")
    if abs(value) < 1:  # exchange rates such as 0.00008: positional, 4 significant digits
        return np.format_float_positional(value, precision=4, fractional=False, trim="-")
    return f"{round(value, digits):,}".replace(",", "\u202f")
