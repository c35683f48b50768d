"""The report's directive network (issue 26): each group of linked documents drawn by direction
(the documents cited above the ones citing them), arrowheads on every link, a click that draws a
document's chain up to its sources, a year filter that finds the documents without a year, and
links of several relations between the same two documents kept apart, in the report and in the
graph files. Real sentences of ../shared/texts and the bench corpus, quoted exactly."""
import json

import duckdb
import networkx as nx
import pytest

from vietmine.cli import main
from tests.test_views import render

# shared/texts/003.txt: a city's decision implementing a circular that guides a Prime Minister's decision
HCM_003 = (
    "| ỦY B AN NHÂN D Â N T HÀNH P HỐ HỒ C H Í M I NH ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - "
    "Hạnh phúc --------------- |\n|---|\n| Số: 3210/QĐ - UBND | T hành phố Hồ Chí M inh, ngày 28 tháng 6 năm 2014 |"
    "\n\nQUYẾT ĐỊNH\n\nVỀ BAN HÀNH KẾ HOẠCH TRIỂN KHAI THỰC HIỆN THÔNG TƯ SỐ 09/2013/TT-BXD NGÀY 01 THÁNG 7 NĂM 2013 "
    "CỦA BỘ XÂY DỰNG VỀ HƯỚNG DẪN THỰC HIỆN QUYẾT ĐỊNH SỐ 22/2013/QĐ-TTG NGÀY 26 THÁNG 4 NĂM 2013 CỦA THỦ TƯỚNG "
    "CHÍNH PHỦ VỀ HỖ TRỢ NGƯỜI CÓ CÔNG VỚI CÁCH MẠNG VỀ NHÀ Ở TRÊN ĐỊA BÀN THÀNH PHỐ HỒ CHÍ MINH\n\nCHỦ TỊCH ỦY BAN "
    "NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH\n\nCăn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm "
    "2003;\n\nCăn cứ Quyết định số 22/2013/QĐ-TTg ngày 26 tháng 4 năm 2013 của Thủ tướng Chính phủ về hỗ trợ người có "
    "công với cách mạng về nhà ở;\n\nCăn cứ Thông tư số 09/2013/TT-BXD ngày 01 tháng 7 năm 2013 của Bộ Xây dựng về "
    "hướng dẫn thực hiện Quyết định số 22/2013/QĐ-TTg ngày 26 tháng 4 năm 2013 của Thủ tướng Chính phủ về hỗ trợ "
    "người có công với cách mạng về nhà ở;\n")
# bench corpus, baomoi 21478620: Hà Nội's plan implementing the city Party committee's directive, plan undated
HANOI_BENCH = ("Ngày 6-2, UBND TP Hà Nội ban hành Kế hoạch số 23/KH-UBND về Tổ chức thực hiện Chỉ thị số 15-CT/TU, "
               "ngày 16-12-2016, của Thành ủy “Về tăng cường sự lãnh đạo của các cấp ủy đảng đối với công tác tiếp "
               "công dân và giải quyết khiếu nại, tố cáo trên địa bàn TP Hà Nội”.\n")
# shared/texts/012.txt: a circular based on a code amended by six laws
PREAMBLE_012 = (
    "BỘ CÔNG AN \n \n \nSố: 56/2026/TT-BCA \nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM \nĐộc lập - Tự do - Hạnh phúc \n \nHà "
    "Nội, ngày 15 tháng 5 năm 2026 \n \nTHÔNG TƯ \nQuy định quản lý, theo dõi người bị cấm đi khỏi nơi cư trú \n \nCăn "
    "cứ Bộ luật Tố tụng hình sự số 101/2015/QH13 được sửa đổi, bổ sung \nmột số điều theo Luật số 02/2021/QH15, Luật "
    "số 34/2024/QH15, Luật số \n59/2024/QH15, Luật số 99/2025/QH15, Luật số 106/2025/QH15 và Luật số \n128/2025/QH15; \n")


def ingest(tmp_path, texts: dict[str, str]) -> str:
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "r.duckdb")
    assert main(["ingest", *(str(tmp_path / n) for n in texts), "--db", db, "--quiet"]) == 0
    return db


def network(db):
    from vietmine.views import report

    con = duckdb.connect(db, read_only=True)
    try:
        g = report.build_graph(con)
        return g, report.network_data(g, report.link_evidence(con, g))
    finally:
        con.close()


@pytest.mark.parametrize("text, top, bottom", [
    pytest.param(HCM_003, {"22/2013/QĐ-TTg"}, {"3210/QĐ-UBND"}, id="decision-circular-pm-decision-003"),
    pytest.param(HANOI_BENCH, {"15-CT/TU"}, {"23/KH-UBND"}, id="party-directive-over-plan-bench"),
    pytest.param(PREAMBLE_012, {"101/2015/QH13"}, {"56/2026/TT-BCA", "02/2021/QH15", "128/2025/QH15"},
                 id="code-over-its-amending-laws-012"),
])
def test_network_is_drawn_by_direction_with_an_arrowhead_on_every_link(text, top, bottom, tmp_path):
    from vietmine.views import report

    g, data = network(ingest(tmp_path, {"t.txt": text}))
    y = {nd["label"]: nd["y"] for nd in data["nodes"]}
    assert top | bottom <= set(y)
    for e in data["edges"]:  # every cited document stands above the one citing it
        assert data["nodes"][e["t"]]["y"] > data["nodes"][e["s"]]["y"], e["relation"]
    assert max(y.values()) == min(y[n] for n in top) and min(y.values()) == max(y[n] for n in bottom)
    fig = report.network_figure(data)
    links = [t for t in fig.data if (t.uid or "").startswith("links-")]
    # one arrowhead (a marker turned along the line, at its end) per link, in its relation's trace
    assert sum(list(t.marker.size).count(10) for t in links) == len(data["edges"]) == g.number_of_edges()
    assert all(t.marker.symbol == "arrow" and t.marker.angleref == "previous" for t in links)


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_links_of_two_relations_between_the_same_documents_stay_two_edges(fmt, tmp_path):
    # 003: 3210/QĐ-UBND implements 09/2013/TT-BXD (its title) and is based on it (its preamble)
    db = ingest(tmp_path, {"t.txt": HCM_003})
    assert main(["graph", "--db", db, "--format", fmt, "--out", str(tmp_path / "g")]) == 0
    path = tmp_path / "g" / f"directives.{fmt}"
    if fmt == "json":
        g = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="edges")
    else:
        g = getattr(nx, f"read_{fmt}")(path)
    src = next(n for n in g if n.startswith("3210/QĐ-UBND"))
    relations = sorted(a["relation"] for _, v, a in g.out_edges(src, data=True) if v == "09/2013/TT-BXD")
    assert relations == ["based_on", "implements"]
    assert g.nodes[src]["out_degree"] == 2  # linked documents, not edges: 09/2013/TT-BXD and 22/2013/QĐ-TTg


@pytest.mark.slow
def test_click_draws_the_chain_to_the_sources_and_year_unknown_filters_in_chromium(chromium, tmp_path):
    db = ingest(tmp_path, {"hcm.txt": HCM_003, "hanoi.txt": HANOI_BENCH})
    page = tmp_path / "report.html"
    assert main(["report", "--db", db, "--out", str(page)]) == 0
    probe = """<script>window.addEventListener('load', function () { setTimeout(function () {
      var plot = document.getElementById('network'), s = document.getElementById('f-year');
      s.value = '(year unknown)'; s.dispatchEvent(new Event('change'));
      document.body.setAttribute('data-unknown', document.getElementById('f-count').textContent);
      s.value = '(all)'; s.dispatchEvent(new Event('change'));
      var d = JSON.parse(document.getElementById('network-data').textContent);
      window.vietmineNetwork.show(d.nodes.findIndex(function (n) { return n.label === '3210/QĐ-UBND'; }));
      var chain = plot.data.filter(function (t) { return t.uid === 'chain'; })[0];
      document.body.setAttribute('data-chain', chain.marker.size.filter(function (v) { return v > 0; }).length);
      var nodes = plot.data.filter(function (t) { return t.uid === 'documents'; })[0];
      document.body.setAttribute('data-labels', nodes.text.filter(Boolean).sort().join('|'));
    }, 500); });</script>"""
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", probe + "</body>"), encoding="utf-8")
    dom = render(chromium, page, tmp_path)
    assert 'data-unknown="1 of ' in dom  # 23/KH-UBND: Hà Nội's plan, cited without a date
    box = dom[dom.index('id="evidence"'):]
    assert "Chain to its sources (drawn in black)" in box
    assert "3210/QĐ-UBND  —implements→  09/2013/TT-BXD  —guides→  22/2013/QĐ-TTg" in box
    assert "3210/QĐ-UBND  —based_on→  22/2013/QĐ-TTg" in box
    labels = set(dom.split('data-labels="')[1].split('"')[0].split("|"))
    assert {"3210/QĐ-UBND", "09/2013/TT-BXD", "22/2013/QĐ-TTg"} <= labels and "15-CT/TU" not in labels
    assert int(dom.split('data-chain="')[1].split('"')[0]) >= 4  # its links up, each with its arrowhead
