"""The command line, run as a user would, in a subprocess."""

from __future__ import annotations

import subprocess
import sys


def run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "akhbar", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
    )


def test_demo_prints_what_it_found() -> None:
    r = run("demo")
    assert r.returncode == 0, r.stderr
    assert "افتتاح أكبر محطة لتحلية المياه" in r.stdout
    assert "250,000" in r.stdout  # normalized digits and separators
    assert "و | قال | ال | مدير" in r.stdout
    assert "'مليار' -> original" in r.stdout
    # The pipeline's findings on the sample, checked by reading the article.
    assert "  dateline: الدمام\n" in r.stdout
    assert "    source: أخبار الساحل\n" in r.stdout
    assert "PERS  سامي العتيبي" in r.stdout
    assert "DATE  اليوم الثلاثاء -> 2024-03-12" in r.stdout
    assert "MONEY    ١٫٢ مليار ريال -> 1,200,000,000 (ريال)" in r.stdout
    assert "PERCENT  85% -> 85 (%)" in r.stdout


def test_normalize_reads_stdin() -> None:
    r = run("normalize", stdin="أَعْلَنَتْ الوزارةُ\n")
    assert (r.returncode, r.stdout) == (0, "اعلنت الوزاره\n")
    r = run("normalize", "--preset", "light", "--on", "diacritics", stdin="أَعْلَنَتْ")
    assert r.stdout == "أعلنت\n"


def test_tokenize_writes_tsv() -> None:
    r = run("tokenize", "--clitics", stdin="وقال الوزير")
    assert r.returncode == 0
    assert r.stdout.splitlines() == [
        "0\t1\tword\tproclitic\tو",
        "1\t4\tword\t\tقال",
        "5\t7\tword\tproclitic\tال",
        "7\t11\tword\t\tوزير",
    ]


def test_errors_and_usage_exit_codes() -> None:
    r = run("normalize", "/no/such/file.txt")
    assert r.returncode == 1 and "akhbar: error" in r.stderr
    r = run("normalize", "--on", "shout", stdin="x")
    assert r.returncode == 1 and "shout" in r.stderr
    assert run("frobnicate").returncode == 2
