"""Careers site (public) and channel pages (staff). Thin: parse, authorise, call, respond."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Sum, prefetch_related_objects
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import get_template, render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from talentbrug.accounts.access import can, get_for_organisation, scoped, staff_required
from talentbrug.accounts.branding import identity_for
from talentbrug.accounts.models import Organisation
from talentbrug.vacancies.constants import VacancyStatus
from talentbrug.vacancies.models import Vacancy
from talentbrug.vacancies.routes import usable_routes

from . import feeds, flyer, jsonld, pagecache, services, wvn
from .attribution import remember_channel
from .constants import PAGE_SIZE, SIMILAR_COUNT
from .facts import apply_link, facts_for, public_url, salary_ranges, vacancy_slug
from .forms import ChannelForm, SearchForm
from .models import Channel
from .search import is_open, open_vacancies, search_vacancies, similar_vacancies

# Statuses whose public page exists: open, or closed with a "closed" notice. Others give 404.
PUBLIC_STATUSES = (VacancyStatus.PUBLISHED, VacancyStatus.CLOSED, VacancyStatus.FILLED)
SESSION_SEEN_KEY = "publishing_seen_channels"


# --- Careers site ------------------------------------------------------------------------


# The list's own parameters: anything else in the query string is left out of the cache key
# (and out of the pagination links), so made-up parameters cannot fill the cache.
LIST_PARAMS = (*SearchForm.base_fields, "pagina")


def list_params(request: HttpRequest) -> list[tuple[str, list[str]]]:
    return [(name, request.GET.getlist(name)) for name in LIST_PARAMS if name in request.GET]


@require_GET
@pagecache.anonymous_page
def vacancy_list(request: HttpRequest) -> HttpResponse:
    """The list with search and filters. Its content is the same for every visitor with the same
    search parameters and language: rendered once and kept (``pagecache``); the shell is per
    request. On a miss only the ids are searched; the result cards come from the card cache."""
    params = list_params(request)
    cache_key = pagecache.key("list", params)
    parts = pagecache.get(cache_key)
    if parts is None:
        form = SearchForm(request.GET)
        results = search_vacancies(form.query(), form.filters()).values_list("pk", "updated_at")
        page = Paginator(results, PAGE_SIZE).get_page(request.GET.get("pagina"))
        context = {
            "form": form,
            "page": page,
            "searching": form.active(),
            "filters_active": len(form.filters()),
            "cards": _cards(list(page.object_list)),
            "params": params,
        }
        parts = {
            "searching": context["searching"],
            "body": render_to_string("publishing/_vacancy_list_body.html", context, request),
            "identity": _list_identity(form.filters().get("organisatie")),
        }
        pagecache.put(cache_key, parts)
    return render(
        request,
        "publishing/vacancy_list.html",
        {
            "searching": parts["searching"],
            "body": parts["body"],  # |safe: our own template
            "page_identity": parts.get("identity"),
        },
    )


def _list_identity(organisation_filter: Any) -> dict[str, Any] | None:
    """The list of one organisation's vacancies carries that organisation's woordmerk; the
    Rijk-wide list (or several organisations) the Rijk's (None)."""
    slug = getattr(organisation_filter, "slug", organisation_filter)
    if not slug or not isinstance(slug, str):
        return None
    organisation = Organisation.objects.filter(slug=slug, is_active=True).first()
    return identity_for(organisation).as_dict() if organisation else None


def _cards(items: list[tuple[int, Any]]) -> SafeString:
    """The rendered result cards of one page, in order: from the card cache, the missing ones
    rendered (in a constant number of queries) and kept."""
    keys = pagecache.card_keys(items)
    found = pagecache.get_many(keys.values())
    missing = [pk for pk, _updated in items if keys[pk] not in found]
    if missing:
        vacancies = list(Vacancy.objects.select_related("organisation").filter(pk__in=missing))
        facts = _facts_map(vacancies)
        template = get_template("publishing/_vacancy_card.html")
        fresh = {keys[v.pk]: template.render({"vacancy": v, "facts": facts}) for v in vacancies}
        pagecache.put_many(fresh)
        found.update(fresh)
    return mark_safe("".join(found.get(keys[pk], "") for pk, _updated in items))


def _facts_map(vacancies: list[Vacancy]) -> dict[int, Any]:
    """Facts of some vacancies, in a constant number of queries (not 3 per card)."""
    prefetch_related_objects(vacancies, "language_requirements")
    salaries = salary_ranges(vacancies)
    return {vacancy.pk: facts_for(vacancy, salaries[vacancy.pk]) for vacancy in vacancies}


def _public_vacancy(pk: int) -> Vacancy:
    vacancy = (
        Vacancy.objects.select_related("organisation")
        .filter(pk=pk, status__in=PUBLIC_STATUSES, is_template=False, organisation__is_active=True)
        .first()
    )
    if vacancy is None:
        raise Http404(_("Deze vacature bestaat niet."))
    return vacancy


@require_GET
def vacancy_redirect(request: HttpRequest, pk: int) -> HttpResponse:
    return redirect(public_url(_public_vacancy(pk)), permanent=True)


@require_GET
@pagecache.anonymous_page
def vacancy_detail(request: HttpRequest, pk: int, slug: str) -> HttpResponse:
    """The vacancy page. Its content and JSON-LD are rendered once per vacancy, language and host
    and kept (``pagecache``, forgotten on any change); the shell with the CSP nonce is rendered
    per request."""
    cache_key = pagecache.key("vacancy", [pk, request.scheme, request.get_host()])
    parts = pagecache.get(cache_key)
    if parts is None:
        parts = _vacancy_parts(request, _public_vacancy(pk))
        pagecache.put(cache_key, parts)
    if slug != parts["slug"]:
        return redirect(parts["url"], permanent=True)
    return render(
        request,
        "publishing/vacancy_detail.html",
        {
            "display_title": parts["title"],
            "posting_json": parts["posting_json"],
            "body": parts["body"],  # |safe in the shell: rendered by our own template
            "page_identity": parts.get("identity"),
        },
    )


def _vacancy_parts(request: HttpRequest, vacancy: Vacancy) -> dict[str, Any]:
    """What the vacancy page shows, rendered: the same for every visitor (no nonce, no token)."""
    salary = salary_ranges([vacancy])[vacancy.pk]  # one query (salary_range() takes two)
    open_now = is_open(vacancy)
    href, direct = apply_link(vacancy)
    content_lang, display_title, display_sections = vacancy.public_version(get_language())
    context: dict[str, Any] = {
        "vacancy": vacancy,
        "content_lang": content_lang,
        "display_title": display_title,
        "display_sections": display_sections,
        "facts": facts_for(vacancy, salary),
        "is_open": open_now,
        "apply_href": href,
        "apply_direct": direct,
        "requirements": list(
            vacancy.requirements.select_related("skill").order_by("-kind", "position", "pk")
        ),
    }
    posting_json = ""
    if open_now:
        posting = jsonld.job_posting(
            vacancy,
            url=request.build_absolute_uri(public_url(vacancy)),
            salary=salary,
            direct_apply=direct,
        )
        posting_json = jsonld.to_script_json(posting)
    else:
        # A closed vacancy still answers 200 with a clear notice and similar open vacancies
        # (a 410 would hide those from visitors with an old link); search engines get noindex.
        context["similar"] = similar_vacancies(vacancy, SIMILAR_COUNT)
    return {
        "slug": vacancy_slug(vacancy),
        "url": public_url(vacancy),
        "title": display_title,
        "identity": identity_for(vacancy.organisation).as_dict(),
        "posting_json": posting_json,
        "body": render_to_string("publishing/_vacancy_detail_body.html", context, request),
    }


@require_GET
def track(request: HttpRequest, code: str) -> HttpResponse:
    """A tracked channel link: count the visit once per session, remember the channel, go on."""
    channel = get_object_or_404(Channel.objects.select_related("vacancy"), code=code.lower())
    vacancy = channel.vacancy
    if vacancy.status not in PUBLIC_STATUSES or vacancy.is_template:
        raise Http404(_("Deze vacature bestaat niet."))
    seen = list(request.session.get(SESSION_SEEN_KEY, []))
    if channel.pk not in seen:
        services.count_visit(channel)
        request.session[SESSION_SEEN_KEY] = [*seen, channel.pk][-50:]
    remember_channel(request, channel)
    return redirect(public_url(vacancy))


# --- Feeds and exports ----------------------------------------------------------------------


def _feed_source(org_slug: str | None) -> tuple[Any, Organisation | None]:
    vacancies = open_vacancies().select_related("organisation").order_by("-published_at", "-pk")
    if org_slug is None:
        return vacancies, None
    organisation = get_object_or_404(Organisation, slug=org_slug, is_active=True)
    return vacancies.filter(organisation=organisation), organisation


def _feed_title(organisation: Organisation | None) -> str:
    if organisation is None:
        return _("Open vacatures – Talentbrug")
    return _("Open vacatures van %(organisation)s") % {"organisation": organisation.name}


def _feed_urls(
    request: HttpRequest, organisation: Organisation | None, kind: str
) -> tuple[str, str]:
    if organisation is None:
        feed = reverse(f"publishing:feed_{kind}")
        home = reverse("publishing:list")
    else:
        feed = reverse(f"publishing:org_feed_{kind}", kwargs={"org_slug": organisation.slug})
        home = reverse("publishing:list") + f"?organisatie={organisation.slug}"
    return request.build_absolute_uri(home), request.build_absolute_uri(feed)


@require_GET
def feed_atom(request: HttpRequest, org_slug: str | None = None) -> HttpResponse:
    vacancies, organisation = _feed_source(org_slug)
    home, feed = _feed_urls(request, organisation, "atom")
    body = feeds.atom_feed(
        vacancies[: feeds.FEED_LIMIT],
        title=_feed_title(organisation),
        link=home,
        feed_url=feed,
        absolute=request.build_absolute_uri,
    )
    return HttpResponse(body, content_type="application/atom+xml; charset=utf-8")


@require_GET
def feed_json(request: HttpRequest, org_slug: str | None = None) -> HttpResponse:
    vacancies, organisation = _feed_source(org_slug)
    home, feed = _feed_urls(request, organisation, "json")
    document = feeds.json_feed(
        vacancies[: feeds.FEED_LIMIT],
        title=_feed_title(organisation),
        home_url=home,
        feed_url=feed,
        absolute=request.build_absolute_uri,
    )
    response = JsonResponse(document, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/feed+json; charset=utf-8"
    return response


@require_GET
def wvn_export(request: HttpRequest, org_slug: str | None = None) -> HttpResponse:
    vacancies, _organisation = _feed_source(org_slug)

    def apply_url(vacancy: Vacancy) -> str:
        href = apply_link(vacancy)[0]
        return request.build_absolute_uri(href) if href.startswith("/") else href

    body = wvn.export_xml(
        vacancies,
        absolute=request.build_absolute_uri,
        salary_for=lambda v: v.salary_range(),
        apply_url_for=apply_url,
    )
    return HttpResponse(body, content_type="application/xml; charset=utf-8")


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /medewerkers/",
        "Disallow: /account/",
        "Disallow: /beheer/",
        "Disallow: /v/",
        "Allow: /",
        f"Sitemap: {request.build_absolute_uri(reverse('publishing:sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


# --- Staff: channels ------------------------------------------------------------------------


def _vacancy(request: HttpRequest, pk: int) -> Vacancy:
    return get_for_organisation(
        Vacancy.objects.select_related("organisation"),
        request.organisation,  # type: ignore[attr-defined]
        pk=pk,
    )


def _channel(vacancy: Vacancy, channel_pk: int) -> Channel:
    channel = vacancy.channels.filter(pk=channel_pk).first()
    if channel is None:
        raise Http404(_("Dit kanaal bestaat niet."))
    return channel


def applications_per_channel(channels: list[Channel]) -> dict[int, int] | None:
    """Applications per channel, counted from any model that points at Channel.

    The applications app records the channel of an application (a ForeignKey to Channel);
    until such a model exists this returns None and the page leaves the column out.
    """
    relations = [
        rel
        for rel in Channel._meta.related_objects
        if rel.one_to_many and rel.related_model._meta.app_label == "applications"
    ]
    if not relations:
        return None
    counts = dict.fromkeys((c.pk for c in channels), 0)
    for rel in relations:
        rows = (
            rel.related_model._default_manager.filter(**{f"{rel.field.name}__in": channels})
            .values_list(rel.field.name)
            .annotate(n=Count("pk"))
        )
        for channel_pk, n in rows:
            counts[channel_pk] = counts.get(channel_pk, 0) + n
    return counts


@staff_required("publishing.view")
def overview(request: HttpRequest) -> HttpResponse:
    vacancies = (
        scoped(Vacancy.objects.all(), request.organisation)  # type: ignore[attr-defined]
        .filter(
            is_template=False,
            status__in=[VacancyStatus.APPROVED, *PUBLIC_STATUSES],
        )
        .annotate(channel_count=Count("channels"), visits=Sum("channels__visit_count"))
        .order_by("-published_at", "-pk")
    )
    page = Paginator(vacancies, 25).get_page(request.GET.get("pagina"))
    return render(request, "publishing/overview.html", {"page": page})


def _channels_page(
    request: HttpRequest, vacancy: Vacancy, form: ChannelForm, status: int = 200
) -> HttpResponse:
    channels = list(vacancy.channels.order_by("-is_active", "name"))
    posting = None
    posting_problems: list[str] = []
    if is_open(vacancy):
        posting = jsonld.job_posting(
            vacancy,
            url=request.build_absolute_uri(public_url(vacancy)),
            salary=vacancy.salary_range(),
            direct_apply=apply_link(vacancy)[1],
        )
        posting_problems = jsonld.problems(posting)
    applications = applications_per_channel(channels)
    rows = [
        {
            "channel": c,
            "link": request.build_absolute_uri(c.get_absolute_url()),
            "applications": applications.get(c.pk, 0) if applications is not None else None,
        }
        for c in channels
    ]
    return render(
        request,
        "publishing/channels.html",
        {
            "vacancy": vacancy,
            "rows": rows,
            "form": form,
            "can_manage": can(request, "publishing.manage"),
            "is_open": is_open(vacancy),
            "public_url": public_url(vacancy),
            "posting": posting,
            "posting_problems": posting_problems,
            "show_applications": applications is not None,
        },
        status=status,
    )


@staff_required("publishing.view")
def channels(request: HttpRequest, pk: int) -> HttpResponse:
    vacancy = _vacancy(request, pk)
    return _channels_page(request, vacancy, ChannelForm())


@require_POST
@staff_required("publishing.manage")
def channel_create(request: HttpRequest, pk: int) -> HttpResponse:
    vacancy = _vacancy(request, pk)
    form = ChannelForm(request.POST)
    if form.is_valid():
        try:
            channel = services.create_channel(
                vacancy,
                user=request.user,
                roles=request.roles,  # type: ignore[attr-defined]
                name=form.cleaned_data["name"],
                kind=form.cleaned_data["kind"],
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                for error in errors:
                    form.add_error(field if field in form.fields else None, error)
        else:
            messages.success(
                request, _("Kanaal '%(name)s' is aangemaakt.") % {"name": channel.name}
            )
            return redirect("publishing:channels", pk=vacancy.pk)
    return _channels_page(request, vacancy, form, status=400)


@require_POST
@staff_required("publishing.manage")
def channel_stop(request: HttpRequest, pk: int, channel_pk: int) -> HttpResponse:
    vacancy = _vacancy(request, pk)
    channel = _channel(vacancy, channel_pk)
    services.stop_channel(channel, user=request.user, roles=request.roles)  # type: ignore[attr-defined]
    messages.success(request, _("Kanaal '%(name)s' is gestopt.") % {"name": channel.name})
    return redirect("publishing:channels", pk=vacancy.pk)


def _flyer_context(request: HttpRequest, vacancy: Vacancy, channel: Channel) -> dict[str, Any]:
    link = request.build_absolute_uri(channel.get_absolute_url())
    return {
        "vacancy": vacancy,
        "channel": channel,
        "link": link,
        "facts": facts_for(vacancy),
        "qr_png": flyer.qr_png_data_uri(link),
        "qr_svg": flyer.qr_svg_data_uri(link),
        "recruitment_day": "recruitment_day" in usable_routes(vacancy),
    }


@staff_required("publishing.view")
def flyer_print(request: HttpRequest, pk: int, channel_pk: int) -> HttpResponse:
    vacancy = _vacancy(request, pk)
    channel = _channel(vacancy, channel_pk)
    return render(request, "publishing/flyer.html", _flyer_context(request, vacancy, channel))


@staff_required("publishing.view")
def flyer_pdf(request: HttpRequest, pk: int, channel_pk: int) -> HttpResponse:
    vacancy = _vacancy(request, pk)
    channel = _channel(vacancy, channel_pk)
    html = render_to_string(
        "publishing/flyer_pdf.html", _flyer_context(request, vacancy, channel), request=request
    )
    pdf = flyer.render_pdf(html, base_url=request.build_absolute_uri("/"))
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"flyer-{vacancy_slug(vacancy)}-{channel.code}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
