"""The parse worker pool: results like in-process parsing, a hanging file stopped and the pool going on."""
import time
from pathlib import Path

from tonghop.flows.pipeline import load_context, parse_or_reject
from tonghop.flows.workers import ParsePool
from tonghop.model import Rejection, Submission

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "samples" / "inbox"


def slow_on_hang(path, ctx):
    """Hangs on a file named hang*, parses others: what a pathological file does to the parser."""
    if Path(path).name.startswith("hang"):
        while True:
            time.sleep(0.05)
    return parse_or_reject(path, ctx)


def die_on_crash(path, ctx):
    if Path(path).name.startswith("crash"):
        import os
        os._exit(3)
    return parse_or_reject(path, ctx)


def test_pool_gives_the_in_process_result_and_stops_a_hanging_file(tmp_path):
    ctx = load_context()
    good = SAMPLES / "hoa-vang.docx"
    hang = tmp_path / "hang.docx"
    hang.write_bytes(good.read_bytes())
    with ParsePool(ctx, workers=1, time_limit=3, work=slow_on_hang) as pool:
        first = pool.run(good)
        start = time.perf_counter()
        stopped = pool.run(hang)
        assert time.perf_counter() - start < 20
        again = pool.run(good)
    assert isinstance(stopped, Rejection) and "3 s" in stopped.reason and " / " in stopped.reason
    assert isinstance(first, Submission) and first == again == parse_or_reject(good, ctx)


def test_a_worker_that_dies_rejects_that_file_only(tmp_path):
    ctx = load_context()
    crash = tmp_path / "crash.docx"
    crash.write_bytes(b"x")
    with ParsePool(ctx, workers=1, time_limit=60, work=die_on_crash) as pool:
        dead = pool.run(crash)
        ok = pool.run(SAMPLES / "dai-loc.docx")
    assert isinstance(dead, Rejection) and "died" in dead.reason
    assert isinstance(ok, Submission) and ok.unit.id
