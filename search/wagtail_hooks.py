from wagtail import hooks

from search.panels import IndexBacklogPanel


@hooks.register("construct_homepage_panels")
def show_index_backlog(request, panels):
    panel = IndexBacklogPanel.for_user(request.user)
    if panel is not None:
        panels.append(panel)
