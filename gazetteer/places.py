"""Administrative units of Viet Nam from the `vietnamadminunits` package (MIT): the 63-province
units before 1 July 2025 (provinces, districts, communes, with official codes and coordinates),
the 34-province units after it, and the mapping from old communes to the ones they became.

Only the package's bundled SQLite and JSON files are read; its address parser (which can call an
online geocoder) is never used. What is built from them is kept in the user's cache folder
(`cache_dir()`) and loaded from there by the next process: building takes a fifth of a second,
loading a twentieth."""
from __future__ import annotations

import functools
import hashlib
import json
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from vietmine.gazetteer.text import name_key
from vietmine.gazetteer.text import loose_key
from vietmine.gazetteer import load_json
from vietmine.gazetteer.cache import cache_dir, load_or_build


@dataclass(frozen=True)
class Unit:
    code: str
    name: str          # short name: "Khánh Hòa"
    unit_word: str     # "tỉnh", "thành phố", "huyện", "thị xã", "xã", ...
    tier: str          # province, district, ward
    era: str           # "2024" (before the 2025 reorganisation) or "2025"
    province_code: str
    district_code: str | None
    lat: float | None
    lon: float | None


def _package_dir() -> Path:
    # found, not imported: importing vietnamadminunits compiles its parsers (a third of a second)
    import importlib.util

    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("vietnamadminunits is not installed (pip install vietmine installs it)")
    return Path(next(iter(spec.submodule_search_locations))) / "data"


def _unit_word(full_name: str, short: str) -> str:
    return full_name[: len(full_name) - len(short)].strip().lower()


def _split(full_name: str, short: str, unit_type: str | None) -> tuple[str, str]:
    """(short name, unit word) of one row. The package marks a short name shared by two units of
    one district with the type ("Yên Viên (Thị trấn)") and gives numbered units their full name as
    short name ("Phường 1"): both are reduced to the name the text uses after its unit word."""
    short = short.split(" (", 1)[0].strip()
    word = (unit_type or "").strip().lower()
    if not word:
        word = _unit_word(full_name, short)
    if word and short.lower().startswith(word + " "):
        short = short[len(word) + 1:]
    if not word:  # numbered unit without a type: "Phường 1"
        head, _, rest = short.rpartition(" ")
        word, short = head.lower(), rest
    return short, word


class Gazetteer:
    # what a built gazetteer is made of: all that cache_path() keeps (the indexes too: the one by
    # loose key takes as long to build as the rest takes to load)
    STATE = ("units", "by_key", "old_to_new", "province_names", "by_code", "by_loose_key")

    def __init__(self, state: dict | None = None):
        if state is not None:
            self.__dict__.update((k, state[k]) for k in self.STATE)
            return
        data = _package_dir()
        con = sqlite3.connect(f"file:{data / 'dataset.db'}?mode=ro", uri=True)
        self.units: list[Unit] = []
        self.by_key: dict[str, list[Unit]] = {}
        seen_p, seen_d = set(), set()
        self._old_ward_key_to_code: dict[str, str] = {}
        self._old_province_code: dict[str, str] = {}
        for row in con.execute(
                "SELECT province, provinceShort, provinceCode, provinceLat, provinceLon, district, districtShort,"
                " districtCode, districtLat, districtLon, ward, wardShort, wardCode, wardLat, wardLon,"
                " provinceKey, districtKey, wardKey, districtType, wardType FROM admin_units_legacy"):
            (p, ps, pc, plat, plon, d, ds, dc, dlat, dlon, w, ws, wc, wlat, wlon, pk, dk, wk, dt_, wt) = row
            if pc not in seen_p:
                seen_p.add(pc)
                self._add(Unit(pc, ps, _unit_word(p, ps), "province", "2024", pc, None, plat, plon))
                self._old_province_code[pk] = pc
            if dc and dc not in seen_d:
                seen_d.add(dc)
                name, word = _split(d, ds, dt_)
                self._add(Unit(dc, name, word, "district", "2024", pc, dc, dlat, dlon))
            if wc:
                name, word = _split(w, ws, wt)
                self._add(Unit(wc, name, word, "ward", "2024", pc, dc, wlat, wlon))
                self._old_ward_key_to_code[f"{pk}_{dk}_{wk}"] = wc
        seen_p.clear()
        self._new_ward_code: dict[tuple[str, str], str] = {}
        self._new_province_code: dict[str, str] = {}
        for row in con.execute(
                "SELECT province, provinceShort, provinceCode, provinceLat, provinceLon, ward, wardShort, wardCode,"
                " wardLat, wardLon, provinceKey, wardKey, wardType FROM admin_units"):
            p, ps, pc, plat, plon, w, ws, wc, wlat, wlon, pk, wk, wt = row
            if pc not in seen_p:
                seen_p.add(pc)
                self._add(Unit(pc, ps, _unit_word(p, ps), "province", "2025", pc, None, plat, plon))
                self._new_province_code[pk] = pc
            name, word = _split(w, ws, wt)
            self._add(Unit(wc, name, word, "ward", "2025", pc, None, wlat, wlon))
            self._new_ward_code[(pk, wk)] = wc
        con.close()
        self.old_to_new = self._load_conversion(data / "converter_2025.json")
        # a province renamed since is looked up under its old name too (data: places.json)
        renamed = load_json("places.json")["renamed_provinces"]
        for old_name, new_name in renamed.items():
            self.by_key.setdefault(name_key(old_name), []).extend(
                u for u in self.lookup(new_name) if u.tier == "province" and u.era == "2024")
        self.province_names = sorted({u.name for u in self.units if u.tier == "province"} | set(renamed),
                                     key=len, reverse=True)

    def _add(self, u: Unit):
        self.units.append(u)
        self.by_key.setdefault(name_key(u.name), []).append(u)

    def _load_conversion(self, path: Path) -> dict[str, str]:
        """Old (2024) commune code -> new (2025) commune code, only where the old commune went
        whole into one new commune; split communes are left out rather than guessed."""
        with open(path, encoding="utf-8") as fh:
            conv = json.load(fh)
        out: dict[str, str] = {}
        for new_pk, wards in conv["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
            for new_wk, old_keys in wards.items():
                new_code = self._new_ward_code.get((new_pk, new_wk))
                for old in old_keys:
                    old_code = self._old_ward_key_to_code.get(old)
                    if old_code and new_code:
                        out[old_code] = new_code
        for new_pk, old_pks in conv["DICT_PROVINCE"].items():
            new_code = self._new_province_code.get(new_pk)
            for old_pk in old_pks:
                old_code = self._old_province_code.get(old_pk)
                if old_code and new_code:
                    out["P" + old_code] = new_code
        return out

    @functools.cached_property
    def by_code(self) -> dict[tuple[str, str], Unit]:
        """(era, code) -> unit; province and commune codes differ in length, so they do not clash."""
        return {(u.era, u.code): u for u in self.units}

    def lookup(self, name: str) -> list[Unit]:
        return self.by_key.get(name_key(name), [])

    @functools.cached_property
    def by_loose_key(self) -> dict[str, list[Unit]]:
        out: dict[str, list[Unit]] = {}
        for u in self.units:
            out.setdefault(loose_key(u.name), []).append(u)
        return out

    def lookup_loose(self, name: str) -> list[Unit]:
        """Units whose name matches once marks, spaces and hyphens are ignored."""
        return self.by_loose_key.get(loose_key(name), [])


def cache_path() -> Path:
    """The cached gazetteer of this data and this code: its name changes with the package's data
    files (size and time: they are large), with this module, the name keys' module and the data of
    renamed provinces (contents), and with the Python version (pickle)."""
    from vietmine.gazetteer import DATA_DIR
    from vietmine.gazetteer import text

    h = hashlib.sha1(f"{sys.version_info[:2]}".encode())
    for f in (_package_dir() / "dataset.db", _package_dir() / "converter_2025.json"):
        st = f.stat()
        h.update(f"{f.name} {st.st_size} {st.st_mtime_ns}".encode())
    for f in (Path(__file__), Path(text.__file__), DATA_DIR / "places.json"):
        h.update(f.read_bytes())
    return cache_dir() / f"gazetteer-{h.hexdigest()[:16]}.pickle"


def _load_or_build() -> Gazetteer:
    return load_or_build(cache_path(), Gazetteer, state=lambda g: {k: getattr(g, k) for k in Gazetteer.STATE},
                         restore=Gazetteer)


@functools.cache
def gazetteer() -> Gazetteer:
    return _load_or_build()
