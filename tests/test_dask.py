"""`--task-runner dask`: the parse tasks on a Dask cluster (here a local 2-worker cluster on loopback) give
the same deliverables as the default runner (worker processes on this machine)."""
from __future__ import annotations

import json

import pytest
from test_flow import INBOX, OUTPUTS, docx_dump, manifest_without_timings, xlsx_dump

pytestmark = pytest.mark.slow


def test_a_local_dask_cluster_gives_the_default_runners_deliverables(prefect_harness, tmp_path):
    distributed = pytest.importorskip("distributed")
    from tonghop.flows.nightly import consolidate_flow, task_runner

    default, on_dask = tmp_path / "default", tmp_path / "dask"
    consolidate_flow(inbox=str(INBOX), out=str(default))
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as cluster:
        flow = consolidate_flow.with_options(task_runner=task_runner("dask", cluster.scheduler_address))
        flow(inbox=str(INBOX), out=str(on_dask), runner="dask")
        with distributed.Client(cluster) as client:
            assert len(client.scheduler_info()["workers"]) == 2
    run = json.loads((on_dask / "manifest.json").read_text(encoding="utf-8"))["run"]
    assert run["parse"]["runner"] == "dask" and run["parse"]["parsed"] == run["parse"]["files"] > 0
    assert docx_dump(on_dask / OUTPUTS[0]) == docx_dump(default / OUTPUTS[0])
    assert xlsx_dump(on_dask / OUTPUTS[1]) == xlsx_dump(default / OUTPUTS[1])
    assert manifest_without_timings(on_dask / OUTPUTS[2]) == manifest_without_timings(default / OUTPUTS[2])
    for name in (OUTPUTS[0], OUTPUTS[1], OUTPUTS[3], "thay-doi.md"):
        assert (on_dask / name).read_bytes() == (default / name).read_bytes(), name
