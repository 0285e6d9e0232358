-- incidents: each attack event of run $run_id takes the incident_id of the earliest compatible
-- event before it (earlier runs first, then the run's own events in event_id order); `parent`
-- holds that event, its incident is copied until no id changes (warehouse/incidents.py).
-- Compatible (both events): another document (one article's events are distinct attacks, as
-- the event extractor decided); the same country; overlapping date ranges;
-- places that agree (the same location, within 40 km, or one a province the other lies in);
-- weapons of one family or one unknown; attackers and targets equal or one unknown. A vague
-- event (a range of more than 3 days, or no coordinates) links only on the same place, or on the
-- same day with a known weapon of the same family. Two versions of one inbox file link as
-- near-duplicates do.
create or replace temporary table incident_links as
with events as (
    select e.*, d.ingested_at, d.duplicate_of, d.source_path, (e.date_max - e.date_min) as days,
           list_transform(e.weapons, lambda w: case
               when w in ('rocket', 'missile', 'ballistic missile', 'cruise missile', 'artillery', 'mortar') then 'projectile'
               when w in ('drone', 'one-way attack drone') then 'drone'
               when w in ('bomb', 'ied', 'grenade') then 'explosive'
               else w end) as families
    from attack_events e join documents d using (doc_id)
),
fresh as (select * from events where run_id = $run_id),
window_ as (select min(date_min) as lo, max(date_max) as hi from fresh),
earlier as (select events.* from events, window_ where date_max >= lo and date_min <= hi),
pairs as (
    select n.event_id, c.event_id as parent,
           row_number() over (partition by n.event_id
                              order by (c.run_id = $run_id), c.ingested_at, c.event_id) as rank_
    from fresh n join earlier c
      on n.country_code = c.country_code
     and c.date_min <= n.date_max and n.date_min <= c.date_max
     and n.doc_id <> c.doc_id
     and (c.run_id <> $run_id or c.event_id < n.event_id)
    where (n.attacker_id is null or c.attacker_id is null or n.attacker_id = c.attacker_id)
      and (n.target_id is null or c.target_id is null or n.target_id = c.target_id)
      and (list_has_any(n.families, c.families) or list_contains(n.weapons, 'unknown')
           or list_contains(c.weapons, 'unknown'))
      and (
          n.location_id = c.location_id and (n.days <= 3 and c.days <= 3 or list_has_any(n.families, c.families))
          or n.days <= 3 and c.days <= 3 and (
              n.latitude is not null and c.latitude is not null
                  and 2 * 6371 * asin(sqrt(power(sin(radians(c.latitude - n.latitude) / 2), 2)
                      + cos(radians(n.latitude)) * cos(radians(c.latitude))
                      * power(sin(radians(c.longitude - n.longitude) / 2), 2))) <= 40
              or n.admin1 = c.admin1 and (n.geo_precision = 3 or c.geo_precision = 3)
              or (n.latitude is null or c.latitude is null)
                  and n.event_date = c.event_date and list_has_any(n.families, c.families)
                  and not list_contains(n.weapons, 'unknown') and not list_contains(c.weapons, 'unknown')
              or n.duplicate_of = c.doc_id or c.duplicate_of = n.doc_id
              or n.source_path = c.source_path  -- two versions of one inbox file (documents.superseded_by)
          )
      )
)
select event_id, parent from pairs where rank_ = 1
