"""`fazhi tick`: close every exam paper whose deadline has passed and nobody submitted
(marked as it stood at the deadline). Idempotent."""

from __future__ import annotations

from datetime import date

from .services import close_expired


def run(today: date) -> list[str]:
    closed = close_expired()
    return [f"学法考试:到时收卷{closed}份"] if closed else []
