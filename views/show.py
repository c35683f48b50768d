"""`vietmine show DOC`: a document's text with every extracted fact labelled, in the terminal or as
an HTML page drawn by displaCy's span visualiser (overlapping facts as stacked lines)."""
from __future__ import annotations

import difflib
import html

from vietmine.errors import UnknownDocument, VietmineError
from vietmine.spacy_component import LABELS, TABLES

ANSI = {"legal_refs": "1;34", "legal_links": "34", "counts": "1;32", "amounts": "32", "places": "1;35",
        "dates": "1;33", "periods": "33", "people": "1;36", "organizations": "36", "abbreviations": "2"}
COLORS = {"legal_refs": "#9ec5fe", "legal_links": "#c5d9f9", "counts": "#a3cfbb", "amounts": "#d1e7dd",
          "places": "#e2b6f4", "dates": "#ffda6a", "periods": "#ffe9a6", "people": "#9eeaf9",
          "organizations": "#f1aeb5", "abbreviations": "#ced4da"}
LINE_MARK = "\ue000"  # stands for a line break inside displaCy's markup (it collapses whitespace)


def _num(v) -> str:
    return str(v)


def describe(table: str, f: dict) -> str:
    """What a fact says, in a few words (the label shown next to it)."""
    if table == "legal_refs":
        return f.get("code") or f"{f.get('doc_type')} {f.get('number')}"
    if table == "legal_links":
        return f"{f.get('relation')} → {f.get('dst_code')}"
    if table == "counts":
        return f"{f['cmp']} {_num(f['value'])}{'%' if f.get('is_percent') else ''} {f['entity']}"
    if table == "amounts":
        return f"{_num(f['value'])} {f['unit']}"
    if table == "places":
        return f"{f['level']} {f['name']}" + (f" #{f['admin_code']}" if f.get("admin_code") else "")
    if table == "dates":
        return f"{f['precision']} {f['value']} {f['role']}"
    if table == "periods":
        return f"{f['kind']} {f['start_date']}–{f.get('end_date') or '…'}"
    if table == "people":
        return f["name"] + (f", {f['position']}" if f.get("position") else "")
    if table == "organizations":
        return f.get("normalized") or f["name"]
    if table == "abbreviations":
        return f"{f['short']} = {f['expansion']}"
    return ""


def short_label(table: str, f: dict) -> str:
    """The label drawn over a fact in the HTML view: its kind and the one value that identifies it
    (the full description is in the table under the text)."""
    detail = {"legal_refs": f.get("code"), "legal_links": f.get("relation"),
              "counts": f"{f.get('value'):g}{'%' if f.get('is_percent') else ''}" if table == "counts" else None,
              "amounts": f"{f.get('value'):g} {f.get('unit')}" if table == "amounts" else None,
              "places": f.get("admin_code"), "dates": f.get("value"), "periods": f.get("kind")}.get(table)
    return f"{LABELS[table]} {detail}" if detail not in (None, "") else LABELS[table]


def parse_kinds(value: str | None) -> list[str]:
    """--kinds: comma-separated table names (singular and label forms accepted: place, PLACE)."""
    if not value:
        return list(TABLES)
    aliases = {t: t for t in TABLES}
    aliases.update({lab.lower(): t for t, lab in LABELS.items()})
    aliases.update({t.rstrip("s"): t for t in TABLES})
    aliases.update({"orgs": "organizations", "org": "organizations", "person": "people", "abbrs": "abbreviations",
                    "links": "legal_links", "refs": "legal_refs"})
    out, bad = [], []
    for k in (x.strip().lower() for x in value.split(",") if x.strip()):
        (out.append(aliases[k]) if k in aliases else bad.append(k))
    if bad:
        raise VietmineError(f"unknown kind(s) {', '.join(bad)}; choose among {', '.join(TABLES)}")
    return out


def find_document(con, key: str) -> tuple[str, str]:
    """A document by doc_id, source path or file name; else an error naming the closest ids."""
    rows = con.execute("SELECT doc_id, source_path, text FROM documents").fetchall()
    for doc_id, path, text in rows:
        if key in (doc_id, path) or path.endswith("/" + key) or path.endswith("#" + key):
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
    """Facts in brackets; a fact inside another one is listed under the text instead."""
    out, pos, shown = [], 0, set()
    for s, e, kind, label in _non_overlapping(items):
        out.append(text[pos:s])
        out.append(f"\x1b[{ANSI[kind]}m[{text[s:e]}]\x1b[0m" if color else f"[{text[s:e]}|{kind}: {label}]")
        shown.add((s, e, kind, label))
        pos = e
    out.append(text[pos:])
    nested = [i for i in items if i not in shown]
    extra = ""
    if nested:
        extra = "\n\nnested facts:\n" + "\n".join(f"  {text[s:e]!r} {kind}: {label}" for s, e, kind, label in nested)
    legend = "  ".join(f"\x1b[{ANSI[k]}m{k}\x1b[0m" if color else k for k in (kinds or TABLES))
    return "".join(out) + extra + "\n\n" + legend


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
                colors[label] = COLORS[table]
            rows.append((int(f["start_char"]), table, f))
    table_html = "".join(
        f'<tr><td>{s}</td><td style="background:{COLORS[t]}">{LABELS[t]}</td>'
        f'<td>{html.escape(record["text"][s:int(f["end_char"])])}</td><td>{html.escape(describe(t, f))}</td></tr>'
        for s, t, f in sorted(rows, key=lambda r: (r[0], TABLES.index(r[1]))))
    facts_block = ('<section style="font-family:sans-serif;margin:1em 2em"><h3>Facts</h3>'
                   '<table class="facts" style="border-collapse:collapse"><tr><th>offset</th><th>kind</th>'
                   f'<th>text</th><th>what it says</th></tr>{table_html}</table></section>')
    doc.spans["vietmine"] = spans_
    page = displacy.render(doc, style="span", page=True, minify=False,
                           options={"spans_key": "vietmine", "colors": colors})
    legend = " ".join(f'<span style="background:{COLORS[t]};padding:1px 4px;border-radius:3px">'
                      f'{LABELS[t]} ({len(facts.get(t, []))})</span>' for t in kinds)
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
