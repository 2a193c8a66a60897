"""The command line: parses arguments, calls the library, prints. No work is done here.

Exit codes: 0 ok, 1 nothing could be done (nothing read, nothing found), 2 usage error.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from communique import __version__, pipeline
from communique.store import NotFound, Store, StoreError

app = typer.Typer(
    help="communique: diplomatic news in, one traceable record per real-world event out.\n\n"
    "Typical use: `communique run FOLDER` reads every article, annotates it, merges the reports of "
    "each event and prints the timeline. Everything is kept in an SQLite file (--db, default ./communique.db).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


def _stdout_gone() -> None:
    """`communique timeline | head`: the reader has gone; stop quietly with exit 0."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())  # so the final flush at exit cannot fail again
    raise SystemExit(0)


class _Console(Console):
    def on_broken_pipe(self) -> None:
        self.quiet = True
        _stdout_gone()


def write_out(text: str) -> None:
    """Write ``text`` to stdout now (not at exit, where a closed pipe would print a warning)."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        _stdout_gone()


def _width() -> int:
    cols = os.environ.get("COLUMNS", "")
    return int(cols) if cols.isdigit() and int(cols) > 0 else 240


out = _Console(soft_wrap=True)
if not out.is_terminal:  # pipes and files get whole lines, not an 80-column wrap
    out = _Console(soft_wrap=True, width=_width())
err = Console(stderr=True)
if not err.is_terminal:
    err = Console(stderr=True, soft_wrap=True, width=_width())

DbOpt = Annotated[
    Path,
    typer.Option(
        "--db", envvar="COMMUNIQUE_DB", help="SQLite database file (created if missing).", show_default=True
    ),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (machine-readable) instead of a table.")]
CsvOpt = Annotated[bool, typer.Option("--csv", help="Print CSV instead of a table.")]
DEFAULT_DB = Path("communique.db")


def fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[red]error:[/red] {escape(message)}")
    return typer.Exit(code)


@contextmanager
def open_store(db: Path, create: bool = False) -> Iterator[Store]:
    """The store at ``db`` (created only with ``create``, for the commands that add documents).

    Errors of the store become a message and an exit code; Ctrl-C a message
    and exit 130 (every write is one transaction: nothing is half-written).
    """
    try:
        st = Store(db, create=create)
    except StoreError as e:
        raise fail(str(e), 2) from e
    try:
        yield st
    except StoreError as e:
        raise fail(str(e), 1) from e
    except KeyboardInterrupt:
        n = st.count_documents()
        err.print(
            f"interrupted: {db} is intact and holds {n} document{'s' if n != 1 else ''}; "
            "run the same command again to continue where it stopped"
        )
        raise typer.Exit(130) from None
    finally:
        st.close()


def _version(value: bool) -> None:
    if value:
        write_out(f"communique {__version__}\n")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", help="Print the version and exit.", callback=_version, is_eager=True),
    ] = False,
) -> None:
    """communique: diplomatic news in, one traceable record per real-world event out."""


@contextmanager
def progress_bar(label: str) -> Iterator[pipeline.Progress | None]:
    """A progress bar on stderr when it is a terminal; nothing otherwise."""
    if not err.is_terminal:
        yield None
        return
    with Progress(
        SpinnerColumn(),
        TextColumn(label),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        yield update


def print_json(data: Any) -> None:
    write_out(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n")


def print_csv(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> None:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore", lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow(
            {
                k: (json.dumps(v, ensure_ascii=False) if isinstance(v, list | dict) else v)
                for k, v in r.items()
            }
        )
    write_out(buf.getvalue())


def print_table(rows: Sequence[dict[str, Any]], columns: Sequence[str], title: str | None = None) -> None:
    t = Table(title=title, show_lines=False)
    for c in columns:
        t.add_column(c, overflow="fold")
    for r in rows:
        t.add_row(*(escape("" if r.get(c) is None else str(r.get(c))) for c in columns))
    out.print(t)


def parse_columns(items: list[str] | None) -> dict[str, str] | None:
    if not items:
        return None
    mapping = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key or not value:
            raise fail(f"--column takes FIELD=NAME (e.g. body=story), not {item!r}", 2)
        mapping[key.strip()] = value.strip()
    return mapping


# ----------------------------------------------------------------- ingest, documents


def _ingest(
    st: Store, paths: list[str], fmt: str | None, columns: list[str] | None, quiet: bool = False
) -> pipeline.IngestReport:
    with progress_bar("reading") as prog:
        try:
            report = pipeline.ingest(st, paths, fmt=fmt, columns=parse_columns(columns), progress=prog)
        except ValueError as e:
            raise fail(str(e), 2) from e
    if not quiet or report.read == 0:
        err.print(escape(report.summary()))
    if report.read == 0:
        raise fail("nothing could be read from " + ", ".join(paths), 1)
    return report


def _annotate(st: Store) -> int:
    with progress_bar("annotating") as prog:
        return pipeline.annotate_store(st, progress=prog)


PathsArg = Annotated[
    list[str], typer.Argument(help="Files or folders (read recursively); '-' reads standard input.")
]
FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format",
        "-f",
        help="Read every file as this format: txt, md, html, csv, jsonl (default: by extension).",
    ),
]
ColumnOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--column",
        help="Map a CSV/JSONL field: FIELD=NAME, FIELD one of body, title, published, url, outlet, summary, dateline. Repeatable.",
    ),
]


@app.command()
def ingest(
    paths: PathsArg,
    db: DbOpt = DEFAULT_DB,
    fmt: FormatOpt = None,
    column: ColumnOpt = None,
    annotate: Annotated[
        bool, typer.Option("--annotate/--no-annotate", help="Annotate new documents right away.")
    ] = True,
) -> None:
    """Read articles and store each document once (incremental, idempotent, resumable)."""
    with open_store(db, create=True) as st:
        _ingest(st, paths, fmt, column)
        if annotate:
            _annotate(st)


@app.command()
def documents(db: DbOpt = DEFAULT_DB, as_json: JsonOpt = False, as_csv: CsvOpt = False) -> None:
    """List stored documents: id, path, url, outlet, published, dateline, title."""
    with open_store(db) as st:
        rows = []
        for d in st.documents():
            m = d.meta()
            m["path"] = d.paths[0] if d.paths else None
            rows.append(m)
    cols = ["id", "path", "url", "outlet", "published", "dateline", "language", "title"]
    if as_json:
        print_json(rows)
    elif as_csv:
        print_csv(rows, cols + ["paths"])
    else:
        print_table(rows, cols, title=f"{len(rows)} documents")


# ----------------------------------------------------------------- annotate, show


@app.command()
def annotate(db: DbOpt = DEFAULT_DB) -> None:
    """Annotate stored documents that have no current frame (ingest does this by default)."""
    with open_store(db) as st:
        n = _annotate(st)
    err.print(f"annotated {n} documents")


@app.command()
def show(
    doc_id: Annotated[str, typer.Argument(help="Document id, a unique id prefix of 4+ characters, or a path it was read from.")],
    db: DbOpt = DEFAULT_DB,
    as_json: JsonOpt = False,
) -> None:
    """One document's frame, with the supporting sentence under each field."""
    from communique.analyze.show import render_frame

    with open_store(db) as st:
        try:
            doc = st.find_document(doc_id)
        except NotFound as e:
            raise fail(str(e), 2 if e.usage else 1) from e
        frame = st.frame(doc.id)
        if frame is None:
            pipeline.annotate_store(st)
            frame = st.frame(doc.id)
    assert frame is not None
    if as_json:
        print_json(frame.to_dict())
    else:
        render_frame(out, doc, frame)


# ----------------------------------------------------------------- cluster, events


@app.command()
def cluster(db: DbOpt = DEFAULT_DB) -> None:
    """Merge the stored documents into events (annotating first where needed)."""
    with open_store(db) as st:
        _annotate(st)
        events = pipeline.cluster_store(st)
    err.print(f"{len(events)} events from {sum(len(e.sources) for e in events)} documents")


def _countries(country: list[str] | None, pair: str | None) -> list[str]:
    cs = [c.strip().upper() for c in (country or []) if c.strip()]
    if pair:
        parts = [p.strip().upper() for p in pair.split(",") if p.strip()]
        if len(parts) != 2:
            raise fail(f"--pair takes two ISO alpha-3 codes like CHN,BLR, not {pair!r}", 2)
        cs += parts
    return cs


CountryOpt = Annotated[
    list[str] | None,
    typer.Option("--country", help="Only events with this participant country (ISO alpha-3). Repeatable."),
]
PairOpt = Annotated[
    str | None, typer.Option("--pair", help="Only events between these two countries, e.g. CHN,BLR.")
]
SinceOpt = Annotated[
    str | None, typer.Option("--since", help="Only events on or after this date (YYYY-MM-DD).")
]
UntilOpt = Annotated[
    str | None, typer.Option("--until", help="Only events on or before this date (YYYY-MM-DD).")
]


@app.command()
def events(
    db: DbOpt = DEFAULT_DB,
    country: CountryOpt = None,
    pair: PairOpt = None,
    type: Annotated[
        str | None, typer.Option("--type", help="Only events of this type, e.g. 'phone call'.")
    ] = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    diplomatic: Annotated[
        bool, typer.Option("--diplomatic", help="Leave out events with no diplomatic frame (general news).")
    ] = False,
    as_json: JsonOpt = False,
    as_csv: CsvOpt = False,
) -> None:
    """List events (one per real-world event), with their sources."""
    countries = _countries(country, pair)
    with open_store(db) as st:
        try:
            evs = st.events(countries, type, since, until, diplomatic_only=diplomatic)
        except ValueError as e:
            raise fail(str(e), 2) from e
    if as_json:
        print_json(evs)
        return
    from communique.analyze.timeline import timeline_rows

    rows = timeline_rows(evs)
    cols = ["id", "date", "type", "status", "participants", "place", "sources", "independent_sources"]
    if as_csv:
        print_csv(rows, cols)
    else:
        print_table(rows, cols, title=f"{len(rows)} events")


@app.command()
def event(
    event_id: Annotated[str, typer.Argument(help="Event id (or a unique prefix).")],
    db: DbOpt = DEFAULT_DB,
    as_json: JsonOpt = False,
) -> None:
    """One merged event: fields, sources, why they were merged, and the supporting sentences."""
    from communique.analyze.show import render_event

    with open_store(db) as st:
        try:
            ev = st.find_event(event_id)
        except NotFound as e:
            raise fail(str(e), 2 if e.usage else 1) from e
        if as_json:
            print_json(ev)
            return
        docs = {d.id: d for d in st.documents([s["doc_id"] for s in ev.get("sources", [])])}
    render_event(out, ev, docs)


@app.command()
def timeline(
    db: DbOpt = DEFAULT_DB,
    country: CountryOpt = None,
    pair: PairOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    all_events: Annotated[
        bool, typer.Option("--all", help="Also show events with no diplomatic frame.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Events in date order, one line each: date, type, status, participants, place, sources."""
    countries = _countries(country, pair)
    with open_store(db) as st:
        try:
            _print_timeline(st, countries, since, until, all_events, as_json)
        except ValueError as e:
            raise fail(str(e), 2) from e


def _print_timeline(
    st: Store, countries: list[str], since: str | None, until: str | None, all_events: bool, as_json: bool
) -> None:
    from communique.analyze.timeline import timeline_rows

    evs = st.events(countries, None, since, until, diplomatic_only=not all_events)
    rows = timeline_rows(evs, st.titles())
    if as_json:
        print_json(rows)
        return
    if not rows:
        what = "no events" if st.count_documents() else f"no events: {st.path} holds no documents yet"
        err.print(what + (" match these filters" if what == "no events" and (countries or since or until) else ""))
    for r in rows:
        n, k = r["sources"], r["independent_sources"]
        src = f"{n} source{'s' if n != 1 else ''}" + (f" ({k} independent)" if k != n else "")
        day = r["date"] or (f"~{r['date_published']}" if r["date_published"] else "????-??-??")
        line = f"{day}  {r['type'] or 'news'}"
        if r["status"] and r["status"] != "held":
            line += f" ({r['status']})"
        line += f"  {r['participants'] or r['title'] or '-'}"
        if r["place"]:
            line += f"  @ {r['place']}"
        line += f"  [{src}]  {r['id']}"
        out.print(escape(line), highlight=False)
    if not all_events:
        hidden = len(st.events(countries, None, since, until)) - len(evs)
        if hidden:
            err.print(f"({hidden} other news event{'s' if hidden != 1 else ''} not shown; use --all)")


@app.command()
def run(
    paths: PathsArg,
    db: DbOpt = DEFAULT_DB,
    fmt: FormatOpt = None,
    column: ColumnOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """The main job: ingest + annotate + cluster, then print the timeline."""
    with open_store(db, create=True) as st:
        _ingest(st, paths, fmt, column)
        _annotate(st)
        pipeline.cluster_store(st)
        _print_timeline(st, [], None, None, False, as_json)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="SQLite FTS5 query, e.g. 'Lukashenko AND park'.")],
    db: DbOpt = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="At most this many hits.")] = 20,
    as_json: JsonOpt = False,
) -> None:
    """Full-text search over stored documents."""
    with open_store(db) as st:
        try:
            hits = st.search(query, limit)
        except ValueError as e:
            raise fail(str(e), 2) from e
    rows = [{"doc_id": d, "snippet": s} for d, s in hits]
    if as_json:
        print_json(rows)
    else:
        print_table(rows, ["doc_id", "snippet"], title=f"{len(rows)} hits")
    if not rows:
        raise typer.Exit(1)


# ----------------------------------------------------------------- eval


@app.command("eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="Gold file in the format of seeds.gold.json.")],
    db: DbOpt = DEFAULT_DB,
    as_json: JsonOpt = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="List every mismatch.")] = False,
) -> None:
    """Score the store against a gold file: clustering, event fields and per-document frame fields."""
    from communique.analyze.eval import evaluate, load_gold
    from communique.analyze.show import render_eval

    try:
        load_gold(gold)  # a bad gold file is a usage error, whatever the store holds
    except ValueError as e:
        raise fail(str(e), 2) from e
    with open_store(db) as st:
        try:
            result = evaluate(gold, list(st.documents()), st.frames(), st.events())
        except ValueError as e:
            raise fail(str(e), 2) from e
    if not result.in_store:
        raise fail(
            f"none of the documents of {gold} is in {db} (matched by url or file name); ingest them first", 1
        )
    if as_json:
        print_json(result.to_dict())
    else:
        render_eval(out, result, verbose)


def main() -> None:
    """Console entry point."""
    try:
        app()
    except BrokenPipeError:  # `communique events | head`
        os._exit(0)
