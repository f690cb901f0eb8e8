"""Online-study hours from a study platform's export: mapped columns, all or nothing."""

from __future__ import annotations

from decimal import Decimal

import pytest

from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.publicity import services
from fazhi.publicity.models import StudyHours

from .conftest import counts, xlsx

pytestmark = pytest.mark.django_db
MAPPING = {"name": "姓名", "key": "账号", "hours": "学习时长(小时)", "period": "统计周期"}


def _import(people, rows, **kw):
    return services.study_import(
        actor=people.officer, uploaded_file=kw.pop("file", None) or xlsx(rows), platform="学习强国",
        mapping=kw.pop("mapping", MAPPING), **kw,
    )  # fmt: skip


@pytest.fixture
def named(people):
    for u, name in (
        (people.cadre, "张伟"),
        (people.village_cadre, "王建国"),
        (people.leader, "林海峰"),
    ):
        u.full_name = name
        u.save(update_fields=["full_name"])
    return people


def test_hours_are_imported_per_person_and_period(named):
    batch = _import(named, [("张伟", "cadre", 12.5, "2025"), ("王建国", "vcadre", "8", "2025年3月"),
                            ("林海峰", "leader", 20, "2025-04")])  # fmt: skip
    assert (batch.row_count, batch.total_hours) == (3, Decimal("40.5"))
    rows = {r.person.username: r for r in StudyHours.objects.select_related("person")}
    assert rows["cadre"].period_label == "2025年" and rows["cadre"].hours == Decimal("12.5")
    assert (
        str(rows["vcadre"].period_start) == "2025-03-01"
        and str(rows["vcadre"].period_end) == "2025-03-31"
    )


def test_the_period_may_be_fixed_when_the_export_has_no_period_column(named):
    batch = _import(named, [("张伟", "cadre", 3)], mapping={**MAPPING, "period": ""}, period="2025",
                    file=xlsx([("张伟", "cadre", 3)], header=("姓名", "账号", "学习时长(小时)")))  # fmt: skip
    assert batch.row_count == 1


def _refused(people, rows, message, **kw):
    before = counts()
    with pytest.raises(ServiceError) as exc:
        _import(people, rows, **kw)
    assert message in exc.value.message, exc.value.message
    assert counts() == before


def test_an_unknown_person_refuses_the_whole_import(named):
    _refused(named, [("张伟", "cadre", 5, "2025"), ("路人", "nobody", 5, "2025")],
             "第3行:“nobody”不是海屿镇的干部(整批未导入")  # fmt: skip


def test_one_bad_row_refuses_the_whole_import(named):
    good = ("张伟", "cadre", 5, "2025")
    _refused(
        named, [good, ("王建国", "vcadre", "两小时", "2025")], "第3行:学时“两小时”不是不小于0的数字"
    )
    _refused(named, [good, ("王建国", "vcadre", -1, "2025")], "第3行:学时“-1”不是不小于0的数字")
    _refused(named, [good, ("王建国", "vcadre", 1, "上半年")], "第3行:统计周期“上半年”无法识别")
    _refused(
        named,
        [good, ("李四", "vcadre", 1, "2025")],
        "第3行:姓名“李四”与账号“vcadre”对应的人员(王建国)不一致",
    )
    _refused(named, [good, good], "第3行:与第2行重复")
    _refused(named, [good, ("王建国", "vcadre", 9999, "2025")], "第3行:学时9999超过上限500")


def test_a_person_of_another_town_is_unknown(named, people):
    _refused(named, [("x", "officer_b", 1, "2025")], "第2行:“officer_b”不是海屿镇的干部")


def test_the_same_period_is_not_imported_twice(named):
    _import(named, [("张伟", "cadre", 5, "2025")])
    _refused(named, [("张伟", "cadre", 5, "2025")], "第2行:张伟2025年的学时已经导入过")


def test_a_wrong_mapping_or_file_is_refused(named):
    _refused(
        named,
        [("张伟", "cadre", 5, "2025")],
        "找不到列“学时”",
        mapping={**MAPPING, "hours": "学时"},
    )
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile("学时.xlsx", b"PK\x03\x04 not really")
    _refused(named, [], "", file=bad)


def test_only_the_law_office_imports(named, people):
    with pytest.raises(Forbidden):
        services.study_import(
            actor=people.leader, uploaded_file=xlsx([]), platform="学习强国", mapping=MAPPING
        )
