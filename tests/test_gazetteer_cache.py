"""The built gazetteer is kept in the cache folder (gazetteer/places.py): the next process loads
it instead of reading the package's SQLite file again. What it loads must be what a build gives;
a cache it cannot read or write must never stop an ingest. Tests point the cache at their own
temporary folder (conftest sets VIETMINE_CACHE_DIR for the session)."""
import pickle

import pytest

from vietmine.gazetteer import places
from vietmine.gazetteer.places import Gazetteer


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv(places.CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path / "cache"


def _state(g: Gazetteer) -> dict:
    return {k: getattr(g, k) for k in Gazetteer.STATE}


def test_a_cached_gazetteer_is_the_built_one(cache):
    built = places._load_or_build()
    assert places.cache_path().parent == cache and places.cache_path().exists()
    loaded = places._load_or_build()
    # province_names: longest first; names of one length in any order (the build's follows a set)
    assert {k: v for k, v in _state(loaded).items() if k != "province_names"} == \
           {k: v for k, v in _state(built).items() if k != "province_names"}
    assert sorted(loaded.province_names) == sorted(built.province_names)
    assert [len(n) for n in loaded.province_names] == sorted(map(len, loaded.province_names), reverse=True)
    # the same unit objects under their names, as a build links them
    assert all(u in loaded.units for u in loaded.lookup("Khánh Hòa"))
    assert {u.tier for u in loaded.lookup("Khánh Hòa")} == {"province", "ward"}


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps({"units": []})[:-3], pickle.dumps(42)],
                         ids=["empty", "garbage", "truncated", "wrong-object"])
def test_an_unreadable_cache_is_built_again_and_replaced(cache, content):
    path = places.cache_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    g = places._load_or_build()
    assert len(g.units) > 10_000 and g.lookup("Hà Nội")
    assert places._load_or_build().units == g.units  # the file was replaced by a good one


def test_a_new_cache_replaces_the_one_of_other_data(cache):
    cache.mkdir()
    (cache / "gazetteer-0123456789abcdef.pickle").write_bytes(b"of an older vietmine")
    (cache / "other.txt").write_text("not the gazetteer's")
    places._load_or_build()
    assert sorted(p.name for p in cache.iterdir()) == sorted([places.cache_path().name, "other.txt"])


def test_an_unwritable_cache_folder_still_gives_a_gazetteer(tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setenv(places.CACHE_ENV, str(blocker / "cache"))
    assert places._load_or_build().lookup("Khánh Hòa")
    assert list(tmp_path.iterdir()) == [blocker]


def test_the_cache_follows_the_renamed_provinces_data(cache, tmp_path, monkeypatch):
    import shutil

    from vietmine import gazetteer

    before = places.cache_path()
    data = tmp_path / "data"
    shutil.copytree(gazetteer.DATA_DIR, data)
    monkeypatch.setattr(gazetteer, "DATA_DIR", data)
    assert places.cache_path() == before
    (data / "places.json").write_text((data / "places.json").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert places.cache_path() != before


def test_without_a_setting_the_cache_is_in_the_users_cache_folder(monkeypatch, tmp_path):
    monkeypatch.delenv(places.CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(places.sys, "platform", "linux")
    assert places.cache_dir() == tmp_path / "vietmine"
