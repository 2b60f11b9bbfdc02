"""What an organisation may set of its look, within the Rijkshuisstijl.

The Rijkshuisstijl has one logo for all of central government (the Rijkslint with the
coat of arms) and a *woordmerk* per organisation: the name next to the lint, in at most
three lines. It has a fixed palette; an organisation picks one colour from it. White text
must stay readable on the chosen colour (WCAG 2.1 contrast of at least 4.5 to 1), so the
light colours of the palette are refused for this use.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
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
