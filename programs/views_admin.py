"""Admin views of the programme federation: organisations, "still accurate", and translation guards.

The guards close gaps where a wagtail-localize view checks less than "may
this user edit this object": its translation views only check the global
"submit translation" permission. Organisation editors need that permission
to translate their own pages, so the views are re-mounted (at the same paths,
ahead of wagtail-localize's) with a per-object check. Wagtail's own views
with such gaps are closed in home/admin_views.py.
"""

from django import forms
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse, reverse_lazy
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import FormView, TemplateView

from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.views import edit_translation
from wagtail_localize.views.report import TranslationsReportView
from wagtail_localize.views.submit_translations import SubmitPageTranslationView, SubmitSnippetTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView

from home import permissions
from programs import freshness, onboarding
from programs.models import OrganisationPage, ProgramPage

# "Still accurate" ---------------------------------------------------------------------------------


class StillAccurateView(WagtailAdminTemplateMixin, View):
    """GET asks for confirmation (the link in reminder e-mails); POST stamps the listing."""

    template_name = "programs/admin/still_accurate_confirm.html"
    page_title = _("Still accurate?")
    header_icon = "calendar-check"

    def dispatch(self, request, page_id):
        self.page = get_object_or_404(Page, pk=page_id).specific
        if not isinstance(self.page, ProgramPage):
            raise Http404
        if not freshness.can_confirm(request.user, self.page):
            raise PermissionDenied
        return super().dispatch(request, page_id)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "label": self.page.get_admin_display_title(),
            },
            {"url": "", "label": _("Still accurate?")},
        ]

    def get(self, request, page_id):
        context = self.get_context_data(
            page=self.page,
            next=get_valid_next_url_from_request(request),
            age=freshness.age_in_days(self.page),
        )
        return self.render_to_response(context)

    def post(self, request, page_id):
        page = freshness.confirm_still_accurate(self.page, request.user)
        messages.success(
            request,
            _("Thank you: “%(title)s” is confirmed as still accurate today.") % {"title": page.title},
        )
        return redirect(get_valid_next_url_from_request(request) or reverse("wagtailadmin_pages:edit", args=[page.pk]))


# Organisations ------------------------------------------------------------------------------------


class OnboardingPermissionMixin:
    def dispatch(self, request, *args, **kwargs):
        if not permissions.may_onboard(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class OrganisationForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=onboarding.NAME_MAX_LENGTH,
        help_text=_("As the organisation writes it. Running this again with the same name updates the organisation."),
    )
    source_locale = forms.ChoiceField(
        label=_("Language of the organisation"),
        help_text=_("The language it writes its listings in; the other languages show them until translated."),
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    email = forms.EmailField(label=_("Public e-mail address"), required=False)
    invite_email = forms.EmailField(
        label=_("Invite an editor"),
        required=False,
        help_text=_("The e-mail address of the organisation's first editor, who receives a link to set a password."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.conf import settings

        names = dict(settings.LANGUAGES)
        codes = Locale.objects.order_by("pk").values_list("language_code", flat=True)
        self.fields["source_locale"].choices = [(code, names.get(code, code)) for code in codes]

    def clean_name(self):
        try:
            return onboarding.validate_name(self.cleaned_data["name"])
        except onboarding.OnboardingError as error:
            raise forms.ValidationError(str(error)) from None


class OrganisationIndexView(OnboardingPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "programs/admin/organisation_index.html"
    page_title = _("Organisations")
    header_icon = "group"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": _("Organisations")}]

    @cached_property
    def header_buttons(self):
        return [HeaderButton(_("Add an organisation"), reverse("programs_admin:add_organisation"), icon_name="plus")]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisations = list(OrganisationPage.objects.sources().select_related("locale").order_by("title", "pk"))
        seen, sources = set(), []
        for organisation in organisations:
            if organisation.translation_key not in seen:
                seen.add(organisation.translation_key)
                sources.append(organisation)
        groups = {
            group.organisation_link.organisation_key: group
            for group in Group.objects.filter(
                organisation_link__organisation_key__in=[o.translation_key for o in sources]
            )
            .select_related("organisation_link")
            .annotate(members=Count("user", filter=Q(user__is_active=True)))
        }
        programme_counts = {}
        for organisation in sources:
            programme_counts[organisation.pk] = ProgramPage.objects.child_of(organisation).count()
        context["organisations"] = [
            {
                "page": organisation,
                "group": groups.get(organisation.translation_key),
                "programmes": programme_counts[organisation.pk],
            }
            for organisation in sources
        ]
        # Campaign editors onboard organisations too, but only campaign admins manage groups.
        context["can_edit_groups"] = self.request.user.has_perm("auth.change_group")
        return context


class AddOrganisationView(OnboardingPermissionMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "programs/admin/organisation_form.html"
    form_class = OrganisationForm
    page_title = _("Add an organisation")
    header_icon = "group"
    success_url = reverse_lazy("programs_admin:organisations")

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("programs_admin:organisations"), "label": _("Organisations")},
            {"url": "", "label": _("Add an organisation")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            action_url=reverse("programs_admin:add_organisation"),
            submit_button_label=_("Add organisation"),
            submit_button_active_label=_("Adding…"),
        )
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            result = onboarding.onboard(
                data["name"],
                website=data["website"],
                email=data["email"],
                source_locale=data["source_locale"],
                invite_email=data["invite_email"] or None,
                user=self.request.user,
            )
        except onboarding.OnboardingError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
            return self.form_invalid(form)
        title = result.page.title
        if result.created:
            messages.success(self.request, _("Organisation “%(name)s” added.") % {"name": title})
        elif result.updated_fields:
            messages.success(self.request, _("Organisation “%(name)s” updated.") % {"name": title})
        else:
            messages.success(
                self.request,
                _(
                    "Organisation “%(name)s” already existed; its editors' group, collection "
                    "and permissions are complete."
                )
                % {"name": title},
            )
        if result.skipped_update:
            messages.warning(
                self.request,
                _("Its website and e-mail address were not changed: the page has changes waiting for review."),
            )
        if result.invitation_sent:
            messages.success(self.request, _("Invitation sent to %(email)s.") % {"email": result.invited_user.email})
        elif result.invited_user is not None:
            messages.success(
                self.request,
                _("%(email)s already has an account and now edits this organisation too.")
                % {"email": result.invited_user.email},
            )
        return super().form_valid(form)


# Permission guards ----------------------------------------------------------------------------------


class GuardedSubmitPageTranslationView(SubmitPageTranslationView):
    def dispatch(self, request, *args, **kwargs):
        page = get_object_or_404(Page, id=kwargs["page_id"])
        if not permissions.may_edit(request.user, page):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class GuardedSubmitSnippetTranslationView(SubmitSnippetTranslationView):
    def dispatch(self, request, *args, **kwargs):
        try:
            content_type = ContentType.objects.get_by_natural_key(kwargs["app_label"], kwargs["model_name"])
        except ContentType.DoesNotExist:
            raise Http404 from None
        model = content_type.model_class()
        if model is None or not permissions.may_change_model(request.user, model):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class GuardedUpdateTranslationsView(UpdateTranslationsView):
    """Also: "Publish immediately" only for users who may publish every translation it would publish.

    Without publish permission a sync leaves the translations as they are; their editors then save
    and submit them for review in the translation editor (programs.translation_review).
    """

    def get_form(self):
        form = super().get_form()
        if not self._may_publish_translations():
            field = form.fields["publish_translations"]
            field.disabled = True  # the posted value is ignored
            field.widget = forms.HiddenInput()
        return form

    def _may_publish_translations(self):
        instance = self.object.get_source_instance()
        if not isinstance(instance, Page):
            return permissions.may_publish_all(self.request.user, [instance])
        targets = Page.objects.filter(
            translation_key=instance.translation_key,
            locale_id__in=self.object.translations.filter(enabled=True).values("target_locale_id"),
        )
        return permissions.may_publish_all(self.request.user, targets)

    def dispatch(self, request, *args, **kwargs):
        source = get_object_or_404(TranslationSource, id=kwargs["translation_source_id"])
        try:
            instance = source.get_source_instance()
        except Exception:
            raise Http404 from None
        if not permissions.may_edit_object(request.user, instance):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def guarded_edit_override(request, translation_id, overridable_segment_id):
    """wagtail-localize's "override" of a synchronised value (an image, a page), kept only if the user may use it.

    The translation editor lets a translator replace, for their language, an
    image or page the source refers to. The same rule as the page forms
    (home.permissions): what the translation would newly refer to must be an
    image or document of the user's collections, or a live page or one of
    theirs. Otherwise nothing is saved and the editor gets a 400 that says why.
    """
    if request.method != "PUT":
        return edit_translation.edit_override(request, translation_id, overridable_segment_id)
    with transaction.atomic():
        response = edit_translation.edit_override(request, translation_id, overridable_segment_id)
        if response.status_code not in (200, 201):
            return response
        translation = Translation.objects.select_related("source", "target_locale").get(pk=translation_id)
        target = translation.get_target_instance()
        if isinstance(target, Page):
            target = target.get_latest_revision_as_object()
        allowed = set(permissions.references(target)) | set(permissions.references(translation.source.as_instance()))
        translated = translation.source.get_ephemeral_translated_instance(translation.target_locale, fallback=True)
        forbidden = permissions.forbidden_references(request.user, translated, allowed)
        if forbidden:
            transaction.set_rollback(True)
            objects = next(iter(forbidden.values()))
            return JsonResponse({"error": permissions.reference_error(type(objects[0]))}, status=400)
    return response


class GuardedTranslationsReportView(TranslationsReportView):
    """wagtail-localize's report lists every translation; show only those of objects the user may edit."""

    def get_queryset(self):
        queryset = super().get_queryset()
        user = self.request.user
        if user.is_superuser:
            return queryset
        source_types = ContentType.objects.filter(pk__in=TranslationSource.objects.values("specific_content_type"))
        snippet_types = [
            ct.pk
            for ct in source_types
            if ct.model_class() is not None
            and not issubclass(ct.model_class(), Page)
            and permissions.may_change_model(user, ct.model_class())
        ]
        return queryset.filter(
            Q(source__object_id__in=permissions.editable_pages(user).values("translation_key"))
            | Q(source__specific_content_type_id__in=snippet_types)
        ).order_by("-pk")
