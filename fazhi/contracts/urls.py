from django.urls import path

from . import views

app_name = "contracts"

urlpatterns = [
    path("", views.contract_list, name="contract_list"),
    path("new/", views.contract_create, name="contract_create"),
    path("export/", views.contract_export, name="contract_export"),
    path("import/", views.contract_import, name="contract_import"),
    path("import/template/", views.contract_import_template, name="contract_import_template"),
    path("<int:pk>/", views.contract_detail, name="contract_detail"),
    path("<int:pk>/edit/", views.contract_edit, name="contract_edit"),
    path("<int:pk>/transitions/<str:verb>/", views.contract_transition, name="contract_transition"),
    path("<int:pk>/payments/", views.payment_add, name="payment_add"),
    path("<int:pk>/payments/<int:payment_pk>/pay/", views.payment_pay, name="payment_pay"),
]
