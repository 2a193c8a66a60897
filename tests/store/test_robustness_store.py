"""The store refuses what is not its own, says why a write failed, and resolves ids with helpful errors."""

from __future__ import annotations

import sqlite3

import pytest

from communique.model import Document, Event, OffsetMap
from communique.store import NotFound, Store, StoreError


def make_doc(text: str, path: str) -> Document:
    return Document.from_text(text, paths=(path,))


def test_a_directory_is_not_a_database(tmp_path):
    with pytest.raises(StoreError, match="is a folder"):
        Store(tmp_path)


def test_a_database_in_a_missing_folder_says_which_folder(tmp_path):
    with pytest.raises(StoreError, match="folder .*nope.* does not exist"):
        Store(tmp_path / "nope" / "c.db")


def test_a_missing_database_is_not_created_when_create_is_false(tmp_path):
    db = tmp_path / "typo.db"
    with pytest.raises(StoreError, match="no database"):
        Store(db, create=False)
    assert not db.exists()


def test_an_empty_file_is_a_new_database(tmp_path):
    db = tmp_path / "c.db"
    db.write_bytes(b"")
    with Store(db, create=False) as st:
        assert st.count_documents() == 0


def test_another_programs_sqlite_database_is_left_untouched(tmp_path):
    db = tmp_path / "places.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("CREATE TABLE bookmarks (url TEXT)")
    conn.execute("INSERT INTO bookmarks VALUES ('https://example.org')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a communique database.*bookmarks"):
        Store(db)
    conn = sqlite3.connect(db)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert tables == {"bookmarks"}


def test_a_failed_write_is_a_store_error_and_keeps_what_was_there(tmp_path):
    db = tmp_path / "c.db"
    first = make_doc("The ministers met in Vienna.", "a.txt")
    with Store(db) as st:
        st.add_documents([first])
        st.conn.execute("PRAGMA query_only = ON")  # like a read-only file: every write fails
        with pytest.raises(StoreError, match="cannot write to"):
            st.add_documents([make_doc("The ministers met again.", "b.txt")])
        with pytest.raises(StoreError, match="cannot write to"):
            st.save_frames([], "v")
            st.replace_events([])
    with Store(db) as st:
        assert [d.id for d in st.documents()] == [first.id]


def _event(event_id: str) -> Event:
    return Event(event_id, None, None, None, (), None, None, (), None, None, ())


IDS = ["abcd000000000001", "abcd000000000002", "ef01000000000003"]


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "c.db") as st:
        docs = [
            Document(
                id=i,
                text=f"Report {i}.",
                clean=f"Report {i}.",
                offsets=OffsetMap.identity(10),
                paths=(f"dir/{n}.txt",),
            )
            for n, i in enumerate(IDS)
        ]
        st.add_documents(docs)
        st.replace_events([_event(f"ev_{d.id}") for d in docs])
        yield st


def test_document_lookup_errors_say_what_to_do(store):
    assert store.find_document("ef01000000000003").id == IDS[2]
    assert store.find_document("EF01").id == IDS[2]
    with pytest.raises(NotFound, match="too short") as e:
        store.find_document("ef")
    assert e.value.usage
    with pytest.raises(NotFound, match="give an id") as e:
        store.find_document("  ")
    assert e.value.usage
    with pytest.raises(NotFound, match="'abcd' matches 2 documents: abcd000000000001, abcd000000000002") as e:
        store.find_document("abcd")
    assert e.value.usage
    with pytest.raises(NotFound, match="no document 'ffffffff'") as e:
        store.find_document("ffffffff")
    assert not e.value.usage
    assert store.document("ffffffff") is None and store.document("abcd") is None


def test_document_lookup_by_an_ambiguous_path_lists_the_documents(store):
    assert store.find_document("dir/1.txt").id == IDS[1]
    assert store.find_document("1.txt").id == IDS[1]
    store.add_documents([make_doc("Another report.", "other/1.txt")])
    with pytest.raises(NotFound, match="'1.txt' matches 2 documents"):
        store.find_document("1.txt")


def test_event_lookup_takes_the_id_with_or_without_ev_and_says_when_ambiguous(store):
    assert store.find_event("ev_ef01000000000003")["id"] == "ev_ef01000000000003"
    assert store.find_event("ef01")["id"] == "ev_ef01000000000003"
    assert store.find_event("EV_EF01")["id"] == "ev_ef01000000000003"
    for short in ("", "ev", "ev_", "ev_e", "ef0"):
        with pytest.raises(NotFound) as e:
            store.find_event(short)
        assert e.value.usage, short
    with pytest.raises(NotFound, match="'ev_abcd' matches 2 events") as e:
        store.find_event("ev_abcd")
    assert e.value.usage
    with pytest.raises(NotFound, match="no event 'ev_ffff'") as e:
        store.find_event("ev_ffff")
    assert not e.value.usage
    assert store.event("ev_") is None and store.event("abcd") is None
