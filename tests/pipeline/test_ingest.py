"""Ingest is idempotent and resumable: a second run adds nothing, a killed run loses nothing."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from communique import pipeline
from communique.store import Store

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def write_corpus(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        day = WEEKDAYS[i % 5]
        (folder / f"{i:05d}.txt").write_text(
            f" date 2024-05-{1 + i % 28:02d} The foreign ministers of two neighbouring states met on {day}.\n\n"
            f"They discussed trade corridor number {i} and agreed to meet again.\n",
            encoding="utf-8",
        )


def test_second_ingest_adds_nothing(tmp_path):
    write_corpus(tmp_path / "in", 30)
    with Store(tmp_path / "c.db") as st:
        first = pipeline.ingest(st, [str(tmp_path / "in")])
        second = pipeline.ingest(st, [str(tmp_path / "in")])
        assert (first.added, first.known) == (30, 0)
        assert (second.added, second.known) == (0, 30)
        assert st.count_documents() == 30


def test_bad_files_are_skipped_with_reasons_and_the_rest_stored(tmp_path):
    folder = tmp_path / "in"
    write_corpus(folder, 3)
    (folder / "a.bin").write_bytes(bytes(range(256)) * 8)
    (folder / "empty.txt").write_text("")
    (folder / "b.jsonl").write_text('{"text": "The envoys met in Geneva on Monday.", "url": "https://x.example/1"}\n{oops\n')
    with Store(tmp_path / "c.db") as st:
        report = pipeline.ingest(st, [str(folder)])
    assert report.added == 4
    reasons = {Path(s.path).name: s.reason for s in report.skipped}
    assert "binary" in reasons["a.bin"]
    assert "empty" in reasons["empty.txt"]
    assert any(k.startswith("b.jsonl:2") and "JSON" in v for k, v in reasons.items())
    assert "skipped 3" in report.summary()


def test_killed_ingest_resumes_without_loss_or_duplicates(tmp_path):
    """SIGKILL an ingest of 3,000 files mid-way, run it again: every document once."""
    folder = tmp_path / "in"
    n = 3000
    write_corpus(folder, n)
    db = tmp_path / "c.db"
    cmd = [sys.executable, "-m", "communique", "ingest", str(folder), "--db", str(db), "--no-annotate"]
    env = dict(os.environ, COMMUNIQUE_WORKERS="1")
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    # wait until some batches are committed, then kill without warning
    deadline = time.time() + 60
    stored = 0
    while time.time() < deadline and proc.poll() is None:
        time.sleep(0.05)
        if db.exists():
            try:
                with Store(db) as st:
                    stored = st.count_documents()
            except Exception:
                stored = 0
            if stored >= 200:
                break
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    with Store(db) as st:
        partial = st.count_documents()
    assert partial < n or proc.returncode == 0
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    with Store(db) as st:
        assert st.count_documents() == n
        ids = [d.id for d in st.documents()]
        assert len(ids) == len(set(ids)) == n
        paths = st.conn.execute("SELECT COUNT(*), COUNT(DISTINCT path) FROM paths").fetchone()
        assert paths == (n, n)


def test_non_english_is_stored_reported_and_not_annotated(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "fr.txt").write_text(
        " date 2024-03-04 Le président de la République a reçu lundi le chancelier allemand pour un long entretien "
        "sur la situation en Europe et sur les relations entre les deux pays, a indiqué la présidence.\n",
        encoding="utf-8",
    )
    write_corpus(folder, 1)
    with Store(tmp_path / "c.db") as st:
        report = pipeline.ingest(st, [str(folder)])
        assert report.added == 2
        assert [lang for _, lang in report.not_english] == ["fr"]
        assert "not English" in report.summary()
        assert pipeline.annotate_store(st) == 2
        frames = st.frames()
        skipped = [f.skipped for f in frames.values() if f.skipped]
        assert skipped == ["language fr"]
        assert pipeline.annotate_store(st) == 0  # nothing left to do


def test_run_clusters_every_document_into_exactly_one_event(tmp_path):
    write_corpus(tmp_path / "in", 12)
    with Store(tmp_path / "c.db") as st:
        pipeline.run(st, [str(tmp_path / "in")])
        docs = {d.id for d in st.documents()}
        assignment = st.event_assignment()
        assert set(assignment) == docs
        first = sorted(e["id"] for e in st.events())
        pipeline.cluster_store(st)
        assert sorted(e["id"] for e in st.events()) == first  # stable ids on re-clustering


def test_a_folder_of_ten_thousand_mixed_files(tmp_path):
    """Good and bad files mixed: every good one stored, every bad one skipped with its reason."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    kinds = {
        "txt": lambda i: f" date 2024-06-{1 + i % 28:02d} The envoys of two states met for round {i} of talks.\n",
        "md": lambda i: f"---\ntitle: Round {i}\ndate: '2024-06-01'\n---\n\nThe delegations held round {i} of talks.\n",
        "bin": lambda i: bytes([0, 1, 2, 3, i % 256]) * 50,
        "empty.txt": lambda i: "",
        "badfm.md": lambda i: f"---\ntitle: [unclosed {i}\n---\nBody text of note {i}.\n",
        "jsonl": lambda i: f'{{"text": "Ministers met for round {i}.", "url": "https://x.example/{i}"}}\n{{broken\n',
    }
    names = list(kinds)
    expected_docs = expected_skips = 0
    for i in range(10_000):
        kind = names[i % len(names)]
        data = kinds[kind](i)
        path = folder / f"f{i:05d}.{kind}"
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
        expected_docs += kind in ("txt", "md", "jsonl")
        expected_skips += kind != "txt" and kind != "md"  # a .jsonl file has one good and one broken record
    with Store(tmp_path / "c.db") as st:
        report = pipeline.ingest(st, [str(folder)])
        assert st.count_documents() == expected_docs
    assert report.added == expected_docs
    reasons = {}
    for s in report.skipped:
        reasons.setdefault(Path(s.path.split(":")[0]).name.split(".", 1)[1], set()).add(s.reason.split(":")[0])
    assert reasons["bin"] == {"binary"}
    assert reasons["empty.txt"] == {"empty"}
    assert reasons["badfm.md"] == {"malformed front matter"}
    assert reasons["jsonl"] == {"invalid JSON"}
    assert len(report.skipped) == expected_skips


def test_known_people_keeps_names_the_corpus_agrees_on():
    from communique.model import Frame, Participant

    def frame(doc, *people):
        return Frame(doc_id=doc, type="meeting", participants=tuple(Participant(*p) for p in people))

    frames = [
        frame("a", ("Ana Lima", "BRA", "President"), ("Jon Berg", "NOR", "Prime Minister")),
        frame("b", ("Ana Lima", "BRA", "President"), ("Jon Berg", "SWE", "Prime Minister")),
        frame("c", ("Ana Lima", "PRT", None), ("Berg", "NOR", "Prime Minister")),
        Frame(doc_id="d", type=None, participants=(Participant("Ana Lima", "ARG", None),)),
    ]
    known = pipeline.known_people(frames)
    assert known == {"Ana Lima": ("BRA", "President")}  # 2 of 3 votes; Jon Berg split 1-1; 'Berg' too short
