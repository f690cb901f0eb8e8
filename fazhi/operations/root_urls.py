"""Mounted at the site root by fazhi/urls.py: /healthz for a monitor."""

from django.urls import path

from .health import healthz

urlpatterns = [path("healthz", healthz, name="healthz")]
