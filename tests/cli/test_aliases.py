"""`aliases lookup` and `aliases check`: entity matches explained, lexicon files validated."""

from __future__ import annotations

from pathlib import Path

import pytest

from search.cli import EXIT_OK, EXIT_USAGE
from tests.cli.conftest import run


def test_aliases_lookup_explains_matches(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, _ = run(
        capsys, "aliases", "lookup", "أكد أحمد الشرع لداعش", "us", "Alshaibani", "--index", str(tmp_path)
    )
    assert code == EXIT_OK
    assert "أحمد الشرع\tahmed-al-sharaa [person]" in out
    assert "لداعش\tisis [armed_group]" in out and "written 'لداعش'" in out
    assert "Alshaibani\tname keys shibani" in out and "\nus\t" not in out


def test_aliases_check(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = tmp_path / "good.tsv"
    good.write_text("id\ttype\ten\tar\tambiguous\tnote\nexample-town\tplace\tExampleton\tبلدة المثال\t\t\n")
    code, out, _ = run(capsys, "aliases", "check", str(good))
    assert code == EXIT_OK and "ok: 1 entities" in out and "needs a rebuild" in out
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\ttype\ten\tar\tambiguous\tnote\nx\tplace\tDaesh\tمثال\t\t\n")
    code, _, err = run(capsys, "aliases", "check", str(bad))
    assert code == EXIT_USAGE and f"{bad}:2: form 'Daesh' is already claimed by isis" in err


def test_aliases_check_of_a_shipped_file_checks_it_once(capsys: pytest.CaptureFixture[str]) -> None:
    shipped = Path(__file__).resolve().parents[2] / "search" / "aliases" / "data" / "curated-world.tsv"
    code, out, err = run(capsys, "aliases", "check", str(shipped))
    assert code == EXIT_OK and "duplicate" not in err
    assert int(out.split("ok: ")[1].split(" entities")[0]) > 500  # its own entities, not zero
