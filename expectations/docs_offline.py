"""Great Expectations Data Docs without a call home.

GX renders its logo as an image on its own web host, with the data context's id in the URL
(`logo-long.png?d=...&dataContextId=...`), whatever the analytics setting: opening a page would
tell that host who looked at which context. The site already holds the same logo under
`static/images/`, so each page built by a run points there instead.

What stays external: GX's pages style themselves with Bootstrap, jQuery and bootstrap-table
from public CDNs, which the package does not ship. Offline the validation pages are unstyled but
readable (their tables are plain HTML); the index, a script-filled table, is empty. The
documented offline view is sitrep's own report (`sitrep report`, expectations/report.py), which
shows the same results and links each suite's latest validation page.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

_REMOTE_ASSET = re.compile(r"""(?P<q>["'])https?://great-expectations-web-assets\.[^"']*?/(?P<file>[\w.-]+\.(?:png|svg))[^"']*(?P=q)""")


def untrack_pages(site: Path, since: float = 0.0) -> int:
    """Point every GX web-asset URL (the logo with its context id, the dark-mode logo of the
    stylesheet) of the pages and stylesheets under `site` modified at or after `since` (epoch
    seconds) at the site's own `static/images` copy, or at nothing when the site has no copy;
    returns the files changed. Files that vanish meanwhile are left alone."""
    changed = 0
    images = site / "static" / "images"
    for page in (p for pattern in ("*.html", "*.css") for p in site.rglob(pattern)) if site.is_dir() else []:
        try:
            if page.stat().st_mtime < since:
                continue
            text = page.read_text(encoding="utf-8")
        except OSError:
            continue
        local, count = _REMOTE_ASSET.subn(lambda m: _local(m, images, page.parent), text)
        if count:
            page.write_text(local, encoding="utf-8")
            changed += 1
    return changed


def _local(m: re.Match, images: Path, folder: Path) -> str:
    q = m.group("q")
    if not (images / m.group("file")).exists():
        return f"{q}data:,{q}"  # an empty image: nothing to fetch
    return f"{q}{Path(os.path.relpath(images, folder), m.group('file')).as_posix()}{q}"


def validation_page(site: Path, result_json: Path, validations_root: Path) -> Path | None:
    """The Data Docs page of one stored validation result (same relative path, .html), if built."""
    try:
        page = site / "validations" / result_json.relative_to(validations_root).with_suffix(".html")
    except ValueError:
        return None
    return page if page.exists() else None
