"""Data Docs pages point GX's logo at the site's own copy: no fetch carrying the context id."""

from __future__ import annotations

import os
import time

from expectations.docs_offline import untrack_pages

LOGO = ("https://great-expectations-web-assets.s3.us-east-2.amazonaws.com/logo-long.png"
        "?d=20260101T000000Z&dataContextId=7e69d646-0000-4e17-81a9-c636a9bccf42")


def _site(tmp_path):
    site = tmp_path / "local_site"
    (site / "static" / "images").mkdir(parents=True)
    (site / "static" / "images" / "logo-long.png").write_bytes(b"png")
    (site / "validations" / "t" / "run").mkdir(parents=True)
    page = site / "validations" / "t" / "run" / "r.html"
    page.write_text(f'<img class="NO-CACHE"\n  src="{LOGO}"\n  alt="Great Expectations">', encoding="utf-8")
    css = site / "static" / "styles" / "s.css"
    css.parent.mkdir()
    css.write_text("a{background: url('https://great-expectations-web-assets.s3.amazonaws.com/full_logo_dark.png')}")
    return site, page, css


def test_the_logo_points_at_the_sites_copy_and_unknown_assets_at_nothing(tmp_path):
    site, page, css = _site(tmp_path)
    assert untrack_pages(site) == 2
    assert 'src="../../../static/images/logo-long.png"' in page.read_text()
    assert (page.parent / "../../../static/images/logo-long.png").resolve().exists()
    assert "url('data:,')" in css.read_text()
    for path in (page, css):
        assert "great-expectations-web-assets" not in path.read_text() and "dataContextId" not in path.read_text()


def test_pages_older_than_the_build_are_not_read_again(tmp_path):
    site, page, _ = _site(tmp_path)
    old = time.time() - 3600
    os.utime(page, (old, old))
    assert untrack_pages(site, since=time.time() - 60) == 1  # the stylesheet only
    assert "dataContextId" in page.read_text()
