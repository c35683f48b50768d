"""The plain data passed between stages: inputs, documents, and the fact kinds (one dataclass
per table, each with its record: see `Kind`). Extractors and stages both import this module; it
imports nothing of the pipeline."""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import decimal
import functools
import hashlib
import operator
import re
from dataclasses import dataclass, field
from typing import Callable, ClassVar

from vietmine.corpus.sources import SourceKey


@dataclass
class RawInput:
    """One input document as read from disk, before decoding."""
    source_path: str  # the path as given (shown form), plus '#id' for a feed's article
    data: bytes | str
    fmt: str  # txt, md, html, json
    meta: dict = field(default_factory=dict)
    source: SourceKey | None = None  # its identity (corpus/sources.py); None: from source_path

    @property
    def key(self) -> SourceKey:
        return self.source or SourceKey.of_stored_path(self.source_path)


@dataclass
class Problem:
    """An input that was skipped, with a one-line reason. `unread_file`: the file could not be
    read to its end, so its sources that were not met are not known to be gone."""
    source_path: str
    reason: str
    unread_file: SourceKey | None = None


@dataclass
class Document:
    doc_id: str
    source_path: str
    text: str
    content_hash: str
    title: str | None = None
    published: dt.date | None = None
    author: str | None = None
    outlet: str | None = None
    kind: str = "news"  # news, plan, directive, legal
    raw_hash: str | None = None  # of the input bytes: unchanged files are skipped before decoding
    main_province: str | None = None
    rules_version: str | None = None  # of the rules that produced its facts (pipeline.extract.rules_version)
    sentences: list[tuple[int, int]] = field(default_factory=list)
    source: SourceKey | None = None  # its identity (corpus/sources.py)
    repair: str | None = None  # what decoding repaired (pipeline/decode.py), recorded in `problems`

    @classmethod
    def of_text(cls, text: str, source_path: str, **metadata) -> "Document":
        """A new document: its id is derived from its (cleaned) text."""
        content_hash = hashlib.sha1(text.encode("utf-8")).hexdigest()
        return cls(content_hash[:16], source_path, text, content_hash, **metadata)

    @property
    def key(self) -> SourceKey:
        return self.source or SourceKey.of_stored_path(self.source_path)

    def sentence_of(self, pos: int) -> int:
        """Index of the sentence holding character `pos`."""
        return max(bisect.bisect_right(self.sentences, pos, key=operator.itemgetter(0)) - 1, 0)


@functools.cache
def _row_getter(cls) -> operator.attrgetter:
    return operator.attrgetter(*(f.name for f in dataclasses.fields(cls)))


def as_row(obj) -> tuple:
    """A flat dataclass (two fields or more) as a tuple in field order; dataclasses.astuple
    deep-copies every value, which cost ~4 % of an ingest."""
    return _row_getter(type(obj))(obj)


class KindError(Exception):
    """A fact kind declared without one of its parts: raised at import, naming the kind."""


_HEX_COLOR = re.compile(r"#[0-9a-fA-F]{6}")
_STYLE = re.compile(r"[a-z]+(?: [a-z]+)*")


@dataclass(frozen=True)
class Kind:
    """Everything the pipeline, the store and the views know about one fact kind, in one record
    (the model: spaCy's registries and eyecite's typed citations). Made by the `@kind` decorator
    on the fact's dataclass; `KINDS` lists them in table order. Whatever reads a kind reads it
    here: the store and the migrations' schema check (columns from the dataclass's fields),
    `extract()`, the extractors' list, `show` (label, colours, description), the spaCy component
    and `docbin` (span group = table, label, kb_id), `eval` (gold key; views/evaluate.py holds
    one scorer per gold key and fails at import when one is missing), the report."""
    table: str                            # table, spaCy span group, key of extract(), name in `show --kinds`
    fact_type: type
    label: str                            # spaCy span label and the label `show` draws: "COUNT"
    color: str                            # in `show --html` and the report: "#a3cfbb"
    style: str                            # in the terminal: a rich style, "bold green"
    made_by: str                          # extractor module (vietmine.extractors.<made_by>), or "resolve"
    describe: Callable[[dict], str]       # what one fact (a row as a dict) says, in a few words
    detail: Callable[[dict], object] | None = None  # the value drawn beside the label in `show --html`
    kb_field: str | None = None           # the column a span's kb_id_ holds: what the fact points to
    gold_key: str | None = None           # its key in a gold line (gold/GUIDE.md); None: not scored
    aliases: tuple[str, ...] = ()         # other names `show --kinds` accepts
    description: str = ""                 # one row per what: the README's tour, datasette's metadata
    facets: tuple[str, ...] = ()          # columns worth faceting on in datasette

    def __post_init__(self):
        def missing(part: str):
            raise KindError(f"fact kind '{self.table or self.fact_type.__name__}': {part}")

        if not _is_identifier(self.table):
            missing("its table name must be a lower-case identifier")
        columns = {f.name for f in dataclasses.fields(self.fact_type)}
        for needed in ("start_char", "end_char"):
            if needed not in columns:
                missing(f"its dataclass has no {needed} field (every fact has offsets)")
        if not self.label or not self.label.isupper():
            missing("no span label (an upper-case word such as COUNT)")
        if not _HEX_COLOR.fullmatch(self.color or ""):
            missing(f"no colour for `show --html` (#rrggbb), got {self.color!r}")
        if not _STYLE.fullmatch(self.style or ""):
            missing(f"no terminal style (a rich style such as 'bold green'), got {self.style!r}")
        if not self.made_by:
            missing("no extractor named in made_by")
        if not callable(self.describe):
            missing("no describe(row) function")
        if self.kb_field is not None and self.kb_field not in columns:
            missing(f"kb_field {self.kb_field!r} is not one of its columns")
        if not self.description:
            missing("no description (what one row is)")
        for facet in self.facets:
            if facet not in columns:
                missing(f"facet {facet!r} is not one of its columns")

    @property
    def names(self) -> tuple[str, ...]:
        """Every name `show --kinds` accepts for it: table, singular, label, aliases."""
        return (self.table, self.table.removesuffix("s"), self.label.lower(), *self.aliases)


def _is_identifier(name: str) -> bool:
    return bool(re.fullmatch(r"[a-z][a-z0-9_]*", name or ""))


KINDS: list[Kind] = []


def kind(**parts) -> Callable[[type], type]:
    """Class decorator declaring a fact kind: `@kind(table=..., label=..., ...)` over its dataclass."""
    def register(cls: type) -> type:
        record = Kind(fact_type=cls, **parts)
        if any(k.table == record.table for k in KINDS):
            raise KindError(f"fact kind '{record.table}' is declared twice")
        cls.TABLE = record.table
        cls.KIND = record
        KINDS.append(record)
        return cls
    return register


@dataclass(kw_only=True)
class Fact:
    """Base of the fact types (one dataclass per table); the pipeline fills these fields.
    `surface` is the exact text[start_char:end_char] (offsets are 0-based and end-exclusive, while
    SQL's substr is 1-based: the column spares researchers that arithmetic)."""
    doc_id: str = ""
    sentence_idx: int = 0
    surface: str = ""
    TABLE: ClassVar[str]
    KIND: ClassVar[Kind]


def _number(v) -> str:
    """A number as a reader writes it: 2000000, 2.5, 0.0000001 (never 2e+06)."""
    if not isinstance(v, float) or v != v or v in (float("inf"), float("-inf")):
        return str(v)
    text = f"{decimal.Decimal(repr(float(v))):f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


# The fact kinds, one record each above its dataclass.
@kind(table="legal_refs", label="LEGAL_REF", color="#9ec5fe", style="bold blue", made_by="legal_refs",
      describe=lambda f: f.get("code") or f"{f.get('doc_type')} {f.get('number')}",
      detail=lambda f: f.get("code"), kb_field="code", gold_key="legal_refs", aliases=("refs",),
      description="a citation of a numbered document: type, number, normalised code, issue date, issuer, identity",
      facets=("doc_type", "issuer", "resolved_by"))
@dataclass
class LegalRef(Fact):
    doc_type: str
    number: str
    code: str | None
    start_char: int
    end_char: int
    issue_date: dt.date | None = None
    issuer: str | None = None
    issuer_code: str | None = None
    subject: str | None = None
    resolved_by: str | None = None  # text, same_doc, convention, corpus
    registry_key: str | None = None  # identity of the cited document (DOMAIN.md): see vietmine.pipeline.identity


@kind(table="legal_links", label="LEGAL_LINK", color="#c5d9f9", style="blue", made_by="resolve",
      describe=lambda f: f"{f.get('relation')} → {f.get('dst_code')}",
      detail=lambda f: f.get("relation"), kb_field="dst_code", gold_key="links", aliases=("links",),
      description="a link stated between two documents (implements, guides, amends, replaces, repeals, suspends, based_on), with its evidence",
      facets=("relation",))
@dataclass
class LegalLink(Fact):
    src_code: str
    dst_code: str
    relation: str
    start_char: int
    end_char: int
    evidence: str = ""
    src_key: str | None = None  # identities (DocumentKey) of both ends
    dst_key: str | None = None


@kind(table="counts", label="COUNT", color="#a3cfbb", style="bold green", made_by="counts",
      describe=lambda f: f"{f['cmp']} {_number(f['value'])}{'%' if f.get('is_percent') else ''} {f['entity']}",
      detail=lambda f: f"{_number(f['value'])}{'%' if f.get('is_percent') else ''}", kb_field="category",
      gold_key="counts",
      description="a number of things: value, comparison, percent, denominator, the counted phrase and its category, year and place",
      facets=("category", "cmp", "is_percent", "modality", "year"))
@dataclass
class Count(Fact):
    value: float
    cmp: str
    is_percent: bool
    entity: str
    start_char: int
    end_char: int
    value_max: float | None = None
    denominator: float | None = None
    category: str | None = None
    modality: str = "achieved"  # achieved, target
    year: int | None = None
    parent_start: int | None = None  # start_char of the count this one belongs to ("97 tổ chức ... với 937 người")
    place: str | None = None  # the unit it is about, one spelling: "thành phố Hà Nội", "xã Hải Long"
    place_code: str | None = None  # that unit's official code (of the text's period, as places.admin_code)
    province_code: str | None = None  # its province's
    place_source: str | None = None  # where the place was found: sentence, paragraph, document


@kind(table="amounts", label="AMOUNT", color="#d1e7dd", style="green", made_by="counts",
      describe=lambda f: f"{_number(f['value'])} {f['unit']}", detail=lambda f: f"{_number(f['value'])} {f['unit']}",
      description="money or a measure with its unit",
      facets=("unit",))
@dataclass
class Amount(Fact):
    value: float
    unit: str
    start_char: int
    end_char: int
    cmp: str = "eq"


@kind(table="places", label="PLACE", color="#e2b6f4", style="bold magenta", made_by="places",
      describe=lambda f: f"{f['level']} {f['name']}" + (f" #{f['admin_code']}" if f.get("admin_code") else ""),
      detail=lambda f: f.get("admin_code"), kb_field="admin_code", gold_key="places",
      description="a named administrative unit with its official codes before and after the 2025 reorganisation",
      facets=("level", "province_code"))
@dataclass
class Place(Fact):
    name: str
    level: str
    start_char: int
    end_char: int
    admin_code: str | None = None
    province_code: str | None = None
    admin_code_2025: str | None = None
    candidates: str | None = None


@kind(table="dates", label="DATE", color="#ffda6a", style="bold yellow", made_by="dates",
      describe=lambda f: f"{f['precision']} {f['value']} {f['role']}", detail=lambda f: f.get("value"),
      kb_field="value", gold_key="dates",
      description="a calendar day, month or year with its role (published, issue date, event)",
      facets=("precision", "role"))
@dataclass
class DateFact(Fact):
    value: dt.date
    precision: str  # day, month, year
    start_char: int
    end_char: int
    role: str = "event"  # published, updated, issue_date, event


@kind(table="periods", label="PERIOD", color="#ffe9a6", style="yellow", made_by="dates",
      describe=lambda f: f"{f['kind']} {f['start_date']}–{f.get('end_date') or '…'}", detail=lambda f: f.get("kind"),
      description="a period with its start and end (year ranges, quarters, up to now)",
      facets=("kind",))
@dataclass
class Period(Fact):
    kind: str  # year_range, until_now, quarter, months_of_year
    start_date: dt.date
    end_date: dt.date | None
    start_char: int
    end_char: int


@kind(table="people", label="PERSON", color="#9eeaf9", style="bold cyan", made_by="people",
      describe=lambda f: f["name"] + (f", {f['position']}" if f.get("position") else ""), kb_field="name",
      gold_key="people", aliases=("person",),
      description="a named person with rank and position",
      facets=("rank", "position"))
@dataclass
class Person(Fact):
    name: str
    start_char: int
    end_char: int
    rank: str | None = None
    position: str | None = None


@kind(table="organizations", label="ORG", color="#f1aeb5", style="cyan", made_by="organizations",
      describe=lambda f: f.get("normalized") or f["name"], kb_field="normalized", gold_key="organizations",
      aliases=("orgs",),
      description="a named body, its name written out and its place",
      facets=("kind", "admin_code"))
@dataclass
class Organization(Fact):
    name: str          # as written: "UBND tỉnh Khánh Hòa"
    normalized: str    # "Ủy ban nhân dân tỉnh Khánh Hòa"
    kind: str          # head: "Ủy ban nhân dân", "Công an", "Ban Chỉ đạo", ...
    start_char: int
    end_char: int
    admin_code: str | None = None  # the place it belongs to, from the places in its name


@kind(table="abbreviations", label="ABBR", color="#ced4da", style="dim", made_by="abbreviations",
      describe=lambda f: f"{f['short']} = {f['expansion']}", kb_field="expansion", aliases=("abbrs",),
      description="an abbreviation and its expansion, defined in the text or common",
      facets=("defined_in_text",))
@dataclass
class Abbreviation(Fact):
    short: str
    expansion: str
    defined_in_text: bool
    start_char: int
    end_char: int


TABLES = [k.table for k in KINDS]
FACT_TYPES = [k.fact_type for k in KINDS]


def kind_of(name: str) -> Kind:
    """A kind by its table name (or any name `show --kinds` accepts); KeyError names the choices."""
    for k in KINDS:
        if name in k.names:
            return k
    raise KeyError(f"no fact kind {name!r}; the kinds are {', '.join(TABLES)}")


@dataclass
class StoredDocument:
    """A stored document with its references, each with the row id the store knows it by."""
    document: Document
    refs: list[tuple[int, LegalRef]]


@dataclass
class CorpusResolution:
    """What resolution across the corpus decided (pipeline/resolve_corpus.py), for the store to write."""
    ref_updates: list[tuple[int, str | None, str | None, str | None]]  # rid, code, registry_key, resolved_by
    links: dict[str, list[LegalLink]] = field(default_factory=dict)  # doc_id -> its links read again

    @property
    def from_corpus(self) -> int:
        """How many short citations took their code from another document."""
        return sum(resolved_by == "corpus" for *_, resolved_by in self.ref_updates)


@dataclass
class ExtractionResult:
    """Everything extracted from one document, ready to store."""
    document: Document
    facts: list = field(default_factory=list)
    # the facts as plain row tuples per table: what worker processes send back (cheap to unpickle)
    rows: dict[str, list[tuple]] | None = None

    def packed(self) -> "ExtractionResult":
        rows: dict[str, list[tuple]] = {}
        for f in self.facts:
            rows.setdefault(f.TABLE, []).append(as_row(f))
        return ExtractionResult(self.document, [], rows)

    @property
    def n_facts(self) -> int:
        return len(self.facts) if self.rows is None else sum(map(len, self.rows.values()))
