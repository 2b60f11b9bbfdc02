"""What an organisation may set of its look, within the Rijkshuisstijl.

The Rijkshuisstijl has one logo for all of central government (the Rijkslint with the
coat of arms) and a *woordmerk* per organisation: the name next to the lint, in at most
three lines. It has a fixed palette; an organisation picks one colour from it. White text
must stay readable on the chosen colour (WCAG 2.1 contrast of at least 4.5 to 1), so the
light colours of the palette are refused for this use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

# The palette of the Rijkshuisstijl (name, hex), as published in the Rijkshuisstijl guide.
PALETTE: dict[str, tuple[Any, str]] = {
    "lintblauw": (_("Lintblauw"), "#01689B"),
    "hemelblauw": (_("Hemelblauw"), "#007BC7"),
    "donkerblauw": (_("Donkerblauw"), "#154273"),
    "lichtblauw": (_("Lichtblauw"), "#8FCAE7"),
    "paars": (_("Paars"), "#42145F"),
    "violet": (_("Violet"), "#A90061"),
    "robijnrood": (_("Robijnrood"), "#CA005D"),
    "rood": (_("Rood"), "#D52B1E"),
    "roze": (_("Roze"), "#F092CD"),
    "oranje": (_("Oranje"), "#E17000"),
    "donkergeel": (_("Donkergeel"), "#FFB612"),
    "geel": (_("Geel"), "#F9E11E"),
    "bruin": (_("Bruin"), "#94710A"),
    "donkerbruin": (_("Donkerbruin"), "#673327"),
    "mintgroen": (_("Mintgroen"), "#76D2B6"),
    "groen": (_("Groen"), "#39870C"),
    "donkergroen": (_("Donkergroen"), "#275937"),
    "mosgroen": (_("Mosgroen"), "#777C00"),
}
DEFAULT_HOUSE_COLOUR = "lintblauw"
HOUSE_COLOURS = [
    (key, format_lazy("{} ({})", label, hex_)) for key, (label, hex_) in PALETTE.items()
]
MIN_CONTRAST = 4.5
WORDMARK_MAX_LINES = 3
WORDMARK_MAX_CHARS = 32


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_with_white(hex_colour: str) -> float:
    """WCAG contrast ratio of white text on this colour."""
    return (1.0 + 0.05) / (_luminance(hex_colour) + 0.05)


def colour_hex(key: str) -> str:
    return PALETTE.get(key, PALETTE[DEFAULT_HOUSE_COLOUR])[1]


def contrast(first: str, second: str) -> float:
    """WCAG contrast ratio of two colours (#RRGGBB)."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# --- The house colour on the pages ----------------------------------------------------------
#
# The lint and the header bar take the organisation's colour, the menu bar below it a deeper
# shade of it. Text on each is white, or black where white reads badly (at least 4.5 : 1); the
# focus ring on the bars is the first of yellow, white and black that stands out at least 3 : 1
# on both bars. The colours reach the page as one class per palette colour
# (``tb-house--<key>``) in static/talentbrug/house-colours.css, generated from this palette
# (``house_colour_css``; a test keeps the file equal to it): no inline style, so the
# Content-Security-Policy stays strict.

WHITE, BLACK, FOCUS_YELLOW = "#FFFFFF", "#000000", "#FFBF47"
MIN_FOCUS_CONTRAST = 3.0
DEEP_SHADE = 0.7  # the menu bar: each channel at 70 %


def deep_hex(hex_colour: str) -> str:
    channels = [round(int(hex_colour[i : i + 2], 16) * DEEP_SHADE) for i in (1, 3, 5)]
    return "#" + "".join(f"{c:02X}" for c in channels)


def text_on(hex_colour: str) -> str:
    """White text (the Rijkshuisstijl's text on a coloured bar) where it reads well enough
    (4.5 : 1); otherwise whichever of white and black has the higher contrast."""
    if contrast(WHITE, hex_colour) >= MIN_CONTRAST:
        return WHITE
    return WHITE if contrast(WHITE, hex_colour) >= contrast(BLACK, hex_colour) else BLACK


def focus_on(*backgrounds: str) -> str:
    """The focus ring colour that stands out (3 : 1) on every one of these backgrounds."""
    for candidate in (FOCUS_YELLOW, WHITE, BLACK):
        if all(contrast(candidate, bg) >= MIN_FOCUS_CONTRAST for bg in backgrounds):
            return candidate
    return max((FOCUS_YELLOW, WHITE, BLACK), key=lambda c: min(contrast(c, b) for b in backgrounds))


@dataclass(frozen=True)
class HouseColours:
    bar: str
    bar_text: str
    deep: str
    deep_text: str
    focus: str


def house_colours(key: str) -> HouseColours:
    bar = colour_hex(key)
    deep = deep_hex(bar)
    return HouseColours(
        bar=bar,
        bar_text=text_on(bar),
        deep=deep,
        deep_text=text_on(deep),
        focus=focus_on(bar, deep),
    )


def house_colour_key(key: str | None) -> str:
    return key if key in PALETTE else DEFAULT_HOUSE_COLOUR


def house_colour_css() -> str:
    """The stylesheet with one class per palette colour (static/talentbrug/house-colours.css)."""
    out = [
        "/* Generated from talentbrug.accounts.branding.PALETTE by house_colour_css(); do not edit.",
        '   Regenerate: PYTHONPATH=src python manage.py shell -c "from talentbrug.accounts.'
        'branding import write_house_colour_css; write_house_colour_css()" */',
    ]
    for key in PALETTE:
        c = house_colours(key)
        out.append(
            f".tb-house--{key} {{ --tb-house: {c.bar}; --tb-house-text: {c.bar_text}; "
            f"--tb-house-deep: {c.deep}; --tb-house-deep-text: {c.deep_text}; "
            f"--tb-house-focus: {c.focus}; }}"
        )
    return "\n".join(out) + "\n"


def house_colour_css_path() -> Any:
    from pathlib import Path

    return Path(__file__).resolve().parents[1] / "static" / "talentbrug" / "house-colours.css"


def write_house_colour_css() -> None:
    house_colour_css_path().write_text(house_colour_css(), encoding="utf-8")


def validate_house_colour(key: str) -> None:
    if key not in PALETTE:
        raise ValidationError(_("Kies een kleur uit het palet van de Rijkshuisstijl."))
    ratio = contrast_with_white(PALETTE[key][1])
    if ratio < MIN_CONTRAST:
        raise ValidationError(
            _(
                "Witte tekst is op %(colour)s slecht leesbaar (contrast %(ratio)s : 1, minimaal "
                "4,5 : 1). Kies een donkerdere kleur uit het palet."
            )
            % {"colour": str(PALETTE[key][0]).lower(), "ratio": f"{ratio:.1f}".replace(".", ",")}
        )


def validate_wordmark(value: str) -> None:
    lines = [line.strip() for line in str(value).splitlines() if line.strip()]
    if len(lines) > WORDMARK_MAX_LINES:
        raise ValidationError(
            _("Een woordmerk heeft hoogstens %(n)s regels.") % {"n": WORDMARK_MAX_LINES}
        )
    for line in lines:
        if len(line) > WORDMARK_MAX_CHARS:
            raise ValidationError(
                _("De regel '%(line)s' is te lang: hoogstens %(n)s tekens per regel.")
                % {"line": line[:40], "n": WORDMARK_MAX_CHARS}
            )


# The name in the logo area when a page belongs to no one organisation (the Rijk-wide careers
# site, the programme team's pages). A name, not translated: it is the sender's name.
RIJK_WORDMARK = "Rijksoverheid"


@dataclass(frozen=True)
class Identity:
    """What the logo area of a page shows: the lint with the woordmerk lines, or the
    organisation's own uploaded logo (``logo_url``) with the name as its text alternative."""

    lines: tuple[str, ...]
    name: str
    logo_url: str = ""
    slug: str = ""
    colour: str = DEFAULT_HOUSE_COLOUR

    @property
    def colour_class(self) -> str:
        """The class that gives the page this organisation's house colour."""
        return f"tb-house--{house_colour_key(self.colour)}"

    def as_dict(self) -> dict[str, Any]:
        return {
            "lines": list(self.lines),
            "name": self.name,
            "logo_url": self.logo_url,
            "slug": self.slug,
            "colour": self.colour,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Identity:
        return cls(
            lines=tuple(data.get("lines") or (RIJK_WORDMARK,)),
            name=str(data.get("name") or RIJK_WORDMARK),
            logo_url=str(data.get("logo_url") or ""),
            slug=str(data.get("slug") or ""),
            colour=house_colour_key(data.get("colour")),
        )


RIJK_IDENTITY = Identity(lines=(RIJK_WORDMARK,), name=RIJK_WORDMARK)


def wordmark_lines(organisation: Any) -> tuple[str, ...]:
    """The woordmerk as its lines; the organisation's full name when no woordmerk is set."""
    lines = tuple(
        line.strip() for line in str(organisation.wordmark or "").splitlines() if line.strip()
    )
    return lines or (str(organisation.name),)


def identity_for(organisation: Any | None) -> Identity:
    """The logo area for pages of this organisation (None: Rijk-wide)."""
    if organisation is None:
        return RIJK_IDENTITY
    logo_url = ""
    if getattr(organisation, "logo", None):
        logo_url = reverse("accounts:organisation_logo", args=[organisation.slug])
        logo_url += f"?v={organisation.logo_version}"
    return Identity(
        lines=wordmark_lines(organisation),
        name=str(organisation.name),
        logo_url=logo_url,
        slug=str(organisation.slug),
        colour=house_colour_key(getattr(organisation, "house_colour", None)),
    )


# --- An organisation's own logo ---------------------------------------------------------------
#
# Only raster images (PNG, JPEG, WebP), checked by content through the one upload validator
# (``core.filecheck``, registered by core in its ``ready()``: core stands on accounts, so
# accounts cannot import it). SVG is refused: it can carry scripts and links, and a logo is shown
# to every visitor of the careers site.

LOGO_MAX_BYTES = 1024 * 1024
LOGO_CONTENT_TYPES = {
    "png": "image/png",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "webp": "image/webp",
}

# (upload) -> (safe file name, sha256); raises ValidationError with the reason for a refusal.
ImageCheck = Callable[[Any], tuple[str, str]]
_image_check: list[ImageCheck] = []


def register_image_check(check: ImageCheck) -> None:
    _image_check[:] = [check]


def check_logo(upload: Any) -> tuple[str, str]:
    """The safe name and hash of an uploaded logo, or ValidationError (also when no checker is
    registered: a logo is never stored unchecked)."""
    if not _image_check:
        raise ValidationError(_("Een logo kan nu niet worden gecontroleerd. Probeer het later."))
    name, sha256 = _image_check[0](upload)
    if name.rsplit(".", 1)[-1].lower() not in LOGO_CONTENT_TYPES:
        raise ValidationError(_("Een logo is een PNG, JPG of WebP."))
    return name, sha256
