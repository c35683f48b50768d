"""Whole words of Vietnamese: the multi-syllable words of Viet74K, the word list shipped inside
the underthesea package (underthesea/corpus/data/Viet74K.txt), located without importing it."""
from __future__ import annotations

import importlib.util
from pathlib import Path

from vietmine.gazetteer.cache import persistent
from vietmine.gazetteer.text import modern_tones


def _word_list() -> list[Path]:
    """Viet74K.txt of the installed underthesea (none where it is missing)."""
    spec = importlib.util.find_spec("underthesea")
    if spec and spec.submodule_search_locations:
        path = Path(list(spec.submodule_search_locations)[0]) / "corpus" / "data" / "Viet74K.txt"
        if path.is_file():
            return [path]
    return []


@persistent("dictionary-words", frozenset, inputs=_word_list)
def dictionary_words() -> frozenset[str]:
    """Lower-case words of two to four syllables, in the old and the modern tone placement (read
    once, then loaded from the cache folder: a tenth of a second against a sixtieth)."""
    words: set[str] = set()
    for path in _word_list():
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                w = line.strip().lower()
                if 0 < w.count(" ") < 4:
                    modern = modern_tones(w)  # Viet74K writes "hoạ sĩ", the press mostly "họa sĩ"
                    words.update((w, modern))
                    if "sĩ" in w:  # and often "bác sỹ", "nghệ sỹ", "liệt sỹ"
                        words.update((w.replace("sĩ", "sỹ"), modern.replace("sĩ", "sỹ")))
    return frozenset(words)
