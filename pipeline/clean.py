"""Clean stage: decoded text to a Document: main text out of HTML, page furniture removed, and
metadata (title, publication date, author, outlet, kind)."""
from __future__ import annotations

import datetime as dt

import regex

from vietmine.gazetteer import load_json
from vietmine.gazetteer.cache import persistent
from vietmine.facts import Document, RawInput
from vietmine.pipeline.decode import normalize

MAX_TEXT_CHARS = 2_000_000  # longer than any real article or law; beyond it is not one document


class CleanError(ValueError):
    pass


class _Cued:
    """A furniture pattern searched only in a text whose lower-case form holds one of its cues and
    a match of its cue pattern (a plain pattern, given as a string, in every text): most texts hold
    none, and a substring test or a pattern that opens with a word is far cheaper than the search."""

    def __init__(self, spec: str | dict):
        spec = {"pattern": spec} if isinstance(spec, str) else spec
        self.pattern = regex.compile(spec["pattern"], regex.M)
        self.cues = tuple(spec.get("cues", ()))
        self.cue_pattern = regex.compile(spec["cue_pattern"]) if "cue_pattern" in spec else None

    def cued(self, low: str) -> bool:
        return (not self.cues or any(c in low for c in self.cues)) and \
            (self.cue_pattern is None or self.cue_pattern.search(low) is not None)

    def search(self, text: str, low: str):
        return self.pattern.search(text) if self.cued(low) else None


class _Furniture:
    def __init__(self):
        cfg = load_json("furniture.json")
        self.drop_lines = [regex.compile(p) for p in cfg["drop_line_patterns"]]
        self.drop_inline = [_Cued(p) for p in cfg["drop_inline_patterns"]]
        self.published = [_Cued(p) for p in cfg["published_patterns"]]
        self.author = [_Cued(p) for p in cfg["author_patterns"]]
        self.outlet = [_Cued(p) for p in cfg["outlet_patterns"]]
        self.kind = {k: [_Cued(p) for p in v] for k, v in cfg["kind_markers"].items()}
        title = cfg["title"]
        self.title_type, self.title_summary, self.title_stop, self.title_authority = (
            regex.compile(title[k]) for k in ("type_line", "summary_line", "stop_line", "authority_line"))
        self.title_skip = [regex.compile(p) for p in title["skip_line_patterns"]]


@persistent("clean-rules", _Furniture)
def furniture() -> _Furniture:
    return _Furniture()


_DATE_PARTS = regex.compile(r"(\d{1,4})\D+?(\d{1,2})\D+?(\d{1,4})|(\d{4})(\d{2})(\d{2})")


# metadata dates as feeds write them, tried before the loose reading below: ISO with a time
# ("2017-02-06T10:20:00+07:00"), a time before the day ("10:20 06/02/2017"), a weekday first
# ("Thứ hai, 6/2/2017 - 10:20"), words ("ngày 6 tháng 2 năm 2017"), Unix seconds ("1486350000")
_META_DATE = [
    (regex.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"), None),
    (regex.compile(r"(?<!\d)(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>(?:19|20)\d{2})(?!\d)"), None),
    (regex.compile(r"(?i)(?<!\d)(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s*(?:,\s*)?năm\s+(?P<y>(?:19|20)\d{2})(?!\d)"), None),
    (regex.compile(r"^\s*(?P<epoch>\d{9,10})(?:\.\d+)?\s*$"), "epoch"),
]
_VIETNAM_TZ = dt.timezone(dt.timedelta(hours=7))


def parse_date_string(s: str) -> dt.date | None:
    """'20/03/2020', '16 tháng 7 năm 2020', '2020-03-20' -> date, or None when invalid."""
    for pat, kind in _META_DATE:
        m = pat.search(s)
        if not m:
            continue
        try:
            if kind == "epoch":
                return dt.datetime.fromtimestamp(int(m["epoch"]), _VIETNAM_TZ).date()
            return dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
        except (ValueError, OverflowError, OSError):
            return None
    m = _DATE_PARTS.search(s)
    if not m:
        return None
    a, b, c = (int(x) for x in (m.groups()[:3] if m.group(1) else m.groups()[3:]))
    y, mo, d = (a, b, c) if a > 31 else (c, b, a)
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def html_to_text(html: str) -> tuple[str, dict]:
    """Main text and metadata of an HTML page, via trafilatura (boilerplate removed)."""
    import logging

    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)  # failures become our one-line Problem

    text = trafilatura.extract(html, include_comments=False, include_tables=True,
                               favor_precision=True, deduplicate=True)
    if not text or not text.strip():
        raise CleanError("malformed or empty HTML: no main text found")
    meta = {}
    md = trafilatura.extract_metadata(html)
    if md is not None:
        if md.title:
            meta["title"] = md.title
        if md.date:
            meta["published"] = md.date
        if md.author:
            meta["author"] = md.author
        if md.sitename:
            meta["outlet"] = md.sitename
    if meta.get("title") and not text.startswith(meta["title"]):
        text = meta["title"] + "\n\n" + text
    return text, meta


def strip_furniture(text: str) -> str:
    f = furniture()
    low = text.lower()
    for p in f.drop_inline:
        if p.cued(low):
            text = p.pattern.sub("", text)
            low = text.lower()  # what one pattern took out may join the cue of the next
    lines = [ln.rstrip() for ln in text.split("\n")]
    kept = [ln for ln in lines if not any(p.match(ln) for p in f.drop_lines)]
    # collapse runs of blank lines, trim
    out = regex.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return out


def _first_match(patterns: list[_Cued], text: str, group: str, low: str | None = None) -> str | None:
    """The group of the first pattern that matches; `low` is text.lower(), when the caller has it."""
    low = text.lower() if low is None else low
    for p in patterns:
        m = p.search(text, low)
        if m:
            return m.group(group).strip()
    return None


def detect_kind(text: str) -> str:
    head = text[:3000]
    low = head.lower()
    for kind in ("legal", "directive", "plan"):
        if any(p.search(head, low) for p in furniture().kind[kind]):
            return kind
    return "news"


TITLE_HEAD_LINES = 60    # a text's own title stands in its header, before the preamble
TITLE_MAX_LINES = 6      # a summary wrapped over lines in gazette and PDF text; longer is body
TITLE_MAX_CHARS = 500


def _bare(line: str) -> str:
    return line.strip().strip("#*").strip()


def _summary(lines: list[str], f: _Furniture) -> list[str]:
    """The summary lines under a type line: up to a blank line, the preamble, the issuing authority
    ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH"), or a capitals line after a lower-case one (the next heading)."""
    out: list[str] = []
    for s in lines:
        if not s:
            if out:
                break
            continue
        if any(p.search(s) for p in f.title_skip):
            continue  # a page header or page number inside a wrapped title
        if (f.title_stop.match(s) or s.endswith(":")
                or (out and (f.title_authority.match(s) or (s.isupper() and not out[-1].isupper())))):
            break
        out.append(s)
        if len(out) == TITLE_MAX_LINES:
            break
    return out


def _is_body_sentence(s: str) -> bool:
    return len(s.split()) >= 8 and s[-1] in ".!?" and not s.isupper()


def guess_title(text: str) -> str | None:
    """The text's own title: a legal or administrative text's type line with its summary under it
    ("QUYẾT ĐỊNH" + "Về việc ..."), or a công văn's "V/v ..." summary; else the first line that is
    not page furniture (a news title)."""
    f = furniture()
    head = [_bare(ln) for ln in text[:8000].split("\n")[:TITLE_HEAD_LINES]]
    end = next((i for i, s in enumerate(head) if f.title_stop.match(s) or _is_body_sentence(s)), len(head))
    title = None
    for i, s in enumerate(head[:end]):
        if f.title_type.match(s):
            title = " ".join([s, *_summary(head[i + 1:], f)])
            break
    if title is None:
        for i, s in enumerate(head[:end]):
            if f.title_summary.match(s):  # not a type line's certainty: no body sentence after it
                title = " ".join([s, *_summary(head[i + 1:end], f)])
                break
    if title is not None:
        return regex.sub(r"\s+", " ", title)[:TITLE_MAX_CHARS]
    for s in head[:15]:
        if len(s.split()) < 4 or s.startswith(("source:", "doc_id", "url", "date")):
            continue
        if any(p.search(s, s.lower()) for p in f.published) or any(p.search(s) for p in f.title_skip):
            continue
        return s[:300]
    return None


def clean(raw: RawInput) -> Document:
    """The Document of one decoded input (pipeline/decode.py); CleanError with a one-line reason."""
    if not isinstance(raw.data, str):
        raise TypeError("clean() takes a decoded input: decode(raw) first")
    text = raw.data
    meta = dict(raw.meta)
    if raw.fmt == "html" or (raw.fmt == "json" and regex.match(r"\s*<(!doctype|html|body|div|p)\b", text, regex.I)):
        text, html_meta = html_to_text(text)
        text = normalize(text)
        for k, v in html_meta.items():
            meta.setdefault(k, v)
    text = strip_furniture(text)
    if not text.strip():
        raise CleanError("no text left after cleaning")
    if len(text) > MAX_TEXT_CHARS:
        raise CleanError(f"text too long ({len(text)} characters > {MAX_TEXT_CHARS})")
    f = furniture()
    # the author's and the outlet's cues are looked for in one lower-case copy (when either is looked for)
    low = None if meta.get("author") and meta.get("outlet") else text.lower()
    published = None
    if meta.get("published"):
        published = parse_date_string(str(meta["published"]))
    if published is None:
        found = _first_match(f.published, text[:5000], "date")
        published = parse_date_string(found) if found else None
    return Document.of_text(
        text, raw.source_path,
        title=(meta.get("title") or guess_title(text)),
        published=published,
        author=meta.get("author") or _first_match(f.author, text, "name", low),
        outlet=meta.get("outlet") or _first_match(f.outlet, text, "name", low),
        kind=detect_kind(text),
        source=raw.source,
    )


__all__ = ["clean", "CleanError", "parse_date_string"]
