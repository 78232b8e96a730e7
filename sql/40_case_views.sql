-- Legal cases: money in US dollars, people, regions, sentences, and where documents disagree.
--
-- Reads core.case_mentions, core.persons, core.indicators and ref.fx_rates.
-- ref.fx_rates is seeds/reference/fx_rates.csv loaded verbatim: one row per (year, currency)
-- with the annual-average exchange rate, columns
--   year INTEGER, currency VARCHAR ('KZT'), usd_per_unit DOUBLE (US dollars per 1 tenge),
--   units_per_usd DOUBLE (tenge per 1 US dollar), source VARCHAR (where the rate comes from).
-- core.indicators rows with indicator = 'fx_rate' hold "USD per 1 unit of the currency" too
-- (entity 'KZT/USD'); they are the rate of last resort, for a mention with no dated year.
-- Status stages, earliest to latest: suspected, detained, charged, on_trial, convicted /
-- acquitted, released / paroled / pardoned.

-- grain: one row per case mention that states money (amount_kzt or amount_usd). The stated
-- amounts are kept as written; amount_usd_converted is amount_kzt at the rate of the year of
-- the verdict, else of the detention, else the rate the same document prints; amount_usd_best
-- is the stated dollar amount when there is one (never overwritten), else the converted one.
create or replace view mart.case_money_usd as
with doc_rates as (
    select source_name, avg(value) as usd_per_kzt
    from core.indicators
    where indicator = 'fx_rate' and upper(replace(entity, ' ', '')) = 'KZT/USD'
      and value > 0
    group by source_name
),
mentions as (
    select m.*,
           try_cast(substr(coalesce(m.verdict_on, m.detained_on), 1, 4) as integer) as case_year
    from core.case_mentions m
    where m.amount_kzt is not null or m.amount_usd is not null
)
select m.record_id, m.source_name, m.person_id, m.person_name, m.case_no, m.region,
       m.amount_kind,
       m.amount_kzt,
       m.amount_usd as amount_usd_stated,
       m.case_year as rate_year,
       case when r.usd_per_unit is not null then r.usd_per_unit else d.usd_per_kzt end
           as usd_per_kzt,
       case when m.amount_kzt is null then null
            when r.usd_per_unit is not null then 'ref.fx_rates ' || m.case_year
            when d.usd_per_kzt is not null then 'document rate'
       end as rate_source,
       m.amount_kzt * coalesce(r.usd_per_unit, d.usd_per_kzt) as amount_usd_converted,
       coalesce(m.amount_usd, m.amount_kzt * coalesce(r.usd_per_unit, d.usd_per_kzt))
           as amount_usd_best,
       case when m.amount_usd is not null then 'stated'
            when coalesce(r.usd_per_unit, d.usd_per_kzt) is not null then 'converted'
       end as usd_basis,
       m.evidence
from mentions m
left join ref.fx_rates r on r.currency = 'KZT' and r.year = m.case_year
left join doc_rates d on d.source_name = m.source_name;
comment on view mart.case_money_usd is
  'One row per case mention with money: stated KZT/USD kept, KZT converted at the dated rate';

-- grain: one row per person (person_id) with every case mention of them across documents:
-- counts, charges seen, dates span, and the latest status (the stage of the most recent
-- dated mention; among equally dated ones, the furthest stage).
create or replace view mart.cases_per_person as
with ranked as (
    select m.*,
           case m.status when 'suspected' then 1 when 'detained' then 2 when 'charged' then 3
                         when 'on_trial' then 4 when 'convicted' then 5 when 'acquitted' then 5
                         when 'released' then 6 when 'paroled' then 6 when 'pardoned' then 6
                         else 0 end as stage,
           coalesce(m.verdict_on, m.detained_on, '') as dated
    from core.case_mentions m
    where m.person_id is not null
)
select r.person_id,
       coalesce(any_value(p.canonical_name), min(r.person_name)) as canonical_name,
       count(*) as n_mentions,
       count(distinct r.source_name) as n_documents,
       count(distinct r.source_name || '#' || r.case_no) as n_document_cases,
       list_sort(list_distinct(flatten(list(r.charges)))) as charges,
       list_sort(list_distinct(list(r.position) filter (where r.position is not null)))
           as positions,
       min(r.detained_on) as first_detained_on,
       max(r.verdict_on) as last_verdict_on,
       max(r.sentence_months) as max_sentence_months,
       arg_max(r.status, r.dated || lpad(cast(r.stage as varchar), 2, '0'))
           filter (where r.status is not null) as latest_status,
       list_sort(list_distinct(list(r.source_name))) as documents
from ranked r
left join core.persons p on p.person_id = r.person_id
group by r.person_id;
comment on view mart.cases_per_person is
  'One row per person: all their case mentions across documents and the latest status';

-- grain: one row per (region, year) where year is that of the verdict, else the detention;
-- NULL region = national office or not stated, NULL year = undated.
create or replace view mart.cases_by_region_year as
select m.region,
       try_cast(substr(coalesce(m.verdict_on, m.detained_on), 1, 4) as integer) as year,
       count(*) as n_mentions,
       count(distinct coalesce(m.person_id, m.source_name || ':' || m.person_name)) as n_people,
       count(*) filter (where m.status in ('convicted', 'released', 'paroled', 'pardoned'))
           as n_convicted,
       count(*) filter (where m.status = 'acquitted') as n_acquitted,
       count(*) filter (where list_contains(m.charges, 'bribe_taking')
                        or list_contains(m.charges, 'bribe_giving')) as n_bribery,
       sum(u.amount_usd_best) as amount_usd_total
from core.case_mentions m
left join mart.case_money_usd u on u.record_id = m.record_id
group by all;
comment on view mart.cases_by_region_year is
  'One row per region x year of verdict (else detention): case counts and money in USD';

-- grain: one row per charge (a mention with several charges counts under each): how long
-- the sentences handed down are, and how often they are suspended or deferred.
create or replace view mart.sentences_by_charge as
with per_charge as (
    select unnest(case when len(m.charges) = 0 then ['(none stated)'] else m.charges end)
               as charge,
           m.sentence_type, m.sentence_months
    from core.case_mentions m
)
select charge,
       count(*) as n_mentions,
       count(sentence_type) as n_sentenced,
       count(sentence_months) as n_with_months,
       min(sentence_months) as min_months,
       quantile_cont(sentence_months, 0.5) as median_months,
       round(avg(sentence_months), 1) as avg_months,
       max(sentence_months) as max_months,
       count(*) filter (where sentence_type = 'prison') as n_prison,
       count(*) filter (where sentence_type = 'life') as n_life,
       round(count(*) filter (where sentence_type in ('suspended', 'deferred'))
             / nullif(count(sentence_type), 0), 3) as share_suspended_or_deferred
from per_charge
group by charge
order by n_mentions desc, charge;
comment on view mart.sentences_by_charge is
  'One row per charge: distribution of sentence months and share suspended or deferred';

-- grain: one row per region (NULL = national or not stated): money at stake in US dollars,
-- in total and by what the money is.
create or replace view mart.money_at_stake_by_region as
select region,
       count(*) as n_mentions_with_money,
       count(amount_usd_best) as n_in_usd,
       sum(amount_usd_best) as total_usd,
       sum(amount_usd_best) filter (where amount_kind = 'bribe') as bribe_usd,
       sum(amount_usd_best) filter (where amount_kind = 'embezzled') as embezzled_usd,
       sum(amount_usd_best) filter (where amount_kind = 'damage') as damage_usd,
       sum(amount_usd_best) filter (where amount_kind = 'restitution') as restitution_usd,
       sum(amount_usd_best) filter (where amount_kind = 'assets_recovered')
           as assets_recovered_usd,
       max(amount_usd_best) as largest_usd
from mart.case_money_usd
group by region
order by total_usd desc nulls last;
comment on view mart.money_at_stake_by_region is
  'One row per region: money at stake in case mentions, in USD, by kind';

-- grain: one row per pair of mentions of the same person_id in two different documents that
-- both state, and differ on, sentence_type, sentence_months or status (a field one side
-- leaves NULL is not a disagreement). Status can differ because the documents were written
-- at different stages; shared_charges helps tell one case retold from two different cases.
create or replace view mart.case_disagreements as
select a.person_id,
       a.person_name as person_name_a, b.person_name as person_name_b,
       a.source_name as source_a, a.case_no as case_no_a,
       b.source_name as source_b, b.case_no as case_no_b,
       list_filter(['sentence_type', 'sentence_months', 'status'],
                   f -> (f = 'sentence_type' and a.sentence_type <> b.sentence_type)
                     or (f = 'sentence_months' and a.sentence_months <> b.sentence_months)
                     or (f = 'status' and a.status <> b.status)) as fields,
       a.sentence_type as sentence_type_a, b.sentence_type as sentence_type_b,
       a.sentence_months as sentence_months_a, b.sentence_months as sentence_months_b,
       a.status as status_a, b.status as status_b,
       list_intersect(a.charges, b.charges) as shared_charges,
       a.evidence as evidence_a, b.evidence as evidence_b
from core.case_mentions a
join core.case_mentions b
  on a.person_id = b.person_id
 and a.source_name < b.source_name
where a.sentence_type <> b.sentence_type
   or a.sentence_months <> b.sentence_months
   or a.status <> b.status;
comment on view mart.case_disagreements is
  'One row per pair of documents disagreeing on one person''s sentence or status';
