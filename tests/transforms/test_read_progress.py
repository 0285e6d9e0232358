"""Progress below file level (#s9 kind K): the model passes tell how much of each large document
they have read, through a callback; small documents and callers without one hear nothing."""

import datetime as dt

from transforms import batch
from transforms.event_dates import Window
from transforms.ner import find_names
from transforms.read_progress import reporting


def test_reporting_counts_each_texts_pieces_and_a_shared_piece_for_each_holder():
    pieces = [(0, "abc"), (0, "de"), (1, "abc"), (1, "xyz1")]
    distinct = ["abc", "de", "xyz1"]
    calls = []
    out = list(reporting(distinct, iter(["D1", "D2", "D3"]), pieces, lambda *a: calls.append(a)))
    assert out == ["D1", "D2", "D3"]
    assert calls == [(0, 3, 5), (1, 3, 7), (0, 5, 5), (1, 7, 7)]


def test_reporting_without_a_callback_passes_the_docs_through():
    assert list(reporting(["a"], iter([1]), [(0, "a")], None)) == [1]


def test_the_ner_reports_every_piece_of_a_long_text_until_all_is_read():
    text = "Rebels of the Kivu Liberation Front attacked Mbandaka on Monday. " * 1_000  # 65,000 characters: two pieces
    calls = []
    find_names([text], None, lambda *a: calls.append(a))
    assert len(calls) == 2 and calls[0][1] < calls[-1][1] == calls[-1][2] == len(text)


def _drafts(*texts):
    files = [batch.SourceFile(f"inbox/{name}.txt", f"{k:064x}", text.encode()) for k, (name, text) in enumerate(texts)]
    drafts, rejected = batch.decode_stage(files, 10_000_000)
    drafts, unparsed = batch.parse_stage(drafts)
    assert not rejected and not unparsed
    return drafts


def test_only_a_large_document_of_the_batch_reports_its_names_and_its_parse(monkeypatch):
    monkeypatch.setattr(batch, "LARGE_DOCUMENT_CHARS", 400)
    small = "Gunmen attacked a bus near Garissa on Monday, killing two passengers."
    large = " ".join(f"Militia fighters shelled the village of Kanyaruchinya {k} on Sunday, residents told Reuters."
                     for k in range(8))
    drafts = _drafts(("small", small), ("large", large))
    today = dt.date(2024, 3, 20)
    published = {d.doc_id: batch.publication(batch.dating_of(d), today) for d in drafts}
    calls = []
    batch.analysis_stage(drafts, published, batch.AnalysisContext(today, Window.of_run_day(today)), sign=False,
                         progress=lambda *a: calls.append(a))
    assert {path for path, *_ in calls} == {"inbox/large.txt"}
    assert {chars for _, chars, *_ in calls} == {len(drafts[1].body)}  # the document's size, whatever a pass reads
    assert {step for _, _, step, _ in calls} == {"names", "parse"}
    for step in ("names", "parse"):
        percents = [percent for *_, s, percent in calls if s == step]
        assert percents == sorted(percents) and percents[-1] == 100
