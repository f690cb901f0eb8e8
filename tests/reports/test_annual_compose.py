"""The annual summary composed from the apps' contributions: title, parts in legal-rules
§7's order, chapters in the seed's order, points numbered 一是、二是…, figures bound."""

from __future__ import annotations

import pytest

from fazhi.reports import compose, prose

from .conftest import YEAR

pytestmark = pytest.mark.django_db


def test_the_document_follows_the_seed_and_legal_rules_order(fake, tree):
    doc = compose.compose(tree.town_a, YEAR)
    assert doc.has_data
    assert doc.title == "2023年海屿镇法治政府建设工作总结及2024年工作思路"
    assert doc.headings() == [
        "一、法治建设工作开展情况",
        "（一）组织领导到位,压实法治建设主体责任",
        "（二）落细落实到位,强化提升依法行政能力",
        "二、存在的问题",
        "三、党政主要负责人履行推进法治建设第一责任人职责情况",
        "四、2024年工作思路",
    ]
    organisation = doc.parts[0].chapters[0].paragraphs
    assert [p.text() for p in organisation] == [
        "一是成立法治政府领导小组,全年开展法治理论专题学习4次,专题部署3次。",
        # a contributor's own "二是" is dropped: the report numbers by order
        "二是强化村社法治建设人员配置,在7个村社建立领导小组。",
    ]
    assert doc.parts[0].chapters[1].paragraphs[0].text().startswith("一是加强规范性文件管理")
    assert doc.parts[1].paragraphs[0].text() == "一是有1件整改事项逾期未销号。"
    assert doc.parts[3].paragraphs[0].text() == "一是继续推进规范性文件备案审查。"
    assert "海屿镇" in doc.preamble.text() and "2023年" in doc.preamble.text()


def test_each_figure_is_a_piece_of_its_own_with_its_records(fake, tree):
    paragraph = compose.compose(tree.town_a, YEAR).paragraph("probe.documents")
    figures = [(text, fact.url) for text, fact in paragraph.segments() if fact]
    assert figures == [("2", "/documents/?year=2023"), ("105", "/contracts/?year=2023")]


def test_a_year_without_points_has_no_data_and_keeps_the_own_prose(fake, tree):
    doc = compose.compose(tree.town_a, 2019)
    assert not doc.has_data
    assert doc.parts[1].paragraphs[0].key == "reports.problems"


def test_an_edit_that_fits_replaces_the_prose_and_keeps_the_figures(fake, tree):
    edits = {"probe.study": "全年专题学习{0}次、部署会{1}次,领导干部述法全覆盖。"}
    paragraph = compose.compose(tree.town_a, YEAR, edits).paragraph("probe.study")
    assert (
        paragraph.edited
        and paragraph.text() == "一是全年专题学习4次、部署会3次,领导干部述法全覆盖。"
    )


def test_an_edit_that_no_longer_fits_its_figures_shows_the_original(fake, tree):
    edits = {"probe.study": "全年专题学习{0}次。"}  # the point has two figures now
    paragraph = compose.compose(tree.town_a, YEAR, edits).paragraph("probe.study")
    assert not paragraph.edited and paragraph.stale_edit
    assert "专题部署3次" in paragraph.text()


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        ("全年专题学习4次,专题部署{1}次。", "原样保留{0}、{1}各一处"),
        ("全年专题学习{0}次。", "原样保留{0}、{1}各一处"),
        ("全年专题学习{0}次,专题部署{1}次,另有{0}次。", "原样保留"),
        ("全年专题学习{0:>3}次,专题部署{1}次。", "原样保留"),
        ("全年专题学习{0}次,专题部署{1}次,覆盖12人。", "不能在表述中直接写入数字“12”"),
        ("全年专题学习{0}次,专题部署{1}次{", "花括号不成对"),
        ("", "表述不能为空"),
    ],
)
def test_an_edit_that_drops_changes_or_invents_a_figure_is_refused(edit, message):
    original = "成立法治政府领导小组,全年开展法治理论专题学习{0}次,专题部署{1}次。"
    assert message in prose.refusal(original, 2, edit)


def test_numerals():
    assert [compose.numeral(n) for n in (1, 9, 10, 11, 20, 23)] == [
        "一",
        "九",
        "十",
        "十一",
        "二十",
        "二十三",
    ]


def test_a_paragraph_is_named_by_its_place(fake, tree):
    doc = compose.compose(tree.town_a, YEAR)
    assert doc.where("probe.overdue") == "二、存在的问题 一是"
    assert doc.where("probe.villages") == "一、（一）组织领导到位,压实法治建设主体责任 二是"
    assert doc.where("reports.preamble") == "开头"
