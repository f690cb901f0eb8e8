"""Evaluation of the pre-review rules on a labelled sentence corpus: precision and
recall per category and overall, at sentence level, against the issue's targets.

Normative documents and contracts/agreements are scored apart as well (`per_group`,
`per_kind`): the rules for them differ, and a good score on one must not hide a poor
score on the other. Any JSONL file in the corpus format can be measured (a held-out set
is measured without merging it into the shipped corpus)."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .engine import precheck
from .rules import CATEGORIES, KINDS, VILLAGE_RULES
from .segment import _MARKER

CORPUS = Path(__file__).parent / "corpus" / "sentences.jsonl"
EXAMPLES = Path(__file__).parent / "corpus" / "examples"

# Targets of issue 4 on this corpus.
MIN_OVERALL_RECALL = 0.90
MIN_OVERALL_PRECISION = 0.85
MIN_CATEGORY = 0.75

# The reports: normative documents, contracts with administrative agreements, 村规民约.
GROUPS = {
    "normative": ("normative",),
    "contracts": ("contract", "agreement"),
    "village_rules": ("village_rules",),
}
OPTIONAL_KINDS = VILLAGE_RULES
GROUP_LABELS = {
    "normative": "规范性文件",
    "contracts": "合同与行政协议",
    "village_rules": "村规民约",
}


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def measured(self) -> bool:
        """Whether any sentence was labelled with or flagged for it."""
        return bool(self.tp + self.fp + self.fn)


@dataclass
class Tally:
    """Sentences of one kind (or all): how many, and the overall score on them."""

    score: Score = field(default_factory=Score)
    sentences: int = 0
    positives: int = 0
    negatives: int = 0


@dataclass
class Evaluation:
    """Scores per category and overall, per group and kind, plus the sentences the
    engine got wrong."""

    per_category: dict[str, Score] = field(default_factory=dict)
    overall: Score = field(default_factory=Score)
    sentences: int = 0
    positives: int = 0
    negatives: int = 0
    mistakes: list[tuple[str, str, list[str], list[str]]] = field(default_factory=list)
    # group ("normative", "contracts") → category → score
    per_group: dict[str, dict[str, Score]] = field(default_factory=dict)
    # kind ("normative", "contract", "agreement") and group → overall tally
    per_kind: dict[str, Tally] = field(default_factory=dict)
    group_totals: dict[str, Tally] = field(default_factory=dict)

    def failures(self) -> list[str]:
        """The targets missed, in Chinese; empty when all are met."""
        out = []
        if self.overall.recall < MIN_OVERALL_RECALL:
            out.append(f"总体召回率 {self.overall.recall:.3f} 低于 {MIN_OVERALL_RECALL}")
        if self.overall.precision < MIN_OVERALL_PRECISION:
            out.append(f"总体精确率 {self.overall.precision:.3f} 低于 {MIN_OVERALL_PRECISION}")
        for cat, s in self.per_category.items():
            if s.recall < MIN_CATEGORY:
                out.append(f"{cat} 召回率 {s.recall:.3f} 低于 {MIN_CATEGORY}")
            if s.precision < MIN_CATEGORY:
                out.append(f"{cat} 精确率 {s.precision:.3f} 低于 {MIN_CATEGORY}")
        return out


def group_of(kind: str) -> str:
    return next(g for g, kinds in GROUPS.items() if kind in kinds)


def load_corpus(path: Path = CORPUS) -> list[dict]:
    """The labelled sentences of a JSONL file, one {"text", "kind", "expected"[, "batch"]}
    object a line; a malformed line is refused with its line number."""
    items = []
    with Path(path).open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"{path} 第 {n} 行不是有效的 JSON:{e.msg}") from e
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise ValueError(f"{path} 第 {n} 行缺少 text")
            if item.get("kind") not in KINDS:
                raise ValueError(f"{path} 第 {n} 行的 kind 不是 {'/'.join(KINDS)} 之一")
            expected = item.get("expected")
            if not isinstance(expected, list) or not set(expected) <= set(CATEGORIES):
                raise ValueError(
                    f"{path} 第 {n} 行的 expected 须为类别列表({'、'.join(CATEGORIES)})"
                )
            items.append(item)
    return items


def _count(score: Score, expected: set[str], found: set[str]) -> None:
    score.tp += len(expected & found)
    score.fp += len(found - expected)
    score.fn += len(expected - found)


def evaluate(items: list[dict] | None = None) -> Evaluation:
    """Run every corpus sentence through the engine (sentence checks only) and compare the
    categories found with the labelled ones."""
    items = load_corpus() if items is None else items
    ev = Evaluation(
        per_category={c: Score() for c in CATEGORIES},
        per_group={g: {c: Score() for c in CATEGORIES} for g in GROUPS},
        # 村规民约 is reported only when the corpus holds some (its tables stay out of a
        # measurement of contracts alone); a kind without sentences still reads as empty.
        per_kind=defaultdict(Tally, {k: Tally() for k in KINDS if k not in OPTIONAL_KINDS}),
        group_totals=defaultdict(Tally, {g: Tally() for g in GROUPS if g not in OPTIONAL_KINDS}),
    )
    for item in items:
        kind = item["kind"]
        expected = set(item["expected"])
        found = precheck(item["text"], kind, whole_document=False).categories()
        group = group_of(kind)
        for tally in (ev.per_kind[kind], ev.group_totals[group]):
            tally.sentences += 1
            tally.positives += bool(expected)
            tally.negatives += not expected
            _count(tally.score, expected, found)
        ev.sentences += 1
        if expected:
            ev.positives += 1
        else:
            ev.negatives += 1
        _count(ev.overall, expected, found)
        for cat in expected | found:
            _count(ev.per_category[cat], expected & {cat}, found & {cat})
            _count(ev.per_group[group][cat], expected & {cat}, found & {cat})
        if expected != found:
            ev.mistakes.append((item["text"], kind, sorted(expected), sorted(found)))
    return ev


# ---- real documents ---------------------------------------------------------------------
# Published town and county normative documents with reviewer labels (corpus/real): does
# the engine tell a measure the document *creates* from one it only cites? Files 01–218
# tune the rules (dev: 01–07 from the first round; 08–13, 14–19, 20–30, 31–40, 41–50,
# 51–60, 61–70, 71–80, 81–90, 91–100, 101–110, 111–120 and 121–131 were each held out once
# and measured before joining; 111–120, picked for 限定交易 and 指定 clauses, were the
# round-13 measurement of round 10's reading and tune round 14's; 121–131 measured round
# 14's and tune round 15's; 132–142 measured round 15's and train round 16's 限定交易
# model, confine_model.py; 143–153 measured round 16 and tune round 17; 154–165 measured
# round 17 and tune round 18; 166–177 measured round 18 and train round 19's models, which
# are measured leaving each once-blind group out, train.leave_group_out; 178–189 measured
# round 19 and tune round 20, an eighth such group; 190–200 measured round 20 and are a
# ninth group, round 21 recalibrating high severity on every group's first-seen findings;
# 201–218, round 21's blind set of a reviewer's ordinary week and documents that touch
# business, measured round 21 and a tenth group, round 22 narrowing high for threshold
# rewards; 219–233, round 22's blind set taken in the mirror index's order, measured round
# 22 and tune round 23's readings of the town's own small-works permits and stop-work orders;
# 234–240, round 23's blind set, the rest of the mirror's town index, measured round 23 and
# tune round 24's readings of street offices as issuers and of the street's own departments).
# 241–260 are held out for the next round: blind sets the lead adds and runs once;
# until its files are there, the held-out line says so and is skipped (`held_out_present`).
REAL = Path(__file__).parent / "corpus" / "real"
REAL_DEV = tuple(f"{n:02d}" for n in range(1, 241))
REAL_HELD_OUT = tuple(f"{n:02d}" for n in range(241, 261))
# Said from the split itself, so that moving it (every round) cannot leave a stale label.
REAL_DEV_LABEL = f"开发集 {REAL_DEV[0]}–{REAL_DEV[-1]}"
REAL_HELD_OUT_LABEL = f"留出集 {REAL_HELD_OUT[0]}–"
# Target of issue 14 on the real documents.
MIN_REAL_HIGH_PRECISION = 0.8


@dataclass
class RealEvaluation:
    """Findings on real documents against the labelled sentences."""

    files: list[str] = field(default_factory=list)
    high: Score = field(default_factory=Score)
    all: Score = field(default_factory=Score)
    problems: int = 0
    caught: int = 0
    competition: int = 0
    competition_caught: int = 0
    # (file, category, severity, rule, quote, correct)
    findings: list[tuple[str, str, str, str, str, bool]] = field(default_factory=list)
    missed: list[tuple[str, str, str]] = field(default_factory=list)


def real_files(files, folder: Path = REAL) -> list[Path]:
    """The real documents among `files` (file names or their numbers; None: all)."""
    wanted = set(files) if files is not None else None
    return [
        p
        for p in sorted(Path(folder).glob("*.txt"))
        # The number before the first "-" (not the first two characters: "100-…" is not "10").
        if wanted is None or p.name in wanted or p.name.split("-")[0] in wanted
    ]


def held_out_present(folder: Path = REAL) -> bool:
    """Whether any held-out document is in the folder yet (the lead adds them)."""
    return bool(real_files(REAL_HELD_OUT, folder))


def _squeeze(text: str) -> str:
    """Spaces removed, and the parts the segmenter cuts off a sentence: a leading item
    marker ("4、", "（一）") and the closing 。；. A label copied from the text with its
    marker ("4、畜禽养殖户必须实行圈养…") then matches the finding's quote without it."""
    text = "".join(text.split())
    m = _MARKER.match(text)
    if m:
        text = text[m.end() :]
    return text.rstrip("。；;")


def load_real_labels(folder: Path = REAL) -> list[dict]:
    with (Path(folder) / "labels.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def evaluate_real(files: list[str] | tuple[str, ...] | None = None, folder: Path = REAL):
    """Run the engine on each real document (kind normative). A finding with a paragraph
    is true when its quote matches a labelled sentence (one contains the other, spaces
    ignored) whose expected categories hold the finding's category; document-level
    findings are left out. `files`: file names or their numbers ("07", "100"; None: all)."""
    folder = Path(folder)
    paths = real_files(files, folder)
    names = {p.name for p in paths}
    labels = [item for item in load_real_labels(folder) if item["file"] in names]
    ev = RealEvaluation(files=[p.name for p in paths])
    caught = set()
    for path in paths:
        result = precheck(path.read_text(encoding="utf-8"), "normative")
        mine = [item for item in labels if item["file"] == path.name]
        for f in result.findings:
            if f.paragraph is None:
                continue
            quote = _squeeze(f.quote or "")
            match = [
                item
                for item in mine
                if quote and (quote in _squeeze(item["text"]) or _squeeze(item["text"]) in quote)
            ]
            ok = False
            for item in match:
                if f.category in item["expected"]:
                    ok = True
                    caught.add((item["file"], item["text"], f.category))
            scores = (ev.all, ev.high) if f.severity == "high" else (ev.all,)
            for s in scores:
                if ok:
                    s.tp += 1
                else:
                    s.fp += 1
            ev.findings.append((path.name, f.category, f.severity, f.rule, f.quote or "", ok))
    for item in labels:
        for cat in item["expected"]:
            key = (item["file"], item["text"], cat)
            ev.problems += 1
            ev.caught += key in caught
            if cat == "competition":
                ev.competition += 1
                ev.competition_caught += key in caught
            if key not in caught:
                ev.missed.append((item["file"], cat, item["text"]))
    return ev
