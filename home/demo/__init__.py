"""Demo content for `manage.py load_demo_content`, and the registry other apps add their own demo data to.

An app adds demo data by creating a `demo` module (for example `programs/demo.py`)
with a function decorated by `register_demo_loader`. The command imports
`programs.demo` and `stories.demo` when they exist and calls every registered
loader, in the order of DEMO_APP_MODULES whatever was imported first, after the
home part and inside the same transaction, with a `DemoContext`. Loaders must be
idempotent, like the command.

    from home.demo import register_demo_loader

    @register_demo_loader
    def load_programmes(context):
        index = context.home_pages["nl"].get_children().filter(slug="buddyprogrammas").first()
        ...
        context.log("Created 12 programmes")
"""

from collections.abc import Callable
from dataclasses import dataclass, field

# Apps whose `demo` module the command imports (if it exists) so their loaders can register.
DEMO_APP_MODULES = ["programs.demo", "stories.demo"]

DEMO_LOADERS: list[Callable] = []

# Pages the home part's text links to, made by the app that owns them: key → make(nl_home_page, log) → page.
DEMO_LINKED_PAGES: dict[str, Callable] = {}


def _app_order(func):
    """A loader's place: its module's in DEMO_APP_MODULES, loaders of other modules after them."""
    try:
        return DEMO_APP_MODULES.index(func.__module__)
    except ValueError:
        return len(DEMO_APP_MODULES)


def register_demo_loader(func):
    """Decorator: run `func(context)` when demo content is loaded (once, however often it is imported).

    Loaders run in the order of DEMO_APP_MODULES, whichever module was imported first (the stories need the
    programmes; a test importing `stories.demo` early must not change that); within a module, as registered.
    """
    if func not in DEMO_LOADERS:
        DEMO_LOADERS.append(func)
        DEMO_LOADERS.sort(key=_app_order)  # in place: the command holds this list; the sort is stable
    return func


def register_demo_linked_page(key):
    """Decorator: `make(nl_home, log)` makes the page the home part's content refers to as `key` (untranslated).

    The home part calls it with the campaign pages, so that their text (the FAQ's "how do I sign up?") can
    link to a page of another app before that app's loader fills it.
    """

    def register(make):
        DEMO_LINKED_PAGES[key] = make
        return make

    return register


@dataclass
class DemoContext:
    """What the home part made, for the loaders that build on it."""

    locales: dict  # language code → Locale
    home_pages: dict  # language code → HomePage (nl is the source, fr and en its translations)
    pages: dict = field(default_factory=dict)  # key → nl page, e.g. "about", "faq"
    images: dict = field(default_factory=dict)  # key → CampaignImage
    log: Callable[[str], None] = print
