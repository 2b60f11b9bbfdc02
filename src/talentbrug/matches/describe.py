"""The stored explanation JSON in plain Dutch (translatable), for staff and candidates."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

RELATIONS = {
    "narrower": gettext_lazy("een specialisatie hiervan"),
    "broader": gettext_lazy("een bredere vaardigheid"),
    "sibling": gettext_lazy("een verwante vaardigheid uit dezelfde groep"),
    "related": gettext_lazy("een vaardigheid die ESCO hieraan koppelt"),
    "embedding": gettext_lazy("een vaardigheid met bijna dezelfde betekenis"),
}
LANGUAGES = {"nl": gettext_lazy("Nederlands"), "en": gettext_lazy("Engels")}
LANGUAGE_SKILLS = {
    "reading": gettext_lazy("lezen"),
    "listening": gettext_lazy("luisteren"),
    "writing": gettext_lazy("schrijven"),
    "speaking": gettext_lazy("spreken"),
}
COMPONENTS = {
    "must_have": gettext_lazy("Eisen bij de start"),
    "learnable": gettext_lazy("Leer je bij ons"),
    "language": gettext_lazy("Taal"),
    "hours": gettext_lazy("Uren"),
    "availability": gettext_lazy("Beschikbaar"),
    "location": gettext_lazy("Regio"),
    "education": gettext_lazy("Opleidingsniveau"),
    "text": gettext_lazy("Tekst lijkt op de vacature"),
}
NOTES = {
    "Vacancy has no skill requirements: ranked on the other signals only.": gettext_lazy(
        "De vacature heeft geen vaardigheden als eis. De volgorde komt alleen uit taal, uren, "
        "beschikbaarheid, regio en niveau."
    ),
    "Vacancy has no requirements at all: every candidate scores the same.": gettext_lazy(
        "De vacature heeft nog geen eisen. Iedereen krijgt dezelfde score."
    ),
    "Candidate did not state hours.": gettext_lazy("De kandidaat gaf geen uren op."),
    "Education level substituted by demonstrated skills.": gettext_lazy(
        "Het opleidingsniveau telt niet mee: de vaardigheden laten genoeg zien."
    ),
}


@dataclass
class Described:
    score_percent: int
    matched: list[str] = field(default_factory=list)
    partly: list[str] = field(default_factory=list)
    learnable_missing: list[str] = field(default_factory=list)
    must_missing: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    components: list[tuple[str, int, int]] = field(default_factory=list)  # label, %, weight %
    notes: list[str] = field(default_factory=list)


def language_line(item: dict[str, Any]) -> str:
    what = f"{LANGUAGES.get(item['language'], item['language'])} {LANGUAGE_SKILLS.get(item['skill'], item['skill'])}"
    have = item.get("candidate") or _("onbekend")
    if item["status"] == "ok":
        return _("%(what)s: %(need)s gevraagd, kandidaat %(have)s — past") % {
            "what": what,
            "need": item["required"],
            "have": have,
        }
    if item["status"] == "unknown" or not item.get("candidate"):
        return _(
            "%(what)s: %(need)s gevraagd, niveau van de kandidaat niet bekend — vraag ernaar"
        ) % {
            "what": what,
            "need": item["required"],
        }
    if item["status"] == "with_coach":
        return _("%(what)s: %(need)s gevraagd, kandidaat %(have)s — haalbaar met een taalcoach") % {
            "what": what,
            "need": item["required"],
            "have": have,
        }
    if item.get("at_start"):
        return _("%(what)s: %(need)s nodig bij de start, kandidaat %(have)s — nog niet") % {
            "what": what,
            "need": item["required"],
            "have": have,
        }
    return _("%(what)s: %(need)s gevraagd, kandidaat %(have)s — te ver voor een taalcoach") % {
        "what": what,
        "need": item["required"],
        "have": have,
    }


def describe(explanation: dict[str, Any], free_requirements: list[str] | None = None) -> Described:
    out = Described(score_percent=round(100 * float(explanation.get("score", 0.0))))
    out.matched = [
        _("%(label)s (gevonden in de tekst van de kandidaat, nog niet bevestigd)")
        % {"label": item["label"]}
        if item.get("strength", 1.0) < 1.0
        else item["label"]
        for item in explanation.get("matched", [])
    ]
    for item in explanation.get("partly_matched", []):
        out.partly.append(
            _("%(label)s — deels, via %(via)s (%(relation)s)")
            % {
                "label": item["label"],
                "via": item.get("via_label", ""),
                "relation": RELATIONS.get(item.get("relation", ""), item.get("relation", "")),
            }
        )
    out.learnable_missing = [item["label"] for item in explanation.get("missing_learnable", [])]
    out.must_missing = [item["label"] for item in explanation.get("missing_must_have", [])]
    out.languages = [language_line(item) for item in explanation.get("languages", [])]
    weights = explanation.get("weights", {})
    components = explanation.get("components", {})
    for key, label in COMPONENTS.items():
        if key in weights:
            out.components.append(
                (
                    str(label),
                    round(100 * float(components.get(key, 0.0))),
                    round(100 * weights[key]),
                )
            )
    out.notes = [str(NOTES.get(note, note)) for note in explanation.get("notes", [])]
    text = explanation.get("text") or {}
    if text.get("other_work"):
        out.notes.append(
            _(
                "De tekst van de kandidaat beschrijft vooral werk buiten de ICT: woorden die "
                "overeenkomen tellen niet als bewijs, alleen bevestigde vaardigheden."
            )
        )
    elif text.get("evidence"):
        out.notes.append(
            _(
                "De tekst van de kandidaat lijkt sterk op de vacaturetekst (taalmodel): dat telt "
                "als aanwijzing, ook waar geen vaardigheid in gevonden is."
            )
        )
    elif "text" in weights and text.get("similarity") is None:
        out.notes.append(_("Van deze kandidaat is nog geen tekst gelezen."))
    if free_requirements:
        out.notes.append(
            _("%(count)s eigen competenties zonder ESCO-koppeling tellen niet mee in de score.")
            % {"count": len(free_requirements)}
        )
    return out
