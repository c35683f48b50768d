"""Document registry, resolution across the corpus, citations view and graph export."""
import networkx as nx

from vietmine.cli import main
from tests.test_ingest import q


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return str(p)


def test_registry_identity_follows_document_families(tmp_path, tmp_db):
    a = write(tmp_path, "a.txt", "Thực hiện Chỉ thị số 09-CT/TW ngày 01/12/2011 của Ban Bí thư và Chỉ thị số 30/CT-UBND "
              "ngày 22/8/2012 của Chủ tịch UBND tỉnh Khánh Hòa, Thông tư số 23/2012/TT-BCA của Bộ Công an.")
    main(["ingest", a, "--db", tmp_db])
    keys = {k for (k,) in q(tmp_db, "SELECT registry_key FROM legal_documents")}
    assert keys == {"09-CT/TW@XI", "30/CT-UBND@2012@56", "23/2012/TT-BCA"}


def test_short_form_resolves_from_the_corpus_even_when_the_full_form_comes_later(tmp_path, tmp_db):
    short = write(tmp_path, "short.txt", "Tiếp tục thực hiện Chỉ thị số 07 của Bộ trưởng Bộ Công an về phong trào.")
    main(["ingest", short, "--db", tmp_db])
    assert q(tmp_db, "SELECT code FROM legal_refs") == [(None,)]
    full = write(tmp_path, "full.txt", "Kế hoạch thực hiện Chỉ thị số 07/CT-BCA-V28 ngày 15/8/2014 của Bộ trưởng Bộ Công an.")
    main(["ingest", full, "--db", tmp_db])
    rows = q(tmp_db, "SELECT d.source_path, r.code, r.resolved_by FROM legal_refs r JOIN documents d USING (doc_id) ORDER BY 1")
    assert [(p.split("/")[-1], c, how) for p, c, how in rows] == [
        ("full.txt", "07/CT-BCA-V28", "text"), ("short.txt", "07/CT-BCA-V28", "corpus")]


def test_ambiguous_short_form_stays_unresolved(tmp_path, tmp_db):
    write(tmp_path, "p1.txt", "Chỉ thị số 10/CT-UBND ngày 02/3/2015 của UBND tỉnh Thanh Hóa về an ninh.")
    write(tmp_path, "p2.txt", "Chỉ thị số 10/CT-UBND ngày 05/6/2016 của UBND tỉnh Nghệ An về an ninh.")
    write(tmp_path, "s.txt", "Thực hiện Chỉ thị số 10 của UBND tỉnh về xây dựng khu dân cư an toàn.")
    main(["ingest", str(tmp_path), "--db", tmp_db])
    assert q(tmp_db, "SELECT r.code FROM legal_refs r JOIN documents d USING (doc_id) WHERE d.source_path LIKE '%s.txt'") == [(None,)]


def test_citations_view_counts_mentions_per_document(tmp_db):
    main(["ingest", "--db", tmp_db])
    rows = q(tmp_db, "SELECT code, mentions FROM citations WHERE code = '23/2012/TT-BCA' ORDER BY mentions")
    assert [m for _, m in rows] == [1, 2]  # cited once in one article, twice in another


def test_graph_opens_in_networkx_with_the_stated_links(tmp_db, tmp_path):
    main(["ingest", "--db", tmp_db])
    assert main(["graph", "--db", tmp_db, "--out", str(tmp_path / "g")]) == 0
    g = nx.read_graphml(tmp_path / "g" / "directives.graphml")
    assert set(g.edges) == {("44-KL/TW", "09-CT/TW"), ("30/CT-UBND", "23/2012/TT-BCA"), ("250/KH-BCA-V05", "07/CT-BCA-V28")}
    assert g.nodes["09-CT/TW"]["in_degree"] == 1 and g.nodes["09-CT/TW"]["doc_type"] == "Chỉ thị"
    assert g.edges["44-KL/TW", "09-CT/TW"]["relation"] == "implements"
    assert "tiếp tục đẩy mạnh thực hiện" in g.edges["44-KL/TW", "09-CT/TW"]["evidence"]
    gx = nx.read_gexf(tmp_path / "g" / "directives.gexf")
    assert gx.number_of_edges() == 3
