"""Extractor registry: one module per fact kind, each exposing `extract(doc) -> list[fact]`.

Extractors read only the Document (text, sentences, metadata); they never call each other
or touch the database. The pipeline runs them in registry order."""
from __future__ import annotations

from typing import Callable

from pipeline.model import Document

Extractor = Callable[[Document], list]

REGISTRY: dict[str, Extractor] = {}


def register(name: str):
    def deco(fn: Extractor) -> Extractor:
        REGISTRY[name] = fn
        return fn
    return deco


def load_all() -> dict[str, Extractor]:
    # importing the modules registers them
    import importlib
    for name in ("legal_refs", "dates", "counts", "places", "people", "organizations", "abbreviations"):
        try:
            importlib.import_module(f"extractors.{name}")
        except ModuleNotFoundError:
            pass
    return REGISTRY
