"""Bad input found by attacking the CLI: each gives a clean Skip with a reason, never a hang or a crash."""

from __future__ import annotations

import json
import os
import threading

import pytest

from communique.read import Document, Skip, read_file, read_paths

ARTICLE = (
    "MOSCOW, March 3 (Wire) -- Russian President Vladimir Putin held talks with Belarusian "
    "President Alexander Lukashenko in Moscow on Friday, the Kremlin said."
)


def _items(paths, **kw):
    return list(read_paths([str(p) for p in paths], **kw))


def _with_timeout(fn, seconds=5.0):
    """Run ``fn`` in a thread; fail (instead of hanging the suite) when it does not return in time."""
    box: list = []
    t = threading.Thread(target=lambda: box.append(fn()), daemon=True)
    t.start()
    t.join(seconds)
    assert box, f"did not return within {seconds} s (hangs)"
    return box[0]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
@pytest.mark.parametrize("name", ["pipe.txt", "pipe.csv", "pipe.xyz"])
def test_a_fifo_is_skipped_not_opened(tmp_path, name):
    fifo = tmp_path / name
    os.mkfifo(fifo)
    (item,) = _with_timeout(lambda: _items([fifo]))
    assert isinstance(item, Skip) and "not a regular file" in item.reason and "FIFO" in item.reason


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_inside_a_folder_is_skipped(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "a.txt").write_text(ARTICLE)
    items = _with_timeout(lambda: _items([tmp_path]))
    assert sum(isinstance(x, Document) for x in items) == 1
    assert [x.reason for x in items if isinstance(x, Skip)][0].startswith("not a regular file")


def test_a_broken_symlink_says_so(tmp_path):
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "nowhere.txt")
    (item,) = _items([link])
    assert isinstance(item, Skip) and item.reason == "broken symbolic link"


def test_a_tsv_file_is_read_as_tab_separated(tmp_path):
    f = tmp_path / "news.tsv"
    f.write_text(f"title\tbody\nTalks, in Moscow\t{ARTICLE}\n", encoding="utf-8")
    (doc,) = _items([f])
    assert isinstance(doc, Document)
    assert doc.title == "Talks, in Moscow" and doc.clean == ARTICLE


def test_a_csv_with_only_a_header_says_so(tmp_path):
    f = tmp_path / "h.csv"
    f.write_text("title,body\n")
    (item,) = _items([f])
    assert isinstance(item, Skip) and item.reason == "no records (header only)"


def test_a_csv_with_a_bom_in_the_header_maps_its_first_column(tmp_path):
    f = tmp_path / "b.csv"
    f.write_bytes(b"\xef\xbb\xbfbody,title\n" + f'"{ARTICLE}",T\n'.encode())
    (doc,) = _items([f])
    assert isinstance(doc, Document) and doc.clean == ARTICLE and doc.title == "T"


def test_a_json_array_on_one_line_of_a_jsonl_file_gives_its_objects(tmp_path):
    f = tmp_path / "a.jsonl"
    recs = [{"title": "a", "body": ARTICLE + " One."}, {"title": "b", "body": ARTICLE + " Two."}, 3]
    f.write_text("\n" + json.dumps(recs) + "\n\n", encoding="utf-8")
    items = _items([f])
    docs = [x for x in items if isinstance(x, Document)]
    assert [d.title for d in docs] == ["a", "b"]
    assert [d.paths[0] for d in docs] == [f"{f}#2.1", f"{f}#2.2"]
    assert [(x.path, x.reason) for x in items if isinstance(x, Skip)] == [
        (f"{f}:2", "item 3 of the JSON array is not a JSON object (a int)")
    ]


def test_a_pretty_printed_json_file_named_jsonl_is_one_skip_not_one_per_line(tmp_path):
    f = tmp_path / "p.jsonl"
    f.write_text(json.dumps([{"body": ARTICLE}], indent=2), encoding="utf-8")
    (item,) = _items([f])
    assert isinstance(item, Skip) and item.path == str(f)
    assert "not JSON Lines" in item.reason


def test_the_same_path_given_twice_is_read_once(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE)
    items = _items([f, f, tmp_path, tmp_path])
    docs = [x for x in items if isinstance(x, Document)]
    assert len(docs) == 1
    skips = [(x.path, x.reason) for x in items if isinstance(x, Skip)]
    assert skips == [(str(f), "given twice"), (str(f), "given twice"), (str(tmp_path), "given twice")]


def test_a_json_line_of_a_list_without_objects_is_one_skip(tmp_path):
    f = tmp_path / "l.jsonl"
    f.write_text("[1, 2, 3]\n")
    (item,) = _items([f])
    assert (item.path, item.reason) == (f"{f}:1", "not a JSON object (a list)")


def test_an_empty_folder_says_it_has_no_files(tmp_path):
    (tmp_path / "sub").mkdir()
    (item,) = _items([tmp_path])
    assert isinstance(item, Skip) and item.path == str(tmp_path) and item.reason == "no files"


def test_a_file_over_the_limit_is_skipped_without_being_read(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text(ARTICLE * 40)
    (item,) = _items([f], max_bytes=1000)
    assert isinstance(item, Skip) and item.reason.startswith("too large")


def test_read_file_of_a_fifo_does_not_hang(tmp_path):
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this platform")
    fifo = tmp_path / "p.txt"
    os.mkfifo(fifo)
    (item,) = _with_timeout(lambda: list(read_file(str(fifo))))
    assert isinstance(item, Skip)
