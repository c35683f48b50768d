"""vietmine: mine Vietnamese press articles and official texts into a DuckDB database of facts.

The public API lives in vietmine.api (see its docstring); the stages in vietmine.pipeline, the
extractors in vietmine.extractors, reference data in vietmine.gazetteer, the readers and the
bundled corpus in vietmine.corpus, the views of a database in vietmine.views."""
from importlib.metadata import PackageNotFoundError, version

from vietmine.errors import DatabaseError, QueryError, VietmineError

try:
    __version__ = version("vietmine")
except PackageNotFoundError:  # a checkout that was never installed
    __version__ = "0+unknown"

_API = ("open", "ingest", "load", "reextract", "remove", "extract", "Database")
__all__ = [*_API, "VietmineError", "DatabaseError", "QueryError", "__version__"]


def __getattr__(name):
    # the API (pandas, duckdb) loads on first use: spaCy imports vietmine's component module, and
    # with it this package, every time it builds a pipeline
    if name in _API:
        from vietmine import api

        return getattr(api, name)
    raise AttributeError(f"module 'vietmine' has no attribute {name!r}")
