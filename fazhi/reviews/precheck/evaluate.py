"""Evaluation of the pre-review rules on the labelled sentence corpus: precision and
recall per category and overall, at sentence level, against the issue's targets."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .engine import precheck
from .rules import CATEGORIES

CORPUS = Path(__file__).parent / "corpus" / "sentences.jsonl"
EXAMPLES = Path(__file__).parent / "corpus" / "examples"

# Targets of issue 4 on this corpus.
MIN_OVERALL_RECALL = 0.90
MIN_OVERALL_PRECISION = 0.85
MIN_CATEGORY = 0.75


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


@dataclass
class Evaluation:
    """Scores per category and overall, plus the sentences the engine got wrong."""

    per_category: dict[str, Score] = field(default_factory=dict)
    overall: Score = field(default_factory=Score)
    sentences: int = 0
    positives: int = 0
    negatives: int = 0
    mistakes: list[tuple[str, str, list[str], list[str]]] = field(default_factory=list)

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


def load_corpus(path: Path = CORPUS) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def evaluate(items: list[dict] | None = None) -> Evaluation:
    """Run every corpus sentence through the engine (sentence checks only) and compare the
    categories found with the labelled ones."""
    items = load_corpus() if items is None else items
    ev = Evaluation(per_category={c: Score() for c in CATEGORIES})
    for item in items:
        expected = set(item["expected"])
        found = precheck(item["text"], item["kind"], whole_document=False).categories()
        ev.sentences += 1
        if expected:
            ev.positives += 1
        else:
            ev.negatives += 1
        for cat in expected | found:
            s = ev.per_category[cat]
            if cat in expected and cat in found:
                s.tp += 1
                ev.overall.tp += 1
            elif cat in found:
                s.fp += 1
                ev.overall.fp += 1
            else:
                s.fn += 1
                ev.overall.fn += 1
        if expected != found:
            ev.mistakes.append((item["text"], item["kind"], sorted(expected), sorted(found)))
    return ev
