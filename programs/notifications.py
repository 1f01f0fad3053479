"""Workflow e-mails: one per event per person, with links on the admin's configured address.

Wagtail sends two e-mails on a submission: one for the workflow (to
superusers) and one for its first task (to the task's groups and
superusers). A campaign admin (a superuser) got both, and a person in more
than one group could get the task's e-mail once per group (the recipients
query joins the groups). Here the workflow's submission e-mail is not sent
(everyone it reaches also gets the task's), and the task's goes once to each
person.

E-mails are sent outside any request, so their links cannot come from a
request's host; Wagtail's base template builds admin links from
WAGTAILADMIN_BASE_URL, and so do this project's templates for the link to the
public page (templates/wagtailadmin/notifications/ in home/).
"""

from wagtail.admin.mail import GroupApprovalTaskStateSubmissionEmailNotifier
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_submitted


class OncePerPersonTaskSubmissionNotifier(GroupApprovalTaskStateSubmissionEmailNotifier):
    def get_recipient_users(self, task_state, **kwargs):
        return super().get_recipient_users(task_state, **kwargs).distinct()


task_submission_notifier = OncePerPersonTaskSubmissionNotifier()

# Wagtail's dispatch_uids: a receiver connected under the same uid replaces Wagtail's whichever app is
# ready first (disconnect if Wagtail's is there already; a later connect under a taken uid is ignored).
TASK_SUBMITTED_UID = "group_approval_task_submitted_email_notification"
WORKFLOW_SUBMITTED_UID = "workflow_state_submitted_email_notification"


def no_workflow_submission_email(sender, **kwargs):
    """Everyone Wagtail's workflow submission e-mail reaches (superusers) gets the task's e-mail."""


def connect():
    """Replace Wagtail's submission e-mails (called from programs' AppConfig.ready)."""
    task_submitted.disconnect(sender=TaskState, dispatch_uid=TASK_SUBMITTED_UID)
    task_submitted.connect(task_submission_notifier, sender=TaskState, dispatch_uid=TASK_SUBMITTED_UID)
    workflow_submitted.disconnect(sender=WorkflowState, dispatch_uid=WORKFLOW_SUBMITTED_UID)
    workflow_submitted.connect(no_workflow_submission_email, sender=WorkflowState, dispatch_uid=WORKFLOW_SUBMITTED_UID)
