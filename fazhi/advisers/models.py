"""法律顾问."""

from django.db import models  # noqa: F401
