"""`fazhi tick` for 规范性文件: documents whose effective date has come take effect, and
those whose validity has ended expire (idempotent: a second run the same day does nothing)."""

from __future__ import annotations

from datetime import date

from .services import run_due


def run(today: date) -> list[str]:
    return run_due(today)
