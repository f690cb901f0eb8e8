"""Training and measuring the second opinions (model.py for contracts and agreements,
confine_model.py for 限定交易 in normative documents): the tooling, apart from the engine so
that the engine never imports the evaluation that imports it.

    python -m fazhi.reviews.precheck.train               # rewrite both weights files
    python -m fazhi.reviews.precheck.train --held-out    # leave-one-blind-set-out table
    python -m fazhi.reviews.precheck.train --confine-held-out   # the same for 限定交易
    python -m fazhi.reviews.precheck.train --logo        # leave each once-blind group out
"""

from __future__ import annotations

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


# ---- competition in normative documents (confine_model.py, rounds 16 and 19) -------------
# Rounds 16–18 trained on 限定交易 alone and left the other competition labels out (tax
# rebates, local preference, case-by-case deals: a list of 47 labels by hand). Round 19
# trains on every competition label: measured by leaving each once-blind group out, it
# reported more competition on the held-out folds than the 限定交易 model, with fewer false
# findings (docs/precheck.md, 第十九轮).


def real_competition_items(files=REAL_DEV) -> list[tuple[str, bool]]:
    """Every sentence of the real documents `files`, positive when it matches a
    competition label (one contains the other, as evaluate_real matches a finding),
    negative otherwise: the lawful look-alikes labelled [] and every unlabelled sentence."""
    paths = real_files(files)
    names = {p.name for p in paths}
    by_file: dict[str, list[str]] = {}
    for d in load_real_labels():
        if d["file"] in names and "competition" in d["expected"]:
            by_file.setdefault(d["file"], []).append(_squeeze(d["text"]))
    out = []
    for path in paths:
        competition = by_file.get(path.name, [])
        for s in split_sentences(to_paragraphs(path.read_text(encoding="utf-8"))):
            text = _squeeze(s.text)
            if not text:
                continue
            # A fragment of a label ("申报", a heading cut off by the segmenter) is no
            # clause of its own: the other way round only from ten characters.
            out.append(
                (s.text, any(t in text or (len(text) >= 10 and text in t) for t in competition))
            )
    return out


def corpus_competition_items(exclude_batches=()) -> list[tuple[str, bool]]:
    """The normative sentences of the corpus: competition is positive, the rest negative."""
    return [
        (d["text"], "competition" in d["expected"])
        for d in load_corpus()
        if d["kind"] == "normative" and d.get("batch") not in exclude_batches
    ]


def competition_training_items(real=REAL_DEV, exclude_batches=()) -> list[tuple[str, bool]]:
    return real_competition_items(real) + corpus_competition_items(exclude_batches)


# Leave one group out (round 19): every group of real documents that was blind once, each
# with the corpus batches written after it had been read — batch 21 (round 14) after 111–120,
# 22 (round 15) after 121–131, 23 after 132–142, 24 after 143–153, 25 after 154–165 and 26
# (round 20) after 178–189; none yet after 190–200, 201–218, 219–233 or 234–240, the last
# of them. Round 12's batch 20 was written before 101–110 was read and round 13 wrote none.
# The groups before 101 are not folds: their rounds wrote batches 10–20 while tuning on
# several groups at once, and they hold few competition labels.
LOGO_GROUPS = {
    "101–110": (tuple(f"{n}" for n in range(101, 111)), (21, 22, 23, 24, 25, 26)),
    "111–120": (tuple(f"{n}" for n in range(111, 121)), (21, 22, 23, 24, 25, 26)),
    "121–131": (tuple(f"{n}" for n in range(121, 132)), (22, 23, 24, 25, 26)),
    "132–142": (tuple(f"{n}" for n in range(132, 143)), (23, 24, 25, 26)),
    "143–153": (tuple(f"{n}" for n in range(143, 154)), (24, 25, 26)),
    "154–165": (tuple(f"{n}" for n in range(154, 166)), (25, 26)),
    "166–177": (tuple(f"{n}" for n in range(166, 178)), (26,)),
    # Round 20: round 19's blind set. Batch 26 (round 20) was written after every group
    # had been read, so every fold leaves it out.
    "178–189": (tuple(f"{n}" for n in range(178, 190)), (26,)),
    # Round 21: round 20's blind set. Batch 26 was written before it was collected and no
    # batch has been written since, so this fold leaves no batch out.
    "190–200": (tuple(f"{n}" for n in range(190, 201)), ()),
    # Round 22: round 21's blind set. No batch has been written since batch 26 (round 20,
    # before 190–200 was collected), so this fold leaves no batch out either.
    "201–218": (tuple(f"{n}" for n in range(201, 219)), ()),
    # Round 23: round 22's blind set, an eleventh fold; still no batch written since 26.
    "219–233": (tuple(f"{n}" for n in range(219, 234)), ()),
    # Round 24: round 23's blind set, a twelfth fold; no batch written since 26.
    "234–240": (tuple(f"{n}" for n in range(234, 241)), ()),
}
# The name rounds 16–18 used for the same folds (four of them then).
CONFINE_HELD_OUT = LOGO_GROUPS


def train_files_without(files) -> tuple[str, ...]:
    """The dev documents a fold trains on: every one but the group's own."""
    return tuple(f for f in REAL_DEV if f.lstrip("0") not in files)


def leave_group_out(fit, groups=LOGO_GROUPS) -> list[tuple[str, object]]:
    """For each group: `fit(train_files, exclude_batches)` installs what is learned without
    the group's documents and the batches written after it was read, and returns a function
    that undoes it; the group is then measured (evaluate_real). The rules stay the same in
    every fold — they were written looking at every group, so their part of each fold's
    numbers is optimistic; what a fold measures honestly is the learned part."""
    rows = []
    for name, (files, batches) in groups.items():
        undo = fit(train_files_without(files), batches)
        try:
            rows.append((name, evaluate_real(files, REAL)))
        finally:
            undo()
    return rows


def rules_alone(train_files, batches):
    """The baseline fit: no learned second opinion at all."""
    confine_model.ENABLED = False

    def undo():
        confine_model.ENABLED = True

    return undo


def competition_fit(train_files, batches):
    """The shipped competition model, trained without the group."""
    confine_model.use(confine_model.train(competition_training_items(train_files, batches)))
    return lambda: confine_model.use(None)


def confine_held_out(sets=LOGO_GROUPS):
    """For each held-out set: train without its documents (and the corpus batches written
    while looking at it), then measure the set with the rules alone and with rules + model.
    Returns (name, rules-alone RealEvaluation, rules+model RealEvaluation, probabilities of
    the set's sentences) rows."""
    before = dict(leave_group_out(rules_alone, sets))
    rows = []
    for name, (files, batches) in sets.items():
        undo = competition_fit(train_files_without(files), batches)
        try:
            after = evaluate_real(files, REAL)
            scored = [
                (confine_model.probability(t), y, t) for t, y in real_competition_items(files)
            ]
        finally:
            undo()
        rows.append((name, before[name], after, scored))
    return rows


def total(evs):
    """The folds' evaluations added up (counts only)."""
    from fazhi.reviews.precheck.evaluate import RealEvaluation

    out = RealEvaluation()
    for ev in evs:
        for a, b in ((out.high, ev.high), (out.all, ev.all)):
            a.tp, a.fp, a.fn = a.tp + b.tp, a.fp + b.fp, a.fn + b.fn
        out.problems += ev.problems
        out.caught += ev.caught
        out.competition += ev.competition
        out.competition_caught += ev.competition_caught
    return out


def _real_line(ev) -> str:
    return (
        f"高风险 {ev.high.tp}/{ev.high.tp + ev.high.fp}({ev.high.precision:.3f}),"
        f"全部 {ev.all.tp}/{ev.all.tp + ev.all.fp}({ev.all.precision:.3f}),"
        f"问题识别 {ev.caught}/{ev.problems},竞争 {ev.competition_caught}/{ev.competition},"
        f"误报 {ev.all.fp}"
    )


def _confine_report(rows) -> str:
    out = []
    for name, before, after, _ in rows:
        out.append(f"{name} 规则:{_real_line(before)}")
        out.append(f"{name} 规则+模型:{_real_line(after)}")
    return "\n".join(out)


def logo_report(variants: dict) -> str:
    """One line per group and variant, then the folds added up per variant."""
    results = {label: leave_group_out(fit) for label, fit in variants.items()}
    out = []
    for n, name in enumerate(LOGO_GROUPS):
        out += [f"{name} {label}:{_real_line(rows[n][1])}" for label, rows in results.items()]
    out += [
        f"合计 {label}:{_real_line(total(ev for _, ev in rows))}" for label, rows in results.items()
    ]
    return "\n".join(out)


LOGO_VARIANTS = {"规则": rules_alone, "规则+竞争模型": competition_fit}


def main(argv: list[str]) -> None:
    if "--held-out" in argv:
        batches = tuple(a for a in argv if a != "--held-out") or HELD_OUT
        print(_report(held_out(batches)))
    elif "--confine-held-out" in argv:
        print(_confine_report(confine_held_out()))
    elif "--logo" in argv:
        print(logo_report(LOGO_VARIANTS))
    else:
        model.WEIGHTS.write_text(model.dump(*model.train(training_items())), "utf-8")
        print(f"已写入 {model.WEIGHTS}")
        confine_model.WEIGHTS.write_text(
            confine_model.dump(*confine_model.train(competition_training_items())), "utf-8"
        )
        print(f"已写入 {confine_model.WEIGHTS}")


if __name__ == "__main__":
    main(sys.argv[1:])
