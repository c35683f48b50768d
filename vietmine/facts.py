"""The plain data passed between stages: inputs, documents and the fact types (one dataclass per
table). Extractors and stages both import this module; it imports nothing of the pipeline."""
from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import functools
import operator
from dataclasses import dataclass, field


@dataclass
class RawInput:
    """One input document as read from disk, before decoding."""
    source_path: str
    data: bytes | str
    fmt: str  # txt, md, html, json
    meta: dict = field(default_factory=dict)


@dataclass
class Problem:
    source_path: str
    reason: str


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


@dataclass(kw_only=True)
class Fact:
    """Base of the fact types (one dataclass per table); the pipeline fills these fields.
    `surface` is the exact text[start_char:end_char] (offsets are 0-based and end-exclusive, while
    SQL's substr is 1-based: the column spares researchers that arithmetic)."""
    doc_id: str = ""
    sentence_idx: int = 0
    surface: str = ""


# Fact types: one dataclass per table.
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
    TABLE = "legal_refs"


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
    TABLE = "legal_links"


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
    TABLE = "counts"


@dataclass
class Amount(Fact):
    value: float
    unit: str
    start_char: int
    end_char: int
    cmp: str = "eq"
    TABLE = "amounts"


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
    TABLE = "places"


@dataclass
class DateFact(Fact):
    value: dt.date
    precision: str  # day, month, year
    start_char: int
    end_char: int
    role: str = "event"  # published, updated, issue_date, event
    TABLE = "dates"


@dataclass
class Period(Fact):
    kind: str  # year_range, until_now, quarter, months_of_year
    start_date: dt.date
    end_date: dt.date | None
    start_char: int
    end_char: int
    TABLE = "periods"


@dataclass
class Person(Fact):
    name: str
    start_char: int
    end_char: int
    rank: str | None = None
    position: str | None = None
    TABLE = "people"


@dataclass
class Organization(Fact):
    name: str          # as written: "UBND tỉnh Khánh Hòa"
    normalized: str    # "Ủy ban nhân dân tỉnh Khánh Hòa"
    kind: str          # head: "Ủy ban nhân dân", "Công an", "Ban Chỉ đạo", ...
    start_char: int
    end_char: int
    admin_code: str | None = None  # the place it belongs to, from the places in its name
    TABLE = "organizations"


@dataclass
class Abbreviation(Fact):
    short: str
    expansion: str
    defined_in_text: bool
    start_char: int
    end_char: int
    TABLE = "abbreviations"


FACT_TYPES = [LegalRef, LegalLink, Count, Amount, Place, DateFact, Period, Person, Organization, Abbreviation]


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
