"""One way to sign in for the public, and a staff-only door for the admin.

Citizens sign in on the site (allauth: confirmed email, rate limits). Wagtail's admin sign-in
accepts only people who may use the admin, and counts failed attempts against the same
allauth limits and keys (the account's email) as the site's sign-in, so trying passwords at
/admin/login/ is no way around them. Wagtail's own front-end sign-in (/_util/login/, for
private pages) leads to the site's sign-in. The password forms of password-protected pages and
documents count wrong passwords against the same allauth limit (per IP, and per IP and
restriction), so a page password cannot be guessed without limit either."""

from allauth.account.adapter import get_adapter
from allauth.core.internal import ratelimit
from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext_lazy as _
from wagtail import views as wagtail_views
from wagtail.admin.forms.auth import LoginForm
from wagtail.documents.views import serve as document_views


def account_email(login: str) -> str:
    """The email of the account a user name or email designates (or the login itself)."""
    login = (login or "").strip()
    user = (
        get_user_model()
        ._default_manager.filter(Q(username__iexact=login) | Q(email__iexact=login))
        .exclude(email="")
        .order_by("pk")
        .first()
    )
    return user.email if user else login


class AdminLoginForm(LoginForm):
    """WAGTAILADMIN_USER_LOGIN_FORM: staff only, rate limited like the site's sign-in."""

    error_messages = {
        **LoginForm.error_messages,
        "not_staff": _(
            "This sign-in is for the council's team. To take part, sign in on the site."
        ),
    }

    def clean(self):
        login = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if login is not None and password:
            adapter = get_adapter(self.request)
            # allauth's authenticate() consumes the failed-login limit (per IP and per
            # account) and gives the attempt back when the password is right.
            self.user_cache = adapter.authenticate(
                self.request, email=account_email(login), password=password
            )
            if self.user_cache is None:
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not user.has_perm("wagtailadmin.access_admin"):
            raise forms.ValidationError(self.error_messages["not_staff"], code="not_staff")


def site_sign_in(request):
    """Wagtail's front-end sign-in view replaced by the site's (allauth) sign-in."""
    target = reverse("account_login")
    next_url = request.GET.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = f"{target}?{urlencode({'next': next_url})}"
    return redirect(target)


def _password_attempt(request, view, restriction: str, *args):
    """Wagtail's password form view, each wrong password counted as a failed sign-in (allauth's
    "login_failed" limit: the same settings and cache as every sign-in door). Over the limit,
    even the right password is refused for a while, with the site's 429 page."""
    if request.method != "POST":
        return view(request, *args)
    # Per IP only: a key of the restriction alone would let anyone lock a page for everybody.
    usage = ratelimit.consume(
        request,
        app="allauth.account",
        action="login_failed",
        key=f"view-restriction:{restriction}:{ratelimit.get_ip(request)}",
    )
    if usage is None:
        return ratelimit.respond_429(request)
    response = view(request, *args)
    if response.status_code == 302:  # the right password: give the attempt back
        usage.rollback()
    return response


def page_password(request, page_view_restriction_id: int, page_id: int):
    return _password_attempt(
        request,
        wagtail_views.authenticate_with_password,
        f"page:{page_view_restriction_id}",
        page_view_restriction_id,
        page_id,
    )


def document_password(request, restriction_id: int):
    return _password_attempt(
        request,
        document_views.authenticate_with_password,
        f"collection:{restriction_id}",
        restriction_id,
    )
