-- mart: the officially reported tallies with the name of who stated them, newest first.
-- One row per figure: the same number for the same period reported by several articles (or a
-- syndicated copy) appears once, from the earliest article.
-- `series` is the line a figure belongs to over time: its unit, plus the place for the parts of a
-- split ("24 in Iraq and 22 in Syria" under "46 attacks"). A headline figure is the unit's series
-- whether its sentence names the region ("Iraq and Syria") or not, so the Pentagon's running
-- count is one line, not dots scattered over "attacks (Iraq and Syria)" and "attacks (none)".
-- Only current documents: a superseded version of a file (documents.superseded_by) states nothing now.
create or replace view reported_tallies as
with tallies as (
    select * from tallies
    where doc_id in (select doc_id from documents where superseded_by is null)
),
stated_by as (
    select entity_id, name from entities
),
documents as (
    select doc_id, title, published_date, ingested_at from documents
),
split_parts as (
    -- a part: another figure of the same unit, sentence and document counts more
    select p.tally_id from tallies p join tallies whole
        on whole.doc_id = p.doc_id and whole.start_char = p.start_char and whole.unit = p.unit
        and whole.count > p.count and whole.tally_id <> p.tally_id
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
        case when t.tally_id in (select tally_id from split_parts) and t.scope is not null
             then t.unit || ' in ' || t.scope else t.unit end as series,
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
