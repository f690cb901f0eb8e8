"""Training and measuring the second opinion (model.py): the tooling, apart from the engine
so that the engine never imports the evaluation that imports it.

    python -m fazhi.reviews.precheck.train               # rewrite model_weights.tsv
    python -m fazhi.reviews.precheck.train --held-out    # leave-one-blind-set-out table
"""

from __future__ import annotations

import sys

from fazhi.reviews.precheck import model
from fazhi.reviews.precheck.evaluate import evaluate, load_corpus


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


def main(argv: list[str]) -> None:
    if "--held-out" in argv:
        batches = tuple(a for a in argv if a != "--held-out") or HELD_OUT
        print(_report(held_out(batches)))
    else:
        model.WEIGHTS.write_text(model.dump(*model.train(training_items())), "utf-8")
        print(f"已写入 {model.WEIGHTS}")


if __name__ == "__main__":
    main(sys.argv[1:])
