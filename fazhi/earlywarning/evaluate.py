"""The early-warning score measured on a labelled evaluation set (corpus/cases.jsonl):
synthetic open matters, each with the colour a practitioner would give it and a one-line
reason, half of them green (hard negatives included: a big but calm group, old closed
history, escalation words in a negated context such as "无上访意向").

The measure is whether a matter needs attention: red or yellow ("warned") against green.
Precision: of the matters warned, how many should be; recall: of those that should be,
how many are. The exact colour is reported too (the confusion table), as information.
Run with the DEFAULT parameters; `fazhi warning_eval` prints the table."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from fazhi.core.risk import RiskFacts

from .scoring import COLOUR_LABELS, GREEN, RED, YELLOW, Settings, assess

CORPUS = Path(__file__).parent / "corpus" / "cases.jsonl"
# The day the cases are scored on (deadlines are given relative to it).
DAY = date(2025, 6, 16)
COLOURS = (RED, YELLOW, GREEN)
KINDS = ("dispute", "petition", "key_person")
# The bar of issue 8 for red+yellow against green.
MIN_PRECISION = 0.85
MIN_RECALL = 0.85
_FIELDS = {"id", "kind", "category", "group_size", "repeat_count", "unresolved_earlier",
           "deadline_in", "text", "signals", "expected", "why"}  # fmt: skip


def load_corpus(path: Path = CORPUS) -> list[dict]:
    """The labelled cases, one JSON object a line; a malformed line is refused with its
    number."""
    items = []
    with Path(path).open(encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"{path} 第 {n} 行不是有效的 JSON:{e.msg}") from e
            missing = _FIELDS - set(item) if isinstance(item, dict) else _FIELDS
            if missing:
                raise ValueError(f"{path} 第 {n} 行缺少字段:{'、'.join(sorted(missing))}")
            if item["expected"] not in COLOURS:
                raise ValueError(f"{path} 第 {n} 行的 expected 须为 red/yellow/green")
            if item["kind"] not in KINDS:
                raise ValueError(f"{path} 第 {n} 行的 kind 须为 {'/'.join(KINDS)} 之一")
            if not str(item["why"]).strip():
                raise ValueError(f"{path} 第 {n} 行缺少标注理由 why")
            items.append(item)
    return items


def facts_of(item: dict, n: int = 0) -> RiskFacts:
    """A case as the RiskFacts a provider would yield on DAY."""
    left = item["deadline_in"]
    return RiskFacts(
        kind=item["kind"],
        pk=n,
        org_unit_id=0,
        title=item["id"],
        url="",
        category=item["category"],
        group_size=item["group_size"],
        repeat_count=item["repeat_count"],
        unresolved_earlier=item["unresolved_earlier"],
        deadline=None if left is None else DAY + timedelta(days=left),
        text=item["text"],
        signals=tuple(item["signals"]),
    )


@dataclass
class Evaluation:
    """Counts of expected → scored colour, and the cases scored wrongly."""

    table: dict[str, dict[str, int]] = field(
        default_factory=lambda: {e: {g: 0 for g in COLOURS} for e in COLOURS}
    )
    mistakes: list[tuple[str, str, str, int, str]] = field(default_factory=list)

    @property
    def cases(self) -> int:
        return sum(sum(row.values()) for row in self.table.values())

    def _warned(self, expected: set, got: set) -> int:
        return sum(self.table[e][g] for e in expected for g in got)

    @property
    def tp(self) -> int:
        return self._warned({RED, YELLOW}, {RED, YELLOW})

    @property
    def fp(self) -> int:
        return self._warned({GREEN}, {RED, YELLOW})

    @property
    def fn(self) -> int:
        return self._warned({RED, YELLOW}, {GREEN})

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def exact(self) -> float:
        """Share of cases given exactly their colour."""
        right = sum(self.table[c][c] for c in COLOURS)
        return right / self.cases if self.cases else 1.0

    @property
    def red_recall(self) -> float:
        reds = sum(self.table[RED].values())
        return self.table[RED][RED] / reds if reds else 1.0

    def failures(self) -> list[str]:
        out = []
        if self.precision < MIN_PRECISION:
            out.append(f"红黄预警精确率 {self.precision:.3f} 低于 {MIN_PRECISION}")
        if self.recall < MIN_RECALL:
            out.append(f"红黄预警召回率 {self.recall:.3f} 低于 {MIN_RECALL}")
        return out

    def report(self) -> str:
        """The confusion table and the scores, as `fazhi warning_eval` prints them."""
        head = "标注\\评分   " + "  ".join(f"{COLOUR_LABELS[g]:>4}" for g in COLOURS)
        lines = [f"社会矛盾预警评测集:{self.cases}例(默认参数,评测日 {DAY.isoformat()})", head]
        for e in COLOURS:
            row = "  ".join(f"{self.table[e][g]:>6}" for g in COLOURS)
            lines.append(f"{COLOUR_LABELS[e]:<8}  {row}")
        lines += [
            f"红黄预警(对绿色):精确率 {self.precision:.3f},召回率 {self.recall:.3f}"
            f"(TP {self.tp} / FP {self.fp} / FN {self.fn})",
            f"颜色完全一致 {self.exact:.3f};红色召回率 {self.red_recall:.3f}",
        ]
        if self.mistakes:
            lines.append("评分与标注不一致的案例:")
            lines += [f"  {i} 标注{COLOUR_LABELS[e]} 评分{COLOUR_LABELS[g]}({s}分):{t}"
                      for i, e, g, s, t in self.mistakes]  # fmt: skip
        failures = self.failures()
        lines.append("未达标:" + ";".join(failures) if failures else "全部达标")
        return "\n".join(lines)


def evaluate(items: list[dict] | None = None, settings: Settings | None = None) -> Evaluation:
    """Score every case with `settings` (default: the parameters' defaults)."""
    items = load_corpus() if items is None else items
    settings = settings or Settings.for_unit(None)
    ev = Evaluation()
    for n, item in enumerate(items, 1):
        a = assess(facts_of(item, n), DAY, settings)
        ev.table[item["expected"]][a.colour] += 1
        if a.colour != item["expected"]:
            ev.mistakes.append((item["id"], item["expected"], a.colour, a.score, item["text"]))
    return ev
