"""Read stage: turn paths into RawInput records (bytes, undecoded), or Problems. Every read goes
through corpus/files.py (regular files only, bounded in bytes and time); each RawInput carries
its canonical source in meta["source_key"] (the resolved path, plus the line's id or content hash
for JSON lines), the identity the store keeps documents by."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterator

from vietmine.corpus.files import (BROKEN_ARCHIVE, MAX_DECOMPRESSED_BYTES, MAX_FILE_BYTES, ReadRefused,
                                   canonical_path, display_path, iter_lines, line_key, read_bounded,
                                   valid_text)
from vietmine.facts import Problem, RawInput

TEXT_SUFFIXES = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html"}
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")


def format_of(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    return TEXT_SUFFIXES.get(path.suffix.lower())


def iter_files(paths: list[str]) -> Iterator[tuple[str, Path]]:
    """Yield (path as given/joined, Path) for every supported file, sorted, walking directories
    (symbolic links to directories are not followed: a link loop cannot make a walk endless)."""
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for f in sorted(files):
                    fp = Path(root) / f
                    if format_of(fp):
                        yield str(fp), fp
        else:
            yield given, p


def read_paths(paths: list[str], budget_s: float = 0) -> Iterator[RawInput | Problem]:
    """Every input under `paths`. A file that cannot or must not be read (not a regular file, too
    large, unreadable) is a Problem; `budget_s` bounds the time spent reading toward one document."""
    for given, p in iter_files(paths):
        shown = display_path(given)
        fmt = format_of(p)
        if fmt is None:
            yield Problem(shown, f"unsupported file type '{valid_text(p.suffix)}'")
            continue
        try:
            if fmt == "jsonl":
                yield from read_jsonl(shown, p, budget_s=budget_s)
                continue
            yield RawInput(shown, read_bounded(p, MAX_FILE_BYTES), fmt, {"source_key": canonical_path(p)})
        except ReadRefused as e:
            yield Problem(shown, str(e))
        except OSError as e:
            yield Problem(shown, f"cannot read: {valid_text(e.strerror or str(e))}")


def count_lines(p: Path) -> int:
    """Lines of a JSON-lines file (compressed or not), read within the same bounds as its lines."""
    try:
        n = 0
        for n, _ in iter_lines(p):
            pass
        return n
    except (ReadRefused, *BROKEN_ARCHIVE):
        return 0


def read_jsonl(shown: str, p: Path, start: int = 1, stop: int | None = None,
               budget_s: float = 0) -> Iterator[RawInput | Problem]:
    """Lines start..stop (1-based, stop excluded) of a JSON-lines file, each line one article."""
    source = canonical_path(p)
    try:
        for lineno, line in iter_lines(p, MAX_FILE_BYTES, MAX_DECOMPRESSED_BYTES, budget_s):
                if lineno < start:
                    continue
                if stop is not None and lineno >= stop:
                    return
                if line is None:
                    yield Problem(f"{shown}:{lineno}", f"JSON line too large (more than {MAX_FILE_BYTES} bytes)")
                    continue
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except (json.JSONDecodeError, UnicodeDecodeError) as e:
                    yield Problem(f"{shown}:{lineno}", f"malformed JSON line ({e.__class__.__name__})")
                    continue
                if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
                    yield Problem(f"{shown}:{lineno}", "JSON line has no 'text' string")
                    continue
                doc_key = str(obj.get("id") or lineno)
                meta = {k: obj[k] for k in ("title", "url", "published") if obj.get(k)}
                meta["source_key"] = f"{source}#{valid_text(str(obj['id'])) if obj.get('id') else line_key(line)}"
                yield RawInput(f"{shown}#{doc_key}", obj["text"], "json", meta)
    except ReadRefused as e:
        yield Problem(shown, str(e))
    except BROKEN_ARCHIVE as e:
        yield Problem(shown, f"truncated or unreadable archive ({e.__class__.__name__}: {valid_text(str(e))})")
