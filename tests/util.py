"""Helpers shared by the tests: a document from a real sentence, and reads of a database. Every
list of tables comes from the fact kinds' records (vietmine/facts.py), so a new kind is seen by
every differential check without touching them."""
import duckdb

from vietmine.facts import KINDS, RawInput
from vietmine.pipeline.clean import clean
from vietmine.pipeline.decode import decode
from vietmine.pipeline.segment import segment

FACT_TABLES = [k.table for k in KINDS]
DOCUMENT_TABLES = FACT_TABLES + ["sentences"]  # every table whose rows belong to one document

# Written after the batches, across documents (pipeline/resolve_corpus.py): a run killed before that
# step leaves them for the next run to finish.
CORPUS_DERIVED = {
    "legal_refs": {"registry_key": "NULL", "code": "CASE WHEN resolved_by = 'corpus' THEN NULL ELSE code END",
                   "resolved_by": "CASE WHEN resolved_by = 'corpus' THEN NULL ELSE resolved_by END"},
    "legal_links": {"src_key": "NULL", "dst_key": "NULL"}}


def doc_of(text: str, path: str = "t.txt"):
    """A cleaned, segmented Document from a real sentence."""
    return segment(clean(decode(RawInput(path, text, "txt"))))


def q(db, sql, *params):
    """The rows of one query on a database opened read-only for it."""
    con = duckdb.connect(db, read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


def row_counts(db, tables=("documents", *DOCUMENT_TABLES)) -> dict[str, int]:
    return {t: q(db, f"SELECT count(*) FROM {t}")[0][0] for t in tables}


def table_rows(db: str, per_document_only: bool = False) -> dict[str, list]:
    """Every row of the documents and of every table of their facts, in a comparable form (the time
    of ingest left out); `per_document_only`: without what corpus-wide resolution writes."""
    con = duckdb.connect(db, read_only=True)
    out = {}
    try:
        for t in ["documents"] + DOCUMENT_TABLES:
            cols = [r[0] for r in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                                              "AND column_name NOT IN ('ingested_at')", [t]).fetchall()]
            if per_document_only:
                cols = [CORPUS_DERIVED.get(t, {}).get(c, f'"{c}"') for c in cols]
            else:
                cols = [f'"{c}"' for c in cols]
            out[t] = sorted(map(repr, con.execute(f"SELECT {', '.join(cols)} FROM {t}").fetchall()))
    finally:
        con.close()
    return out
