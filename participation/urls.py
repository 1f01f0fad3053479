from django.urls import path
from django.utils.translation import gettext_lazy as _

from participation import views

urlpatterns = [
    path(_("take-part/<int:page_id>/"), views.request_form, name="participation_request"),
    path(_("take-part/<int:page_id>/sent/"), views.request_sent, name="participation_request_sent"),
]
