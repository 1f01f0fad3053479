"""Who sees requests: an organisation's own editors, and nobody else.

Not campaign staff, translators or superusers: they see the figures
(`RequestFigure`), never a visitor's name or contact. Membership of an
organisation's editors' group (home.permissions.organisation_keys_of) is the
only way in, for listing, opening, changing, exporting and erasing alike.
Nobody adds a request in the admin: they come from the public form only.
"""

from django.contrib.auth import get_user_model

from wagtail.permission_policies.base import BasePermissionPolicy

from home.permissions import is_campaign_staff, organisation_keys_of

INBOX_ACTIONS = {"view", "change", "delete", "export"}


def _keys(user):
    if not user.is_authenticated:
        return set()
    cached = getattr(user, "_participation_organisation_keys", None)
    if cached is None:
        cached = {str(key) for key in organisation_keys_of(user)}
        user._participation_organisation_keys = cached  # once per request: the user object lives that long
    return cached


class OwnOrganisationPolicy(BasePermissionPolicy):
    """Wagtail's permission policy for the inbox: rights on a request come from its organisation alone."""

    def user_has_permission(self, user, action):
        return action in INBOX_ACTIONS and bool(_keys(user))

    def user_has_permission_for_instance(self, user, action, instance):
        return action in INBOX_ACTIONS and str(instance.organisation_key) in _keys(user)

    def instances_user_has_any_permission_for(self, user, actions):
        if not INBOX_ACTIONS.intersection(actions):
            return self.model._default_manager.none()
        return self.model._default_manager.of_organisations(_keys(user))

    def users_with_any_permission(self, actions):
        users = get_user_model().objects.filter(is_active=True)
        if not INBOX_ACTIONS.intersection(actions):
            return users.none()
        return users.filter(groups__organisation_link__isnull=False).distinct()

    def users_with_any_permission_for_instance(self, actions, instance):
        if not INBOX_ACTIONS.intersection(actions):
            return get_user_model().objects.none()
        return (
            get_user_model()
            .objects.filter(is_active=True, groups__organisation_link__organisation_key=instance.organisation_key)
            .distinct()
        )


def may_see_figures(user):
    """Campaign staff follow the campaign's figures (aggregates only)."""
    return is_campaign_staff(user)
