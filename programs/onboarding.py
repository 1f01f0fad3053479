"""Onboard an organisation: its pages, its editors' group and collection, and an invitation.

The group of an organisation's editors is the route Wagtail's maintainers
recommend for per-team editing: page permissions on the organisation's page
in every locale (add, change, lock and unlock, never publish, so every change
goes through the "Campaign review" workflow) and image and document
permissions on the organisation's own collection only. home/permissions.py
grants them and ties the group and the collection to the organisation by a
link (`home.OrganisationGroup`); a name whose group or collection already
belongs to someone else is refused, and an invitation only ever adds a person
to the organisation's own group.

The command `add_organisation`, the admin view "Add organisation" and the
programme import all call `onboard_organisation`.
"""

import dataclasses
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from wagtail.models import Collection, Locale, Page
from wagtail.users.models import UserProfile

from home import locales, permissions
from home.permissions import ensure_campaign_groups  # noqa: F401  (where callers and tests have always found it)
from programs.models import OrganisationPage, ProgramIndexPage
from programs.workflow import ensure_campaign_review_workflow

logger = logging.getLogger(__name__)

NAME_MAX_LENGTH = 100  # leaves room for " editors" in a group name (150 characters)


class OnboardingError(ValueError):
    """The organisation cannot be onboarded as asked (the message says why; `field` names the input at fault)."""

    def __init__(self, message, field=None):
        super().__init__(message)
        self.field = field


@dataclasses.dataclass
class OnboardingResult:
    page: Page
    group: Group
    collection: Collection
    created: bool
    updated_fields: list = dataclasses.field(default_factory=list)
    skipped_update: bool = False
    invited_user: object = None
    invitation_sent: bool = False


# Organisations ------------------------------------------------------------------------------------


def _find_organisation(name):
    """The source page of the organisation onboarded as `name` (whatever its title now), or titled `name`."""
    link = permissions.organisation_link_named(name)
    if link is not None:
        page = OrganisationPage.objects.sources().filter(translation_key=link.organisation_key).order_by("pk").first()
        if page is not None:
            return page
    return OrganisationPage.objects.sources().filter(title__iexact=name).order_by("pk").first()


def _ensure_in_every_locale(page):
    """The page and one alias or translation per other locale, all sharing its translation key."""
    locales.ensure_aliases(page)
    return list(Page.objects.filter(translation_key=page.translation_key).order_by("pk"))


def _validate(value, validator, message):
    if not value:
        return
    try:
        validator(value)
    except ValidationError:
        raise OnboardingError(message % {"value": value}) from None
    if len(value) > 200:
        raise OnboardingError(message % {"value": value[:60] + "…"})


def validate_name(name):
    name = " ".join((name or "").split())
    if not name:
        raise OnboardingError(_("An organisation needs a name."))
    if len(name) > NAME_MAX_LENGTH:
        raise OnboardingError(
            _("An organisation's name has at most %(limit)d characters.") % {"limit": NAME_MAX_LENGTH}
        )
    return name


def onboard(name, *, website="", email="", source_locale="nl", invite_email=None, user=None):
    """Create or update an organisation and everything its editors need; see `onboard_organisation`."""
    name = validate_name(name)
    website = (website or "").strip()
    email = (email or "").strip()
    invite_email = (invite_email or "").strip()
    _validate(website, URLValidator(schemes=["http", "https"]), _("Not a valid website address: %(value)s"))
    _validate(email, validate_email, _("Not a valid e-mail address: %(value)s"))
    _validate(invite_email, validate_email, _("Not a valid e-mail address: %(value)s"))
    try:
        locale = Locale.objects.get(language_code=source_locale)
    except Locale.DoesNotExist:
        raise OnboardingError(_("Unknown language: %(code)s.") % {"code": source_locale}) from None

    with transaction.atomic():
        permissions.ensure_campaign_groups()  # their names are taken before any organisation's
        page = _find_organisation(name)
        created = page is None
        try:
            permissions.check_organisation_name(name, None if created else page.translation_key)
        except permissions.OrganisationNameTaken as error:
            raise OnboardingError(str(error), field="name") from None
        if created:
            page, result_fields, skipped = _create_organisation(name, website, email, locale, user), [], False
        else:
            page, result_fields, skipped = _update_organisation(page.specific, website, email, user)

        pages = _ensure_in_every_locale(page)
        link = permissions.ensure_organisation_group(name, page.translation_key, pages)

        ensure_campaign_review_workflow()

        result = OnboardingResult(
            page=OrganisationPage.objects.get(pk=page.pk),
            group=link.group,
            collection=link.collection,
            created=created,
            updated_fields=result_fields,
            skipped_update=skipped,
        )
        if invite_email:
            result.invited_user, result.invitation_sent = invite_editor(
                invite_email, organisation=result.page, language=page.locale.language_code
            )
    return result


def _create_organisation(name, website, email, locale, user):
    index = ProgramIndexPage.objects.filter(locale=locale).order_by("pk").first()
    if index is None:
        raise OnboardingError(_("There is no programme overview page in %(language)s yet.") % {"language": locale})
    page = index.add_child(
        instance=OrganisationPage(title=name, website=website, email=email, locale=locale, owner=user)
    )
    page.save_revision(user=user, log_action=True).publish(user=user, skip_permission_checks=True)
    return page


def _update_organisation(page, website, email, user):
    """Publish a changed website or e-mail address: (page, fields changed, skipped for a pending draft)."""
    changes = {field: value for field, value in (("website", website), ("email", email)) if value}
    changes = {field: value for field, value in changes.items() if getattr(page, field) != value}
    if changes and page.has_unpublished_changes:
        return page, [], True  # publishing now would also publish the organisation's own pending draft
    if changes:
        for field, value in changes.items():
            setattr(page, field, value)
        page.save_revision(user=user, log_action=True).publish(user=user, skip_permission_checks=True)
    return page, sorted(changes), False


def onboard_organisation(name, *, website="", email="", source_locale="nl", invite_email=None, user=None):
    """Onboard an organisation in one transaction; returns its OrganisationPage in its source locale.

    Creates (or, when an organisation of that name exists, completes and
    updates): the organisation page in `source_locale` with an alias in every
    other locale; the group "<name> editors" with page permissions on the
    organisation's page in every locale and admin access; the collection
    "<name>" with image and document permissions for that group only; the
    campaign review workflow on the overview pages; and, with `invite_email`,
    an editor account in the group, invited by e-mail (in the organisation's
    language) to set a password. The e-mail leaves only once the transaction
    is committed. Running it again never duplicates anything. A name whose
    group or collection exists for something else (an organisation called
    "Campaign" would get "Campaign editors") is refused before anything is
    written.
    """
    return onboard(
        name, website=website, email=email, source_locale=source_locale, invite_email=invite_email, user=user
    ).page


# Invitations --------------------------------------------------------------------------------------


def invite_editor(email, *, organisation, language):
    """Add the user with this e-mail address to the organisation's own editors' group, creating them if needed.

    The group is the one linked to the organisation (`home.permissions`), never
    one found by a name. Returns (user, will_send): an invitation is sent (after
    commit) to a new user and to one who has not set a password yet; a user who
    has a password is only added to the group.
    """
    group = permissions.organisation_group(organisation.translation_key)
    if group is None:
        raise OnboardingError(_("This organisation has no editors' group yet."))
    User = get_user_model()
    email = User.objects.normalize_email(email.strip())
    user = User.objects.filter(email__iexact=email).order_by("pk").first()
    if user is None:
        username = base = email.lower()[:140]
        suffix = 1
        while User.objects.filter(username=username).exists():
            suffix += 1
            username = f"{base}-{suffix}"
        user = User(username=username, email=email, is_active=True)
        user.set_unusable_password()
        user.save()
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = language
        profile.save(update_fields=["preferred_language"])
    user.groups.add(group)
    will_send = not user.has_usable_password()
    if will_send:
        user_pk, organisation_pk = user.pk, organisation.pk
        transaction.on_commit(lambda: send_invitation(user_pk, organisation_pk, language))
    return user, will_send


def set_password_url(user):
    path = reverse(
        "wagtailadmin_password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_invitation(user_pk, organisation_pk, language):
    user = get_user_model().objects.get(pk=user_pk)
    organisation = OrganisationPage.objects.get(pk=organisation_pk)
    context = {
        "user": user,
        "organisation": organisation,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "set_password_url": set_password_url(user),
        "login_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_login"),
        "valid_days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
    }
    with translation.override(language):
        subject = _("Your editor account for %(organisation)s on %(site)s") % {
            "organisation": organisation.title,
            "site": settings.WAGTAIL_SITE_NAME,
        }
        body = render_to_string("programs/admin/emails/invitation.txt", context)
    send_mail(subject, body, None, [user.email])
    logger.info("Sent an editor invitation for %s to user %s", organisation.title, user.pk)
