"""A learned second opinion beside the contract and agreement rules (issue 14, round 7).

Six rounds of rules tuned on one blind set each gained only a few points on the next
fresh set: a rule lists wordings, and every new author writes new ones. This module adds a
per-category logistic regression trained on the labelled corpus (`corpus/sentences.jsonl`,
contract and agreement sentences only) and used in two ways (engine.py):

- a rule hit the model finds very unlikely (probability below `DROP_BELOW`) is dropped —
  mostly lawful clauses that carry the rule's words ("不属于垫资", "民营企业的自建工程");
- where no rule of a category fired but the model is confident (above `ADD_ABOVE`), a
  finding is added, worded as what it is: the clause *resembles* clauses of that category
  and should be checked, with the category's legal basis. What the structure layer reads
  as lawful (`CLEARANCES`, `PARAGRAPH_CLEARANCES`, `OUTRANKS`, a payment within 60 days
  waiting for no third party) is not added back.

Features: the sentence's characters in 1–3-grams after the parties are replaced by their
role (government side Ⓖ, company side Ⓒ, from `structure.mentions`), so that "Ⓖ为Ⓒ" (the
town guarantees for the company) and "Ⓒ向Ⓖ" (a guarantee to the town) are different
features whatever the parties are called; plus who is a clause subject, a denial, and
the procedure words (评估, 公开, 招标, 村民会议…).

Deterministic and pure Python: the weights ship as `model_weights.tsv`, made by
`python -m fazhi.reviews.precheck.train` (train.py; a fixed shuffle seed, features in sorted
order); `tests/reviews/test_precheck_model.py` checks that retraining reproduces the file,
so a corpus change without retraining fails the tests. Thresholds and training settings
were chosen by leave-one-blind-set-out measurement (docs/precheck.md, 第七轮).
"""

from __future__ import annotations

import functools
import json
import math
import random
import re
from pathlib import Path

from . import checks, structure
from .rules import CATEGORIES as LABELS
from .rules import COMPANY_PARTY, DOCUMENT_RULES, FRAMES, GOVERNMENT_PARTY, OUTRANKS, RULES, Rule
from .segment import sentences as split_sentences

WEIGHTS = Path(__file__).parent / "model_weights.tsv"
# The categories the model learns and acts on. Not clause_missing (a whole-document
# check), nor arbitration: its rule reads one word in an administrative agreement and had
# recall 1.000 on every blind set, while every arbitration finding a model added in the
# leave-one-set-out measurement was a denial it misread ("本协议不约定仲裁", "不适用仲裁").
CATEGORIES = ("competition", "payment_term", "guarantee", "state_assets", "prefinancing")
DROP_BELOW = 0.003
ADD_ABOVE = 0.7

# Training settings (Adagrad on the L2-regularised log loss, weights averaged over epochs).
EPOCHS = 10
RATE = 0.2
L2 = 1e-3
SEEDS = (0, 1, 2, 3, 4)
MIN_COUNT = 2

_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_MARKS = re.compile(r"[，,；;：:、]")
_SPACE = re.compile(r"\s+")
# Words whose presence a reviewer looks for: the lawful procedure, or its absence.
_PROCEDURE = {
    "评估": "评估",
    "公开": "公开",
    "村民会议": "村民会议",
    "村民代表会议": "村民会议",
    "招标": "招标",
    "挂牌": "挂牌",
    "拍卖": "拍卖",
    "招租": "招租",
    "审计": "审计",
    "决算": "决算",
    "拨付": "拨付",
    "垫": "垫",
}
_ROLE_MARK = {structure.GOV: "Ⓖ", structure.COMPANY: "Ⓒ"}


# The 2- and 3-gram slices of a sentence, made once (slicing through map runs in C).
_MAX_FAST = 1000
_SLICES = {n: [slice(i, i + n) for i in range(_MAX_FAST)] for n in (2, 3)}


# A denial, as the structure layer reads one ("不提供", "无需", "不得"). A wider reading
# (adding "不以…为前提", "不属于", "不构成") was tried and measured no better.
_DENIAL = structure._NEG


def features(text: str, kind: str) -> set[str]:
    """The features of one sentence (see the module docstring)."""
    parties = structure.mentions(text)
    parts, i = [], 0
    for m in parties:
        parts += [text[i : m.start], _ROLE_MARK[m.role]]
        i = m.end
    parts.append(text[i:])
    norm = _MARKS.sub("，", _DIGITS.sub("0", _SPACE.sub("", "".join(parts))))
    s = f"^{norm}$"
    out = set(s)
    if len(s) <= _MAX_FAST:
        out.update(map(s.__getitem__, _SLICES[2][: len(s) - 1]))
        out.update(map(s.__getitem__, _SLICES[3][: len(s) - 2]))
    else:
        out.update(s[i : i + n] for n in (2, 3) for i in range(len(s) - n + 1))
    # What a denial governs: the 2-grams after "不/无需/不得…" in the same clause, marked
    # apart ("本协议不约定仲裁" is not "约定仲裁").
    if _DENIAL.search(norm):
        for clause in norm.split("，"):
            m = _DENIAL.search(clause)
            if m:
                tail = clause[m.end() :]
                out.update("¬" + tail[i : i + 2] for i in range(len(tail) - 1))
    out.add(f"K:{kind}")
    out.update(f"S:{m.role}" for m in parties if structure._is_subject(text, m))
    if structure._NEG.search(text):
        out.add("NEG")
    out.update(f"P:{tag}" for word, tag in _PROCEDURE.items() if word in text)
    return out


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def vocabulary(xs_raw, min_count: int = MIN_COUNT) -> tuple[list[str], list[list[int]]]:
    """The features seen in at least `min_count` sentences, sorted, and each sentence's
    features as sorted indices into them: the first step of both models' training (this one
    and confine_model's), so the two read their vocabulary the same way."""
    counts: dict[str, int] = {}
    for x in xs_raw:
        for f in x:
            counts[f] = counts.get(f, 0) + 1
    vocab = sorted(f for f, n in counts.items() if n >= min_count)
    index = {f: n for n, f in enumerate(vocab)}
    return vocab, [sorted(index[f] for f in x if f in index) for x in xs_raw]


def train(items: list[dict]) -> tuple[list[float], dict[str, list[float]]]:
    """Fit the model on labelled contract and agreement sentences ({"text", "kind",
    "expected"}); returns (bias per category, weights per feature). Deterministic: the
    same items in the same order give the same floats. A feature seen in fewer than
    `MIN_COUNT` sentences is left out (it cannot generalise, and it would bloat the file);
    the weights are averaged over the epochs of `len(SEEDS)` shuffled runs."""
    items = with_parts(items)
    vocab, xs = vocabulary([features(d["text"], d["kind"]) for d in items])
    ys = [[c in d["expected"] for c in CATEGORIES] for d in items]
    k, size = len(CATEGORIES), len(vocab)
    wsum = [[0.0] * size for _ in range(k)]
    bsum = [0.0] * k
    for seed in SEEDS:
        w = [[0.0] * size for _ in range(k)]
        g2 = [[1e-8] * size for _ in range(k)]
        b, gb = [0.0] * k, [1e-8] * k
        order = list(range(len(items)))
        rnd = random.Random(seed)
        for _ in range(EPOCHS):
            rnd.shuffle(order)
            for n in order:
                x, y = xs[n], ys[n]
                for c in range(k):
                    wc, gc = w[c], g2[c]
                    z = b[c]
                    for f in x:
                        z += wc[f]
                    g = _sigmoid(z) - y[c]
                    for f in x:
                        gf = g + L2 * wc[f]
                        gc[f] += gf * gf
                        wc[f] -= RATE * gf / math.sqrt(gc[f])
                    gb[c] += g * g
                    b[c] -= RATE * g / math.sqrt(gb[c])
            for c in range(k):
                sc, wc = wsum[c], w[c]
                for f in range(size):
                    sc[f] += wc[f]
                bsum[c] += b[c]
    runs = EPOCHS * len(SEEDS)
    bias = [round(bsum[c] / runs, 4) for c in range(k)]
    weights = {}
    for f, name in enumerate(vocab):
        row = [round(wsum[c][f] / runs, 4) for c in range(k)]
        if any(row):
            weights[name] = row
    return bias, weights


def with_parts(items: list[dict]) -> list[dict]:
    """The items, plus each sentence of a lawful item the engine cuts into several: the
    engine asks the model about sentences, not items, and every part of a lawful clause is
    lawful ("甲方付款不得以审计结论作为前提；…" must not read as a payment condition once cut
    off). A part of an unlawful item is left out: which part carries the problem is not
    labelled."""
    out = []
    for d in items:
        out.append(d)
        if not d["expected"]:
            parts = [s.text for s in split_sentences([d["text"]])]
            if len(parts) > 1:
                out += [{"text": t, "kind": d["kind"], "expected": []} for t in parts]
    return out


def dump(bias: list[float], weights: dict[str, list[float]]) -> str:
    """The weights file: a header line, the bias line, then one feature a line
    (JSON-quoted name, tab, six weights in CATEGORIES order)."""
    lines = ["# " + " ".join(CATEGORIES), "bias\t" + " ".join(f"{v:g}" for v in bias)]
    lines += [
        json.dumps(name, ensure_ascii=False) + "\t" + " ".join(f"{v:g}" for v in row)
        for name, row in sorted(weights.items())
    ]
    return "\n".join(lines) + "\n"


def parse(text: str) -> tuple[list[float], dict[str, tuple[float, ...]]]:
    lines = text.splitlines()
    bias = [float(v) for v in lines[1].split("\t")[1].split()]
    weights = {}
    for line in lines[2:]:
        name, row = line.rsplit("\t", 1)
        weights[json.loads(name)] = tuple(float(v) for v in row.split())
    return bias, weights


@functools.cache
def _loaded() -> tuple[list[float], dict[str, tuple[float, ...]]]:
    return parse(WEIGHTS.read_text(encoding="utf-8"))


# Weights in use; None means the shipped file. The leave-one-set-out measurement swaps in
# a model trained without the set measured (`use`).
_override: tuple[list[float], dict] | None = None


def use(model: tuple[list[float], dict] | None) -> None:
    global _override
    _override = model


# Off: the rules alone (the measurement's baseline).
ENABLED = True


def probabilities(text: str, kind: str) -> dict[str, float]:
    """The model's probability of each category for one sentence."""
    bias, weights = _override or _loaded()
    # The column sums run in C (zip, sum): a 15,000-character contract has ~500 sentences.
    rows = tuple(filter(None, map(weights.get, features(text, kind))))
    sums = map(sum, zip(*rows, strict=True)) if rows else (0.0,) * len(bias)
    return {c: _sigmoid(b + v) for c, b, v in zip(CATEGORIES, bias, sums, strict=True)}


@functools.cache
def model_rule(category: str) -> Rule:
    """The finding added where no rule fired: medium severity (a resemblance, not a
    reading of the clause), with the legal basis and suggestion of the category's
    structural rule (`<category>.frame`)."""
    base = next(r for r in (*FRAMES, *RULES) if r.id == f"{category}.frame")
    return Rule(
        id=f"model.{category}",
        category=category,
        severity="medium",
        basis=base.basis,
        explanation=(
            f"与“{LABELS[category]}”类条款相似,请核对。规则没有命中这一条款;这是按已标注条款"
            f"训练的统计模型给出的提示,可能有误。此类条款的问题:{base.explanation}"
        ),
        suggestion=base.suggestion,
        kinds=("contract", "agreement"),
    )


# A line that only names a party ("乙方：海屿文旅发展有限公司", "甲方（盖章）："): nothing
# in it to judge, and on so few features the model's score is mostly its bias.
_PARTY_LINE = re.compile(
    rf"^\s*(?:{GOVERNMENT_PARTY}|{COMPANY_PARTY})\s*(?:[（(][^）)]{{0,20}}[）)])?\s*[：:]\s*"
    r"(?:[^，,。；;：:]{0,30}(?:公司|政府|委员会|办事处|合作社|中心|局|集团|厂|社|盖章|签字|签章)"
    r"[）)]?)?\s*[。；;]?\s*$"
)


@functools.cache
def _payment_conditions() -> re.Pattern:
    return next(cf.conditions for cf in structure._frames() if cf.frame.id == "payment_term.frame")


def _lawful_period(text: str) -> bool:
    """A payment fixed within 60 days and waiting for no third party (no approval,
    allocation, audit…: the conditions of `payment_term.frame`) is lawful on its face
    (保障中小企业款项支付条例 第九条); a resemblance does not make it a finding."""
    days = checks.payment_days(text)
    return (
        days is not None
        and days <= 60
        and not structure._condition_holds(_payment_conditions(), text)
    )


def _category(rule) -> str:
    return DOCUMENT_RULES[rule].category if isinstance(rule, str) else rule.category


def second_opinion(hits: list, kind: str, sentences, paragraphs: list[str]) -> list:
    """The sentence hits of a contract or agreement after the model's second opinion:
    rule hits the model finds very unlikely dropped, confident resemblances added (one
    per sentence and category). Whole-document hits (sentence None) pass unchanged."""
    if not ENABLED:
        return hits
    by_sentence: dict[int, set[str]] = {}
    for rule, s in hits:
        if s is not None:
            by_sentence.setdefault(id(s), set()).add(_category(rule))
    probs = {id(s): probabilities(s.text, kind) for s in sentences}
    kept = [
        (rule, s)
        for rule, s in hits
        if s is None
        or _category(rule) not in CATEGORIES
        or probs[id(s)][_category(rule)] >= DROP_BELOW
    ]
    for s in sentences:
        p, found = probs[id(s)], by_sentence.get(id(s), set())
        new = [c for c in CATEGORIES if p[c] > ADD_ABOVE and c not in found]
        if not new or _PARTY_LINE.match(s.text):
            continue
        # What the structure layer clears, the model does not add back: a private
        # employer named in the paragraph, a return paid on an investment (CLEARANCES);
        # nor a concern another one in the sentence explains (OUTRANKS).
        clear = structure.cleared(s.text, paragraphs[s.paragraph])
        # OUTRANKS may name a rule ("payment_term.yearly"); the model cannot tell which
        # wording of its category it resembles, so the whole category stands down.
        clear |= {c.split(".")[0] for top in found if top in OUTRANKS for c in OUTRANKS[top]}
        if "payment_term" in new and _lawful_period(s.text):
            clear.add("payment_term")
        kept += [(model_rule(c), s) for c in new if c not in clear]
    return kept
