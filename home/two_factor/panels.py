"""The dashboard panel that offers two-factor sign-in, or says what to do when recovery codes run out."""

from wagtail.admin.ui.components import Component

from home.two_factor import devices


class SecondFactorPanel(Component):
    name = "second_factor"
    order = 20  # near the top: it is about the account itself
    template_name = "home/two_factor/dashboard_panel.html"

    def __init__(self, user, authenticator, codes_left):
        self.user = user
        self.authenticator = authenticator
        self.codes_left = codes_left

    @classmethod
    def for_user(cls, user):
        """The panel if the account has something to do, else None."""
        authenticator = devices.authenticator(user)
        codes_left = devices.recovery_codes_left(user) if authenticator else 0
        if authenticator is not None and codes_left > devices.FEW_RECOVERY_CODES:
            return None
        return cls(user, authenticator, codes_left)

    def get_context_data(self, parent_context):
        return {"authenticator": self.authenticator, "codes_left": self.codes_left}
