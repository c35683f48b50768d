"""What is built from code and data is kept in the cache folder (gazetteer/cache.py): the
gazetteer (gazetteer/places.py), the extractors' compiled rules and the dictionary words, which
the next process loads instead of building. What it loads must be what a build gives; a cache it
cannot read or write must never stop an ingest. Tests point the cache at their own temporary
folder (conftest sets VIETMINE_CACHE_DIR for the session)."""
import pickle

import pytest

from vietmine.gazetteer import cache as cache_module
from vietmine.gazetteer import places
from vietmine.gazetteer.places import Gazetteer


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv(cache_module.CACHE_ENV, str(tmp_path / "cache"))
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
    monkeypatch.setenv(cache_module.CACHE_ENV, str(blocker / "cache"))
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
    monkeypatch.delenv(cache_module.CACHE_ENV)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(cache_module.sys, "platform", "linux")
    assert cache_module.cache_dir() == tmp_path / "vietmine"


# -- the extractors' rules (persistent builders) --------------------------------------------------

# sentences of the first seed article (Khánh Hòa, 2019) after the citation the project's brief quotes:
# a fact of every kind
PARAGRAPH = ("Ngày 27/4/2012, Bộ Công an ban hành Thông tư số 23/2012/TT-BCA. Năm 2018, phong trào Toàn dân "
             "bảo vệ an ninh Tổ quốc (ANTQ) toàn tỉnh Khánh Hòa có nhiều nét mới. Cấp ủy, chính quyền đã xây "
             "dựng và củng cố 97 tổ chức công an xã với 937 người, 40 ban bảo vệ dân phố với 1.856 thành viên. "
             "Ông Lê Đức Vinh - Chủ tịch UBND tỉnh Khánh Hòa cho biết toàn tỉnh có 264 mô hình tự quản.")

_EXTRACT = ("import json, sys; from vietmine.api import extract; "
            "print(json.dumps(extract(sys.argv[1]), ensure_ascii=False, sort_keys=True, default=str))")


def test_rules_loaded_by_the_next_process_extract_what_built_rules_extract(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, cache_module.CACHE_ENV: str(tmp_path / "cache")}
    run = lambda: subprocess.run([sys.executable, "-c", _EXTRACT, PARAGRAPH], env=env, cwd=tmp_path,
                                 capture_output=True, text=True, check=True).stdout
    built = run()
    files = {p.name: p.stat().st_mtime_ns for p in (tmp_path / "cache").iterdir()}
    assert {n.rsplit("-", 1)[0] for n in files} >= {"counts-rules", "people-rules", "organizations-rules",
                                                      "places-rules", "legal-refs-rules", "dates-rules",
                                                      "resolve-rules", "clean-rules", "segment-rules",
                                                      "dictionary-words", "gazetteer"}
    loaded = run()
    assert {p.name: p.stat().st_mtime_ns for p in (tmp_path / "cache").iterdir()} == files  # read, not rebuilt
    assert loaded == built
    facts = __import__("json").loads(loaded)
    assert {97, 937, 40, 1856, 264} <= {c["value"] for c in facts["counts"]}
    assert "Lê Đức Vinh" in {p["name"] for p in facts["people"]}


def test_a_persistent_builder_runs_once_across_processes(cache):
    calls = []

    @cache_module.persistent("toy", dict)
    def build():
        calls.append(1)
        import regex
        return {"pattern": regex.compile(r"(?i)\b(?:tỉnh|thành phố)\s+\p{Lu}\w+")}

    assert build()["pattern"].search("tại TỈNH Khánh Hòa").group() == "TỈNH Khánh"
    build.cache_clear()  # as a new process: the file is loaded, the builder not run
    assert build()["pattern"].search("tại thành phố Huế").group() == "thành phố Huế"
    assert calls == [1]


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps([1, 2])[:-2], pickle.dumps([1, 2])],
                         ids=["empty", "garbage", "truncated", "wrong-object"])
def test_an_unreadable_rules_file_is_built_again_and_replaced(cache, content):
    @cache_module.persistent("toy", dict)
    def build():
        return {"built": True}

    path = cache / f"toy-{cache_module.sources_key()}.pickle"
    cache.mkdir()
    path.write_bytes(content)
    assert build() == {"built": True}
    assert pickle.loads(path.read_bytes()) == {"built": True}


def test_the_rules_files_follow_the_data(tmp_path, monkeypatch):
    import shutil

    from vietmine import gazetteer

    cache_module.sources_key.cache_clear()
    before = cache_module.sources_key()
    data = tmp_path / "data"
    shutil.copytree(gazetteer.DATA_DIR, data)
    monkeypatch.setattr(gazetteer, "DATA_DIR", data)
    cache_module.sources_key.cache_clear()
    assert cache_module.sources_key() == before
    (data / "counts.json").write_text((data / "counts.json").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    cache_module.sources_key.cache_clear()
    assert cache_module.sources_key() != before
    monkeypatch.undo()
    cache_module.sources_key.cache_clear()


def test_a_builder_from_another_packages_file_follows_that_file(cache, tmp_path):
    """The dictionary words are read from underthesea's word list: a new underthesea is a new file."""
    import os

    word_list = tmp_path / "Viet74K.txt"
    word_list.write_text("an ninh\n", encoding="utf-8")

    @cache_module.persistent("toy", frozenset, inputs=lambda: [word_list])
    def build():
        return frozenset(word_list.read_text(encoding="utf-8").split("\n"))

    assert "an ninh" in build()
    first = {p.name for p in cache.iterdir()}
    word_list.write_text("an ninh\ntrật tự\n", encoding="utf-8")
    os.utime(word_list, ns=(1, 1))  # another size and time, as an upgrade gives
    build.cache_clear()
    assert "trật tự" in build()
    assert {p.name for p in cache.iterdir()} != first and len(list(cache.iterdir())) == 1  # the old file replaced
