from django.urls import path

from . import views

app_name = "operations"
urlpatterns = [path("backups/", views.backup_list, name="backup_list")]
