from django.urls import path, re_path

from opendata import views

app_name = "opendata"

LOCALE = r"(?P<language>[a-z]{2}(?:-[a-z]+)?)"
UUID = r"(?P<id>[^/]{1,64})"

urlpatterns = [
    path("", views.index, name="index"),
    re_path(rf"^{LOCALE}/$", views.root, name="root"),
    re_path(rf"^{LOCALE}/services/?$", views.services, name="services"),
    re_path(rf"^{LOCALE}/services/{UUID}/?$", views.service_detail, name="service"),
    re_path(rf"^{LOCALE}/organizations/?$", views.organizations, name="organizations"),
    re_path(rf"^{LOCALE}/organizations/{UUID}/?$", views.organization_detail, name="organization"),
    re_path(rf"^{LOCALE}/service_at_locations/?$", views.service_at_locations, name="service_at_locations"),
    re_path(rf"^{LOCALE}/taxonomies/?$", views.taxonomies, name="taxonomies"),
    re_path(rf"^{LOCALE}/taxonomy_terms/?$", views.taxonomy_terms, name="taxonomy_terms"),
]
