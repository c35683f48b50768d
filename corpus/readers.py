"""Read stage: turn paths into RawInput records (bytes, undecoded), or Problems."""
from __future__ import annotations

import gzip
import json
import os
from pathlib import Path
from typing import Iterator

from vietmine.facts import Problem, RawInput

TEXT_SUFFIXES = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html"}
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
MAX_FILE_BYTES = 20 * 1024 * 1024  # a single article beyond this is not an article


def format_of(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    return TEXT_SUFFIXES.get(path.suffix.lower())


def iter_files(paths: list[str]) -> Iterator[tuple[str, Path]]:
    """Yield (path as given/joined, Path) for every supported file, sorted, walking directories."""
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


def read_paths(paths: list[str]) -> Iterator[RawInput | Problem]:
    for shown, p in iter_files(paths):
        fmt = format_of(p)
        if fmt is None:
            yield Problem(shown, f"unsupported file type '{p.suffix}'")
            continue
        try:
            if fmt == "jsonl":
                yield from read_jsonl(shown, p)
                continue
            size = p.stat().st_size
            if size > MAX_FILE_BYTES:
                yield Problem(shown, f"file too large ({size} bytes > {MAX_FILE_BYTES})")
                continue
            yield RawInput(shown, p.read_bytes(), fmt)
        except OSError as e:
            yield Problem(shown, f"cannot read: {e.strerror or e}")


def count_lines(p: Path) -> int:
    opener = gzip.open if p.name.lower().endswith(".gz") else open
    try:
        with opener(p, "rb") as fh:
            return sum(1 for _ in fh)
    except (OSError, EOFError):
        return 0


def read_jsonl(shown: str, p: Path, start: int = 1, stop: int | None = None) -> Iterator[RawInput | Problem]:
    """Lines start..stop (1-based, stop excluded) of a JSON-lines file, each line one article."""
    opener = gzip.open if p.name.lower().endswith(".gz") else open
    try:
        with opener(p, "rb") as fh:
            for lineno, line in enumerate(fh, 1):
                if lineno < start:
                    continue
                if stop is not None and lineno >= stop:
                    return
                if len(line) > MAX_FILE_BYTES:
                    yield Problem(f"{shown}:{lineno}", f"JSON line too large ({len(line)} bytes)")
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
                yield RawInput(f"{shown}#{doc_key}", obj["text"], "json", meta)
    except (OSError, EOFError, gzip.BadGzipFile) as e:
        yield Problem(shown, f"truncated or unreadable archive ({e.__class__.__name__}: {e})")
