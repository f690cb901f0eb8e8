"""The vocabulary of the permission matrix (tests/test_permission_matrix.py): roles of the
`people` fixture, expected outcomes and entry builders. Each app keeps its own entries in
`tests/<app>/matrix.py`:

    EXPECTATIONS = {"documents:document_list": page({...}), ...}

    def records(people, tree) -> dict:
        \"\"\"The records its object URLs point at, all in town A (海屿镇).\"\"\"
        return {"document": ...}

`records()` results become attributes of the matrix's `ctx` (ctx.document)."""

from __future__ import annotations

import struct
import zlib
from dataclasses import dataclass, field
from typing import Any

ROLES = [
    "supervisor",
    "leader",
    "officer",
    "officer_b",
    "adviser",
    "village_cadre",
    "grid_worker",
    "cadre",
    "resident",
    "sys_admin",
    "security_admin",
    "audit_admin",
    "other_supervisor",
]
ANON = "anonymous"
STAFF = set(ROLES) - {"resident"}
TREE_READERS = {
    "supervisor",
    "leader",
    "officer",
    "officer_b",
    "sys_admin",
    "security_admin",
    "audit_admin",
    "other_supervisor",
}


@dataclass(frozen=True)
class Redirect:
    """A 302 whose Location starts with `to`."""

    to: str


LOGIN = Redirect("/login/?next=")
ADMIN_LOGIN = Redirect("/admin/login/?next=")


def outcomes(ok_roles=(), *, ok: Any = 200, hidden=(), denied: Any = 403, anonymous=LOGIN):
    """Outcome per role: `ok_roles` get `ok`; `hidden` (allowed, but the record lies
    outside their scope) get 404; everyone else gets `denied`."""
    table = {ANON: anonymous}
    for role in ROLES:
        table[role] = ok if role in ok_roles else 404 if role in hidden else denied
    return table


def everyone(outcome, *, anonymous=None):
    return outcomes(set(ROLES), ok=outcome, anonymous=outcome if anonymous is None else anonymous)


def api(ok_roles=(), **kwargs):
    return outcomes(ok_roles, anonymous=401, **kwargs)


@dataclass
class Entry:
    """Expectations for one URL pattern: `get` for every role, `post` for listed roles."""

    get: dict
    kwargs: Any = None  # ctx → kwargs for reverse()
    post: dict = field(default_factory=dict)
    data: Any = None  # ctx → POST body (dict; JSON for API entries)
    method: str = "post"  # the write verb for `post` probes (API: post or patch)
    is_api: bool = False
    path: Any = None  # ctx → URL, for patterns without a name (reverse() cannot build them)


def page(ok_roles=(), **kw) -> Entry:
    split = {k: kw.pop(k) for k in ("kwargs", "post", "data") if k in kw}
    return Entry(get=outcomes(ok_roles, **kw), **split)


def post_only(post: dict, kwargs=None, data=None) -> Entry:
    """A form target that only accepts POST: GET is 405 for everyone."""
    return Entry(get=everyone(405), post=post, kwargs=kwargs, data=data)


def api_get(ok_roles=(), *, kwargs=None, **kw) -> Entry:
    return Entry(get=api(ok_roles, **kw), kwargs=kwargs, is_api=True)


def api_write(post: dict, *, data, kwargs=None, method="post") -> Entry:
    """A write-only API route. GET on its path answers the path's read route (or 405),
    which that route's own entry checks, so only the refusals are probed here."""
    return Entry(get={}, post=post, data=data, kwargs=kwargs, method=method, is_api=True)


# --- the admin ----------------------------------------------------------------------------
# Django admin, in Chinese, for the system administrator only (fazhi.core.admin decides by
# role). Anyone else, anonymous or logged in, is sent to the admin login page.


def admin_page(sys_admin_outcome, kwargs=None, path=None) -> Entry:
    table = outcomes(ok=None, denied=ADMIN_LOGIN, anonymous=ADMIN_LOGIN)
    table["sys_admin"] = sys_admin_outcome
    return Entry(get=table, kwargs=kwargs, path=path)


def admin_model(label: str, obj, *, add=200, view=200, delete=403) -> dict[str, Entry]:
    """The six patterns a ModelAdmin registers, for object `obj(ctx)`."""
    app, model = label.split("_", 1)
    base = f"/admin/{app}/{model}/"
    by_id = lambda ctx: {"object_id": obj(ctx).pk}  # noqa: E731
    return {
        f"admin:{label}_changelist": admin_page(view),
        f"admin:{label}_add": admin_page(add),
        f"admin:{label}_history": admin_page(view, by_id),
        f"admin:{label}_delete": admin_page(delete, by_id),
        f"admin:{label}_change": admin_page(view, by_id),
        # The bare object URL redirects to its change page (once admin lets you in).
        f"{base[1:]}<path:object_id>/": admin_page(
            Redirect(base), path=lambda ctx: f"{base}{obj(ctx).pk}/"
        ),
    }


def _png() -> bytes:
    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00\x00"))
        + chunk(b"IEND", b"")
    )
