"""A live blog's post stamp: a time of day that opens a line, alone or straight before the post's
first word ("8:12 AM\nIsraeli settlers ...", "14:05 GMT Troops ..."). It says when the post went
up, not when what it tells happened: an attack told under it ("Settlers set fire to two houses
overnight") is dated by its own words, not by the stamp (component `attacks`). A time in the
sentence ("At 8:12 AM, gunmen ...", "8:12 AM: a blast ...") is not one."""

from __future__ import annotations

import re

from transforms.timex import Timex

_AFTER_STAMP = re.compile(r"[ \t]*(?:$|\n|[ \t]+(?=[A-Z]))")


def is_post_stamp(t: Timex, body: str) -> bool:
    """Whether the time expression `t` opens its line of `body` and is followed by the line's end
    or, after a space, a capitalised word."""
    line_start = body.rfind("\n", 0, t.start) + 1
    return t.type == "TIME" and not body[line_start:t.start].strip() and bool(_AFTER_STAMP.match(body, t.end))
