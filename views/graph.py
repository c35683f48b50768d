"""The directive network: one node per cited document's identity (pipeline/identity.py), one
edge per stated link between two identities (legal_links src_key -> dst_key)."""
from __future__ import annotations

import json

import duckdb
import networkx as nx

from vietmine.pipeline.identity import DocumentKey

# a link end whose identity is unknown (a code cited only by a short form) is keyed by its code
EDGES_SQL = """
SELECT coalesce(l.src_key, l.src_code) AS src, coalesce(l.dst_key, l.dst_code) AS dst, l.relation,
       count(*) AS n, min(coalesce(src.issue_date, d.published)) AS date,
       arg_min(l.evidence, (l.doc_id, l.start_char)) AS evidence, min(l.doc_id) AS doc_id
FROM legal_links l JOIN documents d USING (doc_id)
LEFT JOIN legal_documents src ON src.registry_key = l.src_key
GROUP BY ALL ORDER BY src, dst, l.relation
"""
NODES_SQL = r"""
SELECT g.registry_key, g.code, g.doc_type, g.issuer, g.issuer_code,
       -- a normative code carries its year (101/2015/QH13) when no issue date was cited
       coalesce(year(g.issue_date), TRY_CAST(regexp_extract(g.code, '^\d+[a-c]?/((?:19|20)\d\d)/', 1) AS INTEGER)) AS year,
       g.mentions, g.citing_documents, min(s.status) AS status
FROM legal_documents g LEFT JOIN document_status s USING (registry_key)
GROUP BY ALL ORDER BY g.registry_key
"""
NODE_DEFAULTS = {"code": "", "doc_type": "", "issuer": "", "issuer_code": "", "year": 0, "province": "",
                 "status": "", "mentions": 0, "citing_documents": 0}


def build_graph(con: duckdb.DuckDBPyConnection, all_documents: bool = False) -> nx.DiGraph:
    g = nx.DiGraph()
    for src, dst, rel, n, date, evidence, doc_id in con.execute(EDGES_SQL).fetchall():
        if g.has_edge(src, dst):
            e = g.edges[src, dst]
            e["relation"] = ",".join(sorted(set(e["relation"].split(",")) | {rel}))
            e["weight"] += n
        else:
            g.add_edge(src, dst, relation=rel, weight=n, date=date.isoformat() if date else "",
                       evidence=evidence or "", doc_id=doc_id or "")
    for key, code, doc_type, issuer, icode, year, mentions, citing, status in con.execute(NODES_SQL).fetchall():
        if key in g or all_documents:
            g.add_node(key, code=code, doc_type=doc_type or "", issuer=issuer or "", issuer_code=icode or "",
                       year=int(year) if year else 0, status=status or "",
                       mentions=int(mentions), citing_documents=int(citing))
    for node in g.nodes:
        attrs = g.nodes[node]
        for attr, default in NODE_DEFAULTS.items():
            attrs.setdefault(attr, default)
        key = DocumentKey.parse(node)
        attrs["code"] = attrs["code"] or key.code
        attrs["province"] = key.province or ""  # local documents only: the province that issued it
        attrs["in_degree"], attrs["out_degree"] = g.in_degree(node), g.out_degree(node)
    return g


def write_graph(g: nx.DiGraph, path: str, fmt: str) -> None:
    if fmt == "graphml":
        nx.write_graphml(g, path)
    elif fmt == "gexf":
        nx.write_gexf(g, path)
    else:
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(nx.node_link_data(g, edges="edges"), fh, ensure_ascii=False, indent=1)
