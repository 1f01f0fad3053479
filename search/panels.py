"""The admin dashboard's word on the search index's backlog (search/index_queue.py), for administrators."""

from wagtail.admin.ui.components import Component

from search import index_queue


class IndexBacklogPanel(Component):
    name = "search_index_backlog"
    order = 30
    template_name = "search/index_backlog_panel.html"

    def __init__(self, waiting):
        self.waiting = waiting

    @classmethod
    def for_user(cls, user):
        """The panel for an administrator while changes wait for the search server, else None."""
        if not user.is_superuser:
            return None
        waiting = index_queue.backlog()
        return cls(waiting) if waiting else None

    def get_context_data(self, parent_context):
        return {"waiting": self.waiting}
