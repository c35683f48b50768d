"""The directive network: documents as nodes, stated links (legal_links) as edges."""
from __future__ import annotations

import json

import duckdb
import networkx as nx

NODES_SQL = """
SELECT code, mode(doc_type) AS doc_type, mode(issuer_code) AS issuer_code, mode(issuer) AS issuer,
       min(year(issue_date)) AS year, count(*) AS mentions, count(DISTINCT doc_id) AS citing_documents
FROM legal_refs WHERE code IS NOT NULL GROUP BY code
"""
EDGES_SQL = """
SELECT src_code, dst_code, relation, count(*) AS n, any_value(evidence) AS evidence, any_value(doc_id) AS doc_id
FROM legal_links GROUP BY src_code, dst_code, relation
"""


def build_graph(con: duckdb.DuckDBPyConnection, all_documents: bool = False) -> nx.DiGraph:
    g = nx.DiGraph()
    for src, dst, rel, n, evidence, doc_id in con.execute(EDGES_SQL).fetchall():
        if g.has_edge(src, dst):
            e = g.edges[src, dst]
            e["relation"] = ",".join(sorted(set(e["relation"].split(",")) | {rel}))
            e["weight"] += n
        else:
            g.add_edge(src, dst, relation=rel, weight=n, evidence=evidence or "", doc_id=doc_id or "")
    for code, doc_type, icode, issuer, year, mentions, citing in con.execute(NODES_SQL).fetchall():
        if code in g or all_documents:
            g.add_node(code, doc_type=doc_type or "", issuer_code=icode or "", issuer=issuer or "",
                       year=int(year) if year else 0, mentions=int(mentions), citing_documents=int(citing))
    for node in g.nodes:
        g.nodes[node]["in_degree"] = g.in_degree(node)
        for attr, default in (("doc_type", ""), ("issuer_code", ""), ("issuer", ""), ("year", 0),
                              ("mentions", 0), ("citing_documents", 0)):
            g.nodes[node].setdefault(attr, default)
    return g


def write_graph(g: nx.DiGraph, path: str, fmt: str) -> None:
    if fmt == "graphml":
        nx.write_graphml(g, path)
    elif fmt == "gexf":
        nx.write_gexf(g, path)
    else:
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(nx.node_link_data(g, edges="edges"), fh, ensure_ascii=False, indent=1)
