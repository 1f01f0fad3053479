"""/admin/two-factor/…, mounted by home/wagtail_hooks.py (so behind Wagtail's admin access check)."""

from django.urls import path

from home.two_factor import views

app_name = "two_factor"
urlpatterns = [
    path("", views.ManageView.as_view(), name="manage"),
    path("verify/", views.VerifyView.as_view(), name="verify"),
    path("enrol/", views.EnrolView.as_view(), name="enrol"),
    path("recovery-codes/", views.RecoveryCodesView.as_view(), name="recovery_codes"),
    path("turn-off/", views.TurnOffView.as_view(), name="turn_off"),
    path("reset/<int:user_id>/", views.ResetView.as_view(), name="reset"),
]
