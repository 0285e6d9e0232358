-- mart: the officially reported tallies with the name of who stated them, newest first.
-- One row per figure: the same number for the same period reported by several articles (or a
-- syndicated copy) appears once, from the earliest article.
create or replace view reported_tallies as
with tallies as (
    select * from tallies
),
stated_by as (
    select entity_id, name from entities
),
documents as (
    select doc_id, title, published_date, ingested_at from documents
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
        t.evidence,
        row_number() over (
            partition by t.period_end, t.count, t.unit, coalesce(t.scope, '')
            order by d.ingested_at, t.doc_id
        ) as nth_report
    from tallies t
    left join stated_by s on s.entity_id = t.stated_by_id
    left join documents d on d.doc_id = t.doc_id
)
select * exclude (nth_report) from joined
where nth_report = 1
order by period_end desc nulls last, count desc
