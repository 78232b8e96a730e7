"""SQLAlchemy definitions of the warehouse tables, with the comments a SQL client shows.

The contract tables are derived from the pydantic models (models/records.py), so a field
added there appears here; the bookkeeping tables are written out.
"""
from __future__ import annotations

import types
import typing

from sqlalchemy import (
    ARRAY,
    TIMESTAMP,
    BigInteger,
    Boolean,
    Column,
    Double,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from models.records import RECORD_MODELS

metadata = MetaData()

SCHEMA_COMMENTS = {
    "raw": "What was read and how it was processed: documents, their texts and parts, "
           "pipeline runs, validation results, and the people resolver's scored names and pairs.",
    "core": "The public contract tables (../shared/spec/records.md), validated records only.",
    "ref": "Reference tables loaded from seeds/reference/.",
    "staging": "Views over core and raw that only rename and cast (one per source table).",
    "mart": "Summary views for SQL clients; each view's comment states its grain.",
}

TABLE_COMMENTS = {
    "case_mentions": "One row per (document, person facing a legal case, case).",
    "protest_events": "One row per (document, location, day) of protest or unrest, ACLED-coded.",
    "survey_results": "One row per answer option of a survey question printed in a document.",
    "statistics": "One row per figure stated about protests or the fight against corruption.",
    "indicators": "One row per value of a published index or table (CPI, assemblies, FX...).",
}

COLUMN_COMMENTS = {
    "record_id": "Stable id: hash of the document checksum, the table and the natural key",
    "document_id": "raw.documents.document_id of the source (sha256 of its bytes, 16 hex)",
    "source_name": "Document path relative to the corpus folder",
    "evidence": "Verbatim passage of the source that states the record's facts",
    "evidence_start": "Character offset where the evidence starts in the original text",
    "evidence_end": "Character offset where the evidence ends in the original text",
    "part_no": "Article of a listing page the record was read from (raw.document_parts); "
               "NULL for a document of one article",
    "person_name": "Full name as first written in the document",
    "case_no": "1, 2, ... for distinct cases of one person in one document",
    "person_id": "Resolved person (core.persons); one id across spellings and documents",
    "position": "Office held when the case arose",
    "region": "Canonical region (contract vocabulary)",
    "charges": "Charges, contract vocabulary",
    "amount_kzt": "Money at stake in tenge as stated",
    "amount_usd": "Money at stake in US dollars as stated (never converted here)",
    "amount_kind": "bribe, damage, embezzled, restitution, assets_recovered",
    "detained_on": "ISO partial date of detention or arrest",
    "verdict_on": "ISO partial date of the verdict",
    "sentence_type": "prison, suspended, deferred, restriction_of_freedom, probation, life, "
                     "fine, none",
    "sentence_months": "Sentence handed down, in months (life: NULL)",
    "in_absentia": "Sentenced in absentia",
    "status": "Latest stage of the case the document reports",
    "event_date": "ISO partial date of the event (day, month or year precision)",
    "location": "City or town, canonical spelling",
    "latitude": "Latitude of the location (gazetteer)",
    "longitude": "Longitude of the location (gazetteer)",
    "geo_precision": "ACLED geo precision: 1 town, 2 part of a region, 3 region",
    "event_type": "ACLED event type",
    "sub_event_type": "ACLED sub-event type, snake case",
    "participants": "Participants stated for that place and day",
    "killed": "Killed, stated for that place and day",
    "injured": "Injured, stated for that place and day",
    "detained": "Detained, stated for that place and day",
    "description": "One-line description of the event",
    "survey_id": "Slug naming the survey within the document",
    "question_no": "Question number as printed",
    "question_text": "Question text, wrapped lines joined",
    "option_no": "1-based order of the option within the question",
    "option_text": "Whole option text, wrapped lines joined",
    "responses": "Count of responses (or mentions)",
    "pct_reported": "Percentage as printed, NULL if none",
    "n_respondents": "Respondents to the question: stated N, or count / percent",
    "subject": "What the figure is about",
    "metric": "What the figure counts (contract vocabulary)",
    "value": "The value",
    "unit": "Unit of the value",
    "period": "Year, span or ISO partial date the value refers to",
    "indicator": "Indicator code (contract vocabulary)",
    "entity": "Country, group or currency pair the value belongs to",
    "rank": "Rank where printed",
    "rank_of": "Out of how many",
}

_TYPES = {str: String, int: Integer, float: Double, bool: Boolean}


def _sql_type(annotation):
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if isinstance(annotation, types.UnionType) or typing.get_origin(annotation) is typing.Union:
        annotation = args[0]
    if typing.get_origin(annotation) is list:
        return ARRAY(String)
    return _TYPES[annotation]()


def _contract_table(name: str) -> Table:
    model = RECORD_MODELS[name]
    cols = [Column("record_id", String, nullable=False, comment=COLUMN_COMMENTS["record_id"]),
            Column("document_id", String, nullable=False, comment=COLUMN_COMMENTS["document_id"])]
    for field_name, info in model.model_fields.items():
        cols.append(Column(field_name, _sql_type(info.annotation),
                           comment=COLUMN_COMMENTS.get(field_name, field_name)))
    return Table(name, metadata, *cols, schema="core", comment=TABLE_COMMENTS[name])


CONTRACT_TABLES = {name: _contract_table(name) for name in RECORD_MODELS}

documents = Table(
    "documents", metadata,
    Column("source_name", String, primary_key=True, comment="Path relative to the corpus folder"),
    Column("document_id", String, comment="sha256 of the bytes (16 hex); shared by duplicates"),
    Column("checksum", String, comment="Full sha256 of the file's bytes"),
    Column("status", String, nullable=False,
           comment="loaded | duplicate (same bytes as another file, loaded once) | error "
                   "(unreadable, refused, or over the time budget: see reason)"),
    Column("reason", Text, comment="Why the file is an error, or a warning about it"),
    Column("duplicate_of", String, comment="For duplicates: the source_name whose records count"),
    Column("size_bytes", BigInteger, comment="File size in bytes"),
    Column("encoding", String, comment="Text encoding the file was decoded with"),
    Column("n_chars", Integer, comment="Characters of decoded text"),
    Column("language", String,
           comment="Detected language: en, ru, kk or und (undetermined); NULL if not read. "
                   "A language without a rule pack is read but yields no records (see reason)"),
    Column("format", String,
           comment="text | html | pdf | docx: how the file was read (html also for a .txt "
                   "holding a web page); NULL if not read"),
    Column("extractor", String,
           comment="Library and version that extracted the text of an HTML, PDF or DOCX file "
                   "(trafilatura, pypdf, python-docx); NULL for plain text"),
    Column("title", Text,
           comment="Title found in the page's, PDF's or DOCX's metadata, where found"),
    Column("published_on", String,
           comment="Publication date (ISO YYYY-MM-DD) stated by an HTML page's markup (meta "
                   "tags, <time>, JSON-LD, URL), a PDF's or DOCX's creation date, or the text's "
                   "dateline; NULL where none. The anchor of relative dates where the text has no "
                   "dateline"),
    Column("published_on_source", String,
           comment="Where published_on came from: html metadata | html url | html markup | "
                   "pdf metadata (creation date) | docx metadata (creation date) | dateline "
                   "(the text's own). A file's creation date is recorded but anchors nothing"),
    Column("site", String, comment="Site or outlet name of an HTML page (or its host name)"),
    Column("url", Text, comment="Canonical URL stated by an HTML page, where stated"),
    Column("pages", Integer,
           comment="PDF: pages read; the stored text has a form-feed line between pages, so "
                   "the page of an offset is 1 + the form feeds before it"),
    Column("parser_version", String, comment="Hash of the cleaning/extraction code that read it"),
    Column("loaded_run_id", String, comment="Run that last (re)extracted this document"),
    schema="raw", comment="One row per document file seen in the folder, with its read status.")

document_texts = Table(
    "document_texts", metadata,
    Column("source_name", String, primary_key=True, comment="Path relative to the corpus folder"),
    Column("document_id", String, comment="sha256 of the bytes (16 hex), as in raw.documents"),
    Column("text", Text, comment="The document's text as read (decoded, before cleaning; for "
                                 "HTML and PDF the text extracted from the file, see "
                                 "raw.documents.format): the text every record's evidence "
                                 "and offsets refer to"),
    schema="raw",
    comment="One row per loaded document: the text its records' evidence is cut from.")

document_parts = Table(
    "document_parts", metadata,
    Column("source_name", String, primary_key=True, comment="Path relative to the corpus folder"),
    Column("document_id", String, comment="sha256 of the bytes (16 hex), as in raw.documents"),
    Column("part_no", Integer, primary_key=True, comment="1, 2, ... in page order"),
    Column("start", Integer, comment="Offset of the article's headline in raw.document_texts.text"),
    Column("end", Integer, comment="Offset after the article's last character (its teaser's "
                                   "cut, or the next headline)"),
    Column("title", Text, comment="The article's headline"),
    Column("published_on", String,
           comment="The article's date (ISO): its own date line, else the page's published_on"),
    Column("published_on_source", String,
           comment="date line (the article's own) or the page's published_on_source"),
    schema="raw",
    comment="One row per article of a listing page (a page printing several articles as "
            "headline and teaser). Records read from an article carry its part_no; a relative "
            "date in it counts from its date.")

pipeline_runs = Table(
    "pipeline_runs", metadata,
    Column("run_id", String, primary_key=True, comment="kzwatch run id"),
    Column("flow_run_id", String, comment="Prefect flow run id (NULL outside Prefect)"),
    Column("started_at", TIMESTAMP(timezone=True), comment="Start of the run (UTC)"),
    Column("ended_at", TIMESTAMP(timezone=True), comment="End of the run (UTC)"),
    Column("documents_seen", Integer, comment="Files found in the folder"),
    Column("documents_new", Integer, comment="Files not in the previous snapshot"),
    Column("documents_changed", Integer, comment="Files whose bytes or parser version changed"),
    Column("documents_removed", Integer, comment="Files gone since the previous snapshot"),
    Column("documents_unchanged", Integer, comment="Files skipped: same hash, same parser"),
    Column("documents_failed", Integer, comment="Files recorded as errors"),
    Column("rows_loaded", Text, comment="JSON: rows loaded per table in this run"),
    Column("rows_quarantined", Integer, comment="Rows that failed validation in this run"),
    Column("outcome", String, comment="completed | failed"),
    schema="raw", comment="One row per pipeline run that published a snapshot.")

quarantine = Table(
    "quarantine", metadata,
    Column("table_name", String, comment="Contract table the row was meant for"),
    Column("rule_code", String, comment="Codes of the failed expectations (kzwatch/validate.py)"),
    Column("reason", Text, comment="What the failed expectations check"),
    Column("source_name", String, comment="Document the row came from"),
    Column("document_id", String, comment="raw.documents.document_id"),
    Column("record_id", String, comment="The record's id"),
    Column("record", Text, comment="The rejected record as JSON"),
    Column("run_id", String, comment="Run that quarantined it"),
    schema="core", comment="Rows that failed validation, kept out of the contract tables.")

persons = Table(
    "persons", metadata,
    Column("person_id", String, primary_key=True, comment="Stable person id"),
    Column("canonical_name", String, comment="Name chosen for the person"),
    Column("variants", ARRAY(String), comment="Every spelling seen"),
    Column("first_document", String, comment="First document (by name) mentioning the person"),
    Column("last_document", String, comment="Last document (by name) mentioning the person"),
    Column("mention_count", Integer, comment="Case mentions resolved to this person"),
    schema="core", comment="One row per resolved person facing a case in any document.")

person_merges = Table(
    "person_merges", metadata,
    Column("person_id", String, comment="Person the spelling was merged into"),
    Column("variant", String, comment="The spelling"),
    Column("rule", String, comment="Why: exact_fold, alias_csv, fuzzy, surname_only"),
    Column("score", Double, comment="Similarity score of the merge"),
    schema="core", comment="One row per spelling merged into a person, with the reason.")

person_names_scored = Table(
    "person_names_scored", metadata,
    Column("person_name", String, primary_key=True,
           comment="A spelling of core.case_mentions.person_name whose candidate pairs with "
                   "every other spelling of this table are in raw.person_name_pairs"),
    Column("scorer_version", String,
           comment="Hash of the folding and scoring code (kzwatch/persons.py, rapidfuzz and "
                   "Unidecode versions) the spelling was scored with; under another version it "
                   "is scored again"),
    schema="raw",
    comment="One row per distinct person name already scored for person resolution (the "
            "names of the last resolution): a run scores only the names not listed here.")

person_name_pairs = Table(
    "person_name_pairs", metadata,
    Column("stage", String, primary_key=True,
           comment="fuzzy: two full names whose folded tokens, sorted, score at least "
                   "FUZZY_THRESHOLD; surname: a lone surname and a full name whose surname "
                   "scores at least SURNAME_THRESHOLD (kzwatch/persons.py)"),
    Column("name_a", String, primary_key=True,
           comment="fuzzy: the first of the two full names in sort order; surname: the lone "
                   "surname as written"),
    Column("name_b", String, primary_key=True,
           comment="fuzzy: the second of the two full names in sort order; surname: the full "
                   "name as written"),
    Column("score", Double, comment="rapidfuzz ratio of the two folded keys (0-100)"),
    schema="raw",
    comment="One row per (stage, pair of person names) that person resolution considers "
            "joining: its candidate pairs, kept so that a run scores only new names against "
            "all (raw.person_names_scored lists the names the pairs were computed over). "
            "Whether a pair joins is decided again on every resolution (core.person_merges).")

validation_results = Table(
    "validation_results", metadata,
    Column("run_id", String, comment="Run"),
    Column("table", String, comment="Contract table"),
    Column("rule_code", String, comment="Expectation rule code"),
    Column("expectation", String, comment="GX expectation type"),
    Column("column", String, comment="Column checked"),
    Column("success", Boolean, comment="All rows passed"),
    Column("unexpected", Integer, comment="Rows that failed"),
    Column("checked", Integer, comment="Rows checked"),
    schema="raw", comment="One row per (run, expectation): the validation results of every "
                          "published run, kept as history (an unchanged run checks 0 rows).")
