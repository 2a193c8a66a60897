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

import calendar
import datetime as dt
import json
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from communique.model import EVENT_TYPES, Document, Event, Frame, OffsetMap
from communique.store.schema import SCHEMA_VERSION, migrate

__all__ = ["Store", "StoreError", "NotFound", "SCHEMA_VERSION"]

_DOC_COLUMNS = "id, text, clean, offsets, url, title, outlet, outlet_source, published, dateline, dateline_date, language, format"


MIN_PREFIX = 4  # characters of an id a user must give


class StoreError(Exception):
    """The database cannot be opened, is not a communique database, or cannot be written."""


class NotFound(LookupError):
    """No document or event answers to what the user gave; ``usage`` when what was given cannot work
    (empty, too short, ambiguous) rather than simply unknown."""

    def __init__(self, message: str, usage: bool = False) -> None:
        super().__init__(message)
        self.usage = usage


def _why(e: sqlite3.Error) -> str:
    msg = str(e)
    if "readonly" in msg or "read-only" in msg:
        return "it is read-only"
    if "locked" in msg or "busy" in msg:
        return "another process is using it (database is locked); try again when it is done"
    return msg


class Store:
    """A communique database. Use as a context manager, or call :meth:`close`.

    ``create=False`` opens an existing database only (for commands that just
    read: a mistyped ``--db`` is an error, not a new empty file).
    """

    def __init__(self, path: str | Path = "communique.db", create: bool = True) -> None:
        self.path = str(path)
        if os.path.isdir(self.path):
            raise StoreError(
                f"{self.path} is a folder; --db takes a database file (e.g. {os.path.join(self.path, 'communique.db')})"
            )
        folder = os.path.dirname(os.path.abspath(self.path))
        if not os.path.exists(self.path):
            if not create:
                raise StoreError(
                    f"no database {self.path} (run `communique run FOLDER --db {self.path}` first, or check --db)"
                )
            if not os.path.isdir(folder):
                raise StoreError(f"cannot create {self.path}: folder {folder} does not exist")
        try:
            self.conn = sqlite3.connect(self.path, timeout=30.0)
        except sqlite3.Error as e:
            raise StoreError(f"cannot open {self.path}: {_why(e)}") from e
        try:
            self._check_ours()
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            migrate(self.conn)
        except sqlite3.DatabaseError as e:
            self.conn.close()
            raise StoreError(f"cannot open {self.path} as a communique database: {_why(e)}") from e
        except (RuntimeError, StoreError) as e:
            self.conn.close()
            raise StoreError(str(e)) from e

    def _check_ours(self) -> None:
        """Refuse an SQLite file of another program: communique never adds its tables to it."""
        if self.conn.execute("PRAGMA user_version").fetchone()[0] != 0:
            return
        tables = [
            r[0]
            for r in self.conn.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        if tables:
            shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
            raise StoreError(
                f"{self.path} is an SQLite database but not a communique database (tables: {shown}); "
                "it was left untouched, use another --db"
            )

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One transaction; a failed write (read-only file, full disk, lock) is a StoreError, nothing half-written."""
        try:
            with self.conn:
                yield
        except sqlite3.OperationalError as e:
            raise StoreError(f"cannot write to {self.path}: {_why(e)}") from e

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
        with self._write():
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
        try:
            return self.find_document(doc_id)
        except NotFound:
            return None

    def find_document(self, ref: str) -> Document:
        """Like :meth:`document`, but raises :class:`NotFound` saying what is wrong (unknown, too short, ambiguous)."""
        ref = ref.strip()
        if not ref:
            raise NotFound(
                "give an id (or a unique prefix of 4+ characters) or a path; see `communique documents`", True
            )
        ids = self._id_matches("documents", ref.lower())
        if len(ids) != 1:
            by_path = self._path_matches(ref)
            if len(by_path) == 1 or (by_path and not ids):
                ids = by_path
        if len(ids) > 1:
            raise NotFound(f"{ref!r} matches {_several(ids, 'documents')}; give more characters", True)
        if not ids:
            if len(ref) < MIN_PREFIX:
                raise NotFound(
                    f"{ref!r} is too short: give at least {MIN_PREFIX} characters of a document id "
                    "(see `communique documents`)",
                    True,
                )
            raise NotFound(f"no document {ref!r} (see `communique documents`)")
        return next(self.documents(ids))

    def _id_matches(self, table: str, prefix: str, min_len: int = MIN_PREFIX) -> list[str]:
        """Up to 6 ids of ``table`` equal to ``prefix`` or, when it is ``min_len``+ long, starting with it."""
        exact = self.conn.execute(f"SELECT id FROM {table} WHERE id = ?", (prefix,)).fetchall()
        if exact or len(prefix) < min_len:
            return [r[0] for r in exact]
        rows = self.conn.execute(
            f"SELECT id FROM {table} WHERE id >= ? AND id < ? ORDER BY id LIMIT 6",
            (prefix, prefix + "\uffff"),
        ).fetchall()
        return [r[0] for r in rows]

    def _path_matches(self, path: str) -> list[str]:
        """Ids of the documents read from ``path`` (as given at ingest, or a path ending with it)."""
        rows = self.conn.execute(
            "SELECT DISTINCT doc_id FROM paths WHERE path = ? LIMIT 6", (path,)
        ).fetchall()
        if not rows:
            rows = self.conn.execute(
                "SELECT DISTINCT doc_id FROM paths WHERE path LIKE ? ESCAPE '\\' ORDER BY doc_id LIMIT 6",
                ("%/" + path.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_"),),
            ).fetchall()
        return [r[0] for r in rows]

    def titles(self) -> dict[str, str]:
        """doc_id -> title, for the documents that have one."""
        return dict(self.conn.execute("SELECT id, title FROM documents WHERE title IS NOT NULL").fetchall())

    def document_id_for_path(self, path: str) -> str | None:
        """The id of the document read from ``path`` (as given at ingest, or ending with it), if unique."""
        ids = self._path_matches(path)
        return ids[0] if len(ids) == 1 else None

    def resolve_document_id(self, prefix: str) -> str | None:
        ids = self._id_matches("documents", prefix.lower())
        return ids[0] if len(ids) == 1 else None

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str]]:
        """Full-text search (SQLite FTS5 syntax); returns (doc_id, snippet) pairs, best first."""
        if not query.strip():
            raise ValueError("empty search query; give words, e.g. 'Lukashenko AND park'")
        if limit < 1:
            raise ValueError(f"the limit must be 1 or more, not {limit}")
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
        with self._write():
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
        with self._write():
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
        """Stored events as JSON records, by date, filtered by all the given countries, type and dates.

        ``countries`` are ISO alpha-3 codes in any case; ``type`` one of
        :data:`~communique.model.EVENT_TYPES` in any case, or ``news`` for
        events with no diplomatic frame; ``since``/``until`` a day
        ``YYYY-MM-DD``, a month ``YYYY-MM`` or a year ``YYYY`` (``until 2023-06``
        takes in all of June). Raises ValueError saying what is wrong with a filter.
        """
        codes = [check_country(c) for c in countries]
        type = check_type(type) if type else None
        since = date_bound(since, end=False, option="--since") if since else None
        until = date_bound(until, end=True, option="--until") if until else None
        if since and until and since > until:
            raise ValueError(f"--since {since} is after --until {until}: no day is in between")
        sql = "SELECT record FROM events e WHERE 1=1"
        args: list[Any] = []
        for c in codes:
            sql += " AND EXISTS (SELECT 1 FROM event_countries c WHERE c.event_id = e.id AND c.country = ?)"
            args.append(c)
        if type == "news":
            sql += " AND e.type IS NULL"
        elif type:
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
        """One event record by id or unique id prefix (4+ characters after ``ev_``, which may be left out)."""
        try:
            return self.find_event(event_id)
        except NotFound:
            return None

    def find_event(self, ref: str) -> dict[str, Any]:
        """Like :meth:`event`, but raises :class:`NotFound` saying what is wrong (unknown, too short, ambiguous)."""
        ref = ref.strip()
        if not ref:
            raise NotFound("give an event id (or a unique prefix); see `communique events`", True)
        key = ref.lower()
        key = key if key.startswith("ev_") else "ev_" + key
        ids = self._id_matches("events", key, min_len=3 + MIN_PREFIX)
        if len(ids) > 1:
            raise NotFound(f"{ref!r} matches {_several(ids, 'events')}; give more characters", True)
        if not ids:
            if len(key) < 3 + MIN_PREFIX:
                raise NotFound(
                    f"{ref!r} is too short: give at least {MIN_PREFIX} characters after 'ev_' "
                    "(see `communique events`)",
                    True,
                )
            raise NotFound(f"no event {ref!r} (see `communique events`)")
        row = self.conn.execute("SELECT record FROM events WHERE id = ?", (ids[0],)).fetchone()
        return dict(json.loads(row[0]))

    def stats(self) -> Mapping[str, int]:
        q = self.conn.execute
        return {
            "documents": int(q("SELECT COUNT(*) FROM documents").fetchone()[0]),
            "paths": int(q("SELECT COUNT(*) FROM paths").fetchone()[0]),
            "annotated": int(q("SELECT COUNT(*) FROM annotations").fetchone()[0]),
            "events": int(q("SELECT COUNT(*) FROM events").fetchone()[0]),
        }


def _several(ids: Sequence[str], what: str) -> str:
    """``2 documents: a, b`` or ``6 or more events: a, b, c, d, e, ...`` (lookups fetch at most 6)."""
    n = f"{len(ids)} or more" if len(ids) >= 6 else str(len(ids))
    return f"{n} {what}: " + ", ".join(ids[:5]) + (", ..." if len(ids) > 5 else "")


_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
_COUNTRY = re.compile(r"[A-Za-z]{3}")


def date_bound(value: str, end: bool, option: str = "date") -> str:
    """``YYYY-MM-DD`` from a day, month or year: its first day, or with ``end`` its last.

    ``date_bound("2023-06", end=True)`` is ``2023-06-30``. Raises ValueError for anything else.
    """
    m = _DATE.fullmatch(value.strip())
    if not m:
        raise ValueError(f"{option} takes a date YYYY-MM-DD (or a month YYYY-MM, a year YYYY), not {value!r}")
    year, month, day = int(m[1]), int(m[2] or (12 if end else 1)), m[3]
    try:
        last = calendar.monthrange(year, month)[1]
        d = dt.date(year, month, int(day) if day else (last if end else 1))
    except (ValueError, calendar.IllegalMonthError) as e:
        raise ValueError(f"{option}: {value!r} is not a real date ({e})") from e
    return d.isoformat()


def check_type(value: str) -> str:
    """An event type as stored (lower case); ValueError naming the valid ones otherwise."""
    t = " ".join(value.lower().replace("_", " ").replace("-", " ").split())
    if t not in (*EVENT_TYPES, "news"):
        raise ValueError(f"unknown event type {value!r}; expected one of: {', '.join(EVENT_TYPES)}, news")
    return t


def check_country(value: str) -> str:
    """An ISO 3166 alpha-3 code in upper case; ValueError otherwise."""
    c = value.strip()
    if not _COUNTRY.fullmatch(c):
        raise ValueError(f"{value!r} is not an ISO 3166 alpha-3 country code (like CHN, BLR, USA)")
    return c.upper()
