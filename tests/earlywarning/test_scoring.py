"""The explainable score and its evaluation set: at least 100 labelled synthetic cases,
half green with hard negatives, scored with the DEFAULT parameters; red+yellow against
green must reach precision and recall of 0.85 (the numbers are in docs/earlywarning.md)."""

from __future__ import annotations

import io
import json
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command

from fazhi.earlywarning.evaluate import (
    DAY,
    MIN_PRECISION,
    MIN_RECALL,
    evaluate,
    facts_of,
    load_corpus,
)
from fazhi.earlywarning.scoring import DEFAULTS, Settings, assess, escalation_words, parse_weights

from .conftest import fact


def _words(text):
    found, negated = escalation_words(text, DEFAULTS)
    return sorted(w for w, _ in found), sorted(negated)


def test_the_corpus_is_large_balanced_and_explained():
    items = load_corpus()
    assert len(items) >= 100
    greens = [i for i in items if i["expected"] == "green"]
    assert len(greens) * 2 >= len(items)
    assert sum("难负例" in i["why"] for i in greens) >= 15
    assert {i["expected"] for i in items} == {"red", "yellow", "green"}
    assert {i["kind"] for i in items} == {"dispute", "petition", "key_person"}
    assert len({i["id"] for i in items}) == len(items)
    assert all(i["why"].strip() for i in items)


def test_the_score_meets_the_bar_on_the_evaluation_set():
    ev = evaluate()
    assert ev.precision >= MIN_PRECISION, ev.report()
    assert ev.recall >= MIN_RECALL, ev.report()
    assert ev.failures() == []
    # As measured when the set was written (docs/earlywarning.md): a change shows here.
    assert (ev.tp, ev.fp, ev.fn) == (56, 0, 4), ev.report()


def test_a_missed_bar_is_named():
    item = {"id": "x", "kind": "dispute", "category": "", "group_size": 1, "repeat_count": 0,
            "unresolved_earlier": 0, "deadline_in": None, "text": "一切正常", "signals": [],
            "expected": "red", "why": "测试"}  # fmt: skip
    ev = evaluate([item])
    assert ev.recall == 0 and any("召回率" in f for f in ev.failures())


def test_the_command_prints_the_confusion_table(tmp_path):
    out = io.StringIO()
    call_command("warning_eval", stdout=out)
    text = out.getvalue()
    assert "标注\\评分" in text and "精确率" in text and "全部达标" in text
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "x"}) + "\n", encoding="utf-8")
    with pytest.raises(CommandError, match="缺少字段"):
        call_command("warning_eval", corpus=str(bad), stdout=io.StringIO())


@pytest.mark.parametrize(
    "text, counted, negated",
    [
        ("表示无上访意向", [], ["上访"]),
        ("无越级上访、进京上访苗头", [], ["上访", "越级", "进京"]),
        ("未发现极端倾向", [], ["极端"]),
        ("调解未果,扬言上访", ["上访", "扬言"], []),
        ("调解未果扬言上访", ["上访", "扬言"], []),
        ("没有上访打算但扬言拉横幅", ["扬言", "拉横幅"], ["上访"]),
        ("村集体经济合作社承包费分歧", [], []),
        ("投诉无门,准备拉横幅堵路", ["堵路", "拉横幅"], []),
        ("已打消越级上访念头", [], ["上访", "越级"]),
    ],
)
def test_escalation_words_respect_negation_and_fixed_phrases(text, counted, negated):
    assert _words(text) == (counted, negated)


def test_every_factor_is_named_and_adds_up(db):
    class U:
        pk = 1

    f = fact(U, 1, category="征地拆迁", group_size=12, repeat_count=5, unresolved_earlier=1,
             deadline=DAY - timedelta(days=2), text="扬言进京上访", signals=("情绪激动",))  # fmt: skip
    a = assess(f, DAY)
    got = {x.key: x.points for x in a.factors}
    assert got == {"repeat": 24, "unresolved": 10, "group": 12, "category": 20, "deadline": 20,
                   "words": 48, "signals": 20}  # fmt: skip
    assert a.score == sum(got.values()) and a.colour == "red"
    assert [x.label for x in a.factors][:2] == ["重复事项", "此前未化解事项"]
    near = assess(fact(U, 2, deadline=DAY + timedelta(days=3)), DAY)
    assert near.factors[0].points == 8 and "还剩3日" in near.factors[0].value


def test_weight_lists_tolerate_full_width_and_bad_entries():
    assert parse_weights("集体:8,上访:10;坏条目,无分:x, 堵路:25") == {
        "集体": 8, "上访": 10, "堵路": 25,
    }  # fmt: skip


def test_a_case_scores_like_the_facts_a_provider_would_give():
    item = next(i for i in load_corpus() if i["id"] == "g04")
    a = assess(facts_of(item), DAY, Settings.for_unit(None))
    assert a.colour == "green" and {f.key for f in a.factors} >= {"group", "words"}
