from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProgramsConfig(AppConfig):
    name = "programs"
    verbose_name = _("Buddy programmes")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from home import chrome
        from programs import choosers, notifications, signals  # noqa: F401
        from programs.models import Language, Mode, Region, TargetGroup, Theme

        notifications.connect()
        for model in (Theme, TargetGroup, Region, Mode, Language):  # kept with the chrome: models.taxonomy_terms
            post_save.connect(chrome.mark_changed, sender=model, dispatch_uid=f"chrome_{model.__name__}_saved")
            post_delete.connect(chrome.mark_changed, sender=model, dispatch_uid=f"chrome_{model.__name__}_deleted")
