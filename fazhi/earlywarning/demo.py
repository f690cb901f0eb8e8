"""社会矛盾预警 in the demo town: after the other apps' demos (INSTALLED_APPS puts this app
after disputes, petitions and grids), the island town is evaluated as of the last working
day before the demo's today, as `fazhi tick` would have done, and the town answers part
of the warnings on that day: the leader records 应对措施 for red warnings (one red is
left open, so the leader's workbench shows it), the law office answers some yellow ones
and dismisses one with its reason. Nothing is invented: warnings exist only for the
matters the other apps' providers offer, in the colours their facts score. Idempotent: a
town that already has warnings is left alone."""

from __future__ import annotations

import logging
from datetime import date, timedelta

from fazhi.core import clock
from fazhi.core.demo_plan import require, step_problems, workday_until
from fazhi.core.models import OrgUnit, User

from .models import Colour, EarlyWarning
from .services import evaluate, providers, warning_dismiss, warning_respond

log = logging.getLogger(__name__)

RED_MEASURES = (
    "镇长主持召开专题研判会,明确包案领导;司法所、派出所、村两委联合上门做稳控和化解工作,"
    "当日与当事人面谈并制定化解方案。"
)
YELLOW_MEASURES = "司法所约谈当事人,说明办理进度和法律途径;网格员每周回访一次,情况变化及时报告。"
DISMISS_REASON = "经司法所现场核实,当事人已达成和解并撤回诉求,风险已消除,系研判时点滞后。"


def plan(today: date) -> dict[str, date]:
    """The evaluation and the answers, on the last working day before `today` (pure)."""
    day = workday_until(today - timedelta(days=1))
    return {"evaluated": day, "answered": day}


def plan_problems(today: date) -> list[str]:
    p = plan(today)
    return step_problems([("研判", p["evaluated"]), ("应对", p["answered"])], today)


def _user(username: str) -> User:
    return User.objects.get(username=username)


def load_earlywarning_demo(town_code: str) -> list[str]:
    if not providers():
        log.warning("社会矛盾预警演示:尚无事项来源(矛盾纠纷、信访、网格走访的 risk.py),未生成预警")
        return []
    today = clock.today()
    require(plan_problems(today))
    p = plan(today)
    town = OrgUnit.objects.get(code=town_code)
    mine = EarlyWarning.objects.filter(org_unit__code__startswith=town.code)
    if mine.exists():
        return []
    created = []
    with clock.pinned(p["evaluated"]):
        result = evaluate(town, p["evaluated"])
    created += [f"{line}" for line in result.lines()]
    open_ = mine.filter(status=EarlyWarning.Status.OPEN).order_by("-score", "id")
    reds = list(open_.filter(colour=Colour.RED))
    yellows = list(open_.filter(colour=Colour.YELLOW))
    leader, officer = _user("leader"), _user("officer")
    with clock.pinned(p["answered"]):
        # Every red but the last is answered by the leader; the last stays on the workbench.
        for w in reds[:-1]:
            warning_respond(actor=leader, warning=w, who="林海峰(镇长)、司法所陈晓燕",
                            measures=RED_MEASURES, on=p["answered"])  # fmt: skip
        for w in yellows[: len(yellows) // 2]:
            warning_respond(actor=officer, warning=w, who="司法所陈晓燕、所在网格网格员",
                            measures=YELLOW_MEASURES, on=p["answered"])  # fmt: skip
        if len(yellows) >= 2:
            warning_dismiss(actor=officer, warning=yellows[-1], reason=DISMISS_REASON)
    counts = {c: mine.filter(colour=c).count() for c in Colour.values}
    created.append(
        f"矛盾预警 红色{counts['red']}条、黄色{counts['yellow']}条、绿色{counts['green']}条"
        f"(已应对{max(len(reds) - 1, 0) + len(yellows) // 2}条)"
    )
    if not counts["red"]:
        log.warning("社会矛盾预警演示:演示数据中没有达到红色分数线的事项(未伪造)")
    return created


def load_app_demo() -> list[str]:
    """The demo's early warnings of the island town."""
    from fazhi.core.demo import ISLAND_TOWN_CODE

    return load_earlywarning_demo(ISLAND_TOWN_CODE)
