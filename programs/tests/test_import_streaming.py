"""The import reads files row by row: large files, files read in many small chunks, late errors, bounded memory."""

import gc
import io
import json
import re
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from django.core.management import CommandError, call_command

from programs import importer
from programs.importer import import_programmes
from programs.models import OrganisationPage, ProgramPage
from programs.tests.import_files import programme_row, write_programmes_csv
from programs.tests.support import make_index


@pytest.fixture
def site(home_page):
    return make_index(home_page)


@pytest.fixture
def tiny_chunks(monkeypatch):
    """Read files 100 bytes at a time: rows, multi-byte characters and CRLFs are all split between reads."""
    monkeypatch.setattr(importer, "CHUNK_SIZE", 100)


def line_of(path, text):
    """The line on which `text` first appears in the file (lines counted at LF)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if text in line:
            return number
    raise AssertionError(text)


def rows_as_dicts(count):
    import random

    rng = random.Random(2026)
    return [programme_row(n, rng) for n in range(count)]


@pytest.mark.django_db
def test_a_file_of_many_chunks_is_imported_as_the_same_rows_given_in_memory(tmp_path, site, tiny_chunks):
    path = write_programmes_csv(tmp_path / "p.csv", 60)
    assert path.stat().st_size > 400 * importer.CHUNK_SIZE
    expected = import_programmes(rows_as_dicts(60), dry_run=True)
    assert expected.ok, expected.errors[:3]
    streamed = import_programmes(path, dry_run=True)
    assert streamed.ok, streamed.errors[:3]
    assert streamed.created == expected.created == [f"gen-{n:06d}" for n in range(60)]
    organisations = ["Buddywerk 00000", "Buddywerk 00001", "Buddywerk 00002"]
    assert streamed.organisations_created == expected.organisations_created == organisations

    crlf = tmp_path / "crlf.csv"
    crlf.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert import_programmes(crlf, dry_run=True).created == expected.created

    as_json = tmp_path / "p.json"
    rows = rows_as_dicts(60)
    for row in rows:
        row["min_volunteer_age"] = int(row["min_volunteer_age"])  # numbers, too, split between reads
        row["themes"] = row["themes"].split(";")
    as_json.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
    assert import_programmes(as_json, dry_run=True).created == expected.created


@pytest.mark.django_db
def test_a_streamed_file_imports_every_row_with_its_values_and_translations(tmp_path, site, tiny_chunks):
    path = write_programmes_csv(tmp_path / "p.csv", 8)
    result = import_programmes(path)
    assert result.ok, result.errors
    assert len(result.created) == 8 and result.organisations_created == ["Buddywerk 00000"]
    last = ProgramPage.objects.get(external_id="gen-000007", locale__language_code="nl")
    expected = rows_as_dicts(8)[7]
    assert (last.title, last.summary, last.live) == (expected["name"], expected["summary"], True)
    assert (
        last.description
        == "<p>Een vrijwilliger en een nieuwkomer spreken af (7).</p><p>Ze oefenen Nederlands &amp; leren.</p>"
    )
    french = ProgramPage.objects.get(external_id="gen-000007", locale__language_code="fr")
    assert french.title == "Binôme linguistique 7" and french.alias_of_id is None
    assert OrganisationPage.objects.filter(title="Buddywerk 00000", alias_of__isnull=True).count() == 1

    again = import_programmes(path)
    assert again.ok and len(again.unchanged) == 8 and not again.created and not again.updated


@pytest.mark.django_db
def test_errors_on_late_lines_of_a_large_file_name_their_line(tmp_path, site, tiny_chunks):
    def plant(n, row):
        if n == 1990:
            row["status"] = "sleeping"
        if n == 1995:
            row["external_id"] = "gen-000003"

    path = write_programmes_csv(tmp_path / "p.csv", 2000, change=plant)
    result = import_programmes(path, dry_run=True)
    status_line, first_line = line_of(path, "gen-001990"), line_of(path, "gen-000003")
    line_95 = line_of(path, "Taalbuddy 1995")
    assert [str(e) for e in result.errors] == [
        f"line {status_line}, column status: “sleeping” is not one of active|paused|ended",
        f"line {line_95}, column external_id: “gen-000003” appears twice in the file (also on line {first_line})",
    ]
    assert status_line > 10_000  # each row spans seven lines (three descriptions of two paragraphs)

    # A byte that is not UTF-8, late in the file, is found and named by its line too.
    broken = tmp_path / "broken.csv"
    data = path.read_bytes()
    position = data.index(b"Taalbuddy 1800")
    broken.write_bytes(data[:position] + b"Taalbuddy \xff" + data[position + 10 :])
    assert [str(e) for e in import_programmes(broken).errors] == [
        f"line {line_of(path, 'Taalbuddy 1800')}: the file is not UTF-8 text"
    ]
    assert not ProgramPage.objects.exists()


@pytest.mark.django_db
def test_problems_beyond_the_first_thousand_are_counted_not_kept(tmp_path, site, monkeypatch):
    monkeypatch.setattr(importer, "MAX_ERRORS", 50)
    path = write_programmes_csv(tmp_path / "p.csv", 120, change=lambda n, row: {**row, "status": "sleeping"})
    result = import_programmes(path)
    assert len(result.errors) == 50 and result.errors_not_shown == 70
    assert str(result.errors[-1]).startswith(f"line {line_of(path, 'gen-000049')}, column status:")

    err = io.StringIO()
    with pytest.raises(CommandError, match=r"^120 problem\(s\) in .*nothing was imported.*peak memory \d+ MiB"):
        call_command("import_programs", str(path), stderr=err, stdout=io.StringIO())
    assert "… and 70 more problem(s) not shown." in err.getvalue()
    assert not ProgramPage.objects.exists()


@pytest.mark.django_db
def test_command_reports_time_peak_memory_and_progress_lines(tmp_path, site, monkeypatch):
    from programs.management.commands import import_programs

    monkeypatch.setattr(import_programs, "REPORT_EVERY", 2)
    monkeypatch.setattr(importer, "PROGRESS_EVERY", 2)
    path = write_programmes_csv(tmp_path / "p.csv", 4)
    out, err = io.StringIO(), io.StringIO()
    call_command("import_programs", str(path), "--dry-run", "-v", "2", stdout=out, stderr=err)
    assert "would create 4" in out.getvalue()
    assert re.search(r"^\d+\.\d s, peak memory \d+ MiB$", out.getvalue(), re.MULTILINE), out.getvalue()
    lines = err.getvalue().splitlines()
    assert [line.split(" (")[0] for line in lines] == [
        "checked 2 rows",
        "checked 4 rows",
        "imported 2/4 rows",
        "imported 4/4 rows",
    ]
    assert all(re.search(r"\(\d+\.\d s, peak memory \d+ MiB\)$", line) for line in lines)

    quiet = io.StringIO()
    call_command("import_programs", str(path), "--dry-run", "-v", "0", stdout=quiet, stderr=quiet)
    assert "peak memory" not in quiet.getvalue()


MEMORY_ROWS = 20_000
# Bytes. Streaming peaks near 5 MiB; the importer that read the whole file and kept every row peaked at 151 MiB.
MEMORY_BOUND = 16 * 1024 * 1024


@pytest.mark.slow
@pytest.mark.django_db
def test_a_20000_row_dry_run_keeps_memory_bounded(tmp_path, site):
    path = write_programmes_csv(tmp_path / "p.csv", MEMORY_ROWS)
    assert path.stat().st_size > 15_000_000
    assert import_programmes(write_programmes_csv(tmp_path / "warm.csv", 3), dry_run=True).ok  # caches warmed
    gc.collect()
    tracemalloc.start()
    try:
        result = import_programmes(path, dry_run=True)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert result.ok, result.errors[:3]
    assert len(result.created) == MEMORY_ROWS
    print(f"peak traced memory of a {MEMORY_ROWS}-row dry run: {peak / 1024 / 1024:.1f} MiB")
    assert peak < MEMORY_BOUND, f"{peak / 1024 / 1024:.1f} MiB"


@pytest.mark.django_db
def test_a_late_error_in_a_json_file_read_in_small_chunks_names_its_line(tmp_path, site, tiny_chunks):
    rows = rows_as_dicts(300)
    rows[290]["status"] = "sleeping"
    path = tmp_path / "p.json"
    path.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
    start = line_of(path, '"external_id": "gen-000290"') - 1  # the object's "{" is on the line before
    assert [str(e) for e in import_programmes(path, dry_run=True).errors] == [
        f"line {start}, column status: “sleeping” is not one of active|paused|ended"
    ]


@pytest.mark.django_db
def test_a_file_changed_between_check_and_import_imports_nothing(tmp_path, site, monkeypatch):
    path = write_programmes_csv(tmp_path / "p.csv", 3)
    checked_file = importer.check_file

    def check_then_change(*args, **kwargs):
        checked = checked_file(*args, **kwargs)
        write_programmes_csv(path, 3, change=lambda n, row: {**row, "status": "sleeping"} if n == 2 else row)
        return checked

    monkeypatch.setattr(importer, "check_file", check_then_change)
    result = import_programmes(path)
    assert [str(e) for e in result.errors] == [
        f"line {line_of(path, 'gen-000002')}: the file changed while it was imported; import it again"
    ]
    assert not ProgramPage.objects.exists() and not OrganisationPage.objects.exists()  # the first rows rolled back


@pytest.mark.skipif(sys.platform != "linux", reason="the inherited peak is Linux's (ru_maxrss survives exec)")
def test_the_reported_peak_is_the_commands_own_not_its_parents():
    """A command started by a process that holds much memory (a benchmark that has just filled the database)
    reports its own peak: Linux's ru_maxrss would report the parent's."""
    parent_holds = 400  # MiB, written so that it is resident
    script = (
        f"import subprocess, sys; held = b'x' * ({parent_holds} * 2**20); "
        "sys.exit(subprocess.run([sys.executable, 'manage.py', 'shell', '-c', "
        "'from programs.management.commands.import_programs import peak_memory_mib; "
        "print(round(peak_memory_mib()))'], check=False).returncode)"
    )
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run([sys.executable, "-c", script], cwd=root, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    child_peak = int(done.stdout.split()[-1])
    assert 0 < child_peak < parent_holds, child_peak
