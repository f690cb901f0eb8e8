from django.urls import path

from . import views, views_annual, views_dashboard

urlpatterns = [
    path("", views.workbench, name="workbench"),
    path("figures/", views.figures, name="report_figures"),
    path("dashboard/", views_dashboard.dashboard_home, name="dashboard"),
    path("dashboard/county/", views_dashboard.dashboard_county, name="dashboard_county"),
    path(
        "dashboard/county.xlsx",
        views_dashboard.dashboard_county_export,
        name="dashboard_county_export",
    ),  # fmt: skip
    path("annual/", views_annual.annual_index, name="annual_index"),
    path("annual/<int:unit_id>/<int:year>/", views_annual.annual_preview, name="annual_preview"),
    path(
        "annual/<int:unit_id>/<int:year>/edit/<str:key>/",
        views_annual.annual_edit,
        name="annual_edit",
    ),  # fmt: skip
    path(
        "annual/<int:unit_id>/<int:year>/report.docx", views_annual.annual_docx, name="annual_docx"
    ),  # fmt: skip
    path("annual/<int:unit_id>/<int:year>/report.pdf", views_annual.annual_pdf, name="annual_pdf"),
    path(
        "annual/<int:unit_id>/<int:year>/<slug:verb>/",
        views_annual.annual_transition,
        name="annual_transition",
    ),  # fmt: skip
]
