"""`make bench`'s pure parts (scripts/bench.py): which routes it measures, found in the URL
patterns, and the report that keeps the other database's section. No server, no data."""

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "scripts" / "bench.py"


@pytest.fixture(scope="module")
def bench():
    spec = importlib.util.spec_from_file_location("fazhi_bench_script", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    yield module
    del sys.modules[spec.name]


def test_routes_come_from_the_url_patterns(bench):
    routes = {r.name: r for r in bench.discover_routes()}

    assert routes["contracts:contract_list"].kind == "list"
    assert routes["workbench"].kind == "workbench" and routes["workbench"].path == "/"
    assert routes["report_figures"].kind == "figures"
    # The leaders' dashboard and the county comparison have rows of their own in quality.md.
    assert routes["dashboard"].kind == "dashboard"
    assert routes["dashboard_county"].kind == "comparison"
    detail = routes["contracts:contract_detail"]
    assert detail.kind == "detail" and detail.url(7) == "/contracts/7/"
    assert routes["api-1.0.0:contracts_list"].kind == "api list"
    assert routes["api-1.0.0:contract_detail"].url(7) == "/api/v1/contracts/7"


def test_forms_exports_transitions_and_post_only_views_are_left_out(bench):
    names = {r.name for r in bench.discover_routes()}

    for left_out in (
        "contracts:contract_export",
        "contracts:contract_transition",
        "contracts:contract_create",
        "contracts:contract_edit",
        "contracts:contract_import",
        "inspections:inspection_export",
        "documents:filing_transition",
        "api-1.0.0:contract_transition",
        "api-1.0.0:contract_create",  # POST on the list's path
        "api-1.0.0:openapi-json",
        "core:membership_end",  # require_POST, and an action on a record
        "core:parameter_reset",
        "login",
        "logout",
    ):
        assert left_out not in names, left_out
    assert not [n for n in names if n.startswith("admin:")]


def test_ids_and_query_values_for_api_routes(bench):
    assert bench.first_id({"count": 2, "items": [{"id": 5}, {"id": 6}]}) == 5
    assert bench.first_id([{"unit": {"name": "x"}, "id": 9}]) == 9
    assert bench.first_id({"count": 0, "items": []}) is None
    body = b'{"code": "validation_error", "errors": {"year": ["\\u5b57"]}}'
    assert bench.fill_query(body, {"year": 2026, "unit_id": 3}) == {"year": 2026}
    assert bench.fill_query(b'{"errors": {"record_id": ["x"]}}', {"year": 2026}) is None


def test_detail_samples_come_from_links_and_api_lists(bench):
    routes = {r.name: r for r in bench.discover_routes()}
    page = '<a href="/contracts/?page=2">next</a> <a href="/contracts/41/">合同</a>'
    links = bench.links_by_name([("contracts", page), ("", '<a href="/contracts/7/">x</a>')])
    api_lists = {"/api/v1/contracts": {"count": 1, "items": [{"id": 12}]}}

    assert links["contracts:contract_detail"] == "/contracts/41/"
    assert bench.detail_url(routes["contracts:contract_detail"], links, api_lists) == (
        "/contracts/41/"
    )
    api_detail = routes["api-1.0.0:contract_detail"]
    assert bench.detail_url(api_detail, links, api_lists) == "/api/v1/contracts/12"
    assert bench.detail_url(api_detail, links, {}) == "/api/v1/contracts/41"  # the page's id
    assert bench.detail_url(routes["documents:document_detail"], links, api_lists) is None


def test_the_report_replaces_only_its_own_database_section(bench):
    first = bench.update_markdown(None, "postgresql", "## PostgreSQL\n\npg figures\n")
    both = bench.update_markdown(first, "sqlite", "## SQLite\n\nold sqlite\n\n### officer\n")
    again = bench.update_markdown(both, "sqlite", "## SQLite\n\nnew sqlite\n")

    assert again.startswith(bench.PREAMBLE)
    assert "new sqlite" in again and "old sqlite" not in again and "### officer" not in again
    assert "pg figures" in again
    assert again.index("## SQLite") < again.index("## PostgreSQL")
    assert again.count("## SQLite") == 1 and again.count("## PostgreSQL") == 1


@pytest.fixture(scope="module")
def soak(bench):
    path = BENCH.parent / "soak.py"
    spec = importlib.util.spec_from_file_location("fazhi_soak_script", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("bench", bench)  # soak.py imports its neighbour by name
    spec.loader.exec_module(module)
    return module


def _row(name, count, failures, p95):
    return {"Name": name, "Request Count": str(count), "Failure Count": str(failures),
            "50%": "20", "95%": str(p95), "99%": str(p95), "Max Response Time": "300",
            "Requests/s": "40.5"}  # fmt: skip


def test_the_soak_report_marks_each_target_from_locusts_figures(soak, bench):
    meta = dict.fromkeys(["date", "command", "commit", "machine", "database", "data",
                          "factor", "users", "minutes"], "x")  # fmt: skip
    rows = [_row("/ (workbench)", 900, 0, 90), _row("Aggregated", 1000, 2, 160)]
    memory = {"warm": {11: 100.0, 12: 100.0}, "end": {11: 104.0, 12: 115.0}}
    section = soak.render(meta, rows, memory)
    assert "| p95 ≤ 150 ms | ✗ | 160 ms |" in section
    assert "| 0 errors | ✗ | 2 of 1000 |" in section
    assert "| worker memory growth < 10% | ✗ | +15.0% |" in section  # the worst worker
    # With the answers' times, the steady state after the warm-up is judged (the logins of
    # the first minute are shown, not judged).
    times = [(10.0, 2000.0, False)] * 10 + [(120.0, 50.0, False)] * 90 + [(130.0, 140.0, False)]
    steady = soak.render(meta, rows, memory, times, warm_s=100)
    assert "| p95 ≤ 150 ms | ✓ | 50 ms after the warm-up (whole run 160 ms) |" in steady
    doc = bench.update_markdown(None, soak.HEADING, section)
    assert doc.count(f"## {soak.HEADING}") == 1
    again = bench.update_markdown(doc, "sqlite", "## SQLite\n\nfigures\n")
    assert again.index("## SQLite") < again.index(f"## {soak.HEADING}") and "+15.0%" in again


def test_the_saturated_column_reads_wrks_summary(bench, tmp_path, monkeypatch):
    """With wrk installed, c8 is wrk's count over its duration and its latencies (µs → ms),
    asked with the login's cookies; a run that prints no summary is an error, not a zero."""
    calls = tmp_path / "args"
    fake = tmp_path / "wrk"
    fake.write_text(
        f'#!/bin/sh\necho "$@" > {calls}\necho "Running 1s test"\n'
        'echo "FAZHI 1300 2000000 5400 12600 2"\n',
        encoding="utf-8",
    )
    fake.chmod(0o755)
    monkeypatch.setattr(bench, "WRK", str(fake))
    monkeypatch.setattr(bench, "ROOT", tmp_path)
    timing = bench.measure_wrk(8123, {"sessionid": "abc", "csrftoken": "x"}, "/contracts/")
    assert (timing.p50, timing.p95, timing.rps, timing.errors) == (5.4, 12.6, 650.0, 2)
    args = calls.read_text(encoding="utf-8")
    assert "-c8" in args and "Cookie: sessionid=abc; csrftoken=x" in args
    assert args.strip().endswith("http://127.0.0.1:8123/contracts/")
    fake.write_text("#!/bin/sh\necho 'unable to connect'\n", encoding="utf-8")
    assert bench.measure_wrk(8123, {}, "/").errors == 1
