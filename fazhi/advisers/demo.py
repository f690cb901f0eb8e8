"""法律顾问 in the demo: 海屿镇 has two advisers — 郑立言 (a lawyer of the fictional 海屿律师事务所,
12 years' practice, linked to the `adviser` login, whose term ends in about 45 days so the
renewal reminder shows) and 林书华 (a law professor) — with a year of consultations, a
negotiation, a litigation, petitions and training sessions, and last year's assessments;
青山镇 has one adviser. Everything through the services, as the demo law officers and
leader. Idempotent: an adviser that exists (same unit and name) is left alone."""

from __future__ import annotations

from datetime import date, timedelta

from django.utils import timezone

from fazhi.core.models import OrgUnit, User

from . import services
from .models import Adviser

ISLAND, SECOND = "339901101", "339901102"

# (kind, days ago, description, hours)
ZHENG_WORK = [
    ("consultation", 330, "就渔港码头岸线租赁合同续签提供法律咨询", "1.5"),
    ("training", 300, "为镇机关干部讲授《行政复议法》修订要点", "2"),
    ("consultation", 270, "就海域使用权纠纷信访件出具法律意见", "2"),
    ("negotiation", 240, "参与海屿镇文旅项目招商引资协议谈判", "6"),
    ("consultation", 200, "就村级工程款支付争议提供法律咨询", "1"),
    ("litigation", 170, "代理镇政府应诉一起政府信息公开行政诉讼", "12"),
    ("petition", 130, "参与化解渔民养殖补偿信访事项", "3"),
    ("consultation", 95, "就出租房屋管理办法起草提供法律咨询", "1.5"),
    ("training", 60, "在东岙村开展民法典进村宣讲", "2"),
    ("consultation", 20, "就保洁服务采购合同付款条款提供法律咨询", "1"),
]
LIN_WORK = [
    ("training", 280, "为镇党委理论学习中心组作法治专题辅导", "2.5"),
    ("consultation", 210, "就规范性文件清理工作提供咨询意见", "2"),
    ("consultation", 140, "就重大行政决策风险评估方法提供咨询", "2"),
    ("training", 45, "为村社干部开展依法履职培训", "3"),
]


def _user(username: str) -> User | None:
    return User.objects.filter(username=username).first()


def _work(officer, adviser, entries, today) -> None:
    for kind, ago, description, hours in entries:
        services.work_entry_create(
            actor=officer,
            adviser=adviser,
            kind=kind,
            date=today - timedelta(days=ago),
            description=description,
            hours=hours,
            today=today,
        )


def load_app_demo(today: date | None = None) -> list[str]:
    today = today or timezone.localdate()
    units = {u.code: u for u in OrgUnit.objects.filter(code__in=[ISLAND, SECOND])}
    officer, leader, adviser_login = _user("officer"), _user("leader"), _user("adviser")
    if ISLAND not in units or officer is None or leader is None:
        return []
    island = units[ISLAND]
    created: list[str] = []
    last_year = today.year - 1

    if not Adviser.objects.filter(org_unit=island, name="郑立言").exists():
        zheng = services.adviser_create(
            actor=officer,
            name="郑立言",
            kind="lawyer",
            institution="海屿律师事务所",
            licence_no="13399201310123457",
            practice_since=date(today.year - 12, 1, 1),
            specialty="行政法、合同法",
            user_id=adviser_login.pk if adviser_login else None,
            today=today,
        )
        end = today + timedelta(days=45)
        start = end.replace(year=end.year - 3) + timedelta(days=1)
        services.appointment_create(
            actor=officer,
            adviser=zheng,
            start=start,
            end=end,
            agreement_ref=f"海屿法顾〔{start.year}〕1号",
        )
        _work(officer, zheng, ZHENG_WORK, today)
        services.assessment_create(
            actor=leader,
            adviser=zheng,
            year=last_year,
            scores={"workload": 28, "timeliness": 19, "quality": 27, "conduct": 19},
            note="全年审核规范性文件和合同协议及时,意见具体可操作,考核优秀,建议续聘。",
            today=today,
        )
        created.append("法律顾问 郑立言 @ 海屿镇")

    if not Adviser.objects.filter(org_unit=island, name="林书华").exists():
        lin = services.adviser_create(
            actor=officer,
            name="林书华",
            kind="expert",
            institution="东海学院法学院",
            specialty="行政法学",
            today=today,
        )
        services.appointment_create(
            actor=officer,
            adviser=lin,
            start=date(last_year, 1, 1),
            end=date(last_year + 2, 12, 31),
            agreement_ref=f"海屿法顾〔{last_year}〕2号",
        )
        _work(officer, lin, LIN_WORK, today)
        services.assessment_create(
            actor=leader,
            adviser=lin,
            year=last_year,
            scores={"workload": 20, "timeliness": 15, "quality": 26, "conduct": 18},
            note="专题辅导质量较高,参与审核件数偏少,考核合格。",
            today=today,
        )
        created.append("法律顾问 林书华 @ 海屿镇")

    second_officer = _user("wuting")
    if (
        SECOND in units
        and second_officer is not None
        and not Adviser.objects.filter(org_unit=units[SECOND], name="许文澜").exists()
    ):
        xu = services.adviser_create(
            actor=second_officer,
            name="许文澜",
            kind="lawyer",
            institution="青山律师事务所",
            licence_no="13399201510234568",
            practice_since=date(today.year - 9, 9, 1),
            org_unit=units[SECOND],
            today=today,
        )
        services.appointment_create(
            actor=second_officer,
            adviser=xu,
            start=date(today.year, 1, 1),
            end=date(today.year + 1, 12, 31),
            agreement_ref=f"青山法顾〔{today.year}〕1号",
        )
        created.append("法律顾问 许文澜 @ 青山镇")
    return created
