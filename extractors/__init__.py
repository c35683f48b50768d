"""The extractors: one module per fact kind (or a few kinds found together: counts and amounts,
dates and periods), each exposing `extract(doc) -> list[Fact]`.

Extractors read only the Document (text, sentences, metadata); they never call each other's
internals or touch the database. Which modules run comes from the fact kinds' records
(`Kind.made_by` in vietmine/facts.py), in the order of the kinds; links are made by the resolve
stage from the references. Loading fails loudly: an extractor that cannot be imported stops the
run with its name, instead of silently removing a fact kind from the output."""
from __future__ import annotations

import functools
import importlib
from typing import Callable

from vietmine.errors import ExtractorError
from vietmine.facts import KINDS, Document, Fact

Extractor = Callable[[Document], list[Fact]]

MADE_BY_RESOLVE = "resolve"
EXTRACTORS = tuple(dict.fromkeys(k.made_by for k in KINDS if k.made_by != MADE_BY_RESOLVE))


@functools.cache
def load_all() -> dict[str, Extractor]:
    loaded: dict[str, Extractor] = {}
    for name in EXTRACTORS:
        try:
            module = importlib.import_module(f"{__name__}.{name}")
        except Exception as e:  # any import failure names the extractor
            raise ExtractorError(f"extractor '{name}' cannot be loaded: {e.__class__.__name__}: {e}") from e
        fn = getattr(module, "extract", None)
        if not callable(fn):
            raise ExtractorError(f"extractor '{name}' has no extract(doc) function")
        loaded[name] = fn
    return loaded
