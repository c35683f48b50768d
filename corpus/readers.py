"""Read stage: turn paths into RawInput records (bytes, undecoded), or Problems."""
from __future__ import annotations

import gzip
import json
import os
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

from vietmine.facts import Problem, RawInput

TEXT_SUFFIXES = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html"}
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")
MAX_FILE_BYTES = 20 * 1024 * 1024  # a single article beyond this is not an article

# JSON-lines fields, first present non-empty one wins: the names news crawls and datasets use
# (the bench corpus has id/title/text; others publish content/body, date/publish_date/time,
# source/url). `read_jsonl(..., fields={"text": ("noi_dung",)})` names others per role.
JSON_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("text", "content", "body"),
    "published": ("published", "date", "publish_date", "time"),
    "outlet": ("outlet", "source", "url"),
    "title": ("title",),
    "id": ("id",),
    "url": ("url",),
}


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


def _first(obj: dict, names: tuple[str, ...]):
    for name in names:
        v = obj.get(name)
        if v not in (None, "", [], {}):
            return v
    return None


def _outlet(value) -> str | None:
    """An outlet's name; a URL gives its host ("https://www.baomoi.com/a.epi" -> "baomoi.com")."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    if "://" in value or value.startswith("www."):
        host = urlsplit(value if "://" in value else "http://" + value).hostname or ""
        return host.removeprefix("www.") or None
    return value


def json_meta(obj: dict, fields: dict | None = None) -> tuple[str | None, str | None, dict]:
    """(text, id, metadata) of one JSON object, by the field names of JSON_FIELDS, each role's
    list replaced by the one `fields` gives for it."""
    names = {**JSON_FIELDS, **{k: tuple([v] if isinstance(v, str) else v) for k, v in (fields or {}).items()}}
    text = _first(obj, names["text"])
    doc_id = _first(obj, names["id"])
    meta = {}
    title = _first(obj, names["title"])
    if isinstance(title, str):
        meta["title"] = title
    published = _first(obj, names["published"])
    if published is not None and not isinstance(published, (dict, list)):
        meta["published"] = str(published)
    outlet = _outlet(_first(obj, names["outlet"]))
    if outlet:
        meta["outlet"] = outlet
    url = _first(obj, names["url"])
    if isinstance(url, str):
        meta["url"] = url
    return (text if isinstance(text, str) else None), (str(doc_id) if doc_id is not None else None), meta


def read_jsonl(shown: str, p: Path, start: int = 1, stop: int | None = None,
               fields: dict | None = None) -> Iterator[RawInput | Problem]:
    """Lines start..stop (1-based, stop excluded) of a JSON-lines file, each line one article;
    `fields` maps a role (text, published, outlet, title, id, url) to other field names."""
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
                text, doc_id, meta = json_meta(obj, fields) if isinstance(obj, dict) else (None, None, {})
                if text is None:
                    yield Problem(f"{shown}:{lineno}", "JSON line has no 'text' string")
                    continue
                yield RawInput(f"{shown}#{doc_id or lineno}", text, "json", meta)
    except (OSError, EOFError, gzip.BadGzipFile) as e:
        yield Problem(shown, f"truncated or unreadable archive ({e.__class__.__name__}: {e})")
