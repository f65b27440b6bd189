"""The night's run end to end, through the real `tonghop run`: cost as the inbox grows, what the cache
saves, start-up, peak memory, and the task runners side by side, all in one run of this script.

Inboxes of generated reports (tests/docgen; 60, 300 and 1,000 by default). For each size: the first run
(empty cache), an unchanged rerun, a rerun after 5 reports changed; per-report cost of the parse stage
(`run.parse.seconds` of the manifest, start-up excluded) must stay flat as the inbox grows. Then an
empty inbox (start-up: ephemeral Prefect server, and against a running `prefect server start`), and the
runners (threads in one process, worker processes on every core, a local Dask cluster) over the same
inbox with --full. Every run is a fresh child process; its peak memory is getrusage(RUSAGE_CHILDREN) of a
wrapper that runs only it.

    .venv/bin/python bench/nightly.py [--sizes 60,300,1000] [--runners-size 60] [--no-server]
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.docgen import DocSpec, generate_document  # noqa: E402
from tests.docgen.corpus import generate_corpus  # noqa: E402

WRAPPER = ("import json, resource, subprocess, sys, time\n"
           "t = time.perf_counter()\n"
           "res = subprocess.run(json.loads(sys.argv[1]), capture_output=True, text=True)\n"
           "wall = time.perf_counter() - t\n"
           "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024\n"
           "print(json.dumps({'code': res.returncode, 'err': res.stderr[-2000:], 'wall': wall, 'peak': peak}))\n")


def tonghop() -> list[str]:
    script = Path(sys.executable).with_name("tonghop")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tonghop.flows.cli"]


def run(inbox: Path, out: Path, env: dict, *extra: str) -> dict:
    """One `tonghop run` in a fresh process: wall seconds, peak RSS, and the manifest's parse figures."""
    command = tonghop() + ["run", "--inbox", str(inbox), "--out", str(out), "--overwrite", *extra]
    res = subprocess.run([sys.executable, "-c", WRAPPER, json.dumps(command)], capture_output=True, text=True,
                         env=env, check=True)
    info = json.loads(res.stdout)
    if info["code"] != 0:
        raise SystemExit(f"tonghop run failed:\n{info['err']}")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    info["parse"] = manifest["run"]["parse"]
    info["ok"] = manifest["summary"]["by_status"]["ok"]
    return info


def make_inbox(base: Path, n: int) -> Path:
    inbox = base / f"inbox-{n}"
    if not inbox.exists():
        gen = base / f"gen-{n}"
        for p in generate_corpus(n=n, seed=2023, out_dir=gen, broken=0):
            inbox.mkdir(parents=True, exist_ok=True)
            shutil.move(str(p), inbox / p.name)
        shutil.rmtree(gen, ignore_errors=True)
    return inbox


def change_five(inbox: Path, round_: int) -> None:
    """Five reports replaced by new versions (a seed not used before: kept inboxes change every time)."""
    salt = time.time_ns() % 1_000_000
    for k, p in enumerate(sorted(inbox.glob("doc-*.docx"))[:5]):
        unit = p.stem.split("-", 2)[2]
        p.write_bytes(generate_document(DocSpec(seed=salt * 10 + k, unit_id=unit, version=2)))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(env: dict, home: Path) -> tuple[subprocess.Popen, str]:
    import httpx
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    server_env = dict(env, PREFECT_HOME=str(home), PREFECT_UI_ENABLED="false")
    proc = subprocess.Popen([str(Path(sys.executable).with_name("prefect")), "server", "start", "--host",
                             "127.0.0.1", "--port", str(port)], env=server_env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    for _ in range(240):
        try:
            if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                return proc, api
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise SystemExit("prefect server did not start")


def mb(n: float) -> str:
    return f"{n / 2**20:.0f} MB"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="60,300,1000")
    ap.add_argument("--runners-size", type=int, default=60, help="inbox size for the runner comparison")
    ap.add_argument("--runners", default="threads,process,dask")
    ap.add_argument("--no-server", action="store_true", help="skip the run against a running Prefect server")
    ap.add_argument("--keep", type=Path, help="folder for the generated inboxes (kept between runs)")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    base = args.keep or Path(tempfile.mkdtemp(prefix="tonghop-bench-"))
    base.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(base / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1",
               PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="180")
    print(f"cores: {os.cpu_count()}  inboxes under {base}")

    server, api = (None, None) if args.no_server else start_server(env, base / "server-home")
    run_env = dict(env, PREFECT_API_URL=api) if api else env
    try:
        print("\n== empty inbox (start-up) ==")
        empty = base / "empty"
        empty.mkdir(exist_ok=True)
        eph = run(empty, base / "out-empty", env)
        print(f"ephemeral server (no PREFECT_API_URL): {eph['wall']:.1f} s, peak {mb(eph['peak'])}")
        if api:
            srv = run(empty, base / "out-empty", run_env)
            print(f"running server (PREFECT_API_URL):     {srv['wall']:.1f} s, peak {mb(srv['peak'])}")

        print("\n== growing inbox, default runner (process) ==")
        print(f"{'reports':>7} {'first s':>8} {'parse s':>8} {'ms/report':>9} {'rerun parse s':>13} "
              f"{'ratio':>6} {'5-changed: parsed':>17} {'parse s':>8} {'peak':>8}")
        rows = []
        for n in sizes:
            t = time.perf_counter()
            inbox = make_inbox(base, n)
            gen = time.perf_counter() - t
            out = base / f"out-{n}"
            shutil.rmtree(out, ignore_errors=True)
            first = run(inbox, out, run_env)
            again = run(inbox, out, run_env)
            change_five(inbox, n)
            five = run(inbox, out, run_env)
            per = first["parse"]["seconds"] / n * 1000
            ratio = first["parse"]["seconds"] / max(again["parse"]["seconds"], 1e-6)
            rows.append((n, per))
            print(f"{n:>7} {first['wall']:>8.1f} {first['parse']['seconds']:>8.2f} {per:>9.1f} "
                  f"{again['parse']['seconds']:>13.3f} {ratio:>6.0f} "
                  f"{five['parse']['parsed']:>9}/{five['parse']['files']:<7} {five['parse']['seconds']:>8.2f} "
                  f"{mb(max(first['peak'], again['peak'], five['peak'])):>8}   (generated in {gen:.0f} s)")
            assert again["parse"]["parsed"] == 0 and five["parse"]["parsed"] == 5, (again["parse"], five["parse"])
        if len(rows) > 1:
            print("per-report parse cost relative to the smallest inbox: "
                  + ", ".join(f"{n}: {per / rows[0][1]:.2f}" for n, per in rows))

        print(f"\n== runners, {args.runners_size} reports, --full ==")
        inbox = make_inbox(base, args.runners_size)
        base_time = None
        for name in [r for r in args.runners.split(",") if r]:
            out = base / f"out-runner-{name}"
            res = run(inbox, out, run_env, "--full", "--task-runner", name)
            s = res["parse"]["seconds"]
            base_time = base_time or s
            print(f"{name:>8}: parse {s:6.2f} s ({s / args.runners_size * 1000:5.1f} ms/report, "
                  f"x{base_time / s:.2f} vs {args.runners.split(',')[0]}), wall {res['wall']:.1f} s, "
                  f"peak {mb(res['peak'])}, ok {res['ok']}")
    finally:
        if server is not None:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(30)


if __name__ == "__main__":
    main()
