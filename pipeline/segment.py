"""Segment stage: sentence spans (start, end) over the document text.

Lines are first joined into blocks: a line break ends a sentence unless the line plainly goes on
(gazette and PDF text wraps lines mid-sentence and titles over several upper-case lines); list
items, headings, table rows and the type line of a legal text always start anew. Inside a block,
underthesea's sentence tokenizer splits sentences (its rules, read here without its per-character
loop: `_punkt_spans`). Layout rules: gazetteer/data/segment.json."""
from __future__ import annotations

import functools
import re

import regex

from vietmine.gazetteer import load_json
from vietmine.gazetteer.cache import persistent

class _Layout:
    def __init__(self):
        cfg = load_json("segment.json")
        self.item = regex.compile(rf"\s*(?:{cfg['item_start']})")
        self.heading = regex.compile(rf"\s*(?:{cfg['heading_start']})")
        self.furniture = regex.compile(rf"\s*(?:{cfg['page_furniture']})\s*$")
        self.ends = set(cfg["sentence_end"])
        self.goes_on = set(cfg["continues_after"])
        self.number_word = regex.compile(rf"(?:{cfg['number_word']})$")
        words = "|".join(regex.escape(w) for w in sorted(cfg["open_words"], key=len, reverse=True))
        self.open_end = regex.compile(rf"(?<!\p{{L}})(?:{words})$")
        legal = load_json("legal.json")
        verbs = "|".join(v["pattern"] for v in legal["link_verbs"])
        self.verb_end = regex.compile(rf"(?i)(?<!\p{{L}})(?:{verbs})$")
        types = sorted({t["word"] for t in legal["types"]}, key=len, reverse=True)
        self.type_start = regex.compile(rf"(?:{'|'.join(map(regex.escape, types))})(?!\p{{L}})")
        self.wrap = cfg["wrap"]
        # the type line above a legal text's title ("THÔNG TƯ", "QUYẾT ĐỊNH")
        upper = sorted({t.upper() for t in types}, key=len, reverse=True)
        self.type_line = regex.compile(rf"\s*(?:{'|'.join(map(regex.escape, upper))})\s*$")


@persistent("segment-rules", _Layout)
def layout() -> _Layout:
    return _Layout()


def _upper(s: str) -> bool:
    return any(c.isalpha() for c in s) and not any(c.islower() for c in s)


def _wrap_width(lines: list[str]) -> float | None:
    """The width a hard-wrapped text is wrapped at, or None when its lines are paragraphs."""
    w = layout().wrap
    lengths = sorted(len(s.strip()) for s in lines if s.strip())
    if len(lengths) < w["min_lines"]:
        return None
    p90, median = lengths[int(len(lengths) * 0.9)], lengths[len(lengths) // 2]
    return p90 if p90 <= w["max_width"] and median >= w["median_share"] * p90 else None


def _joins(prev: str, nxt: str, blank_between: bool, width: float | None, in_title: bool) -> bool:
    """Whether line `nxt` continues the sentence of line `prev` (both stripped, non-empty)."""
    lay = layout()
    if lay.item.match(nxt) or lay.heading.match(nxt):
        return False
    if prev[0] == "|" or not any(c.isalnum() for c in prev) or not any(c.isalnum() for c in nxt):
        return False  # a table row; a rule line ("-------") under a header
    last = prev.rstrip("”\"')]»")[-1:] or prev[-1]
    if last in lay.ends:
        return False
    starts_lower = nxt[0].islower()
    if blank_between:  # a page break inside a sentence: the next line starts in lower case
        return starts_lower
    if starts_lower:
        return True
    if lay.heading.match(prev) or lay.type_line.match(prev):
        return False
    if in_title and _upper(prev) and _upper(nxt):
        return True  # a title wrapped over upper-case lines
    if prev[-1] in lay.goes_on or (nxt[0].isdigit() and lay.number_word.search(prev)) or lay.open_end.search(prev):
        return True  # "... của Bộ Công an," / "... Luật số" + "128/2025/QH15;" / "... một số điều của" + ...
    if lay.verb_end.search(prev) and lay.type_start.match(nxt):
        return True  # "... và thay thế" + "Thông tư 57/2019/TT-BCA ..."
    if width is None:
        return False  # one paragraph per line: a title line does not run into the lead
    # hard-wrapped text: a number or a parenthesis on the next line goes on; so does a full line
    return nxt[0].isdigit() or nxt[0] == "(" or len(prev) >= lay.wrap["full_share"] * width


def _lines(text: str) -> list[tuple[int, int]]:
    out, start = [], 0
    while start <= len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        out.append((start, end))
        start = end + 1
    return out


def blocks(text: str) -> list[tuple[int, int]]:
    """Spans of joined lines: each span holds whole sentences (a line break inside it is soft)."""
    lay = layout()
    lines = _lines(text)
    width = _wrap_width([text[s:e] for s, e in lines])
    out: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    furniture: list[tuple[int, int]] = []  # page furniture lines after `cur`, not yet placed
    prev, blank, in_title = "", False, False
    for s, e in lines:
        line = text[s:e].strip()
        if not line:
            blank = True
            continue
        if cur is not None and lay.furniture.match(line):
            furniture.append((s, e))  # decided by the next line of text
            continue
        if cur is not None and _joins(prev, line, blank or bool(furniture), width, in_title):
            cur = (cur[0], e)
        else:
            if cur is not None:
                out.append(cur)
            out.extend(furniture)
            cur = (s, e)
            # a title's upper-case lines right under the type line ("THÔNG TƯ" / "SỬA ĐỔI, ...")
            in_title = bool(lay.type_line.match(prev)) and not blank and _upper(line)
        furniture = []
        prev, blank = line, False
    if cur is not None:
        out.append(cur)
    out.extend(furniture)
    return out


# splits that tell the installed tokenizer's rules from those read here (abbreviations, numbers,
# ellipses, "?!", quotes, line breaks)
_PROBES = ("Ông Nguyễn Văn A, TP. Hồ Chí Minh cho biết: giá 1.500.000 đồng... Tăng 2,5%! Vì sao?! Xong.",
           "Theo TS. Lê B (e.g. ở tp. Huế) ... và Th.S Trần C. “Được.” Hết …  Mới.\nDòng sau. a. b.. c... D",
           "Số 12/2020/NĐ-CP ngày 1.1.2020.Tiếp theo. Mr. X và Dr. Y đến lúc 10.30. Z")


@functools.cache
def _punkt_module():
    """underthesea's sentence tokenizer module (underthesea 9), loaded from its file on its own:
    the package's __init__ loads its whole toolkit (half a second of every ingest's start), the
    module only the standard library. None where the installed underthesea has no such module."""
    import importlib.util
    from pathlib import Path

    spec = importlib.util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "pipeline" / "sent_tokenize" / "__init__.py"
    if not path.is_file():
        return None
    own = importlib.util.spec_from_file_location("vietmine.pipeline._punkt", path)
    module = importlib.util.module_from_spec(own)
    own.loader.exec_module(module)
    return module


def sent_tokenize(text: str) -> list[str]:
    """underthesea's sent_tokenize (its module alone where it can be loaded so)."""
    module = _punkt_module()
    if module is None:
        from underthesea import sent_tokenize as tokenize

        return tokenize(text)
    return module.sent_tokenize(text)


@functools.cache
def _punkt_abbreviations() -> frozenset | None:
    """The abbreviations of underthesea's Punkt-style tokenizer (underthesea 9), or None when the
    installed underthesea splits otherwise (then its sent_tokenize is called)."""
    try:
        punkt = _punkt_module()
        punkt._load_model()
        tokenizer = punkt.sentence_tokenizer
        if type(tokenizer).__name__ == "PunktSentenceTokenizer" and tokenizer.SENT_END_CHARS == frozenset(".?!"):
            abbreviations = frozenset(tokenizer.abbrev_types)
            if all(_punkt_spans(t, abbreviations) == _tokenizer_spans(t) for t in _PROBES):
                return abbreviations
    except (ImportError, AttributeError, OSError, SyntaxError):
        pass
    return None


_SENT_END = re.compile(r"[.?!]")
_BREAK_SPACE = " \t\n\r"


def _stripped(text: str, a: int, b: int, out: list) -> None:
    piece = text[a:b]
    kept = piece.lstrip()
    if kept:
        a += len(piece) - len(kept)
        out.append((a, a + len(kept.rstrip())))


def _punkt_spans(text: str, abbreviations: frozenset) -> list[tuple[int, int]]:
    """The spans of the sentences underthesea's sent_tokenize returns for `text` (underthesea 9's
    PunktSentenceTokenizer.sentences_from_text, step for step), jumping from one [.?!] to the next
    instead of testing every character (it cost a sixth of the pipeline)."""
    out: list[tuple[int, int]] = []
    if not text or text.isspace():
        return out
    n, start, i = len(text), 0, 0
    search = _SENT_END.search
    while True:
        m = search(text, i)
        if m is None:
            break
        i = m.start()
        if text[i] == ".":
            dot_end = i + 1
            while dot_end < n and text[dot_end] == ".":
                dot_end += 1
            if dot_end - i >= 3:  # an ellipsis ends a sentence at the end or before a capital
                after = dot_end
                while after < n and text[after] in " \t":
                    after += 1
                if after >= n or text[after].isupper():
                    _stripped(text, start, dot_end, out)
                    while dot_end < n and text[dot_end] in _BREAK_SPACE:
                        dot_end += 1
                    start = dot_end
                i = dot_end
                continue
            if 0 < i < n - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
                i += 1  # "1.500.000", "15.12.2025"
                continue
            w = i - 1  # the word before the point, points included ("e.g")
            while w >= 0 and (text[w].isalnum() or text[w] == "."):
                w -= 1
            if w + 1 < i and text[w + 1:i].lower() in abbreviations:
                i += 1
                continue
        end = i + 1
        while end < n and text[end] in ".?!":
            end += 1
        _stripped(text, start, end, out)
        while end < n and text[end] in _BREAK_SPACE:
            end += 1
        start = i = end
    _stripped(text, start, n, out)
    return out


def _tokenizer_spans(text: str) -> list[tuple[int, int]]:
    """The spans of sent_tokenize's sentences, found in the text in order."""
    out, cursor = [], 0
    for sent in sent_tokenize(text):
        i = text.find(sent, cursor)
        if i < 0:  # the tokenizer altered the text: the whole remainder
            out.append((cursor, len(text)))
            break
        out.append((i, i + len(sent)))
        cursor = i + len(sent)
    return out


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    abbreviations = _punkt_abbreviations()
    furniture = layout().furniture
    for base, end in blocks(text):
        lines = text[base:end].split("\n")
        # the tokenizer reads a soft line break as a space and page furniture inside the block as
        # blank (same length: offsets are kept)
        flat = " ".join([lines[0]] + [" " * len(ln) if furniture.match(ln) else ln for ln in lines[1:]])
        found = _punkt_spans(flat, abbreviations) if abbreviations is not None else _tokenizer_spans(flat)
        spans += [(base + a, base + b) for a, b in found]
    return spans or [(0, len(text))]


def segment(doc):
    doc.sentences = sentence_spans(doc.text)
    return doc
