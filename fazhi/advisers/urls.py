from django.urls import path

from . import views

app_name = "advisers"

urlpatterns = [
    path("", views.adviser_list, name="adviser_list"),
    path("new/", views.adviser_create, name="adviser_create"),
    path("export.xlsx", views.adviser_export, name="adviser_export"),
    path("scheme/", views.scheme, name="scheme"),
    path("<int:pk>/", views.adviser_detail, name="adviser_detail"),
    path("<int:pk>/edit/", views.adviser_edit, name="adviser_edit"),
    path("<int:pk>/appointments/new/", views.appointment_create, name="appointment_create"),
    path("<int:pk>/work/new/", views.work_entry_create, name="work_entry_create"),
    path("<int:pk>/assess/", views.assessment_create, name="assessment_create"),
    path("<int:pk>/transitions/<str:verb>/", views.adviser_transition, name="adviser_transition"),
]
