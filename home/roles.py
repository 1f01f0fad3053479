"""The models of the campaign's roles: its own permissions and the organisations' editors' groups.

home/permissions.py answers every question about roles through them. They are
home's models (home/models.py imports this module, so Django registers them
with the app), kept apart from the page models so that home/permissions.py,
which the page forms use, can import them without importing the pages.
"""

from django.contrib.auth.models import Group
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Collection


class CampaignRights(models.Model):
    """Holds the campaign's own permissions, declared here and granted to groups like any other.

    Like Wagtail's `SimpleTranslation` (which declares `submit_translation`),
    a concrete model without rows, so `remove_stale_contenttypes` and
    `dumpdata` leave its permissions alone. home/wagtail_hooks.py registers
    them, so campaign admins see them in the group editor; code asks
    `user.has_perm("home.onboard_organisation")`, never a group's name.
    """

    class Meta:
        default_permissions = []
        permissions = [
            ("onboard_organisation", _("Can onboard organisations")),
            ("oversee_organisations", _("Can follow up every organisation's listings and stories")),
        ]
        verbose_name = _("campaign rights")
        verbose_name_plural = _("campaign rights")


class OrganisationGroup(models.Model):
    """The link between an organisation and its editors' group and collection; never found by a name.

    Keyed by the translation key of the organisation's page, which every
    locale's version shares and a new title leaves alone. Onboarding creates it
    (programs/onboarding.py); home/permissions.py answers "whose group is this"
    and "which group edits this organisation" through it only. `name` is the
    name the organisation was onboarded with, which onboarding it again finds.
    """

    organisation_key = models.UUIDField(_("organisation"), unique=True)
    name = models.CharField(_("name"), max_length=100, unique=True)
    group = models.OneToOneField(
        Group, on_delete=models.CASCADE, related_name="organisation_link", verbose_name=_("editors' group")
    )
    collection = models.OneToOneField(
        Collection,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="organisation_link",
        verbose_name=_("collection"),
    )

    class Meta:
        verbose_name = _("organisation's editors' group")
        verbose_name_plural = _("organisations' editors' groups")

    def __str__(self):
        return self.name
