from django.urls import path

from . import views

urlpatterns = [
    path("", views.workbench, name="workbench"),
    path("figures/", views.figures, name="report_figures"),
]
