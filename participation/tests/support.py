"""A small federation for the request tests: one organisation with editors, programmes in every state."""

from django.contrib.auth.models import Group
from django.db.models import Model

from home.models import SiteSettings, StandardPage
from home.tests.factories import UserFactory
from participation.models import ParticipationRequest
from programs.onboarding import ensure_campaign_groups, onboard_organisation
from programs.tests.support import in_locale, make_index, make_programme


def build_federation(home):
    """Organisation A (nl, with fr/en aliases) and B (fr), one editor each, a privacy page in settings."""
    make_index(home)
    privacy = home.add_child(instance=StandardPage(title="Privacyverklaring", slug="privacy"))
    privacy.save_revision().publish()
    SiteSettings.objects.update_or_create(site=home.get_site(), defaults={"privacy_page": privacy})
    org_a = onboard_organisation("Organisatie A")
    org_b = onboard_organisation("Organisation B", source_locale="fr")
    editor_a = UserFactory(username="editor-a")
    editor_a.groups.add(Group.objects.get(name="Organisatie A editors"))
    editor_b = UserFactory(username="editor-b")
    editor_b.groups.add(Group.objects.get(name="Organisation B editors"))
    both = make_programme(
        org_a,
        "Samen op stap",
        volunteer_request_form=True,
        newcomer_request_form=True,
        contact_email="info@a.example",
    )
    return {
        "home": home,
        "privacy": privacy,
        "org_a": org_a,
        "org_b": org_b,
        "editor_a": editor_a,
        "editor_b": editor_b,
        "groups": ensure_campaign_groups(),
        "both": both,
        "both_fr": in_locale(both, "fr"),
        "volunteers_only": make_programme(org_a, "Alleen vrijwilligers", volunteer_request_form=True),
        "link_only": make_programme(org_a, "Eigen formulier", signup_url="https://a.example/aanmelden"),
        "paused": make_programme(
            org_a, "Even stil", status="paused", volunteer_request_form=True, newcomer_request_form=True
        ),
        "programme_b": make_programme(org_b, "Programme B", volunteer_request_form=True),
    }


def valid_data(**changes):
    data = {
        "role": "volunteer",
        "first_name": "Amal",
        "email": "amal@example.org",
        "phone": "",
        "languages": ["ar", "fr"],
        "place": "Gent",
        "message": "Ik ben vrij op woensdag.",
        "consent": "on",
        "website": "",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def make_request(programme, organisation, **fields):
    values = {
        "organisation_key": organisation.translation_key,
        "programme": programme,
        "programme_key": programme.translation_key,
        "programme_title": programme.title,
        "role": "volunteer",
        "first_name": "Amal",
        "email": "amal@example.org",
        "municipality": "Gent",
        "language": "nl",
    }
    values.update(fields)
    return ParticipationRequest.objects.create(**values)


def fresh(world):
    """The world's objects read again: a test's changes are rolled back, but not in objects kept in memory."""
    return {
        key: type(value).objects.get(pk=value.pk) if isinstance(value, Model) else value for key, value in world.items()
    }
