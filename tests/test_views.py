"""The researcher's views: HTML report rendered in headless Chromium, `show`, the Python API,
and the one-line hints for common mistakes."""
import shutil
import subprocess

import pytest

import vietmine
from vietmine.cli import main
from tests.conftest import shared_path

CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--hide-scrollbars"]


@pytest.fixture(scope="session")
def chromium():
    """Debian's chromium (CI installs it in .ci/run); tests never install anything themselves."""
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    if exe is None:
        pytest.skip("headless Chromium is not installed (Debian: apt-get install chromium; .ci/run does it)")
    return exe


def render(chromium, page, tmp_path, screenshot=None):
    args = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=15000"]
    if screenshot:
        subprocess.run(args + ["--window-size=1300,5200", f"--screenshot={screenshot}", f"file://{page}"],
                       capture_output=True, timeout=180)
    out = subprocess.run(args + ["--dump-dom", f"file://{page}"], capture_output=True, text=True, timeout=180)
    return out.stdout


@pytest.mark.parametrize("corpus", ["bundled", "texts"])
def test_report_renders_charts_graph_and_map_in_chromium(corpus, chromium, tmp_path):
    db = str(tmp_path / "r.duckdb")
    paths = [] if corpus == "bundled" else [str(shared_path("texts"))]
    assert main(["ingest", *paths, "--db", db]) == 0
    page = tmp_path / "report.html"
    assert main(["report", "--db", db, "--out", str(page)]) == 0
    html = page.read_text(encoding="utf-8")
    assert "cdn" not in html.lower().split("<body>")[0]  # nothing loaded from a network at view time
    shot = tmp_path / f"report-{corpus}.png"
    dom = render(chromium, page, tmp_path, screenshot=shot)
    # every figure was drawn by plotly into an SVG, the network with its nodes and link markers
    assert dom.count('class="main-svg"') >= 2 * 11
    network = dom[dom.index('id="network0"'):]
    assert network.count('class="point"') >= 3
    assert "Directive network" in dom and "Places mentioned" in dom
    assert shot.exists() and shot.stat().st_size > 50_000


def test_show_highlights_every_kind(tmp_db, capsys):
    main(["ingest", "--db", tmp_db])
    capsys.readouterr()
    assert main(["show", "004_a003ad0d4c678184.txt", "--db", tmp_db]) == 0
    out = capsys.readouterr().out
    assert "[Kết luận số 44-KL/TW|legal_refs: 44-KL/TW]" in out
    assert "[27/27 xã|counts: eq 27.0 xã]" in out
    assert "[thị xã Ninh Hòa|places: thị xã Ninh Hòa #572]" in out


def test_python_api(tmp_db):
    main(["ingest", "--db", tmp_db])
    with vietmine.open(tmp_db) as db:
        models = db.counts(province="Khánh Hòa", category="mô hình")
        assert sorted(models["value"]) == [14, 46, 77, 264]
        assert set(db.citations("23/2012/TT-BCA")["source_path"].str[-30:].str.split("/").str[-1]) == {
            "000_12abbadf6209466f.txt", "004_a003ad0d4c678184.txt"}
        g = db.graph()
        assert g.has_edge("44-KL/TW", "09-CT/TW")
        assert db.sql("SELECT count(*) AS n FROM documents")["n"][0] == 5
    facts = vietmine.extract("Kết luận số 44-KL/TW ngày 22/01/2019 của Ban Bí thư về tiếp tục thực hiện Chỉ thị số 09-CT/TW.")
    assert [r["code"] for r in facts["legal_refs"]] == ["44-KL/TW", "09-CT/TW"]
    assert facts["legal_links"][0]["relation"] == "implements"


def test_hints_for_common_mistakes(tmp_db, capsys):
    assert main(["ingest", "--db", tmp_db]) == 0
    capsys.readouterr()
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


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    db = str(tmp_path_factory.mktemp("views") / "sample.duckdb")
    assert main(["ingest", "--db", db, "--quiet"]) == 0
    return db


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
    from vietmine.api import UnknownPlace

    with vietmine.open(sample_db) as db, pytest.raises(UnknownPlace, match="did you mean khanh hoa"):
        db.counts(province="Khanh Hao")


FACT_TABLES = ["legal_refs", "legal_links", "counts", "amounts", "places", "dates", "periods", "people",
               "organizations", "abbreviations"]


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
