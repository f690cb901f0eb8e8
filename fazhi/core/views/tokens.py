"""Personal API tokens: a staff member lists, creates and revokes their own.

A new token is shown once, in the response to the form that made it, and is never kept
anywhere (not even in the session): only its SHA-256 is stored."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path
from django.views.decorators.http import require_POST

from .. import services
from ..forms import apply_service_error
from ..forms.tokens import TokenCreateForm
from ..models import ApiToken
from ..permissions import ServiceError, role_required
from ..roles import Role

TOKEN_ROLES = [r for r in Role if r != Role.RESIDENT]


def _page(request, form, new_token=None, raw=None, status=200):
    tokens = ApiToken.objects.filter(user=request.user).order_by("-created_at")
    return render(
        request,
        "core/token_list.html",
        {"form": form, "tokens": tokens, "new_token": new_token, "raw_token": raw},
        status=status,
    )


@role_required(*TOKEN_ROLES)
def token_list(request):
    if request.method != "POST":
        return _page(request, TokenCreateForm())
    form = TokenCreateForm(request.POST)
    if form.is_valid():
        try:
            token, raw = services.api_token_create(
                actor=request.user, name=form.cleaned_data["name"]
            )
        except ServiceError as exc:
            apply_service_error(form, exc)
        else:
            # Rendered, not redirected: the raw token must not travel through the session.
            return _page(request, TokenCreateForm(), new_token=token, raw=raw)
    return _page(request, form, status=400)


@require_POST
@role_required(*TOKEN_ROLES)
def token_revoke(request, pk):
    token = ApiToken.objects.filter(pk=pk, user=request.user).first()
    if token is None:
        raise Http404("令牌不存在")
    try:
        services.api_token_revoke(actor=request.user, token=token)
    except ServiceError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"已撤销令牌“{token.name}”,使用它的程序将无法再访问")
    return redirect("core:token_list")


urlpatterns = [
    path("tokens/", token_list, name="token_list"),
    path("tokens/<int:pk>/revoke/", token_revoke, name="token_revoke"),
]
