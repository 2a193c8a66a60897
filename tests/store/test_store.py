"""The store keeps each document once, survives reopening, and answers queries."""

from __future__ import annotations

import sqlite3

import pytest

from communique.model import Document, Event, Frame, OffsetMap, Participant, Source, content_id
from communique.store import SCHEMA_VERSION, Store, StoreError


def make_doc(text: str, path: str, url: str | None = None) -> Document:
    return Document.from_text(
        text,
        paths=(path,),
        url=url,
        title="A title",
        outlet="Example Wire",
        published="2024-03-01",
        language="en",
        format="txt",
    )


def test_same_document_twice_is_one_document_with_both_paths(tmp_path):
    db = tmp_path / "c.db"
    a = make_doc("The two ministers met in Vienna on Friday.", "a.txt")
    b = make_doc("The two ministers met in Vienna on Friday.", "copy/b.txt")
    with Store(db) as st:
        assert st.add_documents([a]) == [a.id]
        assert st.add_documents([b]) == []
        (doc,) = list(st.documents())
    assert doc.paths == ("a.txt", "copy/b.txt")
    assert doc.text == a.text


def test_reopen_keeps_everything_and_schema_version(tmp_path):
    db = tmp_path / "c.db"
    docs = [make_doc(f"Report number {i} about talks.", f"{i}.txt") for i in range(5)]
    with Store(db) as st:
        st.add_documents(docs)
    with Store(db) as st:
        assert [d.id for d in st.documents()] == [d.id for d in docs]
        assert st.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert st.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_offset_map_round_trips_through_the_store(tmp_path):
    text = "Photo: X\n\nThe leaders spoke by phone."
    clean = text[10:]
    doc = Document(
        id=content_id(text), text=text, clean=clean, offsets=OffsetMap(((0, 10, len(clean)),)), paths=("p.txt",)
    )
    with Store(tmp_path / "c.db") as st:
        st.add_documents([doc])
        got = st.document(doc.id)
    assert got is not None
    span = got.span(4, 11)
    assert got.original(span) == clean[4:11] == "leaders"


def test_not_a_database_gives_a_clear_error(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="cannot open"):
        Store(bad)


def test_newer_schema_is_refused(tmp_path):
    db = tmp_path / "c.db"
    Store(db).close()
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        Store(db)


def test_full_text_search_and_prefix_lookup(tmp_path):
    a = make_doc("The presidents discussed the industrial park.", "a.txt")
    b = make_doc("A storm closed the harbour.", "b.txt")
    with Store(tmp_path / "c.db") as st:
        st.add_documents([a, b])
        hits = st.search("industrial")
        assert [h[0] for h in hits] == [a.id]
        assert st.document(a.id[:6]) is not None
        with pytest.raises(ValueError):
            st.search('"unbalanced')


def test_frames_and_events_round_trip_and_filter(tmp_path):
    a = make_doc("The leaders spoke.", "a.txt")
    with Store(tmp_path / "c.db") as st:
        st.add_documents([a])
        assert st.unannotated("v1") == [a.id]
        st.save_frames([Frame(doc_id=a.id, type="phone call", date="2024-03-01")], "v1")
        assert st.unannotated("v1") == []
        assert st.unannotated("v2") == [a.id]
        assert st.frame(a.id) == Frame(doc_id=a.id, type="phone call", date="2024-03-01")
        ev = Event(
            id="ev_1",
            type="phone call",
            status="held",
            date="2024-03-01",
            participants=(Participant("A B", "FRA", "President"), Participant("C D", "DEU", "Chancellor")),
            host=None,
            location=None,
            attendees=(),
            cameo="041",
            plover="CONSULT (phone)",
            sources=(Source(a.id, "a.txt", None, "Example Wire", "2024-03-01", "readout"),),
        )
        st.replace_events([ev])
        assert st.event_assignment() == {a.id: "ev_1"}
        assert [e["id"] for e in st.events(["fra", "DEU"])] == ["ev_1"]
        assert st.events(["RUS"]) == []
        assert st.events(since="2024-03-02") == []
        assert st.event("ev_1")["participants"][0]["name"] == "A B"


def test_document_by_path_or_path_suffix(tmp_path):
    a = make_doc("The leaders spoke about grain.", "corpus/2024/a_b.txt")
    b = make_doc("The ministers met about fish.", "corpus/2024/axb.txt")
    with Store(tmp_path / "c.db") as st:
        st.add_documents([a, b])
        assert st.document("corpus/2024/a_b.txt").id == a.id
        assert st.document("a_b.txt").id == a.id  # '_' is not a wildcard
        assert st.document("axb.txt").id == b.id
        assert st.document("nothing.txt") is None
