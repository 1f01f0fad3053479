"""Print the current second-factor code of the demo accounts, for signing in to the admin on a development machine.

Works only where DEBUG is on, like the demo authenticator itself
(home/demo/users.py): production never has one.
"""

import time

from django_otp.oath import TOTP

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home.demo.users import demo_authenticators


class Command(BaseCommand):
    help = (
        "Print the code that the demo accounts (campaign-editor, campaign-admin) enter after their password "
        "at /admin/login/. Development machines only (DEBUG on)."
    )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("Demo sign-in codes exist only where DEBUG is on (a development machine).")
        authenticators = list(demo_authenticators().order_by("user__username"))
        if not authenticators:
            raise CommandError("No demo account has the demo authenticator: run `manage.py load_demo_content` first.")
        now = time.time()
        for device in authenticators:
            totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
            totp.time = now
            seconds_left = device.step - int(now - device.t0) % device.step
            code = f"{totp.token():0{device.digits}d}"
            self.stdout.write(f"{device.user.get_username():<16} {code}  (for {seconds_left} more seconds)")
        self.stdout.write(
            "Each code signs in once; for another sign-in in the same half minute, wait for the next code."
        )
