"""Excel ledgers (台账): one helper writes a register as .xlsx, streamed from a queryset,
and one records every export in the audit trail (an export is a read of many records that
leaves the system, so it is itself an audited event)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from io import BytesIO
from urllib.parse import quote

from django.http import HttpResponse

from . import audit, clock

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _safe(value):
    # A cell starting with = + - @ would run as a formula when opened: keep it text.
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


Sheet = tuple[str, Sequence[str], Iterable[Sequence]]  # (title, headers, rows)


def build_xlsx_sheets(sheets: Iterable[Sheet]) -> bytes:
    """A workbook of several ledgers, one sheet each, bold headers, formula-safe cells."""
    # openpyxl is imported here, not at the top: every process loads the services that
    # use this module, and only an export needs the library (a tenth of a second).
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    for title, headers, rows in sheets:
        ws = wb.create_sheet(title[:31])
        for i, header in enumerate(headers, start=1):
            ws.column_dimensions[get_column_letter(i)].width = max(10, len(header) * 2 + 4)
        ws.append([_bold(ws, h) for h in headers])
        for row in rows:
            ws.append([_safe(v) for v in row])
    out = BytesIO()
    wb.save(out)
    return out.getvalue()


def build_xlsx(title: str, headers: Sequence[str], rows: Iterable[Sequence]) -> bytes:
    return build_xlsx_sheets([(title, headers, rows)])


def _bold(ws, text):
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    cell = WriteOnlyCell(ws, value=text)
    cell.font = Font(bold=True)
    return cell


def xlsx_response(filename: str, content: bytes) -> HttpResponse:
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{quote(filename)}"
    return response


@dataclass(frozen=True)
class Ledger:
    """An exported ledger: what the browser saves and the bytes of the workbook."""

    filename: str
    content: bytes

    def response(self) -> HttpResponse:
        return xlsx_response(self.filename, self.content)


def export_ledger(
    *,
    actor,
    verb: str,
    name: str,
    sheets: Iterable[Sheet],
    counts: dict,
    filters: dict,
    model=None,
    summary: str = "",
    stamp: str = "",
) -> Ledger:
    """Build the workbook of `sheets` and record the export as `verb` with how many rows
    of what left and under which filters (the empty ones left out); `model` and `summary`
    name what was exported on the audit page; the file is `name` + `stamp` (default: today's
    date). Every `<entity>_export` service ends here, so an export is never unaudited."""
    content = build_xlsx_sheets(sheets)
    audit.record(
        verb=verb,
        actor=actor,
        object_type=model._meta.label_lower if model is not None else "",
        object_repr=summary,
        changes={**counts, **{k: v for k, v in filters.items() if v not in (None, "", [])}},
    )
    return Ledger(f"{name}{stamp or f'{clock.today():%Y%m%d}'}.xlsx", content)
