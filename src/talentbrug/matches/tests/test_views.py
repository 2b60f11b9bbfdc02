from __future__ import annotations

import pytest
from django.urls import reverse

from talentbrug.accounts.constants import Role

from .helpers import SUPPORT, SUPPORT_USERS, TICKET, apply, make_candidate, make_vacancy

pytestmark = pytest.mark.django_db


def test_staff_page_shows_ranked_explained_candidates(staff_client, organisation):
    vacancy = make_vacancy(organisation, [TICKET, SUPPORT])
    apply(make_candidate([TICKET, SUPPORT], name="Fatima Yilmaz"), vacancy)
    make_candidate(
        [SUPPORT_USERS], name="Verborgen Naam", email="geheim@voorbeeld.nl", consent=True
    )
    client = staff_client(organisation, Role.HIRING_MANAGER)
    response = client.get(reverse("matches:vacancy_matches", kwargs={"pk": vacancy.pk}))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Fatima Yilmaz" in html and "Sollicitant" in html
    assert "Talentpool" in html and "Verborgen Naam" not in html and "geheim@" not in html
    assert "Past deels" in html and "Ontbreekt" in html
    assert html.index("Fatima Yilmaz") < html.index("Talentpool</span>")
    only_pool = client.get(
        reverse("matches:vacancy_matches", kwargs={"pk": vacancy.pk}), {"bron": "talentpool"}
    ).content.decode()
    assert "Fatima Yilmaz" not in only_pool
    from talentbrug.audit.models import AuditEvent

    event = AuditEvent.objects.filter(event_type="matching.candidates_ranked").first()
    assert event.actor_role == Role.HIRING_MANAGER and event.data["vacancy"] == vacancy.pk


def test_staff_page_says_when_there_is_nobody(staff_client, organisation):
    vacancy = make_vacancy(organisation, [TICKET])
    response = staff_client(organisation).get(
        reverse("matches:vacancy_matches", kwargs={"pk": vacancy.pk})
    )
    assert "Nog geen kandidaten" in response.content.decode()
