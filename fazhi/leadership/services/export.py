"""The ledgers of 组织领导 (.xlsx, audited): leading-group members, meetings and study
sessions, 述法."""

from __future__ import annotations

from fazhi.core.xlsx import Ledger, export_ledger

from .. import selectors


def _iso(d):
    return d.isoformat() if d else ""


def group_export(*, actor, filters: dict) -> Ledger:
    members = list(selectors.members_for_export(actor, **filters))
    rows = (
        [
            m.group.org_unit.name,
            m.group.name,
            str(m.user),
            m.get_role_display(),
            m.duties,
            _iso(m.started_on),
            _iso(m.ended_on) or "在任",
        ]
        for m in members
    )
    return export_ledger(
        actor=actor,
        verb="leading_group.export",
        name="领导小组成员台账_",
        sheets=[
            (
                "领导小组成员",
                ["单位", "领导小组", "成员", "小组职务", "分工职责", "任职开始", "任职结束"],
                rows,
            )
        ],
        counts={"members": len(members)},
        filters=filters,
    )


def meeting_export(*, actor, filters: dict) -> Ledger:
    meetings = list(selectors.meetings_for_export(actor, **filters))
    rows = (
        [
            _iso(m.held_on),
            m.org_unit.name,
            m.get_level_display(),
            m.get_kind_display(),
            m.title,
            m.place,
            str(m.host) if m.host_id else "",
            m.get_status_display(),
            sum(1 for a in m.attendances.all() if a.present),
            "、".join(
                f"{a.user}({a.absence_reason})" for a in m.attendances.all() if not a.present
            ),
            m.agenda,
            m.minutes,
            "\n".join(f"{d.seq}. {d.text}" for d in m.decisions.all()),
        ]
        for m in meetings
    )
    headers = ["会议日期", "单位", "层级", "类型", "会议名称", "地点", "主持人", "状态",
               "出席人数", "缺席及原因", "议程", "会议纪要", "会议决定"]  # fmt: skip
    return export_ledger(
        actor=actor,
        verb="meeting.export",
        name="会议与学习台账_",
        sheets=[("会议与学习", headers, rows)],
        counts={"meetings": len(meetings)},
        filters=filters,
    )


def lawreport_export(*, actor, filters: dict) -> Ledger:
    reports = list(selectors.lawreport_list(actor, **filters))
    rows = (
        [
            r.year,
            r.org_unit.name,
            str(r.reporter),
            r.reporter_title,
            r.get_status_display(),
            _iso(r.due_on),
            r.submitted_at.date().isoformat() if r.submitted_at else "",
            r.meeting.title if r.meeting_id else "",
            _iso(r.meeting.held_on) if r.meeting_id else "",
            r.get_rating_display() if r.rating else "",
            r.review_note,
        ]
        for r in reports
    )
    headers = ["年度", "乡镇", "述法人", "职务", "状态", "截止日期", "提交日期", "述法会议",
               "会议日期", "评议结果", "评议意见"]  # fmt: skip
    return export_ledger(
        actor=actor,
        verb="lawreport.export",
        name="述法台账_",
        sheets=[("述法", headers, rows)],
        counts={"reports": len(reports)},
        filters=filters,
    )
