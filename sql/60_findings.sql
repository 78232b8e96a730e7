-- Findings: checks across records (issue 12). A finding never deletes or changes data; it
-- points at the records involved, their values and the evidence of each side, so a reader
-- can judge. Idempotent: create-or-replace views only, plus one empty-if-new table.
--
-- Reads core.*, raw.documents, raw.pipeline_runs, ref.fx_rates, mart.case_sentence_conflicts
-- (sql/40) and raw.document_texts.
--
-- Layers: mart.finding_rules and mart.finding_thresholds (every rule code, severity and
-- threshold, in one place) -> mart.survey_prose_quotes (figures quoted in prose with their
-- own count) -> mart.findings (one row per finding, all kinds).

-- raw.document_texts: the original text of each loaded document, as ../shared/spec/records.md
-- names it. The run defines and fills it (models/tables.py, kzwatch/warehouse.py); it is
-- created here only where it is missing (a bare database in tests), so the views below bind.
create table if not exists raw.document_texts (source_name VARCHAR, text VARCHAR);
comment on table raw.document_texts is
  'One row per loaded document: its original text (evidence offsets point into it)';
comment on column raw.document_texts.source_name is 'Document path relative to the corpus folder';
comment on column raw.document_texts.text is 'The document''s original text as read';

-- grain: one row per finding rule: its code, kind and severity.
create or replace view mart.finding_rules as
select * from (values
    ('FIND-SURVEY-SUM', 'survey_sum', 'warning',
     'The options of a single-choice question do not add up to 100 %'),
    ('FIND-SURVEY-MULTI', 'survey_sum', 'warning',
     'An option of a multi-select question counts more answers than the question has respondents'),
    ('FIND-SURVEY-COUNT-PCT', 'survey_count_pct', 'warning',
     'A printed count, its percent and the question''s base disagree'),
    ('FIND-TEXT-TABLE', 'text_vs_table', 'warning',
     'A figure quoted in prose differs from the same option or row of the document''s table'),
    ('FIND-CROSS-STAT', 'cross_document', 'info',
     'One statistic (metric, subject, place, period) has different values in different documents'),
    ('FIND-CROSS-CASE', 'cross_document', 'warning',
     'One person''s same case has two different sentences in different documents'),
    ('FIND-CROSS-IND', 'cross_document', 'warning',
     'One indicator value (indicator, entity, period) differs between documents'),
    ('FIND-DATE-VERDICT', 'date_order', 'warning',
     'A verdict is dated before the detention of the same case mention'),
    ('FIND-DATE-FUTURE', 'date_order', 'error',
     'A record is dated after the day its document was read (so after the document was written)'),
    ('FIND-RANGE-CPI', 'range', 'error', 'A CPI score outside 0-100'),
    ('FIND-RANGE-PCT', 'range', 'error', 'A percentage outside 0-100'),
    ('FIND-RANGE-FX', 'range', 'error',
     'An exchange rate off by an order of magnitude from the other rates of its currency pair')
) t(rule_code, kind, severity, description);
comment on view mart.finding_rules is 'One row per finding rule: code, kind, severity, what it checks';
comment on column mart.finding_rules.rule_code is 'Rule code, as in mart.findings.rule_code';
comment on column mart.finding_rules.kind is 'survey_sum, survey_count_pct, text_vs_table, cross_document, date_order, range';
comment on column mart.finding_rules.severity is 'error (impossible value), warning (likely wrong), info (worth a look)';
comment on column mart.finding_rules.description is 'What the rule checks';

-- grain: one row per threshold used by mart.findings (every tolerance lives here).
create or replace view mart.finding_thresholds as
select * from (values
    ('survey_sum_points', 1.0,
     'Single-choice options may miss 100 % by this many points, plus half a printed unit per option'),
    ('count_pct_points', 0.1,
     'Printed percent may miss 100 x count / base by this many points, plus half a printed unit'),
    ('text_table_points', 0.05,
     'A prose figure and its table figure differ when more than this many points apart'),
    ('text_table_word_share', 0.6,
     'Share of the table option''s words (4+ letters) a prose statement must contain to be the same option'),
    ('cross_relative', 0.005,
     'Values of one fact in two documents differ when more than this share of the larger apart'),
    ('fx_ratio', 5.0,
     'An exchange rate this many times above or below the median of its neighbours is off')
) t(name, value, meaning);
comment on view mart.finding_thresholds is 'One row per threshold of the finding rules (all in one place)';
comment on column mart.finding_thresholds.name is 'Threshold name, used by mart.findings';
comment on column mart.finding_thresholds.value is 'Threshold value';
comment on column mart.finding_thresholds.meaning is 'What the threshold bounds';

-- grain: one row per percentage quoted in a document's prose with its own count, as in
-- "67.1% (77 responses) of those surveyed believe ...". The extractor does not make these
-- survey records (they restate a table), so they are read here from raw.document_texts;
-- evidence is the sentence around the quote, verbatim, with its offsets.
create or replace view mart.survey_prose_quotes as
with sentences as (
    select t.source_name, t.text,
           trim(unnest(string_split_regex(t.text, '[.!?][\s\x{00A0}]+'))) as sentence
    from raw.document_texts t
    where t.text is not null
      and t.source_name in (select source_name from core.survey_results
                            where responses is not null)
),
quote_pattern as (
    -- a percent, then its own count in parentheses: "78.8  %  (99 responses)"
    select '(\d{1,3}(?:\.\d+)?)[\s\x{00A0}]*%[\s\x{00A0}]*\([\s\x{00A0}]*(\d+)[\s\x{00A0}]+'
           || '(?:responses?|answers?|votes?|respondents?|people|persons)\b' as re
),
quotes as (
    select source_name, text, sentence,
           regexp_extract_all(sentence, quote_pattern.re, 1, 'i') as pcts,
           regexp_extract_all(sentence, quote_pattern.re, 2, 'i') as counts
    from sentences, quote_pattern
    where length(sentence) > 0
)
select source_name,
       cast(unnest(pcts) as double) as pct_quoted,
       cast(unnest(counts) as integer) as responses_quoted,
       left(sentence, 600) as evidence,
       instr(text, sentence) - 1 as evidence_start,
       instr(text, sentence) - 1 + length(left(sentence, 600)) as evidence_end
from quotes
where len(pcts) > 0;
comment on view mart.survey_prose_quotes is
  'One row per percentage quoted in prose with its own count, e.g. "67.1% (77 responses)"';
comment on column mart.survey_prose_quotes.source_name is 'Document';
comment on column mart.survey_prose_quotes.pct_quoted is 'The percentage the prose gives';
comment on column mart.survey_prose_quotes.responses_quoted is 'The count the prose gives with it';
comment on column mart.survey_prose_quotes.evidence is 'The sentence quoting it, verbatim';
comment on column mart.survey_prose_quotes.evidence_start is 'Offset of the sentence in the original text';
comment on column mart.survey_prose_quotes.evidence_end is 'End offset of the sentence';

-- grain: one row per finding = (rule, the records or passages involved). Sides: a finding
-- compares side a with side b (two records, a record and a bound, a prose quote and a
-- table row); record_ids lists every record involved. The rules, per kind:
--
-- survey_sum: only a question that prints a count on every option can be judged, and its
--   counts tell the two apart: MULTI-SELECT when the counts add up to more answers than the
--   base (n_respondents), or the question text says so ("all that apply", "more than one",
--   "several answers", "multiple"); its options are then only bounded: none may count more
--   answers than the base (FIND-SURVEY-MULTI; a percent over 100 is a range finding).
--   SINGLE-CHOICE otherwise: the percents must add up to 100 (or to 100 x counts / base when
--   some respondents gave no answer) within survey_sum_points plus half a printed unit (0.5
--   for whole percents, 0.05 for one decimal) per option (FIND-SURVEY-SUM). A question with
--   no counts is not judged: a percent-only multi-select table legitimately passes 100, and a
--   prose poll names only some options or nests one in another ("72% trust him, among them
--   18% fully").
-- survey_count_pct: an option with count, percent and base where |100 x count / base -
--   percent| exceeds count_pct_points plus half a printed unit, or the count exceeds the base
--   of a single-choice question.
-- text_vs_table: the extractor gives a poll result stated in prose no count (responses NULL)
--   and a table row its count, so within one document (survey_id aside: prose after a table
--   may share its id) (1) a prose record (no count, in a question whose options have no
--   counts) whose option text contains text_table_word_share of the words of a table
--   record's option, with a percent more than text_table_points apart; and (2) a prose quote
--   with its own count (mart.survey_prose_quotes) where no table row with that count has
--   that percent: side b is the table row with that count whose option best matches the
--   sentence, then whose percent is nearest.
-- cross_document: in two different documents, (1) one statistic = same metric, subject
--   (lower-cased, parenthesised source removed), unit, place and exact period, with values
--   more than cross_relative apart: one finding per fact, sides = the pair of documents
--   furthest apart; a figure with no period or of metric 'other' is never "the same fact"
--   (two undated "unrest" figures of two documents are usually two events); (2) one
--   person's same case with two different sentences (mart.case_sentence_conflicts); (3) one
--   indicator = same indicator, entity and period (not NULL), values more than
--   cross_relative apart.
-- date_order: (1) a case mention whose verdict_on is before its detained_on (partial dates
--   compared at the coarser precision: 2021 vs 2021-12 is no finding); (2) a protest event,
--   a case date or a statistic's ISO-dated period later than the day its document was read (the
--   start of the run that loaded it, raw.pipeline_runs): a document cannot report what had
--   not happened when it was read. raw.documents has no publication date, so the bound is
--   the reading day.
-- range: a cpi_score outside 0-100; a percent outside 0-100 (survey pct_reported, indicator
--   or statistic in percent); an fx_rate more than fx_ratio times above or below the median
--   of its neighbours: the other rates of the same currency pair in any document and, for
--   KZT/USD or USD/KZT, the ref.fx_rates rate of its year (the median of the others and the
--   reference when both exist). With neither the reference nor two other rates, which side
--   is off cannot be told and nothing is reported.
create or replace view mart.findings as
with th as (
    select max(value) filter (where name = 'survey_sum_points') as survey_sum_points,
           max(value) filter (where name = 'count_pct_points') as count_pct_points,
           max(value) filter (where name = 'text_table_points') as text_table_points,
           max(value) filter (where name = 'text_table_word_share') as word_share,
           max(value) filter (where name = 'cross_relative') as cross_relative,
           max(value) filter (where name = 'fx_ratio') as fx_ratio
    from mart.finding_thresholds
),
-- survey questions ----------------------------------------------------------------------
questions as (
    select source_name, survey_id, question_no,
           any_value(question_text) as question_text,
           count(*) as n_options,
           count(pct_reported) as n_pct,
           count(responses) as n_counts,
           sum(pct_reported) as pct_total,
           sum(responses) as responses_total,
           max(n_respondents) as base,
           bool_and(pct_reported is null or pct_reported = round(pct_reported)) as whole_pcts,
           list(record_id order by option_no) as record_ids,
           string_agg(evidence, ' | ' order by option_no) as evidence,
           min(evidence_start) as evidence_start, max(evidence_end) as evidence_end
    from core.survey_results
    group by source_name, survey_id, question_no
),
classed as (
    select q.*,
           coalesce(q.n_counts = q.n_options and q.responses_total > q.base, false)
           or coalesce(regexp_matches(q.question_text,
                  'all that apply|more than one|several (answers|options)|multiple|'
                  || 'could (choose|select|pick)|select all|choose all', 'i'), false)
               as multi_select
    from questions q
),
survey_sum as (
    select 'survey_sum' as kind, 'FIND-SURVEY-SUM' as rule_code,
           q.survey_id || ' Q' || q.question_no as subject,
           printf('single-choice options add up to %.1f %% (%d options)', q.pct_total,
                  q.n_options) as detail,
           q.record_ids, [q.source_name] as source_names,
           null::varchar as record_id_a, q.source_name as source_a, q.pct_total as value_a,
           printf('%.1f %%', q.pct_total) as stated_a, q.evidence as evidence_a,
           q.evidence_start as evidence_start_a, q.evidence_end as evidence_end_a,
           null::varchar as record_id_b, null::varchar as source_b, 100.0 as value_b,
           printf('100 %% +/- %.2f', th.survey_sum_points
                  + q.n_options * case when q.whole_pcts then 0.5 else 0.05 end) as stated_b,
           null::varchar as evidence_b, null::integer as evidence_start_b,
           null::integer as evidence_end_b
    from classed q, th
    where not q.multi_select and q.n_pct = q.n_options and q.n_counts = q.n_options
      and q.n_options >= 2 and q.base > 0
      and abs(q.pct_total - 100) > th.survey_sum_points
                                   + q.n_options * case when q.whole_pcts then 0.5 else 0.05 end
      and abs(q.pct_total - 100.0 * q.responses_total / q.base)
          > th.survey_sum_points + q.n_options * case when q.whole_pcts then 0.5 else 0.05 end
),
survey_multi as (
    select 'survey_sum', 'FIND-SURVEY-MULTI',
           r.survey_id || ' Q' || r.question_no || ' option ' || r.option_no,
           printf('multi-select option counts %d answers, more than the %d respondents',
                  r.responses, r.n_respondents),
           [r.record_id], [r.source_name],
           r.record_id, r.source_name, r.responses::double, r.responses::varchar, r.evidence,
           r.evidence_start, r.evidence_end,
           null, null, r.n_respondents::double, 'base ' || r.n_respondents, null, null, null
    from core.survey_results r
    join classed q using (source_name, survey_id, question_no)
    where q.multi_select and r.responses > r.n_respondents
),
survey_count_pct as (
    select 'survey_count_pct', 'FIND-SURVEY-COUNT-PCT',
           r.survey_id || ' Q' || r.question_no || ' option ' || r.option_no,
           printf('printed %.1f %% but %d of %d is %.1f %%', r.pct_reported, r.responses,
                  r.n_respondents, 100.0 * r.responses / r.n_respondents),
           [r.record_id], [r.source_name],
           r.record_id, r.source_name, r.pct_reported, printf('%.1f %%', r.pct_reported),
           r.evidence, r.evidence_start, r.evidence_end,
           null, null, round(100.0 * r.responses / r.n_respondents, 2),
           printf('%d / %d = %.2f %%', r.responses, r.n_respondents,
                  100.0 * r.responses / r.n_respondents), null, null, null
    from core.survey_results r
    join classed q using (source_name, survey_id, question_no), th
    where r.responses is not null and r.pct_reported is not null and r.n_respondents > 0
      and (abs(100.0 * r.responses / r.n_respondents - r.pct_reported)
               > th.count_pct_points
                 + case when r.pct_reported = round(r.pct_reported) then 0.5 else 0.05 end
           or (not q.multi_select and r.responses > r.n_respondents))
),
-- text vs table ---------------------------------------------------------------------------
table_rows as (
    select r.*,
           list_filter(string_split_regex(lower(r.option_text), '[^[:alnum:]]+'),
                       w -> length(w) >= 4) as words
    from core.survey_results r
    where r.responses is not null and r.pct_reported is not null
),
prose_rows as (
    select r.*, lower(r.option_text) as option_lower
    from core.survey_results r
    join classed q using (source_name, survey_id, question_no)
    where r.responses is null and q.n_counts = 0 and r.pct_reported is not null
),
text_table_records as (
    select 'text_vs_table', 'FIND-TEXT-TABLE',
           t.survey_id || ' Q' || t.question_no || ' option ' || t.option_no,
           printf('prose says %.1f %%, the table %.1f %%: %s', p.pct_reported, t.pct_reported,
                  t.option_text),
           [p.record_id, t.record_id], [p.source_name],
           p.record_id, p.source_name, p.pct_reported, printf('%.1f %%', p.pct_reported),
           p.evidence, p.evidence_start, p.evidence_end,
           t.record_id, t.source_name, t.pct_reported, printf('%.1f %%', t.pct_reported),
           t.evidence, t.evidence_start, t.evidence_end
    from prose_rows p
    join table_rows t on t.source_name = p.source_name, th
    where len(t.words) > 0
      and len(list_filter(t.words, w -> contains(p.option_lower, w))) >= th.word_share * len(t.words)
      and abs(p.pct_reported - t.pct_reported) > th.text_table_points
    qualify row_number() over (partition by p.record_id
                               order by len(list_filter(t.words, w -> contains(p.option_lower, w)))
                                        / len(t.words) desc,
                                        abs(p.pct_reported - t.pct_reported)) = 1
),
quote_candidates as (
    select q.*, t.record_id as t_record_id, t.survey_id, t.question_no, t.option_no,
           t.option_text, t.pct_reported, t.evidence as t_evidence,
           t.evidence_start as t_start, t.evidence_end as t_end,
           len(list_filter(t.words, w -> contains(lower(q.evidence), w)))
               / greatest(len(t.words), 1) as word_match,
           abs(q.pct_quoted - t.pct_reported) as diff,
           bool_or(abs(q.pct_quoted - t.pct_reported) <= th.text_table_points)
               over (partition by q.source_name, q.evidence_start, q.pct_quoted,
                                  q.responses_quoted) as some_row_agrees
    from mart.survey_prose_quotes q
    join table_rows t on t.source_name = q.source_name and t.responses = q.responses_quoted, th
),
text_table_quotes as (
    select 'text_vs_table', 'FIND-TEXT-TABLE',
           c.survey_id || ' Q' || c.question_no || ' option ' || c.option_no,
           printf('prose says %.1f %% (%d responses), the table %.1f %%: %s', c.pct_quoted,
                  c.responses_quoted, c.pct_reported, c.option_text),
           [c.t_record_id], [c.source_name],
           null, c.source_name, c.pct_quoted,
           printf('%.1f %% (%d responses)', c.pct_quoted, c.responses_quoted),
           c.evidence, c.evidence_start, c.evidence_end,
           c.t_record_id, c.source_name, c.pct_reported, printf('%.1f %%', c.pct_reported),
           c.t_evidence, c.t_start, c.t_end
    from quote_candidates c
    where not c.some_row_agrees
    qualify row_number() over (partition by c.source_name, c.evidence_start, c.pct_quoted,
                                            c.responses_quoted
                               order by c.word_match desc, c.diff, c.t_record_id) = 1
),
-- cross-document ----------------------------------------------------------------------------
stats as (
    select st.*,
           lower(trim(regexp_replace(st.subject, '\s*\([^)]*\)\s*$', ''))) as subject_key
    from core.statistics st
),
-- The pair of documents furthest apart, found without pairing every two documents (one fact
-- copied in n documents would make n^2 pairs): for each figure b, the best a is the lowest
-- value of another document, which is the lowest or the second lowest of the documents'
-- lowest values; with a >= 0 (validation quarantines negative statistics) b's threshold
-- (cross_relative * b) does not depend on a, so that lowest a is also the one most likely to
-- pass. Same pairs, ties and order as comparing every pair.
stat_facts as (
    select * from stats
    where period is not null and metric <> 'other' and subject_key is not null
      and value is not null
),
stat_lows as (
    -- per fact: each document's lowest figure (the first record among equal values), kept
    -- when it is among the two lowest of the fact and its document among the first two (by
    -- name) at that value
    select * from (
        select * from stat_facts
        qualify row_number() over (partition by metric, subject_key, unit, location, period,
                                                source_name
                                   order by value, record_id) = 1
    )
    qualify dense_rank() over (partition by metric, subject_key, unit, location, period
                               order by value) <= 2
        and row_number() over (partition by metric, subject_key, unit, location, period, value
                               order by source_name) <= 2
),
stat_pairs as (
    select b.metric, b.subject_key, b.unit, b.location, b.period,
           a.record_id as record_id_a, a.source_name as source_a, a.value as value_a,
           a.evidence as evidence_a, a.evidence_start as start_a, a.evidence_end as end_a,
           b.record_id as record_id_b, b.source_name as source_b, b.value as value_b,
           b.evidence as evidence_b, b.evidence_start as start_b, b.evidence_end as end_b
    from stat_facts b
    join stat_lows a
      on a.metric = b.metric and a.subject_key = b.subject_key
     and a.unit is not distinct from b.unit and a.location is not distinct from b.location
     and a.period = b.period and a.source_name <> b.source_name and a.value < b.value, th
    where b.value - a.value > th.cross_relative * greatest(abs(a.value), abs(b.value))
    qualify row_number() over (partition by b.record_id
                               order by a.value, a.source_name, a.record_id) = 1
),
cross_stat as (
    select 'cross_document', 'FIND-CROSS-STAT',
           concat_ws(' / ', p.metric, p.subject_key, coalesce(p.location, 'national'),
                     coalesce(p.period, 'no period')),
           printf('%s: %g in %s, %g in %s', p.metric, p.value_a, p.source_a, p.value_b,
                  p.source_b),
           (select list(distinct s.record_id order by s.record_id) from stats s
            where s.metric = p.metric and s.subject_key = p.subject_key
              and s.unit is not distinct from p.unit
              and s.location is not distinct from p.location
              and s.period is not distinct from p.period),
           [p.source_a, p.source_b],
           p.record_id_a, p.source_a, p.value_a, printf('%g', p.value_a), p.evidence_a, p.start_a,
           p.end_a,
           p.record_id_b, p.source_b, p.value_b, printf('%g', p.value_b), p.evidence_b, p.start_b,
           p.end_b
    from stat_pairs p
    qualify row_number() over (partition by p.metric, p.subject_key, p.unit, p.location,
                                            p.period
                               order by p.value_b - p.value_a desc, p.source_a, p.source_b,
                                        p.record_id_a, p.record_id_b)
            = 1
),
cross_case as (
    select 'cross_document', 'FIND-CROSS-CASE',
           'person ' || c.person_id,
           printf('sentence %s in %s, %s in %s',
                  concat_ws(', ', c.sentence_type_a, c.sentence_months_a || ' months'),
                  c.source_a,
                  concat_ws(', ', c.sentence_type_b, c.sentence_months_b || ' months'),
                  c.source_b),
           [c.record_id_a, c.record_id_b], [c.source_a, c.source_b],
           c.record_id_a, c.source_a, c.sentence_months_a::double,
           concat_ws(', ', c.sentence_type_a, c.sentence_months_a || ' months'),
           c.evidence_a, c.evidence_start_a, c.evidence_end_a,
           c.record_id_b, c.source_b, c.sentence_months_b::double,
           concat_ws(', ', c.sentence_type_b, c.sentence_months_b || ' months'),
           c.evidence_b, c.evidence_start_b, c.evidence_end_b
    from mart.case_sentence_conflicts c
),
cross_ind as (
    select 'cross_document', 'FIND-CROSS-IND',
           concat_ws(' / ', a.indicator, a.entity, a.period),
           printf('%s: %g in %s, %g in %s', a.indicator, a.value, a.source_name, b.value,
                  b.source_name),
           [a.record_id, b.record_id], [a.source_name, b.source_name],
           a.record_id, a.source_name, a.value, printf('%g', a.value), a.evidence, a.evidence_start,
           a.evidence_end,
           b.record_id, b.source_name, b.value, printf('%g', b.value), b.evidence, b.evidence_start,
           b.evidence_end
    from core.indicators a
    join core.indicators b
      on a.indicator = b.indicator and a.entity = b.entity and a.period = b.period
     and a.source_name < b.source_name, th
    where a.value is not null and b.value is not null
      and abs(a.value - b.value) > th.cross_relative * greatest(abs(a.value), abs(b.value))
),
-- date order -------------------------------------------------------------------------------
verdict_before_detention as (
    select 'date_order', 'FIND-DATE-VERDICT',
           m.person_name,
           printf('verdict %s before detention %s', m.verdict_on, m.detained_on),
           [m.record_id], [m.source_name],
           m.record_id, m.source_name, null::double, m.detained_on, m.evidence,
           m.evidence_start, m.evidence_end,
           m.record_id, m.source_name, null::double, m.verdict_on, null, null, null
    from core.case_mentions m
    where regexp_full_match(m.verdict_on, '\d{4}(-\d{2}(-\d{2})?)?')
      and regexp_full_match(m.detained_on, '\d{4}(-\d{2}(-\d{2})?)?')
      and left(m.verdict_on, least(length(m.verdict_on), length(m.detained_on)))
        < left(m.detained_on, least(length(m.verdict_on), length(m.detained_on)))
),
read_on as (
    select d.source_name, strftime(min(r.started_at), '%Y-%m-%d') as read_day
    from raw.documents d
    join raw.pipeline_runs r on r.run_id = d.loaded_run_id
    group by d.source_name
),
dated_records as (
    select 'protest_events' as tbl, record_id, source_name, 'event ' || location as what,
           event_date as dated, evidence, evidence_start, evidence_end
    from core.protest_events
    union all
    select 'case_mentions', record_id, source_name, 'detention of ' || person_name,
           detained_on, evidence, evidence_start, evidence_end
    from core.case_mentions
    union all
    select 'case_mentions', record_id, source_name, 'verdict of ' || person_name, verdict_on,
           evidence, evidence_start, evidence_end
    from core.case_mentions
    union all
    select 'statistics', record_id, source_name, metric || ' ' || subject, period, evidence,
           evidence_start, evidence_end
    from core.statistics
),
dated_after_reading as (
    select 'date_order', 'FIND-DATE-FUTURE',
           x.what,
           printf('dated %s, after the document was read on %s', x.dated, o.read_day),
           [x.record_id], [x.source_name],
           x.record_id, x.source_name, null::double, x.dated, x.evidence, x.evidence_start,
           x.evidence_end,
           null, x.source_name, null::double, 'read ' || o.read_day, null, null, null
    from dated_records x
    join read_on o on o.source_name = x.source_name
    where regexp_full_match(x.dated, '\d{4}(-\d{2}(-\d{2})?)?')
      and x.dated > left(o.read_day, length(x.dated))
),
-- range ---------------------------------------------------------------------------------
range_cpi as (
    select 'range', 'FIND-RANGE-CPI',
           concat_ws(' / ', i.indicator, i.entity, i.period),
           printf('CPI score %g outside 0-100', i.value),
           [i.record_id], [i.source_name],
           i.record_id, i.source_name, i.value, printf('%g', i.value), i.evidence, i.evidence_start,
           i.evidence_end,
           null, null, case when i.value > 100 then 100.0 else 0.0 end, '0-100', null, null,
           null
    from core.indicators i
    where i.indicator = 'cpi_score' and (i.value > 100 or i.value < 0)
),
range_pct as (
    select 'range', 'FIND-RANGE-PCT',
           r.survey_id || ' Q' || r.question_no || ' option ' || r.option_no,
           printf('percentage %g outside 0-100', r.pct_reported),
           [r.record_id], [r.source_name],
           r.record_id, r.source_name, r.pct_reported, printf('%g', r.pct_reported), r.evidence,
           r.evidence_start, r.evidence_end,
           null, null, case when r.pct_reported > 100 then 100.0 else 0.0 end, '0-100',
           null, null, null
    from core.survey_results r
    where r.pct_reported > 100 or r.pct_reported < 0
    union all
    select 'range', 'FIND-RANGE-PCT',
           concat_ws(' / ', i.indicator, i.entity, i.period),
           printf('percentage %g outside 0-100', i.value),
           [i.record_id], [i.source_name],
           i.record_id, i.source_name, i.value, printf('%g', i.value), i.evidence, i.evidence_start,
           i.evidence_end,
           null, null, case when i.value > 100 then 100.0 else 0.0 end, '0-100', null, null,
           null
    from core.indicators i
    where lower(i.unit) in ('percent', '%') and (i.value > 100 or i.value < 0)
    union all
    select 'range', 'FIND-RANGE-PCT',
           concat_ws(' / ', s.metric, s.subject, s.period),
           printf('percentage %g outside 0-100', s.value),
           [s.record_id], [s.source_name],
           s.record_id, s.source_name, s.value, printf('%g', s.value), s.evidence, s.evidence_start,
           s.evidence_end,
           null, null, case when s.value > 100 then 100.0 else 0.0 end, '0-100', null, null,
           null
    from core.statistics s
    where lower(s.unit) in ('percent', '%') and (s.value > 100 or s.value < 0)
),
fx as (
    select record_id, source_name, upper(replace(entity, ' ', '')) as pair, period, value,
           evidence, evidence_start, evidence_end,
           try_cast(left(period, 4) as integer) as year
    from core.indicators
    where indicator = 'fx_rate' and value > 0
),
fx_neighbours as (
    select f.*,
           (select median(o.value) from fx o
            where o.pair = f.pair and o.record_id <> f.record_id) as others_median,
           (select count(*) from fx o
            where o.pair = f.pair and o.record_id <> f.record_id) as n_others,
           (select any_value(case f.pair when 'KZT/USD' then r.usd_per_unit
                                         else r.units_per_usd end)
            from ref.fx_rates r
            where f.pair in ('KZT/USD', 'USD/KZT') and r.currency = 'KZT'
              and r.year = f.year) as reference_rate
    from fx f
),
fx_judged as (
    select *,
           case when reference_rate is null then others_median
                when n_others = 0 then reference_rate
                else (select median(v) from (select unnest([others_median, reference_rate]) as v))
           end as neighbour_median
    from fx_neighbours
    where reference_rate is not null or n_others >= 2
),
range_fx as (
    select 'range', 'FIND-RANGE-FX',
           concat_ws(' / ', 'fx_rate', f.pair, f.period),
           printf('rate %g is %.3g times the median %g of its neighbours', f.value,
                  f.value / f.neighbour_median, f.neighbour_median),
           [f.record_id], [f.source_name],
           f.record_id, f.source_name, f.value, printf('%g', f.value), f.evidence, f.evidence_start,
           f.evidence_end,
           null, null, f.neighbour_median, printf('median %g', f.neighbour_median), null, null, null
    from fx_judged f, th
    where f.neighbour_median > 0
      and (f.value / f.neighbour_median > th.fx_ratio
           or f.neighbour_median / f.value > th.fx_ratio)
),
found as (
    select * from survey_sum
    union all select * from survey_multi
    union all select * from survey_count_pct
    union all select * from text_table_records
    union all select * from text_table_quotes
    union all select * from cross_stat
    union all select * from cross_case
    union all select * from cross_ind
    union all select * from verdict_before_detention
    union all select * from dated_after_reading
    union all select * from range_cpi
    union all select * from range_pct
    union all select * from range_fx
)
select left(md5(concat_ws('|', f.rule_code, f.subject, list_sort(f.record_ids)::varchar,
                          f.source_a, f.stated_a, f.evidence_start_a::varchar,
                          f.stated_b)), 16) as finding_id,
       f.kind, f.rule_code, r.severity, f.subject, f.detail, f.record_ids, f.source_names,
       f.record_id_a, f.source_a, f.value_a, f.stated_a, f.evidence_a, f.evidence_start_a,
       f.evidence_end_a,
       f.record_id_b, f.source_b, f.value_b, f.stated_b, f.evidence_b, f.evidence_start_b,
       f.evidence_end_b
from found f
join mart.finding_rules r on r.rule_code = f.rule_code
order by f.kind, f.rule_code, f.source_a, f.subject;
comment on view mart.findings is
  'One row per finding: kind, rule code, severity, records involved, both sides'' values and evidence';
comment on column mart.findings.finding_id is 'Stable id: hash of rule, subject, records and values';
comment on column mart.findings.kind is 'survey_sum, survey_count_pct, text_vs_table, cross_document, date_order, range';
comment on column mart.findings.rule_code is 'Rule code (mart.finding_rules)';
comment on column mart.findings.severity is 'error, warning or info (mart.finding_rules)';
comment on column mart.findings.subject is 'The fact checked: question and option, metric/subject/place/period, person, indicator';
comment on column mart.findings.detail is 'What disagrees, in one line';
comment on column mart.findings.record_ids is 'Every record involved (core.*.record_id)';
comment on column mart.findings.source_names is 'Documents involved';
comment on column mart.findings.record_id_a is 'Record of side a (NULL for a whole question or a prose quote)';
comment on column mart.findings.source_a is 'Document of side a';
comment on column mart.findings.value_a is 'Value of side a (percent, count, sentence months, score, rate...)';
comment on column mart.findings.stated_a is 'Side a as stated (a date, a sentence, a percent with its count)';
comment on column mart.findings.evidence_a is 'Evidence of side a, verbatim (options of a question joined by " | ")';
comment on column mart.findings.evidence_start_a is 'Offset where evidence_a starts in its document';
comment on column mart.findings.evidence_end_a is 'Offset where evidence_a ends in its document';
comment on column mart.findings.record_id_b is 'Record of side b (NULL when side b is a bound or a computed value)';
comment on column mart.findings.source_b is 'Document of side b';
comment on column mart.findings.value_b is 'Value of side b, or the bound / expected value';
comment on column mart.findings.stated_b is 'Side b as stated, or the bound it is held to';
comment on column mart.findings.evidence_b is 'Evidence of side b, verbatim (NULL for a bound)';
comment on column mart.findings.evidence_start_b is 'Offset where evidence_b starts in its document';
comment on column mart.findings.evidence_end_b is 'Offset where evidence_b ends in its document';
