"""The `vietmine` command: each command parses its arguments, calls the Python API (vietmine.api)
and prints. Errors a user can meet are one line on stderr, never a traceback.

Each command imports what it uses when it runs: `sql`, `tables`, `schema` and `stats` load
neither pandas nor pyarrow nor the pipeline (tests/test_startup.py), and start in little more
than DuckDB's own import time (bench/startup.py)."""
from __future__ import annotations

import argparse
import os
import sys

import duckdb

import vietmine
from vietmine.api import DEFAULT_DB, Database
from vietmine.errors import QueryError, VietmineError

SQL_TIMEOUT_S = 60.0  # shorter than an ingest waits for a reader (pipeline/connections.py WRITE_WAIT_S)

EXAMPLES = """examples:
  vietmine ingest                                   # the bundled sample corpus -> outputs/vietmine.duckdb
  vietmine ingest articles/ feed.jsonl.gz --db my.duckdb --workers 2
  vietmine ingest articles/ --exclude SOURCES.md --exclude 'drafts/*'
  vietmine sql "SELECT code, count(*) FROM legal_refs GROUP BY 1 ORDER BY 2 DESC" --format csv
  vietmine sql 'SELECT * FROM counts WHERE year = $year' --param year 2018 --format markdown
  vietmine sql --file query.sql --format json
  vietmine tables
  vietmine schema counts
  vietmine eval gold/seeds.jsonl --misses
  vietmine gold export 004_a003ad0d4c678184.txt --out draft.jsonl  # correct it, then: eval draft.jsonl
  vietmine stats
  vietmine export --out outputs/export
  vietmine export --format sqlite --out outputs/vietmine.sqlite    # then: datasette outputs/vietmine.sqlite -m outputs/vietmine.metadata.json
  vietmine graph --format graphml --out outputs/graph
  vietmine report --out outputs/report.html
  vietmine show 004_a003ad0d4c678184.txt
"""


def _n(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _print_summary(db: str):
    from vietmine.facts import TABLES

    with Database(db, on_fallback=None) as d:
        counts = d.row_counts(["documents", *TABLES])
    print("database: " + ", ".join(f"{t}={n}" for t, n in counts.items()))


def _ignored_note(ignored: dict[str, int]) -> None:
    from vietmine.corpus.readers import SUPPORTED, ignored_note

    if ignored:
        print(f"not read: {ignored_note(ignored)} files in the folders (vietmine reads {SUPPORTED})")


def cmd_ingest(args) -> int:
    from vietmine.corpus import SAMPLE_DIR

    paths = args.paths or [str(SAMPLE_DIR)]
    if args.engine == "dask":
        summaries, failed, ignored = vietmine.api.ingest_dask(
            paths, args.out, exclude=args.exclude, glob=args.glob, scheduler=args.scheduler,
            workers=max(args.workers, 2), shard_docs=args.shard_size, verbose=args.verbose)
        _ignored_note(ignored)
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
    stats = vietmine.ingest(paths, args.db, exclude=args.exclude, glob=args.glob, follow_links=args.follow_links,
                            workers=args.workers, progress=sys.stderr.isatty() and not args.quiet,
                            batch_docs=args.batch_size, time_budget_s=args.time_budget, prune=args.prune)
    extra = "".join(f", {n} {what}" for n, what in ((stats.moved, "moved"), (stats.reextracted, "re-extracted"),
                                                    (stats.missing, "missing"), (stats.pruned, "pruned")) if n)
    print(f"{stats.seen} inputs: {stats.loaded} loaded, {stats.replaced} replaced, "
          f"{stats.unchanged} unchanged, {stats.skipped} skipped{extra}; {stats.facts} facts -> {args.db}")
    _ignored_note(stats.ignored)
    _print_summary(args.db)
    return 0


def cmd_load(args) -> int:
    stats = vietmine.load(args.parquet_dir, args.db)
    print(f"loaded from {args.parquet_dir}: {stats.loaded} loaded, {stats.replaced} replaced, "
          f"{stats.unchanged} unchanged, {stats.skipped} skipped -> {args.db}")
    _print_summary(args.db)
    return 0


MAX_QUERY_BYTES = 1 << 20  # a query file larger than this is not a query (/dev/zero is not read on)


def _read_query(fh, name: str) -> str:
    """A query read from a file or standard input: bounded, and UTF-8 text or a one-line error."""
    data = fh.read(MAX_QUERY_BYTES + 1)
    if len(data) > MAX_QUERY_BYTES:
        raise QueryError(f"{name} holds more than {MAX_QUERY_BYTES >> 20} MB: not a query")
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise QueryError(f"{name} is not UTF-8 text") from None


def _query_text(args) -> str:
    """The query from the argument, a file (--file), or standard input ('-')."""
    if args.file is not None and args.query is not None:
        raise VietmineError("give the query or --file, not both")
    source = args.file if args.file is not None else args.query
    if source is None:
        raise QueryError("no query: give one, --file FILE, or - to read standard input")
    if source == "-":
        return _read_query(getattr(sys.stdin, "buffer", sys.stdin), "standard input")
    if args.file is None:
        return source
    try:
        with open(source, "rb") as fh:
            return _read_query(fh, f"query file {source}")
    except OSError as e:
        raise VietmineError(f"cannot read query file {source}: {e.strerror or e}") from None


def print_frame(df, fmt: str, out=None) -> None:
    """Print a result (a DataFrame) as table, markdown, csv or json (views/results.py)."""
    from vietmine.views.results import frame_batches, write_result

    write_result(*frame_batches(df), fmt, out or sys.stdout)


def cmd_sql(args) -> int:
    from vietmine.views.results import write_query_result

    query = _query_text(args)
    if not query.strip():
        raise QueryError("empty query")
    params = dict(args.param) if args.param else None
    # rows streamed to the output as DuckDB computes them
    Database(args.db).query(query, params, lambda result: write_query_result(result, args.format, sys.stdout),
                            timeout=args.timeout or None)
    return 0


def cmd_tables(args) -> int:
    from vietmine.views.results import INTEGER, TEXT, Batch, write_result

    with Database(args.db) as d:
        rows = d.table_rows()
    write_result(list(Database.TABLE_COLUMNS), [TEXT, TEXT, INTEGER, INTEGER], [Batch(len(rows), rows=rows)],
                 args.format, sys.stdout)
    return 0


def cmd_schema(args) -> int:
    with Database(args.db) as d:
        print(d.schema(args.table))
    return 0


def cmd_eval(args) -> int:
    from vietmine.views.evaluate import format_disagreement, format_table

    with Database(args.db) as d:
        result = d.evaluate(args.gold, misses=args.misses)
    # notes on stderr: standard output is the table alone, for scripts that read it
    missing = result.total - result.found
    print(f"vietmine eval: {result.found} of the {result.total} gold documents are in {args.db}"
          + (f"; the facts of the other {missing} count as missed" if missing else ""), file=sys.stderr)
    if result.unscored:
        print("vietmine eval: not scored (no fact kind has these gold keys): "
              + ", ".join(f"{k} ({n} lines)" for k, n in sorted(result.unscored.items())), file=sys.stderr)
    print(format_table(result.scores))
    if args.misses:
        print(f"\n{len(result.disagreements)} disagreements" + (
            " (MISS: in the gold, not found; SPURIOUS: found, not in the gold; CODE: found with another code), "
            "each with its sentence:" if result.disagreements else ""))
        for dis in result.disagreements:
            print(format_disagreement(dis))
    return 0


def cmd_gold_export(args) -> int:
    with Database(args.db) as d:
        info = d.export_gold(args.docs, args.out)
    print(f"wrote {args.out} ({_n(info['documents'], 'document')}, {info['entries']} gold entries); correct it, then: "
          f"vietmine eval {args.out} --db {args.db} --misses")
    return 0


def cmd_stats(args) -> int:
    with Database(args.db) as d:
        for t, n in d.row_counts().items():
            print(f"{t:<16} {n:>10}")
        print("\ntop documents by facts:")
        for doc_id, path, n in d.top_document_rows():
            print(f"  {n:>6}  {doc_id}  {path}")
    return 0


def cmd_export(args) -> int:
    from vietmine.views.export import metadata_path

    with Database(args.db) as d:
        if args.format == "sqlite":
            out = args.out if args.out.endswith((".sqlite", ".db", ".sqlite3")) else os.path.join(args.out, "vietmine.sqlite")
            counts = d.export_sqlite(out)
            meta = metadata_path(out)
            print(f"exported {len(counts)} tables ({sum(counts.values())} rows) to {out} "
                  f"(SQLite: datasette {out} -m {meta})")
            return 0
        formats = args.format.split(",")
        tables = d.export(args.out, formats)
    shown = {"parquet": "Parquet", "csv": "CSV"}
    print(f"exported {len(tables)} tables to {args.out} ({' and '.join(shown[f] for f in formats)})")
    return 0


def cmd_graph(args) -> int:
    from pathlib import Path

    from vietmine.views.export import written_whole
    from vietmine.views.graph import write_graph

    with Database(args.db) as d:
        g = d.graph(all_documents=args.all)
    out = Path(args.out)
    for fmt in args.format.split(","):
        path = out / f"directives.{'json' if fmt == 'json' else fmt}"
        with written_whole(path) as tmp:
            write_graph(g, str(tmp), fmt)
        print(f"wrote {path} ({g.number_of_nodes()} nodes, {g.number_of_edges()} edges)")
    return 0


def cmd_report(args) -> int:
    with Database(args.db) as d:
        info = d.report(args.out)
    print(f"wrote {args.out} ({info['figures']} figures, {info['bytes'] // 1024} KiB, self-contained)")
    return 0


def cmd_show(args) -> int:

    from vietmine.views.show import parse_kinds, render_terminal

    kinds = parse_kinds(args.kinds)
    with Database(args.db) as d:
        doc_id, text = d.document(args.doc)
        if args.html:
            page = d.show_html(doc_id, kinds)
        else:
            items = [i for i in d.spans(doc_id) if i[2] in kinds]
    if args.html:
        from vietmine.views.export import written_whole

        with written_whole(args.html) as tmp:
            tmp.write_text(page, encoding="utf-8")
        print(f"wrote {args.html}")
    else:
        print(render_terminal(text, items, color=sys.stdout.isatty(), kinds=kinds))
    return 0


def cmd_docbin(args) -> int:
    with Database(args.db) as d:
        info = d.docbin(args.out)
    print(f"wrote {args.out} ({info['documents']} documents, {info['spans']} spans; "
          "read with spacy.tokens.DocBin().from_disk)")
    return 0


SUPPORTED_MARK = "{supported}"  # in help texts; the readers (which name the formats) load only to print help


def _with_formats(text: str) -> str:
    if text and SUPPORTED_MARK in text:
        from vietmine.corpus.readers import SUPPORTED

        text = text.replace(SUPPORTED_MARK, SUPPORTED)
    return text


class HelpFormatter(argparse.ArgumentDefaultsHelpFormatter, argparse.RawDescriptionHelpFormatter):
    """Descriptions and examples as written; each option's default shown, unless it has none."""

    def _get_help_string(self, action):
        if action.default in (None, False, [], ()):
            return _with_formats(action.help)
        return _with_formats(super()._get_help_string(action))

    def _format_text(self, text):
        return super()._format_text(_with_formats(text))


class _Version(argparse.Action):
    """--version, reading the version only when asked (importlib.metadata costs start-up time)."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest, nargs=0, default=default,
                         help=help or "show program's version number and exit")

    def __call__(self, parser, namespace, values, option_string=None):
        print(f"vietmine {vietmine.__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="vietmine", description="Mine Vietnamese articles and official texts "
                                "into a DuckDB database of facts.", epilog=EXAMPLES,
                                formatter_class=HelpFormatter)
    p.add_argument("--version", action=_Version)
    sub = p.add_subparsers(dest="command")

    def add(name, help_, example):
        sp = sub.add_parser(name, help=help_, description=f"{help_}\n\nexample:\n  {example}",
                            formatter_class=HelpFormatter)
        sp.add_argument("--db", default=DEFAULT_DB, help="DuckDB file")
        return sp

    sp = add("ingest", f"Read files ({SUPPORTED_MARK}, directories recursively) and load their facts.",
             "vietmine ingest ../shared/texts --db texts.duckdb --exclude SOURCES.md")
    sp.add_argument("paths", nargs="*", help="files or directories (default: the bundled sample corpus)")
    sp.add_argument("--exclude", action="append", default=[], metavar="GLOB",
                    help="skip files (and subfolders) whose path inside the directory given, or name, "
                         "matches GLOB, e.g. SOURCES.md or 'drafts/*' (repeatable)")
    sp.add_argument("--glob", action="append", default=[], metavar="PATTERN",
                    help="in directories, read only the files matching PATTERN, e.g. '*.txt' (repeatable; "
                         "default: every supported file)")
    sp.add_argument("--follow-links", action="store_true",
                    help="in directories, follow links that lead out of the directory given (without it they are "
                         "reported and not read)")
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
    sp.add_argument("--verbose", action="store_true", help="dask engine: also print Dask's own logging")
    sp.add_argument("--prune", action="store_true",
                    help="remove the documents of sources under the given paths that no longer exist "
                         "(without it they are reported and kept)")
    sp.set_defaults(fn=cmd_ingest)

    sp = add("load", "Merge Parquet written by the dask engine into the database (same rules as ingest).",
             "vietmine load outputs/parquet --db outputs/vietmine.duckdb")
    sp.add_argument("parquet_dir", help="folder the dask engine wrote (ingest --engine dask --out)")
    sp.set_defaults(fn=cmd_load)

    sp = add("sql", "Run one read-only SQL query and print the result (NULL: empty in CSV, null in JSON).",
             "vietmine sql 'SELECT name, level, count(*) FROM places WHERE level = $level GROUP BY ALL' "
             "--param level tỉnh --format csv")
    sp.add_argument("query", nargs="?", help="the query; - reads it from standard input")
    sp.add_argument("--file", "-f", metavar="FILE", help="read the query from FILE (- for standard input)")
    sp.add_argument("--param", "-p", nargs=2, action="append", metavar=("NAME", "VALUE"),
                    help="value of the named parameter $NAME in the query (repeatable)")
    sp.add_argument("--format", choices=["table", "csv", "json", "markdown"], default="table",
                    help="output format (csv and json stream any number of rows; a table is refused past "
                         "a million cells)")
    sp.add_argument("--timeout", type=float, default=SQL_TIMEOUT_S, metavar="SECONDS",
                    help="stop the query after this long (0: no limit)")
    sp.set_defaults(fn=cmd_sql)

    sp = add("tables", "List the tables and views with their rows and columns.", "vietmine tables --format csv")
    sp.add_argument("--format", choices=["table", "csv", "json", "markdown"], default="table", help="output format")
    sp.set_defaults(fn=cmd_tables)

    sp = add("schema", "Print the CREATE statements of every table and view, or of one.", "vietmine schema counts")
    sp.add_argument("table", nargs="?", help="one table or view (default: all)")
    sp.set_defaults(fn=cmd_schema)

    sp = add("eval", "Score the database against a gold file (in the format of the shared annotation guide, "
             "GUIDE.md): P, R, F1 per fact kind.",
             "vietmine eval ../shared/gold/seeds.jsonl --misses")
    sp.add_argument("gold")
    sp.add_argument("--misses", action="store_true", help="list every missed and spurious fact with its sentence")
    sp.set_defaults(fn=cmd_eval)

    sp = sub.add_parser("gold", help="Draft gold files from the database, to check the facts on your own texts.",
                        description="Draft gold files from the database, to check the facts on your own texts.",
                        formatter_class=HelpFormatter)
    gold = sp.add_subparsers(dest="gold_command", required=True, metavar="{export}")
    what = ("Write the facts of documents as gold lines (the annotation guide's format, with surfaces and "
            "offsets) to correct and score with eval.")
    gp = gold.add_parser("export", help=what, formatter_class=HelpFormatter, description=f"{what}\n\nexample:\n"
                         "  vietmine gold export 004_a003ad0d4c678184.txt --out draft.jsonl")
    gp.add_argument("docs", nargs="+", metavar="DOC", help="doc_id, source path or file name")
    gp.add_argument("--out", required=True, help="the JSON-lines file to write")
    gp.add_argument("--db", default=DEFAULT_DB, help="DuckDB file")
    gp.set_defaults(fn=cmd_gold_export)

    sp = add("stats", "Row counts per table and the documents with most facts.", "vietmine stats")
    sp.set_defaults(fn=cmd_stats)

    sp = add("graph", "Export the directive network (documents and the links stated between them).",
             "vietmine graph --format graphml,gexf,json --out outputs/graph")
    sp.add_argument("--format", default="graphml,gexf,json", help="comma-separated: graphml, gexf, json")
    sp.add_argument("--out", default=os.path.join("outputs", "graph"), help="folder of the graph files")
    sp.add_argument("--all", action="store_true", help="include cited documents without any link")
    sp.set_defaults(fn=cmd_graph)

    sp = add("report", "Write a self-contained HTML report: corpus, citations, directive network, counts, map.",
             "vietmine report --out outputs/report.html")
    sp.add_argument("--out", default=os.path.join("outputs", "report.html"), help="HTML file")
    sp.set_defaults(fn=cmd_report)

    sp = add("show", "Print a document with every extracted fact labelled by kind, or write it as an HTML page "
             "(the text exactly as stored, a coloured line under each fact).",
             "vietmine show 004_a003ad0d4c678184.txt --html outputs/004.html --kinds places,counts")
    sp.add_argument("doc", help="doc_id, source path or file name")
    sp.add_argument("--html", help="write an HTML page instead of printing")
    sp.add_argument("--kinds", help="comma-separated fact tables to show (default all): legal_refs, legal_links, "
                    "counts, amounts, places, dates, periods, people, organizations, abbreviations")
    sp.set_defaults(fn=cmd_show)

    sp = add("export", "Write every table as Parquet and CSV, or all tables and views into one SQLite file "
             "(for datasette and sqlite-utils).", "vietmine export --format sqlite --out outputs/vietmine.sqlite")
    sp.add_argument("--out", default=os.path.join("outputs", "export"),
                    help="folder; with --format sqlite a file ending .sqlite/.db, or a folder to hold vietmine.sqlite")
    sp.add_argument("--format", choices=["parquet,csv", "parquet", "csv", "sqlite"], default="parquet,csv",
                    metavar="FORMAT", help="parquet, csv or parquet,csv (both): files per table; sqlite: one SQLite file")
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

    sp = add("remove", "Take documents out of the database with all their facts (one transaction, recorded in runs "
             "and problems); references of other documents that had their code from them are resolved again.",
             "vietmine remove articles/wrong.txt 36effbdfdc46f87a --db outputs/vietmine.duckdb")
    sp.add_argument("targets", nargs="+", metavar="PATH|DOC_ID",
                    help="a doc_id, a source path as stored, or a file or folder that was ingested "
                         "(every document read from it; FEED#ID for one article of a feed)")
    sp.set_defaults(fn=cmd_remove)
    return p


def cmd_remove(args) -> int:
    stats = vietmine.api.remove(args.targets, args.db)
    again = stats.references_resolved_again
    print(f"removed {_n(stats.removed, 'document')} with {_n(stats.removed_facts, 'fact')} from {args.db}"
          + (f"; {again} references of other documents resolved again" if again else ""))
    if stats.removed_still_on_disk:
        print(f"note: the next ingest of their folder reads {stats.removed_still_on_disk} of them again, as their "
              "sources still exist (delete them, or ingest with --exclude)")
    _print_summary(args.db)
    return 0


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
        code = args.fn(args)
        sys.stdout.flush()  # a closed pipe shows here, inside the handler, not at exit
        return code
    except VietmineError as e:
        print(f"vietmine {args.command}: {e}", file=sys.stderr)
        return e.exit_code
    except duckdb.Error as e:  # found in the database after it opened: a damaged file, a full disk
        from vietmine.pipeline.connections import database_error

        print(f"vietmine {args.command}: {database_error(args.db, e)}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # the reader went away (`vietmine sql ... | head -1`): as Python's docs advise, point stdout
        # at devnull so that the flush at exit cannot fail again, and stop quietly
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except KeyboardInterrupt:
        print(f"vietmine {args.command}: interrupted", file=sys.stderr)
        return 130
    except OSError as e:  # a file of the command's own (not the database), e.g. an output folder
        where = f" {e.filename}" if e.filename else ""
        print(f"vietmine {args.command}:{where} {e.strerror or e}", file=sys.stderr)
        return 2
