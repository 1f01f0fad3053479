"""The admin's two-factor views: the sign-in steps, the account's own settings, and a reset by a user manager.

The sign-in steps (`VerifyView`, `EnrolView` while the session is not yet
verified) look like Wagtail's login page; everything else is an ordinary
admin page. All of them are mounted by `register_admin_urls`, so Wagtail's
admin access check and the account's admin language apply.
"""

import django_otp
from django_otp.plugins.otp_static.models import StaticDevice

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views import View
from django.views.generic import FormView, TemplateView

from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from home.permissions import requires_second_factor
from home.two_factor import devices
from home.two_factor.forms import EnrolmentCodeForm, SignInCodeForm
from home.two_factor.middleware import owes_second_factor

ENROL = "home.two_factor.enrol"
NEW_RECOVERY_CODES = "home.two_factor.recovery_codes"
TURN_OFF = "home.two_factor.turn_off"
RESET = "home.two_factor.reset"


def next_url(request):
    return get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")


def log_on_own_account(request, action):
    """Record in the audit log an action the signed-in account took on itself.

    `request.user` is a lazy object twice over (Django's, wrapped again by
    django-otp's middleware); Wagtail's log registry looks through one layer
    only, finds no model and silently logs nothing, so the row is loaded.
    """
    log(get_user_model()._default_manager.get(pk=request.user.pk), action)


def may_reset(manager, user):
    """User managers reset anyone's second factor but a superuser's, which only superusers reset."""
    if not manager.has_perm("auth.change_user"):
        return False
    return manager.is_superuser or not user.is_superuser


class AccountPageMixin(WagtailAdminTemplateMixin):
    """An admin page in the account's settings: the account page as breadcrumb."""

    page_title = _("Two-factor sign-in")
    header_icon = "key"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailadmin_account"), "label": _("Account")},
            {"url": "", "label": self.get_page_title()},
        ]


# Signing in ------------------------------------------------------------------------------------------------


class VerifyView(FormView):
    """The second sign-in step: a code from the authenticator app, or a recovery code."""

    template_name = "home/two_factor/verify.html"
    form_class = SignInCodeForm

    def dispatch(self, request, *args, **kwargs):
        if not owes_second_factor(request.user):
            return redirect(next_url(request))
        if not devices.has_second_factor(request.user):
            return redirect(f"{reverse('two_factor:enrol')}?{request.GET.urlencode()}")
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "user": self.request.user}

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            next=get_valid_next_url_from_request(self.request), issuer=settings.OTP_TOTP_ISSUER, **kwargs
        )

    def form_valid(self, form):
        django_otp.login(self.request, form.device)
        if isinstance(form.device, StaticDevice):
            left = devices.recovery_codes_left(self.request.user)
            messages.warning(
                self.request,
                ngettext(
                    "You signed in with a recovery code; %(count)s code is left. If you lost your phone, set up "
                    "your authenticator app again now, and make new recovery codes.",
                    "You signed in with a recovery code; %(count)s codes are left. If you lost your phone, set up "
                    "your authenticator app again now, and make new recovery codes.",
                    left,
                )
                % {"count": left},
                buttons=[messages.button(reverse("two_factor:manage"), _("Two-factor sign-in"))],
            )
        return redirect(next_url(self.request))


class EnrolView(FormView):
    """Set up an authenticator app: scan the QR code (or type the secret), then confirm one of its codes.

    While the account owes its second factor this is a sign-in step (an
    account that must use one and has none); from the account settings it
    sets up a first app or replaces one. An account that has a device must
    verify the session with it before replacing it.
    """

    form_class = EnrolmentCodeForm

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if devices.has_second_factor(user) and not user.is_verified():
            return redirect(f"{reverse('two_factor:verify')}?{request.GET.urlencode()}")
        self.signing_in = owes_second_factor(user)
        self.device = devices.pending_authenticator(user)
        return super().dispatch(request, *args, **kwargs)

    def get_template_names(self):
        return ["home/two_factor/enrol_sign_in.html" if self.signing_in else "home/two_factor/enrol.html"]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "device": self.device}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            next=get_valid_next_url_from_request(self.request),
            qr_code=devices.qr_code_data_uri(self.device),
            secret=devices.secret(self.device),
            replacing=devices.authenticator(self.request.user) is not None,
            required=requires_second_factor(self.request.user),
            page_title=_("Set up two-factor sign-in"),
            header_icon="key",
            breadcrumbs_items=[
                {"url": reverse("wagtailadmin_home"), "label": _("Home")},
                {"url": reverse("two_factor:manage"), "label": _("Two-factor sign-in")},
                {"url": "", "label": _("Set up an authenticator app")},
            ],
        )
        return context

    def form_valid(self, form):
        user = self.request.user
        device = devices.confirm_authenticator(self.device)
        django_otp.login(self.request, device)
        log_on_own_account(self.request, ENROL)
        if devices.recovery_codes_left(user):
            messages.success(self.request, _("Your new authenticator app is set up. Your recovery codes still work."))
            return redirect(next_url(self.request) if self.signing_in else reverse("two_factor:manage"))
        return show_recovery_codes(self.request, devices.new_recovery_codes(user), first=True)


def show_recovery_codes(request, codes, first=False):
    """The only time the codes are shown: the response to the step that made them."""
    return TemplateResponse(
        request,
        "home/two_factor/recovery_codes_new.html",
        {
            "codes": codes,
            "first": first,
            "next": next_url(request),
            "page_title": _("Your recovery codes"),
            "header_icon": "key",
        },
    )


# The account's own settings -------------------------------------------------------------------------------------


class ManageView(AccountPageMixin, TemplateView):
    """What protects the account, and what to do: set up or replace the app, new recovery codes, turn it off."""

    template_name = "home/two_factor/manage.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        return super().get_context_data(
            authenticator=devices.authenticator(user),
            codes_left=devices.recovery_codes_left(user),
            few_codes=devices.FEW_RECOVERY_CODES,
            required=requires_second_factor(user),
            **kwargs,
        )


class RecoveryCodesView(AccountPageMixin, TemplateView):
    """GET explains; POST makes ten new codes, shows them once, and the old ones stop working."""

    template_name = "home/two_factor/recovery_codes.html"
    page_title = _("Recovery codes")

    def dispatch(self, request, *args, **kwargs):
        if devices.authenticator(request.user) is None:
            return redirect("two_factor:enrol")
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(codes_left=devices.recovery_codes_left(self.request.user), **kwargs)

    def post(self, request):
        codes = devices.new_recovery_codes(request.user)
        log_on_own_account(request, NEW_RECOVERY_CODES)
        return show_recovery_codes(request, codes)


class TurnOffView(View):
    """Accounts that may do without a second factor can turn it off again (POST)."""

    def post(self, request):
        if requires_second_factor(request.user):
            raise PermissionDenied
        devices.remove_second_factor(request.user)
        log_on_own_account(request, TURN_OFF)
        messages.success(request, _("Two-factor sign-in is turned off for your account."))
        return redirect("two_factor:manage")


# A lost device ----------------------------------------------------------------------------------------------


class ResetView(WagtailAdminTemplateMixin, TemplateView):
    """A user manager removes another account's second factor; the account enrols again at its next sign-in."""

    template_name = "home/two_factor/reset.html"
    page_title = _("Reset two-factor sign-in")
    header_icon = "key"

    def dispatch(self, request, user_id):
        self.account = get_object_or_404(get_user_model(), pk=user_id)
        if not may_reset(request.user, self.account):
            raise PermissionDenied
        return super().dispatch(request, user_id)

    def get_page_subtitle(self):
        return self.account.get_username()

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("wagtailusers_users:index"), "label": _("Users")},
            {"url": reverse("wagtailusers_users:edit", args=[self.account.pk]), "label": str(self.account)},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            account=self.account,
            has_second_factor=devices.has_second_factor(self.account),
            required=requires_second_factor(self.account),
            **kwargs,
        )

    def post(self, request, user_id):
        devices.remove_second_factor(self.account)
        log(self.account, RESET)
        messages.success(
            request,
            _("Two-factor sign-in of %(user)s is reset.") % {"user": self.account.get_username()},
        )
        return redirect("wagtailusers_users:index")
