"""Builders for programme trees in tests (small data, published through Wagtail's own actions)."""

import itertools

from wagtail.models import Locale

from programs.models import Language, Mode, OrganisationPage, ProgramIndexPage, ProgramPage, Region, TargetGroup, Theme

_counter = itertools.count(1)

TAXONOMY_FIELDS = {
    "themes": Theme,
    "target_groups": TargetGroup,
    "regions": Region,
    "modes": Mode,
    "languages": Language,
}


def make_index(home_page):
    """The nl overview under the nl home page, with fr and en aliases (as a fresh site has)."""
    index = ProgramIndexPage.objects.filter(locale=home_page.locale).first()
    if index is None:
        index = home_page.add_child(instance=ProgramIndexPage(title="Buddyprogramma's", slug="buddyprogrammas"))
        index.save_revision().publish()
        for code in ("fr", "en"):
            index.copy_for_translation(Locale.objects.get(language_code=code), copy_parents=True, alias=True)
    return index


def index_in(index, code):
    return ProgramIndexPage.objects.get(translation_key=index.translation_key, locale__language_code=code)


def make_organisation(index, name=None, *, locale="nl", **fields):
    name = name or f"Organisatie {next(_counter)}"
    parent = index_in(index, locale)
    organisation = parent.add_child(instance=OrganisationPage(title=name, **fields))
    organisation.save_revision().publish()
    return OrganisationPage.objects.get(pk=organisation.pk)


def make_programme(organisation, title=None, *, publish=True, **fields):
    taxonomies = {name: fields.pop(name) for name in list(fields) if name in TAXONOMY_FIELDS}
    taxonomies.setdefault("regions", ["BE-VAN"])
    title = title or f"Programma {next(_counter)}"
    fields.setdefault("summary", f"Samenvatting van {title}.")
    page = ProgramPage(title=title, live=publish, **fields)
    for name, codes in taxonomies.items():
        setattr(page, name, list(TAXONOMY_FIELDS[name].objects.filter(code__in=codes)))
    organisation.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return ProgramPage.objects.get(pk=page.pk)


def set_terms(page, name, codes):
    setattr(page, name, list(TAXONOMY_FIELDS[name].objects.filter(code__in=codes)))


def codes(page, name):
    return sorted(getattr(page, name).values_list("code", flat=True))


def in_locale(page, code):
    return type(page).objects.get(translation_key=page.translation_key, locale__language_code=code)
