"""督查整改 in the demo town, made through the services as the demo accounts: the
county's special inspection of 海屿镇 about a month ago on its normative documents and
administrative agreements (three findings: two rectified with photo evidence and
closed, one open with its deadline ten days ahead), and the town's own self-inspection
two months ago, concluded "未发现需整改问题". Every step on its planned working day
(fazhi.core.demo_plan), inside `clock.pinned`. Idempotent: an inspection that exists
(same town and title) is left alone."""

from __future__ import annotations

import struct
import zlib
from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core import clock
from fazhi.core.attachments import attachment_add
from fazhi.core.demo_plan import after, require, step_problems, workday_until
from fazhi.core.models import OrgUnit, User

from .models import Inspection
from .services import finding_add, finding_transition, inspection_create, inspection_transition

COUNTY_TITLE = "行政规范性文件和行政协议管理情况专项督查"
COUNTY_BASIS = "县委全面依法治县办《关于开展行政规范性文件和行政协议管理情况专项督查的通知》"
SELF_TITLE = "行政规范性文件管理情况自查"

# (description, basis, owner username, rectification or None for the open one)
COUNTY_FINDINGS = [
    (
        "1件行政规范性文件公布后未在规定期限内报送县司法局备案。",
        "本县行政规范性文件备案审查规定(公布后15日内报送备案)",
        "officer",
        "已于督查后补报备案并经县司法局审查通过;建立公布即报备提醒,纳入法治办周例会检查。",
    ),
    (
        "2份行政协议签订前合法性审查意见未随卷归档,无法反映审查过程。",
        "本县行政协议管理规定(签订前须经合法性审查,审查意见随卷归档)",
        "leader",
        "已补齐两份协议的合法性审查意见并归档;明确由法治办在用印前核对审查意见。",
    ),
    (
        "行政协议台账未及时更新,3份已签订协议未在签订后5个工作日内归档。",
        "本县行政协议管理规定(签订后5个工作日内归档)",
        "cadre",
        None,
    ),
]


def _png(seed: int) -> bytes:
    """A tiny valid PNG (a photo stand-in), different per seed."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    pixel = zlib.compress(bytes([0, seed % 256]))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", pixel) + chunk(b"IEND", b"")


def _user(username: str) -> User:
    # Fresh objects: their membership caches must reflect the memberships just granted.
    return User.objects.get(username=username)


def plan(today: date) -> dict[str, date]:
    """The inspections' days as they stand on `today` (pure: no database)."""
    started = workday_until(today - timedelta(days=25))
    self_started = workday_until(today - timedelta(days=60))
    return {
        "started": started,
        "submitted": after(started, 5),
        "closed": after(started, 10),
        "open_deadline": today + timedelta(days=10),
        "self_started": self_started,
        "self_ended": after(self_started, 3),
    }


def plan_problems(today: date) -> list[str]:
    p = plan(today)
    return step_problems(
        [("督查", p["started"]), ("提交整改", p["submitted"]), ("销号", p["closed"])], today
    ) + step_problems([("自查", p["self_started"]), ("自查结束", p["self_ended"])], today)


def load_inspections_demo(town_code: str) -> list[str]:
    today = clock.today()
    require(plan_problems(today))
    p = plan(today)
    town = OrgUnit.objects.get(code=town_code)
    existing = set(
        Inspection.objects.filter(org_unit=town, title__in=[COUNTY_TITLE, SELF_TITLE]).values_list(
            "title", flat=True
        )
    )
    created = []
    if COUNTY_TITLE not in existing:
        supervisor = _user("supervisor")
        started = p["started"]
        with clock.pinned(started):
            inspection = inspection_create(
                actor=supervisor, org_unit=town, kind=Inspection.Kind.COUNTY, title=COUNTY_TITLE,
                topic=Inspection.Topic.GENERAL, basis=COUNTY_BASIS, started_on=started,
            )  # fmt: skip
            findings = []
            for n, (description, basis, owner, rectification) in enumerate(COUNTY_FINDINGS):
                deadline = p["open_deadline"] if rectification is None else None
                finding = finding_add(
                    actor=supervisor, inspection=inspection, description=description,
                    basis=basis, owner=_user(owner), deadline=deadline, on=started,
                )  # fmt: skip
                findings.append((finding, owner, rectification, n))
            inspection_transition(actor=supervisor, obj=inspection, verb="issue", on=started)
        for finding, owner, rectification, n in findings:
            if rectification is None:
                continue
            actor = _user(owner)
            with clock.pinned(p["submitted"]):
                attachment_add(
                    actor=actor,
                    record=finding,
                    uploaded_file=SimpleUploadedFile(
                        f"整改佐证{n + 1}.png", _png(n + 1), content_type="image/png"
                    ),
                )
                finding_transition(
                    actor=actor, obj=finding, verb="submit", rectification=rectification
                )
            with clock.pinned(p["closed"]):
                finding_transition(
                    actor=supervisor, obj=finding, verb="close", note="整改到位,同意销号",
                    on=p["closed"],
                )  # fmt: skip
        created.append(f"县级专项督查 {COUNTY_TITLE}(3个问题,2个已销号)")
    if SELF_TITLE not in existing:
        officer = _user("officer")
        with clock.pinned(p["self_started"]):
            inspection = inspection_create(
                actor=officer, org_unit=town, kind=Inspection.Kind.SELF, title=SELF_TITLE,
                topic=Inspection.Topic.DOCUMENTS, basis="镇法治建设工作要点",
                started_on=p["self_started"],
            )  # fmt: skip
        with clock.pinned(p["self_ended"]):
            inspection_transition(
                actor=officer, obj=inspection, verb="complete",
                conclusion=Inspection.Conclusion.NO_ISSUES, ended_on=p["self_ended"],
                note="逐件核查本年度制发的行政规范性文件,制发程序、备案和公布均符合规定。",
            )  # fmt: skip
        created.append(f"镇级自查 {SELF_TITLE}(未发现需整改问题)")
    return created


def load_app_demo() -> list[str]:
    """The demo's inspections of the island town."""
    from fazhi.core.demo import ISLAND_TOWN_CODE

    return load_inspections_demo(ISLAND_TOWN_CODE)
