"""A real Prefect server: `prefect server start` on loopback (temporary PREFECT_HOME), `tonghop serve`
registers the nightly deployment, its cron schedule and time zone read back through the API, a run
triggered through the API writes the deliverables."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_flow import INBOX

pytestmark = pytest.mark.slow
FLOW, DEPLOYMENT = "tonghop-tong-hop", "tonghop-hang-dem"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(check, timeout: float, what: str, procs=()):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        for p in procs:
            if p.poll() is not None:
                raise AssertionError(f"{what}: process exited {p.returncode}: {p.stdout.read()[-3000:] if p.stdout else ''}")
        try:
            value = check()
        except Exception:  # noqa: BLE001 - not ready yet
            value = None
        if value:
            return value
        time.sleep(1)
    raise AssertionError(f"timed out waiting for {what}")


def stop(proc) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)


def test_serve_registers_the_nightly_schedule_and_a_triggered_run_writes_the_deliverables(tmp_path):
    import httpx
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               DO_NOT_TRACK="1", PREFECT_UI_ENABLED="false", PREFECT_RUNNER_POLL_FREQUENCY="2")
    bin_dir = Path(sys.executable).parent
    prefect = bin_dir / "prefect"
    tonghop = bin_dir / "tonghop"
    if not prefect.exists() or not tonghop.exists():
        pytest.skip("prefect / tonghop console scripts not installed next to this Python")
    inbox, out = tmp_path / "inbox", tmp_path / "out"
    shutil.copytree(INBOX, inbox)
    (tmp_path / "tonghop.toml").write_text(
        f'[tonghop]\ninbox = "{inbox}"\nout = "{out}"\ncron = "30 22 * * *"\nperiod = "6 tháng đầu năm 2023"\n',
        encoding="utf-8")
    server = subprocess.Popen([str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                              env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              start_new_session=True)
    serve = None
    try:
        wait_for(lambda: httpx.get(f"{api}/health", timeout=2).status_code == 200, 240, "prefect server", [server])
        env["PREFECT_API_URL"] = api
        serve = subprocess.Popen([str(tonghop), "serve", "--settings", str(tmp_path / "tonghop.toml")], env=env,
                                 cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                 start_new_session=True)

        def deployment():
            r = httpx.get(f"{api}/deployments/name/{FLOW}/{DEPLOYMENT}", timeout=5)
            return r.json() if r.status_code == 200 else None
        dep = wait_for(deployment, 180, "the deployment", [server, serve])
        schedules = [s["schedule"] for s in dep["schedules"]]
        assert schedules == [schedules[0]] and schedules[0]["cron"] == "30 22 * * *"
        assert schedules[0]["timezone"] == "Asia/Ho_Chi_Minh"
        assert dep["parameters"]["inbox"] == str(inbox) and dep["parameters"]["out"] == str(out)

        run = httpx.post(f"{api}/deployments/{dep['id']}/create_flow_run", json={}, timeout=10).json()

        def finished():
            state = httpx.get(f"{api}/flow_runs/{run['id']}", timeout=5).json()["state"]["type"]
            assert state not in ("FAILED", "CRASHED", "CANCELLED"), state
            return state == "COMPLETED"
        wait_for(finished, 600, "the triggered run", [server, serve])
        for name in ("du-thao-tong-hop.docx", "chi-tieu.xlsx", "manifest.json", "nop-bao-cao.csv", "thay-doi.md"):
            assert (out / name).stat().st_size > 0, name
    finally:
        if serve is not None:
            stop(serve)
        stop(server)
