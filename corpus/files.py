"""Safe reading: only regular files, every read bounded in bytes and in time, and every name
made a valid string. The readers (corpus/readers.py) go through here, so a FIFO, a device, a
decompression bomb or an undecodable file name costs one input, never the run."""
from __future__ import annotations

import errno
import gzip
import hashlib
import os
import re
import stat
import time
import zlib
from typing import Iterator

MAX_FILE_BYTES = 20 * 1024 * 1024          # one article beyond this is not an article
MAX_LINE_BYTES = MAX_FILE_BYTES            # one JSON line: one article
MAX_DECOMPRESSED_BYTES = 8 * 1024 ** 3     # a whole .jsonl.gz: far beyond any real feed
MAX_EXPANSION = 200                        # decompressed/compressed; text compresses 3-10x, bombs 1000x
CHUNK = 1 << 20

SURROGATE = re.compile(r"[\ud800-\udfff]")


class ReadRefused(Exception):
    """A file that is not read, with a one-line reason."""


def valid_text(s: str) -> str:
    """`s` as valid Unicode: a lone surrogate (from JSON '\\udcff' or an undecodable file name)
    becomes U+FFFD, or '\\xNN' for the byte it escapes, so that it can be stored and printed."""
    if s.isascii() or not SURROGATE.search(s):
        return s
    return SURROGATE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}"
                          if 0xDC80 <= ord(m.group()) <= 0xDCFF else "\ufffd", s)


# What a one-line, valid string cannot hold (control characters, the undecodable bytes of a file
# name, lone surrogates), and the backslash that would make those escapes ambiguous: each shown
# as '\\xNN' (a character below U+0080, or the byte an undecodable name held) or '\\uNNNN' (another
# lone surrogate). The escaping is injective (SourceKey.disk_path undoes it): a file named
# 'a<LF>b.txt' shows as 'a\\x0ab.txt', and one literally named 'a\\x0ab.txt' as 'a\\x5cx0ab.txt'.
_ESCAPED = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]|\\(?=x[0-9a-f]{2}|u[0-9a-f]{4})")


def _escape(m: re.Match) -> str:
    o = ord(m.group())
    if 0xDC80 <= o <= 0xDCFF:  # a byte os.fsdecode could not decode
        return f"\\x{o - 0xDC00:02x}"
    return f"\\u{o:04x}" if o > 0xFF else f"\\x{o:02x}"


def key_text(s: str) -> str:
    """`s` as a valid one-line string, escaped injectively (see _ESCAPED): two different names or
    ids never give the same text."""
    return _ESCAPED.sub(_escape, s) if _ESCAPED.search(s) else s


def display_path(path: str | os.PathLike) -> str:
    """A path as a valid one-line string: undecodable bytes and control characters (a newline
    is legal in a file name) of a file name shown as '\\xNN', injectively (key_text)."""
    return key_text(os.fspath(path))


def canonical_path(path: str | os.PathLike) -> str:
    """The resolved absolute path (symlinks and '..' resolved), as a valid string: the same file
    given by a relative or absolute path, or from another working directory, has one name."""
    try:
        resolved = os.path.realpath(os.fspath(path))
    except (OSError, ValueError):
        resolved = os.path.abspath(os.fspath(path))
    return display_path(resolved)


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
                       (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory")):
        if test(mode):
            return name
    return "not a regular file"


def open_regular(path: str | os.PathLike):
    """Open a regular file for binary reading. The file is opened without blocking and checked
    on the open descriptor, so a FIFO or device (or a link to one) is refused, never waited on."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as e:
        if e.errno in (errno.ENXIO, errno.EWOULDBLOCK):  # a FIFO or socket with nobody on the other end
            raise ReadRefused("not a regular file (a FIFO or socket); skipped") from None
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise ReadRefused(f"not a regular file ({_kind(st.st_mode)}); skipped")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def is_regular(path: str | os.PathLike) -> bool:
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def read_bounded(path: str | os.PathLike, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file, refused when larger than `limit`: at most limit + 1 bytes are
    ever read, whatever the file claims to be."""
    with open_regular(path) as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise ReadRefused(f"file too large (more than {limit} bytes)")
    return data


class Deadline:
    """Time allowed for one step of reading (0 or less: none). Reading counts against the same
    budget as analysis: a bomb of empty lines cannot take longer than a document may."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self.reset()

    def reset(self):
        self.until = time.monotonic() + self.seconds if self.seconds > 0 else None

    def check(self):
        if self.until is not None and time.monotonic() > self.until:
            raise ReadRefused(f"reading exceeded the time budget of {self.seconds:g} s")


_BLANK = re.compile(rb"[ \t\r\n]*")


def iter_lines(path: str | os.PathLike, max_line: int = MAX_LINE_BYTES,
               max_total: int = MAX_DECOMPRESSED_BYTES, budget_s: float = 0) -> Iterator[tuple[int, bytes | None]]:
    """(line number, line) for every non-blank line of a JSON-lines file, gzip-compressed or not.
    A line longer than `max_line` is yielded as (number, None) and skipped without being held in
    memory; runs of blank lines are skipped in bulk. Raises ReadRefused when the decompressed
    output passes `max_total` (or MAX_EXPANSION times the compressed size), or when the time
    between two lines passes `budget_s`, or at the end when the file changed while it was read;
    OSError/EOFError/BadGzipFile for a broken archive."""
    raw = open_regular(path)
    opened = os.fstat(raw.fileno())
    compressed = opened.st_size
    gz = str(path).lower().endswith(".gz")
    if gz:
        max_total = min(max_total, max(64 * 1024 * 1024, compressed * MAX_EXPANSION))
    chunks = _gunzip(raw) if gz else iter(lambda: raw.read(CHUNK), b"")
    deadline = Deadline(budget_s)
    try:
        total = 0
        lineno = 1          # number of the line that starts at buf[pos]
        buf = b""
        pos = 0
        skipping = False    # inside a line too long to keep
        eof = False
        while True:
            if not skipping:
                m = _BLANK.match(buf, pos)
                lineno += buf.count(b"\n", pos, m.end())
                pos = m.end()
            nl = buf.find(b"\n", pos)
            if nl >= 0:
                if skipping:
                    skipping = False
                else:
                    yield lineno, (buf[pos:nl + 1] if nl - pos <= max_line else None)
                    deadline.reset()
                lineno += 1
                pos = nl + 1
                continue
            if not skipping and len(buf) - pos > max_line:
                yield lineno, None
                deadline.reset()
                skipping = True
            if skipping:
                buf, pos = b"", 0
            if eof:
                _unchanged(path, raw.fileno(), opened)
                if not skipping and pos < len(buf):
                    yield lineno, (buf[pos:] if len(buf) - pos <= max_line else None)
                return
            deadline.check()
            chunk = next(chunks, b"")
            total += len(chunk)
            if total > max_total:
                raise ReadRefused(f"decompressed size passes {max_total} bytes (a compression bomb?); "
                                  f"stopped at line {lineno}")
            if not chunk:
                eof = True
            buf = buf[pos:] + chunk
            pos = 0
    finally:
        raw.close()


def _unchanged(path, fd: int, opened: os.stat_result) -> None:
    """ReadRefused when the file was written to, replaced or truncated while it was read: its end
    as read is not its end, and its last line may be cut."""
    def same(st):
        return (st.st_ino, st.st_dev, st.st_size, st.st_mtime_ns) == (
            opened.st_ino, opened.st_dev, opened.st_size, opened.st_mtime_ns)
    try:
        now = os.stat(path)
    except OSError:
        now = None
    if not same(os.fstat(fd)) or now is None or not same(now):
        raise ReadRefused("changed while it was read; what was read is loaded and nothing of it is pruned: "
                          "run again once it is written")


def _gunzip(raw) -> Iterator[bytes]:
    """Decompressed pieces of at most CHUNK bytes each (never more at once, whatever the ratio),
    concatenated members included; the data before a truncation is yielded, then EOFError."""
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    fresh = True  # this decompressor has had no input yet
    data = b""
    while True:
        if not data:
            data = raw.read(CHUNK)
            if not data:
                if d.eof or fresh:
                    return
                raise EOFError("compressed file ended before the end-of-stream marker was reached")
        if d.eof:  # a member ended: another member follows, or padding
            if not data.strip(b"\x00"):
                data = b""
                continue
            d, fresh = zlib.decompressobj(16 + zlib.MAX_WBITS), True
        out = d.decompress(data, CHUNK)
        fresh = False
        data = d.unused_data if d.eof else d.unconsumed_tail
        if out:
            yield out


def line_key(line: bytes) -> str:
    """The identity of an id-less JSON line: a hash of its content, so that a line inserted
    above it does not change it."""
    return "sha1:" + hashlib.sha1(line.strip()).hexdigest()[:20]


BROKEN_ARCHIVE = (OSError, EOFError, gzip.BadGzipFile, zlib.error)

__all__ = ["MAX_FILE_BYTES", "ReadRefused", "valid_text", "key_text", "display_path", "canonical_path", "open_regular",
           "read_bounded", "iter_lines", "line_key", "is_regular", "Deadline", "BROKEN_ARCHIVE"]
