"""Admin wiring of the roles (home/permissions.py): the campaign's own rights, and what each user may see."""

from wagtail import hooks

from home import permissions


@hooks.register("register_permissions")
def register_campaign_rights():
    """"Can onboard organisations" and the like, in the group editor beside Wagtail's own permissions."""
    return permissions.campaign_rights()


@hooks.register("construct_page_chooser_queryset")
def hide_unpublished_pages_of_others(pages, request):
    """Linking to any public page is fine; another organisation's drafts stay out of sight."""
    return permissions.visible_pages(request.user, pages)
