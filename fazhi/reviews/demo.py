"""智能预审 in the demo town: three drafts from the shipped examples, pre-reviewed by the
demo law officer through the service, with some findings already decided by the demo
legal adviser (the rest stay 待确认, so the adviser's workbench has something to do).
Idempotent: a run that exists (same town and title) is left alone."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from fazhi.core import clock
from fazhi.core.demo_plan import workday_until
from fazhi.core.models import OrgUnit, User

from .models import PrecheckFinding, PrecheckRun
from .services import precheck_finding_decide, precheck_run_create

EXAMPLES = Path(__file__).resolve().parent / "precheck" / "corpus" / "examples"

# (title, kind, example file, {rule: (decision, note)})
DEMO_RUNS = [
    (
        "海屿镇出租房屋管理暂行办法(征求意见稿)",
        "normative",
        "draft_normative.txt",
        {
            "licensing.approval": ("accepted", "删除审批要求,改为向村(社区)报送信息。"),
            "fee.charge": ("accepted", "治安管理费无收费依据,删除。"),
            "penalty.fine": ("accepted", "罚款改为提请有权机关依法处理。"),
            "duty.added": (
                "rejected",
                "入住登记系转述公安机关流动人口登记的既有要求,并非本文件新设义务;"
                "建议注明所依据的规定。",
            ),
        },
    ),
    (
        "海屿镇镇区保洁服务采购合同",
        "contract",
        "cleaning_contract.txt",
        {"payment_term.condition": ("accepted", "付款期限改为验收合格后30日内。")},
    ),
    ("海屿镇文旅项目招商引资协议", "agreement", "investment_agreement.txt", {}),
]


def load_precheck_demo(town_code: str, officer_username: str, adviser_username: str) -> list[str]:
    """Create the demo runs of `town_code` that are missing; returns what was created."""
    town = OrgUnit.objects.get(code=town_code)
    existing = set(
        PrecheckRun.objects.filter(org_unit=town, title__in=[r[0] for r in DEMO_RUNS]).values_list(
            "title", flat=True
        )
    )
    missing = [r for r in DEMO_RUNS if r[0] not in existing]
    if not missing:
        return []
    # Fresh users: their membership caches must reflect the memberships just granted.
    officer = User.objects.get(username=officer_username)
    adviser = User.objects.get(username=adviser_username)
    created = []
    # Made on the last working day before today (the demo's steps all lie before it).
    day = workday_until(clock.today() - timedelta(days=1))
    for title, kind, filename, decisions in missing:
        text = (EXAMPLES / filename).read_text(encoding="utf-8")
        with clock.pinned(day):
            run = precheck_run_create(
                actor=officer, title=title, kind=kind, text=text, org_unit=town
            )
            for finding in PrecheckFinding.objects.filter(run=run, rule__in=decisions):
                decision, note = decisions[finding.rule]
                precheck_finding_decide(
                    actor=adviser, finding=finding, decision=decision, note=note
                )
        created.append(f"智能预审 {title}")
    return created


def load_app_demo() -> list[str]:
    """The demo's 智能预审 runs: the island town's officer runs them, its adviser decides."""
    from fazhi.core.demo import ISLAND_TOWN_CODE

    return load_precheck_demo(ISLAND_TOWN_CODE, "officer", "adviser")
