"""The learned competition second opinion for normative documents (issue 14, round 16 for
限定交易, round 19 for every competition kind; fazhi/reviews/precheck/confine_model.py)."""

from __future__ import annotations

import pytest

from fazhi.reviews.precheck import confine_model, precheck, train
from tests.reviews.test_precheck_model import without


def _rules(text: str, kind: str = "normative") -> list[tuple[str, str]]:
    return sorted((f.rule, f.severity) for f in precheck(text, kind, whole_document=False).findings)


rules_alone = without(confine_model)


def test_retraining_reproduces_the_shipped_weights():
    """Given the real dev documents and the corpus, when the model is trained again, then
    the weights file is the same byte for byte: it is made by `python -m
    fazhi.reviews.precheck.train`, and a label or corpus change without retraining fails
    here."""
    assert confine_model.dump(
        *confine_model.train(train.competition_training_items())
    ) == confine_model.WEIGHTS.read_text(encoding="utf-8")


def test_the_training_material_holds_the_real_clauses_and_batch_23():
    """Every competition label of the dev documents is a positive sentence — since round 19
    of every kind, tax rebates and local preference too — and the corpus brings batch 23's
    ≥ 200 sentences, about half of them 限定交易."""
    from fazhi.reviews.precheck.evaluate import REAL_DEV, _squeeze, load_real_labels, real_files

    real = train.real_competition_items()
    positives = [_squeeze(t) for t, y in real if y]
    dev = {p.name for p in real_files(REAL_DEV)}  # a held-out set's labels are not trained on
    labels = [
        _squeeze(d["text"])
        for d in load_real_labels()
        if d["file"] in dev and "competition" in d["expected"]
    ]
    # 83 up to round 18; round 19 adds 166–177's sixteen, round 20 178–189's nineteen,
    # round 21 190–200's eleven, round 22 201–218's fourteen, round 23 219–233's three,
    # round 24 234–240's six.
    assert len(labels) == 152
    assert all(any(t in p or p in t for p in positives) for t in labels)
    assert any(y for t, y in real if "财政收入" in t)
    assert len(train.corpus_competition_items()) == len(
        train.corpus_competition_items((23,))
    ) + len([d for d in train.load_corpus() if d.get("batch") == 23])
    batch = [d for d in train.load_corpus() if d.get("batch") == 23]
    assert len(batch) >= 200
    positives = sum("competition" in d["expected"] for d in batch)
    assert 0.4 <= positives / len(batch) <= 0.6
    assert all(d["kind"] == "normative" for d in batch)


def test_names_are_read_by_role():
    """Given two clauses that differ only in the operator's or the place's name, then the
    features are the same: the model sees an operator Ⓞ, an authority Ⓐ, a place Ⓟ. A
    kind of place ("有资质的公司", "农贸市场") is no name and stays as written."""
    a = confine_model.features("请各村通知农户届时到荣辉农业开发服务中心购种。")
    b = confine_model.features("请各村通知农户届时到金山农业开发服务中心购种。")
    assert a == b
    assert confine_model.masked("一律到县城南屠宰场屠宰") == "一律到Ⓞ屠宰"
    assert "Ⓐ" in confine_model.masked("须向县市场监督管理局申报")
    assert confine_model.masked("驶入兰州市城区").startswith("驶入Ⓟ")
    assert confine_model.masked("应当到有资质的公司购买") == "应当到有资质的公司购买"
    assert "Ⓞ" not in confine_model.masked("经营户迁入农贸市场经营")
    # The clause as word classes: obligation, link, operator, trade.
    assert "MLⓄT" in confine_model.classes("一律到县城南屠宰场购买")


def test_a_confident_resemblance_is_added_and_worded_as_one(rules_alone):
    """Given a clause no rule reads (a 请…通知…到…购买 sent through the villages), when the
    model is on, then a medium finding says the clause resembles a competition clause such as
    限定交易, asks for a check, says it is a statistical model's, and cites the articles of
    every competition kind (round 19: the model answers for all of them)."""
    text = "请各村通知养殖户届时到县兴农饲料经营部购买饲料。"
    assert _rules(text) == []
    confine_model.ENABLED = True
    [f] = precheck(text, "normative", whole_document=False).findings
    assert (f.rule, f.category, f.severity) == ("model.confined", "competition", "medium")
    assert "限定交易" in f.explanation and "请核对" in f.explanation
    assert "统计模型" in f.explanation
    assert f.basis == "《公平竞争审查条例》第八条至第十一条"
    assert "特定经营者" in f.suggestion and "纳税" in f.suggestion


@pytest.mark.parametrize(
    "text",
    [
        # A cited law of the measure, an epidemic zone, a free choice, an unnamed designated
        # disposal site, a designated area inside one market, a building site.
        "根据《生猪屠宰管理条例》，生猪一律送县定点屠宰厂屠宰。",
        "来自疫区的活禽一律不得进入本镇。",
        "农户可以自主选择到任何一家农资店购买化肥。",
        "砖石骨料须运至指定的建筑垃圾处置场所集中处理。",
        "一楼摊主统一搬迁到本市场二楼指定区域经营。",
        "施工车辆一律运至施工现场卸货。",
    ],
)
def test_a_lawful_look_alike_gets_no_model_finding(text):
    assert "competition" not in {f.category for f in precheck(text, "normative").findings}


def test_a_sentence_a_rule_flagged_gets_no_model_finding(monkeypatch):
    """Given a sentence a rule already reports (a fee paid to a market office), then the
    model adds nothing there, however close its shape: the reviewer is looking already.
    (Retrained in round 18 the sentence's probability is 0.598, in round 19 0.585, under the
    threshold; the threshold is lowered below it here so the test still shows the rule, not
    the probability, keeps the model out.)"""
    text = "经营户须向镇市场管理所缴纳市场管理费。"
    assert confine_model.probability(text) > 0.5
    monkeypatch.setattr(confine_model, "ADD_ABOVE", 0.5)
    assert _rules(text) == [("fee.charge", "medium")]


def test_a_concession_the_document_says_is_held_gets_no_model_finding():
    """Given a document saying a company holds the concession, then its designation is
    lawful for the model as for the rules (83)."""
    paragraphs = [
        "关于餐厨垃圾收运处置的通告",
        "融润农业科技有限公司获得本县餐厨垃圾收集、运输、处置特许经营权。",
        "各餐厨垃圾产生单位应与融润农业科技有限公司签订收运处置协议。",
    ]
    found = precheck(paragraphs, "normative").findings
    assert not [f for f in found if f.category == "competition"]


def test_contracts_do_not_use_the_normative_model():
    """The model is asked about normative documents only."""
    text = "请各村通知养殖户届时到县兴农饲料经营部购买饲料。"
    for kind in ("contract", "agreement", "village_rules"):
        assert "model.confined" not in {f.rule for f in precheck(text, kind).findings}


def test_leaving_a_blind_set_out_the_model_adds_true_confinements():
    """Given the model trained without 132–142 (and without batches 23 and 24, written after
    they had been read), when it measures 132–142 — round 15's blind set, which the rules
    alone got 3 of 12 — then rules + model report more 限定交易 as competition (6 of 12 in
    round 16; 4 of 12 since round 17, when 143–153's lawful traffic arrangements joined the
    training and 132's 换乘 and 137's 购种 fell to 0.56 and 0.60), the high findings stay the
    rules' own; on 121–131 (left out the same way) it adds at most one false finding; left
    without 143–153 and batch 24 it adds 143's 交易所 (docs/precheck.md, 第十六、十七轮).
    Since round 19 the model answers for every competition kind and is trained with every
    competition label; the same folds hold (132–142: 4 of 12)."""
    # Only the folds asserted on: each fold is trained on its own, so the others would cost
    # time and change nothing here (all twelve are test_precheck_logo.py's).
    sets = {k: train.LOGO_GROUPS[k] for k in ("121–131", "132–142", "143–153", "154–165")}
    rows = {name: (before, after) for name, before, after, _ in train.confine_held_out(sets)}
    before, after = rows["132–142"]
    assert before.competition_caught == 3 and after.competition_caught >= 4
    assert (after.high.tp, after.high.fp) == (before.high.tp, before.high.fp)
    before, after = rows["143–153"]
    assert after.competition_caught > before.competition_caught
    assert (after.high.tp, after.high.fp) == (before.high.tp, before.high.fp)
    before, after = rows["121–131"]
    assert after.competition_caught >= before.competition_caught
    added = after.all.fp - before.all.fp
    assert added <= 1
    # Round 18: left without 154–165 and batch 25 the model adds nothing false there.
    before, after = rows["154–165"]
    assert (after.high.tp, after.high.fp) == (before.high.tp, before.high.fp)
    assert after.all.fp <= before.all.fp
