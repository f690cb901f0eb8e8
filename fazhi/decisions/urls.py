from django.urls import path

from . import public_views, record_views, views

app_name = "decisions"

urlpatterns = [
    path("", views.decision_list, name="decision_list"),
    path("catalogues/", views.catalogue, name="catalogue"),
    path("catalogues/<int:pk>/", views.catalogue_detail, name="catalogue_detail"),
    path(
        "catalogues/<int:pk>/transitions/<slug:verb>/",
        views.catalogue_transition,
        name="catalogue_transition",
    ),
    path("<int:pk>/", views.decision_detail, name="decision_detail"),
    path(
        "<int:pk>/transitions/<slug:verb>/", views.decision_transition, name="decision_transition"
    ),
    path("<int:pk>/experts/", record_views.expert_add, name="expert_add"),
    path("<int:pk>/risk/", record_views.risk_record, name="risk_record"),
    path("<int:pk>/discussion/", record_views.discussion_record, name="discussion_record"),
    path("<int:pk>/reports/", record_views.report_add, name="report_add"),
    path("<int:pk>/evaluations/", record_views.evaluation_add, name="evaluation_add"),
    path("<int:pk>/revise/", record_views.decision_revise, name="decision_revise"),
    path("<int:pk>/archive.zip", views.archive_download, name="archive_download"),
    path("public/<str:code>/<int:year>/", public_views.public_catalogue, name="public_catalogue"),
]
