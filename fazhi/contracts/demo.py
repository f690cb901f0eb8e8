"""Demo data of 行政协议与合同: about 100 agreements and contracts a year in 海屿镇.
Last year came in from the town's Excel ledger (the import service, reviews recorded as
线下审核), so last year's figures are complete on any day; this year each contract was
registered by the demo law officer, reviewed by the demo legal adviser through
fazhi.reviews, signed, archived and performed through the services — most closed, a few
still in review, one archive overdue, one SME payment overdue, one term ending soon —
and a few years of 青山镇's history imported from a ledger.

Counterparties are fictional (名称含“示例”) with well-formed credit codes. Every date is
planned from the rules (fazhi.core.demo_plan): steps land on working days, each after the
one before, all before today; each step runs inside `clock.pinned(its day)`."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from functools import lru_cache
from io import BytesIO

from fazhi.core import clock
from fazhi.core.deadlines import deadline, overrides_read_once
from fazhi.core.demo_plan import (
    after,
    fit_before,
    require,
    step_problems,
    workday_from,
    workday_until,
)

from .ledger import credit_code

# (category, title pattern, counterparty pattern or None for a person, amount range 元,
#  SME, how many)
_KINDS = [
    (
        "expropriation",
        "海屿镇{place}房屋征收补偿协议({n}号)",
        None,
        (180_000, 1_500_000),
        False,
        34,
    ),
    ("other_agreement", "海屿镇渔船减船转产补助协议({n}号)", None, (80_000, 400_000), False, 14),
    (
        "other_agreement",
        "{place}村级集体经济项目委托管理协议",
        "海屿示例{word}专业合作社",
        (50_000, 300_000),
        True,
        8,
    ),
    (
        "other_agreement",
        "海屿镇{word}招商引资协议",
        "示例{word}旅游开发有限公司",
        (500_000, 3_000_000),
        False,
        6,
    ),
    (
        "concession",
        "海屿镇{place}渡口客运特许经营协议",
        "示例海屿{word}客运有限公司",
        (300_000, 900_000),
        False,
        3,
    ),
    (
        "ppp",
        "海屿镇污水处理设施政府和社会资本合作协议",
        "示例{word}环保科技有限公司",
        (12_000_000, 12_000_000),
        False,
        1,
    ),
    ("housing", "海屿镇保障性住房租赁协议({n}号)", None, (12_000, 36_000), False, 6),
    (
        "resource",
        "{place}海砂开采权出让协议",
        "示例{word}建材有限公司",
        (800_000, 2_000_000),
        False,
        2,
    ),
    (
        "services",
        "海屿镇{place}保洁服务采购合同",
        "示例海屿{word}物业服务有限公司",
        (60_000, 950_000),
        True,
        9,
    ),
    ("goods", "海屿镇{word}设备采购合同", "示例{word}设备有限公司", (30_000, 600_000), True, 6),
    (
        "works",
        "海屿镇{place}道路提升改造工程施工合同",
        "示例{word}建设工程有限公司",
        (300_000, 3_800_000),
        True,
        5,
    ),
    (
        "lease",
        "海屿镇{place}闲置校舍租赁合同",
        "示例海屿{word}文化传媒有限公司",
        (40_000, 120_000),
        True,
        3,
    ),
    ("other_civil", "海屿镇法律顾问服务合同", "示例{word}律师事务所", (60_000, 60_000), False, 1),
]
_PLACES = ["东岙", "西岙", "渔港", "南岙", "北岙", "大岙", "沙头", "镇区", "中心渔村", "海滨"]
_WORDS = [
    "海晟",
    "蓝湾",
    "鸥鹭",
    "潮声",
    "渔火",
    "岛屿",
    "碧波",
    "远帆",
    "海韵",
    "青礁",
    "银滩",
    "晨曦",
]
_PEOPLE = ["陈某某", "林某某", "王某某", "张某某", "黄某某", "吴某某", "郑某某", "周某某"]


def _items(year: int) -> list[dict]:
    """A year's contracts of the island town (fields only), in a fixed random order."""
    return [dict(f) for f in _year_items(year)]


@lru_cache(maxsize=8)
def _year_items(year: int) -> tuple[dict, ...]:
    rng = random.Random(year)
    items = []
    n = 0
    for category, title, party, (low, high), sme, count in _KINDS:
        for i in range(count):
            n += 1
            place, word = _PLACES[n % len(_PLACES)], _WORDS[n % len(_WORDS)]
            amount = rng.randrange(low, high + 1, 1000) if high > low else low
            fields = {
                "title": title.format(place=place, word=word, n=f"{year}-{i + 1:03d}"),
                "category": category,
                "counterparty_name": party.format(word=word)
                if party
                else f"征收户{_PEOPLE[n % 8]}",
                "counterparty_is_person": party is None,
                "counterparty_credit_code": credit_code(n) if party else "",
                "counterparty_is_sme": sme,
                "amount": str(amount),
                "payment_term_days": 30 if sme else None,
                "dispute_resolution": "依法向海屿镇所在地有管辖权的人民法院提起行政诉讼"
                if category not in ("services", "goods", "works", "lease", "other_civil")
                else "向合同签订地人民法院提起诉讼",
            }
            if category == "works" and amount >= 4_000_000:
                fields.update(tender_method="open", tender_notice_ref=f"HYZB-{year}-{n:03d}")
            items.append(fields)
    rng.shuffle(items)
    return tuple(items)


@dataclass
class Story:
    """One demo contract: its fields, its fate and the day of each step it reaches.
    Fates: imported (last year's ledger) / closed / performing / signed (archive due) /
    archive_overdue / review / draft / payment_overdue / term_ending."""

    fields: dict
    fate: str
    created: dt.date
    reviewed: dt.date | None = None
    signed: dt.date | None = None
    archived: dt.date | None = None
    delivered: dt.date | None = None
    paid: dt.date | None = None
    completed: dt.date | None = None

    @property
    def payment_due(self) -> dt.date | None:
        if self.delivered is None:
            return None
        return deadline(self.delivered, int(self.fields["payment_term_days"]), "days")

    def steps(self) -> list[tuple[str, dt.date | None]]:
        return [("登记", self.created), ("审查", self.reviewed), ("签订", self.signed),
                ("归档", self.archived), ("验收", self.delivered), ("付款", self.paid),
                ("履行完毕", self.completed)]  # fmt: skip


def _story(fields: dict, fate: str, start: dt.date, today: dt.date) -> Story:
    """The steps of a contract registered on (the working day from) `start`; a step that
    would fall on or after today is not reached, so the contract stays where it is."""
    s = Story(fields, fate, workday_from(start))
    if fate in ("draft", "review"):
        return s
    s.reviewed = after(s.created, 2)
    s.signed = after(s.reviewed, 1)
    if fate in ("signed", "archive_overdue") or s.signed >= today:
        return s
    s.archived = after(s.signed, 2)
    if s.archived >= today:
        s.archived = None
        return s
    if fields["counterparty_is_sme"]:
        s.delivered = workday_from(s.signed + dt.timedelta(days=20))
        paid = after(s.delivered, 12)
        if s.delivered >= today:
            s.delivered = None
        elif fate != "payment_overdue" and paid < today:
            s.paid = paid
    done = after(s.signed, 40)
    if fate == "closed" and done < today and (s.delivered is None or s.paid):
        s.completed = max(done, s.paid or done)
    return s


# The workbench's stories: (fate, registered about this many days before today).
STORIES = [("review", 3), ("review", 5), ("review", 8), ("draft", 2), ("signed", 4),
           ("archive_overdue", 23), ("payment_overdue", 75), ("term_ending", 120)]  # fmt: skip


def plan(today: dt.date) -> list[Story]:
    """海屿镇's contracts as they stand on `today` (pure: no database)."""
    y1 = today.year - 1
    # Last year, from the ledger: spread over its working days, January to November.
    stories = []
    for i, fields in enumerate(_items(y1)):
        created = workday_from(dt.date(y1, 1, 5) + dt.timedelta(days=320 * i // 100))
        s = Story(fields, "imported", created)
        s.signed = after(created, 4)
        s.archived = after(s.signed, 2)
        stories.append(s)
    # This year, through fazhi: a share of the year's hundred, up to 25 days ago; the
    # workbench's stories take the last few (an overdue SME payment needs an SME).
    items = _items(today.year)
    tellers = []
    for fate, days_ago in STORIES:
        fields = next(f for f in reversed(items) if f["counterparty_is_sme"]
                      or fate != "payment_overdue")  # fmt: skip
        items.remove(fields)
        tellers.append((fate, days_ago, dict(fields)))
    first = dt.date(today.year, 1, 5)
    span = (today - dt.timedelta(days=25) - first).days
    count = max(0, round((len(items) + len(STORIES)) * span / 365))
    for i in range(min(count, len(items))):
        fate = "closed" if i % 3 == 0 else "performing"
        stories.append(_story(items[i], fate, first + dt.timedelta(days=span * i // count), today))
    for fate, days_ago, fields in tellers:
        if fate == "term_ending":
            fields["term_end"] = str(today + dt.timedelta(days=20))

        def build(start, fields=fields, fate=fate):
            return _story(fields, fate, start, today)

        def end(s, fate=fate):
            if fate == "archive_overdue":  # the archive period has run out
                return after(s.signed, 6)
            if fate == "payment_overdue":  # the payment term has run out
                return s.payment_due + dt.timedelta(days=10) if s.delivered else today
            return max(d for _, d in s.steps() if d)

        stories.append(fit_before(build, today - dt.timedelta(days=days_ago), end,
                                  today - dt.timedelta(days=1)))  # fmt: skip
    return stories


def plan_problems(today: dt.date) -> list[str]:
    """What in the plan of `today` a service would refuse or the stories would miss."""
    problems = []
    stories = plan(today)
    for s in stories:
        name = s.fields["title"]
        problems += [f"{name}:{p}" for p in step_problems(s.steps(), today)]
        if s.archived and s.archived > after(s.signed, 5):
            problems.append(f"{name}:未在签订后5个工作日内归档")
        if s.paid and s.paid > s.payment_due:
            problems.append(f"{name}:付款晚于付款期限")
    fates = {s.fate for s in stories}
    for fate, _ in STORIES:
        if fate not in fates:
            problems.append(f"缺少演示情形 {fate}")
    overdue = next(s for s in stories if s.fate == "payment_overdue")
    if overdue.delivered is None or overdue.payment_due >= today:
        problems.append("逾期付款的演示合同尚未逾期")
    last_year = [s for s in stories if s.signed and s.signed.year == today.year - 1]
    if len(last_year) < 90:
        problems.append("上一年度的合同不足90份")
    return problems


def _ledger_xlsx(history: list[Story], today: dt.date) -> bytes:
    """海屿镇's ledger of last year, before fazhi: reviewed offline, signed, archived."""
    from openpyxl import Workbook

    from . import ledger
    from .models import Category

    wb = Workbook()
    ws = wb.active
    ws.append(ledger.HEADERS)
    for i, s in enumerate(history, start=1):
        f, created, signed = s.fields, s.created, s.signed
        done = signed + dt.timedelta(days=45)
        ws.append([
            f["title"], Category(f["category"]).label, f["counterparty_name"],
            "是" if f["counterparty_is_person"] else "否", f["counterparty_credit_code"],
            "是" if f["counterparty_is_sme"] else "否", f["amount"], "", "",
            f["payment_term_days"] or "", "否", "否", f["dispute_resolution"], "",
            {"open": "公开招标"}.get(f.get("tender_method", ""), ""),
            str(created - dt.timedelta(days=20)) if f.get("tender_method") else "",
            f.get("tender_notice_ref", ""), "履行完毕" if done < today else "履行中",
            str(created), str(signed), f"线下审核 海司审〔{created.year}〕{i}号",
            f"HY-HT-{created.year}-L{i:03d}", str(s.archived),
        ])  # fmt: skip
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


class _Replay:
    """Replays a contract's story through the services, each step on its day."""

    def __init__(self, officer, adviser, town):
        from fazhi.reviews import checklists

        self.officer, self.adviser, self.town = officer, adviser, town
        self.answers = {
            kind: {i.key: {"ok": True, "note": ""} for i in checklists.items_for(kind)}
            for kind in ("agreement", "contract")
        }

    def story(self, s: Story) -> None:
        from fazhi.reviews.selectors import active_review
        from fazhi.reviews.services import review_conclude

        from . import services

        officer = self.officer
        with clock.pinned(s.created):
            c = services.contract_create(
                actor=officer, org_unit=self.town, on=s.created, **s.fields
            )
            if s.fate == "draft":
                return
            services.contract_transition(
                actor=officer, obj=c, verb="submit_review", reviewer=self.adviser, on=s.created
            )
        if s.reviewed is None:
            return
        with clock.pinned(s.reviewed):
            review = active_review(c)
            review_conclude(
                actor=self.adviser, review=review, conclusion="passed",
                opinion="经审核,协议主体适格,权利义务约定明确,未发现违反法律法规的内容,同意签订。",
                checklist=self.answers[review.kind],
            )  # fmt: skip
        c.refresh_from_db()
        with clock.pinned(s.signed):
            c = services.contract_transition(actor=officer, obj=c, verb="sign",
                                             signed_on=s.signed)  # fmt: skip
        if s.archived is None:
            return
        with clock.pinned(s.archived):
            c = services.contract_transition(
                actor=officer, obj=c, verb="archive", on=s.archived,
                archive_number=f"HY-HT-{s.signed.year}-{c.pk:04d}",
            )  # fmt: skip
            c = services.contract_transition(actor=officer, obj=c, verb="perform", on=s.archived)
        if s.delivered is not None:
            with clock.pinned(s.delivered):
                p = services.payment_add(
                    actor=officer, contract=c, condition="服务(货物、工程)交付验收合格后",
                    amount=c.amount, delivered_on=s.delivered,
                )  # fmt: skip
            if s.paid is not None:
                with clock.pinned(s.paid):
                    services.payment_record(
                        actor=officer, payment=p, paid_on=s.paid, paid_amount=c.amount
                    )
        if s.completed is not None:
            with clock.pinned(s.completed):
                services.contract_transition(
                    actor=officer, obj=c, verb="complete", completed_on=s.completed
                )


def load_contract_demo(town_code: str, officer_username: str, adviser_username: str) -> list[str]:
    from fazhi.core.models import OrgUnit

    from .models import Contract

    town = OrgUnit.objects.get(code=town_code)
    if Contract.objects.filter(org_unit=town).exists():
        return []
    with overrides_read_once():
        return _load_contract_demo(town, officer_username, adviser_username)


def _load_contract_demo(town, officer_username: str, adviser_username: str) -> list[str]:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from fazhi.core.models import User

    from .services import contracts_import

    today = clock.today()
    require(plan_problems(today))
    officer = User.objects.get(username=officer_username)
    adviser = User.objects.get(username=adviser_username)
    stories = plan(today)
    history = [s for s in stories if s.fate == "imported"]
    with clock.pinned(workday_until(today - dt.timedelta(days=1))) as day:
        upload = SimpleUploadedFile(f"{town.name}合同台账.xlsx", _ledger_xlsx(history, day))
        count = len(contracts_import(actor=officer, uploaded_file=upload, org_unit=town))
    replay = _Replay(officer, adviser, town)
    for s in stories:
        if s.fate != "imported":
            replay.story(s)
            count += 1
    return [f"合同协议 {town.name} {count}份"]


def _history_xlsx(today: dt.date) -> bytes:
    from openpyxl import Workbook

    from . import ledger

    wb = Workbook()
    ws = wb.active
    ws.append(ledger.HEADERS)
    for i in range(1, 9):
        year = today.year - 1 - i % 2
        signed = workday_from(dt.date(year, 1 + i, 10))
        registered = workday_until(signed - dt.timedelta(days=7))
        ws.append([
            f"青山镇{['山塘整治', '林道养护', '垃圾清运', '路灯维护'][i % 4]}服务合同({year})",
            "采购合同(服务)", f"示例青山{_WORDS[i]}服务有限公司", "否",
            credit_code(500 + i, "339901"), "是", 60_000 + 10_000 * i, str(signed),
            str(dt.date(year, 12, 31)), 30, "否", "否", "向合同签订地人民法院提起诉讼", "", "",
            "", "", "履行完毕", str(registered), str(signed),
            f"线下审核 青司审〔{year}〕{i}号", f"QS-HT-{year}-{i:03d}",
            str(after(signed, 3)),
        ])  # fmt: skip
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def load_history_demo(town_code: str, officer_username: str) -> list[str]:
    """青山镇's earlier contracts, imported from an existing ledger."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from fazhi.core.models import OrgUnit, User

    from .models import Contract
    from .services import contracts_import

    town = OrgUnit.objects.get(code=town_code)
    if Contract.objects.filter(org_unit=town).exists():
        return []
    officer = User.objects.get(username=officer_username)
    with clock.pinned(workday_until(clock.today() - dt.timedelta(days=1))) as day:
        upload = SimpleUploadedFile("青山镇合同台账.xlsx", _history_xlsx(day))
        created = contracts_import(actor=officer, uploaded_file=upload, org_unit=town)
    return [f"合同台账导入 {town.name} {len(created)}份"]


def load_app_demo() -> list[str]:
    from fazhi.core.demo import ISLAND_TOWN_CODE, SECOND_TOWN_CODE

    return load_contract_demo(ISLAND_TOWN_CODE, "officer", "adviser") + load_history_demo(
        SECOND_TOWN_CODE, "wuting"
    )
