"""Training and measuring the second opinions (model.py for contracts and agreements,
confine_model.py for 限定交易 in normative documents): the tooling, apart from the engine so
that the engine never imports the evaluation that imports it.

    python -m fazhi.reviews.precheck.train               # rewrite both weights files
    python -m fazhi.reviews.precheck.train --held-out    # leave-one-blind-set-out table
    python -m fazhi.reviews.precheck.train --confine-held-out   # the same for 限定交易
"""

from __future__ import annotations

import re
import sys

from fazhi.reviews.precheck import confine_model, model
from fazhi.reviews.precheck.engine import to_paragraphs
from fazhi.reviews.precheck.evaluate import (
    REAL,
    REAL_DEV,
    _squeeze,
    evaluate,
    evaluate_real,
    load_corpus,
    load_real_labels,
    real_files,
)
from fazhi.reviews.precheck.segment import sentences as split_sentences


def training_items() -> list[dict]:
    """The corpus sentences the model learns from: contracts and agreements."""
    return [d for d in load_corpus() if d["kind"] in ("contract", "agreement")]


HELD_OUT = ("blind-D", "blind-E", "blind-F", "blind-G")


def held_out(batches: tuple[str, ...] = HELD_OUT) -> list[tuple[str, object, object]]:
    """Leave one blind set out: for each, train on every other corpus sentence, then score
    the set with the rules alone and with rules + model. Returns (batch, rules-alone
    evaluation, rules+model evaluation) rows."""
    items = training_items()
    rows = []
    for batch in batches:
        test = [d for d in items if d.get("batch") == batch]
        model.use(model.train([d for d in items if d.get("batch") != batch]))
        try:
            model.ENABLED = False
            before = evaluate(test)
            model.ENABLED = True
            after = evaluate(test)
        finally:
            model.ENABLED = True
            model.use(None)
        rows.append((batch, before, after))
    return rows


def _report(rows) -> str:
    out = []
    for batch, before, after in rows:
        cats = " ".join(
            f"{c} {before.per_category[c].precision:.3f}/{before.per_category[c].recall:.3f}"
            f"→{after.per_category[c].precision:.3f}/{after.per_category[c].recall:.3f}"
            for c in (*model.CATEGORIES, "arbitration")
        )
        out.append(
            f"{batch}: 规则 {before.overall.precision:.3f} / {before.overall.recall:.3f}"
            f"(TP {before.overall.tp} FP {before.overall.fp} FN {before.overall.fn}),"
            f"规则+模型 {after.overall.precision:.3f} / {after.overall.recall:.3f}"
            f"(TP {after.overall.tp} FP {after.overall.fp} FN {after.overall.fn});{cats}"
        )
    return "\n".join(out)


# ---- 限定交易 in normative documents (confine_model.py, round 16) ---------------------------
# Competition labels of the real documents that are not 限定交易 (tax rebates, a list of
# pre-selected builders, a builder or estimator the town sends work to, outside vehicles or
# goods kept out): left out of training, neither positive nor negative. (file number, the
# label's first characters)
NOT_CONFINEMENT = (
    ("09", "对非本区"),
    ("10", "严把企业准入关"),
    ("11", "经镇长办公会"),
    ("14", "限额以下工程"),
    ("18", "①工程初步方案"),
    ("20", "第二款"),
    ("20", "第三款"),
    ("53", "未经县级畜牧"),
    ("99", "固定资产投资"),
    ("126", "外省、市单位"),
    # Round 17: 143–153 joined the dev set. A price fixed, outside builders' admission,
    # local preference and rewards tied to tax or investment are competition, not 限定交易.
    ("143", "米、谷、豆、麦购销价格"),
    ("144", "外地建筑业企业进绩"),
    ("144", "单项工程备案的"),
    ("145", "石城县外贸发展资金"),
    ("146", "必须在本地注册"),
    ("146", "对科技含量高"),
    ("146", "经县招商引资"),
    ("147", "第四条固定资产"),
    ("147", "第三年至第五年"),
    # Round 18: 154–165 joined the dev set. Outside builders made to set up locally, a
    # blacklist, size and industry thresholds, rewards tied to tax or output, registration
    # here and deals by agreement are competition, not 限定交易; 155's three named
    # operators are.
    ("154", "外地企业在建筑建设"),
    ("154", "住建部门、业主单位"),
    ("154", "（二）住建部门"),
    ("154", "付款对象必须是"),
    ("156", "当年单项工程项目"),
    ("157", "对于辖区内物业管理"),
    ("158", "新办企业当年上缴"),
    ("158", "以纳税额10万元"),
    ("158", "企业当年税收首次"),
    ("158", "全县区域内除烟草"),
    ("159", "全县规模工业企业"),
    ("159", "申报此项奖励的"),
    ("159", "以上奖金50%"),
    ("160", "对打造永泰县域"),
    ("161", "第二条 本办法适用于"),
    ("161", "对我区电子商务产业"),
    ("161", "与人民政府签订了"),
    ("161", "一、对在我区注册"),
)
# Sentences of the corpus about money given to operators (tax rebates, subsidies) are
# competition but not 限定交易.
_AID = re.compile(r"税|奖励|补贴|补助|返还|扶持|优惠")


def _is_confinement(item: dict) -> bool:
    number = item["file"].split("-")[0]
    return "competition" in item["expected"] and not any(
        number == n and item["text"].startswith(head) for n, head in NOT_CONFINEMENT
    )


def real_confine_items(files=REAL_DEV) -> list[tuple[str, bool]]:
    """Every sentence of the real documents `files`, positive when it matches a 限定交易
    label (one contains the other, as evaluate_real matches a finding), left out when it
    matches another competition label, negative otherwise."""
    paths = real_files(files)
    names = {p.name for p in paths}
    labels = [d for d in load_real_labels() if d["file"] in names]
    out = []
    for path in paths:
        competition = [
            (_squeeze(d["text"]), _is_confinement(d))
            for d in labels
            if d["file"] == path.name and "competition" in d["expected"]
        ]
        for s in split_sentences(to_paragraphs(path.read_text(encoding="utf-8"))):
            text = _squeeze(s.text)
            if not text:
                continue
            # A fragment of a label ("申报", a heading cut off by the segmenter) is no
            # clause of its own: the other way round only from ten characters.
            match = [c for t, c in competition if t in text or (len(text) >= 10 and text in t)]
            if match and not any(match):
                continue
            out.append((s.text, any(match)))
    return out


def corpus_confine_items(exclude_batches=()) -> list[tuple[str, bool]]:
    """The normative sentences of the corpus: competition without money given (a tax
    rebate is competition but no 限定交易: left out) is positive, the rest negative."""
    out = []
    for d in load_corpus():
        if d["kind"] != "normative" or d.get("batch") in exclude_batches:
            continue
        positive = "competition" in d["expected"]
        if positive and _AID.search(d["text"]):
            continue
        out.append((d["text"], positive))
    return out


def confine_training_items(real=REAL_DEV, exclude_batches=()) -> list[tuple[str, bool]]:
    return real_confine_items(real) + corpus_confine_items(exclude_batches)


# Leave one set out: the two sets that were blind for earlier rounds, each with the corpus
# batches written while looking at it (batch 22 at 121–131 in round 15; batch 23, round
# 16's, after 121–142 had been read; batch 24, round 17's, after 121–153; batch 25, round
# 18's, after 121–165).
CONFINE_HELD_OUT = {
    "121–131": (tuple(f"{n}" for n in range(121, 132)), (22, 23, 24, 25)),
    "132–142": (tuple(f"{n}" for n in range(132, 143)), (23, 24, 25)),
    "143–153": (tuple(f"{n}" for n in range(143, 154)), (24, 25)),
    "154–165": (tuple(f"{n}" for n in range(154, 166)), (25,)),
}


def confine_held_out(sets=CONFINE_HELD_OUT):
    """For each held-out set: train without its documents (and the corpus batches written
    while looking at it), then measure the set with the rules alone and with rules + model.
    Returns (name, rules-alone RealEvaluation, rules+model RealEvaluation, probabilities of
    the set's sentences) rows."""
    rows = []
    for name, (files, batches) in sets.items():
        train_files = tuple(f for f in REAL_DEV if f.lstrip("0") not in files)
        confine_model.use(confine_model.train(confine_training_items(train_files, batches)))
        try:
            confine_model.ENABLED = False
            before = evaluate_real(files, REAL)
            confine_model.ENABLED = True
            after = evaluate_real(files, REAL)
            scored = [(confine_model.probability(t), y, t) for t, y in real_confine_items(files)]
        finally:
            confine_model.ENABLED = True
            confine_model.use(None)
        rows.append((name, before, after, scored))
    return rows


def _real_line(ev) -> str:
    return (
        f"高风险 {ev.high.tp}/{ev.high.tp + ev.high.fp}({ev.high.precision:.3f}),"
        f"全部 {ev.all.tp}/{ev.all.tp + ev.all.fp}({ev.all.precision:.3f}),"
        f"问题识别 {ev.caught}/{ev.problems},限定交易 {ev.competition_caught}/{ev.competition}"
    )


def _confine_report(rows) -> str:
    out = []
    for name, before, after, _ in rows:
        out.append(f"{name} 规则:{_real_line(before)}")
        out.append(f"{name} 规则+模型:{_real_line(after)}")
    return "\n".join(out)


def main(argv: list[str]) -> None:
    if "--held-out" in argv:
        batches = tuple(a for a in argv if a != "--held-out") or HELD_OUT
        print(_report(held_out(batches)))
    elif "--confine-held-out" in argv:
        print(_confine_report(confine_held_out()))
    else:
        model.WEIGHTS.write_text(model.dump(*model.train(training_items())), "utf-8")
        print(f"已写入 {model.WEIGHTS}")
        confine_model.WEIGHTS.write_text(
            confine_model.dump(*confine_model.train(confine_training_items())), "utf-8"
        )
        print(f"已写入 {confine_model.WEIGHTS}")


if __name__ == "__main__":
    main(sys.argv[1:])
