"""Hold an account that needs a second factor at the second sign-in step until its session is verified.

An account needs one when `requires_second_factor` says so, or when it has
turned two-factor sign-in on itself.

After Wagtail's login view has checked the password, such an account may
only reach the steps that finish signing in (the code, or enrolment when it
has no device yet), logging out, and the login and password-reset pages.
Every other admin address, Django's admin and the admin API included,
redirects to the step it still owes, and comes back afterwards. Outside the
admin the account is anonymous until verified, so nothing else (a document
for editors only, a preview) treats a password alone as a sign-in.

Placed after django-otp's `OTPMiddleware`, which tells whether the session is
verified. The check runs only when something reads `request.user`, as
Django's own, so anonymous public pages stay free of session lookups.
"""

from functools import partial
from urllib.parse import urlencode

from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from home.permissions import requires_second_factor
from home.two_factor.devices import has_second_factor

# Admin addresses an account may reach between its password and its second factor.
SIGN_IN_STEPS = ("two_factor:verify", "two_factor:enrol")
OPEN_ADMIN_VIEWS = (
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "wagtailadmin_password_reset",
)


def owes_second_factor(user):
    """Signed in with a password but not yet with the second factor it must use, or has chosen to use."""
    if not user.is_authenticated or user.is_verified():
        return False
    return requires_second_factor(user) or has_second_factor(user)


def second_factor_step(request):
    """Where an account owing its second factor goes: the code if it has a device, else enrolment."""
    name = "two_factor:verify" if has_second_factor(request.user) else "two_factor:enrol"
    return f"{reverse(name)}?{urlencode({'next': request.get_full_path()})}"


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.is_admin(request.path_info):
            if not self.is_open(request.path_info) and owes_second_factor(request.user):
                return HttpResponseRedirect(second_factor_step(request))
        else:
            request.user = SimpleLazyObject(partial(self.outside_admin_user, request.user))
        return self.get_response(request)

    @staticmethod
    def outside_admin_user(user):
        if not owes_second_factor(user):
            return user
        anonymous = AnonymousUser()
        anonymous.otp_device = None
        anonymous.is_verified = lambda: False
        return anonymous

    @staticmethod
    def is_admin(path):
        return path.startswith((reverse("wagtailadmin_home"), reverse("admin:index")))

    @staticmethod
    def is_open(path):
        steps = [reverse(name) for name in SIGN_IN_STEPS]
        open_views = [reverse(name) for name in OPEN_ADMIN_VIEWS]
        return path in steps or path in open_views or path.startswith(reverse("wagtailadmin_password_reset"))
