"""The researcher's views: HTML report rendered in headless Chromium, `show`, the Python API,
and the one-line hints for common mistakes."""
import html
import json
import re
import subprocess

import networkx as nx

import pytest

import vietmine
from vietmine.cli import main
from tests.conftest import shared_path

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars"]
# Chromium's own background traffic (update checks, accounts), made even with the flags above
BROWSER_HOSTS = ("google.com", "googleapis.com", "gstatic.com", "gvt1.com", "googleusercontent.com")
WINDOW = (1300, 7000)
RECTS_JS = """<script>window.addEventListener('load', function () { setTimeout(function () {
  var r = {}; ['map', 'network'].forEach(function (id) { var e = document.getElementById(id);
    if (e) { var b = e.getBoundingClientRect(); r[id] = [b.left + scrollX, b.top + scrollY, b.width, b.height]; } });
  document.body.setAttribute('data-rects', JSON.stringify(r)); }, 500); });</script>"""


def render(chromium, page, tmp_path, screenshot=None, netlog=None):
    """The page's DOM after its scripts ran; optionally a screenshot and Chromium's network log."""
    args = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=15000",
            f"--window-size={WINDOW[0]},{WINDOW[1]}"]
    if screenshot:
        extra = [f"--log-net-log={netlog}"] if netlog else []
        subprocess.run(args + extra + [f"--screenshot={screenshot}", f"file://{page}"], capture_output=True,
                       timeout=180)
    out = subprocess.run(args + ["--dump-dom", f"file://{page}"], capture_output=True, text=True, timeout=180)
    return out.stdout


def foreign_hosts(netlog) -> set[str]:
    hosts = set(re.findall(r"https?://([A-Za-z0-9.-]+)", netlog.read_text(encoding="utf-8", errors="replace")))
    return {h for h in hosts if not h.endswith(BROWSER_HOSTS)}


def section(dom: str, slug: str) -> str:
    start = dom.index(f'id="panel-{slug}"')
    end = dom.find("<section", start)
    return dom[start:end if end > 0 else len(dom)]


def painted(png, rect) -> tuple[int, int]:
    """(non-white pixels, bluish pixels) inside rect = [x, y, w, h] of a screenshot."""
    Image = pytest.importorskip("PIL.Image", reason="Pillow counts the screenshot's pixels (pip install pillow)")
    x, y, w, h = (int(v) for v in rect)
    im = Image.open(png).convert("RGB").crop((x, y, x + w, y + h))
    import numpy as np

    a = np.asarray(im).astype(int)
    r, g, b = a[..., 0], a[..., 1], a[..., 2]
    return int((r + g + b < 735).sum()), int(((b > r + 25) & (b > 120)).sum())


@pytest.mark.parametrize("corpus", ["bundled", "texts"])
@pytest.mark.slow
def test_report_draws_map_and_network_offline_in_chromium(corpus, chromium, tmp_path):
    db = str(tmp_path / "r.duckdb")
    paths = [] if corpus == "bundled" else [str(shared_path("texts"))]
    assert main(["ingest", *paths, "--db", db]) == 0
    page = tmp_path / "report.html"
    assert main(["report", "--db", db, "--out", str(page)]) == 0
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", RECTS_JS + "</body>"), encoding="utf-8")
    shot, netlog = tmp_path / f"report-{corpus}.png", tmp_path / "net.json"
    dom = render(chromium, page, tmp_path, screenshot=shot, netlog=netlog)
    assert foreign_hosts(netlog) == set()  # plotly's geo would fetch cdn.plot.ly; nothing else may be fetched
    # every figure was drawn by plotly into an SVG; empty panels say why instead
    figures = dom.count('class="plotly-graph-div')
    assert figures >= 6 and dom.count('class="main-svg"') >= 2 * figures
    # the map: the outline and the 63 provinces as filled shapes, the islands as labelled points
    m = section(dom, "map-of-provinces")
    assert m.count('class="trace scattergeo"') >= 64 and "Hoàng Sa" in m and "Trường Sa" in m
    assert "Natural Earth" in m  # the panel says where the outline comes from
    # the network: nodes drawn, filters filled, evidence box ready
    n = section(dom, "directive-network")
    assert n.count('class="point') >= 6 and n.count("<option") >= 6
    # pixels: the map and the network regions are painted (not blank SVGs), the map with blue provinces
    rects = json.loads(html.unescape(re.search(r'data-rects="([^"]+)"', dom).group(1)))
    ink, blue = painted(shot, rects["map"])
    assert ink > 20_000 and blue > 5_000, (ink, blue)
    ink, _ = painted(shot, rects["network"])
    assert ink > 3_000, ink
    # years are whole numbers in order (no 2,011.5 ticks)
    ticks = re.findall(r'class="xtick"><text[^>]*data-unformatted="([^"]*)"', section(dom, "documents-by-year"))
    assert ticks and all(re.fullmatch(r"\d{4}", t) for t in ticks) and ticks == sorted(ticks), ticks


def test_report_on_an_empty_database_explains_every_panel(tmp_path, capsys):
    from vietmine.pipeline.store import Store

    db = str(tmp_path / "empty.duckdb")
    Store(db).close()
    page = tmp_path / "report.html"
    assert main(["report", "--db", db, "--out", str(page)]) == 0
    assert "(0 figures" in capsys.readouterr().out
    text = page.read_text(encoding="utf-8")
    notes = re.findall(r"<section class=\"panel empty\"[^>]*><h3>[^<]*</h3><p class='note'>([^<]+)</p>", text)
    assert len(notes) == 5 and all(n.rstrip().endswith(".") and len(n.split()) >= 8 for n in notes), notes
    assert "plotly" not in text.lower()  # no figure, so no 4 MB of JavaScript


def big_network(n=240):
    """A directive network the size of a large corpus: a few hubs cited by many documents."""
    g = nx.DiGraph()
    types, issuers = ["Chỉ thị", "Nghị định", "Quyết định", "Thông tư"], ["TW", "CP", "TTg", "BCA", "UBND"]
    for i in range(n):
        g.add_node(f"{i}/{2000 + i % 20}/X", doc_type=types[i % 4], issuer=issuers[i % 5], year=2000 + i % 20,
                   mentions=1 + i % 7)
    for i in range(10, n):
        hub = f"{i % 10}/{2000 + (i % 10) % 20}/X"
        g.add_edge(f"{i}/{2000 + i % 20}/X", hub, relation="implements",
                   evidence=f"Văn bản {i} thực hiện văn bản {i % 10}.", doc_id=f"d{i}")
    g.add_edge("0/2000/X", "1/2001/X", relation="amends", evidence="Văn bản 0 sửa đổi văn bản 1.", doc_id="d0")
    for node in g.nodes:
        g.nodes[node]["in_degree"] = g.in_degree(node)
    return g


def test_network_of_240_documents_labels_only_the_most_cited():
    from vietmine.views import report

    data = report.network_data(big_network())
    fig = report.network_figure(data)
    nodes = next(t for t in fig.data if t.uid == "documents")
    labels = [t for t in nodes.text if t]
    assert len(nodes.x) == 240 and len(labels) == report.LABELLED_NODES
    assert {"0/2000/X", "9/2009/X"} <= set(labels)  # the hubs, cited 23 times each
    assert all(h for h in nodes.hovertext)  # every document still named on hover


@pytest.mark.slow
def test_network_filters_and_click_in_chromium(chromium, tmp_path, monkeypatch):
    from vietmine.views import report

    db = str(tmp_path / "r.duckdb")
    assert main(["ingest", "--db", db]) == 0
    monkeypatch.setattr(report, "build_graph", lambda con: big_network())
    page = tmp_path / "report.html"
    assert main(["report", "--db", db, "--out", str(page)]) == 0
    probe = """<script>window.addEventListener('load', function () { setTimeout(function () {
      var s = document.getElementById('f-type'); s.value = 'Thông tư'; s.dispatchEvent(new Event('change'));
      document.body.setAttribute('data-count', document.getElementById('f-count').textContent);
      var d = JSON.parse(document.getElementById('network-data').textContent);
      window.vietmineNetwork.show(d.nodes.findIndex(function (n) { return n.label === '1/2001/X'; }));
      // the map's menu: colour the provinces by the first count category instead of place mentions
      var map = document.getElementById('map'), button = map.layout.updatemenus[0].buttons[1];
      Plotly.restyle(map, button.args[0]).then(function () {
        var t = map.querySelector('.colorbar .cbtitle text');
        document.body.setAttribute('data-map', button.label + '|' + (t && t.textContent)); });
    }, 500); });</script>"""
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", probe + "</body>"), encoding="utf-8")
    dom = render(chromium, page, tmp_path)
    assert 'data-count="60 of 240 documents shown"' in dom
    assert 'data-map="counts: mô hình|counts: mô hình"' in dom  # the category with most counts in the sample
    box = dom[dom.index('id="evidence"'):]
    box = box[:box.index("</div>\n") if "</div>\n" in box else len(box)]
    assert "Cites (outgoing links): 0" in box and "Cited by (incoming links): 24" in box
    assert "Văn bản 0 sửa đổi văn bản 1." in box and "Văn bản 11 thực hiện văn bản 1." in box


def test_link_evidence_is_the_whole_sentence(tmp_db):
    """The report quotes the sentences holding a link, not the stored excerpt cut at a length."""
    import duckdb

    from vietmine.views import report

    assert main(["ingest", "--db", tmp_db]) == 0
    con = duckdb.connect(tmp_db, read_only=True)
    g = report.build_graph(con)
    ev = report.link_evidence(con, g)
    text = con.execute("SELECT text FROM documents WHERE source_path LIKE '%004_a003ad0d4c678184.txt'").fetchall()[0][0]
    quotes = [e["sentence"] for evs in ev.values() for e in evs if "44-KL/TW" in e["sentence"]]
    assert quotes
    for q in quotes:
        i = text.index(q)
        # starts a sentence: a line break always ends one in these sources
        assert i == 0 or text[i - 1] == "\n" or text[i - 1] == " " and text[:i].rstrip()[-1] in ".!?:;\"”"
        assert q.rstrip()[-1] in ".!?;:\"”"  # and ends one


@pytest.mark.parametrize("text,expected", [
    ("Kết luận số 44-KL/TW về tiếp tục thực hiện Chỉ thị số 09-CT/TW về tăng cư", "Kết luận số 44-KL/TW về tiếp tục thực hiện Chỉ thị số 09-CT/TW về tăng …"),
    ("Thực hiện Chỉ thị số 09-CT/TW.", "Thực hiện Chỉ thị số 09-CT/TW."),
], ids=["cut-mid-word", "whole-sentence"])
def test_stored_excerpt_is_never_shown_cut_mid_word(text, expected):
    from vietmine.views.report import _whole_words

    assert _whole_words(text) == expected


def test_show_labels_every_kind_in_the_terminal(sample_db, capsys):
    tmp_db = sample_db
    assert main(["show", "004_a003ad0d4c678184.txt", "--db", tmp_db]) == 0
    out = capsys.readouterr().out
    for piece in ["[Kết luận số 44-KL/TW|legal_refs: 44-KL/TW]", "[27/27 xã|counts: eq 27 xã]",
                  "[thị xã Ninh Hòa|places: thị xã Ninh Hòa #572]", "[Bộ Công an|organizations: Bộ Công an]",
                  "[Lương Tam Quang|people: Lương Tam Quang", "|abbreviations: ANTQ = an ninh Tổ quốc]",
                  "[giai đoạn 2020 - 2025|periods: year_range 2020-01-01–2025-12-31]",
                  # inside an organisation's name: listed under the text
                  "'tỉnh Khánh Hòa' places: tỉnh Khánh Hòa #56",
                  "legal_links: implements → 09-CT/TW"]:
        assert piece in out, piece
    assert main(["show", "004_a003ad0d4c678184.txt", "--db", tmp_db, "--kinds", "places"]) == 0
    out = capsys.readouterr().out
    assert "|places:" in out and "|counts:" not in out and "|organizations:" not in out


def _page_text(page: str) -> str:
    """What a reader sees as the text of a `show --html` page: the text block's characters (labels
    are generated CSS content, not text)."""
    body = re.search(r'<div class="text">(.*?)</div>', page, re.S).group(1)
    return html.unescape(re.sub(r"<[^>]+>", "", body))


def test_show_html_labels_every_kind_and_escapes_metadata(sample_copy, tmp_path, capsys):
    import duckdb

    tmp_db = sample_copy
    # metadata is escaped: a title with markup shows as text
    con = duckdb.connect(tmp_db)
    con.execute("UPDATE documents SET title = '<script>alert(1)</script> Ninh Hòa', outlet = 'Báo Khánh Hòa' "
                "WHERE source_path LIKE '%004_a003ad0d4c678184.txt'")
    con.close()
    out = tmp_path / "004.html"
    assert main(["show", "004_a003ad0d4c678184.txt", "--db", tmp_db, "--html", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; Ninh Hòa" in page
    assert "Báo Khánh Hòa" in page and "004_a003ad0d4c678184.txt" in page
    for label in ["LEGAL_REF 44-KL/TW", "COUNT 27", "PLACE 572", "ORG", "PERSON", "ABBR", "PERIOD year_range",
                  "DATE 2019-01-22", "LEGAL_LINK implements"]:
        assert f'data-l="{label}' in page, label
    assert "http" not in page  # nothing fetched
    assert main(["show", "004_a003ad0d4c678184.txt", "--db", tmp_db, "--html", str(out), "--kinds", "counts"]) == 0
    page = out.read_text(encoding="utf-8")
    assert 'data-l="COUNT 27' in page and "PLACE 572" not in page
    assert main(["show", "004_a003ad0d4c678184.txt", "--db", tmp_db, "--kinds", "placez"]) == 2  # a usage error, like argparse
    assert "unknown kind(s) placez" in capsys.readouterr().err


def test_show_html_shows_every_document_text_exactly(sample_db, tmp_path):
    """Every character, space and line break of each bundled document, in order, with each fact's
    pieces spelling its surface."""
    with vietmine.open(sample_db) as db:
        ids = db.sql("SELECT doc_id FROM documents ORDER BY 1").doc_id
        for doc_id in ids:
            _, text = db.document(doc_id)
            page = db.show_html(doc_id, None)
            assert _page_text(page) == text
            assert len(re.findall(r'class="lab"', page)) == len(db.spans(doc_id))


@pytest.mark.parametrize("sentence, shown, label", [
    ("c) Bố, mẹ đẻ; bố, mẹ vợ hoặc chồng; người nuôi dưỡng hợp pháp; vợ hoặc chồng; con đẻ, con nuôi hợp pháp của "
     "hạ sĩ quan, chiến sĩ bị từ trần, mất tích được trợ cấp 1.000.000 đồng/suất.",
     "1.000.000 đồng/suất.", "AMOUNT 1000000 đồng"),
    ("Tổng giá trị thu từ ngành nông nghiệp đạt 145,5 tỷ đồng, đạt 102% kế hoạch, tăng 46,2 tỷ đồng so với năm 2015.",
     "145,5 tỷ đồng, đạt 102% kế hoạch", "AMOUNT 145500000000 đồng"),
    ("| Số: 87/2013/NĐ-CP | Hà Nội, ngày 30 tháng 07 năm 2013 |", "Số: 87/2013/NĐ-CP | Hà Nội,", "LEGAL_REF 87/2013/NĐ-CP"),
], ids=["amount-per-head", "amount-billions-decimal-comma", "decree-header"])
def test_show_html_keeps_codes_punctuation_and_numbers_as_written(sentence, shown, label, tmp_path):
    """Real sentences (shared texts 004 and 023): no "87/2013 / NĐ - CP", no space before a
    punctuation mark, and a label's number written out (never 2e+06)."""
    src = tmp_path / "one.txt"
    src.write_text(sentence + "\n", encoding="utf-8")
    db, page = str(tmp_path / "one.duckdb"), tmp_path / "one.html"
    assert main(["ingest", str(src), "--db", db, "--quiet"]) == 0
    assert main(["show", "one.txt", "--db", db, "--html", str(page)]) == 0
    page = page.read_text(encoding="utf-8")
    assert shown in _page_text(page) and sentence in _page_text(page)
    assert f'data-l="{label}"' in page and "e+" not in page


def test_python_api(sample_db):
    with vietmine.open(sample_db) as db:
        models = db.counts(province="Khánh Hòa", category="mô hình")
        assert sorted(models["value"]) == [14, 46, 77, 264]
        assert set(db.citations("23/2012/TT-BCA")["source_path"].str[-30:].str.split("/").str[-1]) == {
            "000_12abbadf6209466f.txt", "004_a003ad0d4c678184.txt"}
        g = db.graph()
        assert g.has_edge("44-KL/TW@XII", "09-CT/TW@XI")
        assert db.sql("SELECT count(*) AS n FROM documents")["n"][0] == 5
    facts = vietmine.extract("Kết luận số 44-KL/TW ngày 22/01/2019 của Ban Bí thư về tiếp tục thực hiện Chỉ thị số 09-CT/TW.")
    assert [r["code"] for r in facts["legal_refs"]] == ["44-KL/TW", "09-CT/TW"]
    assert facts["legal_links"][0]["relation"] == "implements"


def test_hints_for_common_mistakes(sample_db, capsys):
    tmp_db = sample_db
    assert main(["sql", "SELECT * FROM countz", "--db", tmp_db]) == 1
    assert "did you mean counts" in capsys.readouterr().err
    assert main(["sql", "SELECT valu FROM counts", "--db", tmp_db]) == 1
    assert "did you mean value" in capsys.readouterr().err
    assert main(["show", "004_a003", "--db", tmp_db]) == 1
    assert "did you mean 004_a003ad0d4c678184.txt" in capsys.readouterr().err
    assert main(["stats", "--db", "nowhere.duckdb"]) == 2
    assert "no database at nowhere.duckdb; create it with: vietmine ingest" in capsys.readouterr().err
    with pytest.raises(vietmine.DatabaseError, match="vietmine ingest"):
        vietmine.open("nowhere.duckdb")


@pytest.mark.parametrize("published,date_in_text,expected", [
    ("2020-03-01", "2019-05-02", ({2020: 1}, "1 from the source's metadata, 0 from a publication date")),
    (None, "2019-05-02", ({2019: 1}, "0 from the source's metadata, 1 from a publication date")),
    (None, None, ({}, "No document has a publication date")),
], ids=["metadata-wins", "date-in-text", "neither"])
def test_documents_by_year_falls_back_to_the_publication_date_in_the_text(tmp_db, published, date_in_text,
                                                                          expected):
    import duckdb

    from vietmine.views.report import corpus_panels

    assert main(["ingest", "--db", tmp_db]) == 0
    con = duckdb.connect(tmp_db)
    con.execute("UPDATE documents SET published = NULL")
    con.execute("DELETE FROM dates WHERE role = 'published'")
    doc_id = con.execute("SELECT min(doc_id) FROM documents").fetchall()[0][0]
    if published:
        con.execute("UPDATE documents SET published = ? WHERE doc_id = ?", [published, doc_id])
    if date_in_text:
        con.execute("INSERT INTO dates (doc_id, value, precision, start_char, end_char, role) "
                    "VALUES (?, ?, 'day', 0, 10, 'published')", [doc_id, date_in_text])
    panel = next(p for p in corpus_panels(con) if p.title == "Documents by year")
    years, note = expected
    assert note in panel.note
    if years:
        bar = panel.fig.data[0]
        assert dict(zip(bar.x, bar.y)) == years
        assert "4 documents without either are not shown" in panel.note
    else:
        assert panel.fig is None


@pytest.mark.parametrize("name", ["Khánh Hòa", "Khánh Hoà", "Khanh Hoa", "khanh  hoa", "tỉnh Khánh Hòa", "56"],
                         ids=["modern-tones", "old-tones", "no-tones", "lower-case", "with-unit-word", "code"])
def test_province_filter_with_or_without_tone_marks(name, sample_db):
    with vietmine.open(sample_db) as db:
        assert sorted(db.counts(province=name, category="mô hình")["value"]) == [14, 46, 77, 264]


@pytest.mark.parametrize("name", ["Ninh Hòa", "Ninh Hoà", "Ninh Hoa", "NINH HOA"])
def test_places_filter_with_or_without_tone_marks(name, sample_db):
    with vietmine.open(sample_db) as db:
        found = db.places(name=name)
        with_tones = db.sql("SELECT count(*) AS n FROM places WHERE name = 'Ninh Hòa'")["n"][0]
    assert len(found) == with_tones > 0
    assert set(found["name"]) == {"Ninh Hòa"}


def test_unknown_province_is_an_error_with_the_closest_names(sample_db):
    from vietmine.errors import UnknownPlace

    with vietmine.open(sample_db) as db, pytest.raises(UnknownPlace, match="did you mean khanh hoa"):
        db.counts(province="Khanh Hao")


from tests.util import FACT_TABLES  # noqa: E402


@pytest.mark.parametrize("text, nonempty", [
    ("Hôm nay trời đẹp.", set()),
    ("Kết luận số 44-KL/TW ngày 22/01/2019 của Ban Bí thư về tiếp tục thực hiện Chỉ thị số 09-CT/TW.",
     {"legal_refs", "legal_links", "dates"}),
], ids=["no-facts", "legal-sentence"])
def test_extract_returns_every_fact_table_each_time(text, nonempty):
    facts = vietmine.extract(text)
    assert list(facts) == FACT_TABLES
    assert nonempty <= {t for t, rows in facts.items() if rows}
    frames = vietmine.extract(text, as_frames=True)
    assert list(frames) == FACT_TABLES
    for table, frame in frames.items():
        assert len(frame) == len(facts[table])
        assert {"doc_id", "sentence_idx", "surface", "start_char", "end_char"} <= set(frame.columns)
        assert [r["surface"] for r in facts[table]] == [text[r["start_char"]:r["end_char"]] for r in facts[table]]
    if "legal_refs" in nonempty:
        assert list(frames["legal_refs"]["surface"]) == ["Kết luận số 44-KL/TW", "Chỉ thị số 09-CT/TW"]
