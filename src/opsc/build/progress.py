"""Progress while building: a rich bar on a terminal, plain lines otherwise."""

from __future__ import annotations

import sys
from types import TracebackType

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn


class BuildProgress:
    """Reports task completion; a context manager."""

    def __init__(self, total: int, *, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        self.done = 0
        self.console = Console(file=self.stream, highlight=False)
        self.interactive = self.console.is_terminal
        self._progress: Progress | None = None
        self._task_id = None

    def __enter__(self) -> BuildProgress:
        if self.interactive and self.total:
            self._progress = Progress(
                TextColumn("[bold]building"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("{task.description}"),
                TimeElapsedColumn(),
                console=self.console,
                transient=True,
            )
            self._progress.__enter__()
            self._task_id = self._progress.add_task("", total=self.total)
        return self

    def advance(self, label: str) -> None:
        """One task finished."""
        self.done += 1
        if self._progress is not None:
            self._progress.update(self._task_id, advance=1, description=label)
        else:
            print(f"[{self.done}/{self.total}] {label}", file=self.stream, flush=True)

    def note(self, message: str) -> None:
        """A line that is not a task (site build, swap)."""
        if self._progress is not None:
            self._progress.console.print(message)
        else:
            print(message, file=self.stream, flush=True)

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.__exit__(kind, value, traceback)
