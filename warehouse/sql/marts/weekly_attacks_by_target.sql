-- mart: attacks per ISO week (starting Monday), country, and target: the target's country
-- (`target_country`, e.g. 'US' for attacks on U.S. forces, bases or ships) and kind
-- (`target_kind`: vessel, facility, military, armed group, civilian). Same counts as
-- weekly_attack_counts, one level finer; events with no known target have NULL target columns.
-- Attacks on U.S. forces per week:
--   select week_start, sum(incidents) as incidents from weekly_attacks_by_target
--   where target_country = 'US' group by week_start order by week_start
create or replace view weekly_attacks_by_target as
with events as (
    select * from stg_attack_events
    where week_start is not null
),
targets as (
    select entity_id, entity_type, name, country_code from entities
),
-- a warship's navy by its ship prefix (the gazetteer gives ships no country: they are at sea)
navies(prefix, country_code) as (
    values ('USS', 'US'), ('USNS', 'US'), ('HMS', 'GB'), ('HMCS', 'CA'), ('INS', 'IN'), ('FS', 'FR'), ('ITS', 'IT')
),
classified as (
    select
        e.*,
        coalesce(t.country_code, n.country_code) as target_country,
        case
            when t.entity_type = 'FAC' and regexp_matches(t.name, '^(USS|USNS|HMS|HMCS|INS|FS|ITS|MV|MT) ') then 'vessel'
            when t.entity_type = 'FAC' then 'facility'
            when t.entity_type in ('GPE', 'NORP') then 'military'
            when t.entity_type = 'ORG' then 'armed group'
            when t.entity_type = 'PERSON' then 'civilian'
        end as target_kind
    from events e
    left join targets t on t.entity_id = e.target_id
    left join navies n on t.entity_type = 'FAC' and starts_with(t.name, n.prefix || ' ')
),
weekly as (
    select
        week_start,
        country_code,
        target_country,
        target_kind,
        count(distinct incident_id) as incidents,
        count(*) as event_mentions,
        count(distinct doc_id) as documents
    from classified
    group by week_start, country_code, target_country, target_kind
)
select * from weekly
order by week_start, country_code nulls last, target_country nulls last, target_kind nulls last
