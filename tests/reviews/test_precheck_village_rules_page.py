"""The 智能预审 page offers 村规民约 too: chosen, or found from the title, a village's rules
are read with the village-rules rule set (a fine in them is flagged with its basis)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from fazhi.reviews.models import PrecheckRun
from fazhi.reviews.precheck.engine import detect_kind

RULES = "东岙村村规民约\n第一条 村民应当爱护公共设施。\n第二条 乱倒垃圾者,罚款二百元。\n"


def test_a_title_naming_village_rules_is_read_as_village_rules():
    assert detect_kind(["东岙村村规民约", "第一条 ……"]) == "village_rules"
    assert detect_kind(["渔港社区居民公约"]) == "village_rules"
    assert detect_kind(["海屿镇人民政府关于渔港管理的通知"]) == "normative"


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["village_rules", ""])
def test_the_officer_prechecks_village_rules_from_the_page(login, people, kind):
    client = login(people.officer)
    response = client.post(
        reverse("reviews:precheck_list"), {"title": "东岙村村规民约", "kind": kind, "text": RULES}
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    run = PrecheckRun.objects.get()
    assert run.kind == "village_rules"
    assert run.findings.exists()
