"""Two editors saving the same page: the second is warned instead of overwriting the first.

Wagtail 8 tells editors about each other while they edit (editing sessions:
the edit view pings every `WAGTAIL_EDITING_SESSION_PING_INTERVAL` ms, lists
who else is there and, once someone has saved a newer revision, asks before
a save goes ahead). On the server it refuses only an *autosave* that would
overwrite a newer revision (`EditView.is_out_of_date`, answered with
`invalid_revision`). An ordinary save, the form POST this site uses (autosave
is off, `WAGTAIL_AUTOSAVE_INTERVAL = 0`), is never checked: without
JavaScript, before the next ping, or when both click "Save" at once, the
second save silently replaces the first editor's text.

So an ordinary edit POST gets the same test, on data read under the page's
row lock (so two saves at once are taken one after the other):

- the edit form posts the revision it was loaded from (`loaded_revision_id`,
  `loaded_revision_created_at`); if the page's latest revision is another
  one, `before_edit_page` marks the page and adds a warning naming who saved
  it, with a link comparing the two versions;
- `CampaignPageForm.clean` then refuses the form, so Wagtail's edit view
  renders it again with everything the editor typed and saves nothing. The
  form it renders is loaded from the newer revision, so saving once more
  replaces that version on purpose.

Two consequences, both on the safe side: an editor who already chose
"Continue" in Wagtail's own dialog is asked once more by this warning (the
dialog posts the same form, with nothing to tell it apart); and when two
saves arrive within the same instant, the edit view read the page before the
lock, so the held-back editor's form still names the older revision and
needs a second save after the warning repeats.

Autosave POSTs (JSON) keep Wagtail's answer; `programs.workflow.serialise_edit_posts`
repeats the same test (`is_out_of_date`) on fresh data for them.
"""

from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin import messages
from wagtail.admin.utils import get_user_display_name
from wagtail.models import Page, Revision

NEWER_REVISION_ATTRIBUTE = "_revision_saved_since_loaded"


def is_out_of_date(data, latest_revision):
    """Wagtail's `EditView.is_out_of_date`, for posted `data` and the latest revision as committed now."""
    if latest_revision is None:
        return False
    if overwrite_revision_id := data.get("overwrite_revision_id"):
        return overwrite_revision_id != str(latest_revision.pk)
    if loaded_revision_id := data.get("loaded_revision_id"):
        return loaded_revision_id != str(latest_revision.pk) or (
            data.get("loaded_revision_created_at", "") != latest_revision.created_at.isoformat()
        )
    return False


def hold_back_stale_save(request, page):
    """`before_edit_page`: mark an ordinary edit POST made from an older revision, and say so."""
    if request.method != "POST" or not request.accepts("text/html"):
        return None
    rows = Page.objects.filter(pk=page.pk)
    if transaction.get_connection().in_atomic_block:
        rows = rows.select_for_update()
    latest_id = rows.values_list("latest_revision_id", flat=True).first()
    latest = Revision.objects.select_related("user").filter(pk=latest_id).first() if latest_id else None
    if not is_out_of_date(request.POST, latest):
        return None
    setattr(page, NEWER_REVISION_ATTRIBUTE, latest)
    message = _(
        "%(user)s saved a newer version of this page at %(time)s, after you opened it. Your changes are not saved "
        "yet and are still in the form below: compare the two versions, then save again to replace theirs, or "
        "reload the page to start from theirs."
    ) % {
        "user": get_user_display_name(latest.user) if latest.user else _("Someone"),
        "time": formats.date_format(timezone.localtime(latest.created_at), "SHORT_DATETIME_FORMAT"),
    }
    buttons = []
    if (loaded_id := request.POST.get("loaded_revision_id", "")).isdigit() and int(loaded_id) != latest.pk:
        compare_url = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, loaded_id, latest.pk])
        buttons.append(messages.button(compare_url, _("Compare versions"), new_window=True))
    messages.warning(request, message, buttons=buttons)
    return None


STALE_FORM_ERROR = gettext_lazy(
    "Not saved: someone saved a newer version of this page while you were editing it (see the message above)."
)


def stale_form_error(form):
    """The error that keeps an edit form made from an older revision from being saved, or None."""
    return STALE_FORM_ERROR if getattr(form.instance, NEWER_REVISION_ATTRIBUTE, None) else None
