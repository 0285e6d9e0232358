-- mart: the officially reported tallies with the name of who stated them, newest first.
create or replace view reported_tallies as
with tallies as (
    select * from tallies
),
stated_by as (
    select entity_id, name from entities
),
documents as (
    select doc_id, title, published_date from documents
),
joined as (
    select
        t.tally_id,
        t.period_end,
        t.period_start,
        t.count,
        t.qualifier,
        t.unit,
        t.scope,
        s.name as stated_by,
        t.stated_by_id,
        t.doc_id,
        d.title,
        d.published_date,
        t.evidence
    from tallies t
    left join stated_by s on s.entity_id = t.stated_by_id
    left join documents d on d.doc_id = t.doc_id
)
select * from joined
order by period_end desc nulls last, count desc
