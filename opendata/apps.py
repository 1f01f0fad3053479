from django.apps import AppConfig
from django.db.models.signals import post_save


class OpendataConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "opendata"
    verbose_name = "Open data"

    def ready(self):
        from opendata import ids
        from programs.models import OrganisationPage, ProgramPage

        for model in (ProgramPage, OrganisationPage):
            post_save.connect(ids.page_saved, sender=model, dispatch_uid=f"opendata-id-{model.__name__}")
