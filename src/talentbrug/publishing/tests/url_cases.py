"""Every publishing URL and who may use it (collected by tests/test_authorisation.py)."""

from talentbrug.tests.authz import PUBLIC, STAFF, UrlCase

from .factories import ChannelFactory, OpenVacancyFactory


def _vacancy(organisation):
    return {"pk": OpenVacancyFactory(organisation=organisation).pk}


def _public_vacancy(organisation):
    from talentbrug.publishing.facts import vacancy_slug

    vacancy = OpenVacancyFactory(organisation=organisation)
    return {"pk": vacancy.pk, "slug": vacancy_slug(vacancy)}


def _channel(organisation):
    channel = ChannelFactory(vacancy=OpenVacancyFactory(organisation=organisation))
    return {"pk": channel.vacancy_id, "channel_pk": channel.pk}


def _code(organisation):
    return {"code": ChannelFactory(vacancy=OpenVacancyFactory(organisation=organisation)).code}


def _org(organisation):
    OpenVacancyFactory(organisation=organisation)
    return {"org_slug": organisation.slug}


URL_CASES = [
    UrlCase("publishing:list", PUBLIC),
    UrlCase("publishing:feed_atom", PUBLIC),
    UrlCase("publishing:feed_json", PUBLIC),
    UrlCase("publishing:wvn_export", PUBLIC),
    UrlCase("publishing:sitemap", PUBLIC),
    UrlCase("publishing:robots", PUBLIC),
    UrlCase("publishing:vacancy", PUBLIC, make_kwargs=_public_vacancy),
    UrlCase("publishing:vacancy_redirect", PUBLIC, make_kwargs=_vacancy, ok_status=(301,)),
    UrlCase("publishing:track", PUBLIC, make_kwargs=_code, ok_status=(302,)),
    UrlCase("publishing:org_feed_atom", PUBLIC, make_kwargs=_org),
    UrlCase("publishing:org_feed_json", PUBLIC, make_kwargs=_org),
    UrlCase("publishing:org_wvn_export", PUBLIC, make_kwargs=_org),
    UrlCase("publishing:overview", STAFF, "publishing.view"),
    UrlCase("publishing:channels", STAFF, "publishing.view", make_kwargs=_vacancy),
    UrlCase(
        "publishing:channel_create",
        STAFF,
        "publishing.manage",
        method="post",
        make_kwargs=_vacancy,
        data={"name": "ROC Rijnland ICT", "kind": "mbo_school"},
        ok_status=(302,),
    ),
    UrlCase(
        "publishing:channel_stop",
        STAFF,
        "publishing.manage",
        method="post",
        make_kwargs=_channel,
        ok_status=(302,),
    ),
    UrlCase("publishing:flyer", STAFF, "publishing.view", make_kwargs=_channel),
    UrlCase("publishing:flyer_pdf", STAFF, "publishing.view", make_kwargs=_channel),
]
