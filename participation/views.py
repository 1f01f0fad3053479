"""The public side: a programme's request form and the page that confirms a request was sent.

Never cached (a CSRF-protected form and a visitor's input), never indexed
(`noindex`), and Django's error reports leave out every field the visitor typed
(`sensitive_post_parameters`). Refusals say why: a programme that takes no
requests now (409), too many requests (429), a request too large (413),
invalid fields (400, with the form's messages).
"""

from functools import partial

from django_ratelimit.core import is_ratelimited

from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from wagtail.models import Locale

from home.client_ip import client_ip
from home.models import SiteSettings
from participation.delivery import deliver
from participation.forms import ParticipationRequestForm
from participation.models import RECEIVED, ParticipationRequest, RequestFigure
from participation.rules import refusal, request_roles
from programs.models import ProgramPage

MAX_BODY_BYTES = 16 * 1024
PERSONAL_FIELDS = ("first_name", "email", "phone", "languages", "place", "message", "website")


def _programme(request, page_id):
    """The live, public programme in the language of the address; another language's version redirects."""
    programme = get_object_or_404(ProgramPage.objects.live().public().select_related("locale"), pk=page_id)
    active = Locale.get_active()
    if programme.locale_id == active.pk:
        return programme, None
    translated = programme.get_translation_or_none(active)
    if translated is None or not translated.live:
        raise Http404
    return None, translated


def _privacy_page(request):
    page = SiteSettings.for_request(request).privacy_page
    return page.localized if page is not None else None


def _limited(request, programme):
    """Too many requests from this client, or for this programme (any client): counts every POST."""
    by_client = is_ratelimited(
        request,
        group="participation:client",
        key=lambda group, request: client_ip(request) or "unknown",
        rate=settings.PARTICIPATION_RATE_PER_CLIENT,
        method="POST",
        increment=True,
    )
    by_programme = is_ratelimited(
        request,
        group="participation:programme",
        key=lambda group, request: str(programme.translation_key),
        rate=settings.PARTICIPATION_RATE_PER_PROGRAMME,
        method="POST",
        increment=True,
    )
    return by_client or by_programme


def _store(form, programme, organisation):
    data = form.cleaned_data
    participation_request = ParticipationRequest.objects.create(
        organisation_key=organisation.translation_key,
        programme=programme,
        programme_key=programme.translation_key,
        programme_title=programme.title,
        role=data["role"],
        first_name=data["first_name"].strip(),
        email=data["email"],
        phone=data["phone"],
        languages=",".join(data["languages"]),
        municipality=data["place"],
        message=data["message"].strip(),
        language=get_language(),
    )
    RequestFigure.add(RECEIVED, participation_request)
    return participation_request


@sensitive_post_parameters(*PERSONAL_FIELDS)
@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def request_form(request, page_id):
    programme, translated = _programme(request, page_id)
    if translated is not None:
        query = request.GET.urlencode()
        return redirect(reverse("participation_request", args=[translated.pk]) + (f"?{query}" if query else ""))
    organisation = programme.organisation
    roles = request_roles(programme)
    privacy_page = _privacy_page(request)
    context = {
        "programme": programme,
        "organisation": organisation,
        "privacy_page": privacy_page,
        "retention_days": settings.PARTICIPATION_RETENTION_DAYS,
        "refusal": refusal(programme),
    }
    status = 200
    if request.method == "POST":
        if int(request.META.get("CONTENT_LENGTH") or 0) > MAX_BODY_BYTES:
            context["refusal"] = _("Your request is too long. Shorten your message and send it again.")
            context["form"] = ParticipationRequestForm(roles=roles)
            return render(request, "participation/request_form.html", context, status=413)
        if not roles:
            return render(request, "participation/request_form.html", context, status=409)
        if _limited(request, programme):
            context["limited"] = True
            context["form"] = ParticipationRequestForm(request.POST, roles=roles)
            return render(request, "participation/request_form.html", context, status=429)
        form = ParticipationRequestForm(request.POST, roles=roles)
        if form.is_valid():
            participation_request = _store(form, programme, organisation)
            transaction.on_commit(partial(deliver, participation_request, organisation, privacy_page))
            return redirect("participation_request_sent", programme.pk)
        status = 400
    else:
        role = request.GET.get("role")
        form = ParticipationRequestForm(roles=roles, initial={"role": role} if role in roles else None)
    context["form"] = form
    return render(request, "participation/request_form.html", context, status=status)


@require_http_methods(["GET", "HEAD"])
def request_sent(request, page_id):
    programme, translated = _programme(request, page_id)
    if translated is not None:
        return redirect("participation_request_sent", translated.pk)
    context = {"programme": programme, "organisation": programme.organisation}
    return render(request, "participation/request_sent.html", context)
