"""Drafting a 旬报 from the period's figures of every app (core.summary.collect, the one
registry): figures with value 0 or no sentence, and standing states (Figure.standing), are
left out; the sentences, grouped by
the summary chapter (Figure.section), are the draft's lines."""

from __future__ import annotations

import re

from fazhi.core import summary
from fazhi.core.models import OrgUnit

from .periods import Period

# The order of a town's report (the annual summary's chapters); other sections follow.
SECTIONS = ("组织领导", "依法行政", "普法教育", "基层治理")
NUMERALS = "一二三四五六七八九十"
NOTHING = "本旬无新增业务数据。"
_END = re.compile(r"[。;;,,\s]+$")
OWN_PREFIX = "tenday."  # the 旬报's own on-time figure is not news of the period


def figures_of(town: OrgUnit, period: Period) -> list[dict]:
    out = []
    for f in summary.collect(town, period.start, period.end):
        if f.key.startswith(OWN_PREFIX) or f.standing or not f.value or not f.sentence:
            continue
        out.append(
            {
                "key": f.key,
                "label": f.label,
                # JSON keeps numbers only (an app may count money as Decimal).
                "value": f.value if isinstance(f.value, int | float) else float(f.value),
                "unit": f.unit,
                "sentence": f.sentence,
                "section": f.section or "其他",
            }
        )
    return out


def _order(section: str) -> tuple[int, str]:
    return (SECTIONS.index(section), "") if section in SECTIONS else (len(SECTIONS), section)


def body_of(figures: list[dict]) -> str:
    """The draft text: "一、组织领导" and one line per sentence under it."""
    groups: dict[str, list[str]] = {}
    for f in figures:
        groups.setdefault(f["section"], []).append(_END.sub("", f["sentence"]) + "。")
    if not groups:
        return NOTHING
    lines = []
    for n, section in enumerate(sorted(groups, key=_order)):
        lines.append(f"{NUMERALS[n]}、{section}")
        lines.extend(groups[section])
    return "\n".join(lines)
