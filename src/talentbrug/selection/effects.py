"""What a move sets off, in one place, so that no stage leaves stale invitations behind.

:func:`talentbrug.selection.services.moves.move_application` calls :func:`after_move` once, inside
its transaction. The rules:

* **An end stage** (hired, rejected, withdrawn): ``application_closed`` is sent. Listeners end
  what was still open: planned interviews (interviews app), group-day places (assessments app)
  and recruitment-day seats (applications app). The candidate is never asked to pick a new time.
* **Back to a stage before the interview** (new, screening, assessment: ``BEFORE_INTERVIEW`` in
  ``constants.py``): open interviews are cancelled (calendar cancellation to the candidate and
  the interviewers).
* **Back to a stage before the assessment** (new, screening: ``BEFORE_ASSESSMENT``): group-day
  places and recruitment-day seats still to come are freed.
  Both are sent as ``application_moved_back`` with ``to_kind``; each app cancels its own.
* **The candidate's e-mail** about the new step goes out only for a step forward or an end.
  A step back sends no step mail and cancels an unsent one about the later step; the candidate
  hears of it through the cancellations themselves and sees the current step in the portal, so
  they are never asked again to do what they already did.
* **The offer stage** (``LETTER_KINDS``) sends no step mail: the offer letter's mail is the
  candidate's one message about the offer (with the organisation's text for the step). Reminders stop because they only go
  out for what is still planned (cancelled interviews and places are never reminded).
"""

from __future__ import annotations

from talentbrug.outbox.services import cancel_queued

from .emails import LETTER_KINDS, queue_stage_email, stage_mail_key
from .models import ApplicationProgress, Stage
from .signals import progress_moved


def is_step_back(from_stage: Stage, to_stage: Stage) -> bool:
    return not to_stage.is_end and to_stage.order < from_stage.order


def after_move(
    progress: ApplicationProgress, from_stage: Stage, to_stage: Stage, *, notify: bool
) -> None:
    from talentbrug.applications.models import Application
    from talentbrug.applications.signals import application_closed, application_moved_back

    application = progress.application
    progress_moved.send(
        sender=ApplicationProgress, progress=progress, from_stage=from_stage, to_stage=to_stage
    )
    if to_stage.is_end:
        application_closed.send(sender=Application, application=application, why=to_stage.kind)
    elif is_step_back(from_stage, to_stage):
        application_moved_back.send(
            sender=Application, application=application, to_kind=to_stage.kind
        )
    if is_step_back(from_stage, to_stage):
        # An unsent mail about the later step is no longer true: it does not go out.
        cancel_queued(stage_mail_key(progress))
    elif notify and to_stage.kind not in LETTER_KINDS:  # the letter's own mail tells them
        queue_stage_email(progress)
