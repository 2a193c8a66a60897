"""The SQLite schema and its migrations.

The database is a plain SQLite file that any SQLite tool can read. Its
version is kept in ``PRAGMA user_version``; ``MIGRATIONS[i]`` takes a database
from version ``i`` to ``i + 1``. A new migration is appended, never edited.
"""

from __future__ import annotations

import sqlite3

MIGRATIONS: tuple[str, ...] = (
    # 0 -> 1: documents, their paths, full-text search, annotations, events
    """
    CREATE TABLE documents (
        id            TEXT PRIMARY KEY,
        seq           INTEGER NOT NULL,
        text          TEXT NOT NULL,
        clean         TEXT NOT NULL,
        offsets       TEXT NOT NULL,
        url           TEXT,
        title         TEXT,
        outlet        TEXT,
        outlet_source TEXT,
        published     TEXT,
        dateline      TEXT,
        dateline_date TEXT,
        language      TEXT,
        format        TEXT
    );
    CREATE UNIQUE INDEX documents_seq ON documents(seq);
    CREATE INDEX documents_url ON documents(url);
    CREATE TABLE paths (
        path   TEXT NOT NULL,
        doc_id TEXT NOT NULL REFERENCES documents(id),
        PRIMARY KEY (path, doc_id)
    );
    CREATE INDEX paths_doc ON paths(doc_id);
    CREATE VIRTUAL TABLE documents_fts USING fts5(doc_id UNINDEXED, title, body);
    CREATE TABLE annotations (
        doc_id  TEXT PRIMARY KEY REFERENCES documents(id),
        version TEXT NOT NULL,
        frame   TEXT NOT NULL
    );
    CREATE TABLE events (
        id     TEXT PRIMARY KEY,
        date   TEXT,
        type   TEXT,
        status TEXT,
        record TEXT NOT NULL
    );
    CREATE INDEX events_date ON events(date);
    CREATE TABLE event_documents (
        doc_id   TEXT PRIMARY KEY REFERENCES documents(id),
        event_id TEXT NOT NULL REFERENCES events(id)
    );
    CREATE INDEX event_documents_event ON event_documents(event_id);
    CREATE TABLE event_countries (
        event_id TEXT NOT NULL REFERENCES events(id),
        country  TEXT NOT NULL,
        PRIMARY KEY (event_id, country)
    );
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(conn: sqlite3.Connection) -> int:
    """Bring ``conn`` to ``SCHEMA_VERSION``; returns the version it started at.

    Raises RuntimeError when the file was written by a newer communique.
    """
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    if current > SCHEMA_VERSION:
        raise RuntimeError(
            f"the database has schema version {current}, newer than this communique ({SCHEMA_VERSION}); "
            "upgrade communique or use another --db"
        )
    for version in range(current, SCHEMA_VERSION):
        with conn:
            conn.executescript(
                "BEGIN;" + MIGRATIONS[version] + f"PRAGMA user_version = {version + 1};COMMIT;"
            )
    return int(current)
