from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"

    def ready(self):
        from campaign_site import page_cache  # noqa: F401  (registers its deploy check)
        from home import cache_purge, chrome

        cache_purge.connect()
        chrome.connect()
