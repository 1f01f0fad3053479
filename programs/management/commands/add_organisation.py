"""manage.py add_organisation NAME: onboard an organisation (pages, editors' group, collection, invitation)."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from programs import onboarding


class Command(BaseCommand):
    help = (
        "Create or update an organisation: its page in every language, the group '<NAME> editors' with "
        "permissions on its pages only, its image and document collection, and optionally invite its first editor."
    )

    def add_arguments(self, parser):
        parser.add_argument("name", help="The organisation's name (also how a second run finds it).")
        parser.add_argument("--website", default="", help="Its website (https://…).")
        parser.add_argument("--email", default="", help="Its public e-mail address.")
        parser.add_argument(
            "--locale",
            default="nl",
            choices=[code for code, _name in settings.LANGUAGES],
            help="The language the organisation writes in (default: nl).",
        )
        parser.add_argument("--invite", metavar="EMAIL", default=None, help="E-mail an invitation to this editor.")

    def handle(self, *args, **options):
        try:
            result = onboarding.onboard(
                options["name"],
                website=options["website"],
                email=options["email"],
                source_locale=options["locale"],
                invite_email=options["invite"],
            )
        except onboarding.OnboardingError as error:
            raise CommandError(str(error)) from None

        page = result.page
        if result.created:
            self.stdout.write(
                self.style.SUCCESS(f"Created organisation “{page.title}” (page {page.pk}, {page.locale}).")
            )
        elif result.updated_fields:
            self.stdout.write(self.style.SUCCESS(f"Updated “{page.title}”: {', '.join(result.updated_fields)}."))
        else:
            self.stdout.write(f"“{page.title}” already exists; its group, collection and permissions are complete.")
        if result.skipped_update:
            self.stdout.write(
                self.style.WARNING("Website and e-mail not changed: the page has changes awaiting review.")
            )
        self.stdout.write(f"Editors' group: {result.group.name}; collection: {result.collection.name}.")
        if result.invitation_sent:
            self.stdout.write(self.style.SUCCESS(f"Invitation sent to {result.invited_user.email}."))
        elif result.invited_user is not None:
            self.stdout.write(f"{result.invited_user.email} already has a password; added to {result.group.name}.")
