from django.middleware.locale import LocaleMiddleware


class LocaleMiddlewareOutsideApi(LocaleMiddleware):
    """Django's LocaleMiddleware, which leaves the open-data API's responses alone.

    Django's turns a 404 outside the language prefix into a redirect to the same path under /nl/ whenever
    that path resolves, and Wagtail's catch-all resolves every path: an API client asking for an unknown
    id would be sent to an HTML page instead of getting its JSON 404. The API's locale is in its own path
    (/api/hsds/<locale>/), so it never varies by Accept-Language either.
    """

    def process_response(self, request, response):
        if request.path_info.startswith("/api/"):
            return response
        return super().process_response(request, response)
