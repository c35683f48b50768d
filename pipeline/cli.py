"""The `vietmine` command."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

DEFAULT_DB = os.path.join("outputs", "vietmine.duckdb")

EXAMPLES = """examples:
  vietmine ingest                                   # the bundled sample corpus -> outputs/vietmine.duckdb
  vietmine ingest articles/ feed.jsonl.gz --db my.duckdb --workers 2
  vietmine sql "SELECT code, count(*) FROM legal_refs GROUP BY 1 ORDER BY 2 DESC" --format csv
  vietmine eval gold/seeds.jsonl --misses
  vietmine stats
  vietmine export --out outputs/export
  vietmine graph --format graphml --out outputs/graph
  vietmine report --out outputs/report.html
  vietmine show 004_a003ad0d4c678184.txt
"""


def lock_holder(message: str) -> str:
    """'... Conflicting lock is held in /usr/bin/python3 (PID 123) ...' -> 'PID 123 (/usr/bin/python3)'."""
    import re

    m = re.search(r"held in (.+?) \(PID (\d+)\)", message)
    return f"PID {m.group(2)} ({m.group(1)})" if m else "another process"


def _open_read_only(db: str):
    import duckdb

    from pipeline.run import snapshot_path

    if not os.path.exists(db):
        sys.exit(f"vietmine: no database at {db}; create it with: vietmine ingest --db {db}")
    try:
        return duckdb.connect(db, read_only=True)
    except duckdb.IOException as e:
        if "lock" not in str(e).lower():
            sys.exit(f"vietmine: cannot open {db}: {str(e).splitlines()[0]}")
        holder = lock_holder(str(e))
        snap = snapshot_path(db)
        if os.path.exists(snap):
            print(f"vietmine: {db} is being written by {holder}; reading the snapshot of the last "
                  f"finished ingest ({snap})", file=sys.stderr)
            return duckdb.connect(snap, read_only=True)
        sys.exit(f"vietmine: {db} is being written by {holder}; wait for that ingest to finish "
                 f"(DuckDB allows one writer and no readers beside it)")


def cmd_ingest(args) -> int:
    from corpus import SAMPLE_DIR
    from pipeline.run import ingest

    paths = args.paths or [str(SAMPLE_DIR)]
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        print(f"vietmine: no such path: {', '.join(missing)}", file=sys.stderr)
        return 2
    try:
        Path(args.db).parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        print(f"vietmine: cannot write database {args.db}: {e.strerror or e}", file=sys.stderr)
        return 2
    if args.engine == "dask":
        from pipeline.distributed import ingest_dask

        summaries, failed = ingest_dask(paths, args.out, scheduler=args.scheduler, workers=max(args.workers, 2),
                                        shard_docs=args.shard_size)
        written = sum(1 for s in summaries if s["status"] == "written")
        print(f"{len(summaries)} shards: {written} written, {len(summaries) - written} done before; Parquet in {args.out}")
        for f in failed:
            print(f"failed shard {f}", file=sys.stderr)
        if failed:
            print("rerun the same command to process only the missing shards", file=sys.stderr)
        if args.no_load:
            return 0
        args.parquet_dir = args.out
        return cmd_load(args)
    try:
        stats = ingest(paths, args.db, workers=args.workers, progress=sys.stderr.isatty() and not args.quiet,
                       batch_docs=args.batch_size, time_budget_s=args.time_budget)
    except Exception as e:  # the run itself could not proceed (unwritable or locked database ...)
        import duckdb

        if isinstance(e, duckdb.IOException) and "lock" in str(e).lower():
            print(f"vietmine: {args.db} is being written by {lock_holder(str(e))}; wait for that ingest "
                  "to finish, then run this one again (DuckDB allows one writer)", file=sys.stderr)
            return 2
        if isinstance(e, (duckdb.IOException, PermissionError, OSError)):
            print(f"vietmine: cannot write database {args.db}: {str(e).splitlines()[0]}", file=sys.stderr)
            return 2
        raise
    print(f"{stats.seen} inputs: {stats.loaded} loaded, {stats.replaced} replaced, "
          f"{stats.unchanged} unchanged, {stats.skipped} skipped; {stats.facts} facts -> {args.db}")
    _print_counts(args.db)
    return 0


def _print_counts(db: str):
    con = _open_read_only(db)
    tables = ["documents", "legal_refs", "legal_links", "counts", "amounts", "places", "dates"]
    parts = [f"{t}={con.execute(f'SELECT count(*) FROM {t}').fetchone()[0]}" for t in tables]
    con.close()
    print("database: " + ", ".join(parts))


def cmd_load(args) -> int:
    from pipeline.distributed import load_parquet

    stats = load_parquet(args.parquet_dir, args.db)
    print(f"loaded from {args.parquet_dir}: {stats.loaded} loaded, {stats.replaced} replaced, "
          f"{stats.unchanged} unchanged, {stats.skipped} skipped -> {args.db}")
    _print_counts(args.db)
    return 0


def _sql_hint(con, message: str) -> str:
    """The closest table or column name for a misspelt one."""
    import difflib
    import re

    m = re.search(r'Table with name (\S+) does not exist|column "?([^"\s]+)"? not found', message)
    if not m:
        return ""
    wrong = m.group(1) or m.group(2)
    if m.group(1):
        names = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
    else:
        names = sorted({r[0] for r in con.execute("SELECT column_name FROM information_schema.columns").fetchall()})
    close = difflib.get_close_matches(wrong, names, n=3, cutoff=0.5)
    return f" (did you mean {', '.join(close)}?)" if close else ""


def cmd_report(args) -> int:
    from pipeline.report import write_report

    con = _open_read_only(args.db)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    info = write_report(args.db, args.out, con=con)
    con.close()
    print(f"wrote {args.out} ({info['figures']} figures, {info['bytes'] // 1024} KiB, self-contained)")
    return 0


def cmd_show(args) -> int:
    from pipeline.show import UnknownDocument, find_document, render_html, render_terminal, spans

    con = _open_read_only(args.db)
    try:
        doc_id, text = find_document(con, args.doc)
    except UnknownDocument as e:
        print(f"vietmine show: {e}", file=sys.stderr)
        return 1
    items = spans(con, doc_id)
    con.close()
    if args.html:
        Path(args.html).write_text(render_html(text, items, args.doc), encoding="utf-8")
        print(f"wrote {args.html}")
    else:
        print(render_terminal(text, items, color=sys.stdout.isatty()))
    return 0


def cmd_sql(args) -> int:
    import duckdb

    con = _open_read_only(args.db)
    try:
        df = con.execute(args.query).df()
    except duckdb.Error as e:
        print(f"vietmine sql: {str(e).splitlines()[0]}{_sql_hint(con, str(e))}", file=sys.stderr)
        return 1
    finally:
        con.close()
    if args.format == "csv":
        df.to_csv(sys.stdout, index=False)
    elif args.format == "json":
        print(df.to_json(orient="records", force_ascii=False, date_format="iso"))
    else:
        import pandas as pd

        with pd.option_context("display.max_rows", 200, "display.max_columns", 50, "display.width", 200,
                               "display.max_colwidth", 80):
            print(df.to_string(index=False))
    return 0


def cmd_eval(args) -> int:
    from pipeline.evaluate import evaluate, format_table

    if not os.path.exists(args.db):
        print(f"vietmine: no database at {args.db}; run vietmine ingest first", file=sys.stderr)
        return 2
    scores = evaluate(args.gold, args.db)
    print(format_table(scores))
    if args.misses:
        for kind, s in scores.items():
            for doc, m in s.misses:
                print(f"MISS {kind} {doc} {m}")
            for doc, m in s.spurious:
                print(f"SPURIOUS {kind} {doc} {m}")
    return 0


def cmd_stats(args) -> int:
    con = _open_read_only(args.db)
    tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables ORDER BY 1").fetchall()]
    for t in tables:
        print(f"{t:<16} {con.execute(f'SELECT count(*) FROM {t}').fetchone()[0]:>10}")
    print("\ntop documents by facts:")
    q = """SELECT d.doc_id, d.source_path, count(*) AS facts FROM documents d JOIN (
             SELECT doc_id FROM legal_refs UNION ALL SELECT doc_id FROM counts UNION ALL
             SELECT doc_id FROM places UNION ALL SELECT doc_id FROM dates) f USING (doc_id)
           GROUP BY 1, 2 ORDER BY 3 DESC LIMIT 10"""
    for doc_id, path, n in con.execute(q).fetchall():
        print(f"  {n:>6}  {doc_id}  {path}")
    con.close()
    return 0


def cmd_export(args) -> int:
    con = _open_read_only(args.db)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    tables = [r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
    for t in tables:
        rel = con.table(t)
        rel.write_parquet(str(out / f"{t}.parquet"))
        rel.write_csv(str(out / f"{t}.csv"))
    con.close()
    print(f"exported {len(tables)} tables to {out} (Parquet and CSV)")
    return 0


def cmd_graph(args) -> int:
    from pipeline.graph import build_graph, write_graph

    con = _open_read_only(args.db)
    g = build_graph(con, all_documents=args.all)
    con.close()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for fmt in args.format.split(","):
        path = out / f"directives.{'json' if fmt == 'json' else fmt}"
        write_graph(g, str(path), fmt)
        print(f"wrote {path} ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="vietmine", description="Mine Vietnamese articles and official texts "
                                "into a DuckDB database of facts.", epilog=EXAMPLES,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="command", required=True)

    def add(name, help_, example):
        sp = sub.add_parser(name, help=help_, description=f"{help_}\n\nexample:\n  {example}",
                            formatter_class=argparse.RawDescriptionHelpFormatter)
        sp.add_argument("--db", default=DEFAULT_DB, help=f"DuckDB file (default {DEFAULT_DB})")
        return sp

    sp = add("ingest", "Read files (.txt .md .html .htm .jsonl .jsonl.gz, directories recursively) and load their facts.",
             "vietmine ingest ../shared/texts --db texts.duckdb")
    sp.add_argument("paths", nargs="*", help="files or directories (default: the bundled sample corpus)")
    sp.add_argument("--workers", type=int, default=1, help="extraction processes (one writer stays in this process)")
    sp.add_argument("--quiet", action="store_true", help="no progress bar")
    sp.add_argument("--batch-size", type=int, default=1000, help="documents written per transaction")
    sp.add_argument("--time-budget", type=float, default=30.0,
                    help="seconds one document may take before it is skipped and reported (0: none)")
    sp.add_argument("--engine", choices=["local", "dask"], default="local",
                    help="dask: shard tasks on a Dask cluster writing Parquet, then loaded (needs vietmine[dask])")
    sp.add_argument("--scheduler", help="Dask scheduler address (default: a local cluster)")
    sp.add_argument("--out", default=os.path.join("outputs", "parquet"), help="Parquet output of the dask engine")
    sp.add_argument("--shard-size", type=int, default=500, help="dask engine: documents per shard task")
    sp.add_argument("--no-load", action="store_true", help="dask engine: write Parquet only; merge later with load")
    sp.set_defaults(fn=cmd_ingest)

    sp = add("load", "Merge Parquet written by the dask engine into the database (same rules as ingest).",
             "vietmine load outputs/parquet --db outputs/vietmine.duckdb")
    sp.add_argument("parquet_dir")
    sp.set_defaults(fn=cmd_load)

    sp = add("sql", "Run one read-only SQL query and print the result.",
             'vietmine sql "SELECT name, level, count(*) FROM places GROUP BY ALL" --format csv')
    sp.add_argument("query")
    sp.add_argument("--format", choices=["table", "csv", "json"], default="table")
    sp.set_defaults(fn=cmd_sql)

    sp = add("eval", "Score the database against a gold file (gold/GUIDE.md format): P, R, F1 per fact kind.",
             "vietmine eval ../shared/gold/seeds.jsonl --misses")
    sp.add_argument("gold")
    sp.add_argument("--misses", action="store_true", help="list every missed and spurious fact")
    sp.set_defaults(fn=cmd_eval)

    sp = add("stats", "Row counts per table and the documents with most facts.", "vietmine stats")
    sp.set_defaults(fn=cmd_stats)

    sp = add("graph", "Export the directive network (documents and the links stated between them).",
             "vietmine graph --format graphml,gexf,json --out outputs/graph")
    sp.add_argument("--format", default="graphml,gexf,json", help="comma-separated: graphml, gexf, json")
    sp.add_argument("--out", default=os.path.join("outputs", "graph"))
    sp.add_argument("--all", action="store_true", help="include cited documents without any link")
    sp.set_defaults(fn=cmd_graph)

    sp = add("report", "Write a self-contained HTML report: corpus, citations, directive network, counts, map.",
             "vietmine report --out outputs/report.html")
    sp.add_argument("--out", default=os.path.join("outputs", "report.html"))
    sp.set_defaults(fn=cmd_report)

    sp = add("show", "Print a document with every extracted fact highlighted by kind.",
             "vietmine show 004_a003ad0d4c678184.txt --html outputs/004.html")
    sp.add_argument("doc", help="doc_id, source path or file name")
    sp.add_argument("--html", help="write an HTML page instead of printing")
    sp.set_defaults(fn=cmd_show)

    sp = add("export", "Write every table as Parquet and CSV.", "vietmine export --out outputs/export")
    sp.add_argument("--out", default=os.path.join("outputs", "export"))
    sp.set_defaults(fn=cmd_export)
    return p


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.fn(args)


if __name__ == "__main__":
    sys.exit(main())
