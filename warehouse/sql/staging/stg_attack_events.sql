-- staging: one row per attack event, with the ISO week (Monday) it counts in (week_start):
--   1. the week of event_date when the text pins the event to a day;
--   2. the week of a [date_min, date_max] range that lies inside one week;
--   3. a short range across a week boundary (at most SHORT_RANGE_DAYS = 3 days, date_max -
--      date_min <= 2: "overnight" Sunday into Monday, "late Saturday or early Monday") counts
--      once, in the week of its last day, the morning after, when such reports are written;
--   4. an event the text does not date at all (date_precision 'inferred': the lookback window
--      ending on publication) counts in the week it was reported, the week of date_max;
--   NULL week otherwise: a longer stated range across weeks ("last month"), or no date.
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
            case when date_max - date_min between 0 and 2 then date_max end,
            case when date_precision = 'inferred' then date_max end
        ) as dated_on
    from events
)
select
    *,
    cast(date_trunc('week', dated_on) as date) as week_start
from dated
