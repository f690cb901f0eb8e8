from django.urls import path

from . import views

app_name = "training"

urlpatterns = [
    path("", views.session_list, name="session_list"),
    path("sessions/new/", views.session_create, name="session_create"),
    path("sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path("sessions/<int:pk>/edit/", views.session_edit, name="session_edit"),
    path("sessions/<int:pk>/participants/", views.participant_add, name="participant_add"),
    path(
        "sessions/<int:pk>/transitions/<slug:verb>/",
        views.session_transition,
        name="session_transition",
    ),
    path("participants/<int:pk>/remove/", views.participant_remove, name="participant_remove"),
    path(
        "participants/<int:pk>/evaluate/", views.participant_evaluate, name="participant_evaluate"
    ),
    path("cases/", views.case_list, name="case_list"),
    path("cases/new/", views.case_create, name="case_create"),
    path("cases/<int:pk>/", views.case_detail, name="case_detail"),
    path("cases/<int:pk>/edit/", views.case_edit, name="case_edit"),
]
