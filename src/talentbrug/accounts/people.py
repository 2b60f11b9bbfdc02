"""People and roles of an organisation, run by its own admin (role ``org_admin``).

Invite by e-mail (a single-use link to choose a password, then the second factor), give and
take roles, deactivate someone who left (their open work goes to a colleague), reset a lost
second factor with a second admin (four eyes) and unlock an account. Every change is one
transaction with an audit event in the organisation's log; mail goes through the outbox.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import login
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404, HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from talentbrug.audit.services import record_event

from . import lockout, magiclinks
from .access import user_can
from .branding import check_logo
from .constants import Role
from .mail import queue_mail
from .models import Membership, Organisation, SecondFactorReset, User
from .terms import ORGANISATION_TERMS
from .workload import WORK_KINDS, open_work

INVITE_SALT = "talentbrug.accounts.invite"


def invitation_max_age() -> int:
    return int(settings.TALENTBRUG_INVITATION_HOURS) * 3600


def members(organisation: Organisation) -> QuerySet[User]:
    """Everyone with at least one role in the organisation (also invited, not yet active)."""
    return (
        User.objects.filter(memberships__organisation=organisation)
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )


def get_member(organisation: Organisation, pk: Any) -> User:
    """A person of this organisation, or 404 (also for people of other organisations)."""
    try:
        return members(organisation).get(pk=pk)
    except (User.DoesNotExist, ValueError, TypeError):
        raise Http404(_("Dit bestaat niet, of u heeft er geen toegang toe.")) from None


def _check_role(role: str) -> None:
    if role not in Role.values:
        raise ValidationError(_("Kies een rol uit de lijst."))


def _admins(organisation: Organisation) -> QuerySet[User]:
    return User.objects.filter(
        is_active=True,
        memberships__organisation=organisation,
        memberships__role=Role.ORG_ADMIN,
    ).distinct()


# --- Invitation ------------------------------------------------------------------------------


def invitation_url(user: User) -> str:
    token = magiclinks.make(INVITE_SALT, {"u": user.pk, "v": user.token_version})
    return settings.SITE_URL + reverse("accounts:invitation", kwargs={"token": token})


def _send_invitation(user: User, organisation: Organisation, role: str, actor: User) -> None:
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        context = {
            "user": user,
            "organisation": organisation,
            "role": Role(role).label,
            "inviter": actor,
            "url": invitation_url(user),
            "hours": settings.TALENTBRUG_INVITATION_HOURS,
        }
        subject = render_to_string("accounts/email/invitation_subject.txt", context).strip()
        body = render_to_string("accounts/email/invitation.txt", context)
    queue_mail(
        EmailMessage(subject=subject, body=body.strip() + "\n", to=[user.email]),
        kind="accounts.invitation",
        organisation=organisation,
    )


def _send_role_added(user: User, organisation: Organisation, role: str, actor: User) -> None:
    """Someone who already has an account gets the role at once, and a short message."""
    with translation.override(user.preferred_language or settings.LANGUAGE_CODE):
        context = {
            "user": user,
            "organisation": organisation,
            "role": Role(role).label,
            "inviter": actor,
            "url": settings.SITE_URL + reverse("accounts:login"),
        }
        subject = render_to_string("accounts/email/role_added_subject.txt", context).strip()
        body = render_to_string("accounts/email/role_added.txt", context)
    queue_mail(
        EmailMessage(subject=subject, body=body.strip() + "\n", to=[user.email]),
        kind="accounts.role_added",
        organisation=organisation,
    )


@transaction.atomic
def invite_person(
    organisation: Organisation,
    actor: User,
    *,
    email: str,
    first_name: str,
    last_name: str,
    role: str,
) -> User:
    """Invite a colleague with a first role. A new person gets an account that is not active
    until they choose a password through the link; someone who already has an account (in
    another organisation) gets the role and a link to log in."""
    _check_role(role)
    email = email.strip().lower()
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None and existing.memberships.filter(organisation=organisation).exists():
        raise ValidationError(
            _("%(name)s werkt al voor deze organisatie. Geef een rol op de pagina van die persoon.")
            % {"name": existing}
        )
    if existing is not None and existing.deactivated_at is None and existing.is_active:
        user = existing
    else:
        user = existing or User(username=email[:150], email=email)
        user.first_name = first_name.strip()[:150]
        user.last_name = last_name.strip()[:150]
        user.is_active = False
        user.deactivated_at = None
        user.set_unusable_password()
        if user.pk:
            user.token_version += 1
        user.save()
    Membership.objects.create(user=user, organisation=organisation, role=role)
    if not user.is_active:
        user.invited_at = timezone.now()
        user.save(update_fields=["invited_at"])
        _send_invitation(user, organisation, role, actor)
    else:
        _send_role_added(user, organisation, role, actor)
    record_event(
        "accounts.invited", actor=actor, organisation=organisation, obj=user, new_role=str(role)
    )
    return user


@transaction.atomic
def resend_invitation(organisation: Organisation, actor: User, user: User) -> None:
    if user.is_active or user.deactivated_at is not None:
        raise ValidationError(_("Deze persoon heeft de uitnodiging al aangenomen."))
    user.token_version += 1
    user.invited_at = timezone.now()
    user.save(update_fields=["token_version", "invited_at"])
    role = user.memberships.filter(organisation=organisation).values_list("role", flat=True)[0]
    _send_invitation(user, organisation, role, actor)
    record_event(
        "accounts.invited", actor=actor, organisation=organisation, obj=user, new_role=role
    )


def read_invitation(token: str) -> User:
    """The invited person of a valid, unused link; raises ``magiclinks.LinkProblem``."""
    data = magiclinks.read(INVITE_SALT, token, invitation_max_age())
    user = User.objects.filter(pk=int(data.get("u") or 0)).first()
    if user is None or data.get("v") != user.token_version or user.deactivated_at is not None:
        raise magiclinks.LinkProblem("expired")
    if user.is_active or magiclinks.is_used(INVITE_SALT, data):
        raise magiclinks.LinkProblem("used")
    return user


@transaction.atomic
def accept_invitation(request: HttpRequest, token: str, password: str) -> User:
    """Choose the password: the account becomes active and is logged in (password step only;
    the second factor is set up right after)."""
    data = magiclinks.read(INVITE_SALT, token, invitation_max_age())
    user = read_invitation(token)
    magiclinks.use(INVITE_SALT, data, invitation_max_age())
    complete_invitation(user, password)
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    return user


def complete_invitation(user: User, password: str) -> User:
    """Activate an invited account with its chosen password (the link is checked by the
    caller; the demo seed uses this directly for its fictitious colleagues)."""
    user.set_password(password)
    user.is_active = True
    user.invitation_accepted_at = timezone.now()
    user.save()
    for organisation in Organisation.objects.filter(memberships__user=user).distinct():
        record_event(
            "accounts.invitation_accepted", actor=user, organisation=organisation, obj=user
        )
    return user


# --- Roles -----------------------------------------------------------------------------------


@transaction.atomic
def grant_role(organisation: Organisation, actor: User, user: User, role: str) -> Membership:
    _check_role(role)
    if user.deactivated_at is not None:
        raise ValidationError(_("Dit account is uitgeschakeld. Nodig de persoon opnieuw uit."))
    if Membership.objects.filter(user=user, organisation=organisation, role=role).exists():
        raise ValidationError(
            _("%(name)s heeft de rol %(role)s al.") % {"name": user, "role": Role(role).label}
        )
    membership = Membership.objects.create(user=user, organisation=organisation, role=role)
    record_event(
        "accounts.role_granted", actor=actor, organisation=organisation, obj=user, new_role=role
    )
    return membership


@transaction.atomic
def revoke_role(organisation: Organisation, actor: User, user: User, role: str) -> None:
    _check_role(role)
    found = Membership.objects.select_for_update().filter(
        user=user, organisation=organisation, role=role
    )
    if not found.exists():
        raise ValidationError(_("Deze persoon heeft die rol niet."))
    if role == Role.ORG_ADMIN and not _admins(organisation).exclude(pk=user.pk).exists():
        raise ValidationError(
            _("Dit is de laatste beheerder van de organisatie. Geef eerst iemand anders die rol.")
        )
    if Membership.objects.filter(user=user, organisation=organisation).count() == 1:
        raise ValidationError(
            _(
                "Dit is de laatste rol van %(name)s hier. Schakel het account uit als de persoon "
                "hier niet meer werkt; dan gaat het openstaande werk naar een collega."
            )
            % {"name": user}
        )
    found.delete()
    record_event(
        "accounts.role_revoked", actor=actor, organisation=organisation, obj=user, new_role=role
    )


# --- Deactivation ----------------------------------------------------------------------------


def end_sessions(user: User) -> int:
    """Log the person out everywhere (every stored session that belongs to them)."""
    ended = 0
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user.pk):
            session.delete()
            ended += 1
    return ended


@transaction.atomic
def deactivate_person(
    organisation: Organisation, actor: User, user: User, hand_over: dict[str, User]
) -> int:
    """The person leaves this organisation: open work goes to the chosen colleagues, the roles
    here end, and when no role anywhere is left the account is switched off and logged out.
    Nothing is deleted: what they did stays in the log and on the records. Returns the number
    of pieces of work handed over."""
    if user.pk == actor.pk:
        raise ValidationError(_("U kunt uw eigen account niet uitschakelen. Vraag een collega."))
    if (
        Membership.objects.filter(
            user=user, organisation=organisation, role=Role.ORG_ADMIN
        ).exists()
        and not _admins(organisation).exclude(pk=user.pk).exists()
    ):
        raise ValidationError(
            _("Dit is de laatste beheerder van de organisatie. Geef eerst iemand anders die rol.")
        )
    total = 0
    for work in open_work(user, organisation):
        new = hand_over.get(work.kind.key)
        if new is None:
            raise ValidationError(_("Kies wie de %(work)s overneemt.") % {"work": work.kind.label})
        if (
            new.pk == user.pk
            or not user_can(new, organisation, work.kind.action)
            or not new.is_active
        ):
            raise ValidationError(
                _("%(name)s mag de %(work)s niet overnemen. Kies een ander.")
                % {"name": new, "work": work.kind.label}
            )
        count = work.kind.hand_over(work.items, user, new)
        total += count
        record_event(
            "accounts.work_reassigned",
            actor=actor,
            organisation=organisation,
            obj=user,
            kind=work.kind.key,
            count=count,
            to_user=new.pk,
        )
    Membership.objects.filter(user=user, organisation=organisation).delete()
    if not Membership.objects.filter(user=user).exists() and not user.is_programme_team:
        user.is_active = False
        user.deactivated_at = timezone.now()
        user.token_version += 1
        user.set_unusable_password()
        user.save()
        end_sessions(user)
    record_event(
        "accounts.deactivated",
        actor=actor,
        organisation=organisation,
        obj=user,
        reassigned=total,
    )
    return total


# --- Second factor and lock-out --------------------------------------------------------------


@transaction.atomic
def request_second_factor_reset(
    organisation: Organisation, actor: User, user: User, identity_check: str
) -> SecondFactorReset:
    check = " ".join(identity_check.split())[:300]
    if len(check) < 10:
        raise ValidationError(
            _("Schrijf op hoe u heeft gecontroleerd dat het echt om deze persoon gaat.")
        )
    if user.pk == actor.pk:
        raise ValidationError(_("Herstel voor uzelf moet een andere beheerder aanvragen."))
    if SecondFactorReset.objects.filter(
        organisation=organisation, user=user, status=SecondFactorReset.Status.REQUESTED
    ).exists():
        raise ValidationError(_("Er staat al een verzoek open. Een tweede beheerder rondt het af."))
    reset = SecondFactorReset.objects.create(
        organisation=organisation, user=user, requested_by=actor, identity_check=check
    )
    record_event("accounts.2fa_reset_requested", actor=actor, organisation=organisation, obj=user)
    return reset


@transaction.atomic
def confirm_second_factor_reset(
    reset: SecondFactorReset, actor: User, confirm_check: str
) -> SecondFactorReset:
    """The second admin checked the identity too: the old devices go, the person sets up a new
    second factor at the next log-in, and every open session ends."""
    reset = SecondFactorReset.objects.select_for_update().get(pk=reset.pk)
    if reset.status != SecondFactorReset.Status.REQUESTED:
        raise ValidationError(_("Dit verzoek is al afgehandeld."))
    if actor.pk in (reset.requested_by_id, reset.user_id):
        raise ValidationError(
            _("Een tweede beheerder moet dit bevestigen: niet wie het vroeg, niet de persoon zelf.")
        )
    check = " ".join(confirm_check.split())[:300]
    if len(check) < 10:
        raise ValidationError(_("Schrijf op hoe u de identiteit zelf heeft gecontroleerd."))
    TOTPDevice.objects.filter(user_id=reset.user_id).delete()
    StaticDevice.objects.filter(user_id=reset.user_id).delete()
    end_sessions(reset.user)
    reset.status = SecondFactorReset.Status.DONE
    reset.confirmed_by = actor
    reset.confirm_check = check
    reset.done_at = timezone.now()
    reset.save()
    record_event(
        "accounts.2fa_reset_done", actor=actor, organisation=reset.organisation, obj=reset.user
    )
    return reset


@transaction.atomic
def cancel_second_factor_reset(reset: SecondFactorReset, actor: User) -> None:
    reset = SecondFactorReset.objects.select_for_update().get(pk=reset.pk)
    if reset.status != SecondFactorReset.Status.REQUESTED:
        raise ValidationError(_("Dit verzoek is al afgehandeld."))
    reset.status = SecondFactorReset.Status.CANCELLED
    reset.done_at = timezone.now()
    reset.save()
    record_event(
        "accounts.2fa_reset_cancelled", actor=actor, organisation=reset.organisation, obj=reset.user
    )


def open_resets(organisation: Organisation) -> QuerySet[SecondFactorReset]:
    return SecondFactorReset.objects.filter(
        organisation=organisation, status=SecondFactorReset.Status.REQUESTED
    ).select_related("user", "requested_by")


def unlock_person(organisation: Organisation, actor: User, user: User) -> int:
    refused = lockout.refused_while_locked(user.username)
    removed = lockout.unlock_user(user.username)
    record_event(
        "accounts.unlocked",
        actor=actor,
        organisation=organisation,
        obj=user,
        refused_attempts=refused,
    )
    return removed


def is_locked(user: User) -> bool:
    return lockout.is_locked(user.username)


def refused_while_locked(user: User) -> int:
    """Log-in attempts refused since the lock-out was logged (counted, not each logged)."""
    return lockout.refused_while_locked(user.username)


def invitation_expired(user: User) -> bool:
    if user.invited_at is None:
        return False
    return user.invited_at + timedelta(seconds=invitation_max_age()) < timezone.now()


__all__ = ["WORK_KINDS"]


# --- Organisation settings -------------------------------------------------------------------

ORGANISATION_FIELDS = [
    "name",
    "short_name",
    "wordmark",
    "house_colour",
    "website",
    "contact_email",
    "contact_phone",
    "mail_sender_name",
    "reply_to_email",
    "selectielijst",
]


@transaction.atomic
def update_organisation_settings(
    organisation: Organisation,
    actor: User,
    values: dict[str, Any],
    *,
    terms: Mapping[str, Any],
    logo: Any = None,
    remove_logo: bool = False,
) -> Organisation:
    """Save the organisation's own settings and the terms other apps own (the cooling-off time
    of records, the retention after rejection of privacy), each through the service that owns
    it (``accounts.terms``). ``logo``: a new uploaded logo (checked by content, see
    ``branding.check_logo``); ``remove_logo``: back to the lint with the woordmerk."""
    locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
    changed = [f for f in ORGANISATION_FIELDS if getattr(locked, f) != values.get(f)]
    for field in ORGANISATION_FIELDS:
        setattr(locked, field, values.get(field))
    old_logo = locked.logo.name if locked.logo else ""
    if logo is not None:
        safe_name, sha256 = check_logo(logo)
        extension = safe_name.rsplit(".", 1)[-1].lower()
        logo.seek(0)
        locked.logo.save(f"{locked.slug}-{sha256[:12]}.{extension}", logo, save=False)
        changed.append("logo")
    elif remove_logo and old_logo:
        locked.logo = ""
        changed.append("logo")
    locked.full_clean()
    locked.save()
    if old_logo and old_logo != (locked.logo.name if locked.logo else ""):
        storage = locked.logo.storage
        transaction.on_commit(lambda: storage.delete(old_logo))
    for term in ORGANISATION_TERMS:
        if term.key in terms:
            term.save(locked, actor, terms[term.key])
    if changed:
        record_event(
            "accounts.settings_changed",
            actor=actor,
            organisation=locked,
            obj=locked,
            fields=",".join(changed)[:200],
        )
    return locked


def current_terms(organisation: Organisation) -> dict[str, Any]:
    """{term key: current value} of every registered term (reads only)."""
    return {term.key: term.read(organisation) for term in ORGANISATION_TERMS}
