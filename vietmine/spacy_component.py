"""vietmine as a spaCy pipeline component: every fact as a span, one span group per fact table.

    import spacy
    nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "vietmine.punct_tokenizer.v1"}}})
    nlp.add_pipe("vietmine")                  # found through the `spacy_factories` entry point
    doc = nlp("Thực hiện Chỉ thị số 09-CT/TW ...")
    for span in doc.spans["legal_refs"]:
        span.text, span.label_, span.kb_id_, span._.fact["code"]

`doc.sents` are vietmine's sentences (the ones each fact's `sentence_idx` counts). Span groups are
named after the database tables (legal_refs, legal_links, counts, amounts, places,
dates, periods, people, organizations, abbreviations); each span has its kind's label (LEGAL_REF,
COUNT, ...), its identifier in `kb_id_` (code, admin code, value) and all the columns of its row
in `span._.fact`: all of it read from the fact kinds' records (vietmine/facts.py). The payload lives in `doc._.facts` keyed by `span.id_`, so it survives a DocBin
round trip (`DocBin(store_user_data=True)`); span extensions keyed by offsets would not (two facts
with the same offsets share them).

spaCy imports this module every time it builds a Language (entry points), so it imports nothing
heavy at module level; the extractors are loaded on the first document.
"""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import registry

from vietmine.facts import KINDS, TABLES

TOKENIZER_CONFIG = {"nlp": {"tokenizer": {"@tokenizers": "vietmine.punct_tokenizer.v1"}}}
# columns that repeat what the span already holds or that only the database needs
_SKIP = {"doc_id", "start_char", "end_char"}

if not Doc.has_extension("facts"):
    Doc.set_extension("facts", default=None)       # {span_id: {column: value}}
if not Doc.has_extension("document"):
    Doc.set_extension("document", default=None)    # metadata of the source document (DocBin export)
if not Span.has_extension("fact"):
    Span.set_extension("fact", getter=lambda span: (span.doc._.facts or {}).get(span.id_))


@registry.tokenizers("vietmine.punct_tokenizer.v1")
def create_punct_tokenizer():
    """spaCy's rule-based tokenizer with the default punctuation rules: the Vietnamese default needs
    pyvi (word segmentation) or splits on spaces only, leaving "2013," and "Nội." one token."""
    def make(nlp: Language):
        from spacy.tokenizer import Tokenizer
        from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

        d = Language.Defaults
        return Tokenizer(nlp.vocab, prefix_search=compile_prefix_regex(d.prefixes).search,
                         suffix_search=compile_suffix_regex(d.suffixes).search,
                         infix_finditer=compile_infix_regex(d.infixes).finditer, url_match=d.url_match)
    return make


def blank(lang: str = "vi") -> Language:
    """A blank pipeline with the punctuation tokenizer and no pyvi, ready for add_pipe("vietmine")."""
    import spacy

    return spacy.blank(lang, config=TOKENIZER_CONFIG)


def _plain(value):
    """msgpack-safe (DocBin stores user data with msgpack): dates as ISO strings."""
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy scalars from a DataFrame
        return value.item()
    return value


def add_fact_spans(doc: Doc, facts: dict[str, list[dict]], tables: list[str] | None = None) -> int:
    """Put facts (rows as dicts, by table, with start_char/end_char into doc.text) on the doc as span
    groups. Returns how many facts had offsets outside the text (left out)."""
    payload = dict(doc._.facts or {})
    missed = 0
    kinds = {k.table: k for k in KINDS}
    for table in tables or TABLES:
        kind = kinds[table]
        spans = []
        for i, row in enumerate(facts.get(table, [])):
            span_id = f"{table}/{i}"
            kb = row.get(kind.kb_field) if kind.kb_field else None
            # expand: a fact ending inside a token ("2013" of "2013,") still covers the whole token
            span = doc.char_span(int(row["start_char"]), int(row["end_char"]), label=kind.label,
                                 kb_id="" if kb is None else str(_plain(kb)), span_id=span_id,
                                 alignment_mode="expand")
            if span is None:
                missed += 1
                continue
            spans.append(span)
            payload[span_id] = {k: _plain(v) for k, v in row.items() if k not in _SKIP}
        doc.spans[table] = spans
    doc._.facts = payload
    return missed


def mark_sentences(doc: Doc, spans: list[tuple[int, int]]) -> None:
    """Sentence boundaries from vietmine's segmenter (character spans into doc.text), so that
    `doc.sents` gives the sentences every fact's `sentence_idx` counts; left alone on a doc a
    parser has already split. A sentence that starts inside a token (the segmenter cuts
    "baomoi.com.vn" after "com.") starts with that token."""
    if doc.has_annotation("DEP") or not len(doc):
        return
    starts = [t.idx for t in doc]
    first = {max(0, bisect.bisect_right(starts, s) - 1) for s, _ in spans} | {0}
    for i, token in enumerate(doc):
        token.is_sent_start = i in first


class VietmineComponent:
    """Runs vietmine's extractors on doc.text (offsets refer to it as given: pass NFC text, as
    `vietmine ingest` stores it) and adds one span group per fact table."""

    def __init__(self, tables: list[str] | None = None):
        unknown = sorted(set(tables or []) - set(TABLES))
        if unknown:
            raise ValueError(f"vietmine component: unknown fact table(s) {', '.join(unknown)}; "
                             f"choose among {', '.join(TABLES)}")
        self.tables = list(tables) if tables else TABLES

    def __call__(self, doc: Doc) -> Doc:
        from vietmine.facts import Document
        from vietmine.pipeline.analyse import analyse

        result = analyse(Document.of_text(doc.text, "<spacy>"))
        by_table: dict[str, list[dict]] = {}
        for f in result.facts:
            by_table.setdefault(f.TABLE, []).append(dataclasses.asdict(f))
        add_fact_spans(doc, by_table, self.tables)
        mark_sentences(doc, result.document.sentences)
        return doc


@Language.factory("vietmine", default_config={"tables": None})
def make_component(nlp: Language, name: str, tables: list[str] | None) -> VietmineComponent:
    return VietmineComponent(tables)
