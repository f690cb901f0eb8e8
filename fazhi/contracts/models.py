"""行政协议与合同."""

from django.db import models  # noqa: F401
