"""Parsing on every core, with a time limit per file: a small pool of long-lived worker processes.

Why not concurrent.futures or Prefect's ProcessPoolTaskRunner: a file that makes the parser hang (a
pathological regular expression, a C-level loop in lxml) can only be stopped by killing the process
that runs it, and a pool executor breaks as a whole when one of its processes is killed. Here each
caller (a Prefect task thread) borrows one worker, sends it one path and waits at most the time limit;
a worker that overruns, or dies (out of memory, a crash in a C extension), is killed and replaced, and
that one file is rejected with the reason. The workers load the reference data once (the RunContext is
sent to each at start) and are forked from a fork server that has already imported the parser, so
starting one costs milliseconds.
"""
from __future__ import annotations

import multiprocessing as mp
import os
import queue
import threading
from dataclasses import dataclass
from pathlib import Path

from tonghop.model import Rejection, Submission

__all__ = ["CRASH_REASON", "DEFAULT_TIME_LIMIT", "ParsePool", "timeout_reason"]

DEFAULT_TIME_LIMIT = 120.0      # seconds one file may take (the largest real report parses in ~2 s)


def timeout_reason(seconds: float) -> str:
    return (f"Quá thời gian phân tích ({seconds:g} giây), đã dừng / parsing took longer than {seconds:g} s "
            f"and was stopped")


CRASH_REASON = ("Trình đọc bị dừng đột ngột khi đọc tệp này (hết bộ nhớ hoặc lỗi), đã bỏ qua / the reader "
                "process died on this file (out of memory or a crash), file skipped")


def _worker_main(conn, ctx, work) -> None:                # runs in the worker process
    if work is None:
        from tonghop.flows.pipeline import parse_or_reject as work

    while True:
        try:
            path = conn.recv()
        except (EOFError, OSError):
            return
        if path is None:
            return
        try:
            result = work(path, ctx)
        except BaseException as exc:  # noqa: BLE001 - a worker answers every request
            result = Rejection(str(path), None, f"Lỗi nội bộ ({type(exc).__name__}) / internal error")
        try:
            conn.send(result)
        except (OSError, ValueError, TypeError):        # unpicklable or too large: say so, stay alive
            conn.send(Rejection(str(path), None, "Lỗi nội bộ khi trả kết quả / internal error returning result"))


def _context():
    methods = mp.get_all_start_methods()
    if "forkserver" in methods:
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["tonghop.flows.pipeline"])
        return ctx
    return mp.get_context("spawn")


@dataclass(eq=False)
class _Worker:
    process: mp.process.BaseProcess
    conn: object


class ParsePool:
    """`workers` processes parsing files with `work` (parse_or_reject), each file within `time_limit` seconds.

    `run(path)` is thread-safe and blocks until the file's result (or its time-out rejection)."""

    def __init__(self, ctx, workers: int | None = None, time_limit: float = DEFAULT_TIME_LIMIT, work=None):
        self.ctx = ctx
        self.work = work                   # a picklable function(path, ctx); default parse_or_reject
        self.size = max(1, workers or os.cpu_count() or 1)
        self.time_limit = time_limit
        self._mp = _context()
        self._idle: queue.LifoQueue[_Worker | None] = queue.LifoQueue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        for _ in range(self.size):
            self._idle.put(None)           # a slot: its worker is started when first needed

    def _start(self) -> _Worker:
        parent, child = self._mp.Pipe(duplex=True)
        proc = self._mp.Process(target=_worker_main, args=(child, self.ctx, self.work), daemon=True,
                                name="tonghop-parse")
        proc.start()
        child.close()
        worker = _Worker(proc, parent)
        with self._lock:
            self._all.add(worker)
        return worker

    def _discard(self, worker: _Worker) -> None:
        try:
            worker.process.kill()
            worker.process.join(5)
        except (OSError, ValueError, AssertionError):
            pass
        try:
            worker.conn.close()
        except OSError:
            pass
        with self._lock:
            self._all.discard(worker)

    def run(self, path: str | Path) -> Submission | Rejection:
        """Parse one file in a worker process; a time-out or a dead worker is a Rejection."""
        if self._closed:
            raise RuntimeError("pool closed")
        worker = self._idle.get()
        keep = True
        try:
            if worker is None:
                worker = self._start()
            try:
                worker.conn.send(str(path))
                if worker.conn.poll(self.time_limit):
                    return worker.conn.recv()
                keep = False
                return Rejection(str(path), None, timeout_reason(self.time_limit))
            except (EOFError, OSError, BrokenPipeError):
                keep = False
                return Rejection(str(path), None, CRASH_REASON)
        finally:
            if not keep and worker is not None:
                self._discard(worker)
                worker = None
            self._idle.put(worker)

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
        for w in workers:
            try:
                w.conn.send(None)
            except OSError:
                pass
        for w in workers:
            w.process.join(2)
            if w.process.is_alive():
                w.process.kill()
                w.process.join(2)
            try:
                w.conn.close()
            except OSError:
                pass
        with self._lock:
            self._all.clear()

    def __enter__(self) -> ParsePool:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
