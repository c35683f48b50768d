"""`vietmine show DOC`: a document's text with every extracted fact labelled, in the terminal or as
an HTML page of the text exactly as stored with a coloured line under each fact (overlapping facts
as stacked lines, as displaCy's span view draws them)."""
from __future__ import annotations

import difflib
import html

from vietmine.corpus.sources import SourceKey
from vietmine.errors import UnknownDocument, VietmineError
from vietmine.facts import KINDS, TABLES
from vietmine.views.rows import existing_tables, facts_of

KINDS_BY_TABLE = {k.table: k for k in KINDS}


def describe(table: str, f: dict) -> str:
    """What a fact says, in a few words (the label shown next to it)."""
    return KINDS_BY_TABLE[table].describe(f)


def short_label(table: str, f: dict) -> str:
    """The label drawn over a fact in the HTML view: its kind and the one value that identifies it
    (the full description is in the table under the text)."""
    kind = KINDS_BY_TABLE[table]
    detail = kind.detail(f) if kind.detail else None
    return f"{kind.label} {detail}" if detail not in (None, "") else kind.label


def parse_kinds(value: str | None) -> list[str]:
    """--kinds: comma-separated table names (singular and label forms accepted: place, PLACE)."""
    if not value:
        return list(TABLES)
    aliases = {name: k.table for k in KINDS for name in k.names}
    out, bad = [], []
    for k in (x.strip().lower() for x in value.split(",") if x.strip()):
        (out.append(aliases[k]) if k in aliases else bad.append(k))
    if bad:
        raise VietmineError(f"unknown kind(s) {', '.join(bad)}; choose among {', '.join(TABLES)}")
    return out


def find_document(con, key: str) -> tuple[str, str]:
    """A document by doc_id, source path or file name; else an error naming the closest ids."""
    rows = con.execute("SELECT doc_id, source_path, source_key, text FROM documents").fetchall()
    for doc_id, path, source_key, text in rows:
        source = SourceKey.parse(source_key)
        # by doc_id, path as given, file name, a feed article's id, or its '#line' as shown
        if key in (doc_id, path, source.item) or path.endswith(("/" + key, "#" + key)):
            return doc_id, text
    names = [r[0] for r in rows] + [r[1].rsplit("/", 1)[-1] for r in rows]
    close = difflib.get_close_matches(key, names, n=3, cutoff=0.4)
    hint = f"; did you mean {', '.join(close)}?" if close else "; list them with: vietmine sql \"SELECT doc_id, source_path FROM documents\""
    raise UnknownDocument(f"no document '{key}'{hint}")


def spans(con, doc_id: str, kinds: list[str] | None = None) -> list[tuple[int, int, str, str]]:
    """(start, end, table, description) of every fact of a document, outermost first."""
    tables = [t for t in existing_tables(con) if kinds is None or t in kinds]
    out = [(f["start_char"], f["end_char"], table, describe(table, f))
           for table, rows in facts_of(con, [doc_id], tables)[doc_id].items() for f in rows]
    # outermost first, so nested facts (a date inside a reference) do not break the terminal markup
    return sorted(out, key=lambda x: (x[0], -x[1], TABLES.index(x[2])))


def _non_overlapping(items):
    """Outermost facts first, links last: a link spans both references it joins."""
    chosen: list[tuple] = []
    for item in [i for i in items if i[2] != "legal_links"] + [i for i in items if i[2] == "legal_links"]:
        if all(item[1] <= c[0] or item[0] >= c[1] for c in chosen):
            chosen.append(item)
    return sorted(chosen)


def render_terminal(text: str, items, color: bool = True, kinds: list[str] | None = None) -> str:
    """Facts in brackets, in their kind's style on a terminal (drawn by rich) or, without colour,
    with their kind and what they say; a fact inside another one is listed under the text instead."""
    from rich.console import Console
    from rich.text import Text

    out, pos, shown = Text(), 0, set()
    for s, e, kind, label in _non_overlapping(items):
        out.append(text[pos:s])
        if color:
            out.append(f"[{text[s:e]}]", style=KINDS_BY_TABLE[kind].style)
        else:
            out.append(f"[{text[s:e]}|{kind}: {label}]")
        shown.add((s, e, kind, label))
        pos = e
    out.append(text[pos:])
    nested = [i for i in items if i not in shown]
    if nested:
        out.append("\n\nnested facts:\n" + "\n".join(f"  {text[s:e]!r} {kind}: {label}" for s, e, kind, label in nested))
    out.append("\n\n")
    for k in kinds or TABLES:
        out.append(k, style=KINDS_BY_TABLE[k].style if color else None)
        out.append("  ")
    out.rstrip()
    console = Console(force_terminal=color, no_color=not color, color_system="standard" if color else None,
                      soft_wrap=True, width=1 << 16, highlight=False, emoji=False, markup=False)
    with console.capture() as captured:
        console.print(out, end="")
    return captured.get()


def _header(meta: dict, n_facts: int) -> str:
    rows = "".join(f"<tr><th>{html.escape(k)}</th><td>{html.escape(str(meta.get(k) or '—'))}</td></tr>"
                   for k in ("title", "published", "outlet", "source_path", "doc_id"))
    return (f'<header style="font-family:sans-serif;margin:1em 2em"><table style="border-collapse:collapse;'
            f'text-align:left">{rows}<tr><th>facts</th><td>{n_facts}</td></tr></table></header>')


BAR_PX = 5  # height of one fact's line under the text, gap included

PAGE = """<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8"><title>{title}</title><style>
body{{margin:0;font-family:sans-serif}}
.text{{white-space:pre-wrap;font:16px/calc(1.7em + {bars}px) serif;margin:1em 2em;max-width:60em}}
.text .f{{padding-bottom:{bars}px}}
.text .lab::after{{content:attr(data-l);font:bold 10px sans-serif;background:var(--c);border-radius:3px;
  padding:0 3px;margin:0 1px;vertical-align:super}}
table.facts td,table.facts th{{border:1px solid #ddd;padding:2px 6px;text-align:left}}
</style></head><body>{top}<div class="text">{body}</div>{facts}</body></html>
"""


def _slots(items) -> list[int]:
    """A line under the text for each fact, as displaCy stacks them: outer facts first, each on
    the first line no overlapping fact already holds."""
    order = sorted(range(len(items)),
                   key=lambda i: (items[i][0], -(items[i][1] - items[i][0]), TABLES.index(items[i][2])))
    slots = [0] * len(items)
    placed: list[int] = []
    for i in order:
        taken = {slots[j] for j in placed if items[j][0] < items[i][1] and items[i][0] < items[j][1]}
        slots[i] = next(k for k in range(len(taken) + 1) if k not in taken)
        placed.append(i)
    return slots


def _marked_text(text: str, items, slots: list[int]) -> str:
    """The text exactly as stored (every character, space and line break; pre-wrap), cut at every
    fact's ends: each piece under facts carries a coloured line per fact and their descriptions
    on hover, and each fact's label follows its last piece as generated CSS content, so the page's
    text is the document's text."""
    bounds = sorted({0, len(text), *(i[0] for i in items), *(i[1] for i in items)})
    out = []
    for a, b in zip(bounds, bounds[1:]):
        piece = html.escape(text[a:b], quote=False)
        over = [(k, item) for k, item in zip(slots, items) if item[0] <= a and b <= item[1]]
        if not over:
            out.append(piece)
            continue
        bars = ",".join(f"linear-gradient({KINDS_BY_TABLE[t].color},{KINDS_BY_TABLE[t].color}) left 0 bottom "
                        f"{k * BAR_PX}px/100% {BAR_PX - 1}px no-repeat" for k, (_, _, t, _, _) in sorted(over))
        hover = html.escape("; ".join(f"{KINDS_BY_TABLE[t].label}: {d}" for _, (_, _, t, _, d) in sorted(over)))
        out.append(f'<span class="f" style="background:{bars}" title="{hover}">{piece}</span>')
        for _, (_, end, t, label, _) in sorted(over):
            if end == b:
                out.append(f'<span class="lab" data-l="{html.escape(label)}" style="--c:{KINDS_BY_TABLE[t].color}">'
                           "</span>")
    return "".join(out)


def render_html(record: dict, facts: dict[str, list[dict]], kinds: list[str] | None = None) -> str:
    """A full HTML page: metadata on top, the document's text exactly with a labelled line under
    every fact, then a table of the facts."""
    kinds = kinds or list(TABLES)
    text = record["text"] or ""
    items, rows = [], []
    for table in kinds:
        for f in facts.get(table, []):
            s, e = int(f["start_char"]), int(f["end_char"])
            if 0 <= s < e <= len(text):
                items.append((s, e, table, short_label(table, f), describe(table, f)))
            rows.append((s, table, f))
    slots = _slots(items)
    table_html = "".join(
        f'<tr><td>{s}</td><td style="background:{KINDS_BY_TABLE[t].color}">{KINDS_BY_TABLE[t].label}</td>'
        f'<td>{html.escape(text[s:int(f["end_char"])])}</td><td>{html.escape(describe(t, f))}</td></tr>'
        for s, t, f in sorted(rows, key=lambda r: (r[0], TABLES.index(r[1]))))
    facts_block = ('<section style="font-family:sans-serif;margin:1em 2em"><h3>Facts</h3>'
                   '<table class="facts" style="border-collapse:collapse"><tr><th>offset</th><th>kind</th>'
                   f'<th>text</th><th>what it says</th></tr>{table_html}</table></section>')
    legend = " ".join(f'<span style="background:{KINDS_BY_TABLE[t].color};padding:1px 4px;border-radius:3px">'
                      f'{KINDS_BY_TABLE[t].label} ({len(facts.get(t, []))})</span>' for t in kinds)
    top = f'{_header(record, len(items))}<p style="font-family:sans-serif;margin:0 2em">{legend}</p>'
    title = html.escape(str(record.get("title") or record.get("source_path") or record.get("doc_id")))
    return PAGE.format(title=title, bars=(max(slots, default=-1) + 1) * BAR_PX, top=top,
                       body=_marked_text(text, items, slots), facts=facts_block)
