"""What vietmine builds from its code and data and can always build again, kept in the user's cache
folder so that the next process loads it: the gazetteer (gazetteer/places.py), the dictionary words
(gazetteer/words.py) and the compiled rules of the extractors and stages (`persistent`). Compiling
the rules' patterns costs half a second per process, a fixed cost that dominated a weekly
10-article ingest; loading them costs a fortieth. The `regex` package pickles a compiled pattern
with its compiled code, so a load does not parse it again.

A cache file that cannot be read is built again and replaced; a cache folder that cannot be
written costs the build, never the run."""
from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")

CACHE_ENV = "VIETMINE_CACHE_DIR"


def cache_dir() -> Path:
    """Where vietmine keeps what it can always rebuild: $VIETMINE_CACHE_DIR, else the user's cache
    folder (XDG_CACHE_HOME or ~/.cache, ~/Library/Caches, %LOCALAPPDATA%)."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "vietmine"


def load_or_build(path: Path, build: Callable[[], T], state: Callable[[T], object] = lambda x: x,
                  restore: Callable[[object], T] = lambda x: x) -> T:
    """What `path` holds (`restore`d), else `build()` (its `state` written to `path` for the next
    process: to a temporary file renamed into place, so a reader never sees half a file). Other
    files of the same stem (`stem-*.pickle`: of other code or data) are removed, so the folder
    holds one file per thing, not one per version."""
    try:
        with open(path, "rb") as fh:
            return restore(pickle.load(fh))
    except Exception:  # absent, truncated, from another version: built again
        pass
    built = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(state(built), fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
        stem = path.name.rsplit("-", 1)[0]
        for old in path.parent.glob(f"{stem}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:  # a read-only or full cache folder: the next process builds it again
        pass
    return built


@functools.cache
def sources_key() -> str:
    """A hash of what the rules are built from: the code of the packages that build them and the
    data files, and the versions of Python (pickle) and of `regex` (a compiled pattern's code is
    in its own format)."""
    import importlib.util

    import regex

    from vietmine import gazetteer

    h = hashlib.sha1(f"{sys.version_info[:2]} {regex.__version__}".encode())
    for package in ("vietmine", "vietmine.pipeline", "vietmine.extractors", "vietmine.gazetteer"):
        for folder in importlib.util.find_spec(package).submodule_search_locations:
            for f in sorted(Path(folder).glob("*.py")):
                h.update(f.name.encode())
                h.update(f.read_bytes())
    for f in sorted(gazetteer.DATA_DIR.glob("*.json")):
        h.update(f.name.encode())
        h.update(f.read_bytes())
    return h.hexdigest()[:16]


def persistent(stem: str, kind: type, inputs: Callable[[], list[Path]] = list):
    """Decorate a builder without arguments: its result, of class `kind`, is built once per
    process and kept in the cache folder as `stem-<key>.pickle` for the next one. The key is
    `sources_key()`, hashed with the path, size and time of the files `inputs()` names that the
    package does not ship (another package's word list: large, so not read for the key)."""
    def restore(obj):
        if not isinstance(obj, kind):
            raise TypeError(f"{stem}: not a {kind.__name__}")
        return obj

    def decorate(build: Callable[[], T]) -> Callable[[], T]:
        @functools.cache
        @functools.wraps(build)
        def cached() -> T:
            key, files = sources_key(), inputs()
            if files:
                h = hashlib.sha1(key.encode())
                for f in files:
                    st = f.stat()
                    h.update(f"{f} {st.st_size} {st.st_mtime_ns}".encode())
                key = h.hexdigest()[:16]
            return load_or_build(cache_dir() / f"{stem}-{key}.pickle", build, restore=restore)
        return cached
    return decorate
