"""vietmine: mine Vietnamese press articles and official texts into a DuckDB database of facts.

The public API lives in vietmine.api (see its docstring); the stages in vietmine.pipeline, the
extractors in vietmine.extractors, reference data in vietmine.gazetteer, the readers and the
bundled corpus in vietmine.corpus, the views of a database in vietmine.views."""
from vietmine.errors import DatabaseError, QueryError, VietmineError

_API = ("open", "ingest", "load", "reextract", "remove", "extract", "Database")
__all__ = [*_API, "VietmineError", "DatabaseError", "QueryError", "__version__"]


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("vietmine")
    except PackageNotFoundError:  # a checkout that was never installed
        return "0+unknown"


def __getattr__(name):
    # loaded on first use, so that `vietmine sql` starts fast: the API (pandas, duckdb), and the
    # version (importlib.metadata reads the installed distributions); spaCy also imports vietmine's
    # component module, and with it this package, every time it builds a pipeline
    if name == "__version__":
        globals()["__version__"] = v = _version()
        return v
    if name in _API:
        from vietmine import api

        return getattr(api, name)
    raise AttributeError(f"module 'vietmine' has no attribute {name!r}")
