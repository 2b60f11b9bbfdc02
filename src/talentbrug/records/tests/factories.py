"""Factories for records tests. Documents are made without files unless a test adds one."""

from __future__ import annotations

import datetime

import factory
from django.core.files.base import ContentFile

from talentbrug.accounts.tests.factories import OrganisationFactory, UserFactory
from talentbrug.records.constants import AnalysisStatus, Waardering
from talentbrug.records.models import (
    Collection,
    DestructionList,
    DestructionListItem,
    Document,
    SelectielijstCategory,
)


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SelectielijstCategory

    organisation = factory.SubFactory(OrganisationFactory)
    # A range the demo's selectielijst never uses: the page tour makes these on top of seed_demo.
    code = factory.Sequence(lambda n: f"99.{n}")
    name = "Werving en selectie: sollicitatiedossier"
    waardering = Waardering.VERNIETIGEN
    bewaartermijn_years = 1
    trigger = "na afloop van de procedure"


class CollectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Collection

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Gedeelde schijf {n}")
    owner = factory.SubFactory(UserFactory)
    default_category = factory.LazyAttribute(lambda o: CategoryFactory(organisation=o.organisation))


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    collection = factory.SubFactory(CollectionFactory)
    organisation = factory.LazyAttribute(lambda o: o.collection.organisation)
    path = factory.Sequence(lambda n: f"Werving/2020/notitie-{n:03d}.txt")
    name = factory.LazyAttribute(lambda o: o.path.rsplit("/", 1)[-1])
    size = 10
    sha256 = factory.Sequence(lambda n: f"{n:064x}")
    detected_type = "txt"
    analysis_status = AnalysisStatus.DONE
    extracted_text = "Notitie over de werving"
    # Old enough for the default category's one-year term to have run out.
    document_date = datetime.date(2020, 3, 1)


def with_file(document: Document, content: bytes = b"inhoud van het document") -> Document:
    document.file.save(document.name, ContentFile(content), save=True)
    return document


class DestructionListFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DestructionList

    collection = factory.SubFactory(CollectionFactory)
    organisation = factory.LazyAttribute(lambda o: o.collection.organisation)
    name = factory.Sequence(lambda n: f"Vernietigingslijst {n}")
    created_by = factory.SubFactory(UserFactory)


class ItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DestructionListItem

    destruction_list = factory.SubFactory(DestructionListFactory)
    document = factory.LazyAttribute(
        lambda o: DocumentFactory(collection=o.destruction_list.collection, decision="discard")
    )
    record_name = factory.LazyAttribute(lambda o: o.document.name)
    record_path = factory.LazyAttribute(lambda o: o.document.path)
