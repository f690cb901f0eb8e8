from django.urls import path

from . import views

app_name = "petitions"

urlpatterns = [
    path("", views.petition_list, name="petition_list"),
    path("new/", views.petition_create, name="petition_create"),
    path("county/", views.petition_ages, name="petition_ages"),
    path("<int:pk>/", views.petition_detail, name="petition_detail"),
    path("<int:pk>/answer.docx", views.petition_answer_docx, name="petition_answer_docx"),
    path(
        "<int:pk>/transitions/<slug:verb>/",
        views.petition_transition,
        name="petition_transition",
    ),
]
