from django.urls import path

from . import views

app_name = "tenday"

urlpatterns = [
    path("", views.report_list, name="report_list"),
    path("new/", views.report_create, name="report_create"),
    path("matrix/", views.county_matrix, name="county_matrix"),
    path("export.xlsx", views.report_export, name="report_export"),
    path("<int:pk>/", views.report_detail, name="report_detail"),
    path("<int:pk>/edit/", views.report_edit, name="report_edit"),
    path("<int:pk>/regenerate/", views.report_regenerate, name="report_regenerate"),
    path("<int:pk>/report.docx", views.report_docx, name="report_docx"),
    path("<int:pk>/transitions/<slug:verb>/", views.report_transition, name="report_transition"),
]
