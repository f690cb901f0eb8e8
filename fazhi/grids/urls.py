from django.urls import path

from . import views, views_config

app_name = "grids"

urlpatterns = [
    path("", views.person_list, name="person_list"),
    path("persons/new/", views.person_create, name="person_create"),
    path("persons/<int:pk>/", views.person_detail, name="person_detail"),
    path("persons/<int:pk>/edit/", views.person_edit, name="person_edit"),
    path("persons/<int:pk>/remove/", views.person_remove, name="person_remove"),
    path("visits/", views.visit_list, name="visit_list"),
    path("visits/new/", views.visit_create, name="visit_create"),
    path("visits/<int:pk>/", views.visit_detail, name="visit_detail"),
    path("compliance/", views.compliance, name="compliance"),
    path("grids/", views_config.grid_list, name="grid_list"),
    path("grids/<int:pk>/", views_config.grid_detail, name="grid_detail"),
    path("helpers/<int:pk>/end/", views_config.helper_end, name="helper_end"),
    path("categories/", views_config.category_list, name="category_list"),
    path("towns/<int:town_pk>/defaults/", views_config.defaults_load, name="defaults_load"),
    path(
        "towns/<int:town_pk>/categories/new/",
        views_config.category_create,
        name="category_create",
    ),
    path("categories/<int:pk>/edit/", views_config.category_edit, name="category_edit"),
    path("towns/<int:town_pk>/signals/new/", views_config.signal_create, name="signal_create"),
    path("signals/<int:pk>/toggle/", views_config.signal_toggle, name="signal_toggle"),
]
