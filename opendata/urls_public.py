"""The open-data pages for people (inside the language prefix): the documentation page."""

from django.urls import path

from opendata import pages

urlpatterns = [
    path("open-data/", pages.open_data, name="open_data"),
    path("widget/", pages.widget, name="opendata_widget"),
]
