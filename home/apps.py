from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"

    def ready(self):
        from home import cache_purge, chrome  # cache_purge imports page_cache, which registers its deploy check

        cache_purge.connect()
        chrome.connect()
