"""智能预审 on real documents (issue 14, item 5): a normative document that *cites* a
licence, fee, fine or permit set by higher law is lawful; one that *creates* it is not; a
clause sending all the town's business to operators the town picked is 限定交易.

The real-document figures are measured on corpus/real: files 01–30 tune the rules (dev),
31–40 (towns and counties of ten provinces not in 01–30) are held out and only measured
(docs/precheck.md, fifth round)."""

from __future__ import annotations

import time

import pytest
from django.core.management import call_command

from fazhi.reviews.precheck import precheck
from fazhi.reviews.precheck.evaluate import (
    MIN_REAL_HIGH_PRECISION,
    REAL,
    REAL_DEV,
    REAL_HELD_OUT,
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
        # Round 3: the named competent body, its own approval, held papers, internal bodies.
        "在禁放区域燃放烟花爆竹的，由公安机关责令停止燃放，处二百元罚款。",
        "渣土中转码头必须经县交通运输局许可后方可经营。",
        "运输船舶应持有建筑垃圾处置证副本，按照核定的航线运输。",
        "资产出租超过五年的，报街道主任办公会讨论批准后方可签订合同。",
        "情节严重的，移送公安部门，由公安部门进行刑事处罚。",
        "业委会与物业服务企业签订合同时，约定垃圾清运的收费标准。",
        # Round 4: papers handed in, the town's office applying upwards, names and events.
        "施工单位营业执照、安全生产许可证复印件（提交一份，原件复核）；",
        "由区住房和城乡建设管理委员会依法核发施工许可证。",
        "镇规划建设办将可行性研究报告集中打包报区发改委审批。",
        "已办理农用地转用、征收批准手续并完成征收的土地。",
        "使用集体资金的项目提交集资委会议纪要一份。",
        "企业被新闻媒体曝光存在安全隐患的，镇安监办应当督促整改。",
        # Round 5: a generic citation, an approval named only as the missing precondition of
        # a ban, a reward to the introducer, a temporary closure, a zone the county drew.
        "对屡教不改的，依据相关条例进行处罚。",
        "任何单位和个人未经审批不得占用集镇道路摆摊设点。",
        "取缔未经依法批准的各类占道摊点。",
        "因疫情防控需要，暂时关闭全镇集贸市场，恢复时间另行通知。",
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
        # Round 3: outsiders kept out, tax localised, work handed out, blanket maximum fines.
        ("非本县登记的运输车辆不得进入本镇承运。", "competition"),
        ("承租企业须确保税收属地化。", "competition"),
        ("经镇长办公会同意后，委派施工单位先行施工。", "competition"),
        ("违者一律由县市场监督管理局按有关规定顶格处罚。", "penalty"),
        ("申请人须取得居委会出具的无违建的证明。", "certificate"),
        # Round 4: the town issuing a county-level permit, picked lists, market bans.
        ("镇规划建设办对材料齐全的项目核发小型建设工程施工许可证。", "licensing"),
        ("限额以下工程承发包实行预选承包商名录制度。", "competition"),
        ("申报材料：工程初步方案、由城建公司编制的工程预算。", "competition"),
        ("相关施工单位三年内禁止承担本镇村庄道路建设项目。", "penalty"),
        # Round 5: the town's own rules, a closed list of named markets, tax-named rewards to
        # operators, a zone or market day the town itself draws or abolishes, checkpoints.
        ("违者由镇综合执法队按照镇相关规定予以罚款。", "penalty"),
        (
            "所有活禽经营户只能进入东街农贸市场或城南农贸市场交易，不得在市场以外销售。",
            "competition",
        ),
        ("完成税收基数的，给予企业8%的税收基数奖。", "competition"),
        ("镇人民政府决定在全镇范围内划定禁燃区，禁燃区内禁止燃放烟花爆竹。", "duty"),
        ("经研究决定，自即日起取消每月逢五的集市日。", "duty"),
        ("全镇板栗开始采收时间统一为9月10日，此前采收的视为抢青。", "duty"),
        ("各村成立护林队在进山路口设卡检查，劝返进山人员。", "coercion"),
        ("未经镇政府同意，经营户不得在镇区主干道摆摊设点。", "licensing"),
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


def test_a_reward_to_the_introducer_is_not_aid_to_an_operator():
    """A reward to whoever brought the investor in goes to no operator on the market; the
    same reward to the enterprise, tied to its tax, is selective aid."""
    assert "competition" not in categories("项目投产纳税后，给予引荐人一次性3万元奖励。")
    assert "competition" not in categories("对招商中介按引进企业首年税收的5%给予奖励。")
    assert "competition" in categories("对引进企业按其年纳税额的10%给予奖励。")


def test_lawful_near_misses_of_round_five_are_not_reported():
    """Round 5's lawful look-alikes: a market list with no ban elsewhere, a zone the county
    drew, advice on the harvest date, police checkpoints."""
    for text in (
        "鼓励经营户进入东街农贸市场、城南农贸市场经营。",
        "镇政府按照县政府划定的禁燃区范围做好宣传和巡查。",
        "镇农技站建议核桃采收时间为白露节前后。",
        "公安交警部门依法设置临时检查点，查处酒后驾驶。",
    ):
        assert not categories(text), text


def test_real_dev_documents_meet_the_high_severity_target():
    """Given the dev documents (01–30), when pre-reviewed, then ≥ 0.8 of the high-severity
    findings are labelled problems (32 of 32 when measured after round 5), and every
    限定交易 clause is reported as competition (11 of 11)."""
    assert len(REAL_DEV) == 30
    ev = evaluate_real(REAL_DEV)
    assert ev.high.tp + ev.high.fp >= 20
    assert ev.high.precision >= MIN_REAL_HIGH_PRECISION, ev.high
    assert ev.competition >= 8
    assert ev.competition >= 11
    assert ev.competition_caught == ev.competition
    assert ev.caught >= 39


def test_real_held_out_documents_do_not_fall_back():
    """The held-out documents (31–40, not tuned on): no worse than measured before and
    after the fifth round, which is nothing: 2 high-severity findings, both false
    (precision 0.000), 0 of 5 labelled problems caught, no 限定交易 clause among them. The
    floor guards against more false high-severity findings; the target (0.8) is not met."""
    assert len(REAL_HELD_OUT) == 10 and not set(REAL_HELD_OUT) & set(REAL_DEV)
    ev = evaluate_real(REAL_HELD_OUT)
    assert ev.high.fp <= 2, ev.high
    assert ev.problems == 5
    everything = evaluate_real()
    assert everything.caught >= 39
    assert everything.high.precision >= MIN_REAL_HIGH_PRECISION, everything.high


def test_a_label_copied_with_its_item_marker_matches_the_quote():
    """The segmenter cuts "4、" off a sentence and keeps its "；": a label copied from the
    text with the marker still matches the finding's quote."""
    from fazhi.reviews.precheck.evaluate import _squeeze

    assert _squeeze("4、畜禽养殖户必须实行圈养，严防污染；") == _squeeze(
        "畜禽养殖户必须实行圈养，严防污染"
    )
    assert _squeeze("（二）限养区内禁止新建。") == "限养区内禁止新建"


def test_every_real_label_quotes_its_file():
    """Each label's text occurs in its file, and every file has a source."""
    import json

    from fazhi.reviews.precheck.evaluate import load_real_labels

    sources = {
        json.loads(line)["file"]
        for line in (REAL / "sources.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    }
    files = {p.name for p in REAL.glob("*.txt")}
    assert files == sources
    for item in load_real_labels():
        assert item["text"] in (REAL / item["file"]).read_text(encoding="utf-8"), item


def test_precheck_eval_real_prints_dev_held_out_and_all(capsys):
    call_command("precheck_eval", "--real")
    out = capsys.readouterr().out
    assert "开发集" in out and "留出集" in out and "全部" in out
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
