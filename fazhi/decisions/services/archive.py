"""The decision's whole file as one .zip (第三十三条: 履行决策程序形成的记录、材料完整归档):
an index of every step and every document first, then the files, built in memory and
handed out as an audited download."""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass

from django.http import HttpResponse

from fazhi.core import audit
from fazhi.core.attachments import attachments_for
from fazhi.core.permissions import Forbidden, ServiceError, check_role
from fazhi.core.scoping import unit_in_scope
from fazhi.core.workflow import timeline

from .. import params
from ..models import READER_ROLES, Decision
from . import consult
from .common import NOT_FOUND, gate_report

MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass
class ArchiveFile:
    filename: str
    content: bytes

    def response(self) -> HttpResponse:
        from urllib.parse import quote

        resp = HttpResponse(self.content, content_type="application/zip")
        resp["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(self.filename)}"
        resp["X-Content-Type-Options"] = "nosniff"
        return resp


def _parts(d: Decision):
    """(folder, record) of every part of the file that may hold documents."""
    yield "00-决策", d
    for e in d.experts.all():
        yield f"02-专家论证/{e.name}", e
    if getattr(d, "risk", None) is not None:
        yield "03-风险评估", d.risk
    if getattr(d, "discussion", None) is not None:
        yield "05-集体讨论", d.discussion
    for r in d.reports.all():
        yield f"07-执行情况报告/{r.reported_on:%Y%m%d}", r
    for ev in d.evaluations.all():
        yield f"08-决策后评估/{ev.evaluated_on:%Y%m%d}", ev


def _index(d: Decision, files: list[str]) -> str:
    from fazhi.reviews.selectors import reviews_of

    lines = [f"{d} 案卷目录", f"决策机关:{d.org_unit.name}  承办单位:{d.undertaker}", ""]
    lines.append("一、法定程序")
    for g in gate_report(d):
        lines.append(
            f"  {g['label']}({g['articles']}):{'已履行' if not g['missing'] else g['missing']}"
        )
    c = consult.consultation_of(d)
    if c is not None:
        lines.append(
            f"  公开征求意见:{c.starts_on}至{c.ends_on},收到意见{c.comment_count}条,"
            f"未答复{c.unanswered_count}条"
        )
    for h in consult.hearings_of(d):
        lines.append(f"  听证会:{getattr(h, 'title', '')} {getattr(h, 'held_on', '')}")
    for r in reviews_of(d):
        lines.append(
            f"  合法性审查:{r.reviewer} {r.get_status_display()} {r.get_conclusion_display() if r.conclusion else ''}"
        )
        if r.opinion:
            lines.append(f"    审查意见:{r.opinion}")
    if getattr(d, "discussion", None) is not None:
        disc = d.discussion
        lines.append(
            f"  集体讨论:{disc} 参会{'、'.join(disc.attendees)};发言顺序{' → '.join(disc.speaking_order)}"
        )
        if disc.dissent:
            lines.append(f"    不同意见:{disc.dissent}")
    lines += ["", "二、办理过程"]
    for s in timeline(d):
        lines.append(f"  {s.at:%Y-%m-%d %H:%M} {s.label} {s.actor or '系统'} {s.note}".rstrip())
    lines += [
        "",
        "三、决定与公布",
        f"  决定日期:{d.decided_on or '—'}",
        f"  决定内容:{d.decision_text or '—'}",
        f"  公布:{d.published_on or '—'} {d.publish_channel}",
        f"  归档:{d.archived_on or '—'}",
    ]
    lines += ["", "四、材料清单"] + [f"  {i}. {name}" for i, name in enumerate(files, 1)]
    return "\n".join(lines) + "\n"


def decision_archive_file(*, actor, decision: Decision) -> ArchiveFile:
    """The archived decision's file as a .zip; the download is audited."""
    check_role(actor, READER_ROLES, "无权下载决策案卷")
    if not unit_in_scope(actor, decision.org_unit, READER_ROLES):
        raise Forbidden(NOT_FOUND)
    if (
        decision.status not in (Decision.Status.ARCHIVED, Decision.Status.SUPERSEDED)
        or not decision.archived_on
    ):
        raise ServiceError(params.ARCHIVE_FIRST, code="wrong_state")
    buffer, names = io.BytesIO(), []
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        body = (decision.body or "").encode()
        zf.writestr("00-决策/决策草案.txt", body)
        names.append("00-决策/决策草案.txt")
        for folder, record in _parts(decision):
            for i, att in enumerate(attachments_for(record), 1):
                name = f"{folder}/{i:02d}-{att.original_name}"
                try:
                    with att.file.open("rb") as fh:
                        zf.writestr(name, fh.read(MAX_FILE_BYTES))
                except (FileNotFoundError, ValueError):
                    name += "(文件缺失)"
                names.append(name)
        zf.writestr("案卷目录.txt", _index(decision, names).encode())
    audit.record(
        verb="decision.archive_download",
        actor=actor,
        obj=decision,
        changes={"files": len(names)},
    )
    filename = f"{decision.title}-案卷.zip"
    return ArchiveFile(filename, buffer.getvalue())
