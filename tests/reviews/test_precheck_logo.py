"""Leaving each once-blind group of real documents out (issue 14, round 19;
fazhi/reviews/precheck/train.py `leave_group_out`): a fold never trains on its own documents
nor on the corpus batches written after they had been read, and the model of every
competition kind, measured so, reports more competition on the held-out folds than the
rules alone without lowering any fold's high-severity precision."""

from __future__ import annotations

import pytest

from fazhi.reviews.precheck import confine_model, train
from fazhi.reviews.precheck.evaluate import REAL_DEV, load_corpus


def test_every_once_blind_group_is_a_fold_and_inside_the_dev_set():
    assert list(train.LOGO_GROUPS) == [
        "101–110",
        "111–120",
        "121–131",
        "132–142",
        "143–153",
        "154–165",
        "166–177",
        "178–189",
        "190–200",
        "201–218",
        "219–233",
        "234–240",
    ]
    dev = {f.lstrip("0") for f in REAL_DEV}
    seen: set[str] = set()
    for files, _ in train.LOGO_GROUPS.values():
        assert set(files) <= dev
        assert not set(files) & seen  # the groups do not overlap
        seen |= set(files)


@pytest.mark.parametrize("name", list(train.LOGO_GROUPS))
def test_a_fold_never_trains_on_its_own_documents(name):
    files, batches = train.LOGO_GROUPS[name]
    kept = train.train_files_without(files)
    assert not {f.lstrip("0") for f in kept} & set(files)
    assert len(kept) == len(REAL_DEV) - len(files)
    # Nor on a sentence of them: the training sentences of the other documents do not hold
    # the group's labelled lines that are unique to it.
    items = train.competition_training_items(kept, batches)
    assert len(items) < len(train.competition_training_items())


def test_a_fold_leaves_out_the_batches_written_after_its_group_was_read():
    """Batch 21 (round 14) followed 111–120, 22 121–131, 23 132–142, 24 143–153, 25
    154–165 and 26 (round 20) 178–189; none has been written after 190–200 (round 21) or
    201–218 (round 22), 219–233 (round 23) or 234–240 (round 24): a fold leaves out its own
    batch and every later one."""
    assert train.LOGO_GROUPS["111–120"][1] == (21, 22, 23, 24, 25, 26)
    assert train.LOGO_GROUPS["121–131"][1] == (22, 23, 24, 25, 26)
    assert train.LOGO_GROUPS["154–165"][1] == (25, 26)
    assert train.LOGO_GROUPS["166–177"][1] == (26,)
    assert train.LOGO_GROUPS["178–189"][1] == (26,)
    assert train.LOGO_GROUPS["190–200"][1] == ()
    assert train.LOGO_GROUPS["201–218"][1] == ()
    assert train.LOGO_GROUPS["219–233"][1] == ()
    assert train.LOGO_GROUPS["234–240"][1] == ()
    assert all(
        26 in batches
        for name, (_, batches) in train.LOGO_GROUPS.items()
        if name not in {"190–200", "201–218", "219–233", "234–240"}
    )
    corpus = load_corpus()
    for _, batches in train.LOGO_GROUPS.values():
        kept = train.corpus_competition_items(batches)
        left = [d for d in corpus if d["kind"] == "normative" and d.get("batch") in batches]
        normative = [d for d in corpus if d["kind"] == "normative"]
        assert len(kept) == len(normative) - len(left)


def test_a_fold_hands_back_the_shipped_model():
    """After measuring, the engine uses the shipped weights again, with the model on."""
    seen = []

    def fit(files, batches):
        seen.append(files)
        return train.rules_alone(files, batches)

    groups = {"143–153": train.LOGO_GROUPS["143–153"]}
    [(name, ev)] = train.leave_group_out(fit, groups)
    assert name == "143–153" and ev.problems == 20
    assert "143" not in {f.lstrip("0") for f in seen[0]}
    assert confine_model.ENABLED and confine_model._override is None


@pytest.fixture(scope="module")
def folds():
    rules = dict(train.leave_group_out(train.rules_alone))
    model = dict(train.leave_group_out(train.competition_fit))
    return rules, model


def test_the_competition_model_left_out_adds_competition_and_keeps_high_precision(folds):
    """Measured leaving each group out (docs/precheck.md, 第十九轮; eight folds since 第二十轮):
    57 of 95 competition labels by the rules alone, 63 with the model; nine folds since round
    21: 63 of 106 and 69. No fold's high-severity findings change (the model adds medium
    findings only). The model's false findings: three more than the rules' on the seven folds
    of round 19, ten on eight and nine — 178–189 left out, it adds four false medium ones since
    round 21 (six in round 20: 178's definition of a retailer, 182's three rewards for
    qualification upgrades, 184's two rewards for a shopping complex and online sales).
    Ten folds since round 22: 71 of 120 and 79; left without 201–218 — the model the lead
    ran on them in round 21 — it finds two more there and adds six false medium findings
    (214's rewards for high-tech status, research institutes, a brand and stock listings),
    seventeen in all. Eleven since round 23 (219–233 left out: the same 2 of 3 competition
    with and without the model, one more false medium finding): 73 of 123 and 82, eighteen
    more false findings than the rules'. Twelve since round 24 (234–240 left out: none of its
    6 competition problems with or without the model, no false finding added; the model
    retrained on 01–240 finds one fewer elsewhere): 73 of 129 and 81, nineteen more false."""
    rules, model = folds
    for name in train.LOGO_GROUPS:
        a, b = rules[name], model[name]
        assert (b.high.tp, b.high.fp) == (a.high.tp, a.high.fp), name
        assert b.competition_caught >= a.competition_caught, name
    total_rules = train.total(rules.values())
    total_model = train.total(model.values())
    assert total_rules.competition == 129
    assert total_model.competition_caught >= total_rules.competition_caught + 8
    assert total_model.all.fp <= total_rules.all.fp + 19


def test_left_out_the_model_reads_revenue_rewards_of_168(folds):
    """Trained without 166–177, the model reports rewards on the district's revenue (168) —
    a wording no rule and no training document of the others had. (Five competition labels
    in round 19; three since round 20 trains the fold on 178–189 too, which puts two of
    168's sentences under the threshold — the engine's code is not the cause: round 19's
    engine measured so finds three as well; two since round 21 trains the fold on 190–200
    too, the same kind of change.)"""
    _, model = folds
    ev = model["166–177"]
    assert ev.competition_caught >= 2
    found = [f for f in ev.findings if f[3] == "model.confined" and f[5]]
    assert any(f[0].startswith("168-") for f in found)
    assert all(f[2] == "medium" for f in ev.findings if f[3] == "model.confined")


def test_the_report_prints_every_fold_and_the_sum():
    lines = train.logo_report({"规则": train.rules_alone}).splitlines()
    assert len(lines) == len(train.LOGO_GROUPS) + 1
    # 62 of 74 (0.838) on nine folds before round 21's calibration; 57 of 67 on eight in round 20.
    # Ten folds since round 22: 42 of 47 (0.894) with round 21's reading (201–218 adds its
    # blind run, 2 of 7); 39 of 39 once threshold rewards are high only when tied to tax or
    # paid as a proportion (docs/precheck.md, 第二十二轮). Eleven since round 23: 219–233
    # adds 2 of 2 (its blind run's false one is read as no trade since, 第二十三轮); twelve
    # since round 24: 234–240 adds none, true or false.
    assert lines[-1].startswith("合计 规则:高风险 41/41(1.000)")
    assert "误报" in lines[0] and "竞争" in lines[0]


def test_reading_who_is_bound_lowers_no_folds_high_precision(folds):
    """Round 20 (docs/precheck.md, 第二十轮): with the reading of who is bound or rewarded
    (genre.own_side), every fold kept round 19's true high findings and the two folds the
    reading touches lost false ones. Round 21 (第二十一轮) keeps high only in the readings
    that held on first-seen documents: no fold has a false high finding left (74 high, 12
    false, on the nine folds before; 40, none false, after), and the findings themselves —
    true and false, at any severity — are the same as before. The rules were written after
    reading every group, so these rule figures are optimistic; only the learned part is
    measured blind, and the calibration's evidence is each group's first run (the table in
    docs/precheck.md). Round 22 (第二十二轮) reads a reward past a threshold as high only when
    tied to tax or paid as a proportion: 201–218's five false high findings and three true
    ones (159, 160, 184: fixed sums past an output or sales threshold) are medium, the
    findings themselves again unchanged."""
    rules, _ = folds
    round22 = {
        "101–110": 3,
        "111–120": 5,
        "121–131": 4,
        "132–142": 3,
        "143–153": 5,
        "154–165": 9,
        "166–177": 0,
        "178–189": 5,
        "190–200": 3,
    }
    for name, tp in round22.items():
        high = rules[name].high
        assert high.tp >= tp and high.fp == 0, (name, high)
    # 201–218 (round 21's blind set, a fold since round 22): its one run's 2 right, none
    # of its five false ones (in-sample: the reading was written after them).
    high = rules["201–218"].high
    assert high.tp >= 2 and high.fp == 0, high
    # 219–233 (round 22's blind set, a fold since round 23): 2 of 3 on its one run, 2 of 2
    # since (in-sample again).
    high = rules["219–233"].high
    assert high.tp >= 2 and high.fp == 0, high
    # 234–240 (round 23's blind set, a fold since round 24): no high finding on its one run
    # nor since.
    high = rules["234–240"].high
    assert high.tp + high.fp == 0, high
    total = train.total(rules.values())
    assert (total.all.tp, total.all.fp, total.caught) == (110, 132, 111)
