"""Documents of a database as spaCy Docs with their facts as span groups, and `vietmine docbin`:
all of them in one DocBin file, the format spaCy-based annotation tools (Prodigy, spacy-annotator,
`spacy train`) read.

    from spacy.tokens import DocBin
    from vietmine.spacy_component import blank
    nlp = blank()                      # also registers doc._.facts / span._.fact
    docs = list(DocBin().from_disk("outputs/vietmine.spacy").get_docs(nlp.vocab))
"""
from __future__ import annotations

import contextlib
import datetime as dt
from typing import Iterator

from vietmine.spacy_component import _plain, add_fact_spans, blank, mark_sentences
from vietmine.views.rows import META_COLUMNS, documents, existing_tables, facts_of, sentences_of


def to_doc(nlp, record: dict, facts: dict[str, list[dict]], tables: list[str] | None = None,
           sentences: list[tuple[int, int]] = ()):
    """One document as a Doc: its facts in doc.spans[table], its metadata in doc._.document, its
    sentences in doc.sents."""
    doc = nlp.make_doc(record["text"] or "")
    doc._.document = {k: _plain(record.get(k)) for k in META_COLUMNS}
    add_fact_spans(doc, facts, tables)
    mark_sentences(doc, sentences)
    return doc


def iter_docs(con, nlp=None, tables: list[str] | None = None, batch: int = 200) -> Iterator:
    nlp = nlp or blank()
    tables = tables or existing_tables(con)
    ids = [d for (d,) in con.execute("SELECT doc_id FROM documents ORDER BY doc_id").fetchall()]
    for i in range(0, len(ids), batch):
        chunk = ids[i:i + batch]
        facts, sentences = facts_of(con, chunk, tables), sentences_of(con, chunk)
        for record in documents(con, chunk):
            yield to_doc(nlp, record, facts[record["doc_id"]], tables, sentences[record["doc_id"]])


@contextlib.contextmanager
def msgpack_entry_points_once():
    """srsly looks its msgpack encoders up (scanning every installed distribution's entry points and
    catalogue's whole registry) each time it packs or unpacks, a dozen times per Doc: most of a
    DocBin export's time. Look them up once and reuse that answer for the duration."""
    from srsly import msgpack

    registries = [msgpack.msgpack_encoders, msgpack.msgpack_decoders]
    for r in registries:
        found = r.get_all()
        r.get_all = lambda found=found: found  # instance attribute: shadows the method until removed
    try:
        yield
    finally:
        for r in registries:
            del r.get_all


def read_docbin(path: str, nlp=None) -> list:
    """The Docs of a DocBin file written by `vietmine docbin` (plain DocBin().from_disk works too)."""
    from spacy.tokens import DocBin

    nlp = nlp or blank()
    with msgpack_entry_points_once():
        return list(DocBin().from_disk(path).get_docs(nlp.vocab))


def write_docbin(con, out_path: str, tables: list[str] | None = None) -> dict:
    """Every document with its facts in one DocBin file (user data kept: the fact columns)."""
    from spacy.tokens import DocBin

    # the words and sentence starts only (and SPACY, which DocBin always adds): a vietmine Doc has no
    # tags, heads or entities, and DocBin's default 13 columns per token cost 5x the memory and time
    db = DocBin(attrs=["ORTH", "SENT_START"], store_user_data=True)
    n_docs = n_spans = 0
    with msgpack_entry_points_once():
        for doc in iter_docs(con, tables=tables):
            db.add(doc)
            n_docs += 1
            n_spans += sum(len(g) for g in doc.spans.values())
        db.to_disk(out_path)
    return {"documents": n_docs, "spans": n_spans, "written_at": dt.datetime.now().isoformat(timespec="seconds")}
