-- stories: a document of run $run_id whose attack events all belong to incidents that one
-- earlier document reported too, published within 3 days of it, is a rewrite of that story and
-- takes its story_id (the earliest such document; earlier runs first). Documents without events
-- keep their own story (or their near-duplicate's).
create or replace temporary table story_links as
with fresh as (
    select d.doc_id, d.published_date, e.incident_id
    from documents d join attack_events e using (doc_id)
    where d.run_id = $run_id
),
events_per_doc as (
    select doc_id, count(distinct incident_id) as incidents from fresh group by doc_id
),
shared as (
    select f.doc_id, o.doc_id as other, count(distinct f.incident_id) as incidents,
           min(od.ingested_at) as ingested_at, (od.run_id = $run_id) as same_run
    from fresh f
    join attack_events o on o.incident_id = f.incident_id and o.doc_id <> f.doc_id
    join documents od on od.doc_id = o.doc_id
    where (od.run_id <> $run_id or od.doc_id < f.doc_id)
      and abs(datediff('day', od.published_date, f.published_date)) <= 3
    group by f.doc_id, o.doc_id, od.run_id
)
select s.doc_id, arg_min(s.other, (s.same_run, s.ingested_at, s.other)) as parent
from shared s join events_per_doc n using (doc_id)
where s.incidents = n.incidents
group by s.doc_id
