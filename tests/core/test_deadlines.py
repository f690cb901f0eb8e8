"""Statutory periods land on the right day of the official Chinese calendar (rule 5, §0)."""

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from fazhi.core import pending
from fazhi.core.deadlines import deadline, is_workday, pending_items, schedule_known
from fazhi.core.models import HolidayOverride, HolidaySchedule

pytestmark = pytest.mark.django_db

# (start, n, unit, expected) from the State Council's holiday notices of each year.
OFFICIAL_CASES = [
    # 2024 Spring Festival: Feb 10–17 off; Sun Feb 4 and Sun Feb 18 working.
    (date(2024, 2, 8), 3, "workdays", date(2024, 2, 19)),
    (date(2024, 2, 3), 1, "workdays", date(2024, 2, 4)),
    (date(2024, 2, 8), 2, "days", date(2024, 2, 18)),  # day 2 is Sat Feb 10, off until Sun 18
    # 2025 Labour Day: May 1–5 off; the 30th day after Apr 5 is May 5.
    (date(2025, 4, 5), 30, "days", date(2025, 5, 6)),
    (date(2025, 4, 25), 5, "workdays", date(2025, 5, 6)),  # Sun Apr 27 worked; 28, 29, 30, 6
    # 2023 National Day: Sep 29–Oct 6 off; Sat Oct 7 and Sun Oct 8 working.
    (date(2023, 9, 27), 3, "days", date(2023, 10, 7)),
    (date(2023, 9, 27), 3, "workdays", date(2023, 10, 8)),
    (date(2023, 9, 28), 1, "workdays", date(2023, 10, 7)),
    # 2026 (chinese_calendar 1.11): New Year Jan 1–3 off, Sun Jan 4 working;
    # Spring Festival Feb 15–23 off, Sat Feb 14 and Sat Feb 28 working.
    (date(2025, 12, 31), 1, "workdays", date(2026, 1, 4)),
    (date(2026, 2, 12), 5, "workdays", date(2026, 2, 26)),
    (date(2026, 2, 13), 2, "days", date(2026, 2, 24)),
    # A period with no holiday in it: the plain n-th day.
    (date(2025, 3, 3), 15, "days", date(2025, 3, 18)),
]


@pytest.mark.parametrize(("start", "n", "unit", "expected"), OFFICIAL_CASES)
def test_deadline_follows_the_official_schedule(start, n, unit, expected):
    """Given the bundled official calendar, when a period is counted, then it ends on the
    day the notice implies (counted from the next day, rest days skipped or rolled over)."""
    assert deadline(start, n, unit) == expected


def test_working_weekend_is_a_workday_and_weekday_holiday_is_not():
    assert is_workday(date(2024, 2, 18))  # Sunday, 调休 working
    assert not is_workday(date(2024, 2, 14))  # Wednesday, Spring Festival
    assert not is_workday(date(2023, 10, 2))  # Monday, National Day
    assert is_workday(date(2023, 10, 7))  # Saturday, 调休 working


def test_year_without_schedule_falls_back_to_statutory_holidays_and_weekends():
    """Given 2031 (no bundled data, nothing entered), when counting, then the statutory
    holidays and weekends rest — New Year's Day 2031 (a Wednesday) is not a working day."""
    assert not schedule_known(2031)
    assert not is_workday(date(2031, 1, 1))
    assert is_workday(date(2031, 1, 2))
    assert not is_workday(date(2031, 1, 4))  # Saturday
    assert deadline(date(2030, 12, 31), 1, "workdays") == date(2031, 1, 2)
    assert deadline(date(2031, 1, 3), 1, "workdays") == date(2031, 1, 6)  # Fri → Mon
    assert deadline(date(2031, 1, 2), 2, "days") == date(2031, 1, 6)  # Sat Jan 4 → Mon


def test_override_changes_the_result():
    """Given the 2024 case ending Mon Feb 19, when that day is entered as a holiday, then the
    period ends a day later; when a weekend is entered as working, it counts."""
    HolidayOverride.objects.create(date=date(2024, 2, 19), is_workday=False, name="测试")
    assert not is_workday(date(2024, 2, 19))
    assert deadline(date(2024, 2, 8), 3, "workdays") == date(2024, 2, 20)
    HolidayOverride.objects.create(date=date(2031, 1, 4), is_workday=True, name="调休")
    assert deadline(date(2031, 1, 3), 1, "workdays") == date(2031, 1, 4)
    assert deadline(date(2031, 1, 2), 2, "days") == date(2031, 1, 4)


def test_new_year_2027_is_skipped_without_a_schedule():
    """Given 2027 unknown, when 5 working days run from Mon 28 Dec 2026, then Fri 1 Jan 2027
    (元旦) is skipped: 29, 30, 31 Dec, Mon 4 and Tue 5 Jan."""
    assert deadline(date(2026, 12, 28), 5, "workdays") == date(2027, 1, 5)
    assert deadline(date(2026, 12, 31), 1, "days") == date(2027, 1, 4)  # Fri 1 Jan → Mon


def test_spring_festival_2027_is_skipped_without_a_schedule():
    """Given 2027 unknown, then Spring Festival eve (Fri 5 Feb) to 初三 (Mon 8 Feb) rest: a
    count across them jumps from Thu 4 Feb to Tue 9 Feb."""
    assert not schedule_known(2027)
    assert [is_workday(date(2027, 2, d)) for d in range(4, 10)] == [
        True, False, False, False, False, True,
    ]  # fmt: skip
    assert deadline(date(2027, 2, 3), 3, "workdays") == date(2027, 2, 10)  # 4, 9, 10
    assert deadline(date(2027, 2, 4), 1, "workdays") == date(2027, 2, 9)
    assert deadline(date(2027, 2, 3), 2, "days") == date(2027, 2, 9)  # day 2 is eve → Tue


def test_override_wins_over_the_statutory_fallback():
    """Given 2027 unknown, when 初三 (Mon 8 Feb) is entered as working and Mon 4 Jan as a
    holiday, then the entered days count, not the statutory fallback."""
    HolidayOverride.objects.create(date=date(2027, 2, 8), is_workday=True, name="调休")
    HolidayOverride.objects.create(date=date(2027, 1, 4), is_workday=False, name="元旦")
    assert is_workday(date(2027, 2, 8))
    assert not is_workday(date(2027, 1, 4))
    assert deadline(date(2027, 2, 4), 1, "workdays") == date(2027, 2, 8)
    assert deadline(date(2026, 12, 28), 5, "workdays") == date(2027, 1, 6)
    assert deadline(date(2026, 12, 31), 1, "days") == date(2027, 1, 5)


def test_entered_schedule_makes_the_year_known_and_is_used():
    """Given a 2027 schedule entered by hand (a sample, not the real notice), then the year
    is known and its holidays and working weekends count."""
    assert not schedule_known(2027)
    HolidaySchedule.objects.create(year=2027, source="样例通知")
    HolidayOverride.objects.bulk_create(
        [
            HolidayOverride(date=date(2027, 2, d), is_workday=False, name="春节")
            for d in range(8, 13)
        ]
        + [HolidayOverride(date=date(2027, 2, 20), is_workday=True, name="春节调休")]
    )
    assert schedule_known(2027)
    assert deadline(date(2027, 2, 5), 1, "workdays") == date(2027, 2, 15)
    assert deadline(date(2027, 2, 4), 4, "days") == date(2027, 2, 15)
    assert deadline(date(2027, 2, 19), 1, "workdays") == date(2027, 2, 20)


def test_schedule_known_for_bundled_years_only():
    assert schedule_known(2023) and schedule_known(2026)
    assert not schedule_known(2027)
    assert not schedule_known(2003)


@pytest.mark.parametrize("n", [1, 10, 300])
@pytest.mark.parametrize("unit", ["days", "workdays"])
def test_deadline_query_count_does_not_grow_with_n(n, unit, count_queries):
    """Given overrides in the range, when counting n days, then the overrides are read in
    one query whatever n is (never one query per day)."""
    HolidayOverride.objects.create(date=date(2031, 1, 6), is_workday=False)
    assert count_queries(lambda: deadline(date(2031, 1, 1), n, unit)) <= 2


@pytest.mark.parametrize(
    ("n", "unit", "message"),
    [
        (0, "days", "期限天数应为1至36500之间的整数"),
        (-3, "workdays", "期限天数应为1至36500"),
        (40000, "days", "期限天数应为1至36500"),
        (True, "days", "期限天数应为1至36500"),
        (3, "weeks", "期限单位不正确"),
        (3, "", "期限单位不正确"),
    ],
)
def test_bad_length_or_unit_is_refused_in_chinese(n, unit, message):
    with pytest.raises(ValueError, match=message):
        deadline(date(2025, 1, 1), n, unit)


# --- pending warning ------------------------------------------------------------------


def test_sys_admin_is_warned_in_november_when_next_year_is_missing(people):
    """Given 27 Nov 2026 and no 2027 schedule, then the system administrator gets one danger
    item for 2027, due 31 Dec 2026, linking to the holiday page."""
    items = pending_items(people.sys_admin, date(2026, 11, 27))
    assert len(items) == 1
    item = items[0]
    assert item.title == (
        "2027年国务院节假日安排未录入:期限已按法定节假日和周末推算,"
        "调休上班日和调休放假日未知,请录入"
    )
    assert item.level == "danger"
    assert item.due == date(2026, 12, 31)
    assert item.url == reverse("core:holiday_list")
    assert item in pending.collect(people.sys_admin, date(2026, 11, 27))


def test_no_warning_before_november_for_next_year(people):
    assert pending_items(people.sys_admin, date(2026, 10, 31)) == []


def test_current_year_missing_warns_all_year_and_next_year_from_november(people):
    titles = [i.title for i in pending_items(people.sys_admin, date(2027, 3, 1))]
    assert titles == [
        "2027年国务院节假日安排未录入:期限已按法定节假日和周末推算,"
        "调休上班日和调休放假日未知,请录入"
    ]
    items = pending_items(people.sys_admin, date(2027, 11, 1))
    assert [(i.title[:4], i.due) for i in items] == [
        ("2027", date(2026, 12, 31)),
        ("2028", date(2027, 12, 31)),
    ]


def test_warning_disappears_once_the_schedule_is_entered(people):
    HolidaySchedule.objects.create(year=2027, source="样例通知")
    assert pending_items(people.sys_admin, date(2026, 11, 27)) == []


def test_other_roles_get_no_holiday_warning(people):
    """Given the 2027 schedule missing, then nobody but the system administrator is told."""
    others = [u for name, u in vars(people).items() if name not in ("sys_admin", "password")]
    assert others
    for user in others:
        assert pending_items(user, date(2026, 11, 27)) == [], user.username


# --- command ----------------------------------------------------------------------------


def test_command_prints_the_last_day(capsys):
    call_command("deadline", "2024-02-08", "3", "workdays")
    assert capsys.readouterr().out.strip() == "2024-02-19"
    call_command("deadline", "2025-04-05", "30", "days")
    assert capsys.readouterr().out.strip() == "2025-05-06"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["2024-02-30", "3", "days"], "起算日不是有效日期"),
        (["2024-02-08", "三", "days"], "期限天数不是整数"),
        (["2024-02-08", "0", "days"], "1至36500"),
        (["2024-02-08", "3", "weeks"], "期限单位不正确"),
        (["2024-02-08"], "参数不足"),
    ],
)
def test_command_refuses_bad_input_with_exit_code_2(args, message):
    with pytest.raises(CommandError) as exc:
        call_command("deadline", *args)
    assert message in str(exc.value)
    assert exc.value.returncode == 2


def test_command_as_a_process(tmp_path):
    """When run as `manage.py deadline` (on a fresh data dir), then stdout has the date, and
    bad input exits 2 with a Chinese message on stderr."""
    root = Path(__file__).resolve().parents[2]
    # A throwaway SQLite file, whatever database the suite itself runs on.
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "FAZHI_SQLITE_PATH")}
    env["FAZHI_DATA_DIR"] = str(tmp_path)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v", "0"],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
    )
    ok = subprocess.run(
        [sys.executable, "manage.py", "deadline", "2024-02-08", "3", "workdays"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    assert (ok.returncode, ok.stdout.strip()) == (0, "2024-02-19")
    bad = subprocess.run(
        [sys.executable, "manage.py", "deadline", "2024-02-08", "3", "weeks"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2
    assert "期限单位不正确" in bad.stderr and bad.stdout == ""
