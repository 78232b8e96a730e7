-- Legal cases: money in US dollars, people, regions, sentences, timelines and conflicts.
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
comment on column mart.case_money_usd.record_id is 'The case mention (core.case_mentions)';
comment on column mart.case_money_usd.source_name is 'Document path relative to the corpus folder';
comment on column mart.case_money_usd.person_id is 'Resolved person (core.persons)';
comment on column mart.case_money_usd.person_name is 'Full name as first written in the document';
comment on column mart.case_money_usd.case_no is 'Case number within the document (1, 2, ...)';
comment on column mart.case_money_usd.region is 'Canonical region; NULL = national office or not stated';
comment on column mart.case_money_usd.amount_kind is 'What the money is: bribe, damage, embezzled, restitution, assets_recovered';
comment on column mart.case_money_usd.amount_kzt is 'Money at stake in tenge (KZT) as stated';
comment on column mart.case_money_usd.amount_usd_stated is 'Money at stake in US dollars as stated; NULL if the document gives none';
comment on column mart.case_money_usd.rate_year is 'Year of the verdict, else of the detention: the year of the exchange rate used';
comment on column mart.case_money_usd.usd_per_kzt is 'Exchange rate used, US dollars per 1 tenge (ref.fx_rates of rate_year, else the document''s own rate)';
comment on column mart.case_money_usd.rate_source is '''ref.fx_rates <year>'' or ''document rate''; NULL when there is no KZT amount';
comment on column mart.case_money_usd.amount_usd_converted is 'amount_kzt * usd_per_kzt, in US dollars; NULL without a rate';
comment on column mart.case_money_usd.amount_usd_best is 'US dollars: the stated amount where there is one, else the converted one';
comment on column mart.case_money_usd.usd_basis is 'stated | converted: where amount_usd_best comes from; NULL if neither';
comment on column mart.case_money_usd.evidence is 'Verbatim passage stating the amount';

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
comment on column mart.cases_per_person.person_id is 'Resolved person (core.persons)';
comment on column mart.cases_per_person.canonical_name is 'Name chosen for the person';
comment on column mart.cases_per_person.n_mentions is 'Case mentions of the person, all documents';
comment on column mart.cases_per_person.n_documents is 'Documents mentioning the person''s cases';
comment on column mart.cases_per_person.n_document_cases is 'Distinct (document, case_no) pairs: cases as counted document by document';
comment on column mart.cases_per_person.charges is 'Every charge stated in any mention, sorted (contract vocabulary)';
comment on column mart.cases_per_person.positions is 'Every office stated, sorted';
comment on column mart.cases_per_person.first_detained_on is 'Earliest detention date stated (ISO partial date)';
comment on column mart.cases_per_person.last_verdict_on is 'Latest verdict date stated (ISO partial date)';
comment on column mart.cases_per_person.max_sentence_months is 'Longest sentence stated, in months';
comment on column mart.cases_per_person.latest_status is 'Stage of the most recently dated mention (ties: the furthest stage)';
comment on column mart.cases_per_person.documents is 'Every document mentioning the person, sorted';

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
comment on column mart.cases_by_region_year.region is 'Canonical region; NULL = national office or not stated';
comment on column mart.cases_by_region_year.year is 'Year of the verdict, else of the detention; NULL = undated';
comment on column mart.cases_by_region_year.n_mentions is 'Case mentions';
comment on column mart.cases_by_region_year.n_people is 'Distinct people (resolved persons; unresolved names per document)';
comment on column mart.cases_by_region_year.n_convicted is 'Mentions at status convicted, released, paroled or pardoned';
comment on column mart.cases_by_region_year.n_acquitted is 'Mentions at status acquitted';
comment on column mart.cases_by_region_year.n_bribery is 'Mentions charging bribe taking or bribe giving';
comment on column mart.cases_by_region_year.amount_usd_total is 'Money at stake in US dollars, summed (amount_usd_best of mart.case_money_usd)';

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
comment on column mart.sentences_by_charge.charge is 'Charge (contract vocabulary); ''(none stated)'' for mentions without one';
comment on column mart.sentences_by_charge.n_mentions is 'Case mentions stating the charge';
comment on column mart.sentences_by_charge.n_sentenced is 'Of those, mentions stating a sentence type';
comment on column mart.sentences_by_charge.n_with_months is 'Of those, mentions stating a sentence length in months';
comment on column mart.sentences_by_charge.min_months is 'Shortest sentence, in months';
comment on column mart.sentences_by_charge.median_months is 'Median sentence, in months (interpolated)';
comment on column mart.sentences_by_charge.avg_months is 'Mean sentence, in months, 1 decimal';
comment on column mart.sentences_by_charge.max_months is 'Longest sentence, in months';
comment on column mart.sentences_by_charge.n_prison is 'Mentions with sentence type prison';
comment on column mart.sentences_by_charge.n_life is 'Mentions with sentence type life';
comment on column mart.sentences_by_charge.share_suspended_or_deferred is 'Share (0-1) of the sentenced whose sentence is suspended or deferred';

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
comment on column mart.money_at_stake_by_region.region is 'Canonical region; NULL = national office or not stated';
comment on column mart.money_at_stake_by_region.n_mentions_with_money is 'Case mentions stating an amount (KZT or USD)';
comment on column mart.money_at_stake_by_region.n_in_usd is 'Of those, mentions with a US dollar amount (stated or converted)';
comment on column mart.money_at_stake_by_region.total_usd is 'Money at stake, US dollars, summed';
comment on column mart.money_at_stake_by_region.bribe_usd is 'Bribes, US dollars, summed';
comment on column mart.money_at_stake_by_region.embezzled_usd is 'Money embezzled, US dollars, summed';
comment on column mart.money_at_stake_by_region.damage_usd is 'Damage caused, US dollars, summed';
comment on column mart.money_at_stake_by_region.restitution_usd is 'Restitution ordered or paid, US dollars, summed';
comment on column mart.money_at_stake_by_region.assets_recovered_usd is 'Assets recovered, US dollars, summed';
comment on column mart.money_at_stake_by_region.largest_usd is 'Largest single amount, US dollars';

-- grain: one row per pair of case mentions of one person (person_id) in two different
-- documents that tell the same case and state two different sentences for it: a real
-- conflict, not a case seen at two stages. Same case = they share a charge (or one side
-- states none) and their verdict dates agree where both give one (compared at the coarser
-- precision). Different sentence = both state a sentence type and the types differ, or
-- both state months and the months differ. An appeal that changed the sentence shows here
-- too: the evidence of both sides tells which.
create or replace view mart.case_sentence_conflicts as
select a.person_id,
       a.record_id as record_id_a, b.record_id as record_id_b,
       a.source_name as source_a, a.case_no as case_no_a,
       b.source_name as source_b, b.case_no as case_no_b,
       a.sentence_type as sentence_type_a, b.sentence_type as sentence_type_b,
       a.sentence_months as sentence_months_a, b.sentence_months as sentence_months_b,
       a.verdict_on as verdict_on_a, b.verdict_on as verdict_on_b,
       list_intersect(a.charges, b.charges) as shared_charges,
       a.evidence as evidence_a, b.evidence as evidence_b,
       a.evidence_start as evidence_start_a, a.evidence_end as evidence_end_a,
       b.evidence_start as evidence_start_b, b.evidence_end as evidence_end_b
from core.case_mentions a
join core.case_mentions b
  on a.person_id = b.person_id
 and a.source_name < b.source_name
where (a.sentence_type <> b.sentence_type or a.sentence_months <> b.sentence_months)
  and (len(list_intersect(a.charges, b.charges)) > 0
       or len(coalesce(a.charges, [])) = 0 or len(coalesce(b.charges, [])) = 0)
  and (a.verdict_on is null or b.verdict_on is null
       or left(a.verdict_on, least(length(a.verdict_on), length(b.verdict_on)))
        = left(b.verdict_on, least(length(a.verdict_on), length(b.verdict_on))));
comment on view mart.case_sentence_conflicts is
  'One row per pair of documents stating two different sentences for one person''s same case';
comment on column mart.case_sentence_conflicts.person_id is 'Resolved person (core.persons)';
comment on column mart.case_sentence_conflicts.record_id_a is 'Mention in the first document';
comment on column mart.case_sentence_conflicts.record_id_b is 'Mention in the second document';
comment on column mart.case_sentence_conflicts.source_a is 'First document (by name)';
comment on column mart.case_sentence_conflicts.case_no_a is 'Case number within the first document';
comment on column mart.case_sentence_conflicts.source_b is 'Second document (by name)';
comment on column mart.case_sentence_conflicts.case_no_b is 'Case number within the second document';
comment on column mart.case_sentence_conflicts.sentence_type_a is 'Sentence type the first document states';
comment on column mart.case_sentence_conflicts.sentence_type_b is 'Sentence type the second document states';
comment on column mart.case_sentence_conflicts.sentence_months_a is 'Sentence months the first document states';
comment on column mart.case_sentence_conflicts.sentence_months_b is 'Sentence months the second document states';
comment on column mart.case_sentence_conflicts.verdict_on_a is 'Verdict date the first document states';
comment on column mart.case_sentence_conflicts.verdict_on_b is 'Verdict date the second document states';
comment on column mart.case_sentence_conflicts.shared_charges is 'Charges both documents state';
comment on column mart.case_sentence_conflicts.evidence_a is 'Evidence of the first mention';
comment on column mart.case_sentence_conflicts.evidence_b is 'Evidence of the second mention';
comment on column mart.case_sentence_conflicts.evidence_start_a is 'Offset of evidence_a in the first document';
comment on column mart.case_sentence_conflicts.evidence_end_a is 'End offset of evidence_a';
comment on column mart.case_sentence_conflicts.evidence_start_b is 'Offset of evidence_b in the second document';
comment on column mart.case_sentence_conflicts.evidence_end_b is 'End offset of evidence_b';

-- grain: one row per case mention of a resolved person (person x document x case), in the
-- order of the case's stages: by the stage's date (the verdict's for convicted, acquitted,
-- released, paroled, pardoned; else the detention's), undated mentions after dated ones,
-- then by stage. Successive stages (charged, then convicted) are a timeline, not a
-- disagreement; has_conflict marks a mention that mart.case_sentence_conflicts pairs with
-- another document's mention stating a different sentence for the same case.
-- Replaces mart.case_disagreements (dropped below).
create or replace view mart.case_timeline as
with staged as (
    select m.*,
           case m.status when 'suspected' then 1 when 'detained' then 2 when 'charged' then 3
                         when 'on_trial' then 4 when 'convicted' then 5 when 'acquitted' then 5
                         when 'released' then 6 when 'paroled' then 6 when 'pardoned' then 6
                         else 0 end as stage
    from core.case_mentions m
    where m.person_id is not null
),
dated as (
    select s.*,
           case when s.stage >= 5 then coalesce(s.verdict_on, s.detained_on)
                else coalesce(s.detained_on, s.verdict_on) end as stage_date
    from staged s
),
conflicts as (
    select record_id_a as record_id, record_id_b as other from mart.case_sentence_conflicts
    union all
    select record_id_b, record_id_a from mart.case_sentence_conflicts
)
select d.person_id,
       coalesce(p.canonical_name, d.person_name) as canonical_name,
       row_number() over (partition by d.person_id
                          order by d.stage_date nulls last, d.stage, d.source_name, d.case_no)
           as step,
       d.stage_date, d.status, d.stage,
       d.detained_on, d.verdict_on, d.sentence_type, d.sentence_months, d.charges,
       d.source_name, d.case_no, d.record_id,
       exists (select 1 from conflicts c where c.record_id = d.record_id) as has_conflict,
       (select list(c.other order by c.other) from conflicts c where c.record_id = d.record_id)
           as conflicting_record_ids,
       d.evidence
from dated d
left join core.persons p on p.person_id = d.person_id
order by d.person_id, step;
comment on view mart.case_timeline is
  'One row per case mention of a person, in stage-date order; real sentence conflicts flagged';
comment on column mart.case_timeline.person_id is 'Resolved person (core.persons)';
comment on column mart.case_timeline.canonical_name is 'Name chosen for the person';
comment on column mart.case_timeline.step is '1, 2, ... the mention''s place in the person''s timeline';
comment on column mart.case_timeline.stage_date is 'Date of the stage: verdict for verdict stages, else detention (ISO partial)';
comment on column mart.case_timeline.status is 'Stage the document reports (contract status)';
comment on column mart.case_timeline.stage is 'Stage rank: 1 suspected .. 5 convicted/acquitted, 6 released/paroled/pardoned, 0 none';
comment on column mart.case_timeline.detained_on is 'ISO partial date of detention';
comment on column mart.case_timeline.verdict_on is 'ISO partial date of the verdict';
comment on column mart.case_timeline.sentence_type is 'Sentence type stated';
comment on column mart.case_timeline.sentence_months is 'Sentence length in months stated';
comment on column mart.case_timeline.charges is 'Charges stated (contract vocabulary)';
comment on column mart.case_timeline.source_name is 'Document';
comment on column mart.case_timeline.case_no is 'Case number within the document';
comment on column mart.case_timeline.record_id is 'The case mention (core.case_mentions)';
comment on column mart.case_timeline.has_conflict is 'Another document states a different sentence for the same case';
comment on column mart.case_timeline.conflicting_record_ids is 'The mentions it conflicts with (mart.case_sentence_conflicts)';
comment on column mart.case_timeline.evidence is 'Verbatim passage of the mention';

-- mart.case_disagreements paired successive stages as disagreements; case_timeline and
-- case_sentence_conflicts replace it (a snapshot copied from an older run still has it).
drop view if exists mart.case_disagreements;
