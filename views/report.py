"""`vietmine report`: one self-contained HTML page (plotly's JavaScript and the map outline are
embedded; the page fetches nothing when it opens). Every panel says in a sentence what it shows
and where the numbers come from; a panel with nothing to show says why instead of drawing empty
axes. Sections: corpus, citations, the directive network (filters by issuer, type and year; a click
lists a document's links with their whole evidence sentences), counts, and a map of provinces on
an outline of Viet Nam."""
from __future__ import annotations

import html
import json
import math
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import networkx as nx
import plotly.colors as pcolors
import plotly.graph_objects as go
from plotly.io import to_html

from vietmine.facts import KINDS
from vietmine.views.graph import build_graph

YEAR_RANGE = (1975, 2040)  # counts' years outside it are historical asides, not what the corpus reports
LABELLED_NODES = 25  # network labels drawn for the most cited documents; the rest on hover
MAP_SOURCE = ("Outline of Viet Nam: Natural Earth 10m admin-0 (public domain). Province areas: Voronoi cells of the "
              "ward points of vietnamadminunits (MIT) clipped to the outline, so their borders are approximate; "
              "provinces as before the 2025 merger (63). Hoàng Sa and Trường Sa are drawn as points.")


@dataclass
class Panel:
    title: str
    note: str                      # what the panel shows, or why it is empty
    fig: go.Figure | None = None
    div_id: str | None = None
    before_html: str = ""          # controls above the figure (network filters)
    after_html: str = ""           # boxes and scripts below it


# ---------------------------------------------------------------------------------------------- data
DOC_YEAR_SQL = """
WITH pub AS (SELECT doc_id, min(value) AS d FROM dates WHERE role = 'published' GROUP BY doc_id)
SELECT doc_id, coalesce(year(published), year(pub.d))::INTEGER AS year,
       published IS NOT NULL AS from_metadata
FROM documents LEFT JOIN pub USING (doc_id)
"""


def _rows(con, sql: str, params=None) -> list[tuple]:
    return con.execute(sql, params or []).fetchall()


@cache
def _province_names() -> dict[str, str]:
    from vietmine.gazetteer.places import gazetteer

    return {u.code: u.name for u in gazetteer().units if u.tier == "province" and u.era == "2024"}


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _slug(title: str) -> str:
    return re.sub(r"\W+", "-", title.lower()).strip("-")


def _year_axis(fig: go.Figure, years) -> None:
    """Years as whole numbers in order: no 2,011.5 ticks, no thousands separator."""
    years = [int(y) for y in years]
    span = (max(years) - min(years)) if years else 0
    fig.update_xaxes(type="linear", tickformat="d", dtick=max(1, math.ceil((span + 1) / 15)),
                     range=[min(years) - 0.6, max(years) + 0.6] if years else None)


def _bar(labels, values, title: str, horizontal: bool = False, height: int = 380) -> go.Figure:
    if horizontal:  # long labels (codes, outlets) read better down the side, largest on top
        fig = go.Figure(go.Bar(y=list(labels)[::-1], x=list(values)[::-1], orientation="h"))
        fig.update_layout(height=max(height, 24 * len(labels) + 80), margin=dict(l=220, r=20, t=50, b=40))
    else:
        fig = go.Figure(go.Bar(x=list(labels), y=list(values)))
        fig.update_layout(height=height, margin=dict(l=50, r=20, t=50, b=80))
    fig.update_layout(title=title, width=560)
    return fig


# ------------------------------------------------------------------------------------------ corpus
def facts_panel(con) -> Panel:
    """Rows of every fact kind, in the kind's own colour (the colours of `vietmine show`)."""
    have = {t for (t,) in _rows(con, "SELECT table_name FROM information_schema.tables")}
    kinds = [k for k in KINDS if k.table in have]
    rows = [_rows(con, f'SELECT count(*) FROM "{k.table}"')[0][0] for k in kinds]
    fig = _bar([k.table for k in kinds], rows, "Facts by kind", horizontal=True)
    fig.update_traces(marker_color=[k.color for k in kinds][::-1], marker_line_color="#666", marker_line_width=1)
    return Panel("Facts by kind", f"{sum(rows):,} facts, one row each: " + "; ".join(
        f"{k.table}, {k.description}" for k in kinds) + ".", fig)


def corpus_panels(con) -> list[Panel]:
    n_docs = _rows(con, "SELECT count(*) FROM documents")[0][0]
    if n_docs == 0:
        return [Panel("Documents", "The database holds no documents yet: load some with `vietmine ingest`.")]
    panels = []
    kinds = _rows(con, "SELECT coalesce(kind, '(unknown)'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1")
    panels.append(Panel("Documents by kind", f"{_plural(n_docs, 'document')}, by the kind the reader assigned "
                        "(news, plan, directive, legal).", _bar(*zip(*kinds), "Documents by kind")))
    panels.append(facts_panel(con))
    outlets = _rows(con, "SELECT outlet, count(*) FROM documents WHERE outlet IS NOT NULL GROUP BY 1 "
                         "ORDER BY 2 DESC, 1 LIMIT 25")
    no_outlet = n_docs - sum(n for _, n in outlets) if outlets else n_docs
    if outlets:
        panels.append(Panel("Documents by outlet", "The 25 outlets with most documents"
                            + (f"; {_plural(no_outlet, 'document')} without an outlet or in smaller ones are not "
                               "shown." if no_outlet else "."), _bar(*zip(*outlets), "Documents by outlet", True)))
    else:
        panels.append(Panel("Documents by outlet", "No document names its outlet (plain text files carry no "
                            "outlet; JSON and HTML readers fill it when the source gives one)."))
    names = _province_names()
    provs = _rows(con, "SELECT main_province, count(*) FROM documents WHERE main_province IS NOT NULL "
                       "GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 25")
    if provs:
        panels.append(Panel("Documents by main province", "The province a document is mainly about (the one its "
                            "places name most), 25 largest.",
                            _bar([names.get(c, c) for c, _ in provs], [n for _, n in provs],
                                 "Documents by main province", True)))
    else:
        panels.append(Panel("Documents by main province", "No document names a province often enough to be "
                            "about one."))
    years = _rows(con, f"SELECT year, count(*), sum(from_metadata::INT) FROM ({DOC_YEAR_SQL}) "
                       "WHERE year IS NOT NULL GROUP BY 1 ORDER BY 1")
    dated = sum(n for _, n, _ in years)
    if years:
        fig = _bar([y for y, _, _ in years], [n for _, n, _ in years], "Documents by year of publication")
        _year_axis(fig, [y for y, _, _ in years])
        from_meta = sum(m for *_, m in years)
        note = (f"Year of publication of {_plural(dated, 'document')}: {from_meta:,} from the source's metadata, "
                f"{dated - from_meta:,} from a publication date found in the text.")
        if dated < n_docs:
            note += f" {_plural(n_docs - dated, 'document')} without either are not shown."
        panels.append(Panel("Documents by year", note, fig))
    else:
        panels.append(Panel("Documents by year", "No document has a publication date, neither in its metadata "
                            "nor in its text, so there is no year to plot."))
    return panels


# --------------------------------------------------------------------------------------- citations
def citation_panels(con) -> list[Panel]:
    top = _rows(con, "SELECT coalesce(code, registry_key), citing_documents FROM legal_documents "
                     "ORDER BY citing_documents DESC, mentions DESC, 1 LIMIT 15")
    if not top:
        return [Panel("Most cited documents", "No legal document is cited in the corpus (no reference such as "
                      "'Chỉ thị số 09-CT/TW' was found), so there is nothing to rank.")]
    panels = [Panel("Most cited documents", "Documents cited by the most documents of the corpus (one count per "
                    "citing document).", _bar(*zip(*top), "Most cited documents (citing documents)", True))]
    spread = _rows(con, f"""SELECT c.code, y.year, count(DISTINCT c.doc_id) FROM citations c
                           JOIN ({DOC_YEAR_SQL}) y USING (doc_id)
                           WHERE y.year IS NOT NULL AND c.registry_key IN (SELECT registry_key FROM legal_documents
                               ORDER BY citing_documents DESC, mentions DESC, registry_key LIMIT 5)
                           GROUP BY ALL ORDER BY 1, 2""")
    if not spread:
        panels.append(Panel("Citations over time", "The documents citing the five most cited ones have no "
                            "publication year, so their citations cannot be placed in time."))
        return panels
    fig = go.Figure()
    for code in dict.fromkeys(c for c, _, _ in spread):
        pts = [(y, n) for c, y, n in spread if c == code]
        fig.add_trace(go.Scatter(x=[y for y, _ in pts], y=[n for _, n in pts], mode="lines+markers", name=code))
    _year_axis(fig, [y for _, y, _ in spread])
    top_n = max(n for *_, n in spread)
    fig.update_yaxes(rangemode="tozero", tickformat="d", dtick=1 if top_n <= 10 else None)  # documents: whole
    fig.update_layout(title="Citations over time (five most cited)", height=380, width=560)
    panels.append(Panel("Citations over time", "Citing documents per year of publication, for the five most cited "
                        "documents.", fig))
    return panels


# ----------------------------------------------------------------------------------------- network
EVIDENCE_SQL = """
SELECT l.src_code, l.dst_code, l.src_key, l.dst_key, l.relation, d.source_path, d.title,
       (SELECT string_agg(substr(d.text, s.start_char + 1, s.end_char - s.start_char), ' ' ORDER BY s.start_char)
        FROM sentences s WHERE s.doc_id = l.doc_id AND s.end_char > l.start_char AND s.start_char < l.end_char)
       AS sentence, l.evidence
FROM legal_links l JOIN documents d USING (doc_id)
"""


def _whole_words(text: str) -> str:
    """A stored evidence excerpt that may be cut at a length: drop the partial word at its end."""
    text = (text or "").strip()
    if text and text[-1] not in ".!?;:)\"”»" and " " in text:
        text = text.rsplit(" ", 1)[0] + " …"
    return text


def link_evidence(con, g: nx.MultiDiGraph) -> dict[tuple, list[dict]]:
    """Whole sentences stating each link of the graph, by (source, target, relation) (the sentences
    holding the link's span)."""
    out: dict[tuple, list[dict]] = {}
    for src, dst, skey, dkey, rel, path, title, sentence, evidence in _rows(con, EVIDENCE_SQL):
        edge = next((e for e in ((skey, dkey), (src, dst)) if e[0] is not None and g.has_edge(*e)), None)
        if edge is None:
            continue
        out.setdefault((*edge, rel), []).append({"relation": rel, "sentence": sentence or _whole_words(evidence),
                                                 "source": f"{title} ({path})" if title else path})
    return out


def _node_label(g, n) -> str:
    return str(g.nodes[n].get("code") or n)


# ------------------------------------------------------------------------------ layered layout
ROW_MAX = 40           # documents side by side in one level of a component before it wraps
SHELF_UNITS = 12       # documents across the figure before the next components go below (~75 px each)
SHELF_GAP = 0.6        # units between shelves: room for the labels of the next shelf's top documents
NETWORK_WIDTH = 1100   # px of the figure; the layout packs components to fill it
LEGEND_PX = 170        # px the legend takes on the right of the plot
UNIT_PX = 50           # wanted px per layout unit down the page (levels stay readable)


def _levels(g: nx.DiGraph) -> dict:
    """Level of each document by direction: 0 for those that cite no other document of the network
    (Party directives, laws), one below the lowest document it cites for every other (the plans
    implementing them). Documents citing each other in a cycle share a level."""
    cond = nx.condensation(g)
    level: dict[int, int] = {}
    for c in reversed(list(nx.topological_sort(cond))):
        level[c] = 1 + max((level[d] for d in cond.successors(c)), default=-1)
    return {n: level[c] for n, c in cond.graph["mapping"].items()}


def _ordered_rows(g: nx.DiGraph, level: dict, label) -> list[list]:
    """Documents of each level in the order that crosses fewest links (barycentre sweeps, as in
    Sugiyama's method): each document near the mean place of the documents it is linked to in the
    levels above (sweeping down) or below (sweeping up)."""
    rows = [[] for _ in range(max(level.values()) + 1)]
    for n in sorted(level, key=lambda n: (-g.in_degree(n), label(n))):
        rows[level[n]].append(n)
    place = {n: i - (len(row) - 1) / 2 for row in rows for i, n in enumerate(row)}

    def barycentre(n, k, down):
        xs = [place[m] for m in nx.all_neighbors(g, n) if (level[m] < k if down else level[m] > k)]
        return sum(xs) / len(xs) if xs else place[n]

    for _ in range(4):
        for down, ks in ((True, range(1, len(rows))), (False, range(len(rows) - 2, -1, -1))):
            for k in ks:
                rows[k].sort(key=lambda n: (barycentre(n, k, down), label(n)))
                place.update({n: i - (len(rows[k]) - 1) / 2 for i, n in enumerate(rows[k])})
    return rows


def layered_layout(g, label=str) -> tuple[dict, float, float]:
    """Positions of a directive network drawn by direction, and the layout's width and height in
    units: each weakly connected component laid out in levels (cited documents above, the documents
    citing them below), components packed in shelves left to right, largest first."""
    simple = nx.DiGraph(g)
    boxes = []
    for comp in sorted(nx.weakly_connected_components(simple), key=lambda c: (-len(c), min(map(label, c)))):
        sub = simple.subgraph(comp)
        rows = _ordered_rows(sub, _levels(sub), label)
        lines = [row[i:i + ROW_MAX] for row in rows for i in range(0, len(row), ROW_MAX)]
        boxes.append((lines, max(len(line) for line in lines), len(lines)))
    if not boxes:
        return {}, 0.0, 0.0
    shelf_width = max(max(w for _, w, _ in boxes), SHELF_UNITS)
    pos, x0, y0, shelf_h, width = {}, 0.0, 0.0, 0, 0.0
    for lines, w, h in boxes:
        if x0 > 0 and x0 + w > shelf_width:
            x0, y0, shelf_h = 0.0, y0 - shelf_h - SHELF_GAP, 0
        for r, line in enumerate(lines):
            for i, n in enumerate(line):
                pos[n] = (x0 + (w - len(line)) / 2 + i, y0 - r)
        width = max(width, x0 + w)
        x0 += w + 1
        shelf_h = max(shelf_h, h)
    return pos, width, shelf_h - y0


def network_data(g: nx.DiGraph, evidence: dict[tuple, list[dict]] | None = None) -> dict:
    """Positions and attributes of the network as plain data: what the figure and its scripts use.
    Edges are one per (source, target, relation): a MultiDiGraph's parallel edges stay apart."""
    evidence = evidence or {}
    nodes = list(g.nodes)
    index = {node: i for i, node in enumerate(nodes)}
    label = {n: _node_label(g, n) for n in nodes}
    pos, width, height = layered_layout(g, label.get)
    rank = sorted(nodes, key=lambda x: (-g.nodes[x].get("in_degree", 0), -g.nodes[x].get("mentions", 0), label[x]))
    labelled = set(rank[:LABELLED_NODES])
    data_nodes = []
    for node in nodes:
        a = g.nodes[node]
        n_in = int(a.get("in_degree") or 0)
        data_nodes.append({"label": label[node], "type": a.get("doc_type") or "(type unknown)",
                           "issuer": a.get("issuer") or "(issuer unknown)", "year": int(a.get("year") or 0),
                           "mentions": int(a.get("mentions") or 0), "in": n_in,
                           "size": round(7 + 3 * math.sqrt(n_in), 2),
                           "x": round(float(pos[node][0]), 3), "y": round(float(pos[node][1]), 3),
                           "top": node in labelled})
    edges = []
    for u, v, a in g.edges(data=True):
        rel = a.get("relation", "")
        ev = evidence.get((u, v, rel)) or [{"relation": rel, "sentence": a.get("evidence", ""),
                                            "source": a.get("doc_id", "")}]
        edges.append({"s": index[u], "t": index[v], "relation": rel, "evidence": ev})
    return {"nodes": data_nodes, "edges": edges, "frame": _frame(width, height)}


# the colour of each relation's links (a relation not listed here is drawn grey)
RELATION_COLORS = {"implements": "#1f77b4", "guides": "#2ca02c", "based_on": "#9a9a9a", "amends": "#ff7f0e",
                   "replaces": "#9467bd", "repeals": "#d62728", "suspends": "#8c564b"}
CHAIN_COLOR = "#111111"


def _frame(width: float, height: float) -> dict:
    """Axis ranges, figure height and data units per px of a layout: arrowheads stop at a node's rim."""
    px = int(min(1500, max(420, UNIT_PX * (height + 1) + 60)))
    margin = dict(l=10, r=10, t=40, b=10)
    xr, yr = [-0.8, max(width, 1) - 0.2], [-max(height, 1) + 0.4, 0.6]  # rows from 0 down to 1 - height
    plot_w, plot_h = NETWORK_WIDTH - LEGEND_PX - margin["l"] - margin["r"], px - margin["t"] - margin["b"]
    return {"height": px, "margin": margin, "xrange": xr, "yrange": yr,
            "ux": (xr[1] - xr[0]) / plot_w, "uy": (yr[1] - yr[0]) / plot_h}


def arrow_segments(nodes: list[dict], edges: list[dict], ux: float, uy: float) -> tuple[list, list, list]:
    """x, y and marker sizes of link lines whose arrowhead (a marker at the line's end, turned along
    it) touches the rim of the cited document's point. The same arithmetic runs in NETWORK_JS."""
    xs, ys, sizes = [], [], []
    for e in edges:
        a, b = nodes[e["s"]], nodes[e["t"]]
        dx, dy = (b["x"] - a["x"]) / ux, (b["y"] - a["y"]) / uy
        length = math.hypot(dx, dy) or 1.0
        back = min(b["size"] / 2 + 4, length / 2)
        xs += [a["x"], b["x"] - dx / length * back * ux, None]
        ys += [a["y"], b["y"] - dy / length * back * uy, None]
        sizes += [0, 10, 0]
    return xs, ys, sizes


def network_figure(data: dict) -> go.Figure:
    nodes, edges, frame = data["nodes"], data["edges"], data["frame"]
    types = sorted({nd["type"] for nd in nodes})
    palette = pcolors.qualitative.D3 + pcolors.qualitative.Set2
    color_of = {t: palette[i % len(palette)] for i, t in enumerate(types)}
    relations = sorted({e["relation"] for e in edges}, key=lambda r: (r not in RELATION_COLORS, r))
    traces = []
    for rel in relations:
        ex, ey, sizes = arrow_segments(nodes, [e for e in edges if e["relation"] == rel], frame["ux"], frame["uy"])
        color = RELATION_COLORS.get(rel, "#bbbbbb")
        traces.append(go.Scatter(x=ex, y=ey, mode="lines+markers", uid=f"links-{rel}", name=rel.replace("_", " "),
                                 legendgroup="links", legendgrouptitle_text="link", hoverinfo="skip",
                                 line=dict(width=1, color=color),
                                 marker=dict(symbol="arrow", angleref="previous", size=sizes, color=color)))
    traces.append(go.Scatter(x=[], y=[], mode="lines+markers", uid="chain", name="chain", showlegend=False,
                             hoverinfo="skip", line=dict(width=2.6, color=CHAIN_COLOR),
                             marker=dict(symbol="arrow", angleref="previous", size=[], color=CHAIN_COLOR)))
    traces.append(go.Scatter(
        x=[nd["x"] for nd in nodes], y=[nd["y"] for nd in nodes], mode="markers+text", uid="documents",
        text=[nd["label"] if nd["top"] else "" for nd in nodes], textposition="top center",
        textfont=dict(size=9), showlegend=False, name="documents",
        marker=dict(size=[nd["size"] for nd in nodes], color=[color_of[nd["type"]] for nd in nodes],
                    line=dict(width=0.5, color="#fff")),
        customdata=list(range(len(nodes))),
        hovertext=[f"{nd['label']} — {nd['type']}, {nd['issuer']}, {nd['year'] or 'year ?'}; "
                   f"cited by {nd['in']} linked document(s), {nd['mentions']} mention(s)" for nd in nodes],
        hoverinfo="text"))
    # legend only: one entry per document type with its colour
    traces += [go.Scatter(x=[None], y=[None], mode="markers", marker=dict(color=color_of[t], size=9), name=t,
                          legendgroup="types", legendgrouptitle_text="document type") for t in types]
    fig = go.Figure(traces)
    fig.update_layout(height=frame["height"], width=NETWORK_WIDTH, showlegend=True, hovermode="closest",
                      margin=frame["margin"], legend=dict(x=1.0, xanchor="left", y=1, groupclick="toggleitem"),
                      xaxis=dict(visible=False, range=frame["xrange"]),
                      yaxis=dict(visible=False, range=frame["yrange"]),
                      title=f"{_plural(len(nodes), 'document')}, {_plural(len(edges), 'stated link')}; cited "
                            f"documents above the ones citing them; labels on the {min(LABELLED_NODES, len(nodes))}"
                            " most cited")
    return fig


NETWORK_CONTROLS = """
<div class="filters">
  <label>issuer <select id="f-issuer"></select></label>
  <label>type <select id="f-type"></select></label>
  <label>year <select id="f-year"></select></label>
  <span id="f-count"></span>
  <button id="f-clear" type="button">clear the chain</button>
</div>
"""

NETWORK_JS = """
<script>
(function () {
  var data = JSON.parse(document.getElementById('network-data').textContent);
  var plot = document.getElementById('network');
  var sel = {issuer: document.getElementById('f-issuer'), type: document.getElementById('f-type'),
             year: document.getElementById('f-year')};
  var UNKNOWN_YEAR = '(year unknown)', chain = null;
  function yearOf(n) { return n.year ? String(n.year) : UNKNOWN_YEAR; }
  function fill(select, values) {
    ['(all)'].concat(values).forEach(function (v) {
      var o = document.createElement('option'); o.value = o.textContent = v; select.appendChild(o); });
  }
  function uniq(get) { var s = {}; data.nodes.forEach(function (n) { s[get(n)] = 1; }); return Object.keys(s).sort(); }
  fill(sel.issuer, uniq(function (n) { return n.issuer; }));
  fill(sel.type, uniq(function (n) { return n.type; }));
  fill(sel.year, uniq(yearOf));
  function trace(uid) { for (var i = 0; i < plot.data.length; i++) if (plot.data[i].uid === uid) return i; return -1; }
  function keep(n) {
    return (sel.issuer.value === '(all)' || n.issuer === sel.issuer.value) &&
           (sel.type.value === '(all)' || n.type === sel.type.value) &&
           (sel.year.value === '(all)' || yearOf(n) === sel.year.value);
  }
  // the arithmetic of arrow_segments() in views/report.py: the arrowhead touches the node's rim
  function segments(edges) {
    var x = [], y = [], size = [], f = data.frame;
    edges.forEach(function (e) {
      var a = data.nodes[e.s], b = data.nodes[e.t], dx = (b.x - a.x) / f.ux, dy = (b.y - a.y) / f.uy;
      var len = Math.sqrt(dx * dx + dy * dy) || 1, back = Math.min(b.size / 2 + 4, len / 2);
      x.push(a.x, b.x - dx / len * back * f.ux, null); y.push(a.y, b.y - dy / len * back * f.uy, null);
      size.push(0, 10, 0); });
    return {x: x, y: y, size: size};
  }
  // the chain from a document to its sources: every document reached along the links it states
  function sources(i) {
    var seen = {}, order = [i], links = [];
    seen[i] = true;
    for (var k = 0; k < order.length; k++) {
      data.edges.forEach(function (e) {
        if (e.s === order[k]) { links.push(e); if (!seen[e.t]) { seen[e.t] = true; order.push(e.t); } } });
    }
    return {nodes: seen, links: links};
  }
  function paths(i) {  // each path from the document up to one that cites nothing, at most 30
    var out = [];
    (function walk(node, path, onPath) {
      if (out.length >= 30) return;
      var up = data.edges.filter(function (e) { return e.s === node && !onPath[e.t]; });
      if (!up.length) { if (path.length) out.push(path); return; }
      up.forEach(function (e) { var p = Object.assign({}, onPath); p[e.t] = true; walk(e.t, path.concat([e]), p); });
    })(i, [], (function () { var o = {}; o[i] = true; return o; })());
    return out;
  }
  function apply() {
    var on = data.nodes.map(keep), filtered = on.some(function (v) { return !v; });
    var rels = {};
    data.edges.forEach(function (e) { (rels[e.relation] = rels[e.relation] || []).push(e); });
    Object.keys(rels).forEach(function (r) {
      var t = trace('links-' + r);
      if (t < 0) return;
      var seg = segments(rels[r].filter(function (e) { return on[e.s] && on[e.t]; }));
      Plotly.restyle(plot, {x: [seg.x], y: [seg.y], 'marker.size': [seg.size], opacity: chain ? 0.3 : 1}, [t]);
    });
    var seg = segments(chain ? chain.links : []);
    Plotly.restyle(plot, {x: [seg.x], y: [seg.y], 'marker.size': [seg.size]}, [trace('chain')]);
    var shown = on.filter(Boolean).length;
    Plotly.restyle(plot, {
      'marker.opacity': [on.map(function (v, i) { return v && (!chain || chain.nodes[i]) ? 1 : 0.12; })],
      'marker.line.color': [on.map(function (v, i) { return chain && chain.nodes[i] ? '#111' : '#fff'; })],
      'marker.line.width': [on.map(function (v, i) { return chain && chain.nodes[i] ? 1.5 : 0.5; })],
      text: [data.nodes.map(function (n, i) {
        return on[i] && (chain ? chain.nodes[i] : (n.top || (filtered && shown <= 40))) ? n.label : ''; })]},
      [trace('documents')]);
    document.getElementById('f-count').textContent = shown + ' of ' + data.nodes.length + ' documents shown';
  }
  Object.keys(sel).forEach(function (k) { sel[k].addEventListener('change', apply); });
  document.getElementById('f-clear').addEventListener('click', function () { chain = null; apply(); });
  function item(list, e, other) {
    var li = document.createElement('li'), b = document.createElement('b');
    b.textContent = e.relation + ' ' + data.nodes[other].label; li.appendChild(b);
    e.evidence.forEach(function (ev) {
      var q = document.createElement('blockquote'); q.textContent = ev.sentence;
      var s = document.createElement('div'); s.className = 'src'; s.textContent = 'in ' + ev.source;
      q.appendChild(s); li.appendChild(q); });
    list.appendChild(li);
  }
  function show(i) {
    var n = data.nodes[i], box = document.getElementById('evidence');
    chain = sources(i);
    box.textContent = '';
    var h = document.createElement('h3');
    h.textContent = n.label + ' — ' + n.type + ', ' + n.issuer + ', ' + (n.year || 'year unknown');
    box.appendChild(h);
    var found = paths(i), sub = document.createElement('h4'), ol = document.createElement('ol');
    sub.textContent = found.length ? 'Chain to its sources (drawn in black): ' + found.length + ' path(s)'
                                   : 'Chain to its sources: it cites no document of the network';
    box.appendChild(sub);
    found.forEach(function (p) {
      var li = document.createElement('li'), text = n.label;
      p.forEach(function (e) { text += '  —' + e.relation + '→  ' + data.nodes[e.t].label; });
      li.textContent = text; ol.appendChild(li); });
    box.appendChild(ol);
    [['Cites (outgoing links)', 's', 't'], ['Cited by (incoming links)', 't', 's']].forEach(function (d) {
      var sub = document.createElement('h4'), ul = document.createElement('ul'), k = 0;
      data.edges.forEach(function (e) { if (e[d[1]] === i) { item(ul, e, e[d[2]]); k++; } });
      sub.textContent = d[0] + ': ' + k; box.appendChild(sub); box.appendChild(ul);
    });
    apply();
  }
  plot.on('plotly_click', function (ev) {
    var p = ev.points[0]; if (plot.data[p.curveNumber].uid === 'documents') show(p.customdata); });
  apply();
  window.vietmineNetwork = {show: show, apply: apply};
})();
</script>
"""


def network_panel(con) -> Panel:
    g = build_graph(con)
    title = "Directive network"
    if g.number_of_nodes() == 0:
        return Panel(title, "No link between documents is stated in the corpus (sentences such as 'Kết luận số "
                     "44-KL/TW ... về tiếp tục thực hiện Chỉ thị số 09-CT/TW'), so there is no network to draw.")
    data = network_data(g, link_evidence(con, g))
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    extra = (f'<script type="application/json" id="network-data">{payload}</script>'
             '<div id="evidence" class="evidence">Click a document to draw its chain to its sources and list '
             "the links it states and the links stated to it, each with the whole sentence it comes "
             "from.</div>" + NETWORK_JS)
    note = ("Documents (points) and the links stated between them in the corpus: an arrow runs from a document "
            "that implements, amends, replaces or is based on another to the one it names, so documents that "
            "cite no other (Party directives, laws) stand on top and the plans implementing them below, one "
            "group of linked documents beside the other. Size grows with the number of linked documents "
            "citing it; filter by issuer, type and year; click a document to draw its chain up to its sources "
            "and read the sentences that state each link.")
    return Panel(title, note, network_figure(data), div_id="network", before_html=NETWORK_CONTROLS,
                 after_html=extra)


# ------------------------------------------------------------------------------------------ counts
def counts_panels(con) -> list[Panel]:
    names = _province_names()
    by_cat = _rows(con, "SELECT coalesce(category, '(no category)'), count(*) FROM counts GROUP BY 1 "
                        "ORDER BY 2 DESC, 1 LIMIT 20")
    if not by_cat:
        return [Panel("Counts", "No count was found in the corpus (figures such as '27/27 xã' or '77 mô hình').")]
    panels = [Panel("Counts by category", "How many figures the corpus reports in each category (20 largest).",
                    _bar(*zip(*by_cat), "Counts by category", True))]
    top = [c for c, _ in by_cat if c != "(no category)"][:8]
    cells = _rows(con, f"""SELECT c.category, d.main_province, count(*) FROM counts c JOIN documents d USING (doc_id)
                           WHERE d.main_province IS NOT NULL AND c.category IN ({','.join('?' * len(top))})
                           GROUP BY ALL""", top) if top else []
    if cells:
        provs = sorted({p for _, p, _ in cells}, key=lambda p: names.get(p, p))
        z = [[next((n for c2, p2, n in cells if c2 == c and p2 == p), 0) for p in provs] for c in top]
        fig = go.Figure(go.Heatmap(z=z, x=[names.get(p, p) for p in provs], y=top, colorscale="Blues"))
        fig.update_layout(title="Counts by category and province", height=420, width=1100)
        panels.append(Panel("Counts by category and province", "Figures of the eight largest categories, by the "
                            "main province of the document that reports them.", fig))
    else:
        panels.append(Panel("Counts by category and province", "No document reporting a count is about a "
                            "province, so counts cannot be placed on provinces."))
    by_year = _rows(con, f"""SELECT year, category, count(*) FROM counts WHERE year BETWEEN ? AND ?
                            AND category IN ({','.join('?' * len(top[:5]))}) GROUP BY ALL ORDER BY 1""",
                    [*YEAR_RANGE, *top[:5]]) if top else []
    if by_year:
        fig = go.Figure([go.Bar(x=[y for y, c2, _ in by_year if c2 == c], y=[n for _, c2, n in by_year if c2 == c],
                                name=c) for c in top[:5]])
        _year_axis(fig, [y for y, _, _ in by_year])
        fig.update_layout(title="Counts by year they refer to (five largest categories)", barmode="stack",
                          height=380, width=560)
        panels.append(Panel("Counts by year", "Figures by the year they refer to (stated near them, e.g. 'năm "
                            f"2022'), five largest categories; years outside {YEAR_RANGE[0]}–{YEAR_RANGE[1]} "
                            "(historical mentions) are left out.", fig))
    else:
        panels.append(Panel("Counts by year", "No count states the year it refers to."))
    return panels


# --------------------------------------------------------------------------------------------- map
@cache
def map_shapes() -> dict:
    path = Path(__file__).resolve().parent.parent / "gazetteer" / "data" / "vn_map.geojson"
    if not path.exists():  # installed package: gazetteer data lives in vietmine/gazetteer/data
        from vietmine import gazetteer

        path = Path(gazetteer.__file__).parent / "data" / "vn_map.geojson"
    return json.loads(path.read_text(encoding="utf-8"))


def _nice(x: float) -> int:
    """x rounded down to one or two significant digits (colour-bar ticks)."""
    if x < 10:
        return int(x)
    p = 10 ** (len(str(int(x))) - 2)
    return int(x // p * p)


def _rings(geometry: dict) -> tuple[list, list]:
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    lon, lat = [], []
    for poly in polys:
        ring = poly[0]  # exterior; holes are not drawn
        lon += [p[0] for p in ring] + [None]
        lat += [p[1] for p in ring] + [None]
    return lon, lat


def map_measures(con) -> dict[str, dict[str, int]]:
    """{measure name: {province code: value}}: place mentions, and figures of the largest count categories."""
    out = {"place mentions": dict(_rows(con, "SELECT province_code, count(*)::INT FROM places "
                                             "WHERE province_code IS NOT NULL GROUP BY 1"))}
    cats = _rows(con, """SELECT c.category FROM counts c JOIN documents d USING (doc_id)
                         WHERE c.category IS NOT NULL AND d.main_province IS NOT NULL
                         GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 5""")
    for (cat,) in cats:
        out[f"counts: {cat}"] = dict(_rows(con, """SELECT d.main_province, count(*)::INT FROM counts c
                                                   JOIN documents d USING (doc_id)
                                                   WHERE c.category = ? AND d.main_province IS NOT NULL
                                                   GROUP BY 1""", [cat]))
    return out


def map_figure(measures: dict[str, dict[str, int]]) -> go.Figure:
    shapes = map_shapes()["features"]
    provinces = [f for f in shapes if f["properties"]["kind"] == "province"]
    names = [f["properties"]["name"] for f in provinces]
    codes = [f["properties"]["code"] for f in provinces]

    def styling(values: dict[str, int]):
        """Fill colours on a square-root scale (one province, often Hà Nội, would wash out the others),
        the colour bar ticked in real values."""
        vmax = max(values.values(), default=0) or 1
        fills = [pcolors.sample_colorscale("Blues", [math.sqrt(values[c] / vmax)])[0] if values.get(c) else "#e6e6e6"
                 for c in codes]
        hover = [f"{n}: {values.get(c, 0):,}" for n, c in zip(names, codes)]
        ticks = sorted({_nice(vmax * f) for f in (0, 0.0625, 0.25, 0.5625, 1)})
        bar = dict(tickvals=[math.sqrt(t) for t in ticks], ticktext=[f"{t:,}" for t in ticks])
        return fills, hover, [math.sqrt(values.get(c, 0)) for c in codes], math.sqrt(vmax), bar

    first = next(iter(measures))
    fills, hover, vals, vmax, bar = styling(measures[first])
    fig = go.Figure()
    outline = next(f for f in shapes if f["properties"]["kind"] == "outline")
    lon, lat = _rings(outline["geometry"])
    fig.add_trace(go.Scattergeo(lon=lon, lat=lat, mode="lines", fill="toself", fillcolor="#f4f4f4",
                                line=dict(color="#888", width=0.8), hoverinfo="skip", showlegend=False))
    for f, fill in zip(provinces, fills):
        lon, lat = _rings(f["geometry"])
        fig.add_trace(go.Scattergeo(lon=lon, lat=lat, mode="lines", fill="toself", fillcolor=fill,
                                    line=dict(color="white", width=0.5), hoverinfo="skip", showlegend=False,
                                    name=f["properties"]["name"]))
    # hover and colour bar: one marker per province at a point inside it (fills take no hover)
    fig.add_trace(go.Scattergeo(lon=[f["properties"]["label_lon"] for f in provinces],
                                lat=[f["properties"]["label_lat"] for f in provinces], mode="markers",
                                hovertext=hover, hoverinfo="text", showlegend=False, name="provinces",
                                marker=dict(size=5, color=vals, colorscale="Blues", cmin=0, cmax=vmax, opacity=0.6,
                                            showscale=True, colorbar=dict(title=first, thickness=12, x=1.0, **bar))))
    isles = [f for f in shapes if f["properties"]["kind"] == "archipelago"]
    fig.add_trace(go.Scattergeo(lon=[f["geometry"]["coordinates"][0] for f in isles],
                                lat=[f["geometry"]["coordinates"][1] for f in isles],
                                text=[f["properties"]["name"] for f in isles], mode="markers+text",
                                textposition="bottom center", marker=dict(size=5, color="#888"), hoverinfo="text",
                                showlegend=False))
    n_prov = len(provinces)
    buttons = []
    for name, values in measures.items():
        f2, h2, v2, vmax2, bar2 = styling(values)
        # one value per trace: outline, provinces, hover markers, islands
        buttons.append(dict(label=name, method="restyle", args=[
            {"fillcolor": ["#f4f4f4", *f2, None, None],
             "hovertext": [None] * (n_prov + 1) + [h2, None],
             "marker.color": [None] * (n_prov + 1) + [v2, "#888"],
             "marker.cmax": [None] * (n_prov + 1) + [vmax2, None],
             "marker.colorbar.title.text": [None] * (n_prov + 1) + [name, None],
             "marker.colorbar.tickvals": [None] * (n_prov + 1) + [bar2["tickvals"], None],
             "marker.colorbar.ticktext": [None] * (n_prov + 1) + [bar2["ticktext"], None]}]))
    fig.update_geos(visible=False, projection_type="mercator", lonaxis_range=[101.8, 115.6],
                    lataxis_range=[8.1, 23.5], bgcolor="white")
    fig.update_layout(height=760, width=620, margin=dict(l=0, r=0, t=60, b=0), title="Provinces",
                      updatemenus=[dict(buttons=buttons, x=0, y=1.07, xanchor="left", yanchor="top",
                                        direction="down", showactive=True)] if len(buttons) > 1 else [])
    return fig


def map_panel(con) -> Panel:
    measures = map_measures(con)
    total = sum(measures["place mentions"].values())
    if total == 0:
        return Panel("Map of provinces", "No place in the corpus could be tied to a province of Viet Nam, so "
                     "the map would be blank. " + MAP_SOURCE)
    note = (f"Provinces coloured by how often the corpus names a place in them ({total:,} mentions), or, with the "
            "menu, by the figures of a count category reported in documents about them. Grey: none. " + MAP_SOURCE)
    return Panel("Map of provinces", note, map_figure(measures), div_id="map")


# ------------------------------------------------------------------------------------------- page
STYLE = """
body{font-family:sans-serif;margin:2em;max-width:1200px;color:#222}
section.panel{display:inline-block;vertical-align:top;margin:0 1em 1.5em 0;max-width:1120px}
section.panel p.note{max-width:540px;font-size:.9rem;color:#444;margin:.2em 0}
section.wide p.note{max-width:1100px}
section.empty p.note{font-style:italic}
.filters label{margin-right:1.2em}
.evidence{border:1px solid #ccc;padding:8px;min-height:3em;max-width:1100px}
.evidence blockquote{margin:.3em 0 .6em 1em;border-left:3px solid #ddd;padding-left:.6em}
.evidence .src{font-size:.8rem;color:#666}
"""


def write_report(con, out_path: str, db_name: str) -> dict:
    sections = [("Corpus", corpus_panels(con)), ("Citations", citation_panels(con)),
                ("Directive network", [network_panel(con)]), ("Counts", counts_panels(con)),
                ("Places", [map_panel(con)])]
    n_docs = _rows(con, "SELECT count(*) FROM documents")[0][0]
    parts, first, n_figs = [], True, 0
    for title, panels in sections:
        parts.append(f"<h2>{html.escape(title)}</h2>")
        for p in panels:
            wide = p.fig is not None and (p.fig.layout.width or 0) > 700
            cls = "panel" + (" wide" if wide else "") + ("" if p.fig is not None else " empty")
            body = f"<h3>{html.escape(p.title)}</h3><p class='note'>{html.escape(p.note)}</p>"
            if p.fig is not None:
                body += p.before_html + to_html(p.fig, full_html=False, include_plotlyjs=first,
                                                div_id=p.div_id or f"fig-{_slug(p.title)}",
                                                config={"displaylogo": False}) + p.after_html
                first = False
                n_figs += 1
            parts.append(f'<section class="{cls}" id="panel-{_slug(p.title)}">{body}</section>')
    page = ("<!doctype html><html><head><meta charset='utf-8'><title>vietmine report</title>"
            f"<style>{STYLE}</style></head><body><h1>vietmine report</h1>"
            f"<p>{_plural(n_docs, 'document')} in {html.escape(str(db_name))}. Every panel says what it shows; "
            "hover for values. Nothing on this page is fetched from the network.</p>"
            + "\n".join(parts) + "</body></html>")
    with open(out_path, "w", encoding="utf-8") as fh:
        fh.write(page)
    return {"figures": n_figs, "bytes": len(page)}
