"""`make bench`: the pages and the API over real HTTP at county scale.

    make bench [FACTOR=1.0] [DB=sqlite|postgresql] [REQUESTS=30]
    .venv/bin/python scripts/bench.py --db sqlite --factor 1.0 --requests 30

1. Data: a data directory under var/bench/<db>-<factor>/ with `fazhi migrate`, `fazhi
   demo` and `fazhi scale-data --factor F --seed S`. SQLite's is reused while the factor,
   seed, migrations and data generators are unchanged; PostgreSQL's database lives in the
   throwaway cluster of scripts/pg-test.sh, built every run, unless DATABASE_URL already
   names a kept cluster (`make bench DB=postgresql DATABASE_URL=postgres://…`): then it is
   reused like SQLite's while it still holds the county the marker describes.
2. Routes come from the URL resolver, so a new page joins by itself: every GET list page
   (no arguments), the workbench, the figures, every API GET route without arguments, and
   every detail (one argument, last in the path). Forms, exports, imports, transitions,
   POST-only views, auth, admin and the API docs are left out; so is a route that answers
   neither user with 200 (listed as skipped). A detail's id is the first link to it on the
   user's list pages (the API's: the first `id` of the matching API list); none → "no
   sample".
3. HTTP: gunicorn with 2 workers on a free local port; the demo accounts `officer` (one
   town) and `supervisor` (the county) log in through the login form. Each route is warmed
   up twice, then REQUESTS requests one at a time (p50/p95) and REQUESTS requests from 8
   threads, each with its own connection (p50/p95, requests per second).
4. In process (same database, server stopped): the queries each page runs (count, and the
   slowest SELECT as the page ran it), that SELECT again through a bare cursor (median of
   5) → page time ÷ raw main query; and for list pages, Django admin's changelist of the
   same model (a plain ModelAdmin: its COUNTs and its page query) → admin ÷ ours.
5. A table on stdout, and docs/benchmarks.md: its "## SQLite" or "## PostgreSQL" section
   is replaced, the other database's is kept.

Targets are those of the project's quality bar (Performance), copied into TARGETS below.
"""

from __future__ import annotations

import argparse
import hashlib
import http.client
import json
import math
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
DOC = ROOT / "docs" / "benchmarks.md"
USERS = ("officer", "supervisor")
CONCURRENCY = 8
WORKERS = 2
# Threads per worker (gthread), as `make run` serves: a request waiting on the database or
# on a long county count does not hold every other request behind it, as a sync worker
# would. Keep-alive off, as there: a kept connection stays with the worker that accepted
# it, and with 8 clients one worker could hold six while the other idled (half the
# throughput, measured with wrk); closed after each answer, the workers take turns.
THREADS = int(os.environ.get("FAZHI_BENCH_THREADS", "4"))
RAW_RUNS = 5
PAGE_RUNS = 3
DB_LABELS = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}

# A route whose name or path has one of these words is not a page to measure.
SKIP_WORDS = frozenset(
    "export xlsx download new create edit update import transition logout login password "
    "admin openapi docs enter".split()
)

# quality.md, "Performance": p95 in ms at one request at a time, throughput when saturated
# (2 worker processes), query count of a list page, list vs Django admin's changelist.
TARGETS = {
    "detail": {"p95": 40, "rps": 600},
    "list": {"p95": 60, "rps": 250, "queries": 12},
    "workbench": {"p95": 100},
    "figures": {"p95": 300},
    "dashboard": {"p95": 300},
    "comparison": {"p95": 10_000},  # "county: all towns side by side, 5 years ≤ 10 s"
}
# An API path no route matches: the API's JSON 404, after the session and user are read
# (and the session saved): the floor under every logged-in request.
FLOOR_PATH = "/api/v1/bench-floor"
ADMIN_PER_PAGE = 50  # our lists show 20–50 rows; admin's default is 100
# List pages ≥ 5× faster than admin's changelist, on PostgreSQL at 1M rows (judged only
# for a model that has that many; below, COUNT(*) is cheap and the ratio is only shown).
ADMIN_TARGET = 5.0
ADMIN_TARGET_ROWS = 1_000_000

# List page → the model its rows are (for the admin comparison). A list not named here
# takes the table of its slowest query.
LIST_MODELS = {
    "contracts:contract_list": "contracts.Contract",
    "documents:document_list": "documents.Document",
    "documents:filing_list": "documents.Filing",
    "documents:cleanup_list": "documents.CleanupBatch",
    "advisers:adviser_list": "advisers.Adviser",
    "inspections:inspection_list": "inspections.Inspection",
    "reviews:review_list": "reviews.ReviewRequest",
    "reviews:precheck_list": "reviews.PrecheckRun",
    "core:audit_list": "core.AuditEvent",
    "core:unit_list": "core.OrgUnit",
    "api-1.0.0:contracts_list": "contracts.Contract",
    "api-1.0.0:documents_list": "documents.Document",
    "api-1.0.0:filings_list": "documents.Filing",
    "api-1.0.0:advisers_list": "advisers.Adviser",
    "api-1.0.0:inspections_list": "inspections.Inspection",
    "api-1.0.0:review_list": "reviews.ReviewRequest",
    "api-1.0.0:prechecks_list": "reviews.PrecheckRun",
    "api-1.0.0:audit_events": "core.AuditEvent",
    "api-1.0.0:unit_list": "core.OrgUnit",
    "api-1.0.0:membership_list": "core.Membership",
    "disputes:dispute_list": "disputes.Dispute",
    "grids:visit_list": "grids.Visit",
    "grids:person_list": "grids.KeyPerson",
    "petitions:petition_list": "petitions.Petition",
    "tasks:task_list": "tasks.Task",
    "tasks:plan_list": "tasks.Plan",
    "decisions:decision_list": "decisions.Decision",
    "leadership:meeting_list": "leadership.Meeting",
    "training:session_list": "training.Session",
    "earlywarning:warning_list": "earlywarning.EarlyWarning",
    "tenday:report_list": "tenday.TenDayReport",
    "participation:consultation_list": "participation.Consultation",
    "api-1.0.0:disputes_list": "disputes.Dispute",
    "api-1.0.0:grids_visit_list": "grids.Visit",
    "api-1.0.0:grids_person_list": "grids.KeyPerson",
    "api-1.0.0:petitions_list": "petitions.Petition",
    "api-1.0.0:tasks_list": "tasks.Task",
    "api-1.0.0:tasks_plan_list": "tasks.Plan",
    "api-1.0.0:decisions_list": "decisions.Decision",
    "api-1.0.0:training_sessions_list": "training.Session",
    "api-1.0.0:earlywarning_list": "earlywarning.EarlyWarning",
    "api-1.0.0:tenday_list": "tenday.TenDayReport",
    "publicity:event_list": "publicity.Event",
    "publicity:casepush_list": "publicity.CasePush",
    "api-1.0.0:publicity_events": "publicity.Event",
    "api-1.0.0:publicity_casepushes": "publicity.CasePush",
    "lawunits:village_list": "lawunits.VillageRecord",
    "lawunits:registry_list": "lawunits.RegistryEntry",
    "lawunits:villagerules_list": "lawunits.VillageRules",
    "exams:exam_list": "exams.Exam",
}


# --- routes ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    name: str  # namespaced URL name
    path: str  # "/contracts/<int:pk>/"
    kind: str  # list, detail, workbench, figures; "api …" for the API
    param: str | None = None

    @property
    def namespace(self) -> str:
        return self.name.rpartition(":")[0]

    @property
    def is_api(self) -> bool:
        return self.kind.startswith("api")

    @property
    def base_kind(self) -> str:
        return self.kind.removeprefix("api ")

    def url(self, pk=None) -> str:
        return re.sub(r"<[^>]+>", str(pk), self.path) if self.param else self.path


def _words(text: str) -> set[str]:
    words = {w.lower() for w in re.split(r"[^A-Za-z0-9]+", text) if w}
    return words | {w[:-1] for w in words if w.endswith("s")}


def _path_view(callback):
    """django-ninja's PathView behind a pattern (one per path, holding its operations):
    the bound method's self, or the `self` its view wrapper closes over."""
    found = getattr(callback, "__self__", None)
    code = getattr(callback, "__code__", None)
    if found is None and code is not None and "self" in code.co_freevars and callback.__closure__:
        found = callback.__closure__[code.co_freevars.index("self")].cell_contents
    return found if hasattr(found, "operations") else None


def _allowed_methods(callback) -> set[str] | None:
    """The methods a view restricts itself to (require_POST, require_http_methods …),
    read from the decorator's closure; None when it does not say."""
    view_class = getattr(callback, "view_class", None)
    if view_class is not None:
        return {m.upper() for m in view_class.http_method_names if hasattr(view_class, m)}
    fn, depth = callback, 0
    while fn is not None and depth < 20:
        code = getattr(fn, "__code__", None)
        if code is not None and "request_method_list" in code.co_freevars and fn.__closure__:
            cell = fn.__closure__[code.co_freevars.index("request_method_list")]
            return {m.upper() for m in cell.cell_contents}
        fn, depth = getattr(fn, "__wrapped__", None), depth + 1
    return None


def _api_get(callback, url_name: str) -> bool:
    """A django-ninja pattern: does its operation of this name answer GET?"""
    for operation in getattr(_path_view(callback), "operations", ()):
        name = getattr(operation, "url_name", None) or operation.view_func.__name__
        if name == url_name:
            return "GET" in operation.methods
    return False


def _walk(resolver, prefix: str = "", namespace: str = ""):
    from django.urls import URLPattern, URLResolver

    for pattern in resolver.url_patterns:
        route = str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace
            inner = f"{namespace}:{ns}" if namespace and ns else (ns or namespace)
            yield from _walk(pattern, prefix + route, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, prefix + route, pattern


def discover_routes(resolver=None) -> list[Route]:
    """Every GET page and API route worth measuring, from the URL patterns."""
    from django.urls import get_resolver
    from django.urls.resolvers import RoutePattern

    routes, seen_paths = [], set()
    for name, route, pattern in _walk(resolver or get_resolver()):
        if not isinstance(pattern.pattern, RoutePattern):
            continue  # the API's catch-all and the like
        if _words(name) & SKIP_WORDS or _words(route) & SKIP_WORDS:
            continue
        params = re.findall(r"<(?:(\w+):)?(\w+)>", route)
        is_api = route.startswith("api/")
        if is_api:
            if not _api_get(pattern.callback, pattern.name):
                continue
        else:
            methods = _allowed_methods(pattern.callback)
            if methods is not None and "GET" not in methods:
                continue
        if len(params) > 1:
            continue
        if params:
            converter, param = params[0]
            if not route.rstrip("/").endswith(">") or (not is_api and converter != "int"):
                continue  # an action on a record (…/<pk>/revoke/), not the record
            kind = "detail"
        elif route == "":
            kind, param = "workbench", None
        elif "figures" in _words(route):
            kind, param = "figures", None
        elif {"dashboard", "county"} <= _words(route):  # towns side by side, one year
            kind, param = "comparison", None
        elif "dashboard" in _words(route):  # the leaders' 驾驶舱: quality.md's own row
            kind, param = "dashboard", None
        else:
            kind, param = "list", None
        if route in seen_paths:
            continue
        seen_paths.add(route)
        routes.append(Route(name, "/" + route, f"api {kind}" if is_api else kind, param))
    return routes


def first_id(data):
    """The first integer `id` in an API answer (a list, or {"items": [...]})."""
    if isinstance(data, dict):
        if isinstance(data.get("id"), int):
            return data["id"]
        values = [data["items"]] if "items" in data else list(data.values())
    elif isinstance(data, list):
        values = data
    else:
        return None
    for value in values:
        if isinstance(value, dict | list):
            found = first_id(value)
            if found is not None:
                return found
    return None


def hrefs(html: str) -> list[str]:
    return [h for h in re.findall(r'href="(/[^"#?]*)', html) if not h.startswith("/static/")]


# --- data ----------------------------------------------------------------------------------


def _fingerprint() -> str:
    """What the generated data depends on: migrations and the demo/scale generators."""
    digest = hashlib.sha256()
    files = sorted(
        {*ROOT.glob("fazhi/*/migrations/*.py"), *ROOT.glob("fazhi/*/scale.py")}
        | {*ROOT.glob("fazhi/*/demo*.py")}
    )
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def _pg_has_county(url: str) -> bool:
    """The marker names this database, and the database still holds a grown county (a
    throwaway cluster on the same port would be empty)."""
    import psycopg

    try:
        with psycopg.connect(url, connect_timeout=5) as conn:
            (units,) = conn.execute("SELECT count(*) FROM core_orgunit").fetchone()
    except psycopg.Error:
        return False
    return units > 100


def _run(cmd: list, env: dict, label: str) -> float:
    started = time.perf_counter()
    cmd = [str(c) for c in cmd]
    print(f"==> {label}: fazhi {' '.join(cmd[1:])}", flush=True)
    subprocess.run(cmd, env=env, cwd=ROOT, check=True)
    return time.perf_counter() - started


def prepare_data(db: str, factor: float, seed: int, env: dict) -> tuple[Path, str]:
    """The data directory, built or reused; and how it came to be (for the report)."""
    data = ROOT / "var" / "bench" / f"{db}-{factor}"
    marker = data / "bench-ready.json"
    key = {"db": db, "factor": factor, "seed": seed, "fingerprint": _fingerprint()}
    if db == "postgresql":  # a cluster kept between runs (not pg-test.sh's throwaway one)
        key["database"] = env.get("DATABASE_URL", "")
    env = {**env, "FAZHI_DATA_DIR": str(data)}
    reusable = marker.exists() and json.loads(marker.read_text()) == key
    if reusable and (db == "sqlite" or _pg_has_county(env["DATABASE_URL"])):
        print(f"==> reusing {data.relative_to(ROOT)} (factor {factor}, seed {seed})")
        _run([BIN / "fazhi", "collectstatic", "--noinput", "-v0"], env, "static files")
        return data, "reused"
    if db == "sqlite" and data.exists():
        shutil.rmtree(data)
    data.mkdir(parents=True, exist_ok=True)
    marker.unlink(missing_ok=True)
    fazhi = BIN / "fazhi"
    took = _run([fazhi, "migrate", "--noinput", "-v0"], env, "migrate")
    took += _run([fazhi, "demo"], env, "demo data")
    took += _run(
        [fazhi, "scale-data", "--factor", factor, "--seed", seed], env, "county-scale data"
    )
    _run([fazhi, "collectstatic", "--noinput", "-v0"], env, "static files")
    marker.write_text(json.dumps(key))
    return data, f"built in {took:.0f} s"


# --- the server and HTTP clients -----------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, env: dict, data: Path):
        self.port = free_port()
        self.log = data / "gunicorn.log"
        self.proc = subprocess.Popen(
            [
                str(BIN / "gunicorn"),
                "fazhi.wsgi",
                "--workers",
                str(WORKERS),
                *(
                    ["--worker-class", "gthread", "--threads", str(THREADS), "--keep-alive", "0"]
                    if THREADS
                    else []  # 0: sync workers, for comparison
                ),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--graceful-timeout",
                "5",
                "--timeout",
                "120",
                "--error-logfile",
                str(self.log),
            ],
            env=env,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited ({self.proc.returncode}):\n{self.tail()}")
            try:
                status, _, _ = Http(self.port).get("/login/")
                if status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"gunicorn did not answer within 60 s:\n{self.tail()}")

    def tail(self) -> str:
        return self.log.read_text(errors="replace")[-3000:] if self.log.exists() else ""

    def stop(self) -> None:
        if self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(5)


class Http:
    """One connection (gunicorn closes it after each answer, keep-alive being off; http.client
    opens the next one), with the cookies of one login."""

    def __init__(self, port: int, cookies: dict | None = None):
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        self.cookies = dict(cookies or {})

    def request(self, method: str, path: str, body: bytes | None = None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        started = time.perf_counter()
        try:
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            data = response.read()
        except (http.client.HTTPException, OSError):
            self.conn.close()
            raise
        elapsed = time.perf_counter() - started
        for cookie in response.headers.get_all("Set-Cookie") or ():
            name, _, rest = cookie.partition("=")
            self.cookies[name.strip()] = rest.split(";", 1)[0]
        if response.will_close:
            self.conn.close()
        return response.status, data, elapsed, response

    def get(self, path: str):
        status, data, elapsed, _ = self.request("GET", path)
        return status, data, elapsed

    def close(self):
        self.conn.close()


def login(port: int, username: str, password: str) -> dict:
    client = Http(port)
    status, page, _ = client.get("/login/")
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if status != 200 or not token:
        raise RuntimeError(f"/login/ answered {status} without a CSRF token")
    body = urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token[1].decode()}
    ).encode()
    status, _, _, response = client.request(
        "POST", "/login/", body, {"Content-Type": "application/x-www-form-urlencoded"}
    )
    location = response.headers.get("Location", "")
    if status != 302 or "sessionid" not in client.cookies or "/password/" in location:
        raise RuntimeError(f"login as {username} failed: {status} → {location or '(no redirect)'}")
    client.close()
    return client.cookies


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


@dataclass
class Timing:
    p50: float
    p95: float
    rps: float
    errors: int


def measure(port: int, cookies: dict, url: str, n: int, concurrency: int) -> Timing:
    """n requests from `concurrency` threads, each with its own connection."""
    times: list[float] = []
    errors = [0]
    lock = threading.Lock()
    shares = [n // concurrency + (1 if i < n % concurrency else 0) for i in range(concurrency)]

    def client(count: int):
        http_ = Http(port, cookies)
        mine, bad = [], 0
        for _ in range(count):
            try:
                status, _, elapsed = http_.get(url)
            except (http.client.HTTPException, OSError):
                bad += 1
                continue
            mine.append(elapsed)
            bad += status != 200
        http_.close()
        with lock:
            times.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=client, args=(c,)) for c in shares if c]
    started = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    if not times:
        return Timing(math.nan, math.nan, 0.0, errors[0])
    return Timing(
        percentile(times, 50) * 1000, percentile(times, 95) * 1000, len(times) / wall, errors[0]
    )


# The c8 column's client. A Python client on the same two cores takes 30-50 % of the CPU
# the server needs to saturate them (measured side by side: 37-44 % fewer req/s than wrk
# against the same server), so the saturated targets are measured with wrk (C) when it is
# installed (`apt install wrk`), for WRK_SECONDS a route; the Python client otherwise.
WRK = shutil.which("wrk")
WRK_SECONDS = 1
# wrk's summary as one line: requests, duration (µs), p50 and p95 latency (µs), errors
# (non-2xx/3xx answers included).
_WRK_SCRIPT = """done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("FAZHI %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def measure_wrk(port: int, cookies: dict, url: str, seconds: float = WRK_SECONDS) -> Timing:
    """CONCURRENCY connections from wrk (two threads) for `seconds` (see WRK)."""
    script = ROOT / "var" / "bench" / "wrk-summary.lua"
    if not script.exists():
        script.parent.mkdir(parents=True, exist_ok=True)
        script.write_text(_WRK_SCRIPT, encoding="utf-8")
    command = [WRK, "-t2", f"-c{CONCURRENCY}", f"-d{seconds}s", "-s", str(script)]
    if cookies:
        command += ["-H", "Cookie: " + "; ".join(f"{k}={v}" for k, v in cookies.items())]
    command += ["-H", "Host: 127.0.0.1", f"http://127.0.0.1:{port}{url}"]
    out = subprocess.run(command, capture_output=True, text=True, timeout=60 + seconds).stdout
    found = re.search(r"^FAZHI (\d+) (\d+) (\d+) (\d+) (\d+)$", out, re.M)
    if not found:
        return Timing(math.nan, math.nan, 0.0, 1)
    requests, duration, p50, p95, errors = (int(v) for v in found.groups())
    return Timing(p50 / 1000, p95 / 1000, requests / (duration / 1e6), errors)


# --- results -------------------------------------------------------------------------------


@dataclass
class Result:
    route: Route
    user: str
    url: str | None = None
    status: int | str | None = None  # 200, 403 …, or "no sample"
    c1: Timing | None = None
    c8: Timing | None = None
    queries: int | None = None
    page_ms: float | None = None  # in process, median
    main_ms: float | None = None  # the slowest SELECT as the page ran it
    raw_ms: float | None = None  # the same SELECT through a bare cursor, median
    main_sql: str = ""
    admin_model: str = ""
    admin_rows: int | None = None
    admin_ms: float | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def measured(self) -> bool:
        return self.status == 200 and self.c1 is not None

    @property
    def page_raw(self) -> float | None:
        if self.page_ms is None or not self.raw_ms:
            return None
        return self.page_ms / self.raw_ms

    @property
    def admin_ratio(self) -> float | None:
        if self.admin_ms is None or not self.page_ms:
            return None
        return self.admin_ms / self.page_ms

    def checks(self, db: str) -> list[tuple[str, str, bool, str]]:
        """(short name, target, met, value) for every target that applies to this route."""
        if not self.measured:
            return []
        target = TARGETS.get(self.route.base_kind, {})
        out = []
        if "p95" in target:
            p95 = self.c1.p95
            out.append(("p95", f"p95 ≤ {target['p95']} ms", p95 <= target["p95"], f"{p95:.1f} ms"))
        if "rps" in target:
            rps = self.c8.rps
            name = f"≥ {target['rps']} req/s at {CONCURRENCY}"
            out.append(("req/s", name, rps >= target["rps"], f"{rps:.0f} req/s"))
        if "queries" in target and self.queries is not None:
            name, n = f"≤ {target['queries']} queries", self.queries
            out.append(("queries", name, n <= target["queries"], f"{n} queries"))
        judged = (self.admin_rows or 0) >= ADMIN_TARGET_ROWS
        if db == "postgresql" and self.admin_ratio is not None and judged:
            name, ratio = f"≥ {ADMIN_TARGET:g}× faster than admin", self.admin_ratio
            out.append(("admin", name, ratio >= ADMIN_TARGET, f"{ratio:.1f}×"))
        return out


def _ms(value: float | None) -> str:
    return "" if value is None or math.isnan(value) else f"{value:.1f}"


def _x(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}×"


# --- HTTP pass -----------------------------------------------------------------------------


def query_defaults(username: str) -> dict:
    """Values for an API route's required query parameters: this year, the user's unit."""
    from fazhi.core import clock
    from fazhi.core.models import Membership

    units = [
        m.org_unit
        for m in Membership.objects.filter(user__username=username, is_active=True).select_related(
            "org_unit"
        )
    ]
    home = min(units, key=lambda u: (getattr(u, "level", 0), u.code), default=None)
    defaults = {"year": clock.today().year}
    if home is not None:
        defaults |= {"unit_id": home.pk, "unit": home.pk}
    return defaults


def fill_query(body: bytes, defaults: dict) -> dict | None:
    """A 422 naming required query fields we have values for → those values."""
    try:
        fields = list(json.loads(body).get("errors") or {})
    except (ValueError, AttributeError):
        return None
    if fields and all(f in defaults for f in fields):
        return {f: defaults[f] for f in fields}
    return None


def floor_ms(port: int, cookies: dict, path: str, n: int = 20) -> float:
    """Median time of a request that reaches no view: what every request costs anyway."""
    client = Http(port, cookies)
    client.get(path)
    times = [client.get(path)[2] for _ in range(n)]
    client.close()
    return statistics.median(times) * 1000


def probe(client: Http, route: Route, user: str, defaults: dict) -> tuple[Result, bytes]:
    """The first request to a route without arguments (its first warm-up); an API route
    that asks for query values we have (year, unit) is called with them."""
    status, body, _ = client.get(route.path)
    result = Result(route, user, route.path, status)
    query = fill_query(body, defaults) if status == 422 and route.is_api else None
    if query:
        result.url = f"{route.path}?{urlencode(query)}"
        status, body, _ = client.get(result.url)
        result.status = status
    return result, body


def links_by_name(pages: list[tuple[str, str]]) -> dict[str, str]:
    """URL name → the first link to it on these pages (the apps' pages before the
    workbench and figures)."""
    from django.urls import Resolver404, resolve

    found: dict[str, str] = {}
    for _, html in sorted(pages, key=lambda p: p[0] == ""):
        for href in hrefs(html):
            try:
                found.setdefault(resolve(href).view_name, href)
            except Resolver404:
                continue
    return found


def detail_url(route: Route, links: dict[str, str], api_lists: dict[str, object]) -> str | None:
    """A page's detail: the first link to it. An API detail: the first id of the API list
    one level up, else the id of the page detail of the same name (…finding_detail)."""
    if not route.is_api:
        return links.get(route.name)
    listing = api_lists.get(route.path.rsplit("/", 1)[0])
    pk = first_id(listing) if listing is not None else None
    if pk is None:
        suffix = route.name.split(":")[-1]
        for name, href in links.items():
            if suffix.endswith(name.split(":")[-1]):
                pk = int(re.findall(r"\d+", href)[-1])
                break
    return route.url(pk) if pk is not None else None


def http_pass(port: int, routes: list[Route], requests: int, password: str, floors: dict):
    """Every route as each user: probed, then measured. `floors` receives the floor times."""
    results: list[Result] = []
    floors["anonymous"] = floor_ms(port, {}, FLOOR_PATH)
    for user in USERS:
        cookies = login(port, user, password)
        floors[user] = floor_ms(port, cookies, FLOOR_PATH)
        client = Http(port, cookies)
        defaults = query_defaults(user)
        by_name: dict[str, Result] = {}
        pages: list[tuple[str, str]] = []  # (namespace, html) of the user's pages
        api_lists: dict[str, object] = {}  # API list path → its JSON
        for route in (r for r in routes if not r.param):
            result, body = probe(client, route, user, defaults)
            by_name[route.name] = result
            if result.status != 200:
                continue
            if not route.is_api:
                pages.append((route.namespace, body.decode("utf-8", "replace")))
                continue
            try:
                api_lists[route.path] = json.loads(body)
            except ValueError:
                result.notes.append("not JSON")
        links = links_by_name(pages)
        for route in (r for r in routes if r.param):
            url = detail_url(route, links, api_lists)
            by_name[route.name] = result = Result(route, user, url, "no sample")
            if url:
                result.status = client.get(url)[0]
        client.close()
        for route in routes:
            result = by_name[route.name]
            results.append(result)
            if result.status != 200:
                continue
            Http(port, cookies).get(result.url)  # the second warm-up request
            result.c1 = measure(port, cookies, result.url, requests, 1)
            result.c8 = (
                measure_wrk(port, cookies, result.url)
                if WRK
                else measure(port, cookies, result.url, requests, CONCURRENCY)
            )
            print(progress_line(result), flush=True)
    return results


def progress_line(r: Result) -> str:
    return (
        f"  {r.user:<10} {r.route.name:<42} c1 p50 {r.c1.p50:7.1f} p95 {r.c1.p95:7.1f}   "
        f"c{CONCURRENCY} p50 {r.c8.p50:7.1f} p95 {r.c8.p95:7.1f} {r.c8.rps:6.0f}/s"
        + (f"  {r.c1.errors + r.c8.errors} errors" if r.c1.errors + r.c8.errors else "")
    )


# --- in-process pass -----------------------------------------------------------------------


class QueryRecorder:
    """connection.execute_wrapper: every query of a request with its own time (µs precise,
    unlike CaptureQueriesContext's milliseconds)."""

    def __init__(self):
        self.queries: list[tuple[str, object, bool, float]] = []

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.queries.append((sql, params, many, time.perf_counter() - started))

    def main(self):
        selects = [
            q
            for q in self.queries
            if not q[2]
            and q[0].lstrip().upper().startswith(("SELECT", "WITH"))
            and "django_session" not in q[0]
        ]
        return max(selects, key=lambda q: q[3]) if selects else None


def _raw_ms(sql: str, params) -> float:
    from django.db import connection

    times = []
    for _ in range(RAW_RUNS):
        with connection.cursor() as cursor:
            started = time.perf_counter()
            cursor.execute(sql, params)
            cursor.fetchall()
            times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def _model_of(result: Result, main_sql: str):
    from django.apps import apps

    label = LIST_MODELS.get(result.route.name)
    if label:
        return apps.get_model(label)
    if result.route.is_api or not result.route.name.endswith("_list"):
        return None  # a page, not a register: nothing for the admin to list
    table = re.search(r'FROM\s+"?(\w+)"?', main_sql or "", re.IGNORECASE)
    if table:
        for model in apps.get_models():
            if model._meta.db_table == table[1]:
                return model
    return None


_admin_cache: dict[str, float] = {}
_admin_site = None


def _bench_admin():
    """An admin site of its own, where any model gets a plain ModelAdmin, with a URLconf
    of its own (the admin's templates reverse its URLs; the project's admin registers few
    models and only for the system administrator)."""
    global _admin_site
    if _admin_site is None:
        import types

        from django.contrib import admin

        site = admin.AdminSite(name="admin")
        urls = types.ModuleType("bench_admin_urls")
        _admin_site = site, urls
    return _admin_site


def admin_changelist_ms(model, user) -> float:
    """Django admin's changelist page of the model, page 1, rendered: a plain ModelAdmin
    (COUNT of every row, twice; OFFSET paging; each row's __str__) with ADMIN_PER_PAGE
    rows, as `user` with superuser rights in memory (the admin's permission checks pass,
    nothing is saved)."""
    from django.contrib import admin
    from django.test import RequestFactory
    from django.urls import clear_url_caches, get_urlconf, path, set_urlconf

    key = model._meta.label
    if key in _admin_cache:
        return _admin_cache[key]
    site, urls = _bench_admin()
    if model not in site._registry:
        site.register(model, type("PlainAdmin", (admin.ModelAdmin,), {}))
        urls.urlpatterns = [path("admin/", site.urls)]  # its app_list knows registered apps
        clear_url_caches()
    model_admin = site._registry[model]
    model_admin.list_per_page = ADMIN_PER_PAGE
    user.is_superuser = user.is_staff = True
    factory = RequestFactory(HTTP_HOST="127.0.0.1")

    def once() -> float:
        request = factory.get(f"/admin/{model._meta.app_label}/{model._meta.model_name}/")
        request.user = user
        started = time.perf_counter()
        response = model_admin.changelist_view(request)
        response.render()
        took = time.perf_counter() - started
        if response.status_code != 200:
            raise RuntimeError(f"admin changelist of {key}: {response.status_code}")
        return took

    previous = get_urlconf()
    set_urlconf(urls)
    try:
        once()
        _admin_cache[key] = statistics.median(once() for _ in range(PAGE_RUNS)) * 1000
    finally:
        set_urlconf(previous)
    return _admin_cache[key]


_row_counts: dict[str, int] = {}


def row_count(model) -> int:
    label = model._meta.label
    if label not in _row_counts:
        _row_counts[label] = model._default_manager.count()
    return _row_counts[label]


def inprocess_pass(results: list[Result]) -> None:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    users = {u: get_user_model().objects.get(username=u) for u in USERS}
    admin_user = get_user_model().objects.get(username="supervisor")  # made superuser in memory
    clients = {}
    for username, user in users.items():
        clients[username] = Client(HTTP_HOST="127.0.0.1")
        clients[username].force_login(user, backend="fazhi.core.backends.ModelBackend")
    for result in results:
        if not result.measured:
            continue
        client = clients[result.user]
        try:
            # Warmed once, as the HTTP pass warms each route: the queries of the page as it
            # is served (a county's remembered count, core.snapshots, may have expired since).
            client.get(result.url)
            recorder = QueryRecorder()
            with connection.execute_wrapper(recorder):
                response = client.get(result.url)
            if response.status_code != 200:
                result.notes.append(f"in process: {response.status_code}")
                continue
            times = []
            for _ in range(PAGE_RUNS):
                started = time.perf_counter()
                client.get(result.url)
                times.append(time.perf_counter() - started)
            result.page_ms = statistics.median(times) * 1000
            result.queries = len(recorder.queries)
            main = recorder.main()
            if main is not None:
                result.main_sql, result.main_ms = main[0], main[3] * 1000
                result.raw_ms = _raw_ms(main[0], main[1])
            if result.route.base_kind == "list":
                model = _model_of(result, result.main_sql)
                if model is not None:
                    result.admin_model = model._meta.label
                    result.admin_ms = admin_changelist_ms(model, admin_user)
                    result.admin_rows = row_count(model)
        except Exception as exc:  # one broken page must not lose the others' figures
            result.notes.append(f"in process: {type(exc).__name__}: {exc}"[:200])


# --- the report ----------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem_kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text())[1])
        ram = f"{mem_kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, TypeError):
        ram = "RAM unknown"
    return f"{cpu}, {os.cpu_count()} cores, {ram}"


def cpu_seconds() -> tuple[float, float]:
    """(CPU seconds the whole machine was busy, CPU seconds of this process and its
    waited-for children: gunicorn's master waits for its workers, this script for it)."""
    try:
        ticks = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
        busy = (sum(ticks) - ticks[3] - ticks[4]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError):
        busy = math.nan
    own = os.times()
    return busy, own.user + own.system + own.children_user + own.children_system


def others_cpu_share(before, after, wall: float) -> float:
    """The share of the machine's CPU that other processes used meanwhile."""
    others = (after[0] - before[0]) - (after[1] - before[1])
    return max(0.0, others / (wall * (os.cpu_count() or 1)))


def git_commit() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        dirty = subprocess.run(
            ["git", "--no-optional-locks", "status", "--porcelain", "--untracked-files=no"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        ).stdout.strip()
        return head + (" (with uncommitted changes)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def database_version() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("select sqlite_version()")
            return f"SQLite {cursor.fetchone()[0]}"
        cursor.execute("show server_version")
        return f"PostgreSQL {cursor.fetchone()[0]}"


def row_counts(limit: int = 14) -> list[tuple[str, int]]:
    from django.apps import apps

    counts = []
    for model in apps.get_models():
        if model._meta.app_config.name.startswith("fazhi."):
            counts.append((model._meta.label, model._default_manager.count()))
    return sorted(counts, key=lambda c: -c[1])[:limit]


def _mark(checks) -> str:
    """p95 ✓ · req/s ✗ · queries ✓ (the targets that apply)."""
    return " · ".join(f"{short} {'✓' if met else '✗'}" for short, _, met, _ in checks)


def render_section(db: str, meta: dict, results: list[Result]) -> str:
    label = meta.get("heading") or DB_LABELS[db]
    lines = [
        f"## {label}",
        "",
        f"- **Date**: {meta['date']} (run took {meta['took']})",
        f"- **Machine**: {meta['machine']}; other processes used {meta['others']:.0%} of its "
        "CPU during the HTTP pass (they disturb the figures)",
        "- **Floor** (median, a path no view answers): "
        + ", ".join(f"{who} {ms:.1f} ms" for who, ms in meta["floors"].items())
        + " — what a logged-in request costs before its view (session and user read, "
        "session saved)",
        f"- **Database**: {meta['database']}; data {meta['data']}",
        f"- **Scale**: factor {meta['factor']}, seed {meta['seed']}; "
        f"{meta['requests']} requests per measurement; gunicorn × {WORKERS} workers × {THREADS} threads",
        "- **c8 client**: "
        + (
            f"wrk (C, 2 threads, {CONCURRENCY} connections, {WRK_SECONDS} s a route)"
            if WRK
            else f"Python threads ({CONCURRENCY} connections; wrk is not installed)"
        ),
        f"- **Commit**: {meta['commit']}",
        f"- **Command**: `{meta['command']}`",
    ]
    if meta.get("note"):
        lines.append(f"- **Note**: {meta['note']}")
    lines += [
        "",
        "Rows: " + ", ".join(f"{name} {n:,}" for name, n in meta["rows"]) + ".",
        "",
    ]
    for user in USERS:
        lines += [
            f"### {user} ({meta['user_scope'].get(user, '')})",
            "",
            "| route | kind | c1 p50 | c1 p95 | c8 p50 | c8 p95 | c8 req/s | queries "
            "| main SQL page / raw ms | page ÷ raw main | admin ms | admin ÷ ours | targets |",
            "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|:-:|",
        ]
        for r in results:
            if r.user != user:
                continue
            route = f"`{r.route.name}`"
            if r.url and "?" in r.url:
                route += f" `?{r.url.split('?', 1)[1]}`"
            if not r.measured:
                lines.append(f"| {route} | {r.route.kind} | {r.status} |" + " |" * 10)
                continue
            main = f"{_ms(r.main_ms)} / {_ms(r.raw_ms)}" if r.raw_ms is not None else ""
            errors = r.c1.errors + r.c8.errors
            lines.append(
                f"| {route} | {r.route.kind} | {_ms(r.c1.p50)} | {_ms(r.c1.p95)} "
                f"| {_ms(r.c8.p50)} | {_ms(r.c8.p95)} | {r.c8.rps:.0f} "
                f"| {'' if r.queries is None else r.queries} | {main} | {_x(r.page_raw)} "
                f"| {_ms(r.admin_ms)} | {_x(r.admin_ratio)} | {_mark(r.checks(db))}"
                + (f" ({errors} non-200)" if errors else "")
                + " |"
            )
        lines.append("")
    lines += targets_section(db, results)
    return "\n".join(lines).rstrip() + "\n"


def admin_scope(db: str, results: list[Result]) -> str:
    """Where the admin target was judged, and why not elsewhere."""
    rows = {r.admin_model: r.admin_rows for r in results if r.admin_rows is not None}
    largest = max(rows.items(), key=lambda kv: kv[1], default=("", 0))
    text = f"The admin target applies on PostgreSQL to models of ≥ {ADMIN_TARGET_ROWS:,} rows"
    if db != "postgresql":
        return text + "; on SQLite the ratio is shown, not judged."
    if largest[1] < ADMIN_TARGET_ROWS:
        return (
            text + f"; none here has that many (largest compared: {largest[0]}, "
            f"{largest[1]:,} rows), so the ratio is shown, not judged."
        )
    return text + "."


def targets_section(db: str, results: list[Result]) -> list[str]:
    lines = [
        "### Targets",
        "",
        "p95 is at one request at a time, req/s with 8 clients on 2 workers. "
        + admin_scope(db, results),
        "",
        "| target | met | not met | not met by |",
        "|---|--:|--:|---|",
    ]
    tally: dict[str, list] = {}
    for r in results:
        for _, name, met, value in r.checks(db):
            key = f"{r.route.base_kind}: {name}"
            tally.setdefault(key, [0, []])
            if met:
                tally[key][0] += 1
            else:
                tally[key][1].append(f"`{r.route.name}` ({r.user}, {value})")
    for key, (met, missed) in tally.items():
        shown = "; ".join(missed[:8]) + (f"; … {len(missed) - 8} more" if len(missed) > 8 else "")
        lines.append(f"| {key} | {met} | {len(missed)} | {shown} |")
    unmeasured = [r for r in results if not r.measured]
    if unmeasured:
        lines += [
            "",
            "Not measured: "
            + "; ".join(f"`{r.route.name}` ({r.user}: {r.status})" for r in unmeasured)
            + ".",
        ]
    notes = [f"`{r.route.name}` ({r.user}): {n}" for r in results for n in r.notes]
    if notes:
        lines += ["", "Notes: " + "; ".join(notes) + "."]
    return lines


PREAMBLE = """# Benchmarks (`make bench`)

Written by `scripts/bench.py`: `make bench [FACTOR=1.0] [DB=sqlite|postgresql]
[REQUESTS=30]`. Each database's section is replaced by its own run; the other is kept.

Every GET list, detail, workbench, figures and API list/detail route found in the URL
patterns, over HTTP against gunicorn (2 workers × 4 threads), as `officer` (one town) and
`supervisor` (the county). Times are in ms, from sending the request to its last byte.

- *c1*: one request at a time; *c8*: 8 clients at once, each on its own connection (the
  clients run on the same machine as the server): wrk when installed, as the saturated
  targets mean it (a Python client takes 30–50 % of the two cores); see "c8 client".
- *queries*: per request, in process. *main SQL page / raw*: the page's slowest SELECT as
  the page ran it, and the same SQL through a bare cursor (median of 5). *page ÷ raw
  main*: the whole page in process (median of 3) over that raw query.
- *admin*: Django admin's changelist page of the list's model, in process and rendered (a
  plain ModelAdmin, 50 rows a page: COUNT of every row, OFFSET paging, each row's
  `__str__`); *admin ÷ ours*: how many times slower it is than our page in process.
- *targets*: met (✓) or not (✗), for each target of the quality bar that applies: p95,
  saturated req/s, query count, and admin (PostgreSQL, ≥ 1M rows); summed up under "Targets".
- *Floor*: a logged-in request to a path no view answers; every page costs at least that.
"""


def update_markdown(text: str | None, key: str, section: str) -> str:
    """The document with one `## …` section replaced or added, the others kept: a
    database's (key "sqlite"/"postgresql") or another one named by its heading (the soak's)."""
    sections: dict[str, str] = {}
    for chunk in re.split(r"(?m)^(?=## )", text or "")[1:]:
        sections[chunk.splitlines()[0][3:].strip()] = chunk.rstrip() + "\n"
    sections[DB_LABELS.get(key, key)] = section.rstrip() + "\n"
    ordered = [DB_LABELS[d] for d in DB_LABELS] + [
        h for h in sections if h not in DB_LABELS.values()
    ]
    return PREAMBLE + "".join("\n" + sections[h] for h in ordered if h in sections)


def print_table(db: str, results: list[Result]) -> None:
    print()
    print(
        f"{'user':<10} {'route':<42} {'kind':<11} {'c1 p50':>7} {'c1 p95':>7} {'c8 p95':>7} "
        f"{'req/s':>6} {'q':>3} {'pg÷raw':>7} {'adm÷us':>7}  targets"
    )
    for r in results:
        if not r.measured:
            print(f"{r.user:<10} {r.route.name:<42} {r.route.kind:<11} {r.status}")
            continue
        print(
            f"{r.user:<10} {r.route.name:<42} {r.route.kind:<11} {_ms(r.c1.p50):>7} "
            f"{_ms(r.c1.p95):>7} {_ms(r.c8.p95):>7} {r.c8.rps:>6.0f} "
            f"{'' if r.queries is None else r.queries:>3} {_x(r.page_raw):>7} "
            f"{_x(r.admin_ratio):>7}  {_mark(r.checks(db))}"
        )


# --- main --------------------------------------------------------------------------------


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", choices=sorted(DB_LABELS), default="sqlite")
    parser.add_argument("--factor", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--note", default="", help="a sentence added to the report")
    parser.add_argument("--no-write", action="store_true", help="print only")
    parser.add_argument(
        "--only",
        default="",
        help="a regular expression on route names (e.g. 'disputes|grids'): measure those "
        "routes only; written as a section of its own beside the database's full run",
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    # A TERM (make interrupted, pg-test.sh's cleanup) unwinds like Ctrl-C: gunicorn stops.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    env = {k: v for k, v in os.environ.items() if not k.startswith("FAZHI_")}
    env["DJANGO_SETTINGS_MODULE"] = "fazhi.settings"
    if args.db == "sqlite":
        env.pop("DATABASE_URL", None)
    elif not env.get("DATABASE_URL", "").startswith("postgres"):
        print("DB=postgresql needs DATABASE_URL: run it under scripts/pg-test.sh", file=sys.stderr)
        return 2
    data, built = prepare_data(args.db, args.factor, args.seed, env)
    env["FAZHI_DATA_DIR"] = str(data)
    for name in [n for n in os.environ if n.startswith("FAZHI_")]:
        del os.environ[name]
    os.environ.update(env)
    if args.db == "sqlite":
        os.environ.pop("DATABASE_URL", None)
    sys.path.insert(0, str(ROOT))

    import django

    django.setup()
    from fazhi.core.demo import DEMO_PASSWORD

    routes = discover_routes()
    if args.only:
        routes = [r for r in routes if re.search(args.only, r.name)]
    print(f"==> {len(routes)} routes; gunicorn × {WORKERS}, {args.requests} requests each")
    floors: dict[str, float] = {}
    cpu_before, http_started = cpu_seconds(), time.perf_counter()
    server = Server(env, data)
    try:
        results = http_pass(server.port, routes, args.requests, DEMO_PASSWORD, floors)
        # Issue 11: "500 cadres starting in the same minute", against the same gunicorn.
        from fazhi.exams.bench import exam_load, summary_line

        exams_load = exam_load(server.port) if re.search(args.only, "exams:start") else None
    finally:
        server.stop()
    others = others_cpu_share(cpu_before, cpu_seconds(), time.perf_counter() - http_started)
    # A route neither user may open is not a page of theirs: named once, not measured.
    ok = {r.route.name for r in results if r.status == 200 or r.status == "no sample"}
    skipped = sorted({f"{r.route.name} ({r.status})" for r in results if r.route.name not in ok})
    results = [r for r in results if r.route.name in ok]
    print("==> queries, raw SQL and admin's changelist, in process")
    inprocess_pass(results)
    print_table(args.db, results)
    from fazhi.reports import bench as annual_bench

    print("==> the annual summary of a town-year (target 1 s) and of the county, in process")
    annual = annual_bench.lines(annual_bench.measure())
    print("\n".join(annual))
    print(
        "\nfloor (ms): "
        + ", ".join(f"{who} {ms:.1f}" for who, ms in floors.items())
        + f"; other processes used {others:.0%} of the CPU during the HTTP pass"
    )

    took = time.perf_counter() - started
    from fazhi.core.models import Membership

    scope = {}
    for user in USERS:
        units = Membership.objects.filter(user__username=user, is_active=True).select_related(
            "org_unit"
        )
        scope[user] = ", ".join(sorted({m.org_unit.name for m in units}))
    meta = {
        "date": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "took": f"{took / 60:.1f} min",
        "machine": machine(),
        "others": others,
        "floors": floors,
        "database": database_version(),
        "data": built,
        "factor": args.factor,
        "seed": args.seed,
        "requests": args.requests,
        "commit": git_commit(),
        "command": f"make bench DB={args.db} FACTOR={args.factor} REQUESTS={args.requests}"
        + (f" ONLY='{args.only}'" if args.only else ""),
        "heading": f"{DB_LABELS[args.db]}(部分路由:{args.only})" if args.only else "",
        "rows": row_counts(),
        "user_scope": scope,
        "note": " ".join(
            filter(
                None,
                [
                    args.note,
                    "学法考试500人同时开考:"
                    + summary_line(exams_load)
                    + ("(达标)" if exams_load["ok"] else "(未达标:须0错误、答案保存p95≤300ms)")
                    if exams_load
                    else "",
                    f"Skipped, no 200 for either user: {', '.join(skipped)}." if skipped else "",
                ],
            )
        ),
    }
    if not args.no_write:
        section = render_section(args.db, meta, results).rstrip("\n")
        section += "\n\n" + "\n".join(annual) + "\n"
        existing = DOC.read_text(encoding="utf-8") if DOC.exists() else None
        DOC.write_text(
            update_markdown(existing, meta["heading"] or args.db, section), encoding="utf-8"
        )
        print(f"\n==> {DOC.relative_to(ROOT)} ({DB_LABELS[args.db]}) written")
    print(f"==> took {took / 60:.1f} min")
    return 0


if __name__ == "__main__":
    sys.exit(main())
