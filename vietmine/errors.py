"""The errors a user may meet. Each carries a one-line message; the CLI prints it and exits
without a traceback."""


class VietmineError(Exception):
    exit_code = 2


class DatabaseError(VietmineError):
    """The database cannot be opened or used."""


class QueryError(DatabaseError):
    """A query failed (with the closest name for a misspelt one)."""
    exit_code = 1


class UnknownDocument(VietmineError, LookupError):
    exit_code = 1


class UnknownPlace(VietmineError, LookupError):
    exit_code = 1


class UnknownTable(QueryError, LookupError):
    pass


class ExtractorError(VietmineError):
    """An extractor module is missing or broken."""
