"""Extract stage: run every extractor (vietmine.extractors, in their fixed order) over one
segmented document, and name the version of the rules that produced the facts."""
from __future__ import annotations

import functools
import hashlib

from vietmine import __version__
from vietmine.extractors import load_all
from vietmine.facts import Document, Fact
from vietmine.gazetteer import DATA_DIR


def extract(doc: Document) -> list[Fact]:
    facts: list[Fact] = []
    for fn in load_all().values():
        facts.extend(fn(doc))
    return facts


@functools.cache
def rules_version() -> str:
    """The package version plus a hash of the rule data files: a document whose stored
    rules_version differs was extracted by other rules, and is stale."""
    h = hashlib.sha256()
    for path in sorted(DATA_DIR.glob("*.json")):
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return f"{__version__}+{h.hexdigest()[:12]}"
