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
