"""`vietmine show DOC`: a document's text with every extracted fact highlighted by kind."""
from __future__ import annotations

import difflib
import html

from vietmine.errors import UnknownDocument

KIND_SQL = {
    "legal_refs": "SELECT start_char, end_char, coalesce(code, doc_type || ' ' || number) FROM legal_refs WHERE doc_id = ?",
    "counts": "SELECT start_char, end_char, cmp || ' ' || value || CASE WHEN is_percent THEN '%' ELSE '' END || ' ' || entity FROM counts WHERE doc_id = ?",
    "amounts": "SELECT start_char, end_char, value || ' ' || unit FROM amounts WHERE doc_id = ?",
    "places": "SELECT start_char, end_char, level || ' ' || name || coalesce(' #' || admin_code, '') FROM places WHERE doc_id = ?",
    "dates": "SELECT start_char, end_char, precision || ' ' || value || ' ' || role FROM dates WHERE doc_id = ?",
    "people": "SELECT start_char, end_char, name || coalesce(', ' || position, '') FROM people WHERE doc_id = ?",
}
ANSI = {"legal_refs": "1;34", "counts": "1;32", "amounts": "32", "places": "1;35", "dates": "1;33", "people": "1;36"}
CSS = {"legal_refs": "#cfe2ff", "counts": "#d1e7dd", "amounts": "#e9f5ee", "places": "#f3d9fa", "dates": "#fff3cd",
       "people": "#cff4fc"}


def find_document(con, key: str) -> tuple[str, str]:
    """A document by doc_id, source path, or file name; else an error naming the closest ids."""
    rows = con.execute("SELECT doc_id, source_path, text FROM documents").fetchall()
    for doc_id, path, text in rows:
        if key in (doc_id, path) or path.endswith("/" + key) or path.endswith("#" + key):
            return doc_id, text
    names = [r[0] for r in rows] + [r[1].rsplit("/", 1)[-1] for r in rows]
    close = difflib.get_close_matches(key, names, n=3, cutoff=0.4)
    hint = f"; did you mean {', '.join(close)}?" if close else "; list them with: vietmine sql \"SELECT doc_id, source_path FROM documents\""
    raise UnknownDocument(f"no document '{key}'{hint}")


def spans(con, doc_id: str) -> list[tuple[int, int, str, str]]:
    out = []
    for kind, sql in KIND_SQL.items():
        out += [(s, e, kind, label) for s, e, label in con.execute(sql, [doc_id]).fetchall()]
    # outermost first, so nested facts (a date inside a reference) do not break the markup
    return sorted(out, key=lambda x: (x[0], -x[1]))


def _non_overlapping(items):
    last_end = -1
    for s, e, kind, label in items:
        if s >= last_end:
            yield s, e, kind, label
            last_end = e


def render_terminal(text: str, items, color: bool = True) -> str:
    out, pos = [], 0
    for s, e, kind, label in _non_overlapping(items):
        out.append(text[pos:s])
        out.append(f"\x1b[{ANSI[kind]}m[{text[s:e]}]\x1b[0m" if color else f"[{text[s:e]}|{kind}: {label}]")
        pos = e
    out.append(text[pos:])
    legend = "  ".join(f"\x1b[{c}m{k}\x1b[0m" if color else k for k, c in ANSI.items())
    return "".join(out) + "\n\n" + legend


def render_html(text: str, items, title: str) -> str:
    out, pos = [], 0
    for s, e, kind, label in _non_overlapping(items):
        out.append(html.escape(text[pos:s]))
        out.append(f'<mark class="{kind}" title="{html.escape(kind)}: {html.escape(str(label))}">{html.escape(text[s:e])}</mark>')
        pos = e
    out.append(html.escape(text[pos:]))
    css = "".join(f"mark.{k}{{background:{c}}}" for k, c in CSS.items())
    legend = " ".join(f'<mark class="{k}">{k}</mark>' for k in CSS)
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(title)}</title>"
            f"<style>body{{font-family:sans-serif;max-width:900px;margin:2em;white-space:pre-wrap}}{css}</style></head>"
            f"<body><p>{legend}</p>{''.join(out)}</body></html>")
