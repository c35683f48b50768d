"""How a query result is written (`vietmine sql`, `tables`): as a table, Markdown, CSV or JSON,
batch by batch as DuckDB computes it, so that memory does not grow with the result.
A table must be laid out whole: it is refused past MAX_TABLE_CELLS cells (or MAX_TABLE_BYTES).

NULL is "NULL" in a table, empty in CSV and null in JSON. NaN and the infinities are NaN, Infinity
and -Infinity (strings in JSON, which has no such numbers). Numbers print plain: no exponent, a
whole float as an integer, HUGEINT and DECIMAL exactly. Dates and times are ISO text; lists and
structs are JSON.

A result of plain types (text, numbers, booleans) is fetched from DuckDB as Python rows, without
pyarrow (whose import alone costs more than the rest of `vietmine sql "SELECT 1"`); other types
are read through Arrow, which converts what DuckDB's own Python values do not (an infinite date,
an interval). For the plain types both give the same Python values (write_query_result)."""
from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import decimal
import json
import math
from typing import TYPE_CHECKING, Iterable

from vietmine.errors import QueryError

if TYPE_CHECKING:
    import pyarrow as pa

MAX_TABLE_CELLS = 1_000_000
MAX_TABLE_BYTES = 256 << 20
BATCH_ROWS = 50_000  # rows of a batch read through Arrow
FETCH_ROWS = 2048  # rows of a batch fetched as rows: DuckDB's vector (larger fetches are slower per row)


def _float_text(v: float) -> str:
    if math.isnan(v):
        return "NaN"
    if math.isinf(v):
        return "Infinity" if v > 0 else "-Infinity"
    if v.is_integer() and abs(v) < 2**53:
        return str(int(v))
    text = repr(v)
    if "e" not in text:
        return text
    return format(decimal.Decimal(text), "f")  # 2.18e-07 -> 0.000000218: exact, no exponent


def _float_json(v: float):
    if math.isnan(v) or math.isinf(v):
        return _float_text(v)
    return int(v) if v.is_integer() and abs(v) < 2**53 else v


def _decimal_json(v: decimal.Decimal):
    return int(v) if v == v.to_integral_value() else float(v)


def _bytes_text(v: bytes) -> str:
    """As DuckDB shows a BLOB: printable ASCII kept, other bytes as \\xNN."""
    return "".join(chr(b) if 32 <= b < 127 and b != 0x5C else f"\\x{b:02X}" for b in v)


def _json_value(v):
    """A value as JSON can hold it, nested values included."""
    if v is None or isinstance(v, (bool, int, str)):
        return v
    if isinstance(v, float):
        return _float_json(v)
    if isinstance(v, decimal.Decimal):
        return _decimal_json(v)
    if isinstance(v, (dt.date, dt.time)):  # datetime is a date
        return v.isoformat()
    if isinstance(v, bytes):
        return _bytes_text(v)
    if isinstance(v, dict):
        return {str(k): _json_value(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [_json_value(x) for x in v]
    import pyarrow as pa  # loaded already: only Arrow gives values of other types

    if isinstance(v, pa.MonthDayNano):
        return _interval_text(v)
    return str(v)


def _interval_text(v) -> str:
    """An INTERVAL as ISO 8601 ('P1M3DT1.5S')."""
    seconds = v.nanoseconds / 1e9
    time = f"T{_float_text(seconds)}S" if seconds else ""
    return f"P{v.months}M{v.days}D{time}" if (v.months or v.days or not time) else f"P{time}"


def _text(v) -> str:
    if isinstance(v, str):
        return v
    if isinstance(v, float):
        return _float_text(v)
    if isinstance(v, (list, tuple, dict)):
        return json.dumps(_json_value(v), ensure_ascii=False)
    value = _json_value(v)
    return value if isinstance(value, str) else str(value)


# how the values of a column are written
TEXT, INTEGER, BOOLEAN, FLOAT, DECIMAL, OTHER = "text", "integer", "boolean", "float", "decimal", "other"
NUMERIC = (INTEGER, FLOAT, DECIMAL)  # right-aligned in a table
# the kinds whose Python values a format writes as they are (csv writes None as empty, str() of a number)
AS_THEY_ARE = {"csv": (TEXT, INTEGER), "json": (TEXT, INTEGER, BOOLEAN)}

# the plain DuckDB types (DuckDBPyType.id; JSON's is varchar), which can be fetched as Python rows;
# a column of NULLs alone (type "null") is written as a text column of NULLs is
_PLAIN = {"varchar": TEXT, "enum": TEXT, "null": TEXT, "boolean": BOOLEAN, "float": FLOAT, "double": FLOAT,
          "decimal": DECIMAL, **dict.fromkeys(["tinyint", "smallint", "integer", "bigint", "hugeint", "utinyint",
                                               "usmallint", "uinteger", "ubigint"], INTEGER)}


@dataclasses.dataclass
class Batch:
    """Some rows of a result, as Python values (None: NULL): given as rows (DuckDB) or as columns (Arrow)."""
    n: int
    rows: list[tuple] | None = None
    columns: list[list] | None = None

    def written(self, kinds: list[str], fmt: str, null=None) -> Iterable[tuple]:
        """The rows as `fmt` writes them: text (JSON values for json); NULL as `null`."""
        if not self.n:
            return ()
        todo = [i for i, k in enumerate(kinds) if k not in AS_THEY_ARE.get(fmt, ()) or null is not None]
        if self.rows is not None and not todo:
            return self.rows
        columns = list(self.columns) if self.columns is not None else [list(c) for c in zip(*self.rows)]
        for i in todo:
            columns[i] = [null if v is None else v for v in cells(columns[i], kinds[i], fmt == "json")]
        return zip(*columns)


def cells(values: list, kind: str, json_values: bool = False) -> list:
    """One column as text (or as JSON values); None for NULL."""
    if kind == TEXT:
        return values
    if kind == INTEGER:
        return values if json_values else [None if v is None else str(v) for v in values]
    if kind == BOOLEAN:
        return values if json_values else [None if v is None else ("true" if v else "false") for v in values]
    if kind == FLOAT:
        convert = _float_json if json_values else _float_text
    elif kind == DECIMAL:
        convert = _decimal_json if json_values else (lambda v: format(v, "f"))
    else:
        convert = _json_value if json_values else _text
    return [None if v is None else convert(v) for v in values]


def _arrow_kind(t: pa.DataType) -> str:
    import pyarrow as pa

    if pa.types.is_dictionary(t):  # an ENUM
        t = t.value_type
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return TEXT
    if pa.types.is_integer(t):
        return INTEGER
    if pa.types.is_boolean(t):
        return BOOLEAN
    if pa.types.is_floating(t):
        return FLOAT
    return DECIMAL if pa.types.is_decimal(t) else OTHER


def _python_values(arr: pa.Array) -> list:
    """The values of an Arrow column; a date or time beyond what Python holds (DuckDB's infinity)
    as 'infinity' or '-infinity'."""
    import pyarrow as pa

    if pa.types.is_dictionary(arr.type):
        arr = arr.dictionary_decode()
    try:
        return arr.to_pylist()
    except (ValueError, OverflowError, pa.ArrowException):
        raw = arr.view(pa.int32() if arr.type.bit_width == 32 else pa.int64()).to_pylist()
        out = []
        for scalar, n in zip(arr, raw):
            try:
                out.append(scalar.as_py())
            except (ValueError, OverflowError, pa.ArrowException):
                out.append("infinity" if n > 0 else "-infinity")
        return out


def write_query_result(result, fmt: str, out) -> int:
    """Write the result of a query (vietmine.api.Result) in `fmt` as DuckDB computes it, batch by
    batch; returns the number of rows.

    Fetched as rows when its types are plain and `fmt` writes their values as they are, or lays
    them out as a table (at most MAX_TABLE_CELLS); otherwise read through Arrow: values CSV or JSON
    must convert one by one (floats, decimals) come out of DuckDB's rows up to a quarter slower a
    million rows, more than importing pyarrow costs."""
    rel = result.relation
    columns = list(rel.columns)
    kinds = [_PLAIN.get(t.id) for t in rel.types]
    if None not in kinds and (fmt not in AS_THEY_ARE or all(k in AS_THEY_ARE[fmt] for k in kinds)):
        return write_result(columns, kinds, (Batch(len(rows), rows=rows) for rows in result.batches(FETCH_ROWS)),
                            fmt, out)
    reader = rel.to_arrow_reader(BATCH_ROWS)
    batches = (Batch(b.num_rows, columns=[_python_values(c) for c in b.columns]) for b in reader)
    return write_result(columns, [_arrow_kind(t) for t in reader.schema.types], batches, fmt, out)


def write_result(columns: list[str], kinds: list[str], batches: Iterable[Batch], fmt: str, out) -> int:
    """Write a result in `fmt` (table, markdown, csv, json); returns the number of rows. CSV and
    JSON are written batch by batch; a table is laid out once whole."""
    rows = 0
    if fmt == "csv":
        w = csv.writer(out, lineterminator="\n")
        w.writerow(columns)
        for batch in batches:
            w.writerows(batch.written(kinds, fmt))
            rows += batch.n
        return rows
    if fmt == "json":
        out.write("[")
        for batch in batches:
            if not batch.n:
                continue
            # dumps of a whole batch, not of each row: json's C encoder does the work
            text = json.dumps([dict(zip(columns, row)) for row in batch.written(kinds, fmt)], ensure_ascii=False,
                              allow_nan=False)
            out.write((", " if rows else "") + text[1:-1])
            rows += batch.n
        out.write("]\n")
        return rows
    from tabulate import tabulate

    table: list[tuple] = []
    size = 0
    for batch in batches:
        if (len(table) + batch.n) * max(len(columns), 1) > MAX_TABLE_CELLS:
            _refuse_table()
        texts = list(batch.written(kinds, fmt, null="NULL"))
        size += sum(len(v) for row in texts for v in row)
        if size > MAX_TABLE_BYTES:
            _refuse_table()
        table.extend(texts)
    out.write(tabulate(table, headers=columns, tablefmt="pipe" if fmt == "markdown" else "simple",
                       disable_numparse=True, colalign=["right" if k in NUMERIC else "left" for k in kinds] or None))
    out.write("\n")
    return len(table)


def _refuse_table():
    raise QueryError(f"refused: the result is larger than a table can lay out (more than {MAX_TABLE_CELLS:,} "
                     f"cells or {MAX_TABLE_BYTES >> 20} MB); use --format csv or json, which stream, or LIMIT")


def frame_batches(df) -> tuple[list[str], list[str], list[Batch]]:
    """A pandas DataFrame (a result of the API) as one batch, its values read through Arrow. DuckDB's
    DATE arrives in pandas as timestamps at midnight: such a column is shown as dates; a column
    Arrow cannot type is text."""
    import pandas as pd
    import pyarrow as pa

    columns = [str(c) for c in df.columns]
    arrays = []
    for i in range(df.shape[1]):
        s = df.iloc[:, i]
        if pd.api.types.is_datetime64_any_dtype(s) and s.dt.tz is None:
            known = s.dropna()
            if (known == known.dt.normalize()).all():
                s = s.dt.date
        try:
            arrays.append(pa.array(s, from_pandas=True))
        except (pa.ArrowException, TypeError, ValueError):
            arrays.append(pa.array([None if v is None else _text(v) for v in s.astype(object)], type=pa.string()))
    batches = [Batch(len(df), columns=[_python_values(a) for a in arrays])] if arrays else []
    return columns, [_arrow_kind(a.type) for a in arrays], batches
