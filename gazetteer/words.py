"""Whole words of Vietnamese: the multi-syllable words of Viet74K, the word list shipped inside
the underthesea package (underthesea/corpus/data/Viet74K.txt), located without importing it."""
from __future__ import annotations

import functools
import hashlib
import importlib.util
from pathlib import Path

from vietmine.gazetteer.cache import cache_dir, load_or_build, sources_key
from vietmine.gazetteer.text import modern_tones


def _word_list() -> Path | None:
    spec = importlib.util.find_spec("underthesea")
    if spec and spec.submodule_search_locations:
        path = Path(list(spec.submodule_search_locations)[0]) / "corpus" / "data" / "Viet74K.txt"
        if path.is_file():
            return path
    return None


def _read(path: Path | None) -> frozenset[str]:
    words: set[str] = set()
    if path:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                w = line.strip().lower()
                if 0 < w.count(" ") < 4:
                    modern = modern_tones(w)  # Viet74K writes "hoạ sĩ", the press mostly "họa sĩ"
                    words.update((w, modern))
                    if "sĩ" in w:  # and often "bác sỹ", "nghệ sỹ", "liệt sỹ"
                        words.update((w.replace("sĩ", "sỹ"), modern.replace("sĩ", "sỹ")))
    return frozenset(words)


def _frozenset(obj) -> frozenset[str]:
    if not isinstance(obj, frozenset):
        raise TypeError("dictionary words: not a frozenset")
    return obj


@functools.cache
def dictionary_words() -> frozenset[str]:
    """Lower-case words of two to four syllables, in the old and the modern tone placement (read
    once, then loaded from the cache folder: a tenth of a second against a sixtieth)."""
    path = _word_list()
    st = path.stat() if path else None
    key = hashlib.sha1(f"{sources_key()} {path} {st and st.st_size} {st and st.st_mtime_ns}".encode())
    return load_or_build(cache_dir() / f"dictionary-words-{key.hexdigest()[:16]}.pickle", lambda: _read(path),
                         restore=_frozenset)
