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

-- grain: one row per (indicator, entity, period, source); a series ordered by period.
create or replace view mart.indicator_series as
select indicator, entity, period, period_start_year, value, unit, rank, rank_of,
       source_name, evidence
from staging.stg_indicators
order by indicator, entity, period_start_year nulls last, period;
comment on view mart.indicator_series is
  'One row per indicator x entity x period value, ordered as a series';

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
