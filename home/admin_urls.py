"""Wagtail admin paths answered by home/admin_views.py: the same views, showing only what the user may see.

campaign_site/urls.py includes these under /admin/ ahead of Wagtail's admin,
so they answer first; like Wagtail's, they need admin access and are never
cached.
"""

from django.urls import path
from django.views.decorators.cache import never_cache

from wagtail.admin.auth import require_admin_access
from wagtail.utils.urlpatterns import decorate_urlpatterns

from home import admin_views

urlpatterns = [
    path("choose-page/", admin_views.BrowseView.as_view()),
    path("choose-page/<int:parent_page_id>/", admin_views.BrowseView.as_view()),
    path("choose-page/search/", admin_views.SearchView.as_view()),
    path("choose-page/chosen-multiple/", admin_views.ChosenMultipleView.as_view()),
    path("choose-external-link/", admin_views.ExternalLinkView.as_view()),
    path("reports/page-types-usage/", admin_views.PageTypesUsageView.as_view()),
    path("reports/page-types-usage/results/", admin_views.PageTypesUsageView.as_view(results_only=True)),
    path("bulk/<str:app_label>/<str:model_name>/<str:action>/", admin_views.bulk_action),
    path("tag-autocomplete/", admin_views.tag_autocomplete),
    path("tag-autocomplete/<slug:app_name>/<slug:model_name>/", admin_views.tag_autocomplete),
    path("images/", admin_views.ImageIndexView.as_view()),
    path("images/results/", admin_views.ImageIndexView.as_view(results_only=True)),
    path("images/chooser/", admin_views.image_chooser.choose_view),
    path("documents/", admin_views.DocumentIndexView.as_view()),
    path("documents/results/", admin_views.DocumentIndexView.as_view(results_only=True)),
]

urlpatterns = decorate_urlpatterns(urlpatterns, require_admin_access)
urlpatterns = decorate_urlpatterns(urlpatterns, never_cache)
