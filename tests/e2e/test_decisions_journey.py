"""重大行政决策 in Chromium: the law officer drafts next year's catalogue and lists a matter,
the town leader adopts it, the officer publishes it (read on the public site at phone
size, no login); the decision then goes through the five procedures as hard gates —
the public consultation (opened from the decision on fazhi.participation; the officer
answers the comment on participation's page), with a hearing; expert argumentation (a
conflicted expert refused, the signed opinion uploaded); the risk assessment with its
report; the legality review by the adviser; the collective discussion (the chief must
speak last) — and is decided, published and archived.

The server's clock is the real day, and a consultation and a hearing take weeks: the
consultation is opened from the page with a past start (as the documents journey does
for its comment period), and the resident's comment and the hearing's notice,
registration, participant list, signed record and report are made through
participation's services on their own days (clock.pinned) in the server's database, by
`manage.py shell` — the steps a browser cannot take on one day."""

from __future__ import annotations

import re
import struct
import subprocess
import sys
import zlib
from datetime import date, timedelta
from pathlib import Path

from playwright.sync_api import expect

from fazhi.core.demo import DEMO_PASSWORD

from .test_journeys import _log_in

ROOT = Path(__file__).resolve().parents[2]
TITLE = "浏览器测试:海岛公共停车场建设"


def _png() -> bytes:
    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
            + chunk(b"IEND", b""))  # fmt: skip


def _log_out(page):
    page.get_by_role("button", name="退出").click()
    page.wait_for_url(re.compile(r"/login/"))


def _server_env(base_url: str) -> dict:
    """The environment of the gunicorn serving `base_url` (its data dir and database)."""
    bind = f"127.0.0.1:{base_url.rsplit(':', 1)[1]}".encode()
    for proc in Path("/proc").iterdir():
        try:
            cmd = (proc / "cmdline").read_bytes()
            if b"gunicorn" in cmd and bind in cmd:
                raw = (proc / "environ").read_bytes()
                return dict(item.split("=", 1) for item in raw.decode().split("\0") if "=" in item)
        except OSError:
            continue
    raise AssertionError("找不到浏览器测试的服务进程")


SETUP = """
from datetime import timedelta
from django.core.files.uploadedfile import SimpleUploadedFile
from fazhi.core import clock
from fazhi.core.deadlines import deadline
from fazhi.core.demo_plan import workday_from
from fazhi.core.models import User
from fazhi.decisions.models import Decision
from fazhi.participation import selectors as ps, services as pv
png = bytes.fromhex(%(png)r)
officer, resident = User.objects.get(username="officer"), User.objects.get(username="resident")
d = Decision.objects.get(title=%(title)r)
c = ps.consultation_for(d)
with clock.pinned(c.starts_on + timedelta(days=1)):
    pv.comment_submit(actor=resident, consultation=c, body="建议预留非机动车停放区和充电桩")
notice = workday_from(c.starts_on + timedelta(days=2))
held = workday_from(deadline(notice, 7, "days"))
with clock.pinned(notice):
    h = pv.hearing_create(actor=officer, subject=d, title="海岛公共停车场建设听证会", matter="选址和收费标准",
                          place="镇政府三楼会议室", held_on=held, notice_published_on=notice)
    reg = pv.hearing_register(actor=resident, hearing=h, name="黄秀珍", phone="13905800101",
                              tag="interested", statement="停车场紧邻住宅,关心噪声")
with clock.pinned(held - timedelta(days=1)):
    pv.hearing_select(actor=officer, hearing=h, registrations=[reg])
with clock.pinned(held):
    pv.hearing_record(actor=officer, hearing=h, uploaded_file=SimpleUploadedFile("听证笔录.png", png, "image/png"))
    pv.hearing_report(actor=officer, hearing=h, uploaded_file=SimpleUploadedFile("听证报告.png", png, "image/png"),
                      summary="参加人赞成建设,建议设置隔音绿化带")
"""


def _participation_steps(base_url: str) -> None:
    env = _server_env(base_url)
    script = SETUP % {"png": _png().hex(), "title": TITLE}
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _act(page, verb: str, fields: dict | None = None):
    form = page.get_by_test_id(f"action-{verb}")
    for selector, value in (fields or {}).items():
        target = form.locator(selector)
        if target.evaluate("e => e.tagName") == "SELECT":
            target.select_option(label=value)
        else:
            target.fill(value)
    form.get_by_role("button").click()
    # The step runs in place (htmx): wait until the page's content has been swapped.
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)


def _refused_with_400(page):
    """A refused form comes back with its message and status 400, which Chromium logs as a
    failed resource; that, and only that, is expected here."""
    assert all("status of 400" in e for e in page.console_errors), page.console_errors
    page.console_errors.clear()


def _upload(page, section: str, name: str):
    page.wait_for_load_state("networkidle")
    panel = page.get_by_test_id(section).get_by_test_id("attachment-upload").first
    panel.locator("input[type=file]").set_input_files(
        {"name": name, "mimeType": "image/png", "buffer": _png()}
    )
    panel.get_by_role("button", name="上传附件").click()
    expect(page.get_by_test_id(section).get_by_test_id("attachment-list").first).to_contain_text(
        name
    )


def test_decision_from_catalogue_through_five_gates(page, screenshots, live_server_url, browser):
    today = date.today()
    year = today.year + 1
    # The officer drafts next year's catalogue and lists the matter.
    _log_in(page, "officer", DEMO_PASSWORD)
    page.locator("[data-testid=nav]").get_by_role("link", name="重大行政决策").click()
    page.get_by_role("heading", name="重大行政决策").wait_for()
    page.get_by_test_id("catalogues").click()
    page.fill("#id_year", str(year))
    page.get_by_role("button", name="创建目录").click()
    page.wait_for_url(re.compile(r"/decisions/catalogues/\d+/$"))
    catalogue_url = page.url
    page.fill("#id_title", TITLE)
    page.select_option("#id_category", "project")
    page.fill("#id_undertaker", "镇城建办")
    page.fill(
        "#id_body",
        "第一条 为缓解海岛停车难,建设公共停车场。\n第二条 停车场选址于渔港路北侧。\n第三条 收费标准另行公布。",
    )
    page.get_by_role("button", name="列入目录").click()
    expect(page.get_by_test_id("items")).to_contain_text(TITLE)
    _log_out(page)

    _log_in(page, "leader", DEMO_PASSWORD)
    page.goto(catalogue_url)
    _act(page, "adopt")
    expect(page.get_by_test_id("catalogue-status")).to_have_text("已通过")
    _log_out(page)

    _log_in(page, "officer", DEMO_PASSWORD)
    page.goto(catalogue_url)
    _act(page, "publish")
    expect(page.get_by_test_id("catalogue-status")).to_have_text("已公布")
    public_url = page.get_by_test_id("public-link").get_attribute("href")
    page.get_by_test_id("items").get_by_role("link", name=TITLE).click()
    page.wait_for_url(re.compile(r"/decisions/\d+/$"))
    url = page.url

    # 1 公众参与: a period shorter than 30 days without a reason is refused (第十五条).
    start = today - timedelta(days=45)
    _act(
        page,
        "start_participation",
        {
            "#id_start_participation-starts_on": start.isoformat(),
            "#id_start_participation-ends_on": (start + timedelta(days=10)).isoformat(),
        },
    )
    expect(page.locator("#fz-messages")).to_contain_text("第十五条")
    _act(
        page,
        "start_participation",
        {
            "#id_start_participation-starts_on": start.isoformat(),
            "#id_start_participation-ends_on": (today - timedelta(days=2)).isoformat(),
        },
    )
    expect(page.get_by_test_id("decision-status")).to_have_text("公众参与")
    _participation_steps(live_server_url)
    page.reload()
    expect(page.get_by_test_id("participation")).to_contain_text("听证会")
    _act(page, "finish_participation")
    expect(page.locator("#fz-messages")).to_contain_text("1条公众意见未答复")
    # The officer answers the comment on participation's page.
    page.get_by_test_id("consultation-link").click()
    page.get_by_test_id("comments").locator("input[name=comments]").first.check()
    page.locator("select[name=outcome]").select_option("adopted")
    page.locator("textarea[name=reason]").fill("已在方案中预留非机动车停放区和充电桩")
    page.get_by_test_id("answer-submit").click()
    expect(page.get_by_test_id("unanswered")).to_have_text("0")
    page.goto(url)
    _act(page, "finish_participation")
    expect(page.get_by_test_id("decision-status")).to_have_text("专家论证")

    # 2 专家论证: a declared conflict is refused (第二十条); the signed opinion is uploaded.
    form = page.get_by_test_id("expert-form")
    form.locator("#id_name").fill("王海")
    form.locator("#id_field").fill("交通规划")
    form.locator("#id_opinion").fill("选址合理,建议分区设置出入口。")
    form.get_by_label("声明存在直接利害关系").check()
    form.get_by_role("button", name="记录论证专家").click()
    expect(page.get_by_test_id("expert-form")).to_contain_text("第二十条")
    _refused_with_400(page)
    form = page.get_by_test_id("expert-form")
    form.get_by_label("声明与决策事项无直接利害关系").check()
    form.get_by_role("button", name="记录论证专家").click()
    _act(page, "finish_expert")
    expect(page.locator("#fz-messages")).to_contain_text("署名")
    _upload(page, "experts", "王海论证意见(署名).png")
    _act(page, "finish_expert")
    expect(page.get_by_test_id("decision-status")).to_have_text("风险评估")

    # 3 风险评估: the report (risks, measures, response plan) and its file.
    form = page.get_by_test_id("risk-form")
    form.locator("#id_risks").fill("施工期交通拥堵;周边居民噪声投诉")
    form.locator("#id_measures").fill("错峰施工;设置隔音绿化带")
    form.locator("#id_response_plan").fill("交通疏导预案;投诉快速处理机制")
    form.locator("#id_level").select_option("low")
    form.locator("#id_assessor").select_option(label="张伟")
    form.locator("#id_assessor_org").fill("镇综治中心")
    form.get_by_role("button", name="保存风险评估").click()
    _upload(page, "risk", "风险评估报告.png")
    _act(page, "submit_review", {"#id_submit_review-reviewer": "郑立言"})
    expect(page.get_by_test_id("decision-status")).to_have_text("合法性审查")
    review_link = page.get_by_test_id("reviews").get_by_role("link").first.get_attribute("href")
    _log_out(page)

    # 4 合法性审查 by the legal adviser (fazhi.reviews).
    _log_in(page, "adviser", DEMO_PASSWORD)
    page.goto(review_link)
    form = page.get_by_test_id("conclude-form")
    for radio in form.locator("input[type=radio][value='1']").all():
        radio.check()
    form.locator("textarea[name=opinion]").fill(
        "决策事项属镇政府法定权限,程序完备,草案内容合法,同意提交集体讨论。"
    )
    form.locator("select[name=conclusion]").select_option("passed")
    form.get_by_role("button", name="出具审核意见").click()
    page.wait_for_load_state()
    _log_out(page)

    _log_in(page, "officer", DEMO_PASSWORD)
    page.goto(url)
    _act(page, "submit_discussion")
    expect(page.get_by_test_id("decision-status")).to_have_text("集体讨论决定")
    _log_out(page)

    # 5 集体讨论: the chief must speak last (第三十条); the minutes are uploaded; decided.
    _log_in(page, "leader", DEMO_PASSWORD)
    page.goto(url)
    form = page.get_by_test_id("discussion-form")
    form.locator("#id_attendees").fill("林海峰、吴建华、孙丽")
    form.locator("#id_speaking_order").fill("林海峰、吴建华、孙丽")
    form.locator("#id_chief").fill("林海峰")
    form.locator("#id_dissent").fill("孙丽:建议收费标准再听取商户意见")
    form.get_by_role("button", name="保存集体讨论记录").click()
    expect(page.get_by_test_id("discussion-form")).to_contain_text("行政首长须最后发表意见")
    _refused_with_400(page)
    page.get_by_test_id("discussion-form").locator("#id_speaking_order").fill(
        "吴建华、孙丽、林海峰"
    )
    page.get_by_test_id("discussion-form").get_by_role("button", name="保存集体讨论记录").click()
    expect(page.get_by_test_id("speaking-order")).to_contain_text("吴建华 → 孙丽 → 林海峰")
    _upload(page, "discussion", "常务会议记录.png")
    _act(page, "decide", {"#id_decide-decision_text": "同意建设海岛公共停车场,年内开工。"})
    expect(page.get_by_test_id("decision-status")).to_have_text("已决定")
    page.screenshot(path=str(screenshots / "decision-decided.png"), full_page=True)
    _log_out(page)

    _log_in(page, "officer", DEMO_PASSWORD)
    page.goto(url)
    _act(page, "publish", {"#id_publish-publish_channel": "海屿镇人民政府网站"})
    expect(page.get_by_test_id("decision-status")).to_have_text("已公布")
    _act(page, "archive")
    expect(page.get_by_test_id("archive-download")).to_be_visible()
    for gate in ("participation", "expert", "risk", "review", "discussion"):
        expect(page.get_by_test_id(f"gate-{gate}")).to_contain_text("已履行")
    assert page.console_errors == []

    # The public catalogue, on a phone, without logging in.
    phone = browser.new_context(
        base_url=live_server_url, locale="zh-CN", viewport={"width": 390, "height": 844}
    )
    public = phone.new_page()
    errors = []
    public.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    public.goto(public_url)
    expect(public.get_by_test_id("public-items")).to_contain_text("同意建设海岛公共停车场")
    width = public.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, width
    public.screenshot(path=str(screenshots / "decision-public-catalogue.png"), full_page=True)
    public.add_script_tag(url="/static/vendor/axe-core/axe.min.js")
    violations = public.evaluate(
        "async () => (await axe.run()).violations.map(v => ({id: v.id, impact: v.impact}))"
    )
    assert not [v for v in violations if v["impact"] in ("serious", "critical")], violations
    assert errors == []
    phone.close()
    # Readable without JavaScript.
    plain = browser.new_context(base_url=live_server_url, java_script_enabled=False)
    reader = plain.new_page()
    reader.goto(public_url)
    expect(reader.get_by_test_id("public-items")).to_contain_text(TITLE)
    plain.close()
