-- Protest and unrest summary views (issue 4). Idempotent: every view is create-or-replace.
-- They read core.protest_events, core.statistics and raw.documents; records of a document
-- whose status is not 'loaded' (a duplicate file, a read error) are left out when the
-- document is listed in raw.documents.

-- grain: one row per event record, with its date precision, the calendar span that date
-- covers and ACLED's severity rank (helper for the views below).
create or replace view mart.protest_event_records as
select e.source_name, e.event_date,
       case length(e.event_date) when 10 then 'day' when 7 then 'month' else 'year' end
           as date_precision,
       try_cast(case length(e.event_date)
                    when 10 then e.event_date
                    when 7 then e.event_date || '-01'
                    when 4 then e.event_date || '-01-01' end as date) as period_start,
       e.location, e.region, e.latitude, e.longitude, e.geo_precision,
       e.event_type, e.sub_event_type,
       case e.event_type
           when 'violence_against_civilians' then 6
           when 'battles' then 5
           when 'riots' then 4
           when 'protests' then
               case e.sub_event_type when 'excessive_force_against_protesters' then 3
                                     when 'protest_with_intervention' then 2 else 1 end
           else 0 end as severity,
       e.participants, e.killed, e.injured, e.detained, e.description, e.evidence
from core.protest_events e
left join raw.documents d on d.source_name = e.source_name
where d.source_name is null or d.status = 'loaded';

-- grain: one row per (date as precise as the texts give it, place). Records of several
-- documents about the same place and date are one row: the most severe type, the lowest
-- reported count (ACLED's conservative choice), coordinates for map and chart tools.
-- Filter date_precision = 'day' for a daily series.
create or replace view mart.protest_timeline as
select event_date, date_precision, period_start,
       case date_precision
           when 'day' then period_start
           when 'month' then last_day(period_start)
           else (period_start + interval 1 year - interval 1 day)::date end as period_end,
       location, region,
       any_value(latitude) as latitude, any_value(longitude) as longitude,
       min(geo_precision) as geo_precision,
       arg_max(event_type, severity) as event_type,
       arg_max(sub_event_type, severity) as sub_event_type,
       count(*) as records,
       count(distinct source_name) as sources,
       min(participants) as participants, min(killed) as killed,
       min(injured) as injured, min(detained) as detained,
       list(distinct source_name order by source_name) as source_names,
       arg_max(description, severity) as description
from mart.protest_event_records
group by event_date, date_precision, period_start, location, region
order by period_start, event_date, location;

-- grain: one row per (region, year): distinct place-dates of activity in the region that
-- year, by event type, with the stated casualties summed over those place-dates.
create or replace view mart.protest_events_by_region_year as
select coalesce(region, 'unknown') as region,
       year(period_start) as year,
       count(*) as events,
       count(*) filter (where event_type = 'protests') as protests,
       count(*) filter (where event_type = 'riots') as riots,
       count(*) filter (where event_type = 'violence_against_civilians')
           as violence_against_civilians,
       count(*) filter (where event_type = 'strategic_developments') as strategic_developments,
       count(*) filter (where date_precision = 'day') as events_dated_to_the_day,
       count(distinct location) as places,
       list(distinct location order by location) as place_names,
       sum(killed) as killed, sum(injured) as injured, sum(detained) as detained
from mart.protest_timeline
where period_start is not null
group by all
order by year, region;

-- grain: one row per (event type, sub-event type): how many place-dates, places and
-- documents, the span of dates, and the stated casualties summed.
create or replace view mart.protest_events_by_type as
select t.event_type, t.sub_event_type,
       count(*) as events,
       count(distinct t.location) as places,
       (select count(distinct r.source_name) from mart.protest_event_records r
        where r.event_type = t.event_type
          and r.sub_event_type is not distinct from t.sub_event_type) as sources,
       min(t.period_start) as first_date, max(t.period_end) as last_date,
       sum(t.killed) as killed, sum(t.injured) as injured, sum(t.detained) as detained
from mart.protest_timeline t
group by t.event_type, t.sub_event_type
order by events desc, t.event_type, t.sub_event_type;

-- grain: one row per fact = (subject without its parenthesised source, metric, unit,
-- location, period), where period is the month of a figure dated to the day (a toll given
-- as of 5 and of 10 January is one fact of 2022-01) and otherwise the period as printed
-- (year, month, span; NULL = none stated). Figures of different metrics, subjects, places
-- or periods are never lumped. Every claim is kept (value, exact period, source, evidence)
-- with the conservative value (the lowest, ACLED's choice), the latest value (of the claim
-- with the latest exact period; among equally dated claims the highest) and every source.
create or replace view mart.statistic_claims as
with s as (
    select lower(trim(regexp_replace(st.subject, '\s*\([^)]*\)\s*$', ''))) as subject_key,
           st.subject, st.metric, st.unit, st.location, st.value, st.period,
           case when regexp_full_match(coalesce(st.period, ''), '\d{4}-\d{2}-\d{2}')
                then left(st.period, 7) else st.period end as period_key,
           st.source_name, st.record_id, st.evidence
    from core.statistics st
    left join raw.documents d on d.source_name = st.source_name
    where d.source_name is null or d.status = 'loaded'
)
select subject_key, metric, unit, location, period_key as period,
       count(*) as claims,
       count(distinct source_name) as sources,
       list(distinct source_name order by source_name) as source_names,
       list({'value': value, 'period': period, 'source_name': source_name,
             'subject': subject, 'record_id': record_id, 'evidence': evidence}
            order by period nulls first, value) as all_claims,
       min(value) as conservative_value,
       arg_max(value, coalesce(period, '') || lpad(printf('%.6f', value), 30, '0'))
           as latest_value,
       max(period) as latest_period,
       min(value) as lowest_value,
       max(value) as highest_value,
       count(distinct value) > 1 as values_differ
from s
group by subject_key, metric, unit, location, period_key
order by subject_key, metric, location, period_key;

-- grain: one row per (episode month, metric, unit, day) for nationwide figures (no
-- location) stated for a single day: the series of a multi-day episode as it was reported
-- (e.g. detained 4,404 -> 5,969 -> 9,900), with the change from the previous report.
create or replace view mart.daily_national_figures as
with daily as (
    select left(period, 7) as episode, metric, unit,
           try_cast(period as date) as day,
           max(value) as value,
           count(*) as claims,
           list(distinct source_name order by source_name) as source_names,
           arg_max(subject, value) as subject
    from core.statistics st
    where location is null and regexp_full_match(coalesce(period, ''), '\d{4}-\d{2}-\d{2}')
      and (select count(*) from raw.documents d where d.source_name = st.source_name
           and d.status <> 'loaded') = 0
    group by all
)
select episode, metric, unit, day, value,
       lag(value) over w as previous_value,
       value - lag(value) over w as change,
       claims, subject, source_names
from daily
window w as (partition by episode, metric, unit order by day)
order by episode, metric, unit, day;

comment on view mart.protest_event_records is
  'One row per protest event record with date precision, date span and ACLED severity rank';
comment on column mart.protest_event_records.source_name is 'Document path relative to the corpus folder';
comment on column mart.protest_event_records.event_date is 'ISO partial date of the event as stated (YYYY, YYYY-MM or YYYY-MM-DD)';
comment on column mart.protest_event_records.date_precision is 'day, month or year: how precise event_date is';
comment on column mart.protest_event_records.period_start is 'First day of the span event_date covers';
comment on column mart.protest_event_records.location is 'City or town, canonical spelling';
comment on column mart.protest_event_records.region is 'Canonical region (contract vocabulary)';
comment on column mart.protest_event_records.latitude is 'Latitude of the location, decimal degrees (gazetteer)';
comment on column mart.protest_event_records.longitude is 'Longitude of the location, decimal degrees (gazetteer)';
comment on column mart.protest_event_records.geo_precision is 'ACLED geo precision: 1 town, 2 part of a region, 3 region';
comment on column mart.protest_event_records.event_type is 'ACLED event type';
comment on column mart.protest_event_records.sub_event_type is 'ACLED sub-event type, snake case';
comment on column mart.protest_event_records.severity is 'ACLED severity rank: 6 violence against civilians, 5 battles, 4 riots, 3 excessive force against protesters, 2 protest with intervention, 1 peaceful protest, 0 other';
comment on column mart.protest_event_records.participants is 'Participants stated for that place and day (persons)';
comment on column mart.protest_event_records.killed is 'Killed, stated for that place and day (persons)';
comment on column mart.protest_event_records.injured is 'Injured, stated for that place and day (persons)';
comment on column mart.protest_event_records.detained is 'Detained, stated for that place and day (persons)';
comment on column mart.protest_event_records.description is 'One-line description of the event';
comment on column mart.protest_event_records.evidence is 'Verbatim passage of the source stating the event';
comment on view mart.protest_timeline is
  'One row per (place, date) across documents: most severe type, lowest counts, coordinates';
comment on column mart.protest_timeline.event_date is 'ISO partial date (YYYY, YYYY-MM or YYYY-MM-DD)';
comment on column mart.protest_timeline.date_precision is 'day, month or year: filter day for a daily series';
comment on column mart.protest_timeline.period_start is 'First day of the span event_date covers';
comment on column mart.protest_timeline.period_end is 'Last day of the span event_date covers';
comment on column mart.protest_timeline.location is 'City or town, canonical spelling';
comment on column mart.protest_timeline.region is 'Canonical region (contract vocabulary)';
comment on column mart.protest_timeline.latitude is 'Latitude of the location, decimal degrees (gazetteer)';
comment on column mart.protest_timeline.longitude is 'Longitude of the location, decimal degrees (gazetteer)';
comment on column mart.protest_timeline.geo_precision is 'Best ACLED geo precision among the records: 1 town, 2 part of a region, 3 region';
comment on column mart.protest_timeline.event_type is 'ACLED event type of the most severe record';
comment on column mart.protest_timeline.sub_event_type is 'ACLED sub-event type of the most severe record';
comment on column mart.protest_timeline.records is 'Event records merged into this row';
comment on column mart.protest_timeline.sources is 'Documents stating them';
comment on column mart.protest_timeline.participants is 'Lowest participant count stated (persons)';
comment on column mart.protest_timeline.killed is 'Lowest count of killed stated (persons)';
comment on column mart.protest_timeline.injured is 'Lowest count of injured stated (persons)';
comment on column mart.protest_timeline.detained is 'Lowest count of detained stated (persons)';
comment on column mart.protest_timeline.source_names is 'Every document stating the event, sorted';
comment on column mart.protest_timeline.description is 'Description of the most severe record';
comment on view mart.protest_events_by_region_year is
  'One row per (region, year): place-dates of protest activity by type, casualties summed';
comment on column mart.protest_events_by_region_year.region is 'Canonical region; ''unknown'' when not stated';
comment on column mart.protest_events_by_region_year.year is 'Calendar year of the place-dates';
comment on column mart.protest_events_by_region_year.events is 'Place-dates of activity (rows of mart.protest_timeline)';
comment on column mart.protest_events_by_region_year.protests is 'Of those, protests';
comment on column mart.protest_events_by_region_year.riots is 'Of those, riots';
comment on column mart.protest_events_by_region_year.violence_against_civilians is 'Of those, violence against civilians';
comment on column mart.protest_events_by_region_year.strategic_developments is 'Of those, strategic developments';
comment on column mart.protest_events_by_region_year.events_dated_to_the_day is 'Of those, dated to the day';
comment on column mart.protest_events_by_region_year.places is 'Distinct places';
comment on column mart.protest_events_by_region_year.place_names is 'The places, sorted';
comment on column mart.protest_events_by_region_year.killed is 'Killed, summed over the place-dates (lowest stated counts; persons)';
comment on column mart.protest_events_by_region_year.injured is 'Injured, summed over the place-dates (lowest stated counts; persons)';
comment on column mart.protest_events_by_region_year.detained is 'Detained, summed over the place-dates (lowest stated counts; persons)';
comment on view mart.protest_events_by_type is
  'One row per (event type, sub-event type): place-dates, places, documents, date span';
comment on column mart.protest_events_by_type.event_type is 'ACLED event type';
comment on column mart.protest_events_by_type.sub_event_type is 'ACLED sub-event type, snake case';
comment on column mart.protest_events_by_type.events is 'Place-dates of this type (rows of mart.protest_timeline)';
comment on column mart.protest_events_by_type.places is 'Distinct places';
comment on column mart.protest_events_by_type.sources is 'Documents stating events of this type';
comment on column mart.protest_events_by_type.first_date is 'First day of the earliest place-date';
comment on column mart.protest_events_by_type.last_date is 'Last day of the latest place-date';
comment on column mart.protest_events_by_type.killed is 'Killed, summed over the place-dates (lowest stated counts; persons)';
comment on column mart.protest_events_by_type.injured is 'Injured, summed over the place-dates (lowest stated counts; persons)';
comment on column mart.protest_events_by_type.detained is 'Detained, summed over the place-dates (lowest stated counts; persons)';
comment on view mart.statistic_claims is
  'One row per fact (subject, metric, unit, place, period): every claim, conservative and latest value';
comment on column mart.statistic_claims.subject_key is 'Subject lower-cased, its parenthesised source removed';
comment on column mart.statistic_claims.metric is 'What the figure counts (contract vocabulary)';
comment on column mart.statistic_claims.unit is 'Unit of the values';
comment on column mart.statistic_claims.location is 'Canonical place; NULL = the whole country';
comment on column mart.statistic_claims.period is 'Period of the fact: the month of a day-dated figure, else as printed';
comment on column mart.statistic_claims.claims is 'Figures stated for this fact';
comment on column mart.statistic_claims.sources is 'Documents stating it';
comment on column mart.statistic_claims.source_names is 'Every document stating it';
comment on column mart.statistic_claims.all_claims is 'Every claim: value, exact period, source, subject as written, record_id, evidence';
comment on column mart.statistic_claims.conservative_value is 'The lowest value claimed (ACLED''s conservative choice)';
comment on column mart.statistic_claims.latest_value is 'Value of the claim with the latest exact period (ties: the highest)';
comment on column mart.statistic_claims.latest_period is 'Latest exact period among the claims';
comment on column mart.statistic_claims.lowest_value is 'Lowest value claimed';
comment on column mart.statistic_claims.highest_value is 'Highest value claimed';
comment on column mart.statistic_claims.values_differ is 'The claims do not all give the same value';
comment on view mart.daily_national_figures is
  'One row per (episode month, metric, unit, day): nationwide figures as reported day by day';
comment on column mart.daily_national_figures.episode is 'Month of the episode (YYYY-MM)';
comment on column mart.daily_national_figures.metric is 'What the figure counts (contract vocabulary)';
comment on column mart.daily_national_figures.unit is 'Unit of the value';
comment on column mart.daily_national_figures.day is 'Day the figure is stated for';
comment on column mart.daily_national_figures.value is 'Highest figure stated for that day, in unit';
comment on column mart.daily_national_figures.previous_value is 'Figure of the previous reported day of the episode; NULL on the first';
comment on column mart.daily_national_figures.change is 'value - previous_value';
comment on column mart.daily_national_figures.claims is 'Figures stated for that day';
comment on column mart.daily_national_figures.subject is 'Subject as written of the highest figure';
comment on column mart.daily_national_figures.source_names is 'Every document stating a figure for that day, sorted';
