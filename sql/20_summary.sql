-- Summary views named by what they show. Each states its grain.

-- grain: one row per (survey, question, option); options ranked by responses within the
-- question, the printed percentage beside the one recomputed from counts.
create or replace view mart.survey_question_options as
select source_name, survey_id, question_no, question_text, option_no, option_text,
       responses,
       rank() over (partition by source_name, survey_id, question_no
                    order by responses desc nulls last, pct_reported desc nulls last)
           as rank_in_question,
       pct_reported,
       round(100.0 * responses / nullif(n_respondents, 0), 1) as pct_recomputed,
       round(pct_reported - 100.0 * responses / nullif(n_respondents, 0), 1) as pct_difference,
       n_respondents,
       sum(pct_reported) over (partition by source_name, survey_id, question_no)
           as question_pct_total,
       evidence
from staging.stg_survey_results;
comment on view mart.survey_question_options is
  'One row per survey answer option: rank within its question, printed vs recomputed percent';
comment on column mart.survey_question_options.source_name is 'Document path relative to the corpus folder';
comment on column mart.survey_question_options.survey_id is 'Slug naming the survey within the document';
comment on column mart.survey_question_options.question_no is 'Question number as printed';
comment on column mart.survey_question_options.question_text is 'Question text, wrapped lines joined';
comment on column mart.survey_question_options.option_no is '1-based order of the option as printed';
comment on column mart.survey_question_options.option_text is 'Whole option text, wrapped lines joined';
comment on column mart.survey_question_options.responses is 'Count of responses (or mentions) for the option';
comment on column mart.survey_question_options.rank_in_question is '1 = most responses within the question (ties share a rank; then by printed percent)';
comment on column mart.survey_question_options.pct_reported is 'Percentage (0-100) as printed; NULL if none';
comment on column mart.survey_question_options.pct_recomputed is 'Percentage recomputed as 100 * responses / n_respondents, 1 decimal';
comment on column mart.survey_question_options.pct_difference is 'pct_reported - pct_recomputed, in percentage points (rounding shows as up to ~0.1)';
comment on column mart.survey_question_options.n_respondents is 'Respondents to the question: stated N, or count / percent';
comment on column mart.survey_question_options.question_pct_total is 'Sum of the printed percentages of the question''s options (about 100 for single-choice)';
comment on column mart.survey_question_options.evidence is 'Verbatim passage of the source stating the option''s figures';

-- grain: one row per (indicator, entity, period, source); a series ordered by period, with
-- spans kept apart from single periods: period_kind is 'year' (2023), 'span' (2011-2012),
-- 'part_of_year' (2020-H1, 2020-Q3), 'date' (2024-03 or 2024-03-07), 'other' or 'none'.
-- Sum only period_kind = 'year' rows: a span overlapping yearly values counts them twice
-- (overlaps_yearly_values says so).
create or replace view mart.indicator_series as
with typed as (
    select *,
           case when period is null then 'none'
                when regexp_full_match(period, '\d{4}') then 'year'
                when regexp_full_match(period, '\d{4}\s*[-–]\s*\d{4}') then 'span'
                when regexp_full_match(period, '\d{4}-(H[12]|Q[1-4])') then 'part_of_year'
                when regexp_full_match(period, '\d{4}-\d{2}(-\d{2})?') then 'date'
                else 'other' end as period_kind
    from staging.stg_indicators
),
bounded as (
    select *,
           case when period_kind = 'span'
                then try_cast(regexp_extract(period, '(\d{4})$', 1) as integer)
                else period_start_year end as period_end_year
    from typed
)
select b.indicator, b.entity, b.period, b.period_kind, b.period_start_year, b.period_end_year,
       b.period_end_year - b.period_start_year + 1 as n_years,
       b.period_kind = 'span' and exists (
           select 1 from typed y
           where y.indicator = b.indicator and y.entity = b.entity and y.period_kind = 'year'
             and y.period_start_year between b.period_start_year and b.period_end_year)
           as overlaps_yearly_values,
       b.value, b.unit, b.rank, b.rank_of, b.source_name, b.evidence
from bounded b
order by b.indicator, b.entity, b.period_kind = 'span', b.period_start_year nulls last,
         b.period;
comment on view mart.indicator_series is
  'One row per indicator x entity x period value, ordered as a series; spans kept apart';
comment on column mart.indicator_series.indicator is 'Indicator code (contract vocabulary)';
comment on column mart.indicator_series.entity is 'Country, group or currency pair';
comment on column mart.indicator_series.period is 'Year, span or date as printed';
comment on column mart.indicator_series.period_kind is 'year, span, part_of_year, date, other or none: sum only years';
comment on column mart.indicator_series.period_start_year is 'First year of the period';
comment on column mart.indicator_series.period_end_year is 'Last year of the period (a span''s second year)';
comment on column mart.indicator_series.n_years is 'Years the period covers (1 for a year, part of a year or a date)';
comment on column mart.indicator_series.overlaps_yearly_values is 'A span some of whose years also have a single-year value here';
comment on column mart.indicator_series.value is 'The value';
comment on column mart.indicator_series.unit is 'score, rank, count, percent, rate';
comment on column mart.indicator_series.rank is 'Rank where printed';
comment on column mart.indicator_series.rank_of is 'Out of how many';
comment on column mart.indicator_series.source_name is 'Document';
comment on column mart.indicator_series.evidence is 'Verbatim passage stating the value';

-- grain: one row per document file, with its record counts and any error or warning.
create or replace view mart.documents_overview as
with counts as (
    select source_name, 'case_mentions' as tbl, count(*) as n from core.case_mentions group by all
    union all select source_name, 'protest_events', count(*) from core.protest_events group by all
    union all select source_name, 'survey_results', count(*) from core.survey_results group by all
    union all select source_name, 'statistics', count(*) from core.statistics group by all
    union all select source_name, 'indicators', count(*) from core.indicators group by all
    union all select source_name, 'quarantine', count(*) from core.quarantine group by all
)
select d.source_name, d.status, d.reason, d.duplicate_of, d.size_bytes, d.encoding,
       d.language,
       coalesce(sum(n) filter (where tbl = 'case_mentions'), 0)::integer as case_mentions,
       coalesce(sum(n) filter (where tbl = 'protest_events'), 0)::integer as protest_events,
       coalesce(sum(n) filter (where tbl = 'survey_results'), 0)::integer as survey_results,
       coalesce(sum(n) filter (where tbl = 'statistics'), 0)::integer as statistics,
       coalesce(sum(n) filter (where tbl = 'indicators'), 0)::integer as indicators,
       coalesce(sum(n) filter (where tbl = 'quarantine'), 0)::integer as quarantined
from staging.stg_documents d
left join counts c on c.source_name = d.source_name
group by all
order by d.source_name;
comment on view mart.documents_overview is
  'One row per document file: status, error or warning, and its record counts per table';
comment on column mart.documents_overview.source_name is 'Document path relative to the corpus folder';
comment on column mart.documents_overview.status is 'loaded | duplicate | error (see reason)';
comment on column mart.documents_overview.reason is 'Why the file is an error, or a warning about it';
comment on column mart.documents_overview.duplicate_of is 'For a duplicate: the source_name whose records count';
comment on column mart.documents_overview.size_bytes is 'File size in bytes';
comment on column mart.documents_overview.encoding is 'Text encoding the file was decoded with';
comment on column mart.documents_overview.language is 'Detected language: en, ru, kk or und; NULL if not read';
comment on column mart.documents_overview.case_mentions is 'Rows of the document in core.case_mentions';
comment on column mart.documents_overview.protest_events is 'Rows of the document in core.protest_events';
comment on column mart.documents_overview.survey_results is 'Rows of the document in core.survey_results';
comment on column mart.documents_overview.statistics is 'Rows of the document in core.statistics';
comment on column mart.documents_overview.indicators is 'Rows of the document in core.indicators';
comment on column mart.documents_overview.quarantined is 'Rows of the document rejected by validation (core.quarantine)';
