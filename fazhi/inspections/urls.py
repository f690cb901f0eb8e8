from django.urls import path

from . import views

app_name = "inspections"

urlpatterns = [
    path("", views.inspection_list, name="inspection_list"),
    path("new/", views.inspection_create, name="inspection_create"),
    path("export.xlsx", views.inspection_export, name="inspection_export"),
    path("<int:pk>/", views.inspection_detail, name="inspection_detail"),
    path("<int:pk>/edit/", views.inspection_edit, name="inspection_edit"),
    path("<int:pk>/findings/new/", views.finding_add, name="finding_add"),
    path(
        "<int:pk>/transitions/<slug:verb>/",
        views.inspection_transition,
        name="inspection_transition",
    ),
    path("findings/<int:pk>/", views.finding_detail, name="finding_detail"),
    path("findings/<int:pk>/edit/", views.finding_edit, name="finding_edit"),
    path(
        "findings/<int:pk>/transitions/<slug:verb>/",
        views.finding_transition,
        name="finding_transition",
    ),
]
