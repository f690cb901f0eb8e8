"""智能预审 on real documents (issue 14, item 5): a normative document that *cites* a
licence, fee, fine or permit set by higher law is lawful; one that *creates* it is not; a
clause sending all the town's business to operators the town picked is 限定交易.

The real-document figures are measured on corpus/real: files 01–07 tuned the rules (dev),
08–13 are held out and only measured."""

from __future__ import annotations

import time

import pytest
from django.core.management import call_command

from fazhi.reviews.precheck import precheck
from fazhi.reviews.precheck.evaluate import (
    MIN_REAL_HIGH_PRECISION,
    REAL,
    REAL_DEV,
    evaluate_real,
)


def categories(text: str) -> set[str]:
    return precheck(text, "normative", whole_document=False).categories()


# ---- creating versus citing ----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "违反本规定乱倒垃圾的，按照国家有关法律法规予以处罚。",
        "擅自占用绿地的，依照《城市绿化条例》的有关规定处理。",
        "违反本办法的行为，有关法律、法规已有处罚规定的，从其规定。",
        "运输单位应当持有建筑垃圾运输许可证。",
        "农户应当按照乡村建设规划许可证的要求施工。",
        "由镇规建办将审核意见报镇人民政府审批。",
        "建设控制地带由镇文物管理部门划出，报镇人民政府批准后予以公布。",
        "物业服务企业应当按照区物价部门核定的收费标准执行。",
        "因宅基地征收已安置的人员不得重复申请。",
        "村民委员会应当召集村民会议讨论。",
        "电工等特种作业人员应当持证上岗。",
    ],
)
def test_a_cited_measure_is_not_reported(text):
    """Given a measure set by higher law, named, held or decided inside government, when
    pre-reviewed, then no licence, fee, fine or coercion finding."""
    assert not categories(text) & {"penalty", "coercion", "licensing", "fee"}, text


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("违反本规定乱倒垃圾的，由镇政府处200元罚款。", "penalty"),
        ("在集镇摆摊的，须向镇政府申领摊位许可证。", "licensing"),
        ("村民修缮房屋的，须报镇人民政府审批。", "licensing"),
        ("审核通过后，由镇政府发放院墙修缮批准文件。", "licensing"),
        ("镇政府定期向社会公布不诚信商户名单。", "penalty"),
        ("巡查人员发现违规搭建的，应当现场责令停工。", "coercion"),
        ("村道养护所需经费，纳入村级预算由各村自筹。", "fee"),
        ("全镇生活垃圾由镇指定的收运企业统一进行收运。", "competition"),
        ("镇政府择优确定两家企业作为全镇装修垃圾清运单位。", "competition"),
        ("单位产生的装修垃圾应当交由镇清运主体企业清运。", "competition"),
    ],
)
def test_a_created_measure_is_reported(text, category):
    """Given a licence, fee, fine, coercive measure or 限定交易 the town creates, when
    pre-reviewed, then it is reported in its category."""
    assert category in categories(text), text


def test_a_citation_makes_the_fine_a_reference_the_bare_fine_is_not():
    """ "依照国家有关规定" points to the law that sets the fine; without it the town sets it."""
    text = "依照国家有关规定，处500元罚款。"
    assert "penalty" not in categories(text)
    assert categories("违反本规定的，处500元罚款。") == {"penalty"}


# ---- the real documents --------------------------------------------------------------------


def test_real_dev_documents_meet_the_high_severity_target():
    """Given the dev documents (01–07), when pre-reviewed, then ≥ 0.8 of the high-severity
    findings are labelled problems, and every 限定交易 clause is reported as competition."""
    ev = evaluate_real(REAL_DEV)
    assert ev.high.tp + ev.high.fp >= 5
    assert ev.high.precision >= MIN_REAL_HIGH_PRECISION, ev.high
    assert ev.competition >= 3
    assert ev.competition_caught == ev.competition


def test_real_documents_do_not_fall_back():
    """All 13 documents (the held-out ones were not tuned on): no worse than measured when
    the rules were changed (high-severity precision 0.542, 15 of 26 problems caught; it was
    0.043 and 2 of 26 before), competition reported for the dev file's three clauses."""
    ev = evaluate_real()
    assert ev.high.precision >= 0.5, ev.high
    assert ev.caught >= 15
    assert ev.competition_caught >= 3


def test_precheck_eval_real_prints_dev_held_out_and_all(capsys):
    call_command("precheck_eval", "--real")
    out = capsys.readouterr().out
    assert "开发集 01–07" in out and "留出集 08–13" in out and "全部" in out
    assert "精确率" in out


def test_a_twenty_page_normative_document_is_reviewed_within_200_ms():
    """Given ~15,000 characters of real normative text, when pre-reviewed, then ≤ 200 ms."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(REAL.glob("*.txt")))
    paragraphs, total = [], 0
    for line in text.splitlines():
        if total >= 15_000:
            break
        paragraphs.append(line)
        total += len(line)
    precheck(paragraphs, "normative")
    times = []
    for _ in range(3):
        t = time.perf_counter()
        precheck(paragraphs, "normative")
        times.append(time.perf_counter() - t)
    assert min(times) < 0.2, times
