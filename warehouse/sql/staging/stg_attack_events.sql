-- staging: one row per attack event, with the ISO week (Monday) it falls in when the text
-- pins it to a day, or to a range inside one week; an event the text does not date at all
-- (date_precision 'inferred': the lookback window ending on publication) counts in the week it
-- was reported, the week of date_max; NULL week otherwise (a range the text states across weeks).
-- Only the events of current documents: a document superseded by a newer version of its inbox
-- file (documents.superseded_by) would count its attacks, casualties and article twice.
create or replace view stg_attack_events as
with events as (
    select * from attack_events
    where doc_id in (select doc_id from documents where superseded_by is null)
),
dated as (
    select
        *,
        coalesce(
            event_date,
            case when date_trunc('week', date_min) = date_trunc('week', date_max) then date_min end,
            case when date_precision = 'inferred' then date_max end
        ) as dated_on
    from events
)
select
    *,
    cast(date_trunc('week', dated_on) as date) as week_start
from dated
