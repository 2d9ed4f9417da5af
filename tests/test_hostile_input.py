"""Hostile article inputs get a one-line skip or error, in bounded time, never a traceback.

Each case is a small generated file; the time bound is the harness's (pytest-timeout), never a
threshold on kg's own clock. The cases are listed in the README ('What bad input gets').
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.ingest import read_documents

REPO = Path(__file__).resolve().parent.parent
ARTICLE = "Vladimir Putin met Kim Jong Un in Vladivostok on Wednesday.\n"


def _run_kg(*args: str, cwd: Path, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", *args],
                          cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=timeout, check=False)


def _one_line(stderr: str) -> str:
    lines = [ln for ln in stderr.splitlines() if ln.strip()]
    assert "Traceback" not in stderr, stderr
    assert len(lines) == 1, stderr
    return lines[0]


# --- what is read ---------------------------------------------------------------------------


def test_a_symlink_out_of_the_folder_is_not_read_unless_asked(tmp_path):
    secret = tmp_path / "outside" / "secret.txt"
    secret.parent.mkdir()
    secret.write_text("Kim Jong Un met Xi Jinping in Beijing on a secret Tuesday.\n")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE)
    (corpus / "leak.txt").symlink_to(secret)
    (corpus / "dir").symlink_to(secret.parent, target_is_directory=True)
    (corpus / "inside.txt").symlink_to(corpus / "a.txt")

    report = read_documents([corpus])

    assert [d.source for d in report.documents] == ["a.txt"]
    assert all("secret" not in d.text for d in report.documents)
    assert any(i.startswith("leak.txt (symbolic link out of the folder") for i in report.ignored)
    assert any(i.startswith("dir (symbolic link out of the folder") for i in report.ignored)

    followed = read_documents([corpus], follow_links=True)
    assert any("secret" in d.text for d in followed.documents)


@pytest.mark.timeout(60)
def test_a_symlink_loop_ends_when_links_are_followed(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE)
    (corpus / "loop").symlink_to(corpus, target_is_directory=True)

    report = read_documents([corpus], follow_links=True)

    assert [d.text for d in report.documents] == [ARTICLE]


@pytest.mark.timeout(30)
@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_fifo_or_device_named_as_input_is_one_line(tmp_path, kind):
    if kind == "fifo":
        path = tmp_path / "feed.txt"
        os.mkfifo(path)
    else:
        path = Path("/dev/zero")

    with pytest.raises(InputError, match="not a regular file"):
        read_documents([path])


@pytest.mark.timeout(30)
def test_a_fifo_in_a_folder_is_ignored_not_opened(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    os.mkfifo(tmp_path / "pipe.txt")

    report = read_documents([tmp_path])

    assert [d.source for d in report.documents] == ["a.txt"]
    assert "pipe.txt (not a regular file)" in report.ignored


def test_a_file_over_the_cap_is_refused_after_reading_only_the_cap(tmp_path, monkeypatch):
    from kg import ingest

    monkeypatch.setattr(ingest, "MAX_TEXT_FILE_BYTES", 1000)
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE * 100)
    reads: list[int] = []
    real_read = ingest.os.fdopen

    def counting_fdopen(*args, **kwargs):
        stream = real_read(*args, **kwargs)
        original = stream.read

        def read(size=-1):
            reads.append(size)
            return original(size)

        stream.read = read
        return stream

    monkeypatch.setattr(ingest.os, "fdopen", counting_fdopen)

    with pytest.raises(InputError, match=r"big\.txt: more than 1,000 bytes"):
        read_documents([big])
    assert reads == [1001]


def test_a_document_over_the_character_cap_in_a_folder_is_skipped(tmp_path, monkeypatch):
    from kg import ingest

    monkeypatch.setattr(ingest, "MAX_DOCUMENT_CHARS", 200)
    (tmp_path / "short.txt").write_text(ARTICLE)
    (tmp_path / "long.txt").write_text(ARTICLE * 10)

    report = read_documents([tmp_path])

    assert [d.source for d in report.documents] == ["short.txt"]
    assert any(s.startswith("long.txt:") and "split the file" in s for s in report.skipped)


# --- JSON Lines records -------------------------------------------------------------------


BAD_RECORDS = {
    "nested 3,000 deep": '{"text": ' + "[" * 3000 + "]" * 3000 + "}",
    "a 5,000-digit integer": '{"text": "Putin met Kim.", "id": ' + "9" * 5000 + "}",
    "a lone surrogate in the text": '{"text": "Putin met Kim \\ud800 in Moscow."}',
    "a lone surrogate in the title": '{"text": "Putin met Kim.", "title": "A \\udc00 b"}',
}


@pytest.mark.timeout(30)
@pytest.mark.parametrize("case", sorted(BAD_RECORDS))
def test_a_hostile_json_lines_record_is_skipped_alone_in_one_line(tmp_path, case):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(BAD_RECORDS[case] + "\n" + json.dumps({"text": ARTICLE}) + "\n")

    report = read_documents([feed])

    assert [d.text for d in report.documents] == [ARTICLE]
    (skip,) = report.skipped
    assert skip.startswith("feed.jsonl:1: ") and skip.endswith("line skipped")
    assert "\n" not in skip


@pytest.mark.timeout(240)
def test_a_lone_surrogate_never_reaches_turtle_as_a_question_mark(tmp_path):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(BAD_RECORDS["a lone surrogate in the text"] + "\n"
                    + json.dumps({"text": ARTICLE, "title": "Talks"}) + "\n")

    result = _run_kg("build", str(feed), "-o", "g.ttl", "--no-validate", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert "surrogate" in _one_line(result.stderr)
    graph = (tmp_path / "g.ttl").read_text("utf-8")
    assert "Kim ? in" not in graph and "in Moscow" not in graph and "Vladivostok" in graph


@pytest.mark.timeout(240)
def test_a_file_name_that_is_not_utf8_builds(tmp_path):
    folder = os.fsencode(tmp_path / "corpus")
    os.mkdir(folder)
    with open(os.path.join(folder, b"caf\xe9.txt"), "wb") as stream:
        stream.write(ARTICLE.encode())

    result = _run_kg("build", os.fsdecode(folder), "-o", "x.nt", "--no-validate", cwd=tmp_path)

    assert result.returncode == 0, result.stderr
    assert "caf\ufffd.txt" in (tmp_path / "x.nt").read_text("utf-8")
