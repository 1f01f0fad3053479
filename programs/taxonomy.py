"""Stable taxonomy codes of programme listings (docs/import-format.md) and their labels.

The codes never change: they appear in URLs (`?theme=language`), in import
files and in the database. Labels are English msgids, translated into Dutch
and French through the .po files, so the finder and detail pages show them in
the visitor's language. The order of each dict is the order on the site.
"""

from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from programs.languages import language_name

THEMES = {
    "social": _("Social contacts and network"),
    "language": _("Language practice"),
    "work": _("Work and job search"),
    "housing": _("Housing"),
    "education": _("School and studies"),
    "administration": _("Paperwork and administration"),
    "leisure": _("Leisure, sport and culture"),
    "digital": _("Digital skills"),
}

TARGET_GROUPS = {
    "adults": _("Adults"),
    "young-people": _("Young people (16–25)"),
    "families": _("Families"),
    "unaccompanied-minors": _("Unaccompanied minors"),
    "women": _("Women"),
    "students": _("Students"),
}

# ISO 3166-2:BE provinces, the Brussels-Capital Region, Luxembourg and "online".
REGIONS = {
    "BE-VAN": _("Antwerp"),
    "BE-VLI": _("Limburg"),
    "BE-VOV": _("East Flanders"),
    "BE-VWV": _("West Flanders"),
    "BE-VBR": _("Flemish Brabant"),
    "BE-BRU": _("Brussels-Capital Region"),
    "BE-WBR": _("Walloon Brabant"),
    "BE-WHT": _("Hainaut"),
    "BE-WLG": _("Liège"),
    "BE-WLX": _("Luxembourg (province)"),
    "BE-WNA": _("Namur"),
    "LU": _("Grand Duchy of Luxembourg"),
    "online": _("Online (anywhere)"),
}

# Statbel (NIS/REFNIS) code of each province, as used by the municipality reference data.
PROVINCE_NIS_CODES = {
    "10000": "BE-VAN",
    "70000": "BE-VLI",
    "40000": "BE-VOV",
    "30000": "BE-VWV",
    "20001": "BE-VBR",
    "04000": "BE-BRU",
    "20002": "BE-WBR",
    "50000": "BE-WHT",
    "60000": "BE-WLG",
    "80000": "BE-WLX",
    "90000": "BE-WNA",
}

MODES = {
    "in-person": _("In person"),
    "online": _("Online"),
    "hybrid": _("Hybrid (in person and online)"),
}

# The languages buddies and newcomers most often share in Belgium and Luxembourg, in the order the
# finder lists them first. Any other ISO 639 code is accepted too (programs/languages.py); every
# name comes from CLDR in the visitor's language, none is written here.
COMMON_LANGUAGES = (
    "nl", "fr", "en", "de", "lb", "ar", "fa", "prs", "ps", "ur", "ti", "am", "om", "so", "ku", "ckb",
    "tr", "uk", "ru", "ka", "hy", "sq", "es", "pt", "it", "ro", "pl", "sw", "ln", "rw", "bn",
)  # fmt: skip
LANGUAGES = {code: lazy(language_name, str)(code) for code in COMMON_LANGUAGES}

ACCEPTING_CHOICES = [
    ("open", _("Open")),
    ("waitlist", _("Waiting list")),
    ("closed", _("Closed")),
]

STATUS_CHOICES = [
    ("active", _("Active")),
    ("paused", _("Paused")),
    ("ended", _("Ended")),
]

# Every taxonomy by the model name that stores it.
TAXONOMIES = {
    "Theme": THEMES,
    "TargetGroup": TARGET_GROUPS,
    "Region": REGIONS,
    "Mode": MODES,
    "Language": LANGUAGES,
}


def seed_terms(apps, schema_editor=None):
    """Create every taxonomy term (idempotent); used by a data migration and by tests."""
    for model_name, labels in TAXONOMIES.items():
        model = apps.get_model("programs", model_name)
        for position, code in enumerate(labels):
            model.objects.update_or_create(code=code, defaults={"sort_order": position})
