"""公众参与's pages: the public site read anonymously (without JavaScript: the text is in
the HTML), personal data masked, hidden comments shown as 已隐藏 with the reason; a
resident registers and comments; the officer answers and hides; query counts are flat."""

from __future__ import annotations

from django.urls import reverse

from fazhi.core import clock
from fazhi.core.models import User
from fazhi.participation import services
from fazhi.participation.models import Comment

from .conftest import DAY, comment, open_consultation


def test_public_home_and_consultation_read_anonymously(client, people, consultation):
    comment(people, consultation, body="我的电话13905801401,身份证339901195105080027")
    with clock.pinned(DAY):
        home = client.get(reverse("participation:public_home"))
        page = client.get(consultation.public_url)
    assert home.status_code == 200 and "渔港环境整治三年行动计划" in home.content.decode()
    html = page.content.decode()
    assert "第三条 渔船停泊区每日清扫一次" in html
    assert "139****1401" in html and "13905801401" not in html
    assert "339***********0027" in html and "339901195105080027" not in html
    # The resident's full name is not published.
    assert people.resident.full_name not in html
    assert 'href="/login/' in html and "staff" not in html and 'data-testid="nav"' not in html


def test_hidden_comment_shows_its_reason(client, people, consultation):
    c = comment(people, consultation, body="广告:低价出售渔网")
    services.comment_hide(actor=people.officer, comment=c, reason="与征求意见无关的广告")
    with clock.pinned(DAY):
        html = client.get(consultation.public_url).content.decode()
    assert "已隐藏(理由:与征求意见无关的广告)" in html and "低价出售渔网" not in html


def test_resident_registers_and_is_logged_in(client, tree, db):
    r = client.post(reverse("participation:public_register"), {
        "full_name": "林小渔", "phone": "13905808888", "org_unit": tree.village_a1.pk,
        "username": "linxy", "password": "Fz!2026-haiyu", "consent": "on",
    })  # fmt: skip
    assert r.status_code == 302, r.content.decode()
    assert User.objects.get(username="linxy").has_role("resident")
    assert client.get(reverse("participation:public_mine")).status_code == 200


def test_registration_without_consent_is_refused_on_the_page(client, tree, db):
    n = User.objects.count()
    r = client.post(reverse("participation:public_register"), {
        "full_name": "林小渔", "phone": "13905808888", "org_unit": tree.village_a1.pk,
        "username": "linxy", "password": "Fz!2026-haiyu",
    })  # fmt: skip
    assert r.status_code == 400 and "个人信息保护法第十三条" in r.content.decode()
    assert User.objects.count() == n


def test_resident_comments_on_article_three(login, people, consultation):
    client = login(people.resident)
    url = reverse("participation:public_comment", args=[consultation.pk])
    with clock.pinned(DAY):
        form = client.get(url + "?paragraph=4")
        assert "第三条" in form.content.decode()
        r = client.post(url, {"paragraph": "4", "tag": "public", "body": "建议每日清扫两次"})
    assert r.status_code == 302
    assert Comment.objects.get().quote.startswith("第三条")


def test_script_in_a_comment_is_refused_on_the_page(login, people, consultation):
    client = login(people.resident)
    url = reverse("participation:public_comment", args=[consultation.pk])
    with clock.pinned(DAY):
        r = client.post(url, {"paragraph": "", "tag": "public", "body": "<script>x</script>"})
    assert r.status_code == 400 and "纯文本" in r.content.decode()
    assert not Comment.objects.exists()


def test_officer_answers_on_the_detail_page(login, people, consultation):
    a = comment(people, consultation, body="一")
    b = comment(people, consultation, body="二")
    client = login(people.officer)
    url = reverse("participation:comment_answer", args=[consultation.pk])
    r = client.post(url, {"comments": [a.pk, b.pk], "outcome": "rejected", "reason": ""})
    assert r.status_code == 400 and "答复须写明理由" in r.content.decode()
    r = client.post(url, {"comments": [a.pk, b.pk], "outcome": "rejected", "reason": "已有规定"})
    assert r.status_code == 302
    consultation.refresh_from_db()
    assert consultation.all_answered


def _grow(people, c, n):
    for i in range(n):
        Comment.objects.create(
            consultation=c, org_unit=c.org_unit, body=f"意见{i}", author=people.resident,
            author_name="王", channel="online", entered_by=people.resident, paragraph=2,
        )  # fmt: skip


def test_query_counts_are_flat(login, people, tree, today, count_queries):
    c = open_consultation(people, tree)
    staff = login(people.officer)
    _grow(people, c, 10)
    detail = reverse("participation:consultation_detail", args=[c.pk])
    listing = reverse("participation:consultation_list")
    small = (count_queries(lambda: staff.get(detail)), count_queries(lambda: staff.get(listing)),
             count_queries(lambda: staff.get(c.public_url)))  # fmt: skip
    _grow(people, c, 90)
    for i in range(10):
        open_consultation(people, tree, title=f"计划{i}")
    large = (count_queries(lambda: staff.get(detail)), count_queries(lambda: staff.get(listing)),
             count_queries(lambda: staff.get(c.public_url)))  # fmt: skip
    assert small == large


def test_public_home_lists_published_documents(client, people, tree, db):
    from fazhi.documents.models import Document

    Document.objects.create(
        org_unit=tree.town_a, title="海屿镇海岸带保护管理办法", status="in_force",
        number="海屿镇政规〔2025〕1号", published_on=DAY, publish_channel="镇政府门户网站",
        created_by=people.officer,
    )  # fmt: skip
    Document.objects.create(org_unit=tree.town_a, title="起草中的办法", created_by=people.officer)
    html = client.get(reverse("participation:public_home")).content.decode()
    assert "海屿镇海岸带保护管理办法" in html and "海屿镇政规〔2025〕1号" in html
    assert "起草中的办法" not in html


def test_a_busy_consultations_comments_come_fifty_to_a_page(client, login, people, tree, today):
    """Hundreds of comments never render at once: the public page and the staff page show
    fifty with the pager; the staff page puts those still waiting for an answer first, so
    after answering, page one is the work that is left."""
    c = open_consultation(people, tree)
    _grow(people, c, 60)
    first_ten = list(Comment.objects.filter(consultation=c).order_by("id")[:55])
    services.answer_comments(actor=people.officer, consultation=c, comments=[x.pk for x in first_ten],
                             outcome="rejected", reason="已有规定")  # fmt: skip

    html = client.get(c.public_url).content.decode()
    assert html.count('data-testid="public-comment"') == 50
    assert "第 1 / 2 页" in html and "意见0" in html
    html = client.get(c.public_url + "?page=2").content.decode()
    assert html.count('data-testid="public-comment"') == 10 and "意见59" in html

    staff = login(people.officer)
    detail = reverse("participation:consultation_detail", args=[c.pk])
    html = staff.get(detail).content.decode()
    assert html.count('data-testid="comment-row"') == 50 and "第 1 / 2 页" in html
    rows = html.split('data-testid="comment-row"')[1:]
    assert all('name="comments"' in row for row in rows[:5])
    assert not any('name="comments"' in row for row in rows[5:])
    assert html.count('name="comments"') == 5
