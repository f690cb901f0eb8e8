"""Authentication and Django-admin changes land in the audit trail."""

from django.contrib.admin.models import LogEntry
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save
from django.dispatch import receiver

from . import audit
from .middleware import mark_renewed
from .models import AuditEvent


@receiver(user_logged_in)
def _logged_in(sender, request, user, **kwargs):
    audit.record(verb="auth.login", actor=user, obj=user)
    session = getattr(request, "session", None)
    if session is not None:  # logging in starts the idle timeout: no renewal on the next page
        mark_renewed(session)


@receiver(user_logged_out)
def _logged_out(sender, request, user, **kwargs):
    if user is not None:
        audit.record(verb="auth.logout", actor=user, obj=user)


@receiver(user_login_failed)
def _login_failed(sender, credentials, request=None, **kwargs):
    audit.record(
        verb="auth.login_failed",
        actor_name=str(credentials.get("username", ""))[:150],
        result=AuditEvent.Result.FAILURE,
    )


@receiver(post_save, sender=LogEntry)
def _admin_change(sender, instance: LogEntry, created, **kwargs):
    if created:
        audit.record(
            verb={1: "admin.add", 2: "admin.change", 3: "admin.delete"}.get(
                instance.action_flag, "admin.action"
            ),
            actor=instance.user,
            object_type=instance.content_type.model if instance.content_type_id else "",
            object_id=instance.object_id or "",
            object_repr=instance.object_repr[:200],
            changes={"message": instance.get_change_message()},
        )
