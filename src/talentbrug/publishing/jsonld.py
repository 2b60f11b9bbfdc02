"""schema.org JobPosting (search engines) for a vacancy, and the rules we check it against.

``job_posting`` is a pure function of the vacancy and what the caller computed (absolute URL,
salary amounts, whether candidates apply on this site); it does no database writes.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import translation

from talentbrug.vacancies.checking import sanitise_html
from talentbrug.vacancies.constants import ContractType, RemoteOption, WerkDenkniveau
from talentbrug.vacancies.models import Vacancy

EMPLOYMENT_TYPES = frozenset(
    {
        "FULL_TIME",
        "PART_TIME",
        "CONTRACTOR",
        "TEMPORARY",
        "INTERN",
        "VOLUNTEER",
        "PER_DIEM",
        "OTHER",
    }
)
CREDENTIAL_CATEGORIES = frozenset(
    {
        "high school",
        "associate degree",
        "bachelor degree",
        "professional certificate",
        "postgraduate degree",
    }
)
FULL_TIME_HOURS = 36

# Contract type -> schema.org employmentType (hours add FULL_TIME and/or PART_TIME).
CONTRACT_EMPLOYMENT = {
    ContractType.PERMANENT: [],
    ContractType.TEMPORARY: ["TEMPORARY"],
    ContractType.BBL: ["OTHER"],  # a job plus school: no schema.org value fits exactly
    ContractType.INTERNSHIP: ["INTERN"],
    ContractType.TRAINEESHIP: ["TEMPORARY"],
    ContractType.LEARN_WORK: ["OTHER"],
}
# NLQF level -> credentialCategory (Google's list has no vocational category; mbo reads as
# 'high school' level, which is also what search engines compare against).
NLQF_CREDENTIAL = {
    "1": "high school",
    "2": "high school",
    "3": "high school",
    "4": "high school",
    "4+": "high school",
    "5": "associate degree",
    "6": "bachelor degree",
    "7": "postgraduate degree",
    "8": "postgraduate degree",
}
WERK_DENKNIVEAU_CREDENTIAL = {
    WerkDenkniveau.MBO: "high school",
    WerkDenkniveau.HBO: "bachelor degree",
}


def employment_types(vacancy: Vacancy) -> list[str]:
    types = list(CONTRACT_EMPLOYMENT.get(vacancy.contract_type, ["OTHER"]))
    if vacancy.contract_type != ContractType.INTERNSHIP:
        low = vacancy.hours_min or vacancy.hours_max
        high = vacancy.hours_max or vacancy.hours_min
        if high and high >= FULL_TIME_HOURS:
            types.append("FULL_TIME")
        if low and low < FULL_TIME_HOURS:
            types.append("PART_TIME")
        if not types:
            types.append("FULL_TIME")
    return types


def description_html(vacancy: Vacancy) -> str:
    parts = []
    for _name, heading, html in vacancy.sections():
        if html and html.strip():
            parts.append(f"<h3>{heading}</h3>{sanitise_html(html)}")
    return "".join(parts) or vacancy.title


def _valid_through(day: date) -> str:
    end = datetime.combine(day, time(23, 59, 59), tzinfo=ZoneInfo(settings.TIME_ZONE))
    return end.isoformat()


def _date_posted(vacancy: Vacancy) -> date:
    if vacancy.placement_date:
        return vacancy.placement_date
    moment = vacancy.published_at or vacancy.created_at
    return moment.astimezone(ZoneInfo(settings.TIME_ZONE)).date()


def _amount(value: Any) -> float:
    return float(Decimal(str(value)))


def _education(vacancy: Vacancy) -> dict[str, Any]:
    category = NLQF_CREDENTIAL.get(vacancy.min_education_level) or WERK_DENKNIVEAU_CREDENTIAL.get(
        vacancy.werk_denkniveau, "high school"
    )
    credential: dict[str, Any] = {
        "@type": "EducationalOccupationalCredential",
        "credentialCategory": category,
    }
    if vacancy.min_education_level:
        credential["educationalLevel"] = f"NLQF {vacancy.min_education_level}"
    else:
        credential["educationalLevel"] = str(vacancy.get_werk_denkniveau_display())
    return credential


def job_posting(
    vacancy: Vacancy,
    *,
    url: str,
    salary: tuple[Any, Any] | None,
    direct_apply: bool,
) -> dict[str, Any]:
    """The JobPosting as a dict, ready for ``json.dumps``."""
    organisation = vacancy.organisation
    hiring: dict[str, Any] = {"@type": "Organization", "name": organisation.name}
    if organisation.short_name and organisation.short_name != organisation.name:
        hiring["alternateName"] = organisation.short_name
    if organisation.website:
        hiring["sameAs"] = organisation.website
    posting: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "JobPosting",
        "title": vacancy.title,
        "description": description_html(vacancy),
        "datePosted": _date_posted(vacancy).isoformat(),
        "hiringOrganization": hiring,
        "identifier": {
            "@type": "PropertyValue",
            "name": organisation.name,
            "value": str(vacancy.pk),
        },
        "employmentType": employment_types(vacancy),
        "directApply": bool(direct_apply),
        "url": url,
        "inLanguage": "nl",
    }
    if vacancy.closing_date:
        posting["validThrough"] = _valid_through(vacancy.closing_date)
    if vacancy.location or vacancy.remote_option != RemoteOption.MOSTLY_REMOTE:
        address: dict[str, Any] = {"@type": "PostalAddress", "addressCountry": "NL"}
        if vacancy.location:
            address["addressLocality"] = vacancy.location
        if vacancy.region:
            address["addressRegion"] = vacancy.region
        posting["jobLocation"] = {"@type": "Place", "address": address}
    if vacancy.remote_option == RemoteOption.MOSTLY_REMOTE:
        posting["jobLocationType"] = "TELECOMMUTE"
        posting["applicantLocationRequirements"] = {"@type": "Country", "name": "NL"}
    if salary:
        posting["baseSalary"] = {
            "@type": "MonetaryAmount",
            "currency": "EUR",
            "value": {
                "@type": "QuantitativeValue",
                "minValue": _amount(salary[0]),
                "maxValue": _amount(salary[1]),
                "unitText": "MONTH",
            },
        }
    posting["educationRequirements"] = _education(vacancy)
    if vacancy.equivalent_by_experience:
        posting["experienceInPlaceOfEducation"] = True
    with translation.override("nl"):  # the posting is in Dutch, whoever looks at the page
        support = vacancy.support_sentence()
    if support:
        posting["jobBenefits"] = support
    if vacancy.hours_min or vacancy.hours_max:
        posting["workHours"] = (
            f"{vacancy.hours_min or vacancy.hours_max}-{vacancy.hours_max or vacancy.hours_min} uur per week"
        )
    return posting


def to_script_json(posting: dict[str, Any]) -> str:
    """JSON for inside <script type="application/ld+json">: '<', '>' and '&' escaped."""
    text = json.dumps(posting, ensure_ascii=False, sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


# --- The rules ------------------------------------------------------------------------


def _is_iso_date(value: Any) -> bool:
    try:
        date.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return len(value) == 10


def _is_iso_datetime_with_offset(value: Any) -> bool:
    try:
        parsed = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        return False
    return parsed.tzinfo is not None


def _typed(value: Any, type_name: str) -> bool:
    return isinstance(value, dict) and value.get("@type") == type_name


def problems(posting: dict[str, Any]) -> list[str]:
    """What is wrong with a JobPosting by our rules (Google's required + recommended properties).

    An empty list means: valid. The messages are for developers and tests.
    """
    found: list[str] = []

    def need(condition: bool, message: str) -> None:
        if not condition:
            found.append(message)

    need(posting.get("@context") == "https://schema.org", "@context must be https://schema.org")
    need(posting.get("@type") == "JobPosting", "@type must be JobPosting")
    title = posting.get("title")
    need(isinstance(title, str) and 0 < len(title.strip()) <= 200, "title: non-empty text")
    need(isinstance(title, str) and "<" not in title, "title: no markup")
    need(
        isinstance(posting.get("description"), str) and posting["description"].strip() != "",
        "description: non-empty text",
    )
    need(_is_iso_date(posting.get("datePosted")), "datePosted: ISO 8601 date")
    valid_through = posting.get("validThrough")
    need(
        _is_iso_datetime_with_offset(valid_through), "validThrough: ISO 8601 date-time with offset"
    )
    if _is_iso_date(posting.get("datePosted")) and _is_iso_datetime_with_offset(valid_through):
        need(
            datetime.fromisoformat(valid_through).date()
            >= date.fromisoformat(posting["datePosted"]),
            "validThrough: not before datePosted",
        )
    hiring = posting.get("hiringOrganization")
    need(
        _typed(hiring, "Organization") and bool(str(hiring.get("name", "")).strip()),
        "hiringOrganization: Organization with a name",
    )
    location = posting.get("jobLocation")
    if location is not None:
        address = location.get("address") if isinstance(location, dict) else None
        need(
            _typed(location, "Place") and _typed(address, "PostalAddress"),
            "jobLocation: Place with a PostalAddress",
        )
        if isinstance(address, dict):
            country = address.get("addressCountry")
            need(isinstance(country, str) and len(country) == 2, "addressCountry: ISO 3166 code")
    if posting.get("jobLocationType") is not None:
        need(posting["jobLocationType"] == "TELECOMMUTE", "jobLocationType: TELECOMMUTE")
        need(
            _typed(posting.get("applicantLocationRequirements"), "Country"),
            "applicantLocationRequirements: a Country with TELECOMMUTE",
        )
    need(
        location is not None or posting.get("jobLocationType") == "TELECOMMUTE",
        "jobLocation or jobLocationType TELECOMMUTE is required",
    )
    types = posting.get("employmentType")
    need(
        isinstance(types, list) and bool(types) and set(types) <= EMPLOYMENT_TYPES,
        "employmentType: a list of schema.org values",
    )
    identifier = posting.get("identifier")
    need(
        _typed(identifier, "PropertyValue")
        and isinstance(identifier.get("value"), str)
        and bool(identifier.get("name")),
        "identifier: PropertyValue with name and value",
    )
    need(isinstance(posting.get("directApply"), bool), "directApply: true or false")
    salary = posting.get("baseSalary")
    if salary is not None:
        value = salary.get("value") if isinstance(salary, dict) else None
        need(_typed(salary, "MonetaryAmount"), "baseSalary: MonetaryAmount")
        need(isinstance(salary, dict) and salary.get("currency") == "EUR", "baseSalary: EUR")
        need(_typed(value, "QuantitativeValue"), "baseSalary.value: QuantitativeValue")
        if isinstance(value, dict):
            low, high = value.get("minValue"), value.get("maxValue")
            numbers = all(
                isinstance(v, int | float) and not isinstance(v, bool) for v in (low, high)
            )
            need(numbers, "baseSalary: minValue and maxValue are numbers")
            need(numbers and 0 < low <= high, "baseSalary: 0 < minValue <= maxValue")
            need(value.get("unitText") == "MONTH", "baseSalary: unitText MONTH")
    education = posting.get("educationRequirements")
    if education is not None:
        need(
            education == "no requirements"
            or (
                _typed(education, "EducationalOccupationalCredential")
                and education.get("credentialCategory") in CREDENTIAL_CATEGORIES
            ),
            "educationRequirements: credential with a known credentialCategory",
        )
    if "experienceInPlaceOfEducation" in posting:
        need(
            isinstance(posting["experienceInPlaceOfEducation"], bool),
            "experienceInPlaceOfEducation: true or false",
        )
        need(education is not None, "experienceInPlaceOfEducation needs educationRequirements")
    try:
        json.dumps(posting)
    except (TypeError, ValueError):
        found.append("not serialisable as JSON")
    return found
