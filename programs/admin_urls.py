"""The programme federation's admin paths, mounted by programs/wagtail_hooks.py inside Wagtail's admin.

`urlpatterns` live under /admin/programs/ in the `programs_admin` namespace
(`reverse("programs_admin:organisations")`). `localize_urlpatterns` take over
wagtail-localize's own paths, unnamed and matched first, so its views run
with a check of the object the user may touch (programs/views_admin.py).
"""

from django.urls import path

from programs import guide, views_admin

app_name = "programs_admin"

urlpatterns = [
    path("still-accurate/<int:page_id>/", views_admin.StillAccurateView.as_view(), name="still_accurate"),
    path("guide/<slug:name>/", guide.GuideView.as_view(), name="guide"),
    path("guide/file/<path:path>", guide.guide_file, name="guide_file"),
    path("organisations/", views_admin.OrganisationIndexView.as_view(), name="organisations"),
    path("organisations/add/", views_admin.AddOrganisationView.as_view(), name="add_organisation"),
]

localize_urlpatterns = [
    path("localize/submit/page/<int:page_id>/", views_admin.GuardedSubmitPageTranslationView.as_view()),
    path(
        "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
        views_admin.GuardedSubmitSnippetTranslationView.as_view(),
    ),
    path("localize/update/<int:translation_source_id>/", views_admin.GuardedUpdateTranslationsView.as_view()),
    path(
        "localize/translate/<int:translation_id>/overrides/<int:overridable_segment_id>/edit/",
        views_admin.guarded_edit_override,
    ),
    path("localize/reports/translations/", views_admin.GuardedTranslationsReportView.as_view()),
    path(
        "localize/reports/translations/results/",
        views_admin.GuardedTranslationsReportView.as_view(results_only=True),
    ),
]
