"""Source keys: the identity a document is kept by (`documents.source_key`), made, typed and
parsed here and nowhere else.

A key names the canonical file (the resolved absolute path, as corpus/files.py shows it) and, for
a JSON-lines feed, the article inside it: the line's `id`, or a hash of the line's content when it
has none. Its stored text is `/abs/feed.jsonl.gz#id` (a plain file's key is its path), so the same
file given by a relative or absolute path, or from another folder, is one source, and a line
prepended to an id-less feed shifts nothing. The text of a key is injective: names and ids are
escaped (corpus/files.py key_text) so that two sources never share one key."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass

from vietmine.corpus.files import canonical_path, key_text, line_key, read_bounded

_FEED_SUFFIXES = (".jsonl.gz#", ".jsonl#")


@dataclass(frozen=True, order=True)
class SourceKey:
    file: str                # canonical path of the file, as stored (escaped as corpus.files.canonical_path does)
    item: str | None = None  # a JSON-lines article: its id, or "sha1:…" of its line

    def __str__(self) -> str:
        return self.file if self.item is None else f"{self.file}#{self.item}"

    # -- made
    @classmethod
    def of_file(cls, path: str | os.PathLike) -> "SourceKey":
        return cls(_file_key(path))

    @classmethod
    def of_line(cls, path: str | os.PathLike, line_id: str | None, line: bytes) -> "SourceKey":
        """An article of a feed: by its id, or by a hash of its content when it has none."""
        return cls.of_file(path).line(line_id, line)

    def line(self, line_id: str | None, line: bytes) -> "SourceKey":
        """The key of an article of this feed. An id that reads like a content hash is escaped
        ('\\x73ha1:…'), so that it never names an id-less line."""
        if not line_id:
            return SourceKey(self.file, line_key(line))
        item = key_text(line_id)
        return SourceKey(self.file, "\\x73" + item[1:] if item.startswith("sha1:") else item)

    @classmethod
    def of_stored_path(cls, source_path: str) -> "SourceKey":
        """The key of a document stored before sources had keys, from its path as given ('feed.jsonl#12'),
        resolved against the current folder: the best that can be known of an old relative path."""
        key = cls.parse(source_path)
        return cls(_file_key(key.file), key.item)

    # -- parsed
    @classmethod
    def parse(cls, text: str) -> "SourceKey":
        """'/a/feed.jsonl.gz#x1' -> SourceKey('/a/feed.jsonl.gz', 'x1'); a file named 'a#b.txt' is a file."""
        low = text.lower()
        for suffix in _FEED_SUFFIXES:
            i = low.find(suffix)
            if i >= 0:
                cut = i + len(suffix) - 1
                return cls(text[:cut], text[cut + 1:])
        return cls(text)

    # -- the file on disk
    @property
    def is_item(self) -> bool:
        """An article inside a feed, not a whole file."""
        return self.item is not None

    def disk_path(self) -> str:
        """The file's name on disk: the escapes of its key ('\\xff' for an undecodable byte,
        '\\x0a' for a newline, '\\x5c' for a backslash before one) undone."""
        return _ESCAPE.sub(_unescape, self.file) if "\\" in self.file else self.file

    def file_exists(self) -> bool:
        return os.path.exists(self.disk_path())

    def file_bytes(self) -> bytes:
        """The file's bytes (bounded as every read is); OSError or ReadRefused when it cannot be read."""
        return read_bounded(self.disk_path())

    def under(self, roots: tuple[str, ...]) -> bool:
        """Whether the file lies in one of the canonical folders (or is one of the files) `roots`."""
        return any(self.file == r or self.file.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


_ESCAPE = re.compile(r"\\x([0-9a-f]{2})|\\u([0-9a-f]{4})")
# A '#' right after '.jsonl' or '.jsonl.gz' in a path is escaped in its key, where it separates a
# feed from the article inside it: a file named 'feed.jsonl#x.txt' is no article of 'feed.jsonl'.
_FEED_MARK = re.compile(r"(\.jsonl(?:\.gz)?)#", re.IGNORECASE)


def _file_key(path: str | os.PathLike) -> str:
    """The canonical path (corpus/files.py) of a file, as its key holds it."""
    shown = canonical_path(path)
    return _FEED_MARK.sub(r"\1\\x23", shown) if "#" in shown else shown


def _unescape(m: re.Match) -> str:
    if m.group(2):
        return chr(int(m.group(2), 16))
    n = int(m.group(1), 16)
    return chr(0xDC00 + n) if n >= 0x80 else chr(n)  # a byte of an undecodable name, as os.fsdecode gives it


def canonical_roots(paths: list[str]) -> tuple[str, ...]:
    """The paths an ingest was given, canonical: what `SourceKey.under` compares with."""
    return tuple(_file_key(p) for p in paths)
