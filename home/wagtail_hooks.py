"""Admin wiring of the roles (home/permissions.py): the campaign's own rights, and what each user may see.

Wagtail views that show more than a user may see are replaced here where
Wagtail offers a hook (the page viewset, the admin API endpoints) and at their
own paths otherwise (home/admin_urls.py); home/admin_views.py says why.
"""

from django.http import Http404

from wagtail import hooks

from home import admin_views, permissions


@hooks.register("register_permissions")
def register_campaign_rights():
    """ "Can onboard organisations" and the like, in the group editor beside Wagtail's own permissions."""
    return permissions.campaign_rights()


@hooks.register("construct_page_chooser_queryset")
def hide_unpublished_pages_of_others(pages, request):
    """Linking to any public page is fine; another organisation's drafts stay out of sight."""
    return permissions.visible_pages(request.user, pages)


@hooks.register("register_admin_viewset")
def register_guarded_page_viewset():
    # Registered after Wagtail's own base page viewset (order -1), so it replaces it for every page type
    # without a viewset of its own.
    return admin_views.GuardedPageViewSet()


@hooks.register("construct_admin_api", order=100)  # after Wagtail's images and documents apps register theirs
def register_guarded_api_endpoints(router):
    router.register_endpoint("images", admin_views.ImagesAdminAPIViewSet)
    router.register_endpoint("documents", admin_views.DocumentsAdminAPIViewSet)


@hooks.register("before_serve_document")
def serve_published_documents_only(document, request):
    """A document is public once a published page links to it; until then only its editors download it."""
    if not permissions.may_download_document(request.user, document):
        raise Http404
