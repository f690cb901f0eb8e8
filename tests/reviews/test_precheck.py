"""智能预审: the engine, the `precheck` command, its bad-input refusals and the corpus
targets (this test is how `make test` enforces them)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from fazhi.reviews.precheck import precheck
from fazhi.reviews.precheck.evaluate import (
    EXAMPLES,
    MIN_CATEGORY,
    MIN_OVERALL_PRECISION,
    MIN_OVERALL_RECALL,
    evaluate,
    load_corpus,
)
from fazhi.reviews.precheck.rules import CATEGORIES, DOCUMENT_RULES, RULES
from fazhi.reviews.precheck.segment import split_paragraph

FINDING_KEYS = {
    "category",
    "rule",
    "severity",
    "paragraph",
    "start",
    "end",
    "quote",
    "basis",
    "explanation",
    "suggestion",
}


def run_json(path, *extra) -> dict:
    out = io.StringIO()
    call_command("precheck", "--json", *extra, str(path), stdout=out)
    return json.loads(out.getvalue())


def located(result: dict) -> set[tuple[str, int | None]]:
    return {(f["rule"], f["paragraph"]) for f in result["findings"]}


# ---- the corpus and its targets --------------------------------------------------------


def test_corpus_is_large_balanced_and_covers_every_category():
    """Given the labelled corpus, then it has ≥ 250 sentences, at least as many lawful
    look-alikes as risky sentences, and several positives in every category."""
    items = load_corpus()
    positives = [i for i in items if i["expected"]]
    negatives = [i for i in items if not i["expected"]]
    assert len(items) >= 250
    assert len(negatives) >= len(positives)
    for cat in CATEGORIES:
        assert sum(cat in i["expected"] for i in positives) >= 5, cat
    assert all(set(i["expected"]) <= set(CATEGORIES) for i in items)


def test_evaluation_meets_the_targets():
    """Given the corpus, when the rules are evaluated at sentence level, then overall
    recall ≥ 0.90 and precision ≥ 0.85 and no category is below 0.75 on either."""
    ev = evaluate()
    assert ev.overall.recall >= MIN_OVERALL_RECALL
    assert ev.overall.precision >= MIN_OVERALL_PRECISION
    for cat, score in ev.per_category.items():
        assert score.recall >= MIN_CATEGORY, cat
        assert score.precision >= MIN_CATEGORY, cat
    assert ev.failures() == []


def test_evaluation_reports_a_missed_target():
    """Given a sentence the rules cannot flag, when evaluated, then the failure is named."""
    ev = evaluate([{"text": "本镇环境优美。", "kind": "normative", "expected": ["penalty"]}])
    assert any("penalty 召回率" in f for f in ev.failures())


def test_precheck_eval_command_prints_scores_and_passes():
    """When `fazhi precheck_eval` runs, then it prints each category and overall."""
    out = io.StringIO()
    call_command("precheck_eval", stdout=out)
    text = out.getvalue()
    assert "overall" in text and "payment_term" in text and "全部达标" in text


def test_every_rule_cites_an_article_or_a_document():
    """Given the rules, then each has a legal basis, an explanation and a suggestion."""
    for rule in (*RULES, *DOCUMENT_RULES.values()):
        assert rule.category in CATEGORIES
        assert ("第" in rule.basis and "条" in rule.basis) or "规定" in rule.basis, rule.id
        assert rule.explanation and rule.suggestion


# ---- context that makes a sentence lawful ---------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "各村不得向群众收取任何费用。",
        "违反本办法的，依照《中华人民共和国行政处罚法》第二十八条的规定，由县综合行政执法局依法处理。",
        "在禁养区内建设养殖场的，依照《畜禽规模养殖污染防治条例》第三十七条的规定，由县级以上人民政府生态环境主管部门责令停止违法行为，处以罚款。",
        "执法人员不得对当事人随意罚款。",
        "网格员必须每周走访辖区内的独居老人一次。",
        "工作人员请假三天以上的，须经镇党政办批准。",
        "镇政府不得对居民住宅采取停止供水、供电等方式迫使当事人履行决定。",
    ],
)
def test_lawful_context_gives_no_finding(text):
    """Given a prohibition on the town itself, a restatement of a cited higher law or a
    duty on the town's own staff, when pre-reviewed, then nothing is flagged."""
    assert precheck(text, "normative", whole_document=False).findings == []


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("各村向群众收取卫生费每户50元。", "fee"),
        ("违反本办法的，由镇人民政府处以500元罚款。", "penalty"),
        ("村民必须每周参加一次环境整治。", "duty"),
        ("出租房屋须经镇综治办审批。", "licensing"),
    ],
)
def test_same_words_without_the_context_are_flagged(text, category):
    """Given the same acts imposed on residents, when pre-reviewed, then they are flagged."""
    assert category in precheck(text, "normative", whole_document=False).categories()


# ---- segmentation and offsets ----------------------------------------------------------


def test_segmentation_splits_articles_enumerations_and_semicolons():
    """Given one line with two articles and an enumeration, when split, then each item is a
    sentence without its marker."""
    para = "第一条 为加强管理，制定本办法。第二条 有下列情形之一的：（一）甲；（二）乙"
    assert [para[a:b] for a, b in split_paragraph(para)] == [
        "为加强管理，制定本办法。",
        "有下列情形之一的：",
        "甲；",
        "乙",
    ]


def test_offsets_point_at_the_quoted_sentence():
    """Given a text with an empty line, when a sentence is flagged, then paragraph counts the
    empty line and start/end slice the quote out of that line."""
    text = "海屿镇暂行规定\n\n第一条 本镇环境优美。第二条 违反本规定的，处200元罚款。"
    result = precheck(text, "normative", whole_document=False)
    [f] = result.findings
    assert f.paragraph == 2
    assert result.paragraphs[2][f.start : f.end] == f.quote == "违反本规定的，处200元罚款。"


# ---- whole-document checks -------------------------------------------------------------


def test_a_bare_text_misses_issuer_number_effective_date_and_validity():
    """Given a normative text without title, number or dates, when pre-reviewed as a whole,
    then the missing parts are reported for the whole document (paragraph null)."""
    result = precheck("本镇鼓励村民美化庭院。", "normative")
    assert {(f.rule, f.paragraph) for f in result.findings} == {
        ("issuer.missing", None),
        ("number.missing", None),
        ("effective_date.missing", None),
        ("validity.missing", None),
    }


def _doc(*body: str) -> list[str]:
    return [
        "海屿镇政规〔2024〕3号",
        "海屿镇人民政府关于印发《海屿镇庭院整治办法》的通知",
        "海屿镇人民政府",
        "2024年3月15日",
        *body,
    ]


@pytest.mark.parametrize(
    ("body", "rule"),
    [
        ("本办法自2024年3月1日起施行，有效期5年。", "effective_date.retroactive"),
        ("本办法自2024年4月1日起施行，有效期5年。", "effective_date.short"),
        ("本办法自2024年5月1日起施行，有效期至2030年12月31日。", "validity.too_long"),
        ("本暂行办法自2024年5月1日起施行，有效期3年。", "validity.temporary_too_long"),
    ],
)
def test_dates_are_checked_against_the_publication_date(body, rule):
    """Given a document published on 2024-03-15, when its effective date or validity is
    wrong, then the rule fires on that sentence."""
    result = precheck(_doc(body), "normative")
    assert [(f.rule, f.paragraph) for f in result.findings] == [(rule, 4)]


def test_a_correct_document_has_no_date_findings():
    """Given effective 30+ days after publication and 5 years' validity, then no finding."""
    assert precheck(_doc("本办法自2024年5月1日起施行，有效期5年。"), "normative").findings == []


def test_immediate_effect_with_a_reason_is_accepted():
    """Given 'effective on publication' with an urgent reason, then it is not flagged."""
    body = "为及时做好防汛防台工作，本办法自印发之日起施行，有效期2年。"
    assert precheck(_doc(body), "normative").findings == []


def test_contract_reports_which_clause_of_article_470_is_missing():
    """Given a contract without breach or dispute clauses, then each missing clause is
    reported with its item of 民法典 470."""
    text = (
        "办公桌采购合同\n甲方：海屿镇人民政府\n乙方：某家具厂\n乙方供应办公桌10张，"
        "质量合格，总价2万元，于2024年9月1日前交付。"
    )
    result = precheck(text)
    assert result.kind == "contract"
    missing = {f.rule: f.basis for f in result.findings if f.paragraph is None}
    assert set(missing) == {"clause_missing.breach", "clause_missing.dispute"}
    assert "第四百七十条第一款第(七)项" in missing["clause_missing.breach"]


def test_arbitration_is_flagged_only_in_an_administrative_agreement():
    """Given an arbitration clause, then it is a finding in an agreement, not a contract."""
    text = "因本协议发生的争议，提交舟山仲裁委员会仲裁。"
    assert precheck(text, "agreement", whole_document=False).categories() == {"arbitration"}
    assert precheck(text, "contract", whole_document=False).findings == []


# ---- the shipped examples through the command ------------------------------------------


EXPECTED_EXAMPLES = {
    "lawful_normative.txt": ("normative", set()),
    "lawful_contract.txt": ("contract", set()),
    "draft_normative.txt": (
        "normative",
        {
            ("number.format", 0),
            ("issuer.internal", 2),
            ("licensing.approval", 12),
            ("certificate.demand", 13),
            ("duty.added", 14),
            ("fee.charge", 15),
            ("penalty.fine", 16),
            ("coercion.measure", 16),
            ("competition.designation", 17),
            ("effective_date.immediate", 19),
            ("validity.temporary_too_long", 19),
        },
    ),
    "cleaning_contract.txt": (
        "contract",
        {
            ("payment_term.condition", 9),
            ("clause_missing.dispute", 11),
            ("clause_missing.breach", None),
        },
    ),
    "investment_agreement.txt": (
        "agreement",
        {
            ("state_assets.investment", 6),
            ("guarantee.government", 7),
            ("prefinancing.contractor", 8),
            ("arbitration.clause", 11),
        },
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED_EXAMPLES))
def test_shipped_examples_give_the_expected_findings(name):
    """Given a shipped example, when `fazhi precheck --json` runs on it, then the JSON has
    exactly the expected shape and findings."""
    kind, expected = EXPECTED_EXAMPLES[name]
    result = run_json(EXAMPLES / name)
    assert set(result) == {"kind", "findings"}
    assert result["kind"] == kind
    assert located(result) == expected
    lines = (EXAMPLES / name).read_text(encoding="utf-8").split("\n")
    for f in result["findings"]:
        assert set(f) == FINDING_KEYS
        if f["paragraph"] is not None:
            assert lines[f["paragraph"]][f["start"] : f["end"]] == f["quote"]


def test_lawful_demo_document_has_no_high_severity_finding():
    """Given the demo town's lawful normative document, then nothing of severity high."""
    result = run_json(EXAMPLES / "lawful_normative.txt", "--kind", "normative")
    assert [f for f in result["findings"] if f["severity"] == "high"] == []


def test_readable_report_is_in_chinese():
    """Without --json the command prints a Chinese report with basis and suggestion."""
    out = io.StringIO()
    call_command("precheck", str(EXAMPLES / "investment_agreement.txt"), stdout=out)
    text = out.getvalue()
    assert "智能预审结果(行政协议)" in text
    assert "《最高人民法院关于审理行政协议案件若干问题的规定》第二十六条" in text


def test_docx_paragraphs_and_table_cells_are_read_in_order(tmp_path):
    """Given a .docx with a paragraph, a table and a paragraph, when pre-reviewed, then the
    table cell is a paragraph in between and its finding points at it."""
    d = docx.Document()
    d.add_paragraph("海屿镇摊位管理规定")
    table = d.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "收费项目"
    table.cell(0, 1).text = "每个摊位每月缴纳管理费100元。"
    d.add_paragraph("本规定由镇市场管理办公室负责解释。")
    path = tmp_path / "摊位.docx"
    d.save(path)
    result = run_json(path, "--kind", "normative")
    fee = [f for f in result["findings"] if f["category"] == "fee"]
    assert [(f["paragraph"], f["quote"]) for f in fee] == [(2, "每个摊位每月缴纳管理费100元。")]


# ---- bad input: a Chinese message and exit code 2 ---------------------------------------


def _refused(path, *extra) -> str:
    with pytest.raises(CommandError) as exc:
        call_command("precheck", *extra, str(path), stdout=io.StringIO())
    assert exc.value.returncode == 2
    return str(exc.value)


def test_empty_text_is_refused(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("\n  \n", encoding="utf-8")
    assert "没有可审查的文字" in _refused(path)


def test_non_utf8_text_is_refused(tmp_path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("本办法自印发之日起施行。".encode("gbk"))
    assert "不是 UTF-8 编码" in _refused(path)


def test_docx_that_is_not_a_word_file_is_refused(tmp_path):
    path = tmp_path / "fake.docx"
    path.write_text("这不是 Word 文档", encoding="utf-8")
    assert "无法识别的文件内容" in _refused(path)


def test_zip_bomb_docx_is_refused(tmp_path, settings):
    settings.FAZHI_UPLOAD_MAX_EXPANDED_BYTES = 1024 * 1024
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<document/>")
        z.writestr("word/media/zeros.bin", b"\0" * (8 * 1024 * 1024))
    assert "压缩炸弹" in _refused(path)


def test_file_over_the_size_limit_is_refused(tmp_path, settings):
    settings.FAZHI_UPLOAD_MAX_BYTES = 100
    path = tmp_path / "big.txt"
    path.write_text("本镇环境优美。" * 50, encoding="utf-8")
    assert "文件过大" in _refused(path)


def test_other_file_types_unknown_kind_and_missing_files_are_refused(tmp_path):
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    assert "仅支持" in _refused(pdf)
    assert "文件不存在" in _refused(tmp_path / "none.txt")
    ok = tmp_path / "ok.txt"
    ok.write_text("本镇环境优美。", encoding="utf-8")
    assert "文件类型不正确" in _refused(ok, "--kind", "law")


def test_console_command_exits_with_2_and_a_chinese_message(tmp_path):
    """When the installed `fazhi precheck` gets an empty file, then the process exits
    with status 2 and says why in Chinese on stderr, printing nothing on stdout."""
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "from fazhi.cli import main; main()",
            "precheck",
            "--json",
            str(path),
        ],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
        check=False,
    )
    assert proc.returncode == 2
    assert "没有可审查的文字" in proc.stderr
    assert proc.stdout == ""


@hypothesis_settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.text(
            alphabet="的，。；：罚款收取须经批准村民必须不得《》法第十条自2024年1月日起施行有效期甲方仲裁垫资（一）1. ",
            max_size=60,
        ),
        max_size=8,
    ),
    st.sampled_from(["normative", "contract", "agreement", None]),
)
def test_any_text_gives_findings_whose_offsets_slice_the_quote(paragraphs, kind):
    """Given any text, when pre-reviewed, then nothing fails and every located finding's
    paragraph/start/end slice exactly its quote."""
    result = precheck(paragraphs, kind)
    for f in result.findings:
        if f.paragraph is not None:
            assert result.paragraphs[f.paragraph][f.start : f.end] == f.quote
