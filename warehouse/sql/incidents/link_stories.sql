-- stories: a document of run $run_id whose attack events all belong to incidents that one
-- earlier document reported too, published within 3 days of it, is a rewrite of that story and
-- takes its story_id (the earliest such document; "earlier" and "earliest" follow one order:
-- earlier runs first, then ingested_at, then doc_id). Documents without events keep their own
-- story (or their near-duplicate's).
--
-- Why classes: one incident of a busy war is reported by thousands of documents, so pairing
-- documents through their incidents is quadratic. A document is read through its incidents
-- (those the run's documents report too) and its publication day; documents with equal ones
-- are interchangeable, and of those only the first two can be an answer (the first unless it is
-- the asking document itself).
--
-- Versions: a document of the run whose file (source_path) was loaded before is a new version of
-- that file, and stays in the story of the file's first version, whatever its events: the story
-- keeps its id when the document that names it is superseded, and a rewrite in the same run that
-- took this version as its parent follows it there (the chains resolve in warehouse/incidents.py).
create or replace temporary table story_links as
with run_incidents as (
    select distinct e.incident_id from attack_events e join documents d using (doc_id) where d.run_id = $run_id
),
reporting as (
    select d.doc_id, d.published_date as pub, (d.run_id = $run_id) as same_run, d.ingested_at,
           list_sort(list(distinct e.incident_id)) as incidents
    from documents d join attack_events e using (doc_id) semi join run_incidents using (incident_id)
    where d.published_date is not null
    group by d.doc_id, d.published_date, d.run_id, d.ingested_at
),
docs as materialized (
    select *, row_number() over (order by same_run, ingested_at, doc_id) as ord,
           dense_rank() over (order by incidents, pub) as cls
    from reporting
),
classes as materialized (
    select cls, any_value(incidents) as incidents, any_value(pub) as pub, bool_or(same_run) as asks from docs group by cls
),
reps as (select cls, doc_id, ord from docs qualify row_number() over (partition by cls order by ord) <= 2),
-- a class that holds every incident of an asking class, published within 3 days of it
pairs as (
    select n.cls as ncls, c.cls as ccls
    from classes n join (select cls, unnest(incidents) as incident_id from classes) k on k.incident_id = n.incidents[1]
    join classes c on c.cls = k.cls
    where n.asks and list_has_all(c.incidents, n.incidents) and abs(datediff('day', c.pub, n.pub)) <= 3
),
best as (
    select p.ncls, r.doc_id, r.ord from pairs p join reps r on r.cls = p.ccls
    qualify row_number() over (partition by p.ncls order by r.ord) <= 2
),
rewrites as (
    select d.doc_id, arg_min(b.doc_id, b.ord) as parent
    from docs d join best b on b.ncls = d.cls
    where d.same_run and b.doc_id <> d.doc_id and b.ord < d.ord
    group by d.doc_id
),
first_versions as (  -- the first loaded version of the file of each of the run's later versions
    select d.doc_id, f.doc_id as parent
    from documents d join documents f on f.source_path = d.source_path and f.doc_id <> d.doc_id
    where d.run_id = $run_id
      and (f.run_id <> $run_id or f.ingested_at < d.ingested_at or (f.ingested_at = d.ingested_at and f.doc_id < d.doc_id))
    qualify row_number() over (partition by d.doc_id order by f.run_id = $run_id, f.ingested_at, f.doc_id) = 1
)
select doc_id, parent from first_versions
union all
select doc_id, parent from rewrites anti join first_versions using (doc_id)
