"""How a run reports its progress: a bar on a terminal, plain lines otherwise.

The CLI chooses (`use_terminal`); the flow only calls `start`, `advance`, `finish` and
`documents`, so the library stays quiet when imported elsewhere. Below file level, a large
document's NLP reports how much of it each model pass has read (`DocumentLines`).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Protocol


class Reporter(Protocol):
    def start(self, total: int, label: str, unit: str = "files") -> None: ...
    def advance(self, done: int) -> None: ...
    def finish(self) -> None: ...
    def documents(self) -> "DocumentLines | None": ...


class Silent:
    def start(self, total: int, label: str, unit: str = "files") -> None: ...
    def advance(self, done: int) -> None: ...
    def finish(self) -> None: ...
    def documents(self) -> None:
        return None


class DocumentLines:
    """The progress of a large document's NLP (`transforms.batch.DocumentProgress`), a line on
    stderr at each tenth of a model pass ("sitrep: run X: big.txt (500,000 characters): names
    50%"): the document's size, the one size the user knows, and how far each pass is. Plain
    data, so that an NLP worker process, which gets a copy, writes its lines too (to the stderr
    it shares with the run)."""

    def __init__(self, label: str):
        self.label = label
        self.shown: dict[tuple[str, str], int] = {}  # (path, step) -> the last tenth written

    def __call__(self, path: str, chars: int, step: str, percent: int) -> None:
        tenth = percent // 10
        if self.shown.get((path, step), -1) >= tenth:
            return
        self.shown[(path, step)] = tenth
        sys.stderr.write(f"sitrep: {self.label}: {Path(path).name} ({chars:,} characters): {step} {percent}%\n")
        sys.stderr.flush()


class Lines:
    """One line per batch on stderr: for logs, cron mail and CI."""

    def __init__(self):
        self.total, self.done, self.label, self.unit = 0, 0, "", "files"

    def start(self, total: int, label: str, unit: str = "files") -> None:
        self.total, self.done, self.label, self.unit = total, 0, label, unit

    def documents(self) -> DocumentLines:
        return DocumentLines(self.label)

    def advance(self, done: int) -> None:
        self.done += done
        # written directly: the flow's log_prints would turn a print() into a log record
        sys.stderr.write(f"sitrep: {self.label}: {self.done}/{self.total} {self.unit}\n")
        sys.stderr.flush()

    def finish(self) -> None: ...


class Bar:
    def __init__(self):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                  TimeElapsedColumn(), transient=False)
        self._task = None
        self.label = ""

    def start(self, total: int, label: str, unit: str = "files") -> None:
        self._progress.start()
        self._task = self._progress.add_task(label, total=total)
        self.label = label

    def documents(self) -> DocumentLines:
        # lines above the bar (it redirects this process's stderr); a worker's may cut into it
        return DocumentLines(self.label)

    def advance(self, done: int) -> None:
        self._progress.advance(self._task, done)

    def finish(self) -> None:
        self._progress.stop()


reporter: Reporter = Silent()


def use_terminal(is_tty: bool) -> None:
    global reporter
    reporter = Bar() if is_tty else Lines()
