"""The organisation's house colour on its pages: the lint and the bars, readable and focusable."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from talentbrug.accounts import branding
from talentbrug.accounts.constants import Role
from talentbrug.publishing.facts import public_url
from talentbrug.publishing.tests.factories import OpenVacancyFactory


def _body_classes(html: str) -> set[str]:
    match = re.search(r'<body class="([^"]+)"', html)
    assert match, "no body class"
    return set(match.group(1).split())


def _house_classes(html: str) -> set[str]:
    return {c for c in _body_classes(html) if c.startswith("tb-house--")}


@pytest.mark.parametrize("key", list(branding.PALETTE))
def test_every_palette_colour_keeps_text_readable_and_the_focus_ring_visible(key: str) -> None:
    c = branding.house_colours(key)
    assert c.bar == branding.PALETTE[key][1]
    assert branding.contrast(c.bar, c.bar_text) >= 4.5
    assert branding.contrast(c.deep, c.deep_text) >= 4.5
    assert branding.contrast(c.focus, c.bar) >= 3.0
    assert branding.contrast(c.focus, c.deep) >= 3.0


def test_text_is_white_where_it_reads_and_black_on_the_light_colours() -> None:
    assert branding.house_colours("lintblauw").bar_text == "#FFFFFF"
    assert branding.house_colours("donkerblauw").bar_text == "#FFFFFF"
    assert branding.house_colours("geel").bar_text == "#000000"
    assert branding.house_colours("lichtblauw").bar_text == "#000000"
    # The yellow focus ring vanishes on yellow: there it is black.
    assert branding.house_colours("geel").focus == "#000000"
    assert branding.house_colours("lintblauw").focus == "#FFBF47"
    assert round(branding.contrast("#FFFFFF", "#000000"), 1) == 21.0


def test_the_stylesheet_is_the_palette_one_class_per_colour() -> None:
    """house-colours.css is generated from the palette; a changed palette fails here until it
    is regenerated (the command is at the top of the file)."""
    css = branding.house_colour_css_path().read_text(encoding="utf-8")
    assert css == branding.house_colour_css()
    for key in branding.PALETTE:
        c = branding.house_colours(key)
        assert f".tb-house--{key} {{ --tb-house: {c.bar}; --tb-house-text: {c.bar_text};" in css


def test_site_css_draws_the_lint_and_the_bars_in_the_house_colour() -> None:
    site = (branding.house_colour_css_path().parent / "site.css").read_text(encoding="utf-8")
    rules = {
        ".tb-identity__lint": "var(--tb-house, #01689b)",
        ".tb-header__bar": "var(--tb-house, #01689b)",
        ".tb-nav": "var(--tb-house-deep, #01496c)",
    }
    for selector, value in rules.items():
        rule = re.search(re.escape(selector) + r" \{([^}]*)\}", site)
        assert rule and f"background: {value}" in rule.group(1), selector
    # No fixed white text or fixed yellow focus ring left on the bars.
    bar_rules = re.findall(
        r"^\.tb-(?:header__bar|nav__link|nav__toggle|logo|lang__option)[^{]*\{[^}]*\}", site, re.M
    )
    assert bar_rules
    for rule in bar_rules:
        body = rule.split("{", 1)[1]
        assert "color: #fff" not in body and "solid #ffbf47" not in body, rule


@pytest.mark.django_db
def test_staff_pages_take_the_active_organisations_house_colour(
    staff_client: Any, organisation: Any, other_organisation: Any
) -> None:
    organisation.house_colour = "paars"
    organisation.save()
    page = staff_client(organisation, Role.HR_ADVISER).get(reverse("pages:home"))
    html = page.content.decode()
    assert _house_classes(html) == {"tb-house--paars"}
    assert "talentbrug/house-colours.css" in html
    assert "style=" not in html.split("<body", 1)[1].split(">", 1)[0]  # a class, no inline style
    # Another organisation keeps the default, lintblauw.
    other = staff_client(other_organisation, Role.HR_ADVISER).get(reverse("pages:home"))
    assert _house_classes(other.content.decode()) == {"tb-house--lintblauw"}


@pytest.mark.django_db
def test_careers_pages_of_an_organisation_take_its_colour_the_rijk_pages_lintblauw(
    organisation: Any,
) -> None:
    cache.clear()
    organisation.house_colour = "donkergroen"
    organisation.save()
    vacancy = OpenVacancyFactory(organisation=organisation)
    client = Client()
    assert _house_classes(client.get(public_url(vacancy)).content.decode()) == {
        "tb-house--donkergroen"
    }
    assert _house_classes(client.get(reverse("publishing:list")).content.decode()) == {
        "tb-house--lintblauw"
    }
    # A new colour shows at once (saving renews the careers page cache).
    organisation.house_colour = "violet"
    organisation.save()
    assert _house_classes(client.get(public_url(vacancy)).content.decode()) == {"tb-house--violet"}
    cache.clear()


def test_an_identity_keeps_its_colour_through_the_cache_and_refuses_unknown_ones() -> None:
    identity = branding.Identity(lines=("DICTU",), name="DICTU", colour="rood")
    assert branding.Identity.from_dict(identity.as_dict()).colour_class == "tb-house--rood"
    assert branding.Identity.from_dict({"colour": 'x" onload="'}).colour_class == (
        "tb-house--lintblauw"
    )
    assert branding.RIJK_IDENTITY.colour_class == "tb-house--lintblauw"
