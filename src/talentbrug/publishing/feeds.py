"""Feeds of open vacancies: Atom (RFC 4287) and JSON Feed 1.1, overall or per organisation."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from talentbrug.vacancies.models import Vacancy

from .facts import facts_for, public_url
from .jsonld import description_html

JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
FEED_LIMIT = 500


def _moment(vacancy: Vacancy) -> datetime:
    if vacancy.published_at:
        return vacancy.published_at
    day = vacancy.placement_date or vacancy.created_at.date()
    return datetime.combine(day, time(9), tzinfo=ZoneInfo(settings.TIME_ZONE))


def _summary(vacancy: Vacancy) -> str:
    facts = facts_for(vacancy)
    parts = [str(vacancy.organisation.name), *[value for _label, value in facts.rows()]]
    if facts.routes:
        parts.append(_("Zo kun je solliciteren: %(routes)s") % {"routes": ", ".join(facts.routes)})
    return " · ".join(parts)


def _tag_uri(absolute: Any, vacancy: Vacancy) -> str:
    return absolute(f"/vacatures/{vacancy.pk}/")


def atom_feed(
    vacancies: Iterable[Vacancy], *, title: str, link: str, feed_url: str, absolute: Any
) -> str:
    """The Atom document. ``absolute(path)`` turns a path into an absolute URL."""

    feed = Atom1Feed(
        title=title,
        link=link,
        feed_url=feed_url,
        description=_("Open vacatures bij de Rijksoverheid"),
        language="nl",
        feed_guid=feed_url,
    )
    for vacancy in vacancies:
        url = absolute(public_url(vacancy))
        feed.add_item(
            title=vacancy.title,
            link=url,
            description=_summary(vacancy),
            unique_id=_tag_uri(absolute, vacancy),
            pubdate=_moment(vacancy),
            updateddate=vacancy.updated_at,
            author_name=vacancy.organisation.name,
            categories=[
                str(vacancy.get_contract_type_display()),
                str(vacancy.get_vakgebied_display()),
            ],
        )
    return feed.writeString("utf-8")


def json_feed(
    vacancies: Iterable[Vacancy], *, title: str, home_url: str, feed_url: str, absolute: Any
) -> dict[str, Any]:
    """The JSON Feed 1.1 document as a dict."""

    items = []
    for vacancy in vacancies:
        url = absolute(public_url(vacancy))
        item: dict[str, Any] = {
            "id": _tag_uri(absolute, vacancy),
            "url": url,
            "title": vacancy.title,
            "content_html": description_html(vacancy),
            "content_text": strip_tags(description_html(vacancy)),
            "summary": _summary(vacancy),
            "date_published": _moment(vacancy).isoformat(),
            "date_modified": vacancy.updated_at.isoformat(),
            "authors": [{"name": vacancy.organisation.name}],
            "tags": [
                str(vacancy.get_contract_type_display()),
                str(vacancy.get_vakgebied_display()),
            ],
            "language": "nl",
            "_talentbrug": {
                "organisation": vacancy.organisation.slug,
                "closing_date": vacancy.closing_date.isoformat() if vacancy.closing_date else None,
                "contract_type": vacancy.contract_type,
                "hours_min": vacancy.hours_min,
                "hours_max": vacancy.hours_max,
                "region": vacancy.region,
            },
        }
        items.append(item)
    return {
        "version": JSON_FEED_VERSION,
        "title": title,
        "home_page_url": home_url,
        "feed_url": feed_url,
        "description": _("Open vacatures bij de Rijksoverheid"),
        "language": "nl",
        "items": items,
    }
