"""Folder walks leave out a folder's own notes files."""

from communique.read import Document, Skip, read_paths


def test_readme_in_a_folder_is_skipped_but_read_when_named(tmp_path):
    (tmp_path / "README.md").write_text("# Notes\n\nThese files were collected for a study.\n")
    (tmp_path / "a.txt").write_text(" date 2024-01-02 The two ministers met in Oslo on Tuesday to discuss fisheries.\n")
    items = list(read_paths([str(tmp_path)]))
    docs = [x for x in items if isinstance(x, Document)]
    skips = [x for x in items if isinstance(x, Skip)]
    assert [d.paths[0].endswith("a.txt") for d in docs] == [True]
    assert len(skips) == 1 and skips[0].path.endswith("README.md") and "notes file" in skips[0].reason
    named = list(read_paths([str(tmp_path / "README.md")]))
    assert isinstance(named[0], Document)


def test_language_fast_path_does_not_call_french_or_german_english():
    from communique.read.clean import detect_language

    en = "The two ministers met in the capital on Monday and said that they would work together on trade. " * 3
    fr = "Le président de la République a reçu le chancelier allemand pour un entretien sur la situation en Europe. " * 3
    de = "Der Bundeskanzler hat am Montag mit dem französischen Präsidenten über die Lage in Europa gesprochen. " * 3
    assert detect_language(en) == "en"
    assert detect_language(fr) == "fr"
    assert detect_language(de) == "de"


def test_parallel_reading_gives_the_same_items_in_the_same_order(tmp_path):
    for i in range(300):
        sub = tmp_path / f"d{i % 3}"
        sub.mkdir(exist_ok=True)
        (sub / f"{i:04d}.txt").write_text(f" date 2024-01-02 The ministers met for round {i} of their talks in Oslo.\n")
    (tmp_path / "d1" / "r.jsonl").write_text('{"text": "Envoys met in Rome on Friday.", "url": "https://x.example/r"}\n{bad\n')
    (tmp_path / "d2" / "x.bin").write_bytes(b"\x00\x01\x02" * 40)
    serial = list(read_paths([str(tmp_path)]))
    parallel = list(read_paths([str(tmp_path)], workers=2))
    assert parallel == serial
    assert sum(isinstance(x, Skip) for x in serial) == 2
