from django.urls import path

from . import views

app_name = "leadership"

urlpatterns = [
    path("", views.group_list, name="group_list"),
    path("groups/new/", views.group_create, name="group_create"),
    path("groups/export.xlsx", views.group_export, name="group_export"),
    path("groups/<int:pk>/", views.group_detail, name="group_detail"),
    path("groups/<int:pk>/members/new/", views.member_add, name="member_add"),
    path("members/<int:pk>/end/", views.member_end, name="member_end"),
    path("rules/", views.rule_list, name="rule_list"),
    path("rules/new/", views.rule_create, name="rule_create"),
    path("rules/<int:pk>/", views.rule_detail, name="rule_detail"),
    path("meetings/", views.meeting_list, name="meeting_list"),
    path("meetings/new/", views.meeting_create, name="meeting_create"),
    path("meetings/export.xlsx", views.meeting_export, name="meeting_export"),
    path("meetings/<int:pk>/", views.meeting_detail, name="meeting_detail"),
    path("meetings/<int:pk>/hold/", views.meeting_hold, name="meeting_hold"),
    path("meetings/<int:pk>/decisions/new/", views.decision_add, name="decision_add"),
    path("lawreports/", views.lawreport_list, name="lawreport_list"),
    path("lawreports/roster/", views.lawreport_roster, name="lawreport_roster"),
    path("lawreports/add/", views.lawreport_add, name="lawreport_add"),
    path("lawreports/export.xlsx", views.lawreport_export, name="lawreport_export"),
    path("lawreports/<int:pk>/", views.lawreport_detail, name="lawreport_detail"),
    path("lawreports/<int:pk>/submit/", views.lawreport_submit, name="lawreport_submit"),
    path("lawreports/<int:pk>/review/", views.lawreport_review, name="lawreport_review"),
    path("lawreports/<int:pk>/remove/", views.lawreport_remove, name="lawreport_remove"),
]
