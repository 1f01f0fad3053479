"""Two-factor sign-in for the admin, on django-otp.

Who must use it is one question of the roles module
(`home.permissions.requires_second_factor`): every account that can publish
pages or manage users. Everyone else with admin access is offered it, and a
dashboard panel asks them to turn it on.

- The second factor is an authenticator app (django-otp's TOTP devices: a QR
  code or the secret typed in) with ten recovery codes (its static devices),
  each usable once, shown once and regenerable from the account settings.
- Signing in stays Wagtail's own login view for the password; afterwards
  `middleware.SecondFactorMiddleware` holds an account that needs the second
  factor at `views.VerifyView` (it has a device) or `views.EnrolView` (it has
  none) until the session is verified the way django-otp records it
  (`django_otp.login`). Outside the admin such a half-signed-in account is
  anonymous.
- Wrong codes are throttled by django-otp, per device: each failure doubles
  the wait before the next try.
- A lost device: a recovery code signs in; without one, a user manager resets
  the account's second factor (`views.ResetView`, logged in Wagtail's audit
  log) and the account enrols again at its next sign-in.
"""
