"""A second labeller read 154–177 without seeing labels.jsonl (corpus/real/README.md, "A
second labeller"): the two agree on about nine in ten problem lines. The agreement is kept
as a measure, so that a relabelling of those files that drifts from a second careful reading
is noticed."""

from __future__ import annotations

import json

from fazhi.reviews.precheck.evaluate import REAL


def _lines(name: str) -> list[dict]:
    path = REAL / name
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _same_sentence(a: dict, b: dict) -> bool:
    return a["file"] == b["file"] and (a["text"] in b["text"] or b["text"] in a["text"])


def test_every_second_label_quotes_its_file_in_154_177():
    second = _lines("labels-second.jsonl")
    assert len(second) >= 150
    for item in second:
        assert 154 <= int(item["file"].split("-")[0]) <= 177, item
        assert item["text"] in (REAL / item["file"]).read_text(encoding="utf-8"), item


def test_the_two_labellers_agree_on_nine_in_ten_problem_lines():
    second = _lines("labels-second.jsonl")
    first = [
        a
        for a in _lines("labels.jsonl")
        if a["expected"] and 154 <= int(a["file"].split("-")[0]) <= 177
    ]
    agreed = [a for a in first if any(b["expected"] and _same_sentence(a, b) for b in second)]
    competition = [a for a in first if "competition" in a["expected"]]
    agreed_competition = [a for a in agreed if "competition" in a["expected"]]
    assert len(first) == 45 and len(competition) == 37
    assert len(agreed) / len(first) >= 0.85, len(agreed)
    assert len(agreed_competition) / len(competition) >= 0.85, len(agreed_competition)
