"""The soak's simulated people (issue "County scale", item 5; quality battery #11).

A browser mix, not a hammer: each user logs in through the login form as one of the demo
accounts, then, with a few seconds of reading between clicks, opens the workbench, the
lists of its menu (often with a filter picked from the page's own <select>s or a later
page), the records those lists link to, and one time in ten registers a contract and
sends it to legality review (two writes, one a workflow transition). What a page links
to is read from the page, so new modules join the mix as they join the menu.

Run by scripts/soak.py (`make soak`), which starts gunicorn and passes SOAK_PASSWORD,
SOAK_REVIEWER_ID and SOAK_CREDIT_CODE.
"""

from __future__ import annotations

import html
import itertools
import os
import random
import re
import uuid
from urllib.parse import urlencode

from locust import HttpUser, between, events, task

PASSWORD = os.environ.get("SOAK_PASSWORD", "")
REVIEWER_ID = int(os.environ.get("SOAK_REVIEWER_ID", "0"))
CREDIT_CODE = os.environ.get("SOAK_CREDIT_CODE", "")
# Who the 200 people are: mostly town staff, some leaders and the county.
ACCOUNTS = itertools.cycle(
    ["officer", "officer", "officer", "leader", "supervisor", "officer", "adviser", "leader"]
)

NAV = re.compile(r'<a class="nav-link[^"]*" href="(/[a-z]+/[^"?#]*)"')
RECORD = re.compile(r'href="(/[a-z]+/(?:[a-z_]+/)?\d+/)"')
SELECT = re.compile(r'<select[^>]*name="([a-z_]+)"[^>]*>(.*?)</select>', re.S)
OPTION = re.compile(r'<option value="([^"]+)"')
SKIP = ("/logout", "/password", "/core/", "/api/", "/admin")

# Every answer's time, for the soak's per-minute table (scripts/soak.py): seconds since
# the start, the request's name, milliseconds, failed or not.
TIMES = os.environ.get("SOAK_TIMES", "")
if TIMES:
    import time

    _log = open(TIMES, "w", encoding="utf-8")  # noqa: SIM115 - open for the whole run
    _started = time.monotonic()

    @events.request.add_listener
    def _timed(name, response_time, exception, **_):
        _log.write(
            f"{time.monotonic() - _started:.3f},{response_time:.1f},{int(exception is not None)},{name}\n"
        )

    @events.quitting.add_listener
    def _close(**_):
        _log.close()


class Person(HttpUser):
    wait_time = between(2, 8)  # reading the page before the next click

    def on_start(self):
        self.username = next(ACCOUNTS)
        page = self.client.get("/login/", name="/login/").text
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)[1]
        self.client.post(
            "/login/",
            {"username": self.username, "password": PASSWORD, "csrfmiddlewaretoken": token},
            name="/login/ POST",
        )
        home = self.client.get("/", name="/ (workbench)").text
        self.lists = sorted(
            {h for h in NAV.findall(home) if h != "/" and not h.startswith(SKIP)}
        ) or ["/"]
        self.records: list[str] = []

    @task(3)
    def workbench(self):
        self.client.get("/", name="/ (workbench)")

    @task(4)
    def list_page(self):
        url = random.choice(self.lists)
        query = ""
        if random.random() < 0.3:
            query = f"?page={random.randint(2, 5)}"
        page = self.client.get(url + query, name=url + (" ?page" if query else "")).text
        filters = SELECT.findall(page)
        if filters and random.random() < 0.6:
            name, options = random.choice(filters)
            values = OPTION.findall(options)
            if values:
                value = random.choice(values)
                # Encoded as a browser sends it: a raw "61+" would arrive as "61 ".
                query = urlencode({name: html.unescape(value)})
                page = self.client.get(f"{url}?{query}", name=f"{url} ?{name}").text
        found = RECORD.findall(page)
        if found:
            self.records = (found + self.records)[:40]

    @task(2)
    def record_page(self):
        if not self.records:
            return self.list_page()
        url = random.choice(self.records)
        self.client.get(url, name=re.sub(r"\d+", "<id>", url))

    @task(1)
    def transition(self):
        """Register a contract and send it to legality review (the officer's daily work)."""
        if self.username != "officer":
            return self.record_page()
        headers = {"X-CSRFToken": self.client.cookies.get("csrftoken", "")}
        with self.client.post(
            "/api/v1/contracts",
            json={
                "title": f"压力测试采购合同{uuid.uuid4().hex[:8]}",
                "category": "goods",
                "counterparty_name": "海屿镇测试供应商有限公司",
                "counterparty_credit_code": CREDIT_CODE,
                "amount": "18000.00",
                "payment_term_days": 30,
                "payment_term_agreed": True,
                "body": "甲方应在验收合格后30日内支付合同价款。",
            },
            headers=headers,
            name="/api/v1/contracts POST",
            catch_response=True,
        ) as created:
            if created.status_code != 201:  # the failure names the refusal, for the report
                return created.failure(f"{created.status_code} {created.text[:300]}")
        pk = created.json()["id"]
        with self.client.post(
            f"/api/v1/contracts/{pk}/transitions/submit_review",
            json={"reviewer_id": REVIEWER_ID, "note": ""},
            headers=headers,
            name="/api/v1/contracts/<id>/transitions/submit_review",
            catch_response=True,
        ) as sent:
            if sent.status_code != 200:
                sent.failure(f"{sent.status_code} {sent.text[:300]}")
