from django.urls import path

from . import views

app_name = "lawunits"

urlpatterns = [
    path("", views.village_list, name="village_list"),
    path("records/new/", views.record_create, name="record_create"),
    path("records/<int:pk>/", views.record_detail, name="record_detail"),
    path("records/<int:pk>/evidence/", views.evidence_upload, name="evidence_upload"),
    path(
        "records/<int:pk>/transitions/<slug:verb>/",
        views.record_transition,
        name="record_transition",
    ),
    path("registry/", views.registry_list, name="registry_list"),
    path("registry/new/", views.entry_create, name="entry_create"),
    path("registry/<int:pk>/", views.entry_detail, name="entry_detail"),
    path("registry/<int:pk>/evidence/", views.entry_evidence, name="entry_evidence"),
    path("registry/<int:pk>/trainings/", views.training_add, name="training_add"),
    path("registry/<int:pk>/remove/", views.entry_remove, name="entry_remove"),
    path("rules/", views.villagerules_list, name="villagerules_list"),
    path("rules/new/", views.rules_create, name="rules_create"),
    path("rules/<int:pk>/", views.rules_detail, name="rules_detail"),
    path("rules/<int:pk>/files/", views.rules_attach, name="rules_attach"),
    path(
        "rules/<int:pk>/transitions/<slug:verb>/", views.rules_transition, name="rules_transition"
    ),
    path("settings/", views.config, name="config"),
]
