"""The consented talent pool: membership, anonymised profiles, contact requests, figures.

A candidate is in the pool while a talent-pool consent is active (given, not withdrawn, not
expired: 12 months). Withdrawal ends it at once, expiry ends it by itself; both also void the
candidate's pending contact requests. Organisations see an anonymised profile; name and
contact details are shared only after the candidate accepts a contact request.
"""

from __future__ import annotations

import hashlib
import hmac
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.accounts import magiclinks
from talentbrug.applications.constants import ConsentKind
from talentbrug.applications.models import (
    Candidate,
    CandidateSkill,
    Consent,
    Education,
    LanguageProficiency,
)
from talentbrug.audit.services import record_event
from talentbrug.matches.models import WorkPreference
from talentbrug.outbox.services import queue_mail
from talentbrug.taxonomy.models import Skill
from talentbrug.taxonomy.services import search_skills

from .constants import (
    ANSWER_LINK_MAX_AGE,
    ANSWER_SESSION_AGE,
    MAX_MESSAGE_CHARS,
    MIN_GROUP,
    PROFILE_LINK_MAX_AGE,
    ContactRequestStatus,
)
from .models import ContactRequest

PROFILE_SALT = "talentbrug.talentpool.profile"
ANSWER_SALT = "talentbrug.talentpool.answer"


class PoolError(Exception):
    """The action is not possible; ``message`` is for the user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --------------------------------------------------------------------------- membership


def _not_hired_since(consents: QuerySet[Consent]) -> QuerySet[Consent]:
    """Leave out a consent once its person accepted an offer after giving it: the pool stops
    offering someone who was just hired (#18). The consent itself stays; it counts again when
    the person gives it anew after the hire."""
    from django.db.models import Exists, OuterRef

    from talentbrug.selection.constants import OfferStatus
    from talentbrug.selection.models import Offer

    hired = Offer.objects.filter(
        progress__application__candidate_id=OuterRef("candidate_id"),
        status=OfferStatus.ACCEPTED,
        decided_at__gte=OuterRef("given_at"),
    )
    return consents.exclude(Exists(hired))


def active_consents() -> QuerySet[Consent]:
    return _not_hired_since(
        Consent.objects.filter(
            kind=ConsentKind.TALENT_POOL,
            withdrawn_at__isnull=True,
            expires_at__gt=timezone.now(),
            candidate__merged_into__isnull=True,
        )
    )


def pool_candidates() -> QuerySet[Candidate]:
    return Candidate.objects.filter(pk__in=active_consents().values("candidate_id"))


def pool_candidate_ids() -> set[int]:
    """Ids with an active consent (merged candidates are not in the matching index anyway)."""
    return set(
        _not_hired_since(
            Consent.objects.filter(
                kind=ConsentKind.TALENT_POOL,
                withdrawn_at__isnull=True,
                expires_at__gt=timezone.now(),
            )
        ).values_list("candidate_id", flat=True)
    )


def in_pool(candidate: Candidate | int) -> bool:
    pk = candidate if isinstance(candidate, int) else candidate.pk
    return active_consents().filter(candidate_id=pk).exists()


# --------------------------------------------------------------------------- references


def reference_code(candidate_id: int) -> str:
    """A stable pseudonym such as ``K-3F9A12C0`` (no id, no name)."""
    digest = hmac.new(
        settings.SECRET_KEY.encode(), f"pool:{candidate_id}".encode(), hashlib.sha256
    ).hexdigest()
    return f"K-{digest[:8].upper()}"


def profile_token(candidate_id: int, organisation: Any) -> str:
    """A link to a pool profile that only works for ``organisation`` (and for a week)."""
    return magiclinks.make(PROFILE_SALT, {"c": candidate_id, "o": organisation.pk})


def read_profile_token(token: str, organisation: Any) -> int | None:
    try:
        data = magiclinks.read(PROFILE_SALT, token, PROFILE_LINK_MAX_AGE)
    except magiclinks.LinkProblem:
        return None
    if organisation is None or data.get("o") != organisation.pk:
        return None
    cid = data.get("c")
    return cid if isinstance(cid, int) else None


def answer_token(request: ContactRequest) -> str:
    return magiclinks.make(ANSWER_SALT, {"r": request.pk, "c": request.candidate_id})


def _answer_request(token: str) -> tuple[ContactRequest, dict[str, Any]]:
    data = magiclinks.read(ANSWER_SALT, token, ANSWER_LINK_MAX_AGE)
    req = (
        ContactRequest.objects.filter(pk=data.get("r"), candidate_id=data.get("c"))
        .select_related("organisation", "vacancy", "candidate")
        .first()
    )
    if req is None:
        raise magiclinks.LinkProblem("invalid")
    return req, data


def open_answer_link(request: Any, token: str) -> tuple[ContactRequest, bool]:
    """The request behind an answer link this browser session may use (the first session that
    opens the link: single-use, see accounts.magiclinks), and whether the page may be shown:
    False on a GET of a link this session has not opened (show the confirm page; a mail
    scanner's GET uses nothing). Raises ``LinkProblem`` otherwise."""
    req, data = _answer_request(token)
    opened = magiclinks.open_in_session(
        request, ANSWER_SALT, data, ANSWER_LINK_MAX_AGE, ANSWER_SESSION_AGE
    )
    return req, opened


# --------------------------------------------------------------------------- profiles


@dataclass
class PoolProfile:
    """What another organisation may see: no name, e-mail, phone or free text."""

    candidate_id: int
    code: str
    skills: list[str] = field(default_factory=list)
    education_level: str = ""
    education_source: str = ""
    languages: list[tuple[str, str, str]] = field(default_factory=list)  # language, skill, level
    regions: list[str] = field(default_factory=list)
    hours_per_week: int | None = None
    available_from: date | None = None
    in_pool_until: Any = None
    token: str = ""


def _skill_labels(candidate_ids: list[int]) -> dict[int, list[str]]:
    """Confirmed ESCO skills by their ESCO label (never the candidate's own typed text)."""

    rows = list(
        CandidateSkill.objects.filter(candidate_id__in=candidate_ids, confirmed=True)
        .exclude(esco_id="")
        .values_list("candidate_id", "esco_id")
    )
    labels = {s.esco_id: s.label() for s in Skill.objects.filter(esco_id__in={e for _c, e in rows})}
    out: dict[int, list[str]] = {}
    for cid, esco_id in rows:
        if esco_id in labels:
            out.setdefault(cid, []).append(labels[esco_id])
    return {cid: sorted(set(v), key=str.lower) for cid, v in out.items()}


def profiles(candidate_ids: list[int], organisation: Any = None) -> list[PoolProfile]:

    consents: dict[int, Any] = {}
    for cid, expires in (
        active_consents()
        .filter(candidate_id__in=candidate_ids)
        .values_list("candidate_id", "expires_at")
    ):
        consents[cid] = max(expires, consents.get(cid, expires))
    ids = [cid for cid in candidate_ids if cid in consents]
    skills = _skill_labels(ids)
    hours = dict(Candidate.objects.filter(pk__in=ids).values_list("pk", "hours_per_week"))
    levels: dict[int, tuple[str, str]] = {}
    for edu in Education.objects.filter(candidate_id__in=ids, completed=True).exclude(level=""):
        if edu.level > levels.get(edu.candidate_id, ("", ""))[0]:
            levels[edu.candidate_id] = (edu.level, edu.get_level_source_display())
    langs: dict[int, list[tuple[str, str, str]]] = {}
    for lp in LanguageProficiency.objects.filter(candidate_id__in=ids).order_by(
        "language", "skill"
    ):
        langs.setdefault(lp.candidate_id, []).append(
            (lp.language, lp.get_skill_display(), lp.level)
        )
    prefs = {p.candidate_id: p for p in WorkPreference.objects.filter(candidate_id__in=ids)}
    out = []
    for cid in ids:
        pref = prefs.get(cid)
        level, source = levels.get(cid, ("", ""))
        out.append(
            PoolProfile(
                candidate_id=cid,
                code=reference_code(cid),
                skills=skills.get(cid, []),
                education_level=level,
                education_source=source,
                languages=langs.get(cid, []),
                regions=list(pref.regions) if pref else [],
                hours_per_week=hours.get(cid),
                available_from=pref.available_from if pref else None,
                in_pool_until=consents[cid],
                token=profile_token(cid, organisation) if organisation is not None else "",
            )
        )
    return out


def search_pool(
    *, skill_query: str = "", region: str = "", organisation: Any = None, limit: int = 500
) -> list[int]:
    """Ids of pool candidates with a confirmed skill matching ``skill_query`` and ``region``."""

    consents = active_consents()
    in_pool_ids = consents.values("candidate_id")  # subqueries: no long IN lists
    ids_qs = consents.order_by("-given_at").values_list("candidate_id", flat=True)
    ids = list(dict.fromkeys(ids_qs))
    if skill_query.strip():
        esco_ids = [skill.esco_id for skill in search_skills(skill_query, limit=50)]
        having = set(
            CandidateSkill.objects.filter(
                candidate_id__in=in_pool_ids, confirmed=True, esco_id__in=esco_ids
            ).values_list("candidate_id", flat=True)
        )
        ids = [cid for cid in ids if cid in having]
    if region:
        with_region = {
            cid
            for cid, regions in WorkPreference.objects.filter(
                candidate_id__in=in_pool_ids
            ).values_list("candidate_id", "regions")
            if region in (regions or [])
        }
        ids = [cid for cid in ids if cid in with_region]
    return ids[:limit]


def view_profile(
    candidate_id: int, *, organisation: Any, actor: Any, role: str = ""
) -> PoolProfile:
    """The anonymised profile, audited. Raises PoolError when the candidate left the pool."""
    found = profiles([candidate_id], organisation)
    if not found:
        raise PoolError(_("Deze kandidaat staat niet (meer) in de talentpool."))
    record_event(
        "talentpool.profile_viewed",
        actor=actor,
        organisation=organisation,
        role=role,
        candidate=candidate_id,
    )
    return found[0]


# --------------------------------------------------------------------------- contact requests


def _queue_contact_mail(req: ContactRequest, candidate: Candidate, organisation: Any) -> None:
    """The candidate's e-mail about a contact request, in the outbox (same transaction)."""

    link = settings.SITE_URL + reverse("talentpool:answer", kwargs={"token": answer_token(req)})
    message = EmailMessage(
        subject=_("Een organisatie wil contact met je"),
        body=_(
            "Hallo,\n\n%(org)s zag je profiel in de talentpool van de Rijksoverheid en wil "
            "contact met je.\n\nLees het bericht en kies of je dat wilt:\n%(link)s\n\n"
            "Zeg je ja? Dan krijgt %(org)s je naam, e-mailadres en telefoonnummer. "
            "Zeg je nee? Dan krijgen zij niets.\n"
        )
        % {"org": organisation.name, "link": link},
        to=[candidate.email],
    )
    queue_mail(
        message,
        kind="talentpool.contact_requested",
        organisation=organisation,
        candidate=candidate,
    )


def request_contact(
    candidate_id: int,
    *,
    organisation: Any,
    actor: Any,
    message: str,
    vacancy: Any = None,
    role: str = "",
) -> ContactRequest:
    message = (message or "").strip()
    if not message:
        raise PoolError(_("Schrijf kort waarom u contact zoekt."))
    if len(message) > MAX_MESSAGE_CHARS:
        raise PoolError(
            _("Het bericht is te lang: maximaal %(n)s tekens.") % {"n": MAX_MESSAGE_CHARS}
        )
    if vacancy is not None and vacancy.organisation_id != organisation.pk:
        raise PoolError(_("Kies een vacature van uw eigen organisatie."))
    candidate = Candidate.objects.filter(pk=candidate_id).first()
    if candidate is None or not in_pool(candidate):
        raise PoolError(_("Deze kandidaat staat niet (meer) in de talentpool."))
    try:
        with transaction.atomic():
            req = ContactRequest.objects.create(
                organisation=organisation,
                candidate=candidate,
                requested_by=actor,
                vacancy=vacancy,
                message=message,
            )
            record_event(
                "talentpool.contact_requested",
                actor=actor,
                organisation=organisation,
                obj=req,
                role=role,
                request=req.pk,
                candidate=candidate.pk,
            )
            _queue_contact_mail(req, candidate, organisation)
    except IntegrityError:
        raise PoolError(_("Uw organisatie wacht al op een antwoord van deze kandidaat.")) from None
    return req


def request_is_open(req: ContactRequest) -> bool:
    """Pending, the candidate still in the pool, and not older than the answer link."""
    return (
        req.status == ContactRequestStatus.PENDING
        and timezone.now() - req.created_at <= timedelta(seconds=ANSWER_LINK_MAX_AGE)
        and in_pool(req.candidate_id)
    )


def _answer(req: ContactRequest, status: str, event: str) -> ContactRequest:
    with transaction.atomic():
        locked = ContactRequest.objects.select_for_update().get(pk=req.pk)
        if not request_is_open(locked):
            raise PoolError(_("Op dit verzoek kun je niet meer antwoorden."))
        locked.status = status
        locked.answered_at = timezone.now()
        locked.save(update_fields=["status", "answered_at"])
        record_event(event, organisation=locked.organisation, obj=locked, request=locked.pk)
    return locked


def accept_request(req: ContactRequest) -> ContactRequest:
    return _answer(req, ContactRequestStatus.ACCEPTED, "talentpool.contact_accepted")


def decline_request(req: ContactRequest) -> ContactRequest:
    return _answer(req, ContactRequestStatus.DECLINED, "talentpool.contact_declined")


def requests_for_organisation(organisation: Any) -> QuerySet[ContactRequest]:
    return ContactRequest.objects.filter(organisation=organisation).select_related(
        "candidate", "vacancy"
    )


def open_requests_for(candidate: Candidate) -> list[ContactRequest]:
    """Pending requests the candidate can still answer (for a portal fragment)."""
    return [
        r
        for r in candidate.contact_requests.filter(
            status=ContactRequestStatus.PENDING
        ).select_related("organisation", "vacancy")
        if request_is_open(r)
    ]


# --------------------------------------------------------------------------- figures


def small(count: int) -> str:
    return str(count) if count >= MIN_GROUP else _("minder dan %(n)s") % {"n": MIN_GROUP}


def pool_figures() -> dict[str, Any]:
    """Aggregates for the programme team; every count under 5 is suppressed."""

    now = timezone.now()
    month_ago = now - timedelta(days=30)
    ids = active_consents().values("candidate_id")
    pool_count = len(pool_candidate_ids())
    all_pool = Consent.objects.filter(kind=ConsentKind.TALENT_POOL)
    statuses = Counter(
        ContactRequest.objects.filter(created_at__gte=month_ago).values_list("status", flat=True)
    )
    skill_counts = Counter(
        CandidateSkill.objects.filter(candidate_id__in=ids, confirmed=True)
        .exclude(esco_id="")
        .values_list("esco_id", flat=True)
    )
    top = [(e, n) for e, n in skill_counts.most_common(15) if n >= MIN_GROUP]
    labels = {s.esco_id: s.label() for s in Skill.objects.filter(esco_id__in=[e for e, _n in top])}
    regions: Counter[str] = Counter()
    for regs in WorkPreference.objects.filter(candidate_id__in=ids).values_list(
        "regions", flat=True
    ):
        regions.update(regs or [])
    return {
        "in_pool": small(pool_count),
        "joined_30d": small(all_pool.filter(given_at__gte=month_ago).count()),
        "withdrawn_30d": small(all_pool.filter(withdrawn_at__gte=month_ago).count()),
        "expired_30d": small(
            all_pool.filter(
                withdrawn_at__isnull=True, expires_at__gte=month_ago, expires_at__lte=now
            ).count()
        ),
        "requests_30d": [
            (label, small(statuses.get(value, 0))) for value, label in ContactRequestStatus.choices
        ],
        "top_skills": [(labels.get(e, e), str(n)) for e, n in top],
        "regions": sorted(
            ((r, str(n)) for r, n in regions.items() if n >= MIN_GROUP), key=lambda x: -int(x[1])
        ),
        "min_group": MIN_GROUP,
    }
