"""The API's faster schema base (core.schemas.Schema): every response reads as ninja's own
DjangoGetter path reads it, byte for byte, on every GET list and detail of the demo; and
no app defines a schema on ninja's base, which would quietly take the slow path."""

from __future__ import annotations

import ast
import importlib.util
import sys
from pathlib import Path

import pytest
from ninja.schema import DjangoGetter

from fazhi.core import schemas
from fazhi.core.models import User

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("fazhi_bench_schema", ROOT / "scripts/bench.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


def _answers(client, bench) -> dict[str, bytes]:
    routes = [r for r in bench.discover_routes() if r.is_api]
    lists, out = {}, {}
    for route in routes:
        if route.kind == "api list":
            response = client.get(route.path)
            out[route.path] = (response.status_code, response.content)
            if response.status_code == 200:
                lists[route.path] = response.json()
    for route in routes:
        if route.kind == "api detail":
            url = bench.detail_url(route, {}, lists)
            if url:
                response = client.get(url)
                out[url] = (response.status_code, response.content)
    return out


@pytest.mark.parametrize("username", ["officer", "supervisor"])
def test_every_api_answer_is_what_ninjas_own_reader_gives(
    demo_county, client, bench, monkeypatch, username
):
    client.force_login(User.objects.get(username=username))
    fast = _answers(client, bench)
    monkeypatch.setattr(schemas, "_read", lambda cls, obj, context: DjangoGetter(obj, cls, context))
    slow = _answers(client, bench)

    assert fast.keys() == slow.keys()
    ok = [path for path, (status, _) in fast.items() if status == 200]
    # The demo answers most of them: the comparison must not pass by comparing errors.
    assert len(ok) >= 60, sorted(fast)
    differ = [path for path in fast if fast[path] != slow[path]]
    assert not differ, differ


def test_a_record_reads_the_same_with_resolvers_methods_and_missing_fields():
    class Thing:
        title = "海屿镇"
        amount = None

        def get_kind_display(self):
            return "乡镇"

        def shout(self):
            return "是"

    class ThingOut(schemas.Schema):
        title: str
        kind_label: str
        shout: str
        amount: int | None = None
        absent: str = "默认"

        @staticmethod
        def resolve_kind_label(obj) -> str:
            return obj.get_kind_display()

    fast = ThingOut.model_validate(Thing())
    assert fast.model_dump() == {
        "title": "海屿镇",
        "kind_label": "乡镇",
        "shout": "是",
        "amount": None,
        "absent": "默认",
    }
    assert ThingOut.model_validate(DjangoGetter(Thing(), ThingOut)) == fast


def test_no_module_builds_a_schema_on_ninjas_base():
    offenders = []
    for path in (ROOT / "fazhi").rglob("*.py"):
        if path == ROOT / "fazhi/core/schemas.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module in ("ninja", "ninja.schema"):
                if any(alias.name == "Schema" for alias in node.names):
                    offenders.append(str(path.relative_to(ROOT)))
    assert not offenders, "import Schema from fazhi.core.schemas: " + ", ".join(offenders)
