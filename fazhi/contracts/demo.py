"""Demo data of 行政协议与合同: a year of 海屿镇's agreements and contracts (about 100).
The town adopted fazhi in August: January–July came in from its Excel ledger (the import
service, reviews recorded as 线下审核); from August on each contract was registered by the
demo law officer, reviewed by the demo legal adviser through fazhi.reviews, signed,
archived and performed through the services — most closed, a few
still in review, one archive overdue, one SME payment overdue, one term ending soon —
and a few years of 青山镇's history imported from a ledger.

Counterparties are fictional (名称含“示例”) with well-formed credit codes. The steps
are back-dated through the services' `on`/date parameters; the legality reviews, which
fazhi.reviews dates itself, are moved to their demo dates afterwards (demo data only)."""

from __future__ import annotations

import datetime as dt
import random
from io import BytesIO

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

_CC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(n: int, region: str = "339901") -> str:
    """A well-formed 统一社会信用代码 (GB 32100 check digit) for fictional company `n`:
    91 (市场监管, 企业) + region + a 9-character organisation code + the check digit."""
    body = f"91{region}MA2{n:06d}"
    total = sum(_CC_CHARS.index(c) * w for c, w in zip(body, _CC_WEIGHTS, strict=True))
    return body + _CC_CHARS[(31 - total % 31) % 31]


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


def _at(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(10, 0)))


def _plan(today: dt.date):
    """The demo contracts: (fields, created_on, fate), fates: closed / performing / signed
    (archive due) / archive_overdue / review / draft / payment_overdue / term_ending."""
    rng = random.Random(2026)
    items = []
    n = 0
    for category, title, party, (low, high), sme, count in _KINDS:
        for i in range(count):
            n += 1
            place, word = _PLACES[n % len(_PLACES)], _WORDS[n % len(_WORDS)]
            amount = rng.randrange(low, high + 1, 1000) if high > low else low
            fields = {
                "title": title.format(place=place, word=word, n=f"{today.year}-{i + 1:03d}"),
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
                fields.update(tender_method="open", tender_notice_ref=f"HYZB-{today.year}-{n:03d}")
            items.append(fields)
    rng.shuffle(items)
    start = dt.date(today.year, 1, 5)
    span = max((today - dt.timedelta(days=25) - start).days, 30)
    plan = []
    for i, fields in enumerate(items):
        created = start + dt.timedelta(days=span * i // len(items))
        fate = "closed" if i % 3 == 0 else "performing"
        if created < dt.date(today.year, 8, 1):
            fate = "imported"  # before the town adopted fazhi: its Excel ledger
        plan.append([fields, created, fate])
    # The latest few tell the workbench's stories.
    stories = [("review", 3), ("review", 5), ("review", 8), ("draft", 2), ("signed", 4),
               ("archive_overdue", 23), ("payment_overdue", 75), ("term_ending", 120)]  # fmt: skip
    for k, (story, days_ago) in enumerate(stories):
        plan[-1 - k][2] = story
        plan[-1 - k][1] = today - dt.timedelta(days=days_ago)
    return plan


def _workday_after(day: dt.date, n: int) -> dt.date:
    from fazhi.core.deadlines import deadline

    return deadline(day, n, "workdays")


def _ledger_xlsx(history, today: dt.date) -> bytes:
    """海屿镇's ledger of the months before fazhi: reviewed offline, signed, archived."""
    from openpyxl import Workbook

    from . import ledger
    from .models import Category

    wb = Workbook()
    ws = wb.active
    ws.append(ledger.HEADERS)
    for i, (f, created) in enumerate(history, start=1):
        signed = created + dt.timedelta(days=6)
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
            f"HY-HT-{created.year}-L{i:03d}", str(signed + dt.timedelta(days=2)),
        ])  # fmt: skip
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def load_contract_demo(town_code: str, officer_username: str, adviser_username: str) -> list[str]:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from fazhi.core.models import OrgUnit, StatusChange, User
    from fazhi.reviews import checklists
    from fazhi.reviews.models import ReviewRequest
    from fazhi.reviews.selectors import active_review
    from fazhi.reviews.services import review_conclude

    from . import services
    from .ledger import contracts_import
    from .models import Contract

    town = OrgUnit.objects.get(code=town_code)
    if Contract.objects.filter(org_unit=town).exists():
        return []
    officer = User.objects.get(username=officer_username)
    adviser = User.objects.get(username=adviser_username)
    today = timezone.localdate()
    ct = ContentType.objects.get_for_model(Contract)
    answers = {
        kind: {i.key: {"ok": True, "note": ""} for i in checklists.items_for(kind)}
        for kind in ("agreement", "contract")
    }
    opinion = "经审核,协议主体适格,权利义务约定明确,未发现违反法律法规的内容,同意签订。"
    count = 0
    plan = _plan(today)
    history = [(f, created) for f, created, fate in plan if fate == "imported"]
    if history:
        upload = SimpleUploadedFile(f"{town.name}合同台账.xlsx", _ledger_xlsx(history, today))
        count += len(contracts_import(actor=officer, uploaded_file=upload, org_unit=town))
    for fields, created, fate in plan:
        if fate == "imported":
            continue
        if fate == "term_ending":
            fields["term_end"] = str(today + dt.timedelta(days=20))
        c = services.contract_create(actor=officer, org_unit=town, on=created, **fields)
        count += 1
        if fate == "draft":
            continue
        services.contract_transition(
            actor=officer, obj=c, verb="submit_review", reviewer=adviser, on=created
        )
        review = active_review(c)
        if fate == "review":
            ReviewRequest.objects.filter(pk=review.pk).update(
                requested_at=_at(created), due_date=_workday_after(created, 5)
            )
            continue
        reviewed = min(_workday_after(created, 2), today)
        review_conclude(
            actor=adviser, review=review, opinion=opinion, conclusion="passed",
            checklist=answers[review.kind],
        )  # fmt: skip
        ReviewRequest.objects.filter(pk=review.pk).update(
            requested_at=_at(created),
            due_date=_workday_after(created, 5),
            concluded_at=_at(reviewed),
        )
        Contract.objects.filter(pk=c.pk).update(reviewed_on=reviewed)
        c.refresh_from_db()
        signed_on = min(reviewed + dt.timedelta(days=2), today)
        if fate == "archive_overdue":
            signed_on = today - dt.timedelta(days=14)
            Contract.objects.filter(pk=c.pk).update(reviewed_on=min(reviewed, signed_on))
            c.refresh_from_db()
        c = services.contract_transition(actor=officer, obj=c, verb="sign", signed_on=signed_on)
        dates = {
            "create": created,
            "submit_review": created,
            "approve": reviewed,
            "sign": signed_on,
        }
        if fate not in ("signed", "archive_overdue"):
            archived_on = min(_workday_after(signed_on, 2), today)
            c = services.contract_transition(
                actor=officer, obj=c, verb="archive", on=archived_on,
                archive_number=f"HY-HT-{signed_on.year}-{c.pk:04d}",
            )  # fmt: skip
            c = services.contract_transition(actor=officer, obj=c, verb="perform", on=archived_on)
            dates.update(archive=archived_on, perform=archived_on)
            if c.counterparty_is_sme:
                delivered = min(signed_on + dt.timedelta(days=20), today)
                if fate == "payment_overdue":
                    delivered = today - dt.timedelta(days=45)
                p = services.payment_add(
                    actor=officer, contract=c, condition="服务(货物、工程)交付验收合格后",
                    amount=c.amount, delivered_on=delivered,
                )  # fmt: skip
                if fate != "payment_overdue" and p.due_on <= today:
                    paid_on = min(delivered + dt.timedelta(days=18), today)
                    services.payment_record(
                        actor=officer, payment=p, paid_on=paid_on, paid_amount=c.amount
                    )
            if fate == "closed" and c.payments.filter(paid_on__isnull=True).count() == 0:
                done = min(signed_on + dt.timedelta(days=60), today)
                c = services.contract_transition(
                    actor=officer, obj=c, verb="complete", completed_on=max(done, archived_on)
                )
                dates["complete"] = max(done, archived_on)
        rows = list(StatusChange.objects.filter(content_type=ct, object_id=c.pk))
        for row in rows:
            row.at = _at(dates.get(row.verb, created))
        StatusChange.objects.bulk_update(rows, ["at"])
    return [f"合同协议 {town.name} {count}份"]


def _history_xlsx(today: dt.date) -> bytes:
    from openpyxl import Workbook

    from . import ledger

    wb = Workbook()
    ws = wb.active
    ws.append(ledger.HEADERS)
    for i in range(1, 9):
        year = today.year - 1 - i % 2
        signed = dt.date(year, 1 + i, 10)
        ws.append([
            f"青山镇{['山塘整治', '林道养护', '垃圾清运', '路灯维护'][i % 4]}服务合同({year})",
            "采购合同(服务)", f"示例青山{_WORDS[i]}服务有限公司", "否",
            credit_code(500 + i, "339901"), "是", 60_000 + 10_000 * i, str(signed),
            str(dt.date(year, 12, 31)), 30, "否", "否", "向合同签订地人民法院提起诉讼", "", "",
            "", "", "履行完毕", str(signed - dt.timedelta(days=7)), str(signed),
            f"线下审核 青司审〔{year}〕{i}号", f"QS-HT-{year}-{i:03d}",
            str(signed + dt.timedelta(days=3)),
        ])  # fmt: skip
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def load_history_demo(town_code: str, officer_username: str) -> list[str]:
    """青山镇's earlier contracts, imported from an existing ledger."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from fazhi.core.models import OrgUnit, User

    from .ledger import contracts_import
    from .models import Contract

    town = OrgUnit.objects.get(code=town_code)
    if Contract.objects.filter(org_unit=town).exists():
        return []
    officer = User.objects.get(username=officer_username)
    upload = SimpleUploadedFile("青山镇合同台账.xlsx", _history_xlsx(timezone.localdate()))
    created = contracts_import(actor=officer, uploaded_file=upload, org_unit=town)
    return [f"合同台账导入 {town.name} {len(created)}份"]


def load_app_demo() -> list[str]:
    from fazhi.core.demo import ISLAND_TOWN_CODE, SECOND_TOWN_CODE

    return load_contract_demo(ISLAND_TOWN_CODE, "officer", "adviser") + load_history_demo(
        SECOND_TOWN_CODE, "wuting"
    )
