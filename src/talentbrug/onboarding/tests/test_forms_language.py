"""Form labels follow the language of the request, not the language of the first request after
start-up (the check-in moods stayed Arabic for everyone once an Arabic page had loaded them)."""

from django.utils import translation

from talentbrug.onboarding.forms import CheckInForm


def _moods() -> list[str]:
    return [str(label) for _value, label in CheckInForm().fields["mood"].choices]


def test_mood_labels_follow_the_active_language():
    with translation.override("ar"):
        arabic = _moods()
    with translation.override("en"):
        english = _moods()
    with translation.override("nl"):
        dutch = _moods()
    assert dutch[0] == "1 – Heel slecht" and dutch[-1] == "5 – Heel goed"
    assert english[0] != dutch[0] and arabic[0] not in (english[0], dutch[0])
    assert english[0].startswith("1 – ")
