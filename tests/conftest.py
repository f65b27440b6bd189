import os
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
os.environ.setdefault("PREFECT_HOME", tempfile.mkdtemp(prefix="tonghop-prefect-"))
os.environ.setdefault("TONGHOP_NO_SERVER_PROBE", "1")   # tests never use a server someone runs on :4200


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/golden/ from this run's deliverables (then review the diff)")


@pytest.fixture(scope="session")
def ref():
    from tonghop.reference import load_reference
    return load_reference()


@pytest.fixture(scope="session")
def catalog():
    from tonghop.reference import load_catalog
    return load_catalog()


@pytest.fixture(scope="session")
def matcher(catalog):
    from tonghop.aggregators.matching import build_matcher
    return build_matcher(catalog)


@pytest.fixture(scope="session")
def prefect_harness():
    """One Prefect test server for the whole session, started only by the tests that need it."""
    from prefect.testing.utilities import prefect_test_harness
    with prefect_test_harness(server_startup_timeout=180):
        yield
