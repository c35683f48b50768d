"""The directive network: one node per cited document's identity (pipeline/identity.py), one
edge per relation stated between two identities (legal_links src_key -> dst_key), keyed by the
relation: a MultiDiGraph, so that "30/KH implements and is based on 07/CT" is two edges, each with
its own weight, date and evidence. GraphML and GEXF hold parallel edges natively (one <edge>
element each) and Gephi, Cytoscape and igraph read them as separate edges whose `relation` can be
filtered on; a single edge with "based_on,implements" in one string could not be, and one column
per relation would make a schema that changes with the corpus. `nx.DiGraph(g)` collapses the
edges for path algorithms."""
from __future__ import annotations

import json

import duckdb
import networkx as nx

from vietmine.pipeline.identity import DocumentKey

# a link end whose identity is unknown (a code cited only by a short form) is keyed by its code
EDGES_SQL = """
-- date: the acting (source) document's own date when the corpus knows it (see document_status)
SELECT coalesce(l.src_key, l.src_code) AS src, coalesce(l.dst_key, l.dst_code) AS dst, l.relation,
       count(*) AS n, min(src.issue_date) AS date,
       arg_min(l.evidence, (l.doc_id, l.start_char)) AS evidence, min(l.doc_id) AS doc_id
FROM legal_links l LEFT JOIN legal_documents src ON src.registry_key = l.src_key
GROUP BY ALL ORDER BY src, dst, l.relation
"""
NODES_SQL = """
SELECT g.registry_key, g.code, g.doc_type, g.issuer, g.issuer_code, g.year, g.mentions, g.citing_documents,
       min(s.status) AS status
FROM legal_documents g LEFT JOIN document_status s USING (registry_key)
GROUP BY ALL ORDER BY g.registry_key
"""
NODE_DEFAULTS = {"code": "", "doc_type": "", "issuer": "", "issuer_code": "", "year": 0, "province": "",
                 "status": "", "mentions": 0, "citing_documents": 0}


def build_graph(con: duckdb.DuckDBPyConnection, all_documents: bool = False) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for src, dst, rel, n, date, evidence, doc_id in con.execute(EDGES_SQL).fetchall():
        g.add_edge(src, dst, key=rel, relation=rel, weight=n, date=date.isoformat() if date else "",
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
        # linked documents, not edges: a pair joined by two relations counts once
        attrs["in_degree"], attrs["out_degree"] = len(g.pred[node]), len(g.succ[node])
    return g


def write_graph(g: nx.MultiDiGraph, path: str, fmt: str) -> None:
    if fmt == "graphml":
        # GraphML edge ids are unique in the file; the key (the relation) repeats across pairs
        unique = nx.MultiDiGraph(g.graph)
        unique.add_nodes_from(g.nodes(data=True))
        unique.add_edges_from((u, v, f"e{i}", a) for i, (u, v, a) in enumerate(g.edges(data=True)))
        nx.write_graphml(unique, path)
    elif fmt == "gexf":
        nx.write_gexf(g, path)  # numbers its edges itself
    else:
        with open(path, "w", encoding="utf-8") as fh:
            json.dump(nx.node_link_data(g, edges="edges"), fh, ensure_ascii=False, indent=1)
