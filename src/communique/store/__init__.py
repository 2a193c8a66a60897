"""The embedded store: one SQLite file (WAL mode) holding documents, frames and events.

The store never parses text: it writes and reads the plain data of
:mod:`communique.model`. Writes come in batches, each one transaction, so a
run killed at any point leaves the database as it was after the last whole
batch; since documents are keyed by content hash, running the same ingest
again adds only what is missing.

Example::

    with Store("communique.db") as st:
        added = st.add_documents(docs)
        for doc in st.documents():
            print(doc.id, doc.title)
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from communique.model import Document, Event, Frame, OffsetMap
from communique.store.schema import SCHEMA_VERSION, migrate

__all__ = ["Store", "StoreError", "SCHEMA_VERSION"]

_DOC_COLUMNS = "id, text, clean, offsets, url, title, outlet, outlet_source, published, dateline, dateline_date, language, format"


class StoreError(Exception):
    """The database cannot be opened or is not a communique database."""


class Store:
    """A communique database. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | Path = "communique.db") -> None:
        self.path = str(path)
        try:
            self.conn = sqlite3.connect(self.path, timeout=30.0)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            migrate(self.conn)
        except sqlite3.DatabaseError as e:
            raise StoreError(f"cannot open {self.path} as a communique database: {e}") from e
        except RuntimeError as e:
            raise StoreError(str(e)) from e

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------- documents

    def add_documents(self, docs: Sequence[Document]) -> list[str]:
        """Store a batch of documents in one transaction; returns the ids that were new.

        A document already stored (same content hash) only gains the new paths.
        """
        new: list[str] = []
        with self.conn:
            seq = self.conn.execute("SELECT COALESCE(MAX(seq), 0) FROM documents").fetchone()[0]
            for doc in docs:
                exists = self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc.id,)).fetchone()
                if not exists:
                    seq += 1
                    self.conn.execute(
                        f"INSERT INTO documents (seq, {_DOC_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        (
                            seq,
                            doc.id,
                            doc.text,
                            doc.clean,
                            json.dumps(doc.offsets.segments),
                            doc.url,
                            doc.title,
                            doc.outlet,
                            doc.outlet_source,
                            doc.published,
                            doc.dateline,
                            doc.dateline_date,
                            doc.language,
                            doc.format,
                        ),
                    )
                    self.conn.execute(
                        "INSERT INTO documents_fts (doc_id, title, body) VALUES (?,?,?)",
                        (doc.id, doc.title or "", doc.clean),
                    )
                    new.append(doc.id)
                self.conn.executemany(
                    "INSERT OR IGNORE INTO paths (path, doc_id) VALUES (?, ?)",
                    [(p, doc.id) for p in doc.paths],
                )
        return new

    def has_document(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE id = ?", (doc_id,)).fetchone() is not None

    def count_documents(self) -> int:
        return int(self.conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0])

    def _paths(self) -> dict[str, tuple[str, ...]]:
        out: dict[str, list[str]] = {}
        for path, doc_id in self.conn.execute("SELECT path, doc_id FROM paths ORDER BY rowid"):
            out.setdefault(doc_id, []).append(path)
        return {k: tuple(v) for k, v in out.items()}

    def _doc(self, row: Sequence[Any], paths: tuple[str, ...]) -> Document:
        segments = tuple(tuple(s) for s in json.loads(row[3]))
        return Document(
            id=row[0],
            text=row[1],
            clean=row[2],
            offsets=OffsetMap(segments),  # type: ignore[arg-type]
            paths=paths,
            url=row[4],
            title=row[5],
            outlet=row[6],
            outlet_source=row[7],
            published=row[8],
            dateline=row[9],
            dateline_date=row[10],
            language=row[11],
            format=row[12],
        )

    def documents(self, ids: Iterable[str] | None = None) -> Iterator[Document]:
        """Stored documents in ingest order (all, or those of ``ids``)."""
        paths = self._paths()
        if ids is None:
            rows: Iterable[Sequence[Any]] = self.conn.execute(
                f"SELECT {_DOC_COLUMNS} FROM documents ORDER BY seq"
            )
        else:
            wanted = list(ids)
            rows = []
            for i in range(0, len(wanted), 500):
                chunk = wanted[i : i + 500]
                marks = ",".join("?" * len(chunk))
                rows.extend(
                    self.conn.execute(
                        f"SELECT {_DOC_COLUMNS} FROM documents WHERE id IN ({marks}) ORDER BY seq", chunk
                    ).fetchall()
                )
        for row in rows:
            yield self._doc(row, paths.get(row[0], ()))

    def document(self, doc_id: str) -> Document | None:
        """The document with id ``doc_id``, a unique id prefix of 4+ characters, or a path it was read from."""
        full = self.resolve_document_id(doc_id) or self.document_id_for_path(doc_id)
        if full is None:
            return None
        return next(self.documents([full]), None)

    def titles(self) -> dict[str, str]:
        """doc_id -> title, for the documents that have one."""
        return dict(self.conn.execute("SELECT id, title FROM documents WHERE title IS NOT NULL").fetchall())

    def document_id_for_path(self, path: str) -> str | None:
        """The id of the document read from ``path`` (as given at ingest, or ending with it), if unique."""
        rows = self.conn.execute("SELECT DISTINCT doc_id FROM paths WHERE path = ?", (path,)).fetchall()
        if not rows:
            rows = self.conn.execute(
                "SELECT DISTINCT doc_id FROM paths WHERE path LIKE ? ESCAPE '\\' LIMIT 2",
                ("%/" + path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"),),
            ).fetchall()
        return rows[0][0] if len(rows) == 1 else None

    def resolve_document_id(self, prefix: str) -> str | None:
        if len(prefix) < 4:
            return None
        rows = self.conn.execute(
            "SELECT id FROM documents WHERE id >= ? AND id < ? LIMIT 2", (prefix, prefix + "\uffff")
        ).fetchall()
        return rows[0][0] if len(rows) == 1 else None

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        """Full-text search (SQLite FTS5 syntax); returns (doc_id, snippet) pairs, best first."""
        try:
            rows = self.conn.execute(
                "SELECT doc_id, snippet(documents_fts, 2, '[', ']', '...', 12) FROM documents_fts "
                "WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
                (query, limit),
            ).fetchall()
        except sqlite3.OperationalError as e:
            raise ValueError(f"bad search query {query!r}: {e}") from e
        return [(r[0], r[1]) for r in rows]

    # ----------------------------------------------------------------- annotations

    def unannotated(self, version: str) -> list[str]:
        """Ids of documents with no frame of annotator ``version``, in ingest order."""
        rows = self.conn.execute(
            "SELECT d.id FROM documents d LEFT JOIN annotations a ON a.doc_id = d.id "
            "WHERE a.doc_id IS NULL OR a.version != ? ORDER BY d.seq",
            (version,),
        )
        return [r[0] for r in rows]

    def save_frames(self, frames: Sequence[Frame], version: str) -> None:
        """Store a batch of frames in one transaction (replacing older ones)."""
        with self.conn:
            self.conn.executemany(
                "INSERT OR REPLACE INTO annotations (doc_id, version, frame) VALUES (?, ?, ?)",
                [(f.doc_id, version, json.dumps(f.to_dict(), sort_keys=True)) for f in frames],
            )

    def frames(self) -> dict[str, Frame]:
        return {
            r[0]: Frame.from_dict(json.loads(r[1]))
            for r in self.conn.execute("SELECT doc_id, frame FROM annotations")
        }

    def frame(self, doc_id: str) -> Frame | None:
        row = self.conn.execute("SELECT frame FROM annotations WHERE doc_id = ?", (doc_id,)).fetchone()
        return Frame.from_dict(json.loads(row[0])) if row else None

    # ----------------------------------------------------------------- events

    def event_assignment(self) -> dict[str, str]:
        """doc_id -> event id of the last clustering."""
        return dict(self.conn.execute("SELECT doc_id, event_id FROM event_documents").fetchall())

    def replace_events(self, events: Sequence[Event]) -> None:
        """Replace the stored events with ``events`` in one transaction."""
        with self.conn:
            self.conn.execute("DELETE FROM event_countries")
            self.conn.execute("DELETE FROM event_documents")
            self.conn.execute("DELETE FROM events")
            for ev in events:
                self.conn.execute(
                    "INSERT INTO events (id, date, type, status, record) VALUES (?,?,?,?,?)",
                    (ev.id, ev.date, ev.type, ev.status, json.dumps(ev.to_dict(), sort_keys=True)),
                )
                self.conn.executemany(
                    "INSERT OR REPLACE INTO event_documents (doc_id, event_id) VALUES (?, ?)",
                    [(s.doc_id, ev.id) for s in ev.sources],
                )
                countries = {p.country for p in ev.participants if p.country}
                self.conn.executemany(
                    "INSERT OR IGNORE INTO event_countries (event_id, country) VALUES (?, ?)",
                    [(ev.id, c) for c in sorted(countries)],
                )

    def events(
        self,
        countries: Sequence[str] = (),
        type: str | None = None,
        since: str | None = None,
        until: str | None = None,
        diplomatic_only: bool = False,
    ) -> list[dict[str, Any]]:
        """Stored events as JSON records, by date, filtered by all the given countries, type and dates."""
        sql = "SELECT record FROM events e WHERE 1=1"
        args: list[Any] = []
        for c in countries:
            sql += " AND EXISTS (SELECT 1 FROM event_countries c WHERE c.event_id = e.id AND c.country = ?)"
            args.append(c.upper())
        if type:
            sql += " AND e.type = ?"
            args.append(type)
        if diplomatic_only:
            sql += " AND e.type IS NOT NULL"
        if since:
            sql += " AND e.date >= ?"
            args.append(since)
        if until:
            sql += " AND e.date <= ?"
            args.append(until)
        sql += " ORDER BY COALESCE(e.date, ''), e.id"
        return [json.loads(r[0]) for r in self.conn.execute(sql, args)]

    def event(self, event_id: str) -> dict[str, Any] | None:
        """One event record by id or unique id prefix."""
        rows = self.conn.execute(
            "SELECT record FROM events WHERE id >= ? AND id < ? LIMIT 2", (event_id, event_id + "\uffff")
        ).fetchall()
        return json.loads(rows[0][0]) if len(rows) == 1 else None

    def stats(self) -> Mapping[str, int]:
        q = self.conn.execute
        return {
            "documents": int(q("SELECT COUNT(*) FROM documents").fetchone()[0]),
            "paths": int(q("SELECT COUNT(*) FROM paths").fetchone()[0]),
            "annotated": int(q("SELECT COUNT(*) FROM annotations").fetchone()[0]),
            "events": int(q("SELECT COUNT(*) FROM events").fetchone()[0]),
        }
