"""The CSV and JSONL readers: one document per record, column mapping, record addresses."""

from __future__ import annotations

import pytest
from readhelp import DATA, check_offsets, docs_of, read_all, skips_of

from communique.read import Document, Skip, read_file, read_text


def csv_text(text: str, **kw) -> list[Document | Skip]:
    return list(read_text(text, "r.csv", fmt="csv", **kw))


def test_csv_records_multiline_fields_and_paths():
    items = read_all(DATA / "articles.csv")
    docs, skips = docs_of(items), skips_of(items)
    assert [d.paths for d in docs] == [(f"{DATA / 'articles.csv'}#1",), (f"{DATA / 'articles.csv'}#2",)]
    first = docs[0]
    check_offsets(first)
    assert first.format == "csv"
    assert first.title == "Talks with the President of Estoria"
    assert first.text == (
        "Talks with the President of Estoria\n\n"
        "The two presidents held talks on trade.\n\n"
        'The talks covered the ferry line.\n\nThey also discussed, "in detail", the rail corridor.'
    )
    assert first.clean == first.text[len(first.title) + 2 :]  # summary + body, title kept out
    assert first.url == "https://en.kremlin.ru/events/president/news/1"
    assert first.published == "2024-02-01T14:30:00"  # trailing Z dropped, the value otherwise as given
    assert first.dateline == "Castle Hall, Old Town"
    assert (first.outlet, first.outlet_source) == ("Kremlin", "url")
    second = docs[1]
    assert second.dateline is None  # "NA"
    assert second.outlet == "Office of the President of Ukraine"
    assert second.text.startswith(
        "Telephone conversation with the Prime Minister of Valdoria\n\nThe President"
    )
    # the record without text is skipped and addressed by its line
    assert skips == [Skip(f"{DATA / 'articles.csv'}:6", "no text")]


def test_csv_column_names_are_case_insensitive_and_synonyms_work():
    out = csv_text(
        "Headline,Published_At,Content,Publisher\nA title,2024-01-02,Some body text.,Estoria Daily\n"
    )
    (doc,) = out
    assert isinstance(doc, Document)
    assert (doc.title, doc.published, doc.clean, doc.outlet) == (
        "A title",
        "2024-01-02",
        "Some body text.",
        "Estoria Daily",
    )
    assert doc.outlet_source == "metadata"


def test_csv_column_override():
    text = "headline,story,when\nT,The story text.,2024-02-02\n"
    (skip,) = csv_text(text)
    assert isinstance(skip, Skip)
    assert skip.reason == "no text column (columns: headline, story, when); use --column body=NAME"
    (doc,) = csv_text(text, columns={"body": "story", "published": "When"})
    assert isinstance(doc, Document)
    assert doc.clean == "The story text." and doc.published == "2024-02-02"
    (skip,) = csv_text(text, columns={"body": "missing"})
    assert isinstance(skip, Skip) and skip.reason.startswith("no column 'missing'")


def test_unknown_field_in_columns_is_a_programmer_error():
    with pytest.raises(ValueError):
        list(read_text("a\nb\n", "r.csv", fmt="csv", columns={"bodyy": "a"}))
    with pytest.raises(ValueError):
        read_file("x.csv", columns={"nope": "a"})


def test_summary_and_body_joined():
    (doc,) = csv_text("title,lead,text\nT,The lead.,The body.\n")
    assert isinstance(doc, Document)
    assert doc.text == "T\n\nThe lead.\n\nThe body."
    assert doc.clean == "The lead.\n\nThe body."
    (doc,) = csv_text("lead\nOnly a lead.\n")
    assert isinstance(doc, Document) and doc.clean == "Only a lead." and doc.title is None


def test_csv_unbalanced_quote_is_skipped_with_its_line():
    text = 'title,text\nA,"Fine body."\nB,"Never closed\nC,more\n'
    items = csv_text(text)
    assert isinstance(items[0], Document) and items[0].paths == ("r.csv#1",)
    assert isinstance(items[-1], Skip) and items[-1].path == "r.csv:3"
    assert "malformed CSV record" in items[-1].reason


def test_csv_bad_quote_inside_field():
    items = csv_text('title,text\nA,"x"y\nB,good text\n')
    assert isinstance(items[0], Skip) and items[0].path == "r.csv:2"
    assert isinstance(items[1], Document) and items[1].paths == ("r.csv#2",)


def test_csv_huge_field():
    body = "word " * 60_000
    (doc,) = csv_text(f'title,text\nT,"{body}"\n')
    assert isinstance(doc, Document) and len(doc.clean) == len(body.strip())


def test_csv_header_only():
    assert csv_text("title,text\n") == [Skip("r.csv", "no records (header only)")]


def test_jsonl_records_and_skips():
    items = read_all(DATA / "articles.jsonl")
    path = str(DATA / "articles.jsonl")
    docs, skips = docs_of(items), skips_of(items)
    assert [d.paths for d in docs] == [(f"{path}#1",), (f"{path}#3",)]
    first = docs[0]
    check_offsets(first)
    assert first.format == "jsonl"
    assert first.title == "Ministers meet in Porthaven"
    assert first.published == "2024-05-03"
    assert first.url == "https://www.xinhuanet.com/english/example.htm"
    assert (first.dateline, first.dateline_date) == ("Porthaven", "2024-05-02")
    assert (first.outlet, first.outlet_source) == ("Meridian News", "dateline")  # dateline beats URL
    assert docs[1].clean == "The second record has its text in a content field."
    assert [s.path for s in skips] == [f"{path}:2", f"{path}:5", f"{path}:6"]
    assert skips[0].reason == "invalid JSON"
    assert skips[1].reason.startswith("no text")
    assert skips[2].reason.startswith("not a JSON object")


def test_jsonl_values_of_other_types():
    text = '{"title": 5, "text": ["Para one.", "Para two."], "url": null, "date": true}\n'
    (doc,) = list(read_text(text, "r.jsonl", fmt="jsonl"))
    assert isinstance(doc, Document)
    assert (
        doc.title == "5"
        and doc.clean == "Para one.\n\nPara two."
        and doc.url is None
        and doc.published is None
    )


def test_jsonl_column_override():
    text = '{"story": "A story.", "headline": "H"}\n'
    (skip,) = list(read_text(text, "r.jsonl", fmt="jsonl"))
    assert isinstance(skip, Skip) and skip.reason == "no text (keys: story, headline)"
    (doc,) = list(read_text(text, "r.jsonl", fmt="jsonl", columns={"body": "story"}))
    assert isinstance(doc, Document) and doc.clean == "A story."


def test_url_host_fallback_outlet_table():
    text = (
        "url,text\nhttps://www.globaltimes.cn/page/1.shtml,Body one.\nhttps://english.news.cn/x,Body two.\n"
    )
    text += "https://example.org/x,Body three.\n"
    docs = csv_text(text)
    assert [(d.outlet, d.outlet_source) for d in docs if isinstance(d, Document)] == [
        ("Global Times", "url"),
        ("Xinhua", "url"),
        (None, None),
    ]


# --------------------------------------------------------------------------- streamed files


def write_csv(path, n: int, body: str = "Body of record number {i}, long enough to read.") -> None:
    lines = ["title,text"] + [f'T{i},"{body.format(i=i)}"' for i in range(1, n + 1)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_large_csv_is_streamed_and_max_bytes_is_per_record(tmp_path):
    p = tmp_path / "big.csv"
    write_csv(p, 500)
    assert p.stat().st_size > 20_000
    docs = read_all(p, max_bytes=10_000)
    assert len(docs) == 500 and all(isinstance(d, Document) for d in docs)
    assert docs[-1].paths == (f"{p}#500",)
    items = read_all(p, max_bytes=20)
    assert all(isinstance(s, Skip) and s.reason.startswith("too large (") for s in items)
    assert items[0].path == f"{p}:2"


def test_large_jsonl_is_streamed(tmp_path):
    p = tmp_path / "big.jsonl"
    p.write_text("".join(f'{{"text": "Record {i} has a body."}}\n' for i in range(1, 401)), encoding="utf-8")
    items = read_all(p, max_bytes=1_000)
    assert len(docs_of(items)) == 400
    (skip, *_rest) = read_all(p, max_bytes=10)
    assert skip == Skip(f"{p}:1", "too large (32 B > 10 B)")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig", "cp1252"])
def test_csv_encodings(tmp_path, encoding):
    p = tmp_path / "enc.csv"
    text = 'title,text\r\nÉlysée,"Le président a reçu son homologue « lundi ».\r\nDeuxième ligne."\r\n'
    p.write_bytes(text.encode(encoding))
    (doc,) = read_all(p)
    assert isinstance(doc, Document)
    assert doc.title == "Élysée"
    assert doc.clean == "Le président a reçu son homologue « lundi ».\nDeuxième ligne."


def test_stray_bad_byte_late_in_a_stream_is_replaced(tmp_path):
    p = tmp_path / "late.jsonl"
    good = "".join(f'{{"text": "Record {i} is fine."}}\n' for i in range(1, 5000))
    p.write_bytes(good.encode() + b'{"text": "A caf\xe9 record."}\n')
    items = read_all(p)
    assert len(items) == 5000 and all(isinstance(d, Document) for d in items)
    assert items[-1].clean == "A caf\ufffd record."


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("e.csv", b"", "empty"),
        ("e.jsonl", b"\n  \n", "empty"),
        ("b.csv", b"title,text\n\x00\x01\x02", "binary"),
    ],
)
def test_stream_bad_inputs(tmp_path, name, content, reason):
    p = tmp_path / name
    p.write_bytes(content)
    assert read_all(p) == [Skip(str(p), reason)]


def test_stdin_csv_is_streamed(monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"text\nFrom a pipe.\nAnd another.\n")))
    items = read_all("-", fmt="csv")
    assert [d.paths for d in docs_of(items)] == [("-#1",), ("-#2",)]


@pytest.mark.parametrize("sep", [";", "\t", "|"])
def test_csv_other_delimiters(sep):
    (doc,) = csv_text(f"title{sep}text\nT{sep}A body, with a comma.\n")
    assert isinstance(doc, Document) and doc.title == "T" and doc.clean == "A body, with a comma."
