"""The API at /api/v1/: assembles each app's ninja Router."""

from importlib import import_module

from ninja import NinjaAPI

api = NinjaAPI(title="法治平台 API", version="1.0.0", urls_namespace="api-1.0.0")

for _module, _prefix in [("fazhi.core.api", "/")]:
    try:
        api.add_router(_prefix, import_module(_module).router)
    except ModuleNotFoundError as exc:
        if exc.name != _module:
            raise
