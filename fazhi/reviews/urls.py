from django.urls import path

from . import views

app_name = "reviews"

urlpatterns = [
    path("", views.review_list, name="review_list"),
    path("<int:pk>/", views.review_detail, name="review_detail"),
    path("<int:pk>/conclude/", views.review_conclude, name="review_conclude"),
    path("<int:pk>/withdraw/", views.review_withdraw, name="review_withdraw"),
    path("prechecks/", views.precheck_list, name="precheck_list"),
    path("prechecks/rules/", views.rule_stats, name="rule_stats"),
    path("prechecks/<int:pk>/", views.precheck_detail, name="precheck_detail"),
    path(
        "prechecks/<int:pk>/findings/<int:finding_pk>/decide/",
        views.precheck_decide,
        name="precheck_decide",
    ),
]
