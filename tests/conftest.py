import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

# hypothesis keeps its examples and caches in a folder of this session, not in the checkout:
# tests write only under their temporary directories
_HYPOTHESIS_HOME = tempfile.mkdtemp(prefix="vietmine-hypothesis-")
atexit.register(shutil.rmtree, _HYPOTHESIS_HOME, ignore_errors=True)
set_hypothesis_home_dir(_HYPOTHESIS_HOME)
settings.register_profile("vietmine", database=None)
settings.load_profile("vietmine")
# the same for vietmine's own cache (the built gazetteer, gazetteer/places.py): a folder of this
# session, for this process and every vietmine it starts
os.environ["VIETMINE_CACHE_DIR"] = tempfile.mkdtemp(prefix="vietmine-cache-")
atexit.register(shutil.rmtree, os.environ["VIETMINE_CACHE_DIR"], ignore_errors=True)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def shared_path(*parts) -> Path:
    """A path under ../shared, or a skip with the reason where it is absent (a user's clone)."""
    p = SHARED.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"../shared/{'/'.join(parts)} is absent (only CI and developers have the shared material)")
    return p


@pytest.fixture
def tmp_db(tmp_path):
    return str(tmp_path / "test.duckdb")


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory):
    """The bundled corpus (5 articles), ingested once per session: for tests that only read it."""
    from vietmine.cli import main

    db = str(tmp_path_factory.mktemp("sample") / "sample.duckdb")
    assert main(["ingest", "--db", db, "--quiet"]) == 0
    return db


@pytest.fixture
def sample_copy(sample_db, tmp_path):
    """A copy of the bundled corpus's database, for a test that writes to it."""
    db = tmp_path / "sample.duckdb"
    shutil.copy(sample_db, db)
    return str(db)


@pytest.fixture(autouse=True)
def _chdir_root(monkeypatch):
    monkeypatch.chdir(ROOT)
    os.environ.setdefault("PYTHONHASHSEED", "0")


@pytest.fixture(scope="session")
def chromium():
    """Debian's chromium (CI installs it in .ci/run), for the tests of the HTML views; tests never
    install anything themselves."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        pytest.skip("headless Chromium is not installed (Debian: apt-get install chromium; .ci/run does it)")
    return exe
