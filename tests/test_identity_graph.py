"""Document registry, resolution across the corpus, citations view and graph export."""
import networkx as nx

from vietmine.cli import main
from tests.util import q


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


def test_graph_opens_in_networkx_with_the_stated_links_between_identities(tmp_db, tmp_path):
    main(["ingest", "--db", tmp_db])
    assert main(["graph", "--db", tmp_db, "--out", str(tmp_path / "g")]) == 0
    g = nx.read_graphml(tmp_path / "g" / "directives.graphml")
    # DOMAIN.md: Party documents by term (44-KL/TW of 22/01/2019: XII; 09-CT/TW of 01/12/2011: XI),
    # local ones by year and province (Khánh Hòa is 56), ministry plans by year
    assert set(g.edges) == {("44-KL/TW@XII", "09-CT/TW@XI"), ("30/CT-UBND@2012@56", "23/2012/TT-BCA"),
                            ("250/KH-BCA-V05@2020", "07/CT-BCA-V28@2014")}
    node = g.nodes["09-CT/TW@XI"]
    assert (node["code"], node["doc_type"], node["in_degree"], node["out_degree"]) == ("09-CT/TW", "Chỉ thị", 1, 0)
    assert node["status"] == "in force"
    assert g.nodes["23/2012/TT-BCA"]["year"] == 2012  # cited without a date: the year its code carries
    edge = g.edges["44-KL/TW@XII", "09-CT/TW@XI"]
    assert edge["relation"] == "implements" and "tiếp tục đẩy mạnh thực hiện" in edge["evidence"]
    assert nx.read_gexf(tmp_path / "g" / "directives.gexf").number_of_edges() == 3


def test_two_documents_sharing_a_code_but_not_an_identity_stay_two_nodes(tmp_path, tmp_db):
    # every province numbers its own decisions: Sơn La's and Hải Dương's 254/QĐ-UBND are two documents
    write(tmp_path, "sonla.txt", "Căn cứ Quyết định số 254/QĐ-UBND ngày 10/02/2020 của UBND tỉnh Sơn La, "
          "UBND tỉnh Sơn La ban hành Kế hoạch số 30/KH-UBND ngày 12/02/2020 thực hiện Quyết định số 254/QĐ-UBND.")
    write(tmp_path, "haiduong.txt", "UBND tỉnh Hải Dương ban hành Kế hoạch số 12/KH-UBND ngày 05/3/2021 "
          "thực hiện Quyết định số 254/QĐ-UBND ngày 20/01/2021 của UBND tỉnh Hải Dương.")
    main(["ingest", str(tmp_path), "--db", tmp_db])
    keys = {k for (k,) in q(tmp_db, "SELECT registry_key FROM legal_documents WHERE code = '254/QĐ-UBND'")}
    assert len(keys) == 2 and all(k.startswith("254/QĐ-UBND@202") for k in keys)
    assert main(["graph", "--db", tmp_db, "--all", "--out", str(tmp_path / "g")]) == 0
    g = nx.read_graphml(tmp_path / "g" / "directives.graphml")
    # the province that issued each (Sơn La 14, Hải Dương 30), as DOMAIN.md's identity has it
    assert sorted(g.nodes[n]["province"] for n in g.nodes if g.nodes[n]["code"] == "254/QĐ-UBND") == ["14", "30"]


def test_document_status_follows_later_acts_with_their_sentence(tmp_path, tmp_db):
    # shared/texts: a decree amending another one, both cited in full
    write(tmp_path, "nd.txt", "Căn cứ Nghị định số 95/2021/NĐ-CP ngày 01 tháng 11 năm 2021 của Chính phủ sửa đổi, "
          "bổ sung một số điều của Nghị định số 83/2014/NĐ-CP ngày 03 tháng 9 năm 2014 của Chính phủ về kinh doanh xăng dầu.")
    main(["ingest", str(tmp_path), "--db", tmp_db])
    rows = q(tmp_db, "SELECT registry_key, status, relation, by_key, act_date, evidence FROM document_status "
                     "ORDER BY registry_key")
    amended = [r for r in rows if r[0] == "83/2014/NĐ-CP"]
    assert len(amended) == 1
    key, status, relation, by_key, act_date, evidence = amended[0]
    assert (status, relation, by_key, str(act_date)) == ("amended", "amends", "95/2021/NĐ-CP", "2021-11-01")
    assert evidence.startswith("Căn cứ Nghị định số 95/2021/NĐ-CP") and evidence.endswith("kinh doanh xăng dầu.")
    assert [r[1] for r in rows if r[0] == "95/2021/NĐ-CP"] == ["in force"]


def test_a_short_form_resolved_from_a_later_document_gets_its_links(tmp_path, tmp_db):
    short = write(tmp_path, "short.txt", "Công an tỉnh ban hành Kế hoạch số 30/KH-CAT-PV05 ngày 02/3/2015 "
                  "thực hiện Chỉ thị số 07 của Bộ trưởng Bộ Công an về phong trào toàn dân bảo vệ an ninh Tổ quốc.")
    main(["ingest", short, "--db", tmp_db])
    assert q(tmp_db, "SELECT dst_code FROM legal_links") == []
    full = write(tmp_path, "full.txt", "Kế hoạch thực hiện Chỉ thị số 07/CT-BCA-V28 ngày 15/8/2014 của Bộ trưởng Bộ Công an.")
    main(["ingest", full, "--db", tmp_db])
    rows = q(tmp_db, "SELECT src_code, dst_code, relation, dst_key FROM legal_links l JOIN documents d USING (doc_id) "
                     "WHERE d.source_path LIKE '%short.txt'")
    assert rows == [("30/KH-CAT-PV05", "07/CT-BCA-V28", "implements", "07/CT-BCA-V28@2014")]
