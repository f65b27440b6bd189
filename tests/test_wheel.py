"""The package as a user gets it: the wheel is built, installed (not editable) in a fresh venv, and
`tonghop run` works over the sample inbox from another folder.

The fresh venv does not see the repository and has no editable install: `tonghop` comes only from the
wheel. Its third-party dependencies are not downloaded again (slow, and a test must not need the
network): a `.pth` line adds the test venv's site-packages directory to the fresh venv's path. A plain
path line in a .pth file does not run the .pth files inside that directory, so the test venv's editable
finder for `tonghop` stays inactive there; the test checks that `tonghop` is imported from the fresh
venv. That the wheel declares every dependency it imports is checked separately (and quickly) below,
against the distributions' metadata.
"""
from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from importlib.metadata import packages_distributions, requires
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_DIRS = ("flows", "parsers", "indicators", "aggregators", "reports")
SKIP = {".git", ".venv", "build", "dist", "out", "tests", "bench", ".cache", "__pycache__", ".pytest_cache",
        ".hypothesis", ".ruff_cache"}


def _copy_source(dest: Path) -> Path:
    """The project's files without venv, tests or caches: the wheel is built away from the work tree, so
    parallel test workers never share build/ or *.egg-info."""
    def ignore(_dir, names):
        return [n for n in names if n in SKIP or n.endswith(".egg-info")]
    shutil.copytree(ROOT, dest, ignore=ignore)
    return dest


def _run(args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run(args, capture_output=True, text=True, timeout=600, **kw)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("wheel")
    src = _copy_source(base / "src")
    out = base / "dist"
    # --no-isolation: build with the setuptools/wheel of the test extra instead of downloading them
    res = _run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out), str(src)])
    assert res.returncode == 0, res.stdout[-2000:] + res.stderr[-2000:]
    (whl,) = out.glob("tonghop-*.whl")
    return whl


def test_the_wheel_holds_only_the_tonghop_package_and_its_data(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/")[0] for n in names}
    assert top == {"tonghop", next(t for t in top if t.endswith(".dist-info"))}
    assert {f"tonghop/{d}/__init__.py" for d in PACKAGE_DIRS} <= set(names)
    assert {"tonghop/data/outlines/de-cuong-huyen.yaml", "tonghop/data/catalog/chi-tieu.csv",
            "tonghop/data/catalog/viet-tat.csv", "tonghop/data/units/don-vi.csv", "tonghop/py.typed"} <= set(names)
    assert not [n for n in names if "/tests/" in n or "/bench/" in n or "/samples/" in n]


@pytest.mark.slow
def test_installed_wheel_runs_from_another_folder(wheel, tmp_path):
    venv = tmp_path / "venv"
    res = _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    assert res.returncode == 0, res.stderr
    python = venv / "bin" / "python"
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    (site / "_tonghop_test_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    # --ignore-installed: never touch the test venv's own (editable) tonghop seen through the .pth line
    res = _run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                "--ignore-installed", str(wheel)])
    assert res.returncode == 0, res.stderr[-2000:]
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env.update(PREFECT_HOME=str(tmp_path / "prefect"), PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1",
               PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS="180")
    where = _run([str(python), "-c", "import tonghop.flows.cli, tonghop.reference as r; print(tonghop.__file__);"
                  " print(r.DATA_DIR)"], cwd=elsewhere, env=env)
    assert where.returncode == 0, where.stderr
    package_file, data_dir = where.stdout.split()
    assert Path(package_file).is_relative_to(site) and Path(data_dir).is_relative_to(site), where.stdout

    inbox = ROOT / "data" / "samples" / "inbox"
    res = _run([str(venv / "bin" / "tonghop"), "run", "--inbox", str(inbox), "--out", "ket-qua"],
               cwd=elsewhere, env=env)
    assert res.returncode == 0, res.stdout[-2000:] + res.stderr[-3000:]
    assert "Traceback" not in res.stderr
    out = elsewhere / "ket-qua"
    for name in ("du-thao-tong-hop.docx", "chi-tieu.xlsx", "manifest.json", "nop-bao-cao.csv"):
        assert (out / name).stat().st_size > 0, name
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["versions"]["outline"]["id"] == "de-cuong-huyen"
    assert manifest["versions"]["catalog"]["entries"] > 0 and manifest["versions"]["units"]["entries"] > 0
    assert manifest["summary"]["by_status"]["ok"] >= 10
    assert manifest["summary"]["indicators"]["matched"] > 0


def _third_party_imports() -> set[str]:
    """Top-level names of every module imported by the package's modules, stdlib and tonghop left out."""
    files = [ROOT / "model.py", ROOT / "reference.py", ROOT / "__init__.py"]
    files += [f for d in PACKAGE_DIRS for f in (ROOT / d).glob("*.py")]
    names: set[str] = set()
    for f in files:
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return {n for n in names if n not in sys.stdlib_module_names and n not in ("tonghop", "__future__")}


def test_every_imported_distribution_is_a_declared_dependency():
    """The fresh venv above borrows the installed dependencies, so it would not notice an undeclared one:
    each third-party import of the package must belong to a distribution pyproject.toml requires."""
    declared = {_canonical(r.split(";")[0].split("[")[0].split(">")[0].split("=")[0].split("<")[0])
                for r in requires("tonghop") or () if "extra ==" not in r}
    owners = packages_distributions()
    missing = {}
    for name in _third_party_imports():
        dists = {_canonical(d) for d in owners.get(name, [name])}
        if not dists & declared:
            missing[name] = sorted(dists)
    assert not missing, f"imported but not declared in [project] dependencies: {missing}"


def _canonical(name: str) -> str:
    return name.strip().lower().replace("_", "-").replace(".", "-")
