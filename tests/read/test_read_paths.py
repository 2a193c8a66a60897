"""read_paths / read_file: directories, stdin, formats, and every way a file can be unreadable."""

from __future__ import annotations

import io
import os
import random
import sys

import pytest
from readhelp import DATA, docs_of, one, read_all, skips_of

from communique.read import FORMATS, Document, Skip, read_file, read_paths, read_text

ARTICLE = "The ministers of Estoria and Valdoria met on Monday and agreed on a ferry timetable.\n"


def skip_reason(path, **kw) -> str:
    items = read_all(path, **kw)
    assert len(items) == 1 and isinstance(items[0], Skip), items
    assert items[0].path == str(path)
    return items[0].reason


def test_formats_constant():
    assert FORMATS == ("txt", "md", "html", "csv", "jsonl")


def test_binary(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(b"GIF89a\x00\x01\x02" + bytes(range(256)) * 4)
    assert skip_reason(p) == "binary"


def test_unknown_extension_that_is_binary_says_binary(tmp_path):
    p = tmp_path / "a.bin"
    p.write_bytes(bytes(range(256)) * 8)
    assert skip_reason(p) == "binary"
    q = tmp_path / "notes.xyz"
    q.write_text("some text")
    assert skip_reason(q) == "unsupported extension .xyz"


def test_mostly_control_bytes_is_binary(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(bytes([1, 2, 3, 4, 5, 6, 14, 15, 16, 17, 18, 19]) * 40)
    assert skip_reason(p) == "binary"


@pytest.mark.parametrize("content", [b"", b"   \n\t\n  ", "\ufeff\n".encode(), "  \n".encode("utf-16")])
def test_empty(tmp_path, content):
    p = tmp_path / "e.md"
    p.write_bytes(content)
    assert skip_reason(p) == "empty"


def test_too_large(tmp_path):
    p = tmp_path / "big.txt"
    p.write_text(ARTICLE * 300, encoding="utf-8")
    assert p.stat().st_size == 25_500
    assert skip_reason(p, max_bytes=10_000) == "too large (25.5 KB > 10 KB)"
    assert skip_reason(p, max_bytes=999) == "too large (25.5 KB > 999 B)"
    big = tmp_path / "big2.txt"
    with open(big, "wb") as f:
        f.truncate(12_300_000)
    assert skip_reason(big) == "too large (12.3 MB > 10 MB)"


def test_undecodable(tmp_path):
    p = tmp_path / "u.txt"
    rng = random.Random(1)
    p.write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(300)))  # no encoding makes sense of it
    assert skip_reason(p) == "not UTF-8 and undecodable"


def test_missing_file():
    assert skip_reason(DATA / "does-not-exist.txt") == "unreadable: No such file or directory"


def test_broken_symlink(tmp_path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    assert skip_reason(link) == "broken symbolic link"
    # inside a directory walk, too
    items = read_all(tmp_path)
    assert items == [Skip(str(link), "broken symbolic link")]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read any file")
def test_permission_denied(tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    p.chmod(0)
    try:
        assert skip_reason(p) == "unreadable: Permission denied"
    finally:
        p.chmod(0o644)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can list any directory")
def test_unlistable_directory(tmp_path):
    d = tmp_path / "closed"
    d.mkdir()
    (d / "a.txt").write_text(ARTICLE)
    d.chmod(0)
    try:
        assert read_all(tmp_path) == [Skip(str(d), "unreadable: Permission denied")]
    finally:
        d.chmod(0o755)


def test_encodings_give_the_same_text(tmp_path):
    text = "Le ministre a rencontré son homologue à l'Élysée « lundi » pour parler du port.\n"
    (tmp_path / "a.txt").write_bytes(text.encode("utf-8"))
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "c.txt").write_bytes(text.encode("utf-16"))
    (tmp_path / "d.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "e.txt").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    docs = docs_of(read_all(tmp_path))
    assert len(docs) == 5
    assert {d.text for d in docs} == {text}
    assert len({d.id for d in docs}) == 1
    assert docs[0].language == "fr"


def test_same_file_via_two_paths_same_id(tmp_path):
    p = tmp_path / "x" / "a.txt"
    p.parent.mkdir()
    p.write_text(ARTICLE, encoding="utf-8")
    other = tmp_path / "x" / ".." / "x" / "a.txt"
    d1, d2 = docs_of(read_all(p, other))
    assert d1.id == d2.id
    assert d1.paths == (str(p),) and d2.paths == (str(other),)


def test_directory_walk_sorted_recursive_hidden_and_unknown(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(ARTICLE)
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x01")
    (tmp_path / "b" / "2.txt").write_text("Second. " + ARTICLE)
    (tmp_path / "a.txt").write_text("First. " + ARTICLE)
    (tmp_path / "c.md").write_text("Third. " + ARTICLE)
    (tmp_path / "b" / "notes.xyz").write_text("whatever")
    (tmp_path / "NOTES").write_text("no extension")
    items = read_all(tmp_path)
    got = [(type(i).__name__, i.paths[0] if isinstance(i, Document) else i.path) for i in items]
    assert got == [
        ("Skip", str(tmp_path / "NOTES")),
        ("Document", str(tmp_path / "a.txt")),
        ("Document", str(tmp_path / "b" / "2.txt")),
        ("Skip", str(tmp_path / "b" / "notes.xyz")),
        ("Document", str(tmp_path / "c.md")),
    ]
    reasons = [i.reason for i in skips_of(items)]
    assert reasons == ["unsupported extension (none)", "unsupported extension .xyz"]
    assert read_all(tmp_path) == items  # deterministic


def test_uppercase_extension(tmp_path):
    p = tmp_path / "A.TXT"
    p.write_text(ARTICLE)
    assert one(read_all(p)).format == "txt"


def test_fmt_forces_the_format(tmp_path):
    p = tmp_path / "feed.data"
    p.write_text('{"text": "A record body."}\n')
    assert skip_reason(p) == "unsupported extension .data"
    doc = one(read_all(p, fmt="jsonl"))
    assert doc.format == "jsonl" and doc.paths == (f"{p}#1",)


def test_unknown_format_is_a_programmer_error():
    with pytest.raises(ValueError):
        read_paths(["x"], fmt="docx")
    with pytest.raises(ValueError):
        read_file("x.txt", fmt="pdf")
    with pytest.raises(ValueError):
        read_text("x", "x", fmt="rtf")


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((" date 2024-01-05 " + ARTICLE).encode())))
    doc = one(list(read_paths(["-"])))
    assert doc.paths == ("-",) and doc.format == "txt" and doc.published == "2024-01-05"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'{"text": "From a pipe."}\n')))
    doc = one(list(read_paths(["-"], fmt="jsonl")))
    assert doc.paths == ("-#1",) and doc.clean == "From a pipe."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert list(read_paths(["-"])) == [Skip("-", "empty")]


def test_read_text_checks():
    assert list(read_text("  \n ", "x.txt")) == [Skip("x.txt", "empty")]
    (skip,) = list(read_text("word " * 100, "x.txt", max_bytes=100))
    assert isinstance(skip, Skip) and skip.reason.startswith("too large")


def test_directory_given_as_file_path(tmp_path):
    d = tmp_path / "folder.txt"
    d.mkdir()
    (d / "inner.txt").write_text(ARTICLE)
    assert len(docs_of(read_all(d))) == 1  # read_paths walks it
    assert list(read_file(str(d))) == [Skip(str(d), "unreadable: Is a directory")]


def test_generators_are_lazy(tmp_path):
    # read_paths must not read everything up front: the first document comes before later files are opened
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(f"Number {i}. " + ARTICLE)
    it = read_paths([str(tmp_path)])
    first = next(it)
    (tmp_path / "2.txt").unlink()
    rest = list(it)
    assert isinstance(first, Document)
    assert isinstance(rest[-1], Skip) and rest[-1].reason.startswith("unreadable")


def test_permission_errors_simulated(tmp_path, monkeypatch):
    """The same checks as above, independent of the user running the tests (root reads everything)."""
    import builtins

    import communique.read as read_mod

    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE)
    (tmp_path / "c.csv").write_text("text\nA body.\n")
    real_open, real_scandir = builtins.open, os.scandir

    def fake_open(path, *a, **kw):
        if str(path).endswith(("b.txt", "c.csv")):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *a, **kw)

    def fake_scandir(path):
        if str(path).endswith("sub"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(read_mod, "open", fake_open, raising=False)
    monkeypatch.setattr(read_mod.os, "scandir", fake_scandir)
    assert read_all(tmp_path) == [
        Skip(str(tmp_path / "b.txt"), "unreadable: Permission denied"),
        Skip(str(tmp_path / "c.csv"), "unreadable: Permission denied"),
        Skip(str(tmp_path / "sub"), "unreadable: Permission denied"),
    ]
