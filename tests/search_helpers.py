"""Helpers for search tests: make what was indexed searchable, and build small content."""


def refresh():
    """Make what was just indexed searchable (the search server refreshes about once a second)."""
    from wagtail.search.backends import get_search_backends

    for backend in get_search_backends():
        backend.refresh_indexes()


# Content -------------------------------------------------------------------------------------------


def make_faq(home_page, sections):
    """A published nl FAQ page; `sections` maps a section title to [(question, answer html), ...]."""
    from wagtail.rich_text import RichText

    from home.models import FAQPage

    value = [
        (
            "section",
            {
                "title": title,
                "questions": [{"question": q, "answer": RichText(a)} for q, a in questions],
            },
        )
        for title, questions in sections.items()
    ]
    faq = home_page.add_child(instance=FAQPage(title="Veelgestelde vragen", slug="veelgestelde-vragen", sections=value))
    faq.save_revision().publish()
    return FAQPage.objects.get(pk=faq.pk)


def make_standard(parent, title, introduction="", *, publish=True, slug=None):
    from django.utils.text import slugify

    from home.models import StandardPage

    page = parent.add_child(
        instance=StandardPage(title=title, slug=slug or slugify(title), introduction=introduction, live=publish)
    )
    revision = page.save_revision()
    if publish:
        revision.publish()
    return StandardPage.objects.get(pk=page.pk)


def municipality(name_nl):
    from programs.models import Municipality

    return Municipality.objects.filter(name_nl=name_nl).first()


def add_municipalities(programme, *names):
    """Serve these municipalities (by Dutch name) and publish the programme again."""
    from programs.models import ProgramMunicipality

    programme = type(programme).objects.get(pk=programme.pk)
    for name in names:
        programme.municipality_links.add(ProgramMunicipality(municipality=municipality(name)))
    programme.save_revision().publish()
    return type(programme).objects.get(pk=programme.pk)
