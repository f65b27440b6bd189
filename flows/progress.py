"""Progress of the parse stage: a bar on a terminal, plain log lines otherwise (cron, CI, a log file)."""
from __future__ import annotations

import sys
import threading
import time

__all__ = ["Progress"]


class Progress:
    """`advance()` once per file. On a terminal a bar redrawn in place (files parsed / total, elapsed);
    elsewhere one line at each tenth of the work, so a log shows the night's pace without flooding."""

    def __init__(self, total: int, enabled: bool | None = None, stream=None, width: int = 30):
        self.total = total
        self.done = 0
        self.stream = stream or sys.stderr
        tty = bool(getattr(self.stream, "isatty", lambda: False)())
        self.bar = tty if enabled is None else (enabled and tty)
        self.lines = not self.bar and enabled is not False and total > 0
        self.width = width
        self.start = time.perf_counter()
        self._lock = threading.Lock()
        self._next_line = 0

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):
            self.bar = self.lines = False

    def advance(self, n: int = 1) -> None:
        with self._lock:
            self.done += n
            elapsed = time.perf_counter() - self.start
            if self.bar:
                filled = int(self.width * self.done / max(self.total, 1))
                self._write(f"\rPhân tích / parsing [{'#' * filled}{'.' * (self.width - filled)}] "
                            f"{self.done}/{self.total} tệp / files  {elapsed:5.1f} s")
            elif self.lines and (self.done >= self._next_line or self.done == self.total):
                self._write(f"Đã phân tích {self.done}/{self.total} tệp / parsed {self.done}/{self.total} files"
                            f" ({elapsed:.1f} s)\n")
                self._next_line = self.done + max(1, self.total // 10)

    def close(self) -> None:
        with self._lock:
            if self.bar and self.total:
                self._write("\n")
