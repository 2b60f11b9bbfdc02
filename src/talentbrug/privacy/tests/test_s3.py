"""The same removal on an S3-style storage (django-storages S3Storage on moto's fake S3)."""

from __future__ import annotations

from datetime import timedelta

import boto3
import pytest
from freezegun import freeze_time
from moto import mock_aws

from talentbrug.applications.models import Document
from talentbrug.privacy.services import erasure as erasure_services
from talentbrug.privacy.services import purge as purge_services

from . import factories as f

pytestmark = pytest.mark.django_db
BUCKET = "talentbrug-test-private"


@pytest.fixture
def s3(settings, monkeypatch):
    for key, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_DEFAULT_REGION": "eu-west-1",
    }.items():
        monkeypatch.setenv(key, value)
    with mock_aws():
        client = boto3.client("s3", region_name="eu-west-1")
        client.create_bucket(
            Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "eu-west-1"}
        )
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {
                    "bucket_name": BUCKET,
                    "region_name": "eu-west-1",
                    "access_key": "testing",
                    "secret_key": "testing",
                    "default_acl": "private",
                    "querystring_auth": True,
                    "file_overwrite": False,
                },
            },
        }
        yield client


def _keys(client) -> set[str]:
    return {o["Key"] for o in client.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def test_expired_files_are_removed_from_s3(s3, organisation, django_capture_on_commit_callbacks):
    with freeze_time("2026-01-05 09:00:00+00:00"):
        app = f.application(organisation)
        cv = f.document(app, "cv", b"%PDF-1.4 cv van Amina")
        video = f.document(app, "video", b"video")
        keep = f.application(organisation)
        kept = f.document(keep, "cv", b"lopende sollicitatie")
        f.withdrawn(app, f.now())
    assert _keys(s3) == {cv.file.name, video.file.name, kept.file.name}
    with freeze_time("2026-02-10"), django_capture_on_commit_callbacks(execute=True):
        purge_services.purge_expired()
    assert _keys(s3) == {kept.file.name}
    assert not Document.objects.filter(pk__in=[cv.pk, video.pk]).exists()


def test_s3_erasure_request_removes_the_files(
    s3, organisation, make_staff, django_capture_on_commit_callbacks
):
    from talentbrug.applications.services.portal import request_deletion

    app = f.application(organisation)
    doc = f.document(app)
    request = request_deletion(app.candidate)
    with django_capture_on_commit_callbacks(execute=True):
        erasure_services.carry_out_erasure(
            request, user=make_staff(organisation), organisation=organisation
        )
    assert doc.file.name not in _keys(s3)
    assert erasure_services.erasure_deadline(request) - request.requested_at >= timedelta(days=28)
