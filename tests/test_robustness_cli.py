"""The CLI attacked as a demanding user would: every failure is a message and an exit code, never a traceback.

Stores are built through the library (no annotation or clustering) so the suite stays fast.
"""

from __future__ import annotations

import csv
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from communique import __version__
from communique.cli import app
from communique.model import Document as Doc
from communique.model import Event, Participant, Source
from communique.store import Store

runner = CliRunner()
ARTICLE = (
    "MOSCOW, March 3 (Wire) -- Russian President Vladimir Putin held talks with Belarusian "
    "President Alexander Lukashenko in Moscow on Friday, the Kremlin said."
)
READ_COMMANDS = [
    ["documents"],
    ["documents", "--json"],
    ["documents", "--csv"],
    ["events"],
    ["events", "--json"],
    ["events", "--csv"],
    ["timeline"],
    ["timeline", "--json"],
    ["annotate"],
    ["cluster"],
]


def invoke(*args: str):
    return runner.invoke(app, list(args))


def no_traceback(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


def doc(text: str, path: str, title: str | None = None) -> Doc:
    return Doc.from_text(text, paths=(path,), title=title, published="2024-03-01")


def event(event_id: str, date: str | None, type: str | None, countries: tuple[str, ...], d: Doc) -> Event:
    people = tuple(Participant(f"Leader {c}", c, "President") for c in countries)
    src = (Source(d.id, d.paths[0], None, None, d.published, "news"),)
    return Event(event_id, type, "held" if type else None, date, people, None, None, (), None, None, src)


@pytest.fixture
def db(tmp_path):
    """A store with three documents and three events, one of them general news."""
    path = tmp_path / "c.db"
    docs = [
        doc("The presidents spoke by phone.", "a.txt", 'Call, with "quotes"\nand a newline'),
        doc("The presidents met in Minsk.", "b.txt", "Talks in Minsk"),
        doc("Prices rose in March.", "c.txt", "Prices"),
    ]
    with Store(path) as st:
        st.add_documents(docs)
        st.replace_events(
            [
                event("ev_aaaa000000000001", "2023-06-22", "phone call", ("CHN", "BLR"), docs[0]),
                event("ev_aaaa000000000002", "2023-07-01", "meeting", ("RUS", "BLR"), docs[1]),
                event("ev_bbbb000000000003", None, None, (), docs[2]),
            ]
        )
    return str(path)


# ----------------------------------------------------------------- version, empty and missing databases


def test_version_option_and_python_dash_m():
    result = invoke("--version")
    assert result.exit_code == 0 and result.output.strip() == f"communique {__version__}"
    out = subprocess.run([sys.executable, "-m", "communique", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and __version__ in out.stdout


@pytest.mark.parametrize("args", READ_COMMANDS + [["show", "abcd"], ["event", "ev_abcd"], ["search", "x"]])
def test_every_command_on_an_empty_database(tmp_path, args):
    db = tmp_path / "c.db"
    Store(db).close()
    result = invoke(*args, "--db", str(db))
    no_traceback(result)
    assert result.exit_code in (0, 1)
    if "--json" in args:
        assert json.loads(result.stdout) == []


@pytest.mark.parametrize("args", READ_COMMANDS + [["show", "abcd"], ["search", "x"]])
def test_a_mistyped_db_is_an_error_not_a_new_file(tmp_path, args):
    db = tmp_path / "typo.db"
    result = invoke(*args, "--db", str(db))
    no_traceback(result)
    assert result.exit_code == 2 and "no database" in result.output
    assert not db.exists()


def test_db_that_is_a_folder_a_missing_folder_or_not_sqlite(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_text("not a database, just text " * 100)
    (tmp_path / "a.txt").write_text(ARTICLE)
    for db, words in (
        (tmp_path, "is a folder"),
        (tmp_path / "no" / "c.db", "does not exist"),
        (junk, "not a database"),
    ):
        result = invoke("ingest", str(tmp_path / "a.txt"), "--db", str(db), "--no-annotate")
        no_traceback(result)
        assert result.exit_code == 2 and words in result.output, result.output


def test_db_of_another_program_is_refused_and_untouched(tmp_path):
    db = tmp_path / "other.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE notes (t TEXT)")
    conn.commit()
    conn.close()
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = invoke("ingest", str(tmp_path / "a.txt"), "--db", str(db))
    assert result.exit_code == 2 and "not a communique database" in result.output
    conn = sqlite3.connect(db)
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["notes"]
    conn.close()


def test_db_of_a_newer_schema_is_refused(db):
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    result = invoke("documents", "--db", db)
    assert result.exit_code == 2 and "newer" in result.output


def test_a_write_that_fails_is_a_message_not_a_traceback(tmp_path, monkeypatch):
    (tmp_path / "a.txt").write_text(ARTICLE)
    db = str(tmp_path / "c.db")
    Store(db).close()
    original = Store.__init__

    def read_only(self, *a, **kw):
        original(self, *a, **kw)
        self.conn.execute("PRAGMA query_only = ON")

    monkeypatch.setattr(Store, "__init__", read_only)
    result = invoke("ingest", str(tmp_path / "a.txt"), "--db", db, "--no-annotate")
    no_traceback(result)
    assert result.exit_code == 1 and "cannot write to" in result.output


# ----------------------------------------------------------------- show, event


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["show", "ab"], 2, "too short"),
        (["show", ""], 2, "give an id"),
        (["show", "ffffffffff"], 1, "no document"),
        (["event", "ev_aaaa"], 2, "matches 2 events"),
        (["event", "ev_a"], 2, "too short"),
        (["event", "ev_"], 2, "too short"),
        (["event", "ev_ffff"], 1, "no event"),
    ],
)
def test_show_and_event_with_bad_ids(db, args, code, words):
    result = invoke(*args, "--db", db)
    no_traceback(result)
    assert result.exit_code == code and words in result.output


def test_event_without_the_ev_prefix_and_its_human_view(db):
    result = invoke("event", "bbbb", "--db", db)
    assert result.exit_code == 0
    assert "None" not in result.output  # unknown values are left out, not printed as None
    assert (
        json.loads(invoke("event", "AAAA000000000001", "--db", db, "--json").stdout)["type"] == "phone call"
    )


# ----------------------------------------------------------------- events, timeline filters


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--since", "2023-13-45"], "not a real date"),
        (["--since", "yesterday"], "takes a date"),
        (["--until", "06/2023"], "takes a date"),
        (["--type", "phonecall"], "phone call, video call"),
        (["--country", "US"], "alpha-3"),
        (["--pair", "CHN"], "two ISO alpha-3 codes"),
        (["--since", "2024", "--until", "2023"], "after --until"),
    ],
)
@pytest.mark.parametrize("command", ["events", "timeline"])
def test_bad_filters_are_usage_errors(db, command, args, words):
    if command == "timeline" and args[0] == "--type":
        pytest.skip("timeline has no --type")
    result = invoke(command, *args, "--db", db)
    no_traceback(result)
    assert result.exit_code == 2 and words in result.output, result.output


def ids(result) -> list[str]:
    assert result.exit_code == 0, result.output
    return [e["id"] for e in json.loads(result.stdout)]


def test_filters_in_any_case_and_partial_dates(db):
    assert ids(invoke("events", "--pair", "chn,blr", "--json", "--db", db)) == ["ev_aaaa000000000001"]
    assert ids(invoke("events", "--type", "Phone Call", "--json", "--db", db)) == ["ev_aaaa000000000001"]
    assert ids(invoke("events", "--type", "news", "--json", "--db", db)) == ["ev_bbbb000000000003"]
    assert ids(invoke("events", "--until", "2023-06", "--json", "--db", db)) == ["ev_aaaa000000000001"]
    assert ids(invoke("events", "--since", "2023-07", "--json", "--db", db)) == ["ev_aaaa000000000002"]
    assert len(ids(invoke("events", "--since", "2023", "--until", "2023", "--json", "--db", db))) == 2


def test_documents_csv_is_valid_with_commas_quotes_and_newlines_in_titles(db):
    result = invoke("documents", "--csv", "--db", db)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["title"] for r in rows][0] == 'Call, with "quotes"\nand a newline'
    assert len(rows) == 3


# ----------------------------------------------------------------- eval


GOOD_EVENT = {
    "type": "meeting",
    "date": "2023-07-01",
    "participants": [{"name": "Leader RUS", "country": "RUS"}],
}


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("", "not valid JSON"),
        ("[]", "needs 'documents' and 'events'"),
        ('{"documents": {}, "events": {}}', "'documents' is empty"),
        ('{"documents": {"b.txt": "E1"}, "events": {}}', "is not an object"),
        ('{"documents": {"b.txt": {"event": ["E1"]}}, "events": {}}', "event is not a string"),
        ('{"documents": {"b.txt": {"event": "E1"}}, "events": {"E1": {"type": "meeting"}}}', "has no 'date'"),
        (
            '{"documents": {"b.txt": {"event": "E1"}}, "events": {"E1": '
            '{"type": "meeting", "date": null, "participants": [{"country": "RUS"}]}}}',
            "with a 'name'",
        ),
    ],
)
def test_eval_with_a_bad_gold_file_is_a_usage_error(db, tmp_path, content, words):
    gold = tmp_path / "gold.json"
    gold.write_text(content)
    result = invoke("eval", str(gold), "--db", db)
    no_traceback(result)
    assert result.exit_code == 2 and words in result.output, result.output


def test_eval_with_a_missing_gold_file_or_a_folder(db, tmp_path):
    for gold in (tmp_path / "missing.json", tmp_path):
        result = invoke("eval", str(gold), "--db", db)
        no_traceback(result)
        assert result.exit_code == 2 and "cannot read gold file" in result.output


def test_eval_when_no_gold_document_is_in_the_store(db, tmp_path):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps({"documents": {"zzz.txt": {"event": "E1"}}, "events": {"E1": GOOD_EVENT}}))
    result = invoke("eval", str(gold), "--db", db)
    no_traceback(result)
    assert result.exit_code == 1 and "none of the documents" in result.output


def test_eval_with_some_gold_documents_not_in_the_store(db, tmp_path):
    gold = tmp_path / "gold.json"
    docs = {"b.txt": {"event": "E1"}, "zzz.txt": {"event": "E1"}}
    gold.write_text(json.dumps({"documents": docs, "events": {"E1": GOOD_EVENT}}))
    result = invoke("eval", str(gold), "--db", db, "--json")
    assert result.exit_code == 0, result.output
    got = json.loads(result.stdout)
    assert got["gold_documents_in_store"] == 1 and got["unmatched_gold_documents"] == ["zzz.txt"]


# ----------------------------------------------------------------- ingest from the command line


def test_ingest_of_a_folder_with_nothing_readable_exits_1_with_reasons(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_text("  \n\t \n")
    (folder / "bin.txt").write_bytes(b"\x00\x01\x02" * 50)
    (folder / "h.csv").write_text("title,body\n")
    (folder / "s.csv").write_text(f'title,story\nT,"{ARTICLE}"\n')
    result = invoke("ingest", str(folder), "--db", str(tmp_path / "c.db"))
    no_traceback(result)
    assert result.exit_code == 1
    for words in (
        "empty.txt (empty)",
        "blank.txt (empty)",
        "bin.txt (binary)",
        "header only",
        "--column body=",
    ):
        assert words in result.output, words


def test_ingest_of_the_same_file_twice_and_a_path_with_spaces_and_unicode(tmp_path):
    folder = tmp_path / "dossier été"
    folder.mkdir()
    f = folder / "Ärtikel 1.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    db = str(tmp_path / "c.db")
    result = invoke("ingest", str(f), str(f), "--db", db, "--no-annotate")
    assert result.exit_code == 0 and "ingested 1" in result.output and "given twice" in result.output
    (d,) = json.loads(invoke("documents", "--json", "--db", db).stdout)
    assert d["paths"] == [str(f)]
    assert invoke("show", "Ärtikel 1.txt", "--db", db).exit_code == 0


def test_ingest_from_stdin_as_text_and_jsonl(tmp_path):
    db = str(tmp_path / "c.db")
    result = runner.invoke(app, ["ingest", "-", "--db", db, "--no-annotate"], input=ARTICLE)
    assert result.exit_code == 0 and "ingested 1" in result.output
    lines = "\n" + json.dumps({"title": "x", "body": ARTICLE + " Again."}) + "\n\n"
    result = runner.invoke(app, ["ingest", "-", "-f", "jsonl", "--db", db, "--no-annotate"], input=lines)
    assert result.exit_code == 0 and "ingested 1" in result.output
    result = runner.invoke(app, ["ingest", "-", "--db", db], input="")
    assert result.exit_code == 1 and "(empty)" in result.output


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_ingest_of_a_fifo_does_not_hang(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    out = subprocess.run(
        [sys.executable, "-m", "communique", "ingest", str(fifo), "--db", str(tmp_path / "c.db")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 1 and "FIFO" in out.stderr and "Traceback" not in out.stderr


# ----------------------------------------------------------------- pipes and Ctrl-C


@pytest.mark.parametrize(
    "args", [["timeline", "--all"], ["events"], ["events", "--json"], ["documents", "--csv"]]
)
def test_output_into_a_closed_pipe_is_quiet(db, args):
    p = subprocess.Popen(
        [sys.executable, "-m", "communique", *args, "--db", db],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert p.stdout is not None and p.stderr is not None
    p.stdout.close()  # like `| head` that has already exited
    err = p.stderr.read().decode()
    assert p.wait(timeout=60) == 0
    assert "Traceback" not in err and "BrokenPipe" not in err


def test_ctrl_c_during_ingest_says_so_exits_130_and_keeps_whole_batches(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3000):
        (folder / f"{i:05d}.txt").write_text(f"{ARTICLE} Report number {i}.\n")
    db = tmp_path / "c.db"
    env = {**os.environ, "COMMUNIQUE_WORKERS": "2"}
    p = subprocess.Popen(
        [sys.executable, "-m", "communique", "ingest", str(folder), "--db", str(db), "--no-annotate"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,  # its own process group, so Ctrl-C can reach the workers too
    )
    deadline = time.time() + 30
    while time.time() < deadline:  # wait for the first whole batch
        time.sleep(0.05)
        try:
            conn = sqlite3.connect(db, timeout=0.1)
            n = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            conn.close()
        except sqlite3.Error:
            continue
        if n:
            break
    os.killpg(p.pid, signal.SIGINT)
    _, err = p.communicate(timeout=60)
    if p.returncode == 0:
        pytest.skip("the ingest finished before Ctrl-C")
    assert p.returncode == 130, err
    assert "interrupted" in err and "run the same command again" in err
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    conn = sqlite3.connect(db)
    n = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    assert n % 200 == 0 and conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT COUNT(DISTINCT doc_id) FROM paths").fetchone()[0] == n
    conn.close()
    result = invoke("ingest", str(folder), "--db", str(db), "--no-annotate")  # resumes
    assert result.exit_code == 0 and f"({n} already stored)" in result.output


@pytest.mark.parametrize(
    ("args", "words"), [(["  "], "empty search query"), (["Minsk", "--limit", "-5"], "1 or more")]
)
def test_search_with_an_empty_query_or_a_bad_limit(db, args, words):
    result = invoke("search", *args, "--db", db)
    no_traceback(result)
    assert result.exit_code == 2 and words in result.output


def test_a_non_numeric_columns_variable_does_not_break_startup(db):
    env = {**os.environ, "COLUMNS": "wide"}
    out = subprocess.run(
        [sys.executable, "-m", "communique", "events", "--db", db], capture_output=True, text=True, env=env
    )
    assert out.returncode == 0 and "Traceback" not in out.stderr
