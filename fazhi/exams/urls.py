from django.urls import path

from . import views

app_name = "exams"

urlpatterns = [
    path("", views.exam_list, name="exam_list"),
    path("new/", views.exam_create, name="exam_create"),
    path("<int:pk>/", views.exam_detail, name="exam_detail"),
    path("<int:pk>/makeup/", views.makeup_create, name="makeup_create"),
    path("<int:pk>/start/", views.attempt_start, name="attempt_start"),
    path("bank/", views.question_list, name="question_list"),
    path("bank/import/", views.question_import, name="question_import"),
    path("bank/template.xlsx", views.question_template, name="question_template"),
    path("ranking/", views.ranking, name="ranking"),
    path("mine/", views.my_exams, name="my_exams"),
    path("attempts/<int:pk>/", views.attempt, name="attempt"),
    path("attempts/<int:pk>/answer/", views.answer_save, name="answer_save"),
    path("attempts/<int:pk>/submit/", views.attempt_submit, name="attempt_submit"),
]
