from django.urls import path

from . import case_views, views

app_name = "publicity"

urlpatterns = [
    path("", views.event_list, name="event_list"),
    path("events/new/", views.event_create, name="event_create"),
    path("events/<int:pk>/", views.event_detail, name="event_detail"),
    path("events/<int:pk>/photos/", views.event_photo_add, name="event_photo_add"),
    path("reach/", views.reach, name="reach"),
    path("calendar/", views.calendar, name="calendar"),
    path("campaigns/", views.campaign_list, name="campaign_list"),
    path("campaigns/new/", views.campaign_create, name="campaign_create"),
    path("campaigns/seed/", views.campaign_seed, name="campaign_seed"),
    path("options/", views.option_list, name="option_list"),
    path("options/new/", views.option_create, name="option_create"),
    path("options/seed/", views.option_seed, name="option_seed"),
    path("options/<int:pk>/toggle/", views.option_toggle, name="option_toggle"),
    path("study/", case_views.study_list, name="study_list"),
    path("study/import/", case_views.study_import, name="study_import"),
    path("cases/", case_views.case_list, name="case_list"),
    path("cases/new/", case_views.case_create, name="case_create"),
    path("pushes/", case_views.casepush_list, name="casepush_list"),
    path("pushes/new/", case_views.casepush_create, name="casepush_create"),
    path("pushes/<int:pk>/", case_views.casepush_detail, name="casepush_detail"),
]
