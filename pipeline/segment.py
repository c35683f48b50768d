"""Segment stage: sentence spans (start, end) over the document text, using underthesea's
sentence tokenizer inside each line (a line break always ends a sentence in these sources)."""
from __future__ import annotations

import regex
from underthesea import sent_tokenize

_LINE = regex.compile(r"[^\n]+")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        if not line.group().strip():
            continue
        base, cursor = line.start(), 0
        s = line.group()
        for sent in sent_tokenize(s):
            i = s.find(sent, cursor)
            if i < 0:  # the tokenizer altered the text: fall back to the whole remainder
                spans.append((base + cursor, line.end()))
                cursor = len(s)
                break
            spans.append((base + i, base + i + len(sent)))
            cursor = i + len(sent)
    return spans or [(0, len(text))]


def segment(doc):
    doc.sentences = sentence_spans(doc.text)
    return doc
