from django.contrib import admin
from django.urls import include, path

from fazhi.api import api
from fazhi.core.views import auth

admin.site.site_header = "法治平台后台管理"
admin.site.site_title = "法治平台后台管理"
admin.site.index_title = "系统管理"

urlpatterns = [
    *auth.urlpatterns,
    path("core/", include("fazhi.core.urls")),
    path("reviews/", include("fazhi.reviews.urls")),
    path("advisers/", include("fazhi.advisers.urls")),
    path("documents/", include("fazhi.documents.urls")),
    path("contracts/", include("fazhi.contracts.urls")),
    path("inspections/", include("fazhi.inspections.urls")),
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("", include("fazhi.reports.urls")),
]
