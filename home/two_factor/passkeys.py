"""Passkeys as a second factor: django-otp-webauthn's JSON endpoints, in the admin at /admin/two-factor/passkeys/.

A passkey never replaces the password here (OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN
is off): after Wagtail's login view has checked the password, the code step
(`views.VerifyView`) offers "Sign in with a passkey" when the account has one.
Being admin URLs, the endpoints sit behind Wagtail's admin access check, so an
anonymous request is sent to the login page. `middleware.SecondFactorMiddleware`
lets an account that still owes its second factor reach the sign-in ceremony
(its `PASSKEY_SIGN_IN_VIEWS`) and nothing else: registering a passkey needs a
session already verified with a second factor, or an account that has none and
may do without (django-otp-webauthn refuses an enrolled, unverified account too).

The library's scripts are static files; their configuration is a JSON data
block, so the admin's Content-Security-Policy needs no inline script for them.
The buttons live in <template> elements that the scripts show only when the
browser supports WebAuthn; without JavaScript the page offers the other methods.
"""

from django_otp_webauthn import views as webauthn_views

from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.i18n import JavaScriptCatalog

from wagtail.admin import messages

from home.two_factor.views import PASSKEY_ADDED, log_on_own_account


class CompleteRegistrationView(webauthn_views.CompleteCredentialRegistrationView):
    """The library's view, with the new passkey recorded in the audit log and announced on the next page."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        log_on_own_account(request, PASSKEY_ADDED)
        messages.success(request, _("Your passkey is added. Use it at the second step of signing in."))
        return response


class PasskeyScriptCatalog(JavaScriptCatalog):
    """The translations of the library's script: its own (nl), and ours where it ships none (fr)."""

    def get_paths(self, packages):
        return [*super().get_paths(packages), str(settings.LIBRARY_LOCALE_DIR)]


class CompleteAuthenticationView(webauthn_views.CompleteCredentialAuthenticationView):
    """The library's view; without a safe `next` the account lands on the admin dashboard."""

    def get_success_url(self):
        return self.get_redirect_url() or reverse("wagtailadmin_home")


app_name = "otp_webauthn"  # the namespace the library's template tags reverse
urlpatterns = [
    path(
        "registration/begin/",
        webauthn_views.BeginCredentialRegistrationView.as_view(),
        name="credential-registration-begin",
    ),
    path("registration/complete/", CompleteRegistrationView.as_view(), name="credential-registration-complete"),
    path(
        "authentication/begin/",
        webauthn_views.BeginCredentialAuthenticationView.as_view(),
        name="credential-authentication-begin",
    ),
    path("authentication/complete/", CompleteAuthenticationView.as_view(), name="credential-authentication-complete"),
    path("jsi18n/", PasskeyScriptCatalog.as_view(packages=["django_otp_webauthn"]), name="js-i18n-catalog"),
]
