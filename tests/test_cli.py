"""The command line: help everywhere, exit codes scripts can rely on, JSON that parses."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from communique.cli import app

runner = CliRunner()
COMMANDS = ["ingest", "documents", "annotate", "show", "cluster", "events", "event", "timeline", "run", "search", "eval"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_python_dash_m_works():
    out = subprocess.run([sys.executable, "-m", "communique", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "run" in out.stdout


def test_nothing_readable_exits_1_with_a_reason(tmp_path):
    result = runner.invoke(app, ["ingest", str(tmp_path / "missing.txt"), "--db", str(tmp_path / "c.db")])
    assert result.exit_code == 1
    assert "missing.txt" in result.output


def test_usage_errors_exit_2(tmp_path):
    db = str(tmp_path / "c.db")
    assert runner.invoke(app, ["events", "--pair", "CHN", "--db", db]).exit_code == 2
    assert runner.invoke(app, ["ingest", "x", "--column", "nonsense", "--db", db]).exit_code == 2
    bad = tmp_path / "gold.json"
    bad.write_text("{not json")
    assert runner.invoke(app, ["eval", str(bad), "--db", db]).exit_code == 2


def test_ingest_then_documents_json(tmp_path):
    art = tmp_path / "a.txt"
    art.write_text(
        " date 2024-02-06 VIENNA, Feb. 5 (Example Wire) -- The foreign ministers of two neighbouring countries "
        "met in Vienna on Monday and agreed to reopen a border crossing.\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "c.db")
    assert runner.invoke(app, ["ingest", str(art), "--db", db, "--no-annotate"]).exit_code == 0
    result = runner.invoke(app, ["documents", "--json", "--db", db])
    assert result.exit_code == 0
    (doc,) = json.loads(result.stdout)
    assert doc["path"] == str(art)
    assert doc["published"].startswith("2024-02-06")
    assert doc["dateline"] == "Vienna"
    assert doc["outlet"] == "Example Wire"
    csv_out = runner.invoke(app, ["documents", "--csv", "--db", db]).stdout
    assert csv_out.splitlines()[0].startswith("id,path,url,outlet")


def test_timeline_places_news_events_on_their_publication_day(tmp_path):
    from communique.analyze.timeline import timeline_rows

    events = [
        {"id": "ev_b", "date": "2024-01-05", "type": "phone call", "participants": [], "sources": []},
        {
            "id": "ev_a",
            "date": None,
            "type": None,
            "participants": [],
            "sources": [{"doc_id": "d1", "published": "2024-01-03T10:00:00", "copy_of": None}],
        },
    ]
    rows = timeline_rows(events, {"d1": "Flood closes river port"})
    assert [r["id"] for r in rows] == ["ev_a", "ev_b"]
    assert rows[0]["date_published"] == "2024-01-03"
    assert rows[0]["title"] == "Flood closes river port"
    assert rows[0]["independent_sources"] == 1
