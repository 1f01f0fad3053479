import importlib
import importlib.util
import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from home.demo import DEMO_APP_MODULES, DEMO_LOADERS
from home.demo.loader import ensure_locale_synchronization, load_home_demo
from home.demo.users import DEMO_PASSWORD, demo_authenticators, ensure_demo_users
from home.permissions import ensure_campaign_groups


def import_app_demo_modules():
    """Import each app's `demo` module, if it has one, so its loaders register themselves."""
    for name in DEMO_APP_MODULES:
        try:
            spec = importlib.util.find_spec(name)
        except ModuleNotFoundError:  # the app itself is not there
            spec = None
        if spec is not None:
            importlib.import_module(name)


def _settings_module():
    # Overridden settings (tests) report no module of their own: fall back to the one the process started with.
    return getattr(settings, "SETTINGS_MODULE", None) or os.environ.get("DJANGO_SETTINGS_MODULE", "")


class Command(BaseCommand):
    help = (
        "Load the campaign's demo content (nl pages with fr/en translations, images, site settings, editor "
        "groups and the demo accounts campaign-editor and campaign-admin, password buddy-demo-2026!). Safe to run "
        "again: nothing is duplicated or overwritten."
    )

    def add_arguments(self, parser):
        parser.add_argument("--quiet", action="store_true", help="Print nothing (errors excepted).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run even with the production settings. The demo accounts' password is public.",
        )

    def handle(self, *args, quiet=False, force=False, **options):
        if _settings_module().endswith(".production") and not force:
            raise CommandError(
                "These are the production settings, and the demo accounts have published passwords. "
                "Use --force if you really want demo content here."
            )
        log = (lambda message: None) if quiet else self.stdout.write
        import_app_demo_modules()

        with transaction.atomic():
            context = load_home_demo(log)
            for loader in DEMO_LOADERS:
                loader(context)
            ensure_locale_synchronization(context.locales)
            groups = ensure_campaign_groups()
            accounts = ensure_demo_users(groups)

        if quiet:
            return
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
        self.stdout.write("Log in at /admin/ with:")
        for account, created in accounts:
            password = account.password if created else "(existing account, password unchanged)"
            self.stdout.write(f"  {account.username:<16} {password}")
        organisation_editor = get_user_model().objects.filter(username="org-editor").first()
        if organisation_editor is not None:
            self.stdout.write(f"  {'org-editor':<16} {DEMO_PASSWORD}  (organisation editor)")
        if demo_authenticators().exists():
            self.stdout.write(
                "campaign-editor and campaign-admin then enter a code: `manage.py demo_sign_in_code` prints it."
            )
