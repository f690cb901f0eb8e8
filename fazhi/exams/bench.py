""" "500 cadres starting in the same minute" over real HTTP: used by `make bench`
(scripts/bench.py calls `exam_load(port)` while its gunicorn serves the bench database)
and by tests/exams/test_load.py (a fresh database on a gunicorn of its own).

`prepare(n)` adds a town with n cadres, a 60/30/30 bank and a 40/20/20 exam open now,
and a logged-in session per cadre (written as Django's login writes them: a password
login per cadre would measure PBKDF2). `run(port, …)` has every cadre start their paper
within `ramp_seconds` of each other and save answers, each a POST as the phone sends it,
one connection per cadre, all at once; every request is timed."""

from __future__ import annotations

import http.client
import json
import random
import statistics
import string
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

# A subprocess (manage.py shell -c) builds the data of the load test's own server.
SETUP = (
    "import json\n"
    "from fazhi.exams.bench import prepare\n"
    "print('LOAD ' + json.dumps(prepare({n}, syncdb={syncdb})))\n"
)


def setup_script(n: int, *, syncdb: bool = True) -> str:
    return SETUP.format(n=n, syncdb=syncdb)


def parse_setup(stdout: str) -> dict:
    line = next(x for x in stdout.splitlines() if x.startswith("LOAD "))
    return json.loads(line[5:])


def _syncdb() -> None:
    """A fresh database with every model's tables and indexes, built from the models
    (seconds) instead of replaying every migration (a minute and more on two busy
    cores); the audit trail's append-only triggers and the search indexes are left out."""
    from django.apps import apps
    from django.conf import settings
    from django.core.management import call_command

    settings.MIGRATION_MODULES = {c.label: None for c in apps.get_app_configs()}
    call_command("migrate", run_syncdb=True, verbosity=0)


def prepare(n: int, *, syncdb: bool = False) -> dict:
    """The town, cadres, bank, exam and sessions; {"exam": id, "sessions": [keys]}."""
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore
    from django.db import transaction

    from fazhi.core import clock
    from fazhi.core.models import Membership, OrgUnit, User
    from fazhi.core.search import pairs

    from . import services
    from .models import Question

    if syncdb:
        _syncdb()
    with transaction.atomic():
        county = OrgUnit.objects.filter(kind="county").order_by("code").first()
        if county is None:
            county = OrgUnit.objects.create(kind="county", code="339951", name="压测县")
        taken = set(OrgUnit.objects.filter(parent=county).values_list("code", flat=True))
        code = next(
            f"{county.code}{k}" for k in range(951, 999) if f"{county.code}{k}" not in taken
        )
        town = OrgUnit.objects.create(
            kind="town", code=code, name=f"压测镇{code[-3:]}", parent=county
        )
        officer = User.objects.create(username=f"load{code}", full_name="压测法治办")
        Membership.objects.create(user=officer, org_unit=town, role="law_officer")
        users = User.objects.bulk_create(
            [
                User(username=f"load{code}_{i:04d}", full_name=f"干部{i}", password="!")
                for i in range(n)
            ]
        )
        Membership.objects.bulk_create(
            [Membership(user=u, org_unit=town, role="cadre") for u in users]
        )
        rows = []
        for kind, count, options, answer in (
            ("single", 60, ["甲", "乙", "丙", "丁"], "B"),
            ("multiple", 30, ["甲", "乙", "丙", "丁"], "AC"),
            ("true_false", 30, ["正确", "错误"], "A"),
        ):
            for i in range(count):
                stem = f"压测{kind}题{i}"
                rows.append(Question(org_unit=town, kind=kind, topic="综合", stem=stem,
                                     stem_key=services.stem_key(stem), options=options,
                                     answer=answer, created_by=officer,
                                     search=" ".join(pairs(stem))))  # fmt: skip
        Question.objects.bulk_create(rows)
        now = clock.now()
        rule = [{"kind": "single", "topic": "", "count": 40},
                {"kind": "multiple", "topic": "", "count": 20},
                {"kind": "true_false", "topic": "", "count": 20}]  # fmt: skip
        exam = services.exam_create(
            actor=officer, title="压测考试", opens_at=now - timedelta(minutes=5),
            closes_at=now + timedelta(hours=3), duration_minutes=60, rule=rule,
        )  # fmt: skip
        renewed = int(clock.wall_now().timestamp()) + 3600  # no session renewal mid-test
        sessions = []
        for u in users:
            s = SessionStore()
            s[SESSION_KEY] = str(u.pk)
            s[BACKEND_SESSION_KEY] = "fazhi.core.backends.ModelBackend"
            s[HASH_SESSION_KEY] = u.get_session_auth_hash()
            s["_renewed_at"] = renewed
            s.create()
            sessions.append(s.session_key)
    return {"exam": exam.pk, "sessions": sessions}


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * len(ordered) + 0.5) - 1))
    return ordered[k]


def run(port: int, exam: int, sessions: list[str], *, answers: int = 5, ramp_seconds: float = 10.0,
        think: tuple[float, float] = (4.0, 8.0)) -> dict:  # fmt: skip
    """Every cadre (a thread and connection each, all at once) starts their paper
    within `ramp_seconds` of the others, then saves `answers` answers with a `think`
    pause (seconds, uniform) before each — time to read a question, compressed about
    tenfold from the 45 s a question an 80-question, 60-minute paper allows. Returns the
    timings (ms) and every unexpected answer."""
    rng = random.Random(7)
    plans = [(rng.uniform(0, ramp_seconds), [rng.uniform(*think) for _ in range(answers)])
             for _ in sessions]  # fmt: skip
    token = "".join(random.choices(string.ascii_letters + string.digits, k=32))
    starts, saves, errors = [], [], []
    lock = threading.Lock()

    def cadre(i: int) -> None:
        ramp, pauses = plans[i]
        time.sleep(ramp)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        headers = {"Cookie": f"sessionid={sessions[i]}; csrftoken={token}", "X-CSRFToken": token,
                   "Content-Type": "application/x-www-form-urlencoded"}  # fmt: skip
        try:
            t = time.perf_counter()
            conn.request("POST", f"/exams/{exam}/start/", body="", headers=headers)
            resp = conn.getresponse()
            resp.read()
            elapsed = 1000 * (time.perf_counter() - t)
            location = resp.getheader("Location", "")
            if resp.status != 302 or "/exams/attempts/" not in location:
                with lock:
                    errors.append(f"start {resp.status} {location}")
                return
            attempt = location.rstrip("/").rsplit("/", 1)[1]
            with lock:
                starts.append(elapsed)
            for position in range(answers):
                time.sleep(pauses[position])
                body = f"position={position}&choice={position % 2}"
                t = time.perf_counter()
                conn.request(
                    "POST", f"/exams/attempts/{attempt}/answer/", body=body, headers=headers
                )
                resp = conn.getresponse()
                data = resp.read()
                elapsed = 1000 * (time.perf_counter() - t)
                with lock:
                    if resp.status == 200:
                        saves.append(elapsed)
                    else:
                        errors.append(f"answer {resp.status} {data[:200]!r}")
        except Exception as exc:  # every failure is counted and shown by the caller
            with lock:
                errors.append(f"{type(exc).__name__}: {exc}")
        finally:
            conn.close()

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=len(sessions)) as pool:
        list(pool.map(cadre, range(len(sessions))))
    wall = time.perf_counter() - started
    return {
        "cadres": len(sessions),
        "starts": starts,
        "saves": saves,
        "errors": errors,
        "wall_s": wall,
        "start_p95_ms": percentile(starts, 95) if starts else None,
        "save_p50_ms": statistics.median(saves) if saves else None,
        "save_p95_ms": percentile(saves, 95) if saves else None,
        "requests_per_s": (len(starts) + len(saves)) / wall if wall else None,
    }


def summary_line(result: dict) -> str:
    return (
        f"{result['cadres']} cadres in {result['wall_s']:.1f} s: {len(result['errors'])} errors, "
        f"{result['requests_per_s']:.0f} req/s, start p95 {result['start_p95_ms']:.0f} ms, "
        f"answer save p50 {result['save_p50_ms']:.0f} ms, p95 {result['save_p95_ms']:.0f} ms"
    )


def exam_load(port: int, cadres: int = 500) -> dict:
    """For `make bench`: the data in the bench database (this process is set up on it),
    then the run against the bench's gunicorn. Target: 0 errors, answer save p95 ≤ 300 ms."""
    setup = prepare(cadres)
    result = run(port, setup["exam"], setup["sessions"])
    result["ok"] = not result["errors"] and (result["save_p95_ms"] or 1e9) <= 300
    print("==> exams, 500 cadres starting in the same minute: " + summary_line(result), flush=True)
    return result
