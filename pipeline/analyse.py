"""The stages of one document, in order: decode -> clean -> segment -> extract -> resolve (in
the document), under a time budget. This is the unit of work of every engine: in the writer's
process, in a worker process, or in a Dask task."""
from __future__ import annotations

import hashlib
import os
import traceback

from vietmine.errors import ExtractorError
from vietmine.facts import Document, ExtractionResult, Problem, RawInput
from vietmine.pipeline.budget import TimeBudgetExceeded, time_budget
from vietmine.pipeline.clean import CleanError, clean
from vietmine.pipeline.decode import DecodeError, decode
from vietmine.pipeline.extract import extract, rules_version
from vietmine.pipeline.resolve import resolve
from vietmine.pipeline.segment import segment

DOC_TIME_BUDGET_S = 30.0


def analyse(doc: Document) -> ExtractionResult:
    """Segment, extract and resolve one cleaned document."""
    segment(doc)
    doc.rules_version = rules_version()
    return resolve(ExtractionResult(doc, extract(doc)))


def process(raw: RawInput, budget_s: float = DOC_TIME_BUDGET_S) -> ExtractionResult | Problem:
    """Every stage of one input within a time budget. A document that fails or exceeds the budget
    costs itself only: it comes back as a Problem with its reason."""
    exceeded = Problem(raw.source_path, f"analysis exceeded the time budget of {budget_s:g} s")
    try:
        with time_budget(budget_s):
            decoded = decode(raw)
            doc = clean(decoded)
            doc.raw_hash = raw_hash(raw)
            doc.repair = decoded.meta.get("repair")
            return analyse(doc)
    except (DecodeError, CleanError) as e:
        return Problem(raw.source_path, str(e))
    except ExtractorError:  # the run cannot produce its facts: stop it, naming the extractor
        raise
    except TimeBudgetExceeded:
        return exceeded
    except Exception as e:  # a bug must cost one document, never the run: reported with its cause
        where = traceback.extract_tb(e.__traceback__)[-1]
        return Problem(raw.source_path, f"internal error {e.__class__.__name__}: {e} "
                                        f"(at {os.path.basename(where.filename)}:{where.lineno}); please report")


def process_packed(raw: RawInput, budget_s: float = DOC_TIME_BUDGET_S) -> ExtractionResult | Problem:
    """`process` for worker processes: facts sent back as row tuples (cheap to unpickle)."""
    result = process(raw, budget_s)
    return result if isinstance(result, Problem) else result.packed()


def analyse_packed(doc: Document) -> ExtractionResult:
    return analyse(doc).packed()


def raw_hash(raw: RawInput) -> str:
    data = raw.data.encode("utf-8", "surrogatepass") if isinstance(raw.data, str) else raw.data
    return hashlib.sha1(data).hexdigest()


def extract_text(text: str, source_path: str = "<text>") -> ExtractionResult:
    """All facts of one text, without a database."""
    return analyse(clean(decode(RawInput(source_path, text, "txt"))))
