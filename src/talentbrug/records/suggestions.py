"""Suggested decisions with reasons people understand. A suggestion never decides."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import date

from django.core.cache import cache
from django.db.models.functions import Substr
from django.utils import timezone
from django.utils.translation import gettext as _

from .constants import Decision, Waardering
from .learning import NaiveBayes, Prediction
from .models import Collection, Document, SelectielijstCategory
from .retention import document_verdict, term_end

LEARN_LIMIT = 2_000  # most recent decisions used for training


@dataclass
class Suggestion:
    decision: str  # Decision.KEEP or Decision.DISCARD, or "" when there is no suggestion
    reasons: list[str] = field(default_factory=list)
    learned: Prediction | None = None
    learned_text: str = ""

    @property
    def label(self) -> str:
        return str(Decision(self.decision).label) if self.decision else ""


def term_reason(
    category: SelectielijstCategory, document_date: date | None, today: date
) -> tuple[str, str]:
    """(suggested decision, reason) from the category's waardering and term."""
    if category.waardering == Waardering.BEWAREN:
        return Decision.KEEP, _("B: blijvend bewaren (categorie %(code)s)") % {
            "code": category.code
        }
    end = term_end(document_date, category.bewaartermijn_years)
    base = _("V, %(years)s jaar %(trigger)s") % {
        "years": category.bewaartermijn_years or 0,
        "trigger": category.trigger or _("na afloop"),
    }
    if end is None:
        return "", _("%(base)s — termijn onbekend: de startdatum ontbreekt") % {"base": base}
    if end <= today:
        return Decision.DISCARD, _("%(base)s — verlopen in %(year)s") % {
            "base": base,
            "year": end.year,
        }
    return Decision.KEEP, _("%(base)s — bewaren tot %(date)s") % {
        "base": base,
        "date": end.strftime("%d-%m-%Y"),
    }


TRAIN_CHARS = 3_000  # start of each document's text used for training and prediction
RETRAIN_EVERY = 10  # decisions; in between, a model at most RETRAIN_SECONDS old is reused
RETRAIN_SECONDS = 30
THROTTLE_FROM = 200  # decisions; below this, training is cheap and follows every decision


def _training_text(document: Document) -> str:
    return f"{document.path} {document.title} {document.extracted_text[:TRAIN_CHARS]}"


def _train(collection: Collection, previous: NaiveBayes | None = None) -> NaiveBayes:
    """Learn from the collection's most recent decisions, oldest first.

    Exact copies count once: a copy decided along with its original adds no evidence, and
    predicting it from its twin would make the held-out figure look better than it is.
    """
    decided = (
        Document.objects.filter(
            collection=collection, decision__in=[Decision.KEEP, Decision.DISCARD]
        )
        .order_by("-decided_at", "-pk")
        .annotate(start=Substr("extracted_text", 1, TRAIN_CHARS))
        .values_list("pk", "path", "title", "start", "decision", "sha256")[:LEARN_LIMIT]
    )
    seen: set[str] = set()
    samples = []
    keys = []
    for pk, path, title, start, decision, sha256 in reversed(list(decided)):
        if sha256 and sha256 in seen:
            continue
        seen.add(sha256)
        samples.append((f"{path} {title} {start}", decision))
        keys.append(f"{pk}:{len(start or '')}")  # a re-read text is a new sample
    known = previous.guesses if previous is not None else None
    return NaiveBayes.train(samples, keys=keys, known=known)


def learned_model(collection: Collection) -> NaiveBayes:
    """The collection's classifier, retrained as decisions come in (cached per version).

    Retraining reads up to 2,000 decisions, so once a model has learned from 200 or more
    it is not repeated for every single decision: a model trained fewer than 10 decisions
    and 30 seconds ago is reused. That keeps the next card fast in a collection of 10,000
    documents; smaller models follow every decision.
    """
    version = (
        Collection.objects.filter(pk=collection.pk)
        .values_list("decision_version", flat=True)
        .first()
    ) or 0
    key = f"records:nb:{collection.pk}"
    cached = cache.get(key)
    now = time.time()
    previous = None
    if cached is not None:
        trained_version, trained_at, model = cached
        fresh = trained_version == version or (
            sum(model.doc_counts.values()) >= THROTTLE_FROM
            and 0 <= version - trained_version < RETRAIN_EVERY
            and now - trained_at < RETRAIN_SECONDS
        )
        if fresh:
            return model
        previous = model
    model = _train(collection, previous)
    cache.set(key, (version, now, model), 3600)
    return model


def suggest(document: Document, *, today: date | None = None, learn: bool = True) -> Suggestion:
    """The suggested decision for one document, with every reason that applies."""
    today = today or timezone.localdate()
    suggestion = Suggestion(decision="")
    discard_reasons: list[str] = []
    keep_reasons: list[str] = []
    if document.empty_or_temporary_reason:
        discard_reasons.append(
            _("Leeg of tijdelijk bestand (%(reason)s)")
            % {"reason": document.empty_or_temporary_reason}
        )
    if document.sha256:
        kept = (
            Document.objects.filter(
                collection__organisation_id=document.organisation_id,
                sha256=document.sha256,
                decision=Decision.KEEP,
            )
            .exclude(pk=document.pk)
            .first()
        )
        if kept is not None:
            discard_reasons.append(
                _("Exacte kopie van een bewaard document: %(path)s") % {"path": kept.path}
            )
    category = document.category or document.collection.default_category
    term_decision = ""
    if category is not None:
        term_decision, reason = term_reason(category, document.term_date, today)
        (discard_reasons if term_decision == Decision.DISCARD else keep_reasons).append(reason)
        if term_decision == Decision.DISCARD and document.has_personal_data:
            discard_reasons.append(_("Bevat persoonsgegevens en de termijn is verlopen"))
    if document.near_duplicate_of_id and document.near_duplicate_similarity:
        other = document.near_duplicate_of
        text = _("Lijkt voor %(percent)s%% op %(path)s") % {
            "percent": round(document.near_duplicate_similarity * 100),
            "path": other.path if other else "",
        }
        if other is not None and other.decision == Decision.KEEP:
            text += " " + _("(dat document wordt bewaard)")
            discard_reasons.append(text)
        else:
            suggestion.reasons.append(text)
    # Never suggest discarding what the selectielijst refuses (B, unknown date, term running).
    if discard_reasons and (
        category is None or document_verdict(document, today=today).destroyable
    ):
        suggestion.decision = Decision.DISCARD
    elif keep_reasons:
        suggestion.decision = Decision.KEEP
    suggestion.reasons = discard_reasons + keep_reasons + suggestion.reasons
    if learn:
        prediction = learned_model(document.collection).predict(_training_text(document))
        if prediction is not None:
            suggestion.learned = prediction
            suggestion.learned_text = learned_sentence(prediction)
            if not suggestion.decision and prediction.reliability >= LEARNED_DECIDES_FROM:
                suggestion.decision = prediction.label
    return suggestion


MIN_CHECKED = 10  # held-out decisions before we say how often the suggestion was right
LEARNED_DECIDES_FROM = 0.7  # lower 95 % bound of the success rate to preselect the suggestion


def learned_sentence(prediction: Prediction) -> str:
    """What the learned suggestion may claim: how often it was right here, never a certainty."""
    label = str(Decision(prediction.label).label).lower()
    text = _("Eerdere beslissingen wijzen op %(label)s.") % {"label": label}
    if prediction.checked < MIN_CHECKED:
        text += " " + _("Er zijn nog te weinig beslissingen om te zeggen hoe vaak dat klopt.")
    else:
        text += " " + _("In deze verzameling klopte dat %(right)s van de %(total)s keer.") % {
            "right": prediction.right,
            "total": prediction.checked,
        }
    if prediction.words:
        text += " " + _("Woorden die meetellen: %(words)s.") % {
            "words": ", ".join(prediction.words)
        }
    return text
