"""The import graph (issue 16): apps stand on core, and on the two shared services — reviews
for legality review, participation for public consultation;
core imports no app; a model never imports services; no module imports itself back,
between apps or inside one. Read from the source with grimp, so lazy imports inside
functions count too."""

from __future__ import annotations

import grimp
import pytest

CORE = "fazhi.core"
# Legality review (fazhi.reviews) and public consultation (fazhi.participation) serve the
# apps whose drafts they review or put to the public; they learn about those apps only
# through the app registry, never by importing them.
SERVICES = {"fazhi.reviews", "fazhi.participation"}
SHARED = {CORE} | SERVICES


@pytest.fixture(scope="module")
def graph():
    return grimp.build_graph("fazhi", include_external_packages=False)


def _app(module: str) -> str | None:
    parts = module.split(".")
    return ".".join(parts[:2]) if len(parts) > 1 else None


def _apps(graph) -> set[str]:
    return graph.find_children("fazhi") - {
        "fazhi.settings",
        "fazhi.urls",
        "fazhi.api",
        "fazhi.wsgi",
        "fazhi.cli",
    }


def _edges(graph):
    for importer in graph.modules:
        for imported in graph.find_modules_directly_imported_by(importer):
            yield importer, imported


def test_core_imports_no_app(graph):
    apps = _apps(graph) - {CORE}
    bad = sorted(
        f"{a} → {b}"
        for a, b in _edges(graph)
        if _app(a) == CORE and _app(b) in apps
    )
    assert not bad, "core must not import an app:\n" + "\n".join(bad)


def test_apps_import_only_core_and_the_shared_services(graph):
    apps = _apps(graph)
    bad = sorted(
        f"{a} → {b}"
        for a, b in _edges(graph)
        if _app(a) in apps
        and _app(b) in apps
        and _app(a) != _app(b)
        and _app(b) not in SHARED
    )
    assert not bad, "an app may import only core, reviews and participation:\n" + "\n".join(bad)


def test_shared_services_import_no_subject_app(graph):
    apps = _apps(graph) - SHARED
    bad = sorted(
        f"{a} → {b}" for a, b in _edges(graph) if _app(a) in SERVICES and _app(b) in apps
    )
    assert not bad, "a shared service learns about its subjects through the registry:\n" + "\n".join(
        bad
    )


def test_models_import_no_services(graph):
    bad = []
    for module in graph.modules:
        if module.rsplit(".", 1)[-1] != "models" and ".models." not in module:
            continue
        for reached in graph.find_upstream_modules(module):
            if ".services" in reached:
                bad.append(f"{module} → {reached}")
    assert not bad, "models must not import services:\n" + "\n".join(sorted(bad))


def _cycles(graph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index, low, on_stack, stack, out = {}, {}, set(), [], []
    counter = 0
    succ = {m: sorted(graph.find_modules_directly_imported_by(m)) for m in graph.modules}
    for root in sorted(graph.modules):
        if root in index:
            continue
        work = [(root, iter(succ[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(succ[child])))
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            else:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        m = stack.pop()
                        on_stack.discard(m)
                        component.append(m)
                        if m == node:
                            break
                    if len(component) > 1:
                        out.append(sorted(component))
    return out


def test_no_import_cycles(graph):
    cycles = _cycles(graph)
    assert not cycles, "import cycles:\n" + "\n".join(" ↔ ".join(c) for c in cycles)
