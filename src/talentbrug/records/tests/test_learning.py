"""The learned suggestion earns trust: real words as evidence, a held-out success rate, no
certainty it cannot back up. Measured on a realistic mixed collection (mixed_collection.py)."""

from __future__ import annotations

import pytest

from talentbrug.records.constants import Decision
from talentbrug.records.learning import NaiveBayes, stop_words, tokens, wilson_lower_bound
from talentbrug.records.services import triage
from talentbrug.records.suggestions import MIN_CHECKED, learned_sentence, suggest

from .factories import DocumentFactory
from .mixed_collection import mixed_collection

NOT_EVIDENCE = {"docx", "pdf", "jpg", "jpeg", "png", "heic", "eml", "msg", "xlsx", "txt", "met"}


def test_extensions_stop_words_numbers_and_short_tokens_are_not_words():
    text = "Werving/2019/IMG_1234.jpg met de cv van Jan en het beleid.docx voor 2024 v2 x11"
    assert tokens(text) == ["werving", "img", "jan", "beleid"]
    assert {"docx", "jpg", "met", "the", "and", "pdf", "eml", "msg", "xlsx"} <= stop_words()
    # Words that carry meaning for keep or discard stay.
    assert {"besluit", "beleid", "factuur", "sollicitatie", "planning"}.isdisjoint(stop_words())


def test_heldout_figure_is_what_a_model_trained_only_on_earlier_decisions_got_right():
    samples = [(f"{s.path} {s.text}", s.decision) for s in mixed_collection(90, seed=3)]
    model = NaiveBayes.train(samples, evaluate_last=40)
    tally: dict[str, list[int]] = {}
    for i in range(len(samples) - 40, len(samples)):
        earlier = NaiveBayes.train(samples[:i], evaluate_last=0)
        guess = earlier.predict(samples[i][0])
        if guess is not None:
            counts = tally.setdefault(guess.label, [0, 0])
            counts[0] += guess.label == samples[i][1]
            counts[1] += 1
    assert model.heldout == tally
    assert model.checked == 40


def test_suggestion_is_right_on_held_out_decisions_of_a_realistic_collection(capsys):
    samples = mixed_collection(400, seed=7)
    model = NaiveBayes.train([(f"{s.path} {s.text}", s.decision) for s in samples])
    against = sum(1 for s in samples[-300:] if s.decision != _usual(s.kind))
    with capsys.disabled():
        print(
            f"\nlearned suggestion on 300 held-out decisions of a mixed collection: right "
            f"{model.right} of {model.checked} ({model.right / model.checked:.0%}); "
            f"{against} of those decisions went against the kind of document; per suggestion: "
            + ", ".join(f"{label} {r}/{t}" for label, (r, t) in sorted(model.heldout.items()))
        )
    assert model.checked == 300
    # The person went against the usual decision for the kind 8 % of the time; what is left
    # is learnable, so the suggestion is right at least 80 % of the time.
    assert model.right / model.checked >= 0.8
    for sample in samples[-50:]:
        prediction = model.predict(f"{sample.path} {sample.text}")
        assert not NOT_EVIDENCE & set(prediction.words), (sample.path, prediction.words)


def _usual(kind: str) -> str:
    from .mixed_collection import KINDS

    return KINDS[kind][0]


def test_wilson_lower_bound_is_cautious_with_little_data():
    assert wilson_lower_bound(0, 0) == 0.0
    assert wilson_lower_bound(3, 3) < 0.5  # three out of three proves little
    assert 0.70 < wilson_lower_bound(42, 50) < 0.84
    assert wilson_lower_bound(420, 500) > 0.8


@pytest.mark.django_db
def test_card_says_how_often_the_suggestion_was_right_not_how_sure_it_is(collection, manager):
    """Regression: the line said "100 % zeker ... door woorden als: docx / jpg / met"."""
    samples = mixed_collection(60, seed=11)
    for sample in samples:
        doc = DocumentFactory(
            collection=collection,
            path=sample.path,
            extracted_text=sample.text,
            sha256="",
            category=None,
        )
        triage.decide_document(doc, manager, Decision(sample.decision))
    target = DocumentFactory(
        collection=collection,
        path="Foto's/Teamuitje/2023/IMG_4242.jpg",
        extracted_text="met",
        sha256="",
    )
    suggestion = suggest(target)
    prediction = suggestion.learned
    assert prediction is not None and prediction.checked >= MIN_CHECKED
    text = suggestion.learned_text
    label = str(Decision(prediction.label).label).lower()
    assert text.startswith(
        f"Eerdere beslissingen wijzen op {label}. In deze verzameling klopte dat "
        f"{prediction.right} van de {prediction.checked} keer."
    )
    assert "%" not in text and "zeker" not in text
    assert not NOT_EVIDENCE & set(prediction.words)
    for word in ("jpg", "met", "docx"):
        assert f" {word}" not in text.split("meetellen:")[-1]


def test_too_few_decisions_are_said_and_never_preselect():
    from talentbrug.records.learning import Prediction

    few = Prediction("discard", 0.999, ("planning",), right=4, checked=4)
    text = learned_sentence(few)
    assert "nog te weinig beslissingen" in text and "4 van de 4" not in text
    assert few.reliability < 0.7  # suggest() only preselects from 0.7
    many = Prediction("keep", 0.6, (), right=42, checked=50)
    assert learned_sentence(many) == (
        "Eerdere beslissingen wijzen op bewaren. In deze verzameling klopte dat 42 van de 50 keer."
    )
    assert "meetellen" not in learned_sentence(many)


def test_guesses_of_an_unchanged_history_are_reused_not_recomputed(monkeypatch):
    samples = [(f"{s.path} {s.text}", s.decision) for s in mixed_collection(120, seed=5)]
    keys = [str(i) for i in range(len(samples))]
    before = NaiveBayes.train(samples[:-1], keys=keys[:-1])
    calls = []
    real = NaiveBayes._scores
    monkeypatch.setattr(
        NaiveBayes, "_scores", lambda self, words: calls.append(1) or real(self, words)
    )
    after = NaiveBayes.train(samples, keys=keys, known=before.guesses)
    assert len(calls) == 1  # only the new decision is predicted
    monkeypatch.setattr(NaiveBayes, "_scores", real)
    assert after.heldout == NaiveBayes.train(samples).heldout
    # A changed earlier decision changes the history after it: those guesses are recomputed.
    changed = list(samples)
    changed[60] = (changed[60][0], "keep" if changed[60][1] == "discard" else "discard")
    assert (
        NaiveBayes.train(changed, keys=keys, known=before.guesses).heldout
        == NaiveBayes.train(changed).heldout
    )
