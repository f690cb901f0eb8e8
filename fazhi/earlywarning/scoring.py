"""The explainable risk score of one open matter (社会矛盾预警研判).

A score is the sum of named factors, each with the value it read from the matter, the
weight it applied and the points it gave, so the warning page can show why a matter is
red:

- repeat       重复事项: earlier matters of the same people or place within the window
- unresolved   此前未化解: of those, still open
- group        涉及人数: people involved (集体访/群体性纠纷)
- category     类别权重: the matter's category code
- deadline     法定期限: the nearest statutory deadline passed or near
- words        升级词: escalation words in the text, unless negated ("无上访意向") or part
               of a fixed phrase that carries no threat ("村集体经济")
- signals      走访风险信号: risk signals recorded on visits

Score ≥ red threshold → red, ≥ yellow threshold → yellow, else green. Every weight, list
and threshold is a parameter (params.py, local practice). This module reads no database
except the parameters (`Settings.for_unit`), so the evaluation set runs it directly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from fazhi.core.risk import RiskFacts

from . import params as P

RED, YELLOW, GREEN = "red", "yellow", "green"
COLOUR_LABELS = {RED: "红色", YELLOW: "黄色", GREEN: "绿色"}
COLOUR_RANK = {GREEN: 1, YELLOW: 2, RED: 3}

FACTOR_LABELS = {
    "repeat": "重复事项",
    "unresolved": "此前未化解事项",
    "group": "涉及人数",
    "category": "类别权重",
    "deadline": "法定期限",
    "words": "升级词",
    "signals": "走访风险信号",
}

# How the known category codes of the apps read (display only; the weights are the
# parameter's). An unknown code is shown as it is, a county's "local:名称" by its name.
CATEGORY_NAMES = {
    "neighbour": "邻里纠纷", "family": "婚姻家庭", "land_contract": "土地承包",
    "homestead": "宅基地", "labour": "劳资纠纷/劳动社保", "damages": "损害赔偿",
    "property": "物业", "expropriation": "征地拆迁", "land": "征地拆迁",
    "construction": "城乡建设", "fishery": "农业渔业", "environment": "生态环境",
    "welfare": "民政救助", "conduct": "干部作风", "legal": "涉法涉诉", "other": "其他",
    "hardship": "困难群体", "sensitive": "敏感群体", "special": "特殊群体",
}  # fmt: skip

# A clause: negation never reaches across these ("调解未果,扬言上访"). The enumeration
# comma 、 does not end a clause: "无越级上访、进京上访苗头" negates both.
_CLAUSE_END = re.compile(r"[,,。;;!!??\n\r\s]")
_ENUMERATORS = "、和或及与"
# At most this many characters between a negation cue and the word it negates
# ("未发现极端倾向", "不会去上访"), other escalation words and enumerators not counted.
NEGATION_GAP = 3
_SPLIT_ENTRIES = re.compile(r"[,,;;、\s]+")


def parse_weights(text: str) -> dict[str, int]:
    """ "词:分,词:分" → {词: 分}; full-width punctuation accepted, bad entries skipped."""
    out: dict[str, int] = {}
    for entry in _SPLIT_ENTRIES.split(str(text or "")):
        key, sep, raw = entry.replace(":", ":").partition(":")
        key = key.strip()
        if not (key and sep):
            continue
        try:
            out[key] = int(raw.strip())
        except ValueError:
            continue
    return out


def parse_words(text: str) -> list[str]:
    return [w for w in (e.strip() for e in _SPLIT_ENTRIES.split(str(text or ""))) if w]


@dataclass(frozen=True)
class Settings:
    """The parameters in force for one town (read once per town per evaluation)."""

    red: int = P.RED_THRESHOLD.default
    yellow: int = P.YELLOW_THRESHOLD.default
    repeat_points: int = P.REPEAT_POINTS.default
    repeat_cap: int = P.REPEAT_CAP.default
    unresolved_points: int = P.UNRESOLVED_POINTS.default
    unresolved_cap: int = P.UNRESOLVED_CAP.default
    group_steps: tuple[tuple[int, int], ...] = ()
    category_weights: dict = field(default_factory=dict)
    overdue_points: int = P.DEADLINE_OVERDUE_POINTS.default
    near_points: int = P.DEADLINE_NEAR_POINTS.default
    near_days: int = P.DEADLINE_NEAR_DAYS.default
    words: dict = field(default_factory=dict)
    words_cap: int = P.ESCALATION_CAP.default
    negations: tuple[str, ...] = ()
    negation_exceptions: tuple[str, ...] = ()
    scope_breakers: tuple[str, ...] = ()
    exempt: tuple[str, ...] = ()
    signal_points: int = P.SIGNAL_POINTS.default
    signal_cap: int = P.SIGNAL_CAP.default

    @classmethod
    def for_unit(cls, unit) -> Settings:
        """The values in force for `unit` (None: the defaults)."""
        v = lambda p: p.value(unit)  # noqa: E731
        steps = sorted(
            (int(k), pts) for k, pts in parse_weights(v(P.GROUP_POINTS)).items() if k.isdigit()
        )
        return cls(
            red=v(P.RED_THRESHOLD),
            yellow=v(P.YELLOW_THRESHOLD),
            repeat_points=v(P.REPEAT_POINTS),
            repeat_cap=v(P.REPEAT_CAP),
            unresolved_points=v(P.UNRESOLVED_POINTS),
            unresolved_cap=v(P.UNRESOLVED_CAP),
            group_steps=tuple(steps),
            category_weights=parse_weights(v(P.CATEGORY_WEIGHTS)),
            overdue_points=v(P.DEADLINE_OVERDUE_POINTS),
            near_points=v(P.DEADLINE_NEAR_POINTS),
            near_days=v(P.DEADLINE_NEAR_DAYS),
            words=parse_weights(v(P.ESCALATION_WORDS)),
            words_cap=v(P.ESCALATION_CAP),
            negations=tuple(parse_words(v(P.NEGATION_CUES))),
            negation_exceptions=tuple(parse_words(v(P.NEGATION_EXCEPTIONS))),
            scope_breakers=tuple(parse_words(v(P.SCOPE_BREAKERS))),
            exempt=tuple(parse_words(v(P.EXEMPT_PHRASES))),
            signal_points=v(P.SIGNAL_POINTS),
            signal_cap=v(P.SIGNAL_CAP),
        )


@dataclass(frozen=True)
class Factor:
    """One named factor's part of a score, as the warning page shows it."""

    key: str
    value: str  # what was read from the matter, in words
    weight: str  # the rule applied
    points: int

    @property
    def label(self) -> str:
        return FACTOR_LABELS.get(self.key, self.key)

    def as_dict(self) -> dict:
        return {"key": self.key, "label": self.label, "value": self.value,
                "weight": self.weight, "points": self.points}  # fmt: skip


@dataclass(frozen=True)
class Assessment:
    score: int
    colour: str
    factors: tuple[Factor, ...]

    @property
    def rank(self) -> int:
        return COLOUR_RANK[self.colour]

    def factors_json(self) -> list[dict]:
        return [f.as_dict() for f in self.factors]


def colour_of(score: int, s: Settings) -> str:
    if score >= s.red:
        return RED
    return YELLOW if score >= s.yellow else GREEN


def _capped(n: int, each: int, cap: int) -> int:
    return min(max(n, 0) * each, cap)


def _masked(text: str, phrases) -> str:
    """`text` with every exempt phrase blanked out (same length, so positions hold)."""
    for phrase in phrases:
        if phrase:
            text = text.replace(phrase, "□" * len(phrase))
    return text


def _cue_ends(clause: str, s: Settings) -> list[int]:
    """Where each negation cue of `clause` ends (cues that begin an exception such as
    "调解未果" or "投诉无门" do not negate)."""
    ends = []
    for cue in s.negations:
        for m in re.finditer(re.escape(cue), clause):
            if any(clause.startswith(x, m.start()) for x in s.negation_exceptions):
                continue
            ends.append(m.end())
    return sorted(ends)


def _is_negated(clause: str, at: int, cue_ends: list[int], s: Settings) -> bool:
    """Whether the word at `at` stands in the scope of the nearest cue before it."""
    before = [e for e in cue_ends if e <= at]
    if not before:
        return False
    gap = clause[before[-1] : at]
    if any(b in gap for b in s.scope_breakers):
        return False
    for word in s.words:
        gap = gap.replace(word, "")
    gap = "".join(ch for ch in gap if ch not in _ENUMERATORS)
    return len(gap) <= NEGATION_GAP


def escalation_words(text: str, s: Settings) -> tuple[list[tuple[str, int]], list[str]]:
    """([(word, points)] counted, [words seen only in a negated context]). A word counts
    once however often it appears; it is "negated" only when every appearance is."""
    text = _masked(text or "", s.exempt)
    seen: dict[str, bool] = {}  # word → counted at least once
    for clause in _CLAUSE_END.split(text):
        if not clause:
            continue
        cue_ends = _cue_ends(clause, s)
        for word in s.words:
            for m in re.finditer(re.escape(word), clause):
                counted = not _is_negated(clause, m.start(), cue_ends, s)
                seen[word] = seen.get(word, False) or counted
    found = [(w, s.words[w]) for w, counted in seen.items() if counted]
    negated = [w for w, counted in seen.items() if not counted]
    return found, negated


def _group_points(size: int, s: Settings) -> tuple[int, int]:
    """(points, the step reached)."""
    points, reached = 0, 0
    for at_least, pts in s.group_steps:
        if size >= at_least:
            points, reached = pts, at_least
    return points, reached


def assess(facts: RiskFacts, day: date, s: Settings | None = None) -> Assessment:
    """Score one matter as of `day` under settings `s` (default parameters if None)."""
    s = s or DEFAULTS
    factors: list[Factor] = []

    if facts.repeat_count > 0:
        pts = _capped(facts.repeat_count, s.repeat_points, s.repeat_cap)
        factors.append(Factor("repeat", f"{facts.repeat_count}件",
                              f"每件{s.repeat_points}分,最多{s.repeat_cap}分", pts))  # fmt: skip
    if facts.unresolved_earlier > 0:
        pts = _capped(facts.unresolved_earlier, s.unresolved_points, s.unresolved_cap)
        factors.append(Factor("unresolved", f"{facts.unresolved_earlier}件未办结",
                              f"每件{s.unresolved_points}分,最多{s.unresolved_cap}分", pts))  # fmt: skip
    pts, step = _group_points(facts.group_size, s)
    if pts:
        factors.append(Factor("group", f"{facts.group_size}人", f"{step}人以上计{pts}分", pts))
    if facts.category:
        code = facts.category
        plain = code.split(":", 1)[1] if code.startswith("local:") else code
        pts = s.category_weights.get(code, s.category_weights.get(plain, 0))
        name = CATEGORY_NAMES.get(code, plain)
        factors.append(Factor("category", name, "类别权重" if pts else "未列入类别权重", pts))
    if facts.deadline is not None:
        left = (facts.deadline - day).days
        if left < 0:
            factors.append(Factor("deadline", f"已超期{-left}日({facts.deadline.isoformat()})",
                                  "法定期限已过", s.overdue_points))  # fmt: skip
        elif left <= s.near_days:
            factors.append(Factor("deadline", f"还剩{left}日({facts.deadline.isoformat()})",
                                  f"{s.near_days}日内届满", s.near_points))  # fmt: skip
    # The signals first: a word a visit recorded as a signal is the same observation as
    # the word in the visit's text, and counts once (under the signals).
    signals = [sig.strip() for sig in facts.signals if sig and sig.strip()]
    in_signals: set[str] = set()
    if signals:
        each = []
        for sig in signals:
            words, _ = escalation_words(sig, s)
            in_signals.update(w for w, _ in words)
            each.append(s.signal_points + sum(p for _, p in words))
        # The most serious signal counts in full, each further one its base points.
        each.sort(reverse=True)
        raw = each[0] + s.signal_points * (len(each) - 1)
        factors.append(Factor("signals", "、".join(signals),
                              f"最重一条{s.signal_points}分加其中升级词分,其余每条"
                              f"{s.signal_points}分,最多{s.signal_cap}分",
                              min(raw, s.signal_cap)))  # fmt: skip
    found, negated = escalation_words(facts.text, s)
    repeated = [w for w, _ in found if w in in_signals]
    found = [(w, p) for w, p in found if w not in in_signals]
    if found or negated or repeated:
        raw = sum(p for _, p in found)
        value = "、".join(w for w, _ in found) or "无"
        if negated:
            value += f"(否定语境不计:{'、'.join(negated)})"
        if repeated:
            value += f"(已计入走访信号:{'、'.join(repeated)})"
        weight = "、".join(f"{w}{p}" for w, p in found) or "—"
        factors.append(Factor("words", value, f"{weight};最多{s.words_cap}分",
                              min(raw, s.words_cap)))  # fmt: skip
    score = sum(f.points for f in factors)
    return Assessment(score=score, colour=colour_of(score, s), factors=tuple(factors))


DEFAULTS = Settings.for_unit(None)
