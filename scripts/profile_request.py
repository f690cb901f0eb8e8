"""In-process cost of one request, page by page (issue 15, the "saturated" row).

Every page pays the middleware, the session and user read, the context processors and
base.html before its own view; this measures the whole request in process (no HTTP, no
gunicorn), so a change in core shows up without a load test:

    FAZHI_DATA_DIR=/tmp/h4data .venv/bin/python scripts/profile_request.py [-n 200]
        [--user officer] [--profile /documents/1/] [--top 30] [--path /x/ ...]
        [--try-prepared]

The data directory must hold the demo (`fazhi migrate && fazhi demo && fazhi tick` with
FAZHI_DATA_DIR set). --try-prepared reads the user and their memberships through
core.prepared (patched in this process only) to show what that would save.
Prints, per user and page: the median and p90 wall time over N requests, the query count
of one request and the response size; with --profile, cProfile's top entries
(cumulative) for that page. DEBUG stays off (as in production: cached template loader,
no query log except while counting).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import re
import statistics
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "fazhi.settings")
# The test client calls itself "testserver"; no setup_test_environment (it instruments
# template rendering and would add its own cost to every page).
os.environ["FAZHI_ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"

import django  # noqa: E402

django.setup()

import logging  # noqa: E402

logging.getLogger("django.request").setLevel(logging.CRITICAL)  # the floor's 404s
warnings.filterwarnings("ignore", message="No directory at")

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

# Lists, the workbench and API routes; the details are the first link of their list
# whose path matches the pattern (so any demo data works).
LISTS = [
    "/",
    "/contracts/",
    "/documents/",
    "/documents/filings/",
    "/disputes/",
    "/grids/",
    "/reviews/",
    "/inspections/",
    "/api/v1/contracts",
    "/api/v1/me",
    "/no-such-page/",  # the floor: a logged-in request no view answers
]
DETAILS = [
    ("/documents/", r"^/documents/\d+/$"),
    ("/contracts/", r"^/contracts/\d+/$"),
    ("/reviews/", r"^/reviews/\d+/$"),
    ("/disputes/", r"^/disputes/\d+/$"),
    ("/inspections/", r"^/inspections/\d+/$"),
]
API_DETAILS = [("/api/v1/contracts", "/api/v1/contracts/{id}")]


def try_prepared() -> None:
    """What compiling the per-request auth queries once would save (issue 15): the person
    (auth's ModelBackend.get_user) and their memberships (User.active_memberships) read
    through core.prepared. Patched here for measurement only (--try-prepared)."""
    from django.contrib.auth.backends import ModelBackend

    from fazhi.core.models import Membership, User
    from fazhi.core.prepared import prepared

    users = prepared(lambda pk: User._default_manager.filter(pk=pk), -7_000_001)
    memberships = prepared(
        lambda pk: (
            Membership.objects.filter(user_id=pk, is_active=True)
            .select_related("org_unit")
            .order_by("id")
        ),
        -7_000_001,
    )

    def get_user(self, user_id):
        found = users(int(user_id))
        return found[0] if found and self.user_can_authenticate(found[0]) else None

    def active_memberships(self):
        cache = getattr(self, "_membership_cache", None)
        if cache is None:
            cache = self._membership_cache = memberships(self.pk)
        return cache

    ModelBackend.get_user = get_user
    User.active_memberships = active_memberships


def login(username: str) -> Client:
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def first_link(client: Client, page: str, pattern: str) -> str | None:
    response = client.get(page)
    if response.status_code != 200:
        return None
    for href in re.findall(r'href="([^"#?]+)"', response.content.decode()):
        if re.match(pattern, href):
            return href
    return None


def first_api_id(client: Client, page: str) -> int | None:
    response = client.get(page)
    if response.status_code != 200:
        return None
    data = response.json()
    items = data.get("items", data) if isinstance(data, dict) else data
    return items[0]["id"] if items else None


def pages_for(client: Client, extra: list[str]) -> list[str]:
    pages = list(LISTS)
    for page, pattern in DETAILS:
        link = first_link(client, page, pattern)
        if link:
            pages.append(link)
    for page, template in API_DETAILS:
        found = first_api_id(client, page)
        if found is not None:
            pages.append(template.format(id=found))
    return pages + extra


def measure(client: Client, path: str, n: int) -> dict:
    client.get(path)  # warm: templates compiled, URL resolved once
    connection.force_debug_cursor = True  # log this one request's queries
    before = len(connection.queries_log)
    response = client.get(path)
    queries = len(connection.queries_log) - before
    connection.force_debug_cursor = False
    times, cpu = [], []
    for _ in range(n):
        start, start_cpu = time.perf_counter(), time.process_time()
        client.get(path)
        cpu.append((time.process_time() - start_cpu) * 1000)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {
        "status": response.status_code,
        "median": statistics.median(times),
        # CPU time of this process: less disturbed than wall time when others share the cores
        "cpu": statistics.median(cpu),
        "min": times[0],
        "p90": times[int(len(times) * 0.9) - 1],
        "queries": queries,
        "bytes": len(response.content),
    }


def profile(client: Client, path: str, n: int, top: int, sort: str) -> str:
    client.get(path)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(n):
        client.get(path)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats(sort).print_stats(top)
    return out.getvalue()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200, help="requests per page (default 200)")
    parser.add_argument("--user", action="append", help="officer and supervisor by default")
    parser.add_argument("--path", action="append", default=[], help="only these pages")
    parser.add_argument("--profile", help="a page to profile with cProfile")
    parser.add_argument("--top", type=int, default=30)
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument(
        "--try-prepared", action="store_true", help="read the user and memberships prepared"
    )
    args = parser.parse_args(argv)
    if args.try_prepared:
        try_prepared()
    users = args.user or ["officer", "supervisor"]

    if args.profile:
        client = login(users[0])
        print(profile(client, args.profile, args.n, args.top, args.sort))
        return 0

    print(
        f"{'user':<11}{'page':<34}{'status':>6}{'median ms':>11}{'min ms':>8}{'p90 ms':>9}{'cpu ms':>8}"
        f"{'queries':>9}{'KB':>8}"
    )
    total = 0.0
    for username in users:
        client = login(username)
        pages = args.path or pages_for(client, [])
        for path in pages:
            row = measure(client, path, args.n)
            total += row["median"]
            print(
                f"{username:<11}{path:<34}{row['status']:>6}{row['median']:>11.2f}{row['min']:>8.2f}"
                f"{row['p90']:>9.2f}{row['cpu']:>8.2f}{row['queries']:>9}{row['bytes'] / 1024:>8.1f}"
            )
    print(f"sum of medians: {total:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
