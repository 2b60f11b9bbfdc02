"""Every export and download, walked as a user of another organisation that shares a candidate.

Two organisations (DICTU and Logius) each hold an application of the same person, with a CV,
a scorecard with notes, an interview, a question, an onboarding plan, a legal hold and a
records collection (kept document, declaration of destruction), every one carrying a string
that only that organisation knows. A Logius user — who is also an assessor at DICTU, so the
active organisation is what keeps them apart — downloads everything the product offers and the
test reads the CONTENT (unzips, parses CSV/XLSX, extracts PDF text): no DICTU string may be in
it. The candidate's own export must hold both organisations' data and no assessor's notes.

``COVERED`` lists every download URL name; ``test_every_download_url_is_walked`` fails when
the URLconf gains a download that is not walked here.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import zipfile
from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from talentbrug.accounts.constants import Role
from talentbrug.accounts.middleware import SESSION_KEY as ORGANISATION_KEY
from talentbrug.accounts.tests.factories import MembershipFactory
from talentbrug.applications.models import Question
from talentbrug.applications.tests.helpers import portal_client
from talentbrug.audit.services import record_event
from talentbrug.conftest import verified_client
from talentbrug.records.tests.conftest import private_media  # noqa: F401 - files in tmp_path

pytestmark = pytest.mark.django_db

# Staff downloads: walked as the Logius user, with Logius's own objects (content checked) and
# with DICTU's objects (404, and the body holds nothing of DICTU either).
STAFF_DOWNLOADS = {
    "privacy:access_download",
    "applications:staff_document",
    "interviews:agenda_ics",
    "records:export_mdto",
    "records:document_download",
    "records:declaration_csv",
    "records:declaration_xlsx",
    "records:declaration_pdf",
    "publishing:flyer",
    "publishing:flyer_pdf",
    "selection:offer_pdf",
}
# Downloads of the candidate's own portal.
CANDIDATE_DOWNLOADS = {
    "applications:portal_export",
    "applications:portal_document",
    "interviews:portal_ics",
    "selection:portal_offer_pdf",
}
# Public feeds: vacancies only; checked to hold no private string of either organisation.
PUBLIC_DOWNLOADS = {
    "publishing:feed_atom",
    "publishing:feed_json",
    "publishing:org_feed_atom",
    "publishing:org_feed_json",
    "publishing:wvn_export",
    "publishing:org_wvn_export",
    "publishing:sitemap",
    "publishing:robots",
}
# Counted figures (Insights): no person in them; walked for every page and format, also with
# another organisation's vacancy asked for by id.
AGGREGATE_DOWNLOADS = {"insights:export", "insights:report_download"}
# The organisation's own log (no object ids in the URL): only the active organisation's events.
LOG_DOWNLOADS = {"audit:export"}
COVERED = (
    STAFF_DOWNLOADS | CANDIDATE_DOWNLOADS | PUBLIC_DOWNLOADS | AGGREGATE_DOWNLOADS | LOG_DOWNLOADS
)
# Routes that look like a download by their path but are pages or actions (no file out).
NOT_DOWNLOADS = {
    "applications:portal_upload": "the candidate sends a file in; nothing goes out",
    "records:decide": "a triage action (POST)",
    "records:document_detail": "an HTML page; the file is records:document_download",
    "records:legal_hold": "an action (POST)",
    "records:item_approve": "an action (POST)",
    "records:item_exclude": "an action (POST)",
    "records:item_restore": "an action (POST)",
    "records:item_remove": "an action (POST)",
    "records:document_dates": "an action (POST): the dates of a document's retention term",
    "records:override_request": "an action (POST): ask for an override",
    "records:override_decide": "an action (POST): decide on an override",
    "interviews:agenda": "an HTML page; the file is interviews:agenda_ics",
    "onboarding:calendar": "an HTML page of the organisation's own plans",
}
DOWNLOAD_ROUTE = re.compile(
    r"\.(zip|csv|xlsx|ics|pdf|xml|json|atom|txt)$|export|download|bestand|documenten/<"
    r"|verklaring|mdto|gegevens|feed|flyer|agenda|sitemap",
    re.IGNORECASE,
)


# --------------------------------------------------------------------------- the two worlds


def _secrets(tag: str) -> dict[str, str]:
    """Strings that only organisation ``tag`` holds (checked case-sensitively in every file)."""
    return {
        "vacancy": f"Functie {tag} zeven",
        "motivation": f"Motivatie-{tag}-M4",
        "accommodations": f"Aanpassing-{tag}-A11",
        "cv": f"CV-inhoud-{tag}-C2",
        "cv_name": f"cv-{tag}-c2.txt",
        "notes": f"Notitie-beoordelaar-{tag}-S3",
        "location": f"Locatie-{tag}-I5",
        "question": f"Vraag-{tag}-Q6",
        "job_title": f"Inwerkfunctie-{tag}-O7",
        "hold": f"Blokkade-{tag}-H8",
        "record": f"Archiefstuk-{tag}-R9",
        "record_name": f"archief-{tag}-r9.txt",
        "destroyed": f"vernietigd-{tag}-d10.txt",
        "offer": f"Aanbodbrief-{tag}-L12",
    }


def _world(organisation: Any, candidate: Any, tag: str, assessor: Any) -> dict[str, Any]:
    """One organisation's side of the shared person, every row with a ``tag`` string."""
    from talentbrug.interviews.constants import InterviewStatus
    from talentbrug.interviews.tests.factories import interview_for
    from talentbrug.onboarding.tests.factories import make_plan
    from talentbrug.privacy.services import holds as privacy_holds
    from talentbrug.privacy.tests.factories import document
    from talentbrug.publishing.tests.factories import ChannelFactory
    from talentbrug.records.constants import Decision, ListStatus
    from talentbrug.records.tests.factories import (
        CategoryFactory,
        CollectionFactory,
        DestructionListFactory,
        DocumentFactory,
        ItemFactory,
        with_file,
    )
    from talentbrug.selection.models import Score, Scorecard
    from talentbrug.selection.tests.factories import (
        application_in_pipeline,
        vacancy_with_requirements,
    )

    secrets = _secrets(tag)
    vacancy = vacancy_with_requirements(organisation, title=secrets["vacancy"])
    progress = application_in_pipeline(organisation, vacancy=vacancy, candidate=candidate)
    application = progress.application
    application.motivation = secrets["motivation"]
    application.accommodations = secrets["accommodations"]
    application.save(update_fields=["motivation", "accommodations"])
    if not candidate.accommodations:  # the person's row keeps what the first application said
        candidate.accommodations = secrets["accommodations"]
        candidate.save(update_fields=["accommodations"])
    cv = document(application, content=secrets["cv"].encode())
    cv.original_name = secrets["cv_name"]
    cv.save(update_fields=["original_name"])
    scorecard = Scorecard.objects.create(
        organisation=organisation,
        progress=progress,
        stage=progress.stage,
        reviewer=assessor,
        recommendation="strong_no",
        notes=secrets["notes"],
    )
    Score.objects.create(scorecard=scorecard, requirement=vacancy.requirements.first(), value=1)
    interview = interview_for(
        organisation,
        application=application,
        interviewers=[assessor],
        status=InterviewStatus.PLANNED,
    )
    interview.location = secrets["location"]
    interview.save(update_fields=["location"])
    Question.objects.create(
        organisation=organisation, application=application, candidate=candidate,
        text=secrets["question"],
    )  # fmt: skip
    make_plan(
        organisation,
        application=application,
        name=candidate.name,
        email=candidate.email,
        job_title=secrets["job_title"],
        start_date=date(2027, 3, 1),
    )
    offer = _offer_in_portal(organisation, progress, secrets["offer"])
    hold = privacy_holds.place_hold(
        organisation, candidate, assessor, f"Zaak-{tag}", secrets["hold"]
    )
    channel = ChannelFactory(vacancy=vacancy)
    category = CategoryFactory(organisation=organisation, code=f"9.{len(tag)}")
    collection = CollectionFactory(organisation=organisation, default_category=category)
    kept = with_file(
        DocumentFactory(
            collection=collection,
            path=f"Werving/{secrets['record_name']}",
            name=secrets["record_name"],
            decision=Decision.KEEP,
            category=category,
            extracted_text=secrets["record"],
        ),
        secrets["record"].encode(),
    )
    # The MDTO export checks each file against the checksum taken at import.
    kept.sha256 = hashlib.sha256(secrets["record"].encode()).hexdigest()
    kept.size = len(secrets["record"].encode())
    kept.save(update_fields=["sha256", "size"])
    destruction = DestructionListFactory(collection=collection, status=ListStatus.DESTROYED)
    item = ItemFactory(
        destruction_list=destruction,
        record_name=secrets["destroyed"],
        record_path=f"Werving/{secrets['destroyed']}",
    )
    # The declaration lists what the audit trail says was destroyed.
    record_event(
        "records.document_destroyed",
        organisation=organisation,
        obj=destruction,
        list_id=destruction.pk,
        item_id=item.pk,
    )
    return {
        "secrets": secrets,
        "hold": hold,
        "application": application,
        "document": cv,
        "interview": interview,
        "vacancy": vacancy,
        "channel": channel,
        "collection": collection,
        "kept": kept,
        "destruction": destruction,
        "offer": offer,
    }


def _offer_in_portal(organisation: Any, progress: Any, opening: str) -> Any:
    """An offer whose letter (with the organisation's own opening) is in the portal."""
    from datetime import timedelta
    from decimal import Decimal

    from talentbrug.accounts.tests.factories import UserFactory
    from talentbrug.selection import offer_letter
    from talentbrug.vacancies.models import SalaryScale

    hr = UserFactory()
    MembershipFactory(user=hr, organisation=organisation, role=Role.HR_ADVISER)
    offer_letter.save_letter_template(
        organisation, opening=opening, closing="", signed_by="", answer_days=10, user=hr
    )
    scale, _new = SalaryScale.objects.get_or_create(
        year=2026, scale=7, defaults={"minimum": Decimal("3000"), "maximum": Decimal("4200")}
    )
    today = timezone.localdate()
    return offer_letter.make_and_send(
        progress,
        hr,
        {Role.HR_ADVISER},
        answer_by=today + timedelta(days=5),
        right_to_work=True,
        salary_scale=scale,
        step=1,
        start_date=today + timedelta(days=30),
        hours=36,
        contract_type="permanent",
    )


@pytest.fixture
def shared(organisation: Any, other_organisation: Any, make_staff: Any) -> dict[str, Any]:
    """DICTU (``organisation``) and Logius (``other_organisation``) share one candidate."""
    from talentbrug.applications.tests.factories import CandidateFactory

    candidate = CandidateFactory(name="Amira Haddad", email="amira@voorbeeld.nl")
    # The walking user: every role at Logius, and an assessor at DICTU as well.
    walker = make_staff(other_organisation, *Role.values)
    MembershipFactory(user=walker, organisation=organisation, role=Role.ASSESSOR)
    dictu_assessor = make_staff(organisation, Role.ASSESSOR)
    dictu = _world(organisation, candidate, "DICTU", dictu_assessor)
    # The walker interviews at Logius.
    logius = _world(other_organisation, candidate, "LOGIUS", walker)
    return {
        "candidate": candidate,
        "walker": walker,
        "dictu": dictu,
        "logius": logius,
        "dictu_hold": dictu["hold"],
        "logius_hold": logius["hold"],
        "dictu_assessor": dictu_assessor,
        "dictu_org": organisation,
        "logius_org": other_organisation,
    }


def _logius_client(shared: dict[str, Any]) -> Client:
    client = verified_client(shared["walker"])
    session = client.session
    session[ORGANISATION_KEY] = shared["logius_org"].pk
    session.save()
    return client


# --------------------------------------------------------------------------- reading files


def _text(content: bytes, content_type: str) -> str:
    """Everything a person could read in a download: names and contents, recursively."""
    if content.startswith(b"PK\x03\x04"):
        if "spreadsheetml" in content_type:
            import openpyxl

            book = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
            cells = [
                str(cell)
                for sheet in book.worksheets
                for row in sheet.iter_rows(values_only=True)
                for cell in row
                if cell is not None
            ]
            return "\n".join(cells)
        parts = []
        with zipfile.ZipFile(io.BytesIO(content)) as archive:
            for name in archive.namelist():
                parts.append(name)
                parts.append(_text(archive.read(name), ""))
        return "\n".join(parts)
    if content.startswith(b"%PDF"):
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(content)).pages)
    return content.decode("utf-8", errors="replace")


def _download(client: Client, url: str) -> tuple[int, str]:
    response = client.get(url)
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return response.status_code, _text(body, response.get("Content-Type", ""))


def _assert_none_of(text: str, secrets: dict[str, str], where: str) -> None:
    found = [value for value in secrets.values() if value in text]
    assert not found, f"{where} holds another organisation's data: {found}"


def _staff_urls(world: dict[str, Any], candidate: Any) -> dict[str, str]:
    """URL name → URL for one organisation's objects."""
    vacancy, channel = world["vacancy"], world["channel"]
    return {
        "privacy:access_download": reverse("privacy:access_download", args=[candidate.pk]),
        "applications:staff_document": reverse(
            "applications:staff_document", args=[world["application"].pk, world["document"].pk]
        ),
        "interviews:agenda_ics": reverse("interviews:agenda_ics"),
        "records:export_mdto": reverse("records:export_mdto", args=[world["collection"].pk]),
        "records:document_download": reverse("records:document_download", args=[world["kept"].pk]),
        "records:declaration_csv": reverse(
            "records:declaration_csv", args=[world["destruction"].pk]
        ),
        "records:declaration_xlsx": reverse(
            "records:declaration_xlsx", args=[world["destruction"].pk]
        ),
        "records:declaration_pdf": reverse(
            "records:declaration_pdf", args=[world["destruction"].pk]
        ),
        "publishing:flyer": reverse("publishing:flyer", args=[vacancy.pk, channel.pk]),
        "publishing:flyer_pdf": reverse("publishing:flyer_pdf", args=[vacancy.pk, channel.pk]),
        "selection:offer_pdf": reverse("selection:offer_pdf", args=[world["application"].pk]),
    }


# Which Logius strings each Logius download must itself show (proof that the walk reads the
# real content; a check that only finds nothing could not fail).
OWN_EVIDENCE = {
    "privacy:access_download": (
        "motivation",
        "accommodations",
        "cv",
        "cv_name",
        "notes",
        "location",
        "question",
    ),
    "applications:staff_document": ("cv",),
    "interviews:agenda_ics": ("location",),
    "records:export_mdto": ("record", "record_name"),
    "records:document_download": ("record",),
    "records:declaration_csv": ("destroyed",),
    "records:declaration_xlsx": ("destroyed",),
    "records:declaration_pdf": ("destroyed",),
    "publishing:flyer": ("vacancy",),
    "publishing:flyer_pdf": ("vacancy",),
    "selection:offer_pdf": ("offer", "vacancy"),
}


# --------------------------------------------------------------------------- the walk


def test_every_staff_download_of_the_own_organisation_holds_nothing_of_the_other(shared):
    client = _logius_client(shared)
    dictu, logius = shared["dictu"]["secrets"], shared["logius"]["secrets"]
    urls = _staff_urls(shared["logius"], shared["candidate"])
    assert set(urls) == STAFF_DOWNLOADS == set(OWN_EVIDENCE)
    for name, url in urls.items():
        status, text = _download(client, url)
        assert status == 200, (name, status)
        for key in OWN_EVIDENCE[name]:
            assert logius[key] in text, f"{name} lacks its own {key}"
        _assert_none_of(text, dictu, name)


def test_the_figures_downloads_hold_nothing_of_the_other_organisation(shared):
    from talentbrug.insights.constants import Section

    client = _logius_client(shared)
    dictu = shared["dictu"]["secrets"]
    url = reverse("insights:export")
    for section in Section.values:
        for file_format in ("csv", "xlsx"):
            status, text = _download(client, f"{url}?deel={section}&formaat={file_format}")
            assert status == 200, (section, file_format, status)
            assert text.strip(), (section, file_format)
            _assert_none_of(text, dictu, f"insights:export {section} {file_format}")
    # DICTU's vacancy asked for by id: not found, and nothing of DICTU in the answer.
    other = shared["dictu"]["vacancy"].pk
    status, text = _download(client, f"{url}?deel=selectie&formaat=csv&vacature={other}")
    assert status == 404
    _assert_none_of(text, dictu, "insights:export for another organisation's vacancy")


def test_the_quarterly_report_holds_counts_only_and_only_for_the_programme_team(shared):
    """The Rijk's PDF report: no person and no private text of either organisation in it;
    an organisation's staff (every role) cannot download it."""
    from talentbrug.accounts.tests.factories import UserFactory
    from talentbrug.conftest import verified_client
    from talentbrug.insights import report

    today = timezone.localdate()
    archived = report.make_report(today.year, (today.month - 1) // 3 + 1)  # this quarter's data
    url = reverse("insights:report_download", args=[archived.pk])
    status, text = _download(verified_client(UserFactory(is_programme_team=True)), url)
    assert status == 200 and "Doelgroepen in cijfers" in text
    for world in ("dictu", "logius"):
        _assert_none_of(text, shared[world]["secrets"], f"insights:report_download ({world})")
    status, text = _download(_logius_client(shared), url)
    assert status == 403
    _assert_none_of(text, shared["dictu"]["secrets"], "insights:report_download refused")


def test_the_log_download_holds_only_the_active_organisations_events(shared):
    """The walker is admin at Logius and assessor at DICTU: Logius's log has no DICTU event."""
    record_event(
        "accounts.role_granted",
        actor=shared["dictu_assessor"],
        organisation=shared["dictu_org"],
        new_role="records_manager",
    )
    record_event(
        "accounts.role_granted",
        actor=shared["walker"],
        organisation=shared["logius_org"],
        new_role="hr_adviser",
    )
    client = _logius_client(shared)
    for file_format in ("csv", "xlsx"):
        status, text = _download(client, f"{reverse('audit:export')}?formaat={file_format}")
        assert status == 200, file_format
        assert "Rol HR-adviseur gegeven" in text
        assert str(shared["walker"]) in text
        assert "Rol Informatiebeheerder gegeven" not in text, file_format
        assert str(shared["dictu_assessor"]) not in text, file_format


def test_every_staff_download_of_the_other_organisation_is_not_found(shared):
    client = _logius_client(shared)
    dictu = shared["dictu"]["secrets"]
    urls = _staff_urls(shared["dictu"], shared["candidate"])
    # The candidate is Logius's too, so the privacy export answers — with Logius's rows only;
    # the agenda is the user's own. Both are walked above; every object URL of DICTU is a 404.
    for name in STAFF_DOWNLOADS - {"privacy:access_download", "interviews:agenda_ics"}:
        status, text = _download(client, urls[name])
        assert status == 404, (name, status)
        _assert_none_of(text, dictu, name)


def test_the_staff_export_holds_the_organisations_internal_work_apart(shared):
    client = _logius_client(shared)
    response = client.get(reverse("privacy:access_download", args=[shared["candidate"].pk]))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("data.json"))
    internal = json.loads(archive.read("intern.json"))
    notes = [row["notes"] for row in internal["selection.Scorecard"]]
    assert notes == [shared["logius"]["secrets"]["notes"]]
    assert "selection.Scorecard" not in data["records"]
    assert [d["organisation"] for d in data["decisions"]] == [shared["logius_org"].name]
    assert {row["organisation"] for row in data["records"]["applications.Application"]} == {
        shared["logius_org"].pk
    }
    objects = {event["object"] for event in internal["audit.AuditEvent"]}
    assert f"privacy.legalhold:{shared['logius_hold'].pk}" in objects  # its own trail is in it
    assert f"privacy.legalhold:{shared['dictu_hold'].pk}" not in objects
    files = [name for name in archive.namelist() if name.startswith("files/")]
    assert len(files) == 1 and files[0].endswith(shared["logius"]["secrets"]["cv_name"])


def test_staff_pages_about_the_person_show_nothing_of_the_other_organisation(shared):
    from talentbrug.applications.services import portal as application_portal
    from talentbrug.privacy.services import erasure as privacy_erasure
    from talentbrug.privacy.tests.factories import consent, now
    from talentbrug.talentpool.services import profile_token

    client = _logius_client(shared)
    dictu = shared["dictu"]["secrets"]
    candidate = shared["candidate"]
    consent(candidate, now())
    request = application_portal.request_deletion(candidate, shared["dictu_org"])
    own = application_portal.request_deletion(candidate, shared["logius_org"])
    # DICTU carries out its part: Logius sees only its own part, still open.
    privacy_erasure.carry_out_erasure(
        request, user=shared["dictu_assessor"], organisation=shared["dictu_org"]
    )
    pages = {
        "privacy:access": reverse("privacy:access") + f"?email={candidate.email}",
        "privacy:requests": reverse("privacy:requests"),
        "privacy:holds": reverse("privacy:holds"),
        "applications:staff_detail": reverse(
            "applications:staff_detail", args=[shared["logius"]["application"].pk]
        ),
        "talentpool:profile": reverse(
            "talentpool:profile", args=[profile_token(candidate.pk, shared["logius_org"])]
        ),
    }
    for name, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, (name, response.status_code)
        text = response.content.decode()
        _assert_none_of(text, dictu, name)
    requests_page = client.get(pages["privacy:requests"]).content.decode()
    assert "bewaard" not in requests_page and f"Verzoek {request.pk} " not in requests_page
    assert f"Voer verzoek {own.pk} uit" in requests_page


def test_public_feeds_hold_no_private_data(shared, client):
    private = {
        key: value
        for world in (shared["dictu"], shared["logius"])
        for key, value in world["secrets"].items()
        if key != "vacancy"  # vacancy titles are public on the careers site
    }
    slug = shared["dictu_org"].slug
    urls = {
        "publishing:feed_atom": reverse("publishing:feed_atom"),
        "publishing:feed_json": reverse("publishing:feed_json"),
        "publishing:org_feed_atom": reverse("publishing:org_feed_atom", args=[slug]),
        "publishing:org_feed_json": reverse("publishing:org_feed_json", args=[slug]),
        "publishing:wvn_export": reverse("publishing:wvn_export"),
        "publishing:org_wvn_export": reverse("publishing:org_wvn_export", args=[slug]),
        "publishing:sitemap": reverse("publishing:sitemap"),
        "publishing:robots": reverse("publishing:robots"),
    }
    assert set(urls) == PUBLIC_DOWNLOADS
    for name, url in urls.items():
        status, text = _download(client, url)
        assert status == 200, (name, status)
        _assert_none_of(text, private, name)


# --------------------------------------------------------------------------- the candidate


def test_the_candidates_own_export_holds_both_organisations_and_no_assessor_notes(shared):
    client = portal_client(shared["candidate"])
    status, text = _download(client, reverse("applications:portal_export"))
    assert status == 200
    for world in (shared["dictu"], shared["logius"]):
        secrets = world["secrets"]
        shown = ("motivation", "accommodations", "cv", "cv_name", "location", "question")
        for key in (*shown, "job_title"):
            assert secrets[key] in text, key
        assert secrets["notes"] not in text
        assert secrets["hold"] not in text  # the hold's legal reason is the organisation's
    response = client.get(reverse("applications:portal_export"))
    data = json.loads(zipfile.ZipFile(io.BytesIO(response.content)).read("data.json"))
    for label in ("selection.Scorecard", "selection.Score", "assessments.GridScore"):
        assert label not in data["records"]
    assessors = {shared["walker"].pk, shared["dictu_assessor"].pk}
    for label, rows in data["records"].items():
        for row in rows:
            for key in ("reviewer", "created_by", "asked_by", "author", "recorded_by"):
                assert row.get(key) not in assessors, (label, key)
            assert "interviewers" not in row, label
    assert {d["organisation"] for d in data["decisions"]} == {
        shared["dictu_org"].name,
        shared["logius_org"].name,
    }


def test_the_candidates_other_downloads_are_their_own(shared):
    candidate = shared["candidate"]
    client = portal_client(candidate)
    for world in (shared["dictu"], shared["logius"]):
        status, text = _download(
            client, reverse("applications:portal_document", args=[world["document"].pk])
        )
        assert status == 200 and world["secrets"]["cv"] in text
        status, text = _download(
            client, reverse("interviews:portal_ics", args=[world["interview"].pk])
        )
        assert status == 200 and world["secrets"]["location"] in text
        status, text = _download(
            client, reverse("selection:portal_offer_pdf", args=[world["offer"].pk])
        )
        assert status == 200 and world["secrets"]["offer"] in text
    # Someone else's portal gets none of it.
    from talentbrug.applications.tests.factories import CandidateFactory

    stranger = portal_client(CandidateFactory())
    for world in (shared["dictu"], shared["logius"]):
        for url in (
            reverse("applications:portal_document", args=[world["document"].pk]),
            reverse("interviews:portal_ics", args=[world["interview"].pk]),
            reverse("selection:portal_offer_pdf", args=[world["offer"].pk]),
        ):
            status, text = _download(stranger, url)
            assert status == 404
            _assert_none_of(text, world["secrets"], url)
    status, text = _download(stranger, reverse("applications:portal_export"))
    for world in (shared["dictu"], shared["logius"]):
        _assert_none_of(text, world["secrets"], "stranger's export")


# --------------------------------------------------------------------------- completeness


def _url_names(patterns: list[Any], namespace: str = "", prefix: str = "") -> Iterator[tuple]:
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = ":".join(part for part in (namespace, pattern.namespace or "") if part)
            yield from _url_names(pattern.url_patterns, inner, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern) and pattern.name:
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, prefix + str(pattern.pattern)


def test_every_download_url_is_walked():
    """A new export, download or feed must be added to this walk (or explained as no download)."""
    downloads = {
        name
        for name, route in _url_names(get_resolver().url_patterns)
        if DOWNLOAD_ROUTE.search(route)
    }
    assert downloads, "the URLconf walk found nothing; the pattern is broken"
    missing = downloads - COVERED - set(NOT_DOWNLOADS)
    assert not missing, f"add these downloads to test_export_isolation: {sorted(missing)}"
    stale = (COVERED | set(NOT_DOWNLOADS)) - {
        name for name, _r in _url_names(get_resolver().url_patterns)
    }
    assert not stale, f"no longer in the URLconf: {sorted(stale)}"


def test_the_csv_reader_reads_the_declaration(shared):
    """The declaration CSV is parsed as CSV (rows), not only searched as text."""
    client = _logius_client(shared)
    response = client.get(
        reverse("records:declaration_csv", args=[shared["logius"]["destruction"].pk])
    )
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    cells = {cell for row in rows for cell in row}
    assert any(shared["logius"]["secrets"]["destroyed"] in cell for cell in cells)
    assert not any(shared["dictu"]["secrets"]["destroyed"] in cell for cell in cells)
