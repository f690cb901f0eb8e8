"""The holiday pages: only the system administrator keeps the calendar; a schedule entered
for a missing year ends the warning and drives deadlines; bad input writes nothing."""

from datetime import date

import pytest
from django.urls import reverse

from fazhi.core import deadlines
from fazhi.core.models import AuditEvent, HolidayOverride, HolidaySchedule
from fazhi.core.permissions import ServiceError
from fazhi.core.views import holidays as holiday_views

pytestmark = pytest.mark.django_db

LIST = reverse("core:holiday_list")
ENTER = reverse("core:holiday_schedule_enter")
SET = reverse("core:holiday_override_set")

# A sample 2027 schedule for the tests (not the real notice, which is not published yet).
SCHEDULE_2027 = {
    "year": "2027",
    "source": "国办发明电〔2026〕样例号",
    "holidays": "2027-01-01 元旦\n\n2027-02-08 春节\n2027-02-09 春节\n2027-2-10 春节\n"
    "2027-02-11 春节\n2027-02-12 春节",
    "workdays": "2027-02-20 春节调休",
}


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    """The pages are seen on 27 November 2026, when the 2027 schedule is due."""
    monkeypatch.setattr(holiday_views, "_today", lambda: date(2026, 11, 27))


@pytest.fixture
def admin_client(login, people):
    return login(people.sys_admin)


def _nothing_written(audit_before: int) -> None:
    assert not HolidaySchedule.objects.exists()
    assert not HolidayOverride.objects.exists()
    assert AuditEvent.objects.count() == audit_before


def test_list_warns_about_the_missing_year(admin_client):
    """Given 2027 unknown on 27 Nov 2026, when the administrator opens the page, then a
    warning names 2027 and the year table marks it unknown, 2026 known."""
    response = admin_client.get(LIST)
    assert response.status_code == 200
    body = response.content.decode()
    assert "2027年国务院节假日安排未录入:期限已按法定节假日和周末推算,调休上班日和调休放假日未知" in body
    assert 'data-testid="holiday-missing"' in body
    years = {y["year"]: y["known"] for y in response.context["years"]}
    assert years == {2024: True, 2025: True, 2026: True, 2027: False, 2028: False}


def test_entering_2027_ends_the_warning_and_drives_deadlines(admin_client, people):
    """Given the warning, when the administrator enters the 2027 schedule, then it is saved
    with an audit event, the warning is gone and 2027 deadlines skip its holidays."""
    assert deadlines.deadline(date(2027, 2, 5), 1, "workdays") == date(2027, 2, 9)
    audit_before = AuditEvent.objects.count()
    response = admin_client.post(ENTER, SCHEDULE_2027)
    assert response.status_code == 302 and response.url == LIST
    schedule = HolidaySchedule.objects.get(year=2027)
    assert schedule.source == SCHEDULE_2027["source"]
    assert HolidayOverride.objects.filter(date__year=2027, is_workday=False).count() == 6
    assert HolidayOverride.objects.get(date=date(2027, 2, 20)).is_workday
    assert AuditEvent.objects.count() == audit_before + 1
    event = AuditEvent.objects.latest("id")
    assert event.verb == "holiday.schedule_enter" and event.actor_id == people.sys_admin.pk

    body = admin_client.get(LIST).content.decode()
    assert "2027年法定节假日安排未录入" not in body
    assert SCHEDULE_2027["source"] in body
    assert deadlines.pending_items(people.sys_admin, date(2026, 11, 27)) == []
    assert deadlines.deadline(date(2027, 2, 5), 1, "workdays") == date(2027, 2, 15)
    assert deadlines.deadline(date(2027, 2, 19), 1, "workdays") == date(2027, 2, 20)
    assert deadlines.deadline(date(2026, 12, 31), 1, "days") == date(2027, 1, 4)


def test_schedule_form_suggests_the_missing_year(admin_client):
    response = admin_client.get(ENTER)
    assert response.status_code == 200
    assert response.context["form"]["year"].value() == 2027


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("holidays", "2027-01-01 元旦\n2027/02/08 春节", "第2行“2027/02/08 春节”格式不正确"),
        ("holidays", "2027-02-30 春节", "格式不正确"),
        ("holidays", "元旦", "格式不正确"),
        ("holidays", "2026-12-31 元旦\n2027-01-01 元旦", "2026-12-31 不在2027年内"),
        ("holidays", "2027-01-01 元旦\n2027-01-01 元旦", "2027-01-01 重复填写"),
        ("workdays", "2027-02-08 调休", "不是周末"),  # a Monday, and a holiday too
        ("workdays", "2027-02-13 调休\n2027-02-13 调休", "2027-02-13 重复填写"),
        ("holidays", "", "请至少填写一个放假日期"),
        ("source", "", "这个字段是必填项"),
        ("year", "二〇二七", "输入整数"),
        ("year", "1999", "2000"),
    ],
)
def test_bad_schedule_shows_a_chinese_error_and_writes_nothing(admin_client, field, value, message):
    audit_before = AuditEvent.objects.count()
    response = admin_client.post(ENTER, {**SCHEDULE_2027, field: value})
    assert response.status_code == 200
    assert message in str(response.context["form"].errors[field])
    assert message in response.content.decode()
    _nothing_written(audit_before)


def test_same_day_as_holiday_and_working_day_is_refused(admin_client):
    audit_before = AuditEvent.objects.count()
    response = admin_client.post(
        ENTER,
        {
            **SCHEDULE_2027,
            "workdays": "2027-02-06 调休\n2027-02-20 调休",
            "holidays": "2027-02-20 春节",
        },
    )
    assert "2027-02-20 重复填写" in response.content.decode()
    _nothing_written(audit_before)


def test_service_refusal_is_shown_on_the_form(admin_client, monkeypatch):
    """Given the service refuses (a rule the form does not know), then its message is shown
    at the top of the form and the page does not fail."""

    def refuse(**kwargs):
        raise ServiceError("同一日期不能既放假又上班", errors={"days": ["日期重复"]})

    monkeypatch.setattr(holiday_views.services, "holiday_schedule_enter", refuse)
    response = admin_client.post(ENTER, SCHEDULE_2027)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == ["同一日期不能既放假又上班"]


def test_override_set_and_delete_are_audited_and_change_deadlines(admin_client):
    """When the administrator marks Mon 2024-02-19 as a holiday, then the 2024 case moves a
    day; when the correction is deleted, it moves back. Each write is audited."""
    audit_before = AuditEvent.objects.count()
    response = admin_client.post(SET, {"day": "2024-02-19", "is_workday": "0", "name": "更正"})
    assert response.status_code == 302
    override = HolidayOverride.objects.get(date=date(2024, 2, 19))
    assert not override.is_workday and override.name == "更正"
    assert deadlines.deadline(date(2024, 2, 8), 3, "workdays") == date(2024, 2, 20)
    assert AuditEvent.objects.latest("id").verb == "holiday.override_set"

    response = admin_client.post(SET, {"day": "2024-02-19", "is_workday": "1", "name": ""})
    assert HolidayOverride.objects.get(date=date(2024, 2, 19)).is_workday

    response = admin_client.post(reverse("core:holiday_override_delete", args=[override.pk]))
    assert response.status_code == 302
    assert not HolidayOverride.objects.exists()
    assert AuditEvent.objects.latest("id").verb == "holiday.override_delete"
    assert AuditEvent.objects.count() == audit_before + 3
    assert deadlines.deadline(date(2024, 2, 8), 3, "workdays") == date(2024, 2, 19)


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"day": "2024-13-01", "is_workday": "0"}, "day", "输入一个有效的日期"),
        ({"day": "", "is_workday": "0"}, "day", "这个字段是必填项"),
        ({"day": "2024-02-19", "is_workday": "2"}, "is_workday", "选择一个有效的选项"),
        ({"day": "2024-02-19", "is_workday": "0", "name": "长" * 40}, "name", "32"),
    ],
)
def test_bad_override_shows_errors_on_the_list_page(admin_client, data, field, message):
    audit_before = AuditEvent.objects.count()
    response = admin_client.post(SET, data)
    assert response.status_code == 200
    assert message in str(response.context["override_form"].errors[field])
    _nothing_written(audit_before)


def test_override_forms_accept_only_post(admin_client):
    assert admin_client.get(SET).status_code == 405


def test_calculator_shows_the_deadline_and_writes_nothing(admin_client):
    audit_before = AuditEvent.objects.count()
    response = admin_client.get(LIST, {"start": "2024-02-08", "n": "3", "unit": "workdays"})
    assert response.context["result"] == date(2024, 2, 19)
    assert "2024-02-19" in response.content.decode()
    assert response.context["result_unknown_years"] == []
    response = admin_client.get(LIST, {"start": "2026-12-20", "n": "30", "unit": "days"})
    assert response.context["result"] == date(2027, 1, 19)
    assert "2027年节假日安排未录入,本结果按法定节假日和周末推算" in response.content.decode()
    assert AuditEvent.objects.count() == audit_before


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"start": "2024-02-08", "n": "0", "unit": "days"}, "大于或等于1"),
        ({"start": "2024-02-08", "n": "99999", "unit": "days"}, "小于或等于36500"),
        ({"start": "昨天", "n": "3", "unit": "days"}, "有效的日期"),
        ({"start": "2024-02-08", "n": "3", "unit": "weeks"}, "有效的选项"),
        ({"start": "9999-12-30", "n": "30", "unit": "days"}, "期限超出可计算的日期范围"),
    ],
)
def test_calculator_bad_input_shows_an_error(admin_client, params, message):
    response = admin_client.get(LIST, params)
    assert response.status_code == 200
    assert response.context["result"] is None
    assert message in response.content.decode()


def test_list_query_count_is_flat(admin_client, max_queries):
    """Given a full year of entered days, the page still runs a fixed number of queries."""
    HolidayOverride.objects.bulk_create(
        HolidayOverride(date=date(2027, 1, 1 + i), is_workday=False) for i in range(30)
    )
    with max_queries(12):
        response = admin_client.get(LIST)
    assert len(response.context["overrides"]) == 30


@pytest.mark.parametrize(
    "role",
    [
        "supervisor",
        "leader",
        "officer",
        "adviser",
        "village_cadre",
        "grid_worker",
        "cadre",
        "resident",
        "security_admin",
        "audit_admin",
    ],
)
def test_other_roles_get_403_and_change_nothing(login, people, role):
    client = login(getattr(people, role))
    override = HolidayOverride.objects.create(date=date(2031, 1, 1), is_workday=False)
    assert client.get(LIST).status_code == 403
    assert client.get(ENTER).status_code == 403
    assert client.post(ENTER, SCHEDULE_2027).status_code == 403
    assert client.post(SET, {"day": "2031-01-02", "is_workday": "0"}).status_code == 403
    delete = reverse("core:holiday_override_delete", args=[override.pk])
    assert client.post(delete).status_code == 403
    assert list(HolidayOverride.objects.values_list("date", flat=True)) == [date(2031, 1, 1)]
    assert not HolidaySchedule.objects.exists()


def test_anonymous_is_sent_to_login(client, tree):
    response = client.get(LIST)
    assert response.status_code == 302 and "login" in response.url
