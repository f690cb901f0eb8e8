"""Staff pages under /participation/ and the public site under /public/ (the app mounts
at the root: url_prefix "")."""

from django.urls import path

from . import public_views as pv
from . import views

app_name = "participation"

urlpatterns = [
    path("participation/", views.consultation_list, name="consultation_list"),
    path("participation/new/", views.consultation_create, name="consultation_create"),
    path("participation/<int:pk>/", views.consultation_detail, name="consultation_detail"),
    path("participation/<int:pk>/comments/new/", views.comment_add, name="comment_add"),
    path("participation/<int:pk>/answers/new/", views.comment_answer, name="comment_answer"),
    path(
        "participation/<int:pk>/invitations/new/",
        views.consultation_invite,
        name="consultation_invite",
    ),
    path("participation/<int:pk>/hearings/new/", views.hearing_create, name="hearing_create"),
    path("participation/comments/<int:pk>/hide/", views.comment_hide, name="comment_hide"),
    path("participation/hearings/", views.hearing_list, name="hearing_list"),
    path("participation/hearings/<int:pk>/", views.hearing_detail, name="hearing_detail"),
    path("participation/hearings/<int:pk>/select/", views.hearing_select, name="hearing_select"),
    path(
        "participation/hearings/<int:pk>/upload/<slug:what>/",
        views.hearing_upload,
        name="hearing_upload",
    ),
    # The public site.
    path("public/", pv.public_home, name="public_home"),
    path("public/register/", pv.public_register, name="public_register"),
    path("public/mine/", pv.public_mine, name="public_mine"),
    path("public/consultations/<int:pk>/", pv.public_consultation, name="public_consultation"),
    path("public/consultations/<int:pk>/comment/", pv.public_comment, name="public_comment"),
    path("public/hearings/<int:pk>/", pv.public_hearing, name="public_hearing"),
    path(
        "public/hearings/<int:pk>/register/",
        pv.public_hearing_register,
        name="public_hearing_register",
    ),
]
