"""The password backend (AUTHENTICATION_BACKENDS)."""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend as DjangoModelBackend

from .epoch import remembered


class ModelBackend(DjangoModelBackend):
    """Django's, with the person behind a session taken from the worker's memory under the
    epoch (core.epoch): a password change, a deactivation, any write to the person changes
    the epoch, so the next request reads them afresh."""

    def get_user(self, user_id):
        return remembered("user", str(user_id), lambda: super(ModelBackend, self).get_user(user_id))
