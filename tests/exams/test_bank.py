"""The question bank's .xlsx import: all or nothing, every refusal in Chinese naming the
row (no correct option, a bad type, a duplicate in the file or the bank)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fazhi.core.models import AuditEvent
from fazhi.core.permissions import Forbidden, ServiceError
from fazhi.exams import services
from fazhi.exams.models import Question

from .conftest import bank_rows, snapshot, xlsx


def test_import_adds_every_question_with_its_kind_topic_and_answer(people):
    saved = services.questions_import(actor=people.officer, uploaded_file=xlsx(bank_rows()))
    assert len(saved) == 12
    assert Question.objects.filter(org_unit__code="339901101").count() == 12
    tf = Question.objects.filter(kind="true_false").first()
    assert tf.options == ["正确", "错误"] and tf.answer == "A"
    multi = Question.objects.filter(kind="multiple").first()
    assert multi.answer == "AC" and multi.topic == "民法典"
    assert AuditEvent.objects.filter(verb="question.import").count() == 1


@pytest.mark.parametrize(
    "row,message",
    [
        (
            ["单选题", "宪法", "没有答案的题", "甲", "乙", "", "", "", "", ""],
            "第3行:未标明正确答案",
        ),
        (
            ["问答题", "宪法", "题型不对的题", "甲", "乙", "", "", "", "", "A"],
            "第3行:题型“问答题”不正确",
        ),
        (
            ["单选题", "宪法", "答案不在选项中", "甲", "乙", "", "", "", "", "D"],
            "第3行:正确答案“D”不在选项中",
        ),
        (
            ["单选题", "宪法", "单选两个答案", "甲", "乙", "丙", "", "", "", "AB"],
            "第3行:单选题只能有一个正确答案",
        ),
        (
            ["多选题", "宪法", "多选一个答案", "甲", "乙", "丙", "", "", "", "A"],
            "第3行:多选题须有至少两个正确答案",
        ),
        (
            ["判断题", "宪法", "判断题答案不明", "", "", "", "", "", "", "也许"],
            "第3行:正确答案“也许”不在选项中",
        ),
        (
            ["单选题", "宪法", "  第一题 题干。", "甲", "乙", "", "", "", "", "A"],
            "第3行:题干与第2行重复",
        ),
    ],
)
def test_a_bad_row_refuses_the_whole_file_naming_the_row(people, row, message):
    rows = [["单选题", "宪法", "第一题题干", "甲", "乙", "", "", "", "", "A"], row]
    before = snapshot()
    with pytest.raises(ServiceError) as err:
        services.questions_import(actor=people.officer, uploaded_file=xlsx(rows))
    assert message in err.value.message
    assert snapshot() == before


def test_a_stem_already_in_the_bank_is_a_duplicate(people, bank):
    before = snapshot()
    rows = [["单选题", "宪法", "新题", "甲", "乙", "", "", "", "", "A"],
            ["单选题", "宪法", "单选题第1题题干", "甲", "乙", "", "", "", "", "A"]]  # fmt: skip
    with pytest.raises(ServiceError) as err:
        services.questions_import(actor=people.officer, uploaded_file=xlsx(rows))
    assert "第3行:题干与题库中已有试题重复" in err.value.message
    assert snapshot() == before


def test_another_town_may_hold_the_same_stem(people, bank):
    saved = services.questions_import(actor=people.officer_b, uploaded_file=xlsx(bank_rows()))
    assert len(saved) == 12


def test_a_file_that_is_not_a_workbook_or_lacks_a_column_is_refused(people):
    before = snapshot()
    fake = SimpleUploadedFile("题库.xlsx", b"not a workbook at all", "application/octet-stream")
    with pytest.raises(ServiceError):
        services.questions_import(actor=people.officer, uploaded_file=fake)
    with pytest.raises(ServiceError) as err:
        services.questions_import(
            actor=people.officer, uploaded_file=xlsx([["单选题"]], headers=["题型", "题干"])
        )
    assert "缺少列“答案”" in err.value.message
    assert snapshot() == before


def test_only_the_law_office_imports(people):
    with pytest.raises(Forbidden):
        services.questions_import(actor=people.cadre, uploaded_file=xlsx(bank_rows()))
    assert Question.objects.count() == 0


def test_the_import_page_shows_the_refusal(people, login):
    client = login(people.officer)
    rows = [["单选题", "宪法", "没有答案", "甲", "乙", "", "", "", "", ""]]
    resp = client.post("/exams/bank/import/", {"file": xlsx(rows)})
    assert resp.status_code == 400
    assert "第2行:未标明正确答案" in resp.content.decode()
    assert Question.objects.count() == 0
    resp = client.post("/exams/bank/import/", {"file": xlsx(bank_rows())})
    assert resp.status_code == 302 and Question.objects.count() == 12
