"""公众参与's services: consultations, comments, answers, moderation — and every refusal
is Chinese, names its rule and changes nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest

from fazhi.core.models import ParameterValue
from fazhi.core.permissions import ServiceError
from fazhi.participation import selectors, services
from fazhi.participation.models import Comment

from .conftest import DAY, comment, open_consultation, snapshot


def refused(*needles):
    class _Ctx:
        def __enter__(self):
            self.before = snapshot()
            self.raises = pytest.raises(ServiceError)
            self.info = self.raises.__enter__()
            return self.info

        def __exit__(self, *exc):
            handled = self.raises.__exit__(*exc)
            message = self.info.value.message
            for needle in needles:
                assert needle in message, message
            assert snapshot() == self.before, "a refused call changed data"
            return handled

    return _Ctx()


def test_text_is_split_into_articles(consultation):
    labels = [p["label"] for p in consultation.paragraphs]
    assert labels == ["第1段", "第一条", "第二条", "第三条", "第四条"]
    assert consultation.status == "open"
    assert consultation.public_url == f"/public/consultations/{consultation.pk}/"


def test_comment_on_a_paragraph_quotes_it(people, consultation):
    c = comment(people, consultation, paragraph=4)
    assert c.quote.startswith("第三条 渔船停泊区")
    consultation.refresh_from_db()
    assert consultation.comment_count == 1
    assert consultation.unanswered_count == 1 and not consultation.all_answered


def test_comment_on_the_whole(people, consultation):
    c = comment(people, consultation, paragraph=None)
    assert c.paragraph is None and c.quote == ""


def test_comment_after_the_period_is_refused(people, tree, today):
    c = open_consultation(people, tree, starts=DAY - timedelta(days=40))
    with refused("征求意见期已于", "结束"):
        comment(people, c)


def test_comment_on_a_missing_paragraph_is_refused(people, consultation):
    with refused("没有所选的条文", "第99项"):
        comment(people, consultation, paragraph=99)


def test_comment_over_the_length_is_refused(people, consultation):
    with refused("不得超过2000字"):
        comment(people, consultation, body="长" * 2001)


def test_comment_with_html_or_script_is_refused(people, consultation):
    with refused("纯文本", "HTML"):
        comment(people, consultation, body="<script>alert(1)</script>好")
    with refused("纯文本"):
        comment(people, consultation, body='点击<a href="x">这里</a>')


def test_rate_limit_per_account(people, tree, consultation):
    ParameterValue.objects.create(
        org_unit=tree.county, key="participation.comments_per_account_hour", value=2,
        set_by=people.supervisor,
    )  # fmt: skip
    comment(people, consultation, body="一")
    comment(people, consultation, body="二")
    with refused("每个账号每小时最多提交2条"):
        comment(people, consultation, body="三")


def test_rate_limit_per_ip(people, tree, consultation):
    ParameterValue.objects.create(
        org_unit=tree.county, key="participation.comments_per_ip_hour", value=1,
        set_by=people.supervisor,
    )  # fmt: skip
    comment(people, consultation, body="一", ip="10.9.9.9")
    with refused("同一网络地址每小时最多提交1条"):
        comment(people, consultation, body="二", user=people.cadre, ip="10.9.9.9")
    # Another address is not held back; the address itself is never stored.
    comment(people, consultation, body="二", user=people.cadre, ip="10.9.9.8")
    assert not Comment.objects.filter(ip_hash__contains="10.9").exists()


def test_answer_needs_a_reason(people, consultation):
    c = comment(people, consultation)
    with refused("答复须写明理由", "第十五条"):
        services.answer_comments(
            actor=people.officer, consultation=consultation, comments=[c], outcome="adopted",
            reason="  ",
        )  # fmt: skip


def test_grouped_answer_and_rates(people, consultation):
    a = comment(people, consultation, body="一")
    b = comment(people, consultation, body="二")
    d = services.comment_enter_offline(
        actor=people.officer, consultation=consultation, body="来信建议", author_name="渔民协会",
        channel="letter", tag="social_org",
    )  # fmt: skip
    services.answer_comments(actor=people.officer, consultation=consultation, comments=[a, b],
                             outcome="adopted", reason="已在第三条中增加")  # fmt: skip
    consultation.refresh_from_db()
    assert consultation.unanswered_count == 1
    assert consultation.feedback_rate == 66.7 and consultation.adoption_rate == 100.0
    with refused("已经答复"):
        services.answer_comments(actor=people.officer, consultation=consultation,
                                 comments=[a], outcome="rejected", reason="重复")  # fmt: skip
    services.answer_comments(actor=people.officer, consultation=consultation, comments=[d],
                             outcome="rejected", reason="超出本计划范围")  # fmt: skip
    consultation.refresh_from_db()
    assert consultation.all_answered
    assert consultation.feedback_rate == 100.0 and consultation.adoption_rate == 66.7
    # The commenter sees their answer.
    mine = list(selectors.my_comments(people.resident))
    assert {m.answer.get_outcome_display() for m in mine} == {"采纳"}


def test_offline_comment_needs_an_offline_channel(people, consultation):
    with refused("线下渠道"):
        services.comment_enter_offline(
            actor=people.officer, consultation=consultation, body="x", author_name="张三",
            channel="online", tag="public",
        )  # fmt: skip


def test_resident_cannot_enter_offline_or_answer(people, consultation):
    c = comment(people, consultation)
    with refused("无权"):
        services.answer_comments(actor=people.resident, consultation=consultation,
                                 comments=[c], outcome="adopted", reason="好")  # fmt: skip
    with refused("无权"):
        services.comment_enter_offline(
            actor=people.resident, consultation=consultation, body="x", author_name="张三",
            channel="letter", tag="public",
        )  # fmt: skip


def test_other_town_cannot_answer(people, consultation):
    c = comment(people, consultation)
    with refused("本单位"):
        services.answer_comments(actor=people.officer_b, consultation=consultation,
                                 comments=[c], outcome="adopted", reason="好")  # fmt: skip


def test_hide_with_reason_keeps_the_comment(people, consultation):
    c = comment(people, consultation, body="广告内容")
    with refused("须写明理由"):
        services.comment_hide(actor=people.officer, comment=c, reason="")
    services.comment_hide(actor=people.officer, comment=c, reason="与征求意见无关的广告")
    c.refresh_from_db()
    consultation.refresh_from_db()
    assert c.hidden and c.hidden_reason == "与征求意见无关的广告"
    assert Comment.objects.filter(pk=c.pk).exists()
    assert consultation.comment_count == 0 and consultation.all_answered


def test_short_period_needs_a_reason(people, tree, today):
    with refused("征求意见期限不足", "须写明理由", "第十五条"):
        open_consultation(people, tree, days=3)
    c = open_consultation(people, tree, days=3, reason_short="防台风应急,须在汛期前实施")
    assert c.reason_short


def test_decision_consultation_needs_30_days(people, tree, today):
    from fazhi.participation.services.consultation import minimum_end

    earliest, rule = minimum_end("decision", tree.town_a, DAY)
    assert rule == "重大行政决策征求意见不少于30日"
    assert earliest == DAY + timedelta(days=30)  # 2025-04-02, a Wednesday


def test_normative_minimum_counts_working_days_over_a_holiday(tree):
    from fazhi.participation.services.consultation import minimum_end

    # 7 working days from Friday 2024-09-27: Sunday 09-29 and Saturday 10-12 are 调休
    # working days, the National Day week (10-01..10-07) is not counted.
    earliest, _ = minimum_end("normative", tree.town_a, DAY.replace(2024, 9, 27))
    assert earliest.isoformat() == "2024-10-12"


def test_period_end_on_a_holiday_moves_to_the_next_working_day(tree):
    from datetime import date

    from fazhi.participation.services.consultation import minimum_end

    # 30 days ending on 2024-10-01 (国庆) end on 2024-10-08.
    earliest, _ = minimum_end("decision", tree.town_a, date(2024, 9, 1))
    assert earliest.isoformat() == "2024-10-08"
