"""The annual 法治政府建设工作总结 (and the next year's plan): what each app contributes.

Every fazhi app may have `annual.py` with `contribute(unit, year) -> Contribution`; the
reports app finds them through `core.hooks.app_hooks("annual", "contribute")` (as it
finds `deadlines.py` and `summary.py`), so a module that lands later adds its paragraphs
without touching the report code. The report orders points by chapter, then `order`,
and numbers them 一是、二是… itself (a point's text starts after "一是"). The document's
parts follow legal-rules §7: 一、工作开展情况 (points, by chapter), 二、存在的问题
(problems), 三、党政主要负责人履行推进法治建设第一责任人职责情况 (duty), 四、下一年度工作思路
(next_year).

A number in a sentence is never typed into the text: it is a `Fact` bound to the
records it counts (`url`, a filtered list), written as `{0}`, `{1}` … in `text`. The
officer edits the prose around it; the figure refreshes from its source.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# The seed's four chapters of 一、工作开展情况, in its order (keys are stable ids).
CHAPTERS: dict[str, str] = {
    "organisation": "组织领导到位,压实法治建设主体责任",
    "administration": "落细落实到位,强化提升依法行政能力",
    "publicity": "宣传贯彻到位,夯实法治政府建设基础",
    "governance": "防范化解到位,提升基层治理管理水平",
}


@dataclass(frozen=True)
class Fact:
    """One number of a sentence and the records it counts."""

    value: int | str
    url: str = ""  # a list page filtered to exactly the records counted ("" when none)
    label: str = ""  # what is counted, for the preview's tooltip ("审核行政协议")


@dataclass(frozen=True)
class Point:
    """One paragraph ("一是…") of a chapter, one problem, or one next-year item.

    `key` is stable across rebuilds ("documents.filing"), so an officer's edit of the
    prose stays with its point when the figures refresh.
    """

    key: str
    text: str  # Chinese prose with {0}, {1} … where the facts go
    facts: tuple[Fact, ...] = ()
    chapter: str = ""  # a key of CHAPTERS (points only)
    order: int = 100  # position within the chapter: the seed's order

    def render(self) -> str:
        return self.text.format(*(f.value for f in self.facts))


@dataclass
class Contribution:
    """What one app says of one unit's year. Empty lists when it has nothing to say."""

    points: list[Point] = field(default_factory=list)  # 一、工作开展情况
    problems: list[Point] = field(default_factory=list)  # 二、存在的问题 (from the data)
    next_year: list[Point] = field(default_factory=list)  # 四、下一年度工作思路
    # 三、党政主要负责人履行推进法治建设第一责任人职责情况 (legal-rules §7's third part):
    # e.g. the leaders' 述法 and the secretary chairing the leading group. Optional.
    duty: list[Point] = field(default_factory=list)


# --- cohorts: a figure's records, counted and listed the same way --------------------------
# An app's annual.py names its cohorts `{key: (Model, q(unit, year) -> Q)}` and the list
# each model's records open in `{Model: "app:list_url_name"}`; it binds the two helpers
# below to them (`functools.partial`), instead of writing them again in every app.


def cohort_narrow(cohorts: dict, qs, params):
    """`qs` narrowed to one annual figure's records when `params` carry
    `annual=<key>:<year>:<unit code>`; unchanged otherwise (a malformed value is ignored:
    the list is already scoped to what the user may see)."""
    from types import SimpleNamespace

    try:
        key, year, code = params.get("annual", "").split(":")
        year = int(year)
    except ValueError:
        return qs
    cohort = cohorts.get(key)
    if cohort is None or cohort[0] is not qs.model or not code.isdigit():
        return qs
    return qs.filter(cohort[1](SimpleNamespace(code=code), year))


def cohort_url(lists: dict, model, key: str, year: int, unit, **extra) -> str:
    """The list of `model` narrowed to the cohort `key` of `unit`'s `year`."""
    from urllib.parse import urlencode

    from fazhi.core.links import reverse

    query = urlencode({"annual": f"{key}:{year}:{unit.code}", **extra})
    return reverse(lists[model]) + "?" + query


def cohort_fact(cohorts: dict, lists: dict, unit, year: int, key: str, label: str) -> Fact:
    """The cohort `key` of `unit`'s `year` as a Fact: its count and the list of its records."""
    model, q = cohorts[key]
    n = model.objects.filter(q(unit, year)).count()
    return Fact(n, cohort_url(lists, model, key, year, unit), label)
