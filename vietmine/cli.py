"""The `vietmine` command: each command parses its arguments, calls the Python API (vietmine.api)
and prints. Errors a user can meet are one line on stderr, never a traceback."""
from __future__ import annotations

import argparse
import os
import sys

import vietmine
from vietmine.api import DEFAULT_DB, SUMMARY_TABLES, Database
from vietmine.errors import VietmineError

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


def _print_summary(db: str):
    with Database(db, on_fallback=None) as d:
        counts = d.row_counts(SUMMARY_TABLES)
    print("database: " + ", ".join(f"{t}={n}" for t, n in counts.items()))


def cmd_ingest(args) -> int:
    from vietmine.corpus import SAMPLE_DIR

    paths = args.paths or [str(SAMPLE_DIR)]
    missing = [p for p in paths if not os.path.exists(p)]
    if missing:
        raise VietmineError(f"no such path: {', '.join(missing)}")
    if args.engine == "dask":
        from vietmine.pipeline.engines.distributed import ingest_dask

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
    stats = vietmine.ingest(paths, args.db, workers=args.workers, progress=sys.stderr.isatty() and not args.quiet,
                            batch_docs=args.batch_size, time_budget_s=args.time_budget, prune=args.prune)
    extra = "".join(f", {n} {what}" for n, what in ((stats.moved, "moved"), (stats.reextracted, "re-extracted"),
                                                    (stats.missing, "missing"), (stats.pruned, "pruned")) if n)
    print(f"{stats.seen} inputs: {stats.loaded} loaded, {stats.replaced} replaced, "
          f"{stats.unchanged} unchanged, {stats.skipped} skipped{extra}; {stats.facts} facts -> {args.db}")
    _print_summary(args.db)
    return 0


def cmd_load(args) -> int:
    stats = vietmine.load(args.parquet_dir, args.db)
    print(f"loaded from {args.parquet_dir}: {stats.loaded} loaded, {stats.replaced} replaced, "
          f"{stats.unchanged} unchanged, {stats.skipped} skipped -> {args.db}")
    _print_summary(args.db)
    return 0


def cmd_sql(args) -> int:
    with Database(args.db) as d:
        df = d.sql(args.query)
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
    from vietmine.views.evaluate import format_table

    with Database(args.db) as d:
        scores = d.evaluate(args.gold)
    print(format_table(scores))
    if args.misses:
        for kind, s in scores.items():
            for doc, m in s.misses:
                print(f"MISS {kind} {doc} {m}")
            for doc, m in s.spurious:
                print(f"SPURIOUS {kind} {doc} {m}")
    return 0


def cmd_stats(args) -> int:
    with Database(args.db) as d:
        for t, n in d.row_counts().items():
            print(f"{t:<16} {n:>10}")
        print("\ntop documents by facts:")
        for doc_id, path, n in d.top_documents().itertuples(index=False):
            print(f"  {n:>6}  {doc_id}  {path}")
    return 0


def cmd_export(args) -> int:
    with Database(args.db) as d:
        tables = d.export(args.out)
    print(f"exported {len(tables)} tables to {args.out} (Parquet and CSV)")
    return 0


def cmd_graph(args) -> int:
    from pathlib import Path

    from vietmine.views.graph import write_graph

    with Database(args.db) as d:
        g = d.graph(all_documents=args.all)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for fmt in args.format.split(","):
        path = out / f"directives.{'json' if fmt == 'json' else fmt}"
        write_graph(g, str(path), fmt)
        print(f"wrote {path} ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges)")
    return 0


def cmd_report(args) -> int:
    with Database(args.db) as d:
        info = d.report(args.out)
    print(f"wrote {args.out} ({info['figures']} figures, {info['bytes'] // 1024} KiB, self-contained)")
    return 0


def cmd_show(args) -> int:
    from pathlib import Path

    from vietmine.views.docbin import documents, facts_of
    from vietmine.views.show import parse_kinds, render_html, render_terminal

    kinds = parse_kinds(args.kinds)
    with Database(args.db) as d:
        doc_id, text = d.document(args.doc)
        if args.html:
            record = documents(d.con, [doc_id])[0]
            page = render_html(record, facts_of(d.con, [doc_id])[doc_id], kinds)
        else:
            items = [i for i in d.spans(doc_id) if i[2] in kinds]
    if args.html:
        Path(args.html).parent.mkdir(parents=True, exist_ok=True)
        Path(args.html).write_text(page, encoding="utf-8")
        print(f"wrote {args.html}")
    else:
        print(render_terminal(text, items, color=sys.stdout.isatty(), kinds=kinds))
    return 0


def cmd_docbin(args) -> int:
    from pathlib import Path

    from vietmine.views.docbin import write_docbin

    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    with Database(args.db) as d:
        info = write_docbin(d.con, args.out)
    print(f"wrote {args.out} ({info['documents']} documents, {info['spans']} spans; "
          "read with spacy.tokens.DocBin().from_disk)")
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="vietmine", description="Mine Vietnamese articles and official texts "
                                "into a DuckDB database of facts.", epilog=EXAMPLES,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=f"vietmine {vietmine.__version__}")
    sub = p.add_subparsers(dest="command")

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
    sp.add_argument("--prune", action="store_true",
                    help="remove the documents of sources under the given paths that no longer exist "
                         "(without it they are reported and kept)")
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

    sp = add("show", "Print a document with every extracted fact labelled by kind, or write it as an HTML page "
             "(displaCy's span view).", "vietmine show 004_a003ad0d4c678184.txt --html outputs/004.html --kinds places,counts")
    sp.add_argument("doc", help="doc_id, source path or file name")
    sp.add_argument("--html", help="write an HTML page instead of printing")
    sp.add_argument("--kinds", help="comma-separated fact tables to show (default all): legal_refs, legal_links, "
                    "counts, amounts, places, dates, periods, people, organizations, abbreviations")
    sp.set_defaults(fn=cmd_show)

    sp = add("export", "Write every table as Parquet and CSV.", "vietmine export --out outputs/export")
    sp.add_argument("--out", default=os.path.join("outputs", "export"))
    sp.set_defaults(fn=cmd_export)

    sp = add("docbin", "Write every document with its facts as span groups to a spaCy DocBin file.",
             "vietmine docbin --out outputs/vietmine.spacy")
    sp.add_argument("--out", default=os.path.join("outputs", "vietmine.spacy"))
    sp.set_defaults(fn=cmd_docbin)

    sp = add("reextract", "Extract again, from their stored text, the documents whose facts came from other "
             "rules (no source file needed).", "vietmine reextract --db outputs/vietmine.duckdb")
    sp.add_argument("--workers", type=int, default=1, help="extraction processes")
    sp.add_argument("--quiet", action="store_true", help="no progress bar")
    sp.set_defaults(fn=cmd_reextract)
    return p


def cmd_reextract(args) -> int:
    from vietmine.api import reextract

    stats = reextract(args.db, workers=args.workers, progress=sys.stderr.isatty() and not args.quiet)
    print(f"{stats.reextracted} documents re-extracted; {stats.facts} facts -> {args.db}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    try:
        return args.fn(args)
    except VietmineError as e:
        print(f"vietmine {args.command}: {e}", file=sys.stderr)
        return e.exit_code
