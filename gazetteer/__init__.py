"""Data tables (places, issuers, document types, unit words, abbreviations) and their loaders."""
from __future__ import annotations

import functools
import json
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"


@functools.cache
def load_json(name: str):
    """Load one JSON data file from gazetteer/data (cached: data files are read once per process)."""
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        return json.load(fh)


def alternation(words) -> str:
    """A regex alternation of literal phrases, longest first (so that "thị xã" wins over "xã")."""
    import regex

    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))
