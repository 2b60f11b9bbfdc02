"""sitemap.xml: the careers pages and every open vacancy."""

from __future__ import annotations

from typing import Any

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from talentbrug.vacancies.models import Vacancy

from .facts import public_url
from .search import open_vacancies


class VacancySitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8

    def items(self) -> Any:
        return open_vacancies().order_by("pk")

    def location(self, item: Vacancy) -> str:
        return public_url(item)

    def lastmod(self, item: Vacancy) -> Any:
        return item.updated_at


class PagesSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.5

    def items(self) -> list[str]:
        return ["publishing:list", "pages:landing", "pages:accessibility", "pages:privacy"]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS = {"pages": PagesSitemap, "vacatures": VacancySitemap}
