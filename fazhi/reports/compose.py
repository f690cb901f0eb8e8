"""The annual 法治政府建设工作总结及工作思路 composed from every app's contribution
(core.annual): the title, a preamble, then legal-rules §7's parts in order —
一、法治建设工作开展情况 (the four chapters of core.annual.CHAPTERS, points numbered 一是、
二是…), 二、存在的问题, 三、党政主要负责人履行推进法治建设第一责任人职责情况,
四、<next year>年工作思路. The officer's edits (prose per point key) replace a point's
text; its figures stay the ledgers' (compose() fills them in each time)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from fazhi.core.annual import CHAPTERS, Contribution, Fact, Point
from fazhi.core.hooks import app_hooks
from fazhi.core.models import OrgUnit
from fazhi.core.officedoc import Block, cn_date

from . import prose

NUMERALS = "一二三四五六七八九十"
PART_TITLES = (
    "法治建设工作开展情况",
    "存在的问题",
    "党政主要负责人履行推进法治建设第一责任人职责情况",
)
_LEADING_ORDINAL = re.compile(rf"^[{NUMERALS}]+是[,，、]?")

Contributor = Callable[[OrgUnit, int], Contribution]
_ENDS = "。;;!！?？:：”)）"


def _closed(text: str) -> str:
    """A paragraph ends with its full stop (a contributor's clause may omit it)."""
    text = text.rstrip()
    return text if not text or text[-1] in _ENDS else text + "。"


def numeral(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (n ≤ 99)."""
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else NUMERALS[tens - 1] + "十")
    return head + (NUMERALS[ones - 1] if ones else "")


@dataclass
class Paragraph:
    """One paragraph of the document: a point (numbered 一是…) or the report's own prose."""

    key: str
    original: str  # the contributor's text ({0}… where the facts go)
    facts: tuple[Fact, ...] = ()
    prefix: str = ""  # "一是" …
    edit: str = ""  # the officer's text, when it still fits the facts
    stale_edit: str = ""  # an edit that no longer fits (the point's figures changed)
    source: str = ""  # the app that contributed it ("" for the report's own prose)

    @property
    def template(self) -> str:
        return self.edit or self.original

    @property
    def edited(self) -> bool:
        return bool(self.edit)

    def text(self) -> str:
        return self.prefix + _closed(self.template.format(*(f.value for f in self.facts)))

    def segments(self) -> list[tuple[str, Fact | None]]:
        """The text as pieces, each figure apart (the preview links it to its records)."""
        out: list[tuple[str, Fact | None]] = [(self.prefix, None)] if self.prefix else []
        for literal, name in prose.parts(self.template):
            if literal:
                out.append((literal, None))
            if name is not None:
                fact = self.facts[int(name)]
                out.append((str(fact.value), fact))
        if _closed(self.template) != self.template:
            out.append(("。", None))
        return out


@dataclass
class Part:
    heading: str
    paragraphs: list[Paragraph] = field(default_factory=list)
    chapters: list[Part] = field(default_factory=list)  # (一)… of part 一 only


@dataclass
class Composition:
    unit: OrgUnit
    year: int
    title: str
    preamble: Paragraph
    parts: list[Part]
    has_data: bool

    def paragraphs(self) -> Iterable[Paragraph]:
        yield self.preamble
        for part in self.parts:
            yield from part.paragraphs
            for chapter in part.chapters:
                yield from chapter.paragraphs

    def paragraph(self, key: str) -> Paragraph | None:
        return next((p for p in self.paragraphs() if p.key == key), None)

    def where(self, key: str) -> str:
        """Where a paragraph stands, for a version's note: "二、存在的问题 一是"."""
        if key == self.preamble.key:
            return "开头"
        for part in self.parts:
            for heading, paragraphs in [(part.heading, part.paragraphs)] + [
                (f"{part.heading[:2]}{c.heading}", c.paragraphs) for c in part.chapters
            ]:
                for p in paragraphs:
                    if p.key == key:
                        return f"{heading} {p.prefix}".strip()
        return key

    def headings(self) -> list[str]:
        out = []
        for part in self.parts:
            out.append(part.heading)
            out.extend(c.heading for c in part.chapters)
        return out

    def blocks(self, signed_on: date) -> list[Block]:
        """The document as core.officedoc blocks (GB/T 9704 layout)."""
        out = [Block("title", self.title), Block("body", self.preamble.text())]
        for part in self.parts:
            out.append(Block("h1", part.heading))
            out.extend(Block("body", p.text()) for p in part.paragraphs)
            for chapter in part.chapters:
                out.append(Block("h2", chapter.heading))
                out.extend(Block("body", p.text()) for p in chapter.paragraphs)
        out.append(Block("right", self.unit.name))
        out.append(Block("right", cn_date(signed_on)))
        return out

    def filename(self) -> str:
        return f"{self.title}.docx"


def title_of(unit: OrgUnit, year: int) -> str:
    return f"{year}年{unit.name}法治政府建设工作总结及{year + 1}年工作思路"


def contributions(unit: OrgUnit, year: int, contributors=None) -> list[tuple[str, Contribution]]:
    """(app, contribution) of every app with annual.py, in INSTALLED_APPS order."""
    found = contributors if contributors is not None else app_hooks("annual", "contribute")
    out = []
    for contribute in found:
        source = getattr(contribute, "__module__", "").split(".")[-2:-1]
        out.append((source[0] if source else "", contribute(unit, year)))
    return out


def _ordered(items: list[tuple[str, Point]]) -> list[tuple[str, Point]]:
    chapters = list(CHAPTERS)
    rank = lambda c: chapters.index(c) if c in chapters else len(chapters)  # noqa: E731
    return sorted(items, key=lambda item: (rank(item[1].chapter), item[1].order))


def _numbered(items, edits) -> list[Paragraph]:
    return [_paragraph(point, edits, f"{numeral(n)}是", source) for n, (source, point) in
            enumerate(_ordered(items), start=1)]  # fmt: skip


def _paragraph(point: Point, edits: dict, prefix: str = "", source: str = "") -> Paragraph:
    original = _LEADING_ORDINAL.sub("", point.text.strip())
    paragraph = Paragraph(point.key, original, tuple(point.facts), prefix, source=source)
    edit = edits.get(point.key, "")
    if edit:
        if prose.refusal(original, len(point.facts), edit) is None:
            paragraph.edit = edit
        else:
            paragraph.stale_edit = edit
    return paragraph


def _own(key: str, text: str, edits: dict) -> Paragraph:
    return _paragraph(Point(key, text), edits)


def compose(unit: OrgUnit, year: int, edits: dict | None = None, contributors=None) -> Composition:
    """The document of `unit`'s `year` (a county: its towns together, as each app's
    contribution counts the unit's subtree). `has_data` is False when no app has a single
    point of work for that year: the caller says so instead of handing out an empty
    document."""
    edits = edits or {}
    found = contributions(unit, year, contributors)
    points = [(s, p) for s, c in found for p in c.points]
    problems = [(s, p) for s, c in found for p in c.problems]
    duty = [(s, p) for s, c in found for p in getattr(c, "duty", [])]
    plans = [(s, p) for s, c in found for p in c.next_year]
    name = unit.name

    work = Part(f"一、{PART_TITLES[0]}")
    by_chapter: dict[str, list] = {}
    for source, point in points:
        by_chapter.setdefault(point.chapter if point.chapter in CHAPTERS else "", []).append(
            (source, point)
        )
    n = 0
    for key, heading in [*CHAPTERS.items(), ("", "其他工作")]:
        if by_chapter.get(key):
            n += 1
            work.chapters.append(
                Part(f"（{numeral(n)}）{heading}", _numbered(by_chapter[key], edits))
            )

    issues = Part(f"二、{PART_TITLES[1]}", _numbered(problems, edits))
    if not issues.paragraphs:
        issues.paragraphs.append(_own("reports.problems", prose.NO_PROBLEMS, edits))
    responsibility = Part(
        f"三、{PART_TITLES[2]}",
        [_own("reports.duty", prose.DUTY.format(unit=name), edits), *_numbered(duty, edits)],
    )
    plan = Part(f"四、{year + 1}年工作思路", _numbered(plans, edits))
    if not plan.paragraphs:
        plan.paragraphs.append(_own("reports.next_year", prose.NEXT_YEAR.format(year=year + 1,
                                                                                  unit=name), edits))  # fmt: skip
    preamble = _own("reports.preamble", prose.PREAMBLE.format(year=year, unit=name), edits)
    return Composition(
        unit=unit,
        year=year,
        title=title_of(unit, year),
        preamble=preamble,
        parts=[work, issues, responsibility, plan],
        has_data=bool(points),
    )
