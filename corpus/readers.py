"""Read stage: turn paths into RawInput records (bytes, undecoded), or Problems. Every read goes
through corpus/files.py (regular files only, bounded in bytes and time); each RawInput carries
its source key (corpus/sources.py), the identity the store keeps documents by."""
from __future__ import annotations

import collections
import fnmatch
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator
from urllib.parse import urlsplit

from vietmine.corpus.files import (BROKEN_ARCHIVE, MAX_DECOMPRESSED_BYTES, MAX_FILE_BYTES, ReadRefused,
                                   display_path, iter_lines, read_bounded, valid_text)
from vietmine.corpus.sources import SourceKey
from vietmine.errors import VietmineError
from vietmine.facts import Problem, RawInput

TEXT_SUFFIXES = {".txt": "txt", ".md": "md", ".html": "html", ".htm": "html"}
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz")

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


def _matches(rel: str, patterns) -> bool:
    """A glob matches a file's path relative to the folder given (`drafts/*`) or its name (`SOURCES.md`)."""
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(rel, pat) or fnmatch.fnmatchcase(name, pat) for pat in patterns)


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def iter_files(paths: list[str], exclude: Iterable[str] = (), glob: Iterable[str] = (),
               ignored: collections.Counter | None = None, problems: list[Problem] | None = None,
               follow_links: bool = False) -> Iterator[tuple[str, Path]]:
    """Yield (path as given/joined, Path) for every supported file, sorted, walking directories.
    In directories, a file is read when it matches one of `glob` (all supported files when none)
    and none of `exclude` (which also prunes matching subfolders); `ignored` counts by suffix the
    files of a directory that are skipped for their type. A file named explicitly is always
    yielded unless excluded (an unsupported one then becomes a Problem in read_paths).
    `problems` receives a Problem for each folder that cannot be listed (its `unread_file`: the
    folder, under which nothing is known to be gone) and each link that leads out of the folder
    given, which is not followed unless `follow_links` (then links to folders are walked too,
    each real folder once)."""
    exclude, glob = list(exclude), list(glob)
    problems = [] if problems is None else problems
    for given in paths:
        p = Path(given)
        if not p.is_dir():
            if not _matches(p.as_posix(), exclude):
                yield given, p
            continue
        top = os.path.realpath(p)
        walked = {top}

        def unlisted(e: OSError):
            folder = e.filename if e.filename is not None else given
            problems.append(Problem(display_path(folder), f"cannot list folder: {valid_text(e.strerror or str(e))}; "
                                    "nothing under it is pruned", unread_file=SourceKey.of_file(folder)))

        def leaves(path: str, what: str) -> bool:
            """A link out of the folder given: reported and skipped, unless links are followed."""
            if follow_links or not os.path.islink(path):
                return False
            real = os.path.realpath(path)
            if _inside(real, top):
                return False
            problems.append(Problem(display_path(path), f"link to a {what} outside {display_path(given)} "
                                    f"({display_path(real)}); not followed (--follow-links follows it)"))
            return True

        for root, dirs, files in os.walk(p, onerror=unlisted, followlinks=follow_links):
            rel_root = Path(root).relative_to(p).as_posix()
            prefix = "" if rel_root == "." else rel_root + "/"
            kept = []
            for d in sorted(dirs):
                if _matches(prefix + d, exclude):
                    continue
                full = os.path.join(root, d)
                if follow_links:
                    real = os.path.realpath(full)
                    if real in walked:  # a cycle, or a folder reached twice
                        continue
                    walked.add(real)
                elif leaves(full, "folder"):
                    continue
                kept.append(d)
            dirs[:] = kept
            for f in sorted(files):
                rel = prefix + f
                if _matches(rel, exclude) or (glob and not _matches(rel, glob)):
                    continue
                fp = Path(root) / f
                if not format_of(fp):
                    if ignored is not None:
                        ignored[_suffix(f)] += 1
                elif not leaves(str(fp), "file"):
                    yield str(fp), fp


def _suffix(name: str) -> str:
    suffixes = Path(name.lower()).suffixes
    return "".join(suffixes[-2:]) if suffixes[-1:] == [".gz"] else (suffixes[-1] if suffixes else "(no extension)")


SUPPORTED = ".txt .md .html .htm .jsonl .jsonl.gz"


@dataclass
class InputSelection:
    """The files an ingest reads (folders walked once), by suffix the files of its folders it
    does not read, and what could not be walked (folders not listed, links not followed)."""
    paths: list[str]          # as given: folders are where a source gone missing is looked for
    files: list[str]
    ignored: dict[str, int]
    problems: list[Problem] = field(default_factory=list)


def ignored_note(ignored: dict[str, int]) -> str:
    """'2 .pdf, 1 .docx' (most frequent first)."""
    return ", ".join(f"{n} {suffix}" for suffix, n in sorted(ignored.items(), key=lambda kv: (-kv[1], kv[0])))


def select_inputs(paths: list[str], exclude=(), glob=(), follow_links: bool = False) -> InputSelection:
    """The supported files under `paths` (folders recursively), filtered by the `glob` and
    `exclude` patterns (matched against a file's path inside its folder, or its name). A path that
    does not exist, or a selection with no file at all, is an error naming what was found."""
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        raise VietmineError(f"no such path: {', '.join(missing)}")
    ignored: collections.Counter = collections.Counter()
    problems: list[Problem] = []
    files = [shown for shown, _ in iter_files(paths, exclude, glob, ignored, problems, follow_links)]
    selection = InputSelection(list(paths), files, dict(ignored), problems)
    if not files and not problems:  # (links not followed, folders not listed: reported by the run)
        where = ", ".join(paths)
        filters = " matching --glob/--exclude" if exclude or glob else ""
        not_read = f"; {ignored_note(selection.ignored)} files are not read" if ignored else ""
        raise VietmineError(f"no supported files{filters} in {where}{not_read} (vietmine reads {SUPPORTED})")
    return selection


def read_paths(paths: list[str], budget_s: float = 0, exclude=(), glob=()) -> Iterator[RawInput | Problem]:
    """Every input under `paths` (selected by iter_files' `exclude` and `glob`)."""
    return read_files([given for given, _ in iter_files(paths, exclude, glob)], budget_s)


def read_files(files: list[str], budget_s: float = 0) -> Iterator[RawInput | Problem]:
    """Every input of these files (one per file, or one per line of a JSON-lines file). A file that
    cannot or must not be read (not a regular file, too large, unreadable) is a Problem; `budget_s`
    bounds the time spent reading toward one document."""
    for given in files:
        p = Path(given)
        shown = display_path(given)
        fmt = format_of(p)
        if fmt is None:
            yield Problem(shown, f"unsupported file type '{valid_text(p.suffix)}'")
            continue
        try:
            if fmt == "jsonl":
                yield from read_jsonl(shown, p, budget_s=budget_s)
                continue
            yield RawInput(shown, read_bounded(p, MAX_FILE_BYTES), fmt, source=SourceKey.of_file(p))
        except ReadRefused as e:
            yield Problem(shown, str(e), unread_file=SourceKey.of_file(p))
        except OSError as e:
            yield Problem(shown, f"cannot read: {valid_text(e.strerror or str(e))}", unread_file=SourceKey.of_file(p))
        except Exception as e:  # noqa: BLE001 - one file costs itself, whatever it raises
            yield Problem(shown, f"cannot read: {_why(e)}", unread_file=SourceKey.of_file(p))


def count_lines(p: Path) -> int:
    """Lines of a JSON-lines file (compressed or not), read within the same bounds as its lines."""
    try:
        n = 0
        for n, _ in iter_lines(p):
            pass
        return n
    except (ReadRefused, *BROKEN_ARCHIVE):
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


def read_jsonl(shown: str, p: Path, start: int = 1, stop: int | None = None, budget_s: float = 0,
               fields: dict | None = None) -> Iterator[RawInput | Problem]:
    """Lines start..stop (1-based, stop excluded) of a JSON-lines file, each line one article;
    `fields` maps a role (text, published, outlet, title, id, url) to other field names. A line
    that cannot be read (too large, malformed, or anything else it raises) costs that line only,
    and the file then counts as not read whole (`Problem.unread_file`), as does a file that
    changes while it is read: none of its stored articles is taken for gone."""
    file = SourceKey.of_file(p)
    try:
        for lineno, line in iter_lines(p, MAX_FILE_BYTES, MAX_DECOMPRESSED_BYTES, budget_s):
            if lineno < start:
                continue
            if stop is not None and lineno >= stop:
                return
            if line is None:
                yield Problem(f"{shown}:{lineno}", f"JSON line too large (more than {MAX_FILE_BYTES} bytes)",
                              unread_file=file)
                continue
            try:
                obj = json.loads(line)
                text, doc_id, meta = json_meta(obj, fields) if isinstance(obj, dict) else (None, None, {})
                key = file.line(doc_id, line) if text is not None else None
            except Exception as e:  # noqa: BLE001 - a huge number, deep nesting, bad UTF-8: whatever one line holds
                yield Problem(f"{shown}:{lineno}", f"malformed JSON line ({_why(e)})", unread_file=file)
                continue
            if text is None:
                yield Problem(f"{shown}:{lineno}", "JSON line has no text (fields: "
                              f"{', '.join(JSON_FIELDS['text'])})")
                continue
            yield RawInput(f"{shown}#{doc_id or lineno}", text, "json", meta, key)
    except ReadRefused as e:
        yield Problem(shown, str(e), unread_file=file)
    except BROKEN_ARCHIVE as e:
        yield Problem(shown, f"truncated or unreadable archive ({e.__class__.__name__}: {valid_text(str(e))})",
                      unread_file=file)


def _why(e: Exception) -> str:
    """'JSONDecodeError', or the class and the start of the message for other errors."""
    if isinstance(e, (json.JSONDecodeError, UnicodeDecodeError)):
        return e.__class__.__name__
    message = valid_text((str(e).strip().splitlines() or [""])[0])
    return f"{e.__class__.__name__}: {message[:80]}" if message else e.__class__.__name__
