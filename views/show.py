"""`vietmine show DOC`: a document's text with every extracted fact labelled, in the terminal or as
an HTML page drawn by displaCy's span visualiser (overlapping facts as stacked lines)."""
from __future__ import annotations

import difflib
import html

from vietmine.corpus.sources import SourceKey
from vietmine.errors import UnknownDocument, VietmineError
from vietmine.facts import KINDS, TABLES

LINE_MARK = "\ue000"  # stands for a line break inside displaCy's markup (it collapses whitespace)
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
    from vietmine.views.docbin import existing_tables, facts_of

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


def render_html(record: dict, facts: dict[str, list[dict]], kinds: list[str] | None = None) -> str:
    """A full HTML page: metadata on top, then the text with a labelled line under every fact."""
    from spacy import displacy
    from spacy.tokens import Doc

    from vietmine.spacy_component import blank

    kinds = kinds or list(TABLES)
    nlp = blank()
    tokens = nlp.make_doc(record["text"] or "")
    # same tokens, line breaks replaced by a marker (same length, so offsets still hold)
    doc = Doc(nlp.vocab, words=[t.text.replace("\n", LINE_MARK) for t in tokens],
              spaces=[bool(t.whitespace_) for t in tokens])
    spans_, colors, rows = [], {}, []
    for table in kinds:
        for f in facts.get(table, []):
            # displaCy writes labels and ids into the page unescaped
            label = html.escape(short_label(table, f))
            sp = doc.char_span(int(f["start_char"]), int(f["end_char"]), label=label, alignment_mode="expand")
            if sp is not None:
                spans_.append(sp)
                colors[label] = KINDS_BY_TABLE[table].color
            rows.append((int(f["start_char"]), table, f))
    table_html = "".join(
        f'<tr><td>{s}</td><td style="background:{KINDS_BY_TABLE[t].color}">{KINDS_BY_TABLE[t].label}</td>'
        f'<td>{html.escape(record["text"][s:int(f["end_char"])])}</td><td>{html.escape(describe(t, f))}</td></tr>'
        for s, t, f in sorted(rows, key=lambda r: (r[0], TABLES.index(r[1]))))
    facts_block = ('<section style="font-family:sans-serif;margin:1em 2em"><h3>Facts</h3>'
                   '<table class="facts" style="border-collapse:collapse"><tr><th>offset</th><th>kind</th>'
                   f'<th>text</th><th>what it says</th></tr>{table_html}</table></section>')
    doc.spans["vietmine"] = spans_
    page = displacy.render(doc, style="span", page=True, minify=False,
                           options={"spans_key": "vietmine", "colors": colors})
    legend = " ".join(f'<span style="background:{KINDS_BY_TABLE[t].color};padding:1px 4px;border-radius:3px">'
                      f'{KINDS_BY_TABLE[t].label} ({len(facts.get(t, []))})</span>' for t in kinds)
    top = f'{_header(record, len(spans_))}<p style="font-family:sans-serif;margin:0 2em">{legend}</p>'
    page = page.replace(LINE_MARK, "<br>")
    # one line per label: displaCy's label boxes are as wide as the word under them
    page = page.replace("</head>", "<style>.spans span span span{white-space:nowrap}"
                        "table.facts td,table.facts th{border:1px solid #ddd;padding:2px 6px;text-align:left}</style>"
                        "</head>", 1)
    page = page.replace("</body>", facts_block + "</body>", 1)
    title = html.escape(str(record.get("title") or record.get("source_path") or record.get("doc_id")))
    page = page.replace("<title>displaCy</title>", f"<title>{title}</title>", 1)
    head, sep, rest = page.partition("<body")
    body_open, gt, body = rest.partition(">")
    return head + sep + body_open + gt + top + body
