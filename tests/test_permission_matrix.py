"""The permission matrix (quality battery #1): every URL pattern the project serves, admin
and API included, has an explicit expectation here of what each role gets, and the
suite fails when a pattern has none. So a new page cannot ship without someone writing
down who may open it.

Each entry says, per role of the `people` fixture (plus "anonymous"), the outcome of a
GET, and for write-only routes the outcome of a POST for roles that must be refused
(refusals only: an allowed write would change the data the other probes read). Object
URLs point at a record of town A (海屿镇), so the law officer of town B (`officer_b`) and
the supervisor of another county probe the cross-town case: they get 404.
"""

from __future__ import annotations

import importlib
import json
import shutil
from types import SimpleNamespace

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from fazhi.core import audit, services
from fazhi.core.models import HolidayOverride, HolidaySchedule, Membership, ParameterValue
from fazhi.reviews.services import precheck_run_create
from tests.conftest import FAST_HASHERS, make_people, make_tree
from tests.demo_snapshot import capture, restore
from tests.permission_lib import (  # noqa: F401
    ADMIN_LOGIN,
    ANON,
    LOGIN,
    ROLES,
    STAFF,
    TREE_READERS,
    Entry,
    Redirect,
    _png,
    admin_model,
    admin_page,
    api,
    api_get,
    api_write,
    everyone,
    outcomes,
    page,
    post_only,
)

UNIT_A = lambda c: {"pk": c.tree.town_a.pk}  # noqa: E731
# 智能预审: a run of town A by its law officer, with one finding (a licence by the town).
PRECHECK_TEXT = "第一条 出租人出租房屋前，须经镇综治办审批。"
PRECHECK_READERS = {"supervisor", "leader", "officer", "officer_b", "adviser", "other_supervisor"}
PRECHECK_HIDDEN = {"officer_b", "other_supervisor"}
PRECHECK_PROBE = lambda c: {"title": "探测", "kind": "normative", "text": PRECHECK_TEXT}  # noqa: E731
TOWN_A_ID = lambda c: {"unit_id": c.tree.town_a.pk}  # noqa: E731

EXPECTATIONS: dict[str, Entry] = {
    # --- login, logout, workbench ---
    # Anonymous visitors see the form; a logged-in user is sent on to the workbench.
    "login": Entry(get=outcomes(set(ROLES), ok=Redirect("/"), anonymous=200)),
    "logout": Entry(get=everyone(405)),
    "workbench": page(set(ROLES)),
    "password_change": page(set(ROLES)),  # everyone changes their own password
    # --- org tree (TREE_READER_ROLES read; sys admin and law officer keep units;
    #     security admin and law officer staff them) ---
    "core:unit_list": page(TREE_READERS),
    "core:unit_detail": page(
        TREE_READERS - {"officer_b", "other_supervisor"},
        hidden={"officer_b", "other_supervisor"},
        kwargs=UNIT_A,
    ),
    "core:unit_create": page(
        {"sys_admin", "officer"},
        hidden={"officer_b"},
        kwargs=lambda c: {"parent_pk": c.tree.town_a.pk},
    ),
    "core:unit_edit": page({"sys_admin", "officer"}, hidden={"officer_b"}, kwargs=UNIT_A),
    "core:membership_grant": page(
        {"security_admin", "officer"}, hidden={"officer_b"}, kwargs=UNIT_A
    ),
    "core:membership_end": post_only(
        {ANON: LOGIN, "officer_b": 404, "grid_worker": 403, "other_supervisor": 403},
        kwargs=lambda c: {"pk": c.membership.pk},
    ),
    # --- audit trail: the audit administrator only ---
    "core:audit_list": page({"audit_admin"}),
    "core:audit_detail": page({"audit_admin"}, kwargs=lambda c: {"pk": c.event.pk}),
    "core:audit_export": page({"audit_admin"}),
    # --- holiday calendar: the system administrator only ---
    "core:holiday_list": page({"sys_admin"}),
    "core:holiday_schedule_enter": page({"sys_admin"}),
    "core:holiday_override_set": post_only(
        {ANON: LOGIN, "officer": 403, "audit_admin": 403},
        data=lambda c: {"date": "2030-01-02", "is_workday": "on", "name": "探测"},
    ),
    "core:holiday_override_delete": post_only(
        {ANON: LOGIN, "officer": 403, "security_admin": 403},
        kwargs=lambda c: {"pk": c.override.pk},
    ),
    # --- personal API tokens: every staff member, for their own tokens ---
    "core:token_list": page(STAFF),
    "core:token_revoke": post_only(
        {ANON: LOGIN, "resident": 403, "officer_b": 404, "security_admin": 404},
        kwargs=lambda c: {"pk": c.token.pk},
    ),
    # --- attachments: visible exactly where their record is (here: a village of town A) ---
    "core:attachment_upload": post_only(
        {ANON: LOGIN, "resident": 403, "audit_admin": 403, "officer_b": 404, "grid_worker": 404},
        data=lambda c: {
            "content_type": ContentType.objects.get_for_model(c.tree.village_a1).pk,
            "object_id": c.tree.village_a1.pk,
            "file": SimpleUploadedFile("probe.png", _png(), content_type="image/png"),
        },
    ),
    "core:attachment_download": page(
        {"supervisor", "leader", "officer", "adviser", "village_cadre", "cadre", "sys_admin"},
        hidden={"officer_b", "grid_worker", "other_supervisor"},
        kwargs=lambda c: {"pk": c.attachment.pk},
    ),
    "core:attachment_remove": post_only(
        {ANON: LOGIN, "resident": 403, "officer_b": 404, "other_supervisor": 404},
        kwargs=lambda c: {"pk": c.attachment.pk},
    ),
    # The same through the API (/api/v1/attachments): the upload is multipart, so its probe
    # posts a form (is_api=False); refusals only, a probe that succeeded would add files.
    "api-1.0.0:attachment_upload_api": Entry(
        get={},  # GET on this path is the list, probed by its own entry
        post={
            ANON: 401,
            "resident": 403,
            "audit_admin": 403,
            "security_admin": 403,
            "sys_admin": 403,
            "officer_b": 404,
            "grid_worker": 404,
            "other_supervisor": 404,
        },
        data=lambda c: {
            "record": f"core.orgunit:{c.tree.village_a1.pk}",
            "file": SimpleUploadedFile("probe.png", _png(), content_type="image/png"),
        },
    ),
    "api-1.0.0:attachments_list": Entry(
        get=api(
            {"supervisor", "leader", "officer", "adviser", "village_cadre", "cadre", "sys_admin"},
            hidden={"officer_b", "grid_worker", "other_supervisor"},
        ),
        path=lambda c: f"/api/v1/attachments?record=core.orgunit:{c.tree.village_a1.pk}",
        is_api=True,
    ),
    "api-1.0.0:attachment_delete": api_write(
        {
            ANON: 401,
            "resident": 403,
            "audit_admin": 403,
            "leader": 403,  # sees the file, but neither uploaded it nor is the law officer
            "officer_b": 404,
            "grid_worker": 404,
            "other_supervisor": 404,
        },
        data=lambda c: {},
        kwargs=lambda c: {"attachment_id": c.attachment.pk},
        method="delete",
    ),
    # --- unmasking personal data: law officer and county supervisor, in their scope ---
    "core:user_pii_unmask": post_only(
        {
            ANON: LOGIN,
            "grid_worker": 403,
            "sys_admin": 403,
            "officer_b": 404,
            "other_supervisor": 404,
        },
        kwargs=lambda c: {"user_id": c.people.village_cadre.pk, "field": "id_number"},
    ),
    # --- account locks: the security administrator ---
    "core:locked_accounts": page({"security_admin"}),
    "core:unlock_account": post_only(
        {ANON: LOGIN, "sys_admin": 403, "audit_admin": 403}, data=lambda c: {"username": "officer"}
    ),
    # --- two-factor login: the code step needs a pending password login (else back to
    #     the login page); every staff member enrols; only the security admin resets ---
    "login_code": Entry(get=everyone(Redirect("/login/")), post=everyone(Redirect("/login/"))),
    "core:twofactor_status": page(STAFF),
    "core:twofactor_enrol": page(STAFF),
    "core:recovery_codes_regenerate": post_only(
        # nobody here is enrolled yet: the status page says so
        {
            ANON: LOGIN,
            "resident": 403,
            "officer": Redirect("/core/2fa/"),
            "sys_admin": Redirect("/core/2fa/"),
        }
    ),
    "core:twofactor_users": page({"security_admin"}),
    "core:twofactor_reset": post_only(
        {
            ANON: LOGIN,
            "sys_admin": 403,
            "audit_admin": 403,
            "officer": 403,
            "security_admin": Redirect("/core/security/twofactor/"),
        },
        kwargs=lambda c: {"pk": c.people.officer.pk},
    ),
    # --- legal parameters: the 依法行政 roles read; the county supervisor sets ---
    "core:parameter_list": page(
        {"supervisor", "leader", "officer", "officer_b", "adviser", "other_supervisor"}
    ),
    "core:parameter_set": post_only(
        # another county's supervisor cannot name a unit of this county: the form says so
        {ANON: LOGIN, "officer": 403, "leader": 403, "sys_admin": 403, "other_supervisor": 400},
        data=lambda c: {"key": "documents.filing_days", "unit": c.tree.town_a.pk, "value": "10"},
    ),
    "core:parameter_reset": post_only(
        {ANON: LOGIN, "officer": 403, "sys_admin": 403, "other_supervisor": 404},
        kwargs=lambda c: {"pk": c.parameter.pk},
    ),
    # --- API /api/v1/: anonymous gets 401 with the JSON error body ---
    # The schema and its viewer are public: they describe the API, they hold no records.
    "api-1.0.0:openapi-json": Entry(get=everyone(200), is_api=True),
    "api-1.0.0:openapi-view": Entry(get=everyone(200), is_api=True),
    "api-1.0.0:api-root": Entry(get=everyone(404), is_api=True),
    "api-1.0.0:me": api_get(set(ROLES)),
    # Lists are scoped, never refused: a role that sees nothing gets an empty page.
    "api-1.0.0:unit_list": api_get(set(ROLES)),
    "api-1.0.0:unit_detail": api_get(
        {"supervisor", "leader", "officer", "adviser", "cadre", "sys_admin"}
        | {"security_admin", "audit_admin"},
        hidden={"officer_b", "other_supervisor", "village_cadre", "grid_worker", "resident"},
        kwargs=TOWN_A_ID,
    ),
    "api-1.0.0:unit_create": api_write(
        # A parent the caller cannot see is "not found" on that field (400), never a hint.
        {ANON: 401, "officer_b": 400, "grid_worker": 400, "cadre": 403, "leader": 403},
        data=lambda c: {
            "parent_id": c.tree.town_a.pk,
            "kind": "village",
            "code": "339901101299",
            "name": "探测村",
        },
    ),
    "api-1.0.0:unit_update": api_write(
        {ANON: 401, "officer_b": 404, "other_supervisor": 404, "cadre": 403, "leader": 403},
        data=lambda c: {"name": "改名"},
        kwargs=TOWN_A_ID,
        method="patch",
    ),
    "api-1.0.0:membership_list": api_get(set(ROLES)),
    "api-1.0.0:membership_grant": api_write(
        {ANON: 401, "officer_b": 400, "grid_worker": 400, "leader": 403, "sys_admin": 403},
        data=lambda c: {
            "user_id": c.people.cadre.pk,
            "org_unit_id": c.tree.town_a.pk,
            "role": "legal_adviser",
            "title": "",
        },
    ),
    "api-1.0.0:membership_end": api_write(
        {ANON: 401, "officer_b": 404, "grid_worker": 404, "leader": 403, "sys_admin": 403},
        data=lambda c: {},
        kwargs=lambda c: {"membership_id": c.membership.pk},
    ),
    "api-1.0.0:holidays": api_get(set(ROLES)),
    "api-1.0.0:holiday_override_set": api_write(
        {ANON: 401, "officer": 403, "supervisor": 403, "audit_admin": 403},
        data=lambda c: {"date": "2030-01-02", "is_workday": True, "name": "探测"},
    ),
    "api-1.0.0:audit_events": api_get({"audit_admin"}),
    "api-1.0.0:audit_event": api_get({"audit_admin"}, kwargs=lambda c: {"event_id": c.event.pk}),
    "api-1.0.0:token_list": api_get(STAFF),
    "api-1.0.0:token_create": api_write(
        {ANON: 401, "resident": 403}, data=lambda c: {"name": "探测"}
    ),
    "api-1.0.0:token_revoke": api_write(
        {ANON: 401, "officer_b": 404, "resident": 404},
        data=lambda c: {},
        kwargs=lambda c: {"token_id": c.token.pk},
    ),
    # --- 智能预审: law officers and advisers run it, advisers and officers (never the run's
    #     creator, here `officer`) decide; town leaders and county supervisors read ---
    "reviews:precheck_list": page(
        PRECHECK_READERS,
        post={ANON: LOGIN, "leader": 403, "supervisor": 403, "cadre": 403, "resident": 403},
        data=PRECHECK_PROBE,
    ),
    "reviews:precheck_detail": page(
        PRECHECK_READERS - PRECHECK_HIDDEN,
        hidden=PRECHECK_HIDDEN,
        kwargs=lambda c: {"pk": c.precheck.pk},
    ),
    "reviews:precheck_decide": post_only(
        {
            ANON: LOGIN,
            "leader": 403,
            "supervisor": 403,
            "cadre": 403,
            "officer_b": 404,
            "officer": 403,  # the run's creator: 起草人不得审核自己的文件
        },
        kwargs=lambda c: {"pk": c.precheck.pk, "finding_pk": c.precheck.findings.first().pk},
        data=lambda c: {"decision": "accepted"},
    ),
    "reviews:rule_stats": page({"officer", "officer_b"}),
    "api-1.0.0:prechecks_list": api_get(PRECHECK_READERS),
    "api-1.0.0:precheck_create": api_write(
        {ANON: 401, "leader": 403, "supervisor": 403, "cadre": 403, "resident": 403},
        data=PRECHECK_PROBE,
    ),
    "api-1.0.0:precheck_check": api_write(
        {ANON: 401, "leader": 403, "grid_worker": 403, "resident": 403},
        data=lambda c: {"text": PRECHECK_TEXT},
    ),
    "api-1.0.0:precheck_detail": api_get(
        PRECHECK_READERS - PRECHECK_HIDDEN,
        hidden=PRECHECK_HIDDEN,
        kwargs=lambda c: {"run_id": c.precheck.pk},
    ),
    "api-1.0.0:precheck_finding_decision": api_write(
        {ANON: 401, "leader": 403, "supervisor": 403, "officer_b": 404, "officer": 403},
        data=lambda c: {"decision": "accepted", "note": ""},
        kwargs=lambda c: {
            "run_id": c.precheck.pk,
            "finding_id": c.precheck.findings.first().pk,
        },
    ),
    # --- Django admin ---
    "admin:index": admin_page(200),
    # There is one login page (with lockout and audit): admin's sends everyone to it.
    "admin:login": Entry(get=outcomes(set(ROLES), anonymous=LOGIN, ok=LOGIN)),
    # Logging out of the admin is a POST; a GET by anyone but the sys admin goes back to
    # the admin index (and from there to its login page).
    "admin:logout": Entry(
        get={
            **outcomes(ok=None, denied=Redirect("/admin/"), anonymous=Redirect("/admin/")),
            "sys_admin": 405,
        }
    ),
    "admin:password_change": admin_page(200),
    "admin:password_change_done": admin_page(200),
    "admin:autocomplete": admin_page(403),  # no model/field given: refused, even to sys admin
    "admin:jsi18n": admin_page(200),
    "admin:view_on_site": admin_page(
        404,  # org units have no public page
        lambda c: {
            "content_type_id": ContentType.objects.get_for_model(c.tree.town_a).pk,
            "object_id": c.tree.town_a.pk,
        },
    ),
    "admin:app_list": admin_page(200, lambda c: {"app_label": "core"}),
    "admin/(?P<url>.*)$": admin_page(404, path="/admin/nope/"),
    **admin_model("core_orgunit", lambda c: c.tree.town_a, add=403),
    **admin_model("core_user", lambda c: c.people.officer, add=403),
    **admin_model("core_holidayschedule", lambda c: c.schedule),
    **admin_model("core_holidayoverride", lambda c: c.override),
}


# Each app's own entries (tests/<app>/matrix.py), so apps built in parallel do not edit
# one file; a pattern listed twice is an error.
def _app_matrices():
    """tests/<label>/matrix.py of every app in the registry (core's entries are above)."""
    from fazhi.core.registry import fazhi_apps

    for config in fazhi_apps():
        name = f"tests.{config.label}.matrix"
        try:
            yield importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if not name.startswith(exc.name or "?"):
                raise


APP_MATRICES = list(_app_matrices())
for _matrix in APP_MATRICES:
    _twice = set(_matrix.EXPECTATIONS) & set(EXPECTATIONS)
    assert not _twice, f"{_matrix.__name__}: entries listed twice: {sorted(_twice)}"
    EXPECTATIONS.update(_matrix.EXPECTATIONS)


# --- walking the URLconf ----------------------------------------------------------------------


def _walk(resolver, prefix="", namespaces=()):
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            ns = namespaces + ((p.namespace,) if p.namespace else ())
            yield from _walk(p, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern):
            route = prefix + str(p.pattern)
            key = ":".join((*namespaces, p.name)) if p.name else route
            yield key, route


def all_patterns() -> dict[str, str]:
    """{key: route} for every pattern: its namespaced name, or its route when unnamed."""
    return dict(_walk(get_resolver()))


def _url(key: str, entry: Entry, ctx) -> str:
    if entry.path is not None:
        return entry.path(ctx) if callable(entry.path) else entry.path
    return reverse(key, kwargs=entry.kwargs(ctx) if entry.kwargs else {})


def _outcome(response):
    if response.status_code in (301, 302):
        return Redirect(response["Location"])
    return response.status_code


def _matches(expected, actual) -> bool:
    if isinstance(expected, Redirect):
        return isinstance(actual, Redirect) and actual.to.startswith(expected.to)
    return expected == actual


# --- fixtures ----------------------------------------------------------------------------------


def _build_ctx(people, tree):
    """The records the object URLs point at, all in town A (海屿镇)."""
    attachment_file = SimpleUploadedFile("制度.png", _png(), content_type="image/png")
    from fazhi.core.attachments import attachment_add

    ctx = SimpleNamespace(
        people=people,
        tree=tree,
        membership=Membership.objects.get(user=people.village_cadre),
        event=audit.record(verb="test.probe", actor=people.sys_admin, obj=tree.town_a),
        token=services.api_token_create(actor=people.officer, name="探测令牌")[0],
        attachment=attachment_add(actor=people.officer, record=tree.village_a1, uploaded_file=attachment_file),
        schedule=HolidaySchedule.objects.create(year=2030, source="国办发明电〔2029〕1号"),
        override=HolidayOverride.objects.create(date="2030-01-01", is_workday=False, name="元旦"),
        parameter=ParameterValue.objects.create(
            org_unit=tree.town_a, key="documents.filing_days", value=10, set_by=people.supervisor
        ),
        precheck=precheck_run_create(
            actor=people.officer, title="探测文件", kind="normative", text=PRECHECK_TEXT
        ),
    )  # fmt: skip
    for matrix in APP_MATRICES:
        records = getattr(matrix, "records", None)
        if records is not None:
            for name, value in records(people, tree).items():
                setattr(ctx, name, value)
    return ctx


@pytest.fixture(scope="session")
def _ctx_rows(django_db_setup, django_db_blocker, tmp_path_factory):
    """The matrix's records, built once per test process through the services and put
    back for each of its ~480 tests (tests/demo_snapshot.py): building them per test was a
    fifth of a second each, the largest share of the suite's time on both databases."""
    media = tmp_path_factory.mktemp("matrix-media")
    built = []

    def load():
        tree = make_tree()
        built.append(_build_ctx(make_people(tree), tree))

    hashers = override_settings(PASSWORD_HASHERS=FAST_HASHERS, MEDIA_ROOT=media)
    with django_db_blocker.unblock(), hashers:
        rows = capture(load)
    return built[0], rows, media


@pytest.fixture
def ctx(db, _ctx_rows, settings, tmp_path):
    """The records of `_build_ctx`, fresh in this test's transaction, with their uploaded
    files in this test's own media directory (a probe may delete one)."""
    built, rows, media = _ctx_rows
    restore(rows)
    settings.MEDIA_ROOT = shutil.copytree(media, tmp_path / "media")
    return built


# --- the tests ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_every_url_pattern_has_a_permission_expectation():
    """Given the project's URLconf, then every pattern (pages, API, admin) has an entry in
    EXPECTATIONS, and every entry names a pattern that exists."""
    patterns = all_patterns()
    missing = sorted(k for k in patterns if k not in EXPECTATIONS)
    stale = sorted(k for k in EXPECTATIONS if k not in patterns)
    assert not missing, (
        "这些URL没有权限预期,请在 tests/test_permission_matrix.py 的 EXPECTATIONS 中补上:\n"
        + "\n".join(f"  {k}  ({patterns[k]})" for k in missing)
    )
    assert not stale, "EXPECTATIONS 中这些条目已没有对应的URL:\n" + "\n".join(stale)


@pytest.mark.parametrize("key", sorted(EXPECTATIONS))
def test_each_role_gets_the_expected_answer(key, ctx, client):
    """Given one user per role (and an anonymous visitor), when each opens the URL (and,
    for write routes, posts to it), then each gets exactly the expected status."""
    entry = EXPECTATIONS[key]
    if key not in all_patterns():
        pytest.fail(f"{key} 不在URL配置中")
    url = _url(key, entry, ctx)
    mismatches = []
    probes = [("get", role, exp) for role, exp in entry.get.items()]
    probes += [(entry.method, role, exp) for role, exp in entry.post.items()]
    for method, role, expected in probes:
        client.logout()
        if role != ANON:
            client.force_login(getattr(ctx.people, role))
        if method == "get":
            response = client.get(url)
        elif entry.is_api:
            body = json.dumps(entry.data(ctx) if entry.data else {})
            response = getattr(client, method)(url, data=body, content_type="application/json")
        else:
            response = client.post(url, data=entry.data(ctx) if entry.data else {})
        actual = _outcome(response)
        if not _matches(expected, actual):
            mismatches.append(
                f"{method.upper()} {url} as {role}: expected {expected}, got {actual}"
            )
    assert not mismatches, "\n".join(mismatches)


def test_admin_is_in_chinese_for_the_system_administrator(client, people):
    """Given the system administrator, when they open the admin, then it is in Chinese."""
    client.force_login(people.sys_admin)
    body = client.get("/admin/").content.decode()
    assert "系统管理" in body and "组织单位" in body
