from django.contrib import admin
from django.urls import include, path

from fazhi.api import api
from fazhi.core.registry import page_mounts
from fazhi.core.views import auth

admin.site.site_header = "法治平台后台管理"
admin.site.site_title = "法治平台后台管理"
admin.site.index_title = "系统管理"

# Each app's pages come from the app registry (core.registry): its AppConfig's url_prefix.
urlpatterns = [
    *auth.urlpatterns,
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("", include("fazhi.operations.root_urls")),  # /healthz for monitors, no login
    *(path(prefix, include(module)) for prefix, module in page_mounts()),
]
