import os
from pathlib import Path

import pytest

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


@pytest.fixture(autouse=True)
def _chdir_root(monkeypatch):
    monkeypatch.chdir(ROOT)
    os.environ.setdefault("PYTHONHASHSEED", "0")
