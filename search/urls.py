from django.urls import path
from django.utils.translation import gettext_lazy as _

from search import views

urlpatterns = [
    path(_("search/"), views.search, name="search"),
    # A machine endpoint for the search boxes: its path is not translated.
    path("search/suggestions/", views.suggest, name="search_suggest"),
]
