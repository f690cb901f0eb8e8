"""规范性文件."""

from django.db import models  # noqa: F401
