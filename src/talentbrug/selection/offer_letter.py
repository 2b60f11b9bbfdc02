"""The offer letter: made from the organisation's template, sent to the candidate's portal,
answered there (or recorded by HR), and expired by a periodic job when nobody answered.

- The letter holds the figures of the offer (scale, step, start date, hours, contract type),
  the manager, and what the vacancy promised for onboarding (buddy, language coach,
  praktijkopleider, the guidance text), with the organisation's own opening and closing
  (:class:`~talentbrug.selection.models.OfferLetterTemplate`; copied into the offer when sent,
  so a later change of the template never changes a sent letter).
- Sending puts the letter in the portal and mails the candidate that there is an offer: the
  mail holds no figures and no attachment (no personal data in a mail), only the personal link.
- The candidate reads the letter (HTML, and a PDF made with WeasyPrint) and says yes or no
  (no: with an optional reason) until the answer date. Yes runs the existing hire path
  (:func:`talentbrug.selection.services.offers.accept_offer`: hired stage, onboarding plan with the
  manager and the reserved buddy carried over) on behalf of the adviser who made the offer.
- :func:`expire_offers` (periodic job ``selection.expire_offers``) marks a sent offer without
  an answer after its date as expired: the portal takes no answer any more, HR can still
  record one (a late phone call).

Every step is in the audit log.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from talentbrug.accounts.access import PERMISSIONS
from talentbrug.applications.tokens import portal_url
from talentbrug.audit.services import record_event
from talentbrug.outbox.services import queue_mail

from . import history
from .constants import OfferStatus, StageKind
from .emails import candidate_language, reply_to_for, stage_mail_key
from .message_templates import custom_stage_text
from .models import ApplicationProgress, Offer, OfferLetterTemplate
from .services import offers
from .workflow import OFFER_FLOW, SelectionError

DEFAULT_OPENING = gettext_lazy(
    "We zijn blij dat je bij ons wilt werken. Na de gesprekken willen we je graag aannemen. "
    "In deze brief lees je wat we je aanbieden."
)
DEFAULT_CLOSING = gettext_lazy(
    "Zeg je ja? Dan maken we je contract klaar en krijg je een inwerkplan. "
    "Heb je eerst een vraag? Neem dan contact met ons op."
)
DEFAULT_ANSWER_DAYS = 10
MAX_REASON = 2000
MAIL_KIND = "selection.offer_sent"


def letter_template(organisation: Any) -> OfferLetterTemplate:
    """The organisation's letter texts; the product's texts when it wrote none (not saved)."""
    row = OfferLetterTemplate.objects.filter(organisation=organisation).first()
    if row is not None:
        return row
    return OfferLetterTemplate(
        organisation=organisation,
        opening=str(DEFAULT_OPENING),
        closing=str(DEFAULT_CLOSING),
        signed_by="",
        answer_days=DEFAULT_ANSWER_DAYS,
    )


@transaction.atomic
def save_letter_template(
    organisation: Any,
    *,
    opening: str,
    closing: str,
    signed_by: str,
    answer_days: int,
    user: Any,
) -> OfferLetterTemplate:
    opening, closing, signed_by = opening.strip(), closing.strip(), " ".join(signed_by.split())
    if not opening:
        raise SelectionError(_("Vul het begin van de brief in."))
    if not 2 <= int(answer_days) <= 60:
        raise SelectionError(_("De termijn om te antwoorden is 2 tot en met 60 dagen."))
    row, _created = OfferLetterTemplate.objects.update_or_create(
        organisation=organisation,
        defaults={
            "opening": opening,
            "closing": closing,
            "signed_by": signed_by,
            "answer_days": int(answer_days),
        },
    )
    record_event(
        "selection.offer_letter_template_saved", actor=user, organisation=organisation, obj=row
    )
    return row


def default_answer_by(organisation: Any, today: date | None = None) -> date:
    today = today or timezone.localdate()
    return today + timedelta(days=letter_template(organisation).answer_days)


# ---------------------------------------------------------------------------------------------
# What the letter says
# ---------------------------------------------------------------------------------------------


def _person_name(user: Any) -> str:
    if user is None:
        return ""
    return (user.get_full_name() or "").strip() or str(user)


def letter_context(offer: Offer) -> dict[str, Any]:
    """What the letter shows, in the active language (organisation texts stay Dutch)."""
    progress = offer.progress
    vacancy = progress.vacancy
    organisation = vacancy.organisation
    texts = offer.letter or {}
    if not texts:  # not sent yet: what it would say now
        template = letter_template(organisation)
        texts = {
            "opening": template.opening,
            "closing": template.closing,
            "signed_by": template.signed_by,
        }
    return {
        "offer": offer,
        "candidate": progress.application.candidate,
        "vacancy": vacancy,
        "organisation": organisation,
        "opening": texts.get("opening", ""),
        "closing": texts.get("closing", ""),
        "signed_by": texts.get("signed_by", "") or organisation.name,
        "manager": _person_name(vacancy.hiring_manager),
        "support": vacancy.support_sentence(),
        "guidance": vacancy.guidance_text,
        "contract": offer.get_contract_type_display(),
        "answer_by": offer.answer_by,
    }


def letter_html(offer: Offer, language: str, *, document: bool = False) -> str:
    """The letter as HTML in ``language``: a fragment for the portal, a document for the PDF."""
    with translation.override(language):
        context = letter_context(offer)
        context["document"] = document
        context["language"] = language
        context["direction"] = "rtl" if translation.get_language_bidi() else "ltr"
        return render_to_string("selection/offer_letter/letter.html", context)


def _refuse_fetch(url: str, *args: Any, **kwargs: Any) -> Any:
    raise ValueError("The offer letter loads no outside resources")


def letter_pdf(offer: Offer, language: str) -> bytes:
    """The letter as an A4 PDF (WeasyPrint; nothing is fetched from outside)."""
    import weasyprint  # local import: heavy (cairo/pango), only when a PDF is asked for

    html = letter_html(offer, language, document=True)
    return bytes(weasyprint.HTML(string=html, url_fetcher=_refuse_fetch).write_pdf())


# ---------------------------------------------------------------------------------------------
# Sending, answering, expiring
# ---------------------------------------------------------------------------------------------


def _offer_mail(offer: Offer) -> EmailMessage:
    """The one mail about the offer: the organisation's own text for the offer step (message
    templates) if it has one in the candidate's language, else the product's; with the date to
    answer by. The move to the offer stage sends no mail of its own (emails.LETTER_KINDS)."""
    progress = offer.progress
    candidate = progress.application.candidate
    vacancy = progress.vacancy
    answer_by = offer.answer_by.strftime("%d-%m-%Y") if offer.answer_by else ""
    own = custom_stage_text(progress, link=portal_url(candidate))
    if own is not None:
        with translation.override(candidate_language(candidate)):
            answer_line = _("Geef je antwoord uiterlijk op %(date)s.") % {"date": answer_by}
        return EmailMessage(
            subject=own[0],
            body=f"{own[1]}\n\n{answer_line}",
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[candidate.email],
            reply_to=reply_to_for(vacancy),
        )
    with translation.override(candidate_language(candidate)):
        subject = _("We doen je een aanbod: %(title)s") % {"title": vacancy.title}
        body = "\n\n".join(
            [
                _("Hallo,"),
                _(
                    "We willen je graag aannemen. Je aanbod staat op je persoonlijke pagina. "
                    "Daar lees je de brief en zeg je ja of nee."
                ),
                portal_url(candidate),
                _("Geef je antwoord uiterlijk op %(date)s.") % {"date": answer_by},
                _("Met vriendelijke groet,\n%(organisation)s")
                % {"organisation": vacancy.organisation.name},
            ]
        )
    return EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[candidate.email],
        reply_to=reply_to_for(vacancy),
    )


@transaction.atomic
def send_offer(
    offer: Offer, user: Any, roles: Iterable[str], *, answer_by: date, right_to_work: bool | None
) -> Offer:
    """Put the letter in the candidate's portal and mail that there is an offer."""
    if not (frozenset(roles) & PERMISSIONS["selection.offer"]):
        raise SelectionError(_("Uw rol mag dit niet doen."))
    offer = Offer.objects.select_for_update(of=("self",)).get(pk=offer.pk)
    if offer.status != OfferStatus.MADE:
        raise SelectionError(_("Over dit aanbod is al besloten."))
    if offer.sent_at is not None:
        raise SelectionError(_("De brief staat al in het portaal van de kandidaat."))
    if right_to_work is None:
        raise SelectionError(_("Geef aan of de kandidaat in Nederland mag werken: ja of nee."))
    if not right_to_work:
        raise SelectionError(
            _(
                "De kandidaat mag (nog) niet in Nederland werken. Een aanbod versturen kan pas "
                "als dat wel mag. Neem contact op met de kandidaat."
            )
        )
    today = timezone.localdate()
    if answer_by <= today:
        raise SelectionError(_("Kies een antwoorddatum na vandaag."))
    if answer_by >= offer.start_date:
        raise SelectionError(_("De antwoorddatum moet voor de eerste werkdag liggen."))
    template = letter_template(offer.organisation)
    offer.letter = {
        "opening": template.opening,
        "closing": template.closing,
        "signed_by": template.signed_by,
    }
    offer.answer_by = answer_by
    offer.sent_at = timezone.now()
    offer.right_to_work_checked = True
    offer.save(update_fields=["letter", "answer_by", "sent_at", "right_to_work_checked"])
    progress = offer.progress
    message = _offer_mail(offer)
    # One piece of news: this mail replaces the general "offer" step mail if it still waits.
    mail = queue_mail(
        message,
        kind=MAIL_KIND,
        organisation=progress.vacancy.organisation,
        candidate=progress.application.candidate,
        supersede_key=stage_mail_key(progress),
    )
    history.record_mail(progress, message, mail, user=user)
    record_event(
        "selection.offer_sent",
        actor=user,
        organisation=progress.vacancy.organisation,
        obj=progress,
        offer=offer.pk,
        application=progress.application_id,
        answer_by=answer_by.isoformat(),
    )
    return offer


@transaction.atomic
def make_and_send(
    progress: ApplicationProgress,
    user: Any,
    roles: Iterable[str],
    *,
    answer_by: date,
    right_to_work: bool | None,
    **offer_data: Any,
) -> Offer:
    """Record the offer and send its letter to the portal, in one transaction."""
    if right_to_work is not True:  # checked before the offer is recorded, so nothing half-done
        raise SelectionError(
            _("Geef aan of de kandidaat in Nederland mag werken: ja of nee.")
            if right_to_work is None
            else _(
                "De kandidaat mag (nog) niet in Nederland werken. Een aanbod versturen kan pas "
                "als dat wel mag. Neem contact op met de kandidaat."
            )
        )
    offer = offers.make_offer(progress, user, roles, **offer_data)
    return send_offer(offer, user, roles, answer_by=answer_by, right_to_work=right_to_work)


def _on_behalf_roles() -> frozenset[str]:
    """The candidate's own answer runs the hire path as the adviser who made the offer."""
    return frozenset(PERMISSIONS["selection.offer"] & PERMISSIONS["selection.move"])


def can_answer(offer: Offer, today: date | None = None) -> bool:
    today = today or timezone.localdate()
    return (
        offer.status == OfferStatus.MADE
        and offer.sent_at is not None
        and offer.answer_by is not None
        and today <= offer.answer_by
        and offer.progress.stage.kind == StageKind.OFFER
    )


@transaction.atomic
def answer_in_portal(offer: Offer, candidate: Any, *, accept: bool, reason: str = "") -> Any:
    """The candidate says yes (hire, onboarding starts) or no (with an optional reason)."""
    offer = (
        Offer.objects.select_for_update(of=("self",))
        .select_related("progress__stage", "progress__vacancy__organisation", "created_by")
        .get(pk=offer.pk)
    )
    progress = offer.progress
    if progress.application.candidate_id != candidate.pk:
        raise SelectionError(_("Dit aanbod is niet voor jou."))
    if offer.status == OfferStatus.EXPIRED or (
        offer.status == OfferStatus.MADE
        and offer.answer_by is not None
        and timezone.localdate() > offer.answer_by
    ):
        raise SelectionError(
            _("De termijn om te antwoorden is voorbij. Neem contact met ons op als je nog wilt.")
        )
    if not can_answer(offer):
        raise SelectionError(_("Over dit aanbod is al besloten."))
    reason = reason.replace("\r\n", "\n").strip()
    if len(reason) > MAX_REASON:
        raise SelectionError(_("Je reden is te lang. Maak hem korter dan 2.000 tekens."))
    record_event(
        "selection.offer_answered",
        organisation=progress.vacancy.organisation,
        obj=progress,
        offer=offer.pk,
        application=progress.application_id,
        answer="accept" if accept else "decline",
        by="candidate",
    )
    adviser, roles = offer.created_by, _on_behalf_roles()
    offer.answered_in_portal = True
    offer.decline_reason = "" if accept else reason
    offer.save(update_fields=["answered_in_portal", "decline_reason"])
    if accept:
        return offers.accept_offer(offer, adviser, roles, right_to_work=offer.right_to_work_checked)
    offers.decline_offer(offer, adviser, roles)
    return None


@transaction.atomic
def record_note(offer: Offer, note: str, user: Any) -> None:
    """HR's note with the answer it recorded for the candidate (a phone call, a letter)."""
    note = note.replace("\r\n", "\n").strip()[:MAX_REASON]
    if not note:
        return
    Offer.objects.filter(pk=offer.pk).update(decision_note=note)
    record_event(
        "selection.offer_note",
        actor=user,
        organisation=offer.organisation,
        obj=offer.progress,
        offer=offer.pk,
    )


@transaction.atomic
def expire_offer(offer: Offer) -> Offer:
    """Mark one offer as expired (the table refuses a decided one); audited."""
    offer = (
        Offer.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .get(pk=offer.pk)
    )
    OFFER_FLOW.check(offer, "expire", system=True)
    offer.status = OfferStatus.EXPIRED
    offer.save(update_fields=["status"])
    record_event(
        "selection.offer_expired",
        organisation=offer.organisation,
        obj=offer.progress,
        offer=offer.pk,
        answer_by=offer.answer_by.isoformat() if offer.answer_by else "",
    )
    return offer


def expire_offers(today: date | None = None) -> int:
    """The periodic job: a sent offer without an answer after its date expires."""
    today = today or timezone.localdate()
    expired = 0
    due = Offer.objects.filter(status=OfferStatus.MADE, sent_at__isnull=False, answer_by__lt=today)
    for offer in due.only("pk"):
        try:
            expire_offer(offer)
        except SelectionError:  # answered between the query and the lock
            continue
        expired += 1
    return expired


def offer_for_portal(application: Any) -> Offer | None:
    """The sent offer of an application (what the candidate may see), or None."""
    from django.db.models import Q

    # An open offer only while the application is in the offer stage (one status truth: an
    # application moved on or ended by HR no longer shows "we want to hire you").
    open_elsewhere = Q(status=OfferStatus.MADE) & ~Q(progress__stage__kind=StageKind.OFFER)
    return (
        Offer.objects.filter(progress__application=application, sent_at__isnull=False)
        .exclude(open_elsewhere)
        .select_related("salary_scale")
        .first()
    )
