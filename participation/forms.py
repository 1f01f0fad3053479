"""The request form: the least a programme needs to answer someone who wants to take part."""

import re

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from participation.models import NEWCOMER, ROLE_CHOICES, VOLUNTEER
from programs import taxonomy
from programs.near import MAX_PLACE_LENGTH, resolve_place

PHONE = re.compile(r"^\+?[0-9][0-9 ./()-]{5,28}$")
ROLE_LABELS = {
    VOLUNTEER: _("As a volunteer: I want to be a buddy"),
    NEWCOMER: _("As a newcomer: I would like a buddy"),
}


class ParticipationRequestForm(forms.Form):
    """`roles` are the roles the programme takes requests for now; one role is chosen without asking."""

    role = forms.ChoiceField(label=_("I want to take part"), choices=ROLE_CHOICES, widget=forms.RadioSelect)
    first_name = forms.CharField(label=_("First name"), max_length=60)
    email = forms.EmailField(label=_("E-mail address"), max_length=254, required=False)
    phone = forms.CharField(label=_("Phone number"), max_length=30, required=False)
    languages = forms.MultipleChoiceField(
        label=_("Languages you speak"),
        choices=list(taxonomy.LANGUAGES.items()),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    place = forms.CharField(label=_("Postcode or municipality where you live"), max_length=MAX_PLACE_LENGTH)
    message = forms.CharField(
        label=_("Message (optional)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Anything that helps the organisation, such as when you are free. At most 1,000 characters."),
    )
    consent = forms.BooleanField(
        label=_("I agree"),
        error_messages={"required": _("Tick this box so the organisation may receive your request.")},
    )
    # A honeypot: hidden from people (CSS and aria-hidden), filled in by many bots.
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.roles = list(roles)
        role_field = self.fields["role"]
        role_field.choices = [(role, ROLE_LABELS[role]) for role in self.roles]
        if len(self.roles) == 1:
            role_field.initial = self.roles[0]
        role_field.error_messages["invalid_choice"] = _("This programme does not take requests in that role now.")
        self.place = None

    def clean_phone(self):
        phone = " ".join(self.cleaned_data["phone"].split())
        if phone and not PHONE.match(phone):
            raise forms.ValidationError(_("Enter a phone number with digits only, for example +32 470 12 34 56."))
        return phone

    def clean_place(self):
        place = resolve_place(self.cleaned_data["place"])
        if place is None:
            raise forms.ValidationError(_("Enter your postcode or municipality."))
        if place.municipality is None:
            if place.choices:
                names = ", ".join(choice.name(self._language()) for choice in place.choices)
                raise forms.ValidationError(
                    _("“%(value)s” could be several places: type one of %(names)s.")
                    % {"value": place.text[:60], "names": names}
                )
            raise forms.ValidationError(
                _("We do not know the place “%(value)s”; check the spelling or try a postcode.")
                % {"value": place.text[:60]}
            )
        self.place = place
        # The municipality's own name (its first official language), as the organisation knows it.
        municipality = place.municipality
        return municipality.name(municipality.languages[0])

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Leave this field empty: it is there to catch automated spam."))
        return ""

    def clean(self):
        cleaned = super().clean()
        unreachable = not cleaned.get("email") and not cleaned.get("phone")
        if unreachable and "email" not in self.errors and "phone" not in self.errors:
            self.add_error("email", _("Give an e-mail address or a phone number, so the organisation can reach you."))
        return cleaned

    @staticmethod
    def _language():
        return get_language()
