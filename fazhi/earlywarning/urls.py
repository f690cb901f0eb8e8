from django.urls import path

from . import views

app_name = "earlywarning"

urlpatterns = [
    path("", views.warning_list, name="warning_list"),
    path("evaluate/", views.warning_evaluate, name="warning_evaluate"),
    path("<int:pk>/", views.warning_detail, name="warning_detail"),
    path("<int:pk>/transitions/<slug:verb>/", views.warning_transition, name="warning_transition"),
]
