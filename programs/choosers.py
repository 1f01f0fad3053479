"""An admin chooser for municipalities: any name it is known by (every language, former, place), typos, postcode.

The chooser has no permission policy of its own: every admin user who edits
a programme (organisation editors included) may pick from this public
reference data, which nobody edits through the admin.
"""

from django import forms
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.chooser import ChooseResultsView, ChooseView
from wagtail.admin.viewsets.chooser import ChooserViewSet

from programs.models import Municipality
from programs.places import gazetteer, name_key


class MunicipalityFilterForm(BaseFilterForm):
    q = forms.CharField(
        label=_("Name or postcode"),
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("Name or postcode")}),
    )

    def filter(self, objects):
        objects = super().filter(objects)
        query = (self.cleaned_data.get("q") or "").strip()
        if query:
            self.is_searching = True
            self.search_query = query
            if query.isdigit():
                objects = objects.filter(postcodes__code__startswith=query).distinct()
            else:
                # Any name it is known by (Gand, Merelbeke, Borgerhout), or the closest names for a typo.
                closest = [match.municipality.code for match in gazetteer().search(query, limit=20)]
                objects = objects.filter(Q(search_name__contains=name_key(query)) | Q(nis_code__in=closest)).distinct()
        return objects


class MunicipalityColumnsMixin:
    filter_form_class = MunicipalityFilterForm

    @cached_property
    def columns(self):
        return [
            self.title_column,
            Column("province", label=_("Region"), accessor="get_region_code_display"),
            Column("postcodes", label=_("Postcodes"), accessor="postcode_list"),
        ]


class MunicipalityChooseView(MunicipalityColumnsMixin, ChooseView):
    pass


class MunicipalityChooseResultsView(MunicipalityColumnsMixin, ChooseResultsView):
    pass


class MunicipalityChooserViewSet(ChooserViewSet):
    model = Municipality
    icon = "site"
    choose_one_text = _("Choose a municipality")
    choose_another_text = _("Choose another municipality")
    edit_item_text = _("Change municipality")
    per_page = 25
    choose_view_class = MunicipalityChooseView
    choose_results_view_class = MunicipalityChooseResultsView

    def get_object_list(self):
        return Municipality.objects.prefetch_related("postcodes").order_by("name_nl")


municipality_chooser_viewset = MunicipalityChooserViewSet("municipality_chooser")


@hooks.register("register_admin_viewset")
def register_municipality_chooser():
    return municipality_chooser_viewset
