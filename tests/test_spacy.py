"""The spaCy side: `nlp.add_pipe("vietmine")` through the entry point, span groups with their
attributes, saved pipelines, and the DocBin export read back in another process."""
import json
import subprocess
import sys
import textwrap

import pytest

spacy = pytest.importorskip("spacy")

from tests.util import q  # noqa: E402
from vietmine.cli import main  # noqa: E402
from vietmine.spacy_component import TOKENIZER_CONFIG, blank  # noqa: E402

ABOUT_SPANS = textwrap.dedent("""
    def about(doc):
        return [[key, sp.text, sp.label_, sp.kb_id_, sp._.fact] for key, group in doc.spans.items() for sp in group]
""")


def run_fresh(code: str, tmp_path) -> object:
    """Run code (with `about`) in a new interpreter that never imports vietmine itself; it prints JSON last."""
    script = tmp_path / "fresh.py"
    script.write_text(ABOUT_SPANS + textwrap.dedent(code), encoding="utf-8")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert out.returncode == 0, out.stderr[-2000:]
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def nlp():
    n = blank()
    n.add_pipe("vietmine")
    return n


# (sentence, span group, covered text, label, attribute, expected value): values read from the sentence
CASES = [
    ("Kết luận số 44-KL/TW ngày 22/01/2019 của Ban Bí thư về tiếp tục thực hiện Chỉ thị số 09-CT/TW.",
     "legal_refs", "Kết luận số 44-KL/TW", "LEGAL_REF", "code", "44-KL/TW"),
    ("Kết luận số 44-KL/TW ngày 22/01/2019 của Ban Bí thư về tiếp tục thực hiện Chỉ thị số 09-CT/TW.",
     "legal_links", None, "LEGAL_LINK", "relation", "implements"),
    ("Kết luận số 44-KL/TW ngày 22/01/2019 của Ban Bí thư về tiếp tục thực hiện Chỉ thị số 09-CT/TW.",
     "dates", "22/01/2019", "DATE", "value", "2019-01-22"),
    ("Kết luận số 44-KL/TW ngày 22/01/2019 của Ban Bí thư về tiếp tục thực hiện Chỉ thị số 09-CT/TW.",
     "organizations", "Ban Bí thư", "ORG", "name", "Ban Bí thư"),
    ("Năm 2022, thị xã Ninh Hòa có 27/27 xã, phường đạt chuẩn.", "counts", "27/27 xã", "COUNT", "value", 27),
    ("Năm 2022, thị xã Ninh Hòa có 27/27 xã, phường đạt chuẩn.", "places", "thị xã Ninh Hòa", "PLACE",
     "admin_code", "572"),
    ("Tổng vốn đầu tư của dự án là 1.200 tỷ đồng.", "amounts", "1.200 tỷ đồng", "AMOUNT", "value", 1.2e12),
    ("Thượng tướng Lương Tam Quang, Thứ trưởng Bộ Công an, phát biểu.", "people", "Lương Tam Quang", "PERSON",
     "name", "Lương Tam Quang"),
    ("phong trào toàn dân bảo vệ an ninh Tổ quốc (ANTQ) trong giai đoạn 2020 - 2025.", "abbreviations",
     "an ninh Tổ quốc (ANTQ)", "ABBR", "expansion", "an ninh Tổ quốc"),
    ("phong trào toàn dân bảo vệ an ninh Tổ quốc (ANTQ) trong giai đoạn 2020 - 2025.", "periods",
     "giai đoạn 2020 - 2025", "PERIOD", "end_date", "2025-12-31"),
    # the fact ends before the full stop: the punctuation tokenizer gives it a token of its own
    ("Tỷ lệ hộ nghèo giảm còn 3,5% vào năm 2023 tại Hà Nội.", "places", "Hà Nội", "PLACE", "admin_code", "01"),
]


@pytest.mark.parametrize("text,group,covered,label,attr,value", CASES,
                         ids=[f"{c[1]}-{c[4]}" for c in CASES])
def test_span_groups_carry_fact_attributes(nlp, text, group, covered, label, attr, value):
    doc = nlp(text)
    found = [sp for sp in doc.spans[group] if covered is None or sp.text == covered]
    assert found, [sp.text for sp in doc.spans[group]]
    sp = found[0]
    assert sp.label_ == label
    assert sp._.fact[attr] == value
    assert doc._.facts[sp.id_] is not None  # the payload is on the doc, keyed by the span id


def test_doc_sents_are_the_sentences_of_the_facts(nlp):
    doc = nlp("Kết luận số 44-KL/TW ngày 22/01/2019 của Ban Bí thư về tiếp tục thực hiện Chỉ thị số 09-CT/TW. "
              "Năm 2022, thị xã Ninh Hòa có 27/27 xã, phường đạt chuẩn.")
    assert [s.text for s in doc.sents] == [
        "Kết luận số 44-KL/TW ngày 22/01/2019 của Ban Bí thư về tiếp tục thực hiện Chỉ thị số 09-CT/TW.",
        "Năm 2022, thị xã Ninh Hòa có 27/27 xã, phường đạt chuẩn."]
    count = doc.spans["counts"][0]
    assert count.sent.text.startswith("Năm 2022") and count._.fact["sentence_idx"] == 1


def test_every_fact_table_has_a_span_group(nlp):
    from vietmine.facts import FACT_TYPES

    doc = nlp("Hà Nội có 12 trường học.")
    assert set(doc.spans) == {cls.TABLE for cls in FACT_TYPES}


def test_unknown_table_in_config_fails_loudly():
    n = blank()
    with pytest.raises(ValueError, match="unknown fact table.*placez"):
        n.add_pipe("vietmine", config={"tables": ["placez"]})


def test_add_pipe_works_in_a_fresh_process_without_importing_vietmine(tmp_path):
    got = run_fresh("""
        import json, sys, spacy
        nlp = spacy.blank("vi", config={"nlp": {"tokenizer": {"@tokenizers": "vietmine.punct_tokenizer.v1"}}})
        nlp.add_pipe("vietmine", config={"tables": ["legal_refs", "places"]})
        doc = nlp("Chỉ thị số 09-CT/TW được triển khai tại tỉnh Khánh Hòa.")
        nlp.to_disk("saved")
        print(json.dumps({"spans": about(doc), "pipe": nlp.pipe_names}, ensure_ascii=False))
    """, tmp_path)
    assert got["pipe"] == ["vietmine"]
    assert [(k, t, lab, kb) for k, t, lab, kb, _ in got["spans"]] == [
        ("legal_refs", "Chỉ thị số 09-CT/TW", "LEGAL_REF", "09-CT/TW"), ("places", "tỉnh Khánh Hòa", "PLACE", "56")]
    # the saved pipeline loads back with spacy.load alone (tokenizer and component through entry points)
    again = run_fresh("""
        import json, spacy
        nlp = spacy.load("saved")
        doc = nlp("Chỉ thị số 09-CT/TW được triển khai tại tỉnh Khánh Hòa.")
        print(json.dumps({"spans": about(doc), "tokens": [t.text for t in doc]}, ensure_ascii=False))
    """, tmp_path)
    assert again["spans"] == got["spans"]
    assert again["tokens"][-3:] == ["Khánh", "Hòa", "."]


def test_docbin_export_reads_back_in_a_fresh_process(tmp_path, capsys):
    db, out = str(tmp_path / "s.duckdb"), tmp_path / "corpus.spacy"
    assert main(["ingest", "--db", db]) == 0
    assert main(["docbin", "--db", db, "--out", str(out)]) == 0
    assert "5 documents" in capsys.readouterr().out
    got = run_fresh(f"""
        import json, spacy
        from spacy.tokens import DocBin
        nlp = spacy.blank("vi", config={json.dumps(TOKENIZER_CONFIG)})   # registers the extensions too
        docs = list(DocBin().from_disk({str(out)!r}).get_docs(nlp.vocab))
        doc = next(d for d in docs if d._.document["source_path"].endswith("004_a003ad0d4c678184.txt"))
        sents = {{d._.document["doc_id"]: [[s.start_char, s.start_char + len(s[0].text)] for s in d.sents]
                 for d in docs}}
        print(json.dumps({{"n": len(docs), "spans": about(doc), "sents": sents}}, ensure_ascii=False))
    """, tmp_path)
    assert got["n"] == 5
    # the sentences every fact's sentence_idx counts, as doc.sents
    merged = 0
    for doc_id, sents in got["sents"].items():
        stored = [s for (s,) in q(db, "SELECT start_char FROM sentences WHERE doc_id = ? ORDER BY sentence_idx",
                                  doc_id)]
        # each sentence begins where a stored one does, or with the token a stored one begins inside
        # (the segmenter cuts "…com.vn" after "com.", which no token boundary can follow)
        held = [[s for s in stored if first <= s < first_end] for first, first_end in sents]
        assert all(held), (doc_id, sents, stored)
        assert sorted(s for h in held for s in h) == stored
        merged += sum(len(h) - 1 for h in held)
    assert merged <= 2
    by = {(k, t): fact for k, t, _, _, fact in got["spans"]}
    assert by[("legal_refs", "Kết luận số 44-KL/TW")]["code"] == "44-KL/TW"
    assert by[("places", "thị xã Ninh Hòa")]["admin_code"] == "572"
    assert by[("counts", "27/27 xã")]["value"] == 27
    assert by[("organizations", "Bộ Công an")]["name"] == "Bộ Công an"
    assert by[("dates", "22/01/2019")]["value"] == "2019-01-22"
