"""Template helpers for the core partials: masked personal data (rule 7) and the
attachment panel's upload target.

    {% load fazhi_pii %}
    {{ user.phone|mask_phone }}   {% pii_masked target "id_number" %}
"""

from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType

from .. import attachments, pii
from ..roles import PII_UNMASK_ROLES
from ..uploads import human_size

register = template.Library()

PII_FIELDS = {"id_number": pii.mask_id_number, "phone": pii.mask_phone}


@register.filter
def mask_id_number(value) -> str:
    return pii.mask_id_number(str(value or ""))


@register.filter
def mask_phone(value) -> str:
    return pii.mask_phone(str(value or ""))


@register.simple_tag
def pii_masked(target, field) -> str:
    """The masked value of `target.<field>` (id_number or phone); "" when empty."""
    mask = PII_FIELDS.get(field)
    if mask is None or target is None:
        return ""
    return mask(getattr(target, field, "") or "")


@register.filter
def may_unmask(user) -> bool:
    """The role half of the unmask permission; the view re-checks the target's scope."""
    return bool(user and user.is_authenticated and user.has_role(*PII_UNMASK_ROLES))


@register.filter
def file_size(value) -> str:
    return human_size(int(value or 0))


@register.filter
def removable_by(attachment, user) -> bool:
    return attachments.can_remove(user, attachment)


@register.simple_tag(takes_context=True)
def attachment_panel(context, record) -> dict:
    """What _attachments.html needs to know about `record` for the current user."""
    user = context.get("user")
    request = context.get("request")
    ct = ContentType.objects.get_for_model(record)
    visible = attachments.record_visible(user, record)
    return {
        "content_type_id": ct.pk,
        "dom_id": f"attachments-{ct.pk}-{record.pk}",
        "can_view": visible,
        "can_upload": visible and user.has_role(*attachments.ATTACHER_ROLES),
        "next": context.get("attachment_next") or (request.get_full_path() if request else ""),
        "max_size": human_size(settings.FAZHI_UPLOAD_MAX_BYTES),
    }
