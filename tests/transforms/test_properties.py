"""Property-based tests: no input crashes a transform, and every span it returns is valid."""

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transforms.attacks import extract_attacks
from transforms.dates import parse_dateline, parse_header_date
from transforms.decode import decode_bytes
from transforms.entities import default_matcher
from transforms.event_dates import Window, tag_article
from transforms.exceptions import RejectedInput
from transforms.gazetteer import load_gazetteer
from transforms.parse import parse_article
from transforms.sentences import split_sentences
from transforms.tallies import extract_tallies
from transforms.timex import tag_timexes

NEWSY = st.lists(st.sampled_from(list("abcdefghij ABCDEFGH.,;:-'’\"\n0123456789/") + [
    " Monday", " on Thursday", " Nov. 14", " 2023", " rockets", " drone", " struck", " Iraq", " Syria",
    " Ain al-Asad", " at least 13 attacks", " since Oct. 17", " U.S.", " killed", " (Reuters) - ", "BAGHDAD,",
    " date 2023-11-05 ", "Published: November 3, 2023", " the day before", " last week", "\u200b", "\ufffd"]),
    max_size=120).map("".join)
PUB = st.one_of(st.none(), st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2030, 12, 31)))
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=2000))
def test_decode_either_decodes_or_rejects_with_a_reason(data):
    try:
        decoded = decode_bytes(data, 10_000)
    except RejectedInput as exc:
        assert exc.reason
    else:
        assert decoded.text.strip() and "\r" not in decoded.text


@FAST
@given(NEWSY)
def test_parse_never_fails_and_keeps_title_first(text):
    a = parse_article(text)
    if a.title:
        assert a.body.startswith(a.title)


@FAST
@given(st.text(max_size=80))
def test_header_dates_never_fail_and_are_valid_days(line):
    h = parse_header_date(line)
    if h is not None:
        assert h.date is not None
    parse_dateline(line)


@FAST
@given(NEWSY, st.dates(min_value=dt.date(1995, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_timexes_lie_inside_the_text(text, dct):
    for t in tag_timexes(text, dct):
        assert 0 <= t.start < t.end <= len(text) and text[t.start:t.end] == t.text and t.value


@FAST
@given(NEWSY, PUB)
def test_every_span_points_into_the_body_and_no_event_is_after_publication(text, published):
    body = parse_article(text).body
    sentences = split_sentences(body)
    mentions = default_matcher().find(body)
    window = Window(dt.date(2023, 10, 1), dt.date(2023, 11, 30))
    timexes = tag_article(body, published, window)
    for s, e in sentences:
        assert 0 <= s < e <= len(body)
    for m in mentions:
        assert body[m.start:m.end] == m.surface
    for ev in extract_attacks(body, sentences, mentions, load_gazetteer(), published, window, timexes):
        assert body[ev.start_char:ev.end_char] == ev.evidence
        assert ev.date_min <= ev.date_max
        if published:
            assert ev.date_max <= published
    for t in extract_tallies(body, sentences, mentions, load_gazetteer(), published, timexes):
        assert body[t.start_char:t.end_char] == t.evidence and t.count >= 0
