"""`fazhi report annual|ten-day`: the file appears whole or not at all; unknown unit, a
year without data and an unwritable path exit with status 2 and a Chinese message."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import CommandError, call_command

from fazhi.core.officedoc import text_of

from .conftest import YEAR

pytestmark = pytest.mark.django_db


def run(*args):
    call_command("report", *args)


def refused(*args) -> str:
    with pytest.raises(CommandError) as error:
        run(*args)
    assert error.value.returncode == 2
    return str(error.value)


def test_annual_writes_the_document(fake, tree, tmp_path):
    out = tmp_path / "总结.docx"
    run("annual", "--unit", "339901101", "--year", str(YEAR), "--output", str(out))
    assert (
        text_of(out.read_bytes()).splitlines()[0]
        == "2023年海屿镇法治政府建设工作总结及2024年工作思路"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["总结.docx"]  # no temporary left behind


def test_unknown_unit_year_without_data_and_unwritable_paths(fake, tree, tmp_path):
    out = str(tmp_path / "x.docx")
    assert "找不到行政区划代码为“339999999”的单位" in refused(
        "annual", "--unit", "339999999", "--year", "2023", "--output", out
    )
    assert "2019年海屿镇没有任何可写入工作总结的台账数据" in refused(
        "annual", "--unit", "339901101", "--year", "2019", "--output", out
    )
    assert "无法写入文件" in refused(
        "annual",
        "--unit",
        "339901101",
        "--year",
        "2023",
        "--output",
        str(tmp_path / "无此目录" / "x.docx"),
    )
    folder = tmp_path / "已存在的目录.docx"
    folder.mkdir()
    assert "无法写入文件" in refused(
        "annual", "--unit", "339901101", "--year", "2023", "--output", str(folder)
    )
    a_file = tmp_path / "file"
    a_file.write_text("")
    assert "无法写入文件" in refused(
        "annual", "--unit", "339901101", "--year", "2023", "--output", str(a_file / "x.docx")
    )
    assert list(tmp_path.glob("*.docx")) == [folder] and list(folder.iterdir()) == []


def test_a_failure_while_writing_leaves_the_old_file_and_no_temporary(
    fake, tree, tmp_path, monkeypatch
):
    out = tmp_path / "总结.docx"
    out.write_bytes(b"old")

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("fazhi.reports.management.commands.report.os.fsync", fail)
    assert "无法写入文件" in refused(
        "annual", "--unit", "339901101", "--year", "2023", "--output", str(out)
    )
    assert out.read_bytes() == b"old" and [p.name for p in tmp_path.iterdir()] == ["总结.docx"]


def test_ten_day_writes_the_towns_report_of_the_period(tree, people, tmp_path, on_day):
    from fazhi.tenday import services as tenday_services

    on_day(date(2025, 3, 11))
    tenday_services.report_create(
        actor=people.officer, org_unit=tree.town_a, period_start=date(2025, 3, 1)
    )
    out = tmp_path / "旬报.docx"
    run("ten-day", "--unit", "339901101", "--date", "2025-03-05", "--output", str(out))
    assert text_of(out.read_bytes()).splitlines()[0] == "海屿镇法治建设旬报(2025年3月上旬)"
    # no report drafted for 2月下旬: the draft its figures would give
    run("ten-day", "--unit", "339901101", "--date", "2025-02-25", "--output", str(out))
    assert text_of(out.read_bytes()).splitlines()[0] == "海屿镇法治建设旬报(2025年2月下旬)"
    assert "旬报由乡镇报送" in refused(
        "ten-day", "--unit", "339901", "--date", "2025-03-05", "--output", str(out)
    )
    assert "日期“2025-13-01”无效" in refused(
        "ten-day", "--unit", "339901101", "--date", "2025-13-01", "--output", str(out)
    )
