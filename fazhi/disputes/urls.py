from django.urls import path

from . import views

app_name = "disputes"

urlpatterns = [
    path("", views.dispute_list, name="dispute_list"),
    path("new/", views.dispute_create, name="dispute_create"),
    path("mine/", views.my_disputes, name="my_disputes"),
    path("mine/new/", views.online_create, name="online_create"),
    path("<int:pk>/", views.dispute_detail, name="dispute_detail"),
    path("<int:pk>/transitions/<slug:verb>/", views.dispute_transition, name="dispute_transition"),
    path("<int:pk>/route/", views.dispute_route, name="dispute_route"),
    path("<int:pk>/parties/new/", views.party_add, name="party_add"),
    path("parties/<int:pk>/edit/", views.party_edit, name="party_edit"),
    path("<int:pk>/sessions/new/", views.session_add, name="session_add"),
    path("<int:pk>/agreement/new/", views.agreement_create, name="agreement_create"),
    path("<int:pk>/agreement.docx", views.agreement_docx, name="agreement_docx"),
    path("<int:pk>/agreement/sign/", views.agreement_sign, name="agreement_sign"),
    path("<int:pk>/judicial/<slug:action>/", views.judicial_record, name="judicial_record"),
    path("<int:pk>/followups/new/", views.followup_add, name="followup_add"),
]
