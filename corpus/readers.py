"""Read stage: turn paths into RawInput records (bytes, undecoded), or Problems."""
from __future__ import annotations

import collections
import fnmatch
import gzip
import json
import os
from pathlib import Path
from typing import Iterable, Iterator

from vietmine.facts import Problem, RawInput

TEXT_SUFFIXES = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html"}
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
MAX_FILE_BYTES = 20 * 1024 * 1024  # a single article beyond this is not an article


def format_of(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    return TEXT_SUFFIXES.get(path.suffix.lower())


def _matches(rel: str, patterns) -> bool:
    """A glob matches a file's path relative to the folder given (`drafts/*`) or its name (`SOURCES.md`)."""
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(rel, pat) or fnmatch.fnmatchcase(name, pat) for pat in patterns)


def iter_files(paths: list[str], exclude: Iterable[str] = (), glob: Iterable[str] = (),
               ignored: collections.Counter | None = None) -> Iterator[tuple[str, Path]]:
    """Yield (path as given/joined, Path) for every supported file, sorted, walking directories.
    In directories, a file is read when it matches one of `glob` (all supported files when none)
    and none of `exclude` (which also prunes matching subfolders); `ignored` counts by suffix the
    files of a directory that are skipped for their type. A file named explicitly is always
    yielded unless excluded (an unsupported one then becomes a Problem in read_paths)."""
    exclude, glob = list(exclude), list(glob)
    for given in paths:
        p = Path(given)
        if p.is_dir():
            for root, dirs, files in os.walk(p):
                rel_root = Path(root).relative_to(p).as_posix()
                prefix = "" if rel_root == "." else rel_root + "/"
                dirs[:] = sorted(d for d in dirs if not _matches(prefix + d, exclude))
                for f in sorted(files):
                    rel = prefix + f
                    if _matches(rel, exclude) or (glob and not _matches(rel, glob)):
                        continue
                    fp = Path(root) / f
                    if format_of(fp):
                        yield str(fp), fp
                    elif ignored is not None:
                        ignored[_suffix(f)] += 1
        elif not _matches(p.as_posix(), exclude):
            yield given, p


def _suffix(name: str) -> str:
    suffixes = Path(name.lower()).suffixes
    return "".join(suffixes[-2:]) if suffixes[-1:] == [".gz"] else (suffixes[-1] if suffixes else "(no extension)")


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
