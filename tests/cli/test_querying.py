"""`query` and `stats`: results as terminal text and as JSON, filters, the index's figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from search import Engine
from search.cli import EXIT_OK, EXIT_USAGE, main, terminal_text
from search.cli.querying import STALE_ANALYSIS
from search.index import ANALYSIS_FINGERPRINT
from tests.cli.conftest import run


def test_rebuild_query_stats_on_the_seeds(
    tmp_path: Path, seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    index = str(tmp_path / "index")
    code, out, err = run(capsys, "rebuild-index", str(seeds), "--index", index, "--procs", "1")
    assert code == EXIT_OK and "indexed 5 (5 new, 0 updated); rejected 0" in err

    code, out, _ = run(capsys, "query", "داعش", "--index", index)
    assert code == EXIT_OK and "5 result(s)" in out and "[داعش]" in out and "[ar]" in out

    code, out, _ = run(capsys, "query", "ISIS", "--index", index, "--json", "--limit", "2")
    results = json.loads(out)
    assert results["total"] == 5 and [h["lang"] for h in results["hits"]] == ["en", "en"]
    assert "<mark>ISIS</mark>" in results["hits"][0]["snippet"]

    code, out, _ = run(capsys, "query", "ISIS", "--index", index, "--lang", "ar")
    assert code == EXIT_OK and "1 result(s)" in out and "[تنظيم داعش]" in out

    code, out, _ = run(capsys, "stats", "--index", index, "--json")
    assert json.loads(out)["documents"] == 5

    code, out, _ = run(capsys, "stats", "--index", index)
    assert code == EXIT_OK and "analysis:   current" in out.splitlines()
    live = Path(index) / (Path(index) / "CURRENT").read_text().strip()
    (live / ANALYSIS_FINGERPRINT).unlink()  # as an index built before the record
    code, out, _ = run(capsys, "stats", "--index", index)
    assert code == EXIT_OK and f"analysis:   {STALE_ANALYSIS}" in out.splitlines()


def test_terminal_text() -> None:
    assert terminal_text("a <mark>ISIS</mark> &amp; b", color=False) == "a [ISIS] & b"
    assert terminal_text("<mark>x</mark>", color=True) == "\033[1mx\033[0m"


def query_json(capsys: pytest.CaptureFixture[str], index: Path, *argv: str) -> dict:
    code, out, err = run(capsys, "query", *argv, "--index", str(index), "--json", "--limit", "50")
    assert code == EXIT_OK, err
    return json.loads(out)


def test_month_entity_and_match_options(
    sample_index: Path, sample_engine: Engine, capsys: pytest.CaptureFixture[str]
) -> None:
    """The options the engine had and the command lacked: each narrows or ranks as Engine.search does."""
    everything = query_json(capsys, sample_index, "Syria")
    december = query_json(capsys, sample_index, "Syria", "--month", "2025-12")
    assert 0 < december["total"] < everything["total"]
    assert all(hit["published"][:7] == "2025-12" for hit in december["hits"])
    assert december["total"] == sample_engine.search("Syria", month="2025-12").total

    isis = query_json(capsys, sample_index, "Syria", "--entity", "isis")
    assert 0 < isis["total"] < everything["total"] and all("isis" in hit["entities"] for hit in isis["hits"])
    assert isis["total"] == sample_engine.search("Syria", entity="isis").total

    all_words = query_json(capsys, sample_index, "Palmyra", "Zaatari")
    any_word = query_json(capsys, sample_index, "Palmyra", "Zaatari", "--match", "any")
    assert all_words["relaxed"] is True and any_word["relaxed"] is False
    expected = sample_engine.search("Palmyra Zaatari", match="any", limit=50)
    assert [hit["id"] for hit in any_word["hits"]] == [hit.id for hit in expected]


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["--match", "some"], "argument --match: invalid choice: 'some'"),
        (["--month", "December"], "month: expected a month as YYYY-MM"),
        (["--entity", "Not An Id"], "entity: expected an entity id"),
    ],
)
def test_bad_options_are_usage_errors(
    sample_index: Path, capsys: pytest.CaptureFixture[str], argv: list[str], says: str
) -> None:
    """argparse refuses a --match it has no choice for; the engine names a bad month or entity."""
    try:
        code = main(["query", "Syria", *argv, "--index", str(sample_index)])
    except SystemExit as usage:
        code = usage.code
    assert code == EXIT_USAGE and says in capsys.readouterr().err


def test_the_plain_text_results_show_when_the_matches_were_published(
    sample_index: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "query", "Palmyra", "--index", str(sample_index))
    with Engine.open(sample_index) as engine:
        expected = engine.search("Palmyra").timeline
    assert code == EXIT_OK and expected is not None
    lines = out.splitlines()
    start = lines.index(f"published, by {expected.unit} (dated matches: {expected.total}):")
    shown = lines[start + 1 : start + 1 + len(expected.bars)]
    for line, bar in zip(shown, expected.bars, strict=True):
        period, drawn, total = line.split()[:3]
        assert (period, int(total)) == (bar.period, bar.total) and set(drawn) == {"█"}
    fullest = max(expected.bars, key=lambda bar: bar.total)
    assert f"█ {fullest.total} (ar {fullest.counts['ar']}, en {fullest.counts['en']})" in out


def test_a_long_timeline_shows_only_its_periods_with_matches() -> None:
    from datetime import date

    from search.cli.querying import TIMELINE_LINES, timeline_text
    from search.timeline import Bar, Timeline

    days = [date(2025, 11, day) for day in range(1, 31)]
    bars = [
        Bar(day.isoformat(), day, day, {"ar": 2 if day.day % 10 == 0 else 0, "en": 0}, {}) for day in days
    ]
    text = timeline_text(Timeline("day", bars))
    assert len(bars) > TIMELINE_LINES
    assert text.splitlines()[1:] == [
        "  2025-11-10 ██████████████████████████████ 2 (ar 2)",
        "  2025-11-20 ██████████████████████████████ 2 (ar 2)",
        "  2025-11-30 ██████████████████████████████ 2 (ar 2)",
        "  (27 days without matches not shown)",
    ]
