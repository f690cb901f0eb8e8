from django.urls import path

from . import plan_views, views

app_name = "tasks"

urlpatterns = [
    path("", views.task_list, name="task_list"),
    path("new/", views.task_create, name="task_create"),
    path("export.xlsx", views.task_export, name="task_export"),
    path("<int:pk>/", views.task_detail, name="task_detail"),
    path("<int:pk>/report/", views.task_report, name="task_report"),
    path("<int:pk>/transitions/<slug:verb>/", views.task_transition, name="task_transition"),
    path("plans/", plan_views.plan_list, name="plan_list"),
    path("plans/new/", plan_views.plan_create, name="plan_create"),
    path("plans/import-template.xlsx", plan_views.import_template, name="import_template"),
    path("plans/<int:pk>/", plan_views.plan_detail, name="plan_detail"),
    path("plans/<int:pk>/items/", plan_views.item_add, name="item_add"),
    path("plans/<int:pk>/import/", plan_views.plan_import, name="plan_import"),
    path("plans/<int:pk>/send-down/", plan_views.plan_send_down, name="plan_send_down"),
]
