"""Names rank as names: an article with the query's words as a phrase ranks above one with them apart."""

from __future__ import annotations

from pathlib import Path

from search import Engine


def test_the_phrase_ranks_above_the_words_apart(tmp_path: Path, backend: str) -> None:
    apart = {
        "id": "apart",
        "title": "Carmakers cut output as sales fall",
        "body": "Sales in North America fell again. Korea and Japan held up. North America output was cut. "
        "Korea exports rose. The weapons maker said its new programme starts; weapons sales and the "
        "training programme grew.",
        "lang": "en",
    }
    together = {
        "id": "together",
        "title": "Talks resume in Beijing",
        "body": "Envoys met to discuss the weapons programme of North Korea, the ministry said. Talks go on "
        "for a week after a long pause.",
        "lang": "en",
    }
    others = [
        {
            "id": f"filler-{n}",
            "title": f"Market report {n}",
            "body": f"Shares moved in Asia on day {n}.",
            "lang": "en",
        }
        for n in range(10)
    ]
    Engine.rebuild(tmp_path / "index", [apart, together, *others], procs=1, backend=backend)
    with Engine.open(tmp_path / "index") as engine:
        assert [hit.id for hit in engine.search("North Korea")][:2] == ["together", "apart"]
        assert [hit.id for hit in engine.search("weapons programme")] == ["together", "apart"]
        assert [hit.id for hit in engine.search("Korea output")] == ["apart"]  # matching is unchanged
