"""The one field of each sign-in step: a code from the authenticator app, or a recovery code."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from home.two_factor import devices


def code_field(help_text):
    return forms.CharField(
        label=_("Code"),
        max_length=64,
        help_text=help_text,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false", "autofocus": True}
        ),
    )


def throttled_error(throttled):
    return forms.ValidationError(
        ngettext(
            "Too many wrong codes in a row. Wait %(seconds)s second and try again.",
            "Too many wrong codes in a row. Wait %(seconds)s seconds and try again.",
            throttled.seconds,
        )
        % {"seconds": throttled.seconds},
        code="throttled",
    )


class SignInCodeForm(forms.Form):
    """Verifies the code against the account's devices; `device` is the one that accepted it."""

    code = code_field(_("The six digits your authenticator app shows now, or one of your recovery codes."))

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None

    def clean_code(self):
        code = self.cleaned_data["code"]
        try:
            self.device = devices.verify_code(self.user, code)
        except devices.Throttled as throttled:
            raise throttled_error(throttled) from None
        if self.device is None:
            raise forms.ValidationError(
                _(
                    "This code is not right. Check that the time on your phone is set automatically, or enter a "
                    "recovery code."
                ),
                code="invalid",
            )
        return code


class EnrolmentCodeForm(forms.Form):
    """Confirms that the authenticator app being set up shows the codes the site expects."""

    code = code_field(_("The six digits your authenticator app shows for this site."))

    def __init__(self, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = self.cleaned_data["code"]
        try:
            accepted = devices.verify_pending(self.device, code)
        except devices.Throttled as throttled:
            raise throttled_error(throttled) from None
        if not accepted:
            raise forms.ValidationError(
                _("This code is not right. Scan the QR code again, or check that the time on your phone is correct."),
                code="invalid",
            )
        return code
