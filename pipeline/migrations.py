"""Numbered, named schema migrations, as sqlite-utils' migrations do it: each runs once, in order,
inside the writer's transaction, and is recorded in the `migrations` table. A migration's SQL is
frozen once released: a new column or table is a new migration, never an edit of an old one.
`check_schema` then verifies that the tables hold every column the fact kinds declare, so a
forgotten migration fails the test suite instead of an ingest. The registry views over the
references (`legal_documents`, `citations`, `document_status`) are defined here too, keyed by the
identities of pipeline/identity.py."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from typing import Callable

import duckdb

from vietmine.errors import DatabaseError
from vietmine.pipeline.connections import insert_rows


@dataclass(frozen=True)
class Migration:
    number: int
    name: str
    apply: Callable[[duckdb.DuckDBPyConnection], None]


MIGRATIONS: list[Migration] = []


def migration(number: int, name: str):
    def register(fn):
        assert number == len(MIGRATIONS) + 1, f"migration {number} out of order"
        MIGRATIONS.append(Migration(number, name, fn))
        return fn
    return register


def _run(con, statements: str) -> None:
    for stmt in filter(str.strip, statements.split(";")):
        con.execute(stmt)


@migration(1, "initial schema")
def _initial(con):
    _run(con, """
    CREATE TABLE IF NOT EXISTS schema_info ("key" VARCHAR PRIMARY KEY, "value" VARCHAR);
    CREATE TABLE IF NOT EXISTS documents (doc_id VARCHAR PRIMARY KEY, source_path VARCHAR, "text" VARCHAR,
        title VARCHAR, published DATE, author VARCHAR, outlet VARCHAR, kind VARCHAR, content_hash VARCHAR,
        main_province VARCHAR, n_sentences INTEGER, ingested_at TIMESTAMP);
    CREATE TABLE IF NOT EXISTS sentences (doc_id VARCHAR, sentence_idx INTEGER, start_char INTEGER, end_char INTEGER);
    CREATE TABLE IF NOT EXISTS runs (run_id INTEGER, started_at TIMESTAMP, finished_at TIMESTAMP, "version" VARCHAR,
        files_seen INTEGER, loaded INTEGER, unchanged INTEGER, replaced INTEGER, skipped INTEGER);
    CREATE TABLE IF NOT EXISTS problems (run_id INTEGER, source_path VARCHAR, reason VARCHAR, seen_at TIMESTAMP);
    CREATE TABLE IF NOT EXISTS legal_refs (doc_id VARCHAR, doc_type VARCHAR, number VARCHAR, code VARCHAR,
        start_char INTEGER, end_char INTEGER, issue_date DATE, issuer VARCHAR, issuer_code VARCHAR, subject VARCHAR,
        surface VARCHAR, resolved_by VARCHAR, sentence_idx INTEGER);
    CREATE TABLE IF NOT EXISTS legal_links (doc_id VARCHAR, src_code VARCHAR, dst_code VARCHAR, relation VARCHAR,
        start_char INTEGER, end_char INTEGER, evidence VARCHAR, sentence_idx INTEGER);
    CREATE TABLE IF NOT EXISTS counts (doc_id VARCHAR, "value" DOUBLE, cmp VARCHAR, is_percent BOOLEAN, entity VARCHAR,
        start_char INTEGER, end_char INTEGER, value_max DOUBLE, denominator DOUBLE, category VARCHAR,
        modality VARCHAR, "year" INTEGER, sentence_idx INTEGER);
    CREATE TABLE IF NOT EXISTS amounts (doc_id VARCHAR, "value" DOUBLE, unit VARCHAR, start_char INTEGER,
        end_char INTEGER, cmp VARCHAR, sentence_idx INTEGER);
    CREATE TABLE IF NOT EXISTS places (doc_id VARCHAR, "name" VARCHAR, "level" VARCHAR, start_char INTEGER,
        end_char INTEGER, admin_code VARCHAR, province_code VARCHAR, admin_code_2025 VARCHAR, candidates VARCHAR,
        sentence_idx INTEGER);
    CREATE TABLE IF NOT EXISTS dates (doc_id VARCHAR, "value" DATE, "precision" VARCHAR, start_char INTEGER,
        end_char INTEGER, "role" VARCHAR, sentence_idx INTEGER)
    """)


@migration(2, "people, organisations, abbreviations and periods; raw hashes, registry keys, nested counts")
def _people_and_context(con):
    _run(con, """
    CREATE TABLE IF NOT EXISTS periods (doc_id VARCHAR, sentence_idx INTEGER, kind VARCHAR, start_date DATE,
        end_date DATE, start_char INTEGER, end_char INTEGER);
    CREATE TABLE IF NOT EXISTS people (doc_id VARCHAR, sentence_idx INTEGER, "name" VARCHAR, start_char INTEGER,
        end_char INTEGER, "rank" VARCHAR, "position" VARCHAR);
    CREATE TABLE IF NOT EXISTS organizations (doc_id VARCHAR, sentence_idx INTEGER, "name" VARCHAR,
        "normalized" VARCHAR, kind VARCHAR, start_char INTEGER, end_char INTEGER, admin_code VARCHAR);
    CREATE TABLE IF NOT EXISTS abbreviations (doc_id VARCHAR, sentence_idx INTEGER, short VARCHAR,
        expansion VARCHAR, defined_in_text BOOLEAN, start_char INTEGER, end_char INTEGER);
    ALTER TABLE documents ADD COLUMN IF NOT EXISTS raw_hash VARCHAR;
    ALTER TABLE legal_refs ADD COLUMN IF NOT EXISTS registry_key VARCHAR;
    ALTER TABLE counts ADD COLUMN IF NOT EXISTS parent_start INTEGER;
    ALTER TABLE counts ADD COLUMN IF NOT EXISTS place VARCHAR
    """)


@migration(3, "gazetteer tables")
def _gazetteer(con):
    """The official units (before and after 2025) and the old-to-new map, so that SQL can group
    facts by today's units (their rows are loaded by `sync_reference_tables`, once per version of
    the data)."""
    _run(con, """
    CREATE TABLE IF NOT EXISTS admin_units (code VARCHAR, era VARCHAR, "name" VARCHAR, unit_word VARCHAR,
        tier VARCHAR, province_code VARCHAR, district_code VARCHAR, lat DOUBLE, lon DOUBLE);
    CREATE TABLE IF NOT EXISTS admin_units_2025 (old_code VARCHAR, new_code VARCHAR)
    """)


@migration(4, "rules version of each document; identity of both ends of a link")
def _rules_version_and_link_identity(con):
    _run(con, """
    ALTER TABLE documents ADD COLUMN IF NOT EXISTS rules_version VARCHAR;
    ALTER TABLE legal_links ADD COLUMN IF NOT EXISTS src_key VARCHAR;
    ALTER TABLE legal_links ADD COLUMN IF NOT EXISTS dst_key VARCHAR
    """)


@migration(5, "canonical source of each document; status and counts of each run")
def _source_identity_and_run_status(con):
    """documents.source_key: the canonical source (resolved absolute path, plus the line's id or
    content hash for JSON lines), the identity a document is kept by; source_path stays the path
    as given. runs.status: running, complete, interrupted or failed."""
    _run(con, """
    ALTER TABLE documents ADD COLUMN IF NOT EXISTS source_key VARCHAR;
    ALTER TABLE runs ADD COLUMN IF NOT EXISTS status VARCHAR;
    ALTER TABLE runs ADD COLUMN IF NOT EXISTS reextracted INTEGER;
    ALTER TABLE runs ADD COLUMN IF NOT EXISTS missing INTEGER;
    ALTER TABLE runs ADD COLUMN IF NOT EXISTS pruned INTEGER;
    UPDATE runs SET status = CASE WHEN finished_at IS NULL THEN 'interrupted' ELSE 'complete' END
    """)


@migration(6, "surface text of every fact")
def _surface(con):
    """Every fact table gets `surface` = text[start_char:end_char] (legal_refs has it since 1);
    rows of older databases are filled from their documents' text."""
    for table in ("legal_links", "counts", "amounts", "places", "dates", "periods", "people", "organizations",
                  "abbreviations"):
        con.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS surface VARCHAR")
        con.execute(f"""UPDATE {table} AS f SET surface = substr(d.text, f.start_char + 1, f.end_char - f.start_char)
                        FROM documents d WHERE f.doc_id = d.doc_id AND f.surface IS NULL""")


@migration(7, "documents removed by each run")
def _removed(con):
    """runs.removed: documents taken out by `vietmine remove` (each named in `problems`)."""
    _run(con, "ALTER TABLE runs ADD COLUMN IF NOT EXISTS removed INTEGER")


@migration(8, "official place of each count")
def _count_places(con):
    """counts.place_code and counts.province_code: the official codes of the unit a count is
    about, so that GROUP BY a province is exact; counts.place_source: whether that unit was
    named in the count's sentence, its paragraph, or is the document's main province. Rows of
    older databases keep NULL until their documents are extracted again."""
    _run(con, """
    ALTER TABLE counts ADD COLUMN IF NOT EXISTS place_code VARCHAR;
    ALTER TABLE counts ADD COLUMN IF NOT EXISTS province_code VARCHAR;
    ALTER TABLE counts ADD COLUMN IF NOT EXISTS place_source VARCHAR
    """)


@migration(9, "reference tables carry their version; the 0.1 snapshot copy is removed")
def _reference_versions(con):
    """`reference_tables`: the version of the data each reference table was loaded from, so that
    `sync_reference_tables` reloads it when the data changes (migration 3 kept the units an older
    vietmine had loaded, garbled names included). The database's `.snapshot` copy, which readers
    of vietmine 0.1 read, is stale from here on: removed."""
    import os

    con.execute("CREATE TABLE IF NOT EXISTS reference_tables (table_name VARCHAR PRIMARY KEY, version VARCHAR, "
                "loaded_at TIMESTAMP)")
    for (path,) in con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchall():
        if path:
            try:
                os.remove(path + ".snapshot")
            except OSError:
                pass


REFERENCE_TABLES = ("admin_units", "admin_units_2025")


def reference_version() -> str:
    """A hash of the data the reference tables are made from (the official units of the
    vietnamadminunits package and its 2025 conversion)."""
    import hashlib

    from vietmine.gazetteer.places import _package_dir

    h = hashlib.sha1()
    for name in ("dataset.db", "converter_2025.json"):
        h.update((_package_dir() / name).read_bytes())
    return h.hexdigest()[:16]


def _reference_rows() -> dict[str, tuple[list[tuple[str, str]], list[tuple]]]:
    """The rows of each reference table, with its columns."""
    from vietmine.gazetteer.places import gazetteer

    g = gazetteer()
    return {
        "admin_units": ([("code", "VARCHAR"), ("era", "VARCHAR"), ("name", "VARCHAR"), ("unit_word", "VARCHAR"),
                         ("tier", "VARCHAR"), ("province_code", "VARCHAR"), ("district_code", "VARCHAR"),
                         ("lat", "DOUBLE"), ("lon", "DOUBLE")],
                        [(u.code, u.era, u.name, u.unit_word, u.tier, u.province_code, u.district_code, u.lat, u.lon)
                         for u in g.units]),
        # province keys are stored as 'P' + code in the map; communes by their own code
        "admin_units_2025": ([("old_code", "VARCHAR"), ("new_code", "VARCHAR")],
                             [(k.removeprefix("P"), v) for k, v in g.old_to_new.items()]),
    }


def sync_reference_tables(con) -> bool:
    """Reload the reference tables whose recorded version is not the current one (inside the
    writer's transaction); True when they were reloaded."""
    version = reference_version()
    stored = dict(con.execute("SELECT table_name, version FROM reference_tables").fetchall())
    if all(stored.get(t) == version for t in REFERENCE_TABLES):
        return False
    for table, (columns, rows) in _reference_rows().items():
        con.execute(f"DELETE FROM {table}")
        insert_rows(con, table, columns, rows)
        con.execute("INSERT OR REPLACE INTO reference_tables VALUES (?, ?, ?)", [table, version, dt.datetime.now()])
    return True


# The registry: one row per cited document. Every column is deterministic (no mode() ties):
# the most frequent value, ties broken by the value itself. `issue_date` is the date of the
# document's own text when the corpus holds it (a text whose first header reference "Số: X" in
# its first 4,000 characters is X, as pipeline/links.py reads a text's own number; the text's
# publication date, read from its "Hà Nội, ngày ..." header, is then X's date), else the
# earliest date cited with it. `year` is the year of issue_date, else the year the identity
# carries (101/2015/QH13, 30/CT-UBND@2012@56), else NULL.
VIEWS = [
    r"""CREATE OR REPLACE VIEW legal_documents AS
       WITH own AS (
         SELECT registry_key, min(published) AS published FROM (
           SELECT r.registry_key, d.published
           FROM legal_refs r JOIN documents d USING (doc_id)
           WHERE r.code IS NOT NULL AND r.start_char < 4000
             AND regexp_matches(substr(d.text, greatest(1, r.start_char - 11), least(r.start_char, 12)),
                                '(^|\n)[\s|*#]{0,6}Số\s*:?\s*$')
           QUALIFY row_number() OVER (PARTITION BY r.doc_id ORDER BY r.start_char) = 1)
         WHERE registry_key IS NOT NULL GROUP BY registry_key),
       ranked AS (
         SELECT registry_key, code, doc_type, issue_date, issuer, issuer_code, subject, doc_id,
                count(*) OVER (PARTITION BY registry_key, doc_type) AS n_type,
                count(*) OVER (PARTITION BY registry_key, issuer) AS n_issuer,
                count(*) OVER (PARTITION BY registry_key, issuer_code) AS n_icode,
                count(*) OVER (PARTITION BY registry_key, subject) AS n_subject
         FROM legal_refs WHERE registry_key IS NOT NULL),
       registry AS (
         SELECT registry_key, min(code) AS code,
                arg_max(doc_type, (n_type, doc_type)) AS doc_type,
                coalesce(any_value(own.published), min(issue_date)) AS issue_date,
                arg_max(issuer, (issuer IS NOT NULL, n_issuer, issuer)) AS issuer,
                arg_max(issuer_code, (issuer_code IS NOT NULL, n_icode, issuer_code)) AS issuer_code,
                arg_max(subject, (subject IS NOT NULL, n_subject, subject)) AS subject,
                count(*) AS mentions, count(DISTINCT doc_id) AS citing_documents
         FROM ranked LEFT JOIN own USING (registry_key) GROUP BY registry_key)
       SELECT registry_key, code, doc_type, issue_date,
              coalesce(year(issue_date), TRY_CAST(coalesce(
                  nullif(regexp_extract(registry_key, '^\d+[a-c]?/((?:19|20)\d\d)/', 1), ''),
                  nullif(regexp_extract(registry_key, '@((?:19|20)\d\d)(?:@|$)', 1), '')) AS INTEGER)) AS "year",
              * EXCLUDE (registry_key, code, doc_type, issue_date)
       FROM registry""",
    """CREATE OR REPLACE VIEW citations AS
       SELECT r.doc_id, r.registry_key, min(r.code) AS code, min(r.doc_type) AS doc_type,
              count(*) AS mentions, min(r.issue_date) AS issue_date, min(d.published) AS published,
              min(d.main_province) AS province
       FROM legal_refs r JOIN documents d USING (doc_id)
       WHERE r.registry_key IS NOT NULL GROUP BY r.doc_id, r.registry_key""",
    # What happened to each registry document according to the corpus: one row per later act
    # on it (amends, replaces, repeals, suspends) with the acting document, its date and the whole
    # sentence that states it; documents nothing acts on have one row with NULL act columns.
    # `act_date` is the acting document's own issue date (legal_documents.issue_date: its own text
    # in the corpus, or a date cited with it anywhere), never the date of the text that mentions
    # it: a preamble citing six amending laws by number alone says nothing of when they were
    # passed, so their act_date is NULL; `act_year` is its legal_documents.year (the year of act_date,
    # else the year its identity carries: 2021 for Luật số 02/2021/QH15).
    # `status` is the strongest act: repealed > replaced > suspended > amended > in force.
    r"""CREATE OR REPLACE VIEW document_status AS
       WITH acts AS (
         SELECT l.dst_key AS registry_key, l.src_key AS by_key, l.src_code AS by_code, l.relation, l.doc_id,
                src.issue_date AS act_date, src.year AS act_year,
                substr(d.text, s.start_char + 1, s.end_char - s.start_char) AS evidence
         FROM legal_links l JOIN documents d USING (doc_id)
         LEFT JOIN sentences s ON s.doc_id = l.doc_id AND s.sentence_idx = l.sentence_idx
         LEFT JOIN legal_documents src ON src.registry_key = l.src_key
         WHERE l.relation IN ('amends', 'replaces', 'repeals', 'suspends') AND l.dst_key IS NOT NULL),
       ranked AS (
         SELECT registry_key, max(CASE relation WHEN 'repeals' THEN 4 WHEN 'replaces' THEN 3
                                                WHEN 'suspends' THEN 2 ELSE 1 END) AS strength
         FROM acts GROUP BY registry_key)
       SELECT g.registry_key, g.code, g.doc_type, g.issue_date,
              CASE r.strength WHEN 4 THEN 'repealed' WHEN 3 THEN 'replaced' WHEN 2 THEN 'suspended'
                              WHEN 1 THEN 'amended' ELSE 'in force' END AS status,
              a.relation, a.by_key, a.by_code, a.act_date, a.act_year, a.evidence, a.doc_id
       FROM legal_documents g LEFT JOIN ranked r USING (registry_key) LEFT JOIN acts a USING (registry_key)""",
]


_VIEW_NAMES = [re.search(r"VIEW (\w+)", v).group(1) for v in VIEWS]


def create_views(con) -> None:
    """The registry views, recreated by the writer when their definitions or the schema changed
    (a view holds no data): an open that writes nothing leaves nothing to checkpoint at its end,
    a twentieth of a second of a weekly increment."""
    version = hashlib.sha1("\n".join([str(SCHEMA_VERSION), *VIEWS]).encode()).hexdigest()[:16]
    stored = con.execute("SELECT value FROM schema_info WHERE key = 'views_version'").fetchone()
    present = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    if stored and stored[0] == version and present.issuperset(_VIEW_NAMES):
        return
    for view in VIEWS:
        con.execute(view)
    con.execute("INSERT OR REPLACE INTO schema_info VALUES ('views_version', ?)", [version])


SCHEMA_VERSION = len(MIGRATIONS)


def applied(con) -> list[int]:
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    if "migrations" in tables:
        return [r[0] for r in con.execute("SELECT number FROM migrations ORDER BY number").fetchall()]
    if "schema_info" in tables:  # a database from before the migrations table: its version says
        row = con.execute("SELECT value FROM schema_info WHERE key = 'schema_version'").fetchone()
        return list(range(1, int(row[0]) + 1)) if row else []
    return []


def migrate(con) -> list[int]:
    """Apply the missing migrations inside the caller's transaction; returns their numbers."""
    done = applied(con)
    if done and max(done) > SCHEMA_VERSION:
        raise DatabaseError(f"the database has schema version {max(done)}, newer than this vietmine's "
                            f"({SCHEMA_VERSION}); upgrade vietmine (pip install -U vietmine)")
    con.execute("CREATE TABLE IF NOT EXISTS migrations (number INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)")
    recorded = {r[0] for r in con.execute("SELECT number FROM migrations").fetchall()}
    new = []
    for m in MIGRATIONS:
        if m.number not in done:
            m.apply(con)
            new.append(m.number)
        if m.number not in recorded:
            con.execute("INSERT INTO migrations VALUES (?, ?, ?)", [m.number, m.name, dt.datetime.now()])
    row = con.execute("SELECT value FROM schema_info WHERE key = 'schema_version'").fetchone()
    if not row or row[0] != str(SCHEMA_VERSION):
        con.execute("INSERT OR REPLACE INTO schema_info VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)])
    return new


def check_schema(con, expected: dict[str, list[tuple[str, str]]]) -> list[str]:
    """Columns the fact types declare that the database lacks or types differently."""
    have = {(t, c): ty for t, c, ty in con.execute(
        "SELECT table_name, column_name, data_type FROM information_schema.columns").fetchall()}
    return [f"{t}.{c} {ty}" for t, cols in expected.items() for c, ty in cols if have.get((t, c)) != ty]
