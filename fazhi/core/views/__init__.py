"""Core pages, one module per concern; each module exports its `urlpatterns`."""
