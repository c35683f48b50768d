"""vietmine: mine Vietnamese press articles and official texts into a DuckDB database of facts.

The public API lives in vietmine.api (see its docstring); the stages in vietmine.pipeline, the
extractors in vietmine.extractors, reference data in vietmine.gazetteer, the readers and the
bundled corpus in vietmine.corpus, the views of a database in vietmine.views."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("vietmine")
except PackageNotFoundError:  # a checkout that was never installed
    __version__ = "0+unknown"

from vietmine.api import Database, extract, ingest, load, open  # noqa: E402
from vietmine.errors import DatabaseError, QueryError, VietmineError  # noqa: E402

__all__ = ["open", "ingest", "load", "extract", "Database", "VietmineError", "DatabaseError", "QueryError",
           "__version__"]
