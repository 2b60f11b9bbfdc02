"""What the candidate reads about their step, in plain words (reads only)."""

from __future__ import annotations

from django.utils.translation import gettext as _

from talentbrug.applications.models import Application

from ..constants import (
    CANDIDATE_STEP_TEXT,
    StageKind,
)
from ..journey import feedback_text, reason_text
from ..models import (
    ApplicationProgress,
)


def candidate_message(progress: ApplicationProgress) -> str:
    """What the candidate reads about their step, in plain words (B1), in one language.

    A shipped reason is translated; an organisation's own reason and HR's tip are Dutch only,
    so in a message in another language they are left to the portal (never mixed in).
    """
    text = str(CANDIDATE_STEP_TEXT[StageKind(progress.stage.kind)])
    reason = reason_text(progress)
    feedback = feedback_text(progress)
    if reason is not None and not reason.language:
        text = f"{text} {_('De reden:')} {reason.text}"
    elif reason is not None:
        text = f"{text} {_('De reden lees je op je persoonlijke pagina.')}"
    if feedback is not None and not feedback.language:
        text = f"{text}\n\n{_('Een tip voor de volgende keer:')} {feedback.text}"
    elif feedback is not None:
        text = f"{text}\n\n{_('Op je persoonlijke pagina staat een tip voor de volgende keer.')}"
    return text


def candidate_step(application: Application) -> str:
    """For the candidate portal: the plain-words text of the application's current step."""
    progress = (
        ApplicationProgress.objects.select_related("stage", "rejection_reason")
        .filter(application=application)
        .first()
    )
    if progress is None:
        return str(CANDIDATE_STEP_TEXT[StageKind.NEW])
    return candidate_message(progress)
