from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("", views.document_list, name="document_list"),
    path("new/", views.document_create, name="document_create"),
    path("export/", views.document_export, name="document_export"),
    path("<int:pk>/", views.document_detail, name="document_detail"),
    path("<int:pk>/edit/", views.document_edit, name="document_edit"),
    path("<int:pk>/review/", views.document_review_request, name="document_review_request"),
    path("<int:pk>/file/", views.filing_submit, name="filing_submit"),
    path("<int:pk>/<slug:verb>/", views.document_transition, name="document_transition"),
    path("filings/", views.filing_list, name="filing_list"),
    path("filings/export/", views.filing_export, name="filing_export"),
    path("filings/<int:pk>/", views.filing_detail, name="filing_detail"),
    path("filings/<int:pk>/<slug:verb>/", views.filing_transition, name="filing_transition"),
    path("cleanups/", views.cleanup_list, name="cleanup_list"),
    path("cleanups/<int:pk>/", views.cleanup_detail, name="cleanup_detail"),
    path("cleanups/<int:pk>/items/<int:item_pk>/", views.cleanup_outcome, name="cleanup_outcome"),
    path("cleanups/<int:pk>/publish/", views.cleanup_publish, name="cleanup_publish"),
]
