"""A live blog's post stamp ("8:12 AM" opening a post) is not the time of the attack the post tells
(`transforms.post_stamps`). Invented live blogs."""

from __future__ import annotations

import datetime as dt
import hashlib

from transforms import batch
from transforms.event_dates import Window
from transforms.post_stamps import is_post_stamp
from transforms.timex import Timex

TODAY = dt.date(2026, 11, 1)


def stamp(body: str, text: str) -> bool:
    at = body.index(text)
    return is_post_stamp(Timex(at, at + len(text), text, "TIME", "2026-10-14T09:30"), body)


def test_a_time_opening_a_post_is_a_stamp():
    assert stamp("Live\n\n09:30 GMT\nGunmen attacked a bus.", "09:30 GMT")
    assert stamp("Live\n\n9:30 AM Gunmen attacked a bus.", "9:30 AM")


def test_a_time_in_the_sentence_is_no_stamp():
    assert not stamp("Live\n\nAt 9:30 AM gunmen attacked a bus.", "9:30 AM")
    assert not stamp("Live\n\n9:30 AM: gunmen attacked a bus.", "9:30 AM")
    assert not stamp("Live\n\nGunmen attacked a bus at 9:30 AM.", "9:30 AM")


def test_an_overnight_attack_under_a_morning_stamp_keeps_its_night():
    data = ("Ukraine live\n\nOctober 14, 2026 9:45 AM EDT\n\n9:30 AM\nRussian drones struck a power plant "
            "in the city of Sumy overnight, killing two workers, the regional governor said.\n").encode()
    files = [batch.SourceFile("b.txt", hashlib.sha256(data).hexdigest(), data)]
    drafts, rejected = batch.analyze_stage(files, 10 ** 6, TODAY, Window.of_run_day(TODAY))
    assert not rejected
    [event] = drafts[0].events
    assert (event.date_min, event.date_max) == (dt.date(2026, 10, 13), dt.date(2026, 10, 14))
