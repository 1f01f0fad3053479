from django.urls import path

from programs import views

urlpatterns = [
    # A machine endpoint for the place field: its path is not translated.
    path("places/suggestions/", views.place_suggestions, name="place_suggest"),
]
