"""How a run reports its progress: a bar on a terminal, plain lines otherwise.

The CLI chooses (`use_terminal`); the flow only calls `start`, `advance` and `finish`, so the
library stays quiet when imported elsewhere.
"""

from __future__ import annotations

import sys
from typing import Protocol


class Reporter(Protocol):
    def start(self, total: int, label: str) -> None: ...
    def advance(self, done: int) -> None: ...
    def finish(self) -> None: ...


class Silent:
    def start(self, total: int, label: str) -> None: ...
    def advance(self, done: int) -> None: ...
    def finish(self) -> None: ...


class Lines:
    """One line per batch on stderr: for logs, cron mail and CI."""

    def __init__(self):
        self.total, self.done, self.label = 0, 0, ""

    def start(self, total: int, label: str) -> None:
        self.total, self.done, self.label = total, 0, label

    def advance(self, done: int) -> None:
        self.done += done
        # written directly: the flow's log_prints would turn a print() into a log record
        sys.stderr.write(f"sitrep: {self.label}: {self.done}/{self.total} files\n")
        sys.stderr.flush()

    def finish(self) -> None: ...


class Bar:
    def __init__(self):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self._progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                  TimeElapsedColumn(), transient=False)
        self._task = None

    def start(self, total: int, label: str) -> None:
        self._progress.start()
        self._task = self._progress.add_task(label, total=total)

    def advance(self, done: int) -> None:
        self._progress.advance(self._task, done)

    def finish(self) -> None:
        self._progress.stop()


reporter: Reporter = Silent()


def use_terminal(is_tty: bool) -> None:
    global reporter
    reporter = Bar() if is_tty else Lines()
