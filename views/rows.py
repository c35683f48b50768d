"""Reads of a finished database shared by the views: documents with their metadata and text, and
the facts of documents by table (show, docbin, gold export)."""
from __future__ import annotations

from typing import Iterable

from vietmine.facts import TABLES

META_COLUMNS = ["doc_id", "source_path", "title", "published", "outlet", "author", "kind"]


def _rows(cur) -> list[dict]:
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur.fetchall()]


def existing_tables(con) -> list[str]:
    """The fact tables this database has (an old database may lack the newer ones)."""
    have = {t for (t,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    return [t for t in TABLES if t in have]


def facts_of(con, doc_ids: list[str], tables: Iterable[str] | None = None) -> dict[str, dict[str, list[dict]]]:
    """{doc_id: {table: [row as dict, in text order]}} for the given documents."""
    out: dict[str, dict[str, list[dict]]] = {d: {} for d in doc_ids}
    if not doc_ids:
        return out
    marks = ",".join("?" * len(doc_ids))
    for table in tables or existing_tables(con):
        cur = con.execute(f'SELECT * FROM "{table}" WHERE doc_id IN ({marks}) ORDER BY doc_id, start_char, end_char',
                          list(doc_ids))
        for row in _rows(cur):
            out[row["doc_id"]].setdefault(table, []).append(row)
    return out


def documents(con, doc_ids: list[str] | None = None) -> list[dict]:
    """Metadata and text of documents (all of them by default), in doc_id order."""
    cols = ", ".join(META_COLUMNS)
    if doc_ids is None:
        return _rows(con.execute(f'SELECT {cols}, "text" FROM documents ORDER BY doc_id'))
    marks = ",".join("?" * len(doc_ids))
    return _rows(con.execute(f'SELECT {cols}, "text" FROM documents WHERE doc_id IN ({marks}) ORDER BY doc_id',
                             list(doc_ids)))


def sentences_of(con, doc_ids: list[str]) -> dict[str, list[tuple[int, int]]]:
    """{doc_id: [(start_char, end_char) of each sentence, in order]}."""
    out: dict[str, list[tuple[int, int]]] = {d: [] for d in doc_ids}
    if doc_ids:
        marks = ",".join("?" * len(doc_ids))
        for doc_id, start, end in con.execute(f"SELECT doc_id, start_char, end_char FROM sentences WHERE doc_id IN "
                                              f"({marks}) ORDER BY doc_id, sentence_idx", list(doc_ids)).fetchall():
            out[doc_id].append((start, end))
    return out
