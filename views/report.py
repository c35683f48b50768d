"""`vietmine report`: one self-contained HTML page (plotly's JavaScript is embedded from the
installed package; nothing is fetched at view time): corpus overview, most cited documents and
their citations over time, the directive network (click a node or edge to read the evidence),
counts by category, province and year, and a map of places from their gazetteer coordinates."""
from __future__ import annotations

import html
import json

import networkx as nx
import pandas as pd
import plotly.graph_objects as go
from plotly.io import to_html

from vietmine.gazetteer.places import gazetteer
from vietmine.views.graph import build_graph


def _province_names() -> dict[str, str]:
    return {u.code: u.name for u in gazetteer().units if u.tier == "province" and u.era == "2024"}


def _bar(df: pd.DataFrame, x: str, y: str, title: str) -> go.Figure:
    fig = go.Figure(go.Bar(x=df[x].astype(str), y=df[y]))
    fig.update_layout(title=title, height=360, margin=dict(l=40, r=20, t=50, b=80))
    return fig


def overview_figures(con) -> list[go.Figure]:
    names = _province_names()
    docs = con.execute("SELECT coalesce(outlet, '(unknown)') AS outlet, kind, main_province, "
                       "year(published) AS year FROM documents").df()
    docs["province"] = docs["main_province"].map(names).fillna("(none)")
    figs = []
    for col, title in (("kind", "Documents by kind"), ("outlet", "Documents by outlet"),
                       ("province", "Documents by main province"), ("year", "Documents by year of publication")):
        counts = docs[col].astype(object).fillna("(unknown)").astype(str).value_counts().head(25).rename_axis(col).reset_index(name="n")
        figs.append(_bar(counts, col, "n", title))
    return figs


def citation_figures(con) -> list[go.Figure]:
    top = con.execute("SELECT code, citing_documents FROM legal_documents ORDER BY citing_documents DESC, mentions DESC "
                      "LIMIT 15").df()
    figs = [_bar(top, "code", "citing_documents", "Most cited documents (citing documents)")]
    spread = con.execute("""SELECT c.code, year(c.published) AS year, count(DISTINCT c.doc_id) AS n FROM citations c
                            WHERE c.code IN (SELECT code FROM legal_documents ORDER BY citing_documents DESC LIMIT 5)
                              AND c.published IS NOT NULL GROUP BY ALL ORDER BY year""").df()
    fig = go.Figure([go.Scatter(x=g["year"], y=g["n"], mode="lines+markers", name=code) for code, g in spread.groupby("code")])
    fig.update_layout(title="Citations over time (five most cited)", height=360)
    figs.append(fig)
    return figs


def network_figure(con) -> go.Figure:
    g = build_graph(con)
    pos = nx.spring_layout(g, seed=7) if g.number_of_nodes() else {}
    edge_x, edge_y, mid_x, mid_y, mid_text, mid_data = [], [], [], [], [], []
    for u, v, d in g.edges(data=True):
        (x0, y0), (x1, y1) = pos[u], pos[v]
        edge_x += [x0, x1, None]
        edge_y += [y0, y1, None]
        mid_x.append((x0 + x1) / 2)
        mid_y.append((y0 + y1) / 2)
        mid_text.append(f"{u} → {v}: {d['relation']}")
        mid_data.append(d.get("evidence", ""))
    types = sorted({g.nodes[n]["doc_type"] for n in g.nodes})
    traces = [go.Scatter(x=edge_x, y=edge_y, mode="lines", line=dict(width=1, color="#999"), hoverinfo="skip",
                         name="links"),
              go.Scatter(x=mid_x, y=mid_y, mode="markers", marker=dict(size=7, symbol="triangle-up", color="#999"),
                         text=mid_text, customdata=mid_data, hoverinfo="text", name="link evidence")]
    for t in types:
        nodes = [n for n in g.nodes if g.nodes[n]["doc_type"] == t]
        traces.append(go.Scatter(
            x=[pos[n][0] for n in nodes], y=[pos[n][1] for n in nodes], mode="markers+text", name=t or "(type?)",
            text=nodes, textposition="top center",
            marker=dict(size=[10 + 4 * g.nodes[n]["in_degree"] for n in nodes]),
            customdata=[json.dumps({"issuer": g.nodes[n]["issuer"], "in": [f"{a} {g.edges[a, n]['relation']}: "
                                    f"{g.edges[a, n]['evidence']}" for a in g.predecessors(n)]}, ensure_ascii=False)
                        for n in nodes],
            hovertext=[f"{n} ({g.nodes[n]['issuer']}, {g.nodes[n]['year'] or '?'}), cited by {g.nodes[n]['in_degree']}"
                       for n in nodes], hoverinfo="text"))
    fig = go.Figure(traces)
    fig.update_layout(title=f"Directive network: {g.number_of_nodes()} documents, {g.number_of_edges()} stated links "
                            "(click a node or a link marker for its evidence)", height=600, showlegend=True,
                      xaxis=dict(visible=False), yaxis=dict(visible=False))
    return fig


def counts_figures(con) -> list[go.Figure]:
    names = _province_names()
    df = con.execute("""SELECT c.category, c.year, d.main_province, count(*) AS n FROM counts c
                        JOIN documents d USING (doc_id) GROUP BY ALL""").df()
    figs = []
    by_cat = df.groupby("category")["n"].sum().sort_values(ascending=False).head(20).reset_index()
    figs.append(_bar(by_cat, "category", "n", "Counts by category (figures reported)"))
    df["province"] = df["main_province"].map(names).fillna("(none)")
    top_cats = list(by_cat["category"].head(8))
    pivot = df[df["category"].isin(top_cats)].pivot_table(index="category", columns="province", values="n",
                                                          aggfunc="sum", fill_value=0)
    figs.append(go.Figure(go.Heatmap(z=pivot.values, x=list(pivot.columns), y=list(pivot.index), colorscale="Blues"))
                .update_layout(title="Counts by category and province", height=420))
    by_year = df.dropna(subset=["year"]).groupby(["year", "category"])["n"].sum().reset_index()
    by_year = by_year[by_year["category"].isin(top_cats[:5])]
    figs.append(go.Figure([go.Bar(x=g["year"].astype(int).astype(str), y=g["n"], name=c)
                           for c, g in by_year.groupby("category")]).update_layout(
        title="Counts by year (five largest categories)", barmode="stack", height=360))
    return figs


def map_figure(con) -> go.Figure:
    rows = con.execute("""SELECT p.admin_code, any_value(p.name) AS name, any_value(p.level) AS level,
                                 count(*) AS mentions, any_value(d.published) >= DATE '2025-07-01' AS new_era
                          FROM places p JOIN documents d USING (doc_id) WHERE p.admin_code IS NOT NULL GROUP BY 1""").fetchall()
    by_code = gazetteer().by_code
    xs, ys, texts, sizes = [], [], [], []
    for code, name, level, n, new_era in rows:
        u = by_code.get(("2025" if new_era else "2024", code)) or by_code.get(("2024", code))
        if u and u.lat and u.lon:
            xs.append(u.lon)
            ys.append(u.lat)
            texts.append(f"{level} {name} ({code}): {n} mentions")
            sizes.append(min(40, 6 + 2 * n))
    fig = go.Figure(go.Scatter(x=xs, y=ys, mode="markers", text=texts, hoverinfo="text",
                               marker=dict(size=sizes, opacity=0.6)))
    fig.update_layout(title="Places mentioned (gazetteer coordinates; size = mentions)", height=700, width=520,
                      xaxis=dict(title="longitude", range=[101.5, 110]), yaxis=dict(title="latitude", range=[8, 23.5],
                                                                                      scaleanchor="x"))
    return fig


CLICK_JS = """
<script>
document.querySelectorAll('.js-plotly-plot').forEach(function (plot) {
  if (!plot.id.startsWith('network')) return;
  plot.on('plotly_click', function (ev) {
    var p = ev.points[0], box = document.getElementById('evidence'), d = p.customdata, out = '';
    try { var o = JSON.parse(d); out = '<b>' + p.text + '</b> — ' + (o.issuer || '') + '<ul>' +
          o.in.map(function (s) { return '<li>' + s.replace(/</g, '&lt;') + '</li>'; }).join('') + '</ul>'; }
    catch (e) { out = '<b>' + p.text + '</b><p>' + String(d).replace(/</g, '&lt;') + '</p>'; }
    box.innerHTML = out;
  });
});
</script>
"""


def write_report(con, out_path: str, db_name: str) -> dict:
    sections = [("Corpus", overview_figures(con)), ("Citations", citation_figures(con)),
                ("Directive network", [network_figure(con)]), ("Counts", counts_figures(con)),
                ("Places", [map_figure(con)])]
    n_docs = con.execute("SELECT count(*) FROM documents").fetchone()[0]
    parts, first = [], True
    for title, figs in sections:
        parts.append(f"<h2>{html.escape(title)}</h2>")
        for i, fig in enumerate(figs):
            div_id = f"network{i}" if title == "Directive network" else None
            parts.append(to_html(fig, full_html=False, include_plotlyjs=first, div_id=div_id))
            first = False
        if title == "Directive network":
            parts.append('<div id="evidence" style="border:1px solid #ccc;padding:8px;min-height:3em">'
                         "Click a document or a link to see the sentence it comes from.</div>")
    page = ("<!doctype html><html><head><meta charset='utf-8'><title>vietmine report</title>"
            "<style>body{font-family:sans-serif;margin:2em;max-width:1200px} .plotly-graph-div{display:inline-block}</style>"
            f"</head><body><h1>vietmine report</h1><p>{n_docs} documents in {html.escape(db_name)}</p>"
            + "\n".join(parts) + CLICK_JS + "</body></html>")
    with open(out_path, "w", encoding="utf-8") as fh:
        fh.write(page)
    return {"figures": sum(len(f) for _, f in sections), "bytes": len(page)}
