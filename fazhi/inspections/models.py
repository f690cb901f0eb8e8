"""督查整改."""

from django.db import models  # noqa: F401
