-- mart: attacks per ISO week (starting Monday) and country. `incidents` counts distinct
-- attacks (the same attack in several articles shares an incident_id); `event_mentions`
-- counts rows; `documents` the articles reporting them. Armed clashes (event_type Battles)
-- are left out.
create or replace view weekly_attack_counts as
with events as (
    select * from stg_attack_events
    where week_start is not null
      and event_type is distinct from 'Battles'  -- armed clashes are not attacks (#12)
),
weekly as (
    select
        week_start,
        country_code,
        count(distinct incident_id) as incidents,
        count(*) as event_mentions,
        count(distinct doc_id) as documents
    from events
    group by week_start, country_code
)
select * from weekly
order by week_start, country_code nulls last
