-- Staging: one view per source table; only renames and casts, no logic.

-- grain: one row per document file
create or replace view staging.stg_documents as
select source_name, document_id, status, reason, duplicate_of, size_bytes, encoding,
       n_chars, language, parser_version
from raw.documents;

-- grain: one row per survey answer option
create or replace view staging.stg_survey_results as
select record_id, document_id, source_name, survey_id, question_no, question_text, option_no,
       option_text, responses, pct_reported, n_respondents, evidence
from core.survey_results;

-- grain: one row per index/table value
create or replace view staging.stg_indicators as
select record_id, document_id, source_name, indicator, entity, period,
       try_cast(substr(period, 1, 4) as integer) as period_start_year,
       value, unit, rank, rank_of, evidence
from core.indicators;

-- grain: one row per rejected record
create or replace view staging.stg_quarantine as
select table_name, rule_code, reason, source_name, record_id, record, run_id
from core.quarantine;

comment on view staging.stg_documents is 'One row per document file (raw.documents, renamed)';
comment on view staging.stg_survey_results is 'One row per survey answer option (core.survey_results)';
comment on view staging.stg_indicators is 'One row per index/table value, with the period''s first year';
comment on view staging.stg_quarantine is 'One row per record rejected by validation';

comment on column staging.stg_documents.source_name is 'Document path relative to the corpus folder';
comment on column staging.stg_documents.document_id is 'sha256 of the file''s bytes (16 hex); shared by duplicates';
comment on column staging.stg_documents.status is 'loaded | duplicate (same bytes as another file, loaded once) | error (see reason)';
comment on column staging.stg_documents.reason is 'Why the file is an error, or a warning about it';
comment on column staging.stg_documents.duplicate_of is 'For a duplicate: the source_name whose records count';
comment on column staging.stg_documents.size_bytes is 'File size in bytes';
comment on column staging.stg_documents.encoding is 'Text encoding the file was decoded with';
comment on column staging.stg_documents.n_chars is 'Characters of decoded text';
comment on column staging.stg_documents.language is 'Detected language: en, ru, kk or und (undetermined); NULL if not read';
comment on column staging.stg_documents.parser_version is 'Hash of the cleaning/extraction code that read it';

comment on column staging.stg_survey_results.record_id is 'Stable record id (core.survey_results)';
comment on column staging.stg_survey_results.document_id is 'raw.documents.document_id of the source';
comment on column staging.stg_survey_results.source_name is 'Document path relative to the corpus folder';
comment on column staging.stg_survey_results.survey_id is 'Slug naming the survey within the document';
comment on column staging.stg_survey_results.question_no is 'Question number as printed';
comment on column staging.stg_survey_results.question_text is 'Question text, wrapped lines joined';
comment on column staging.stg_survey_results.option_no is '1-based order of the option within the question';
comment on column staging.stg_survey_results.option_text is 'Whole option text, wrapped lines joined';
comment on column staging.stg_survey_results.responses is 'Count of responses (or mentions) for the option';
comment on column staging.stg_survey_results.pct_reported is 'Percentage (0-100) as printed; NULL if none';
comment on column staging.stg_survey_results.n_respondents is 'Respondents to the question: stated N, or count / percent';
comment on column staging.stg_survey_results.evidence is 'Verbatim passage of the source stating the option''s figures';

comment on column staging.stg_indicators.record_id is 'Stable record id (core.indicators)';
comment on column staging.stg_indicators.document_id is 'raw.documents.document_id of the source';
comment on column staging.stg_indicators.source_name is 'Document path relative to the corpus folder';
comment on column staging.stg_indicators.indicator is 'Indicator code (contract vocabulary)';
comment on column staging.stg_indicators.entity is 'Country, group or currency pair the value belongs to';
comment on column staging.stg_indicators.period is 'Year, span or ISO partial date the value refers to, as printed';
comment on column staging.stg_indicators.period_start_year is 'First year of the period (its first four digits); NULL if none';
comment on column staging.stg_indicators.value is 'The value, in unit';
comment on column staging.stg_indicators.unit is 'Unit of the value: score, rank, count, percent, rate';
comment on column staging.stg_indicators.rank is 'Rank where printed';
comment on column staging.stg_indicators.rank_of is 'Out of how many (ranked entities)';
comment on column staging.stg_indicators.evidence is 'Verbatim passage of the source stating the value';

comment on column staging.stg_quarantine.table_name is 'Contract table the rejected row was meant for';
comment on column staging.stg_quarantine.rule_code is 'Codes of the failed expectations, comma-separated (kzwatch/validate.py)';
comment on column staging.stg_quarantine.reason is 'What the failed expectations check';
comment on column staging.stg_quarantine.source_name is 'Document the row came from';
comment on column staging.stg_quarantine.record_id is 'The rejected record''s id';
comment on column staging.stg_quarantine.record is 'The rejected record as JSON';
comment on column staging.stg_quarantine.run_id is 'Run that quarantined it (raw.pipeline_runs)';
