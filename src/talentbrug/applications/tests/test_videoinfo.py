"""The pure video-length reader on small generated WebM and MP4 files (no Django)."""

from __future__ import annotations

import io

import pytest

from ..videoinfo import video_duration
from .helpers import mp4, mp4_of, pdf_cv, webm, webm_of


def _length(data: bytes) -> float | None:
    return video_duration(io.BytesIO(data))


@pytest.mark.parametrize("seconds", [1.5, 60, 179.9, 180, 181, 600])
def test_webm_duration_from_segment_info(seconds):
    assert _length(webm_of(seconds)) == pytest.approx(seconds, abs=0.01)


@pytest.mark.parametrize("unknown_sizes", [False, True])
def test_browser_recording_without_duration_uses_the_last_block(unknown_sizes):
    """MediaRecorder writes no Duration and clusters of unknown size."""
    data = webm_of(200.25, with_duration=False, unknown_sizes=unknown_sizes)
    assert _length(data) == pytest.approx(200.25, abs=0.01)
    assert _length(webm_of(12, with_duration=False, unknown_sizes=unknown_sizes)) == 12


def test_webm_with_another_timecode_scale():
    assert _length(webm_of(90, scale=1_000)) == pytest.approx(90, abs=0.01)


@pytest.mark.parametrize("version", [0, 1])
@pytest.mark.parametrize("moov_last", [False, True])
def test_mp4_duration_from_mvhd(version, moov_last):
    data = mp4_of(185.5, version=version, timescale=90_000, moov_last=moov_last)
    assert _length(data) == pytest.approx(185.5)


def test_unknown_or_broken_files_give_none():
    assert _length(webm()) is None  # only a header: length unknown
    assert _length(mp4()) is None  # no moov box
    assert _length(pdf_cv()) is None
    assert _length(b"") is None
    assert _length(webm_of(30)[:40]) is None  # cut off before the segment info
    assert _length(mp4_of(30, timescale=0)) is None


def test_hostile_sizes_do_not_raise():
    data = bytearray(webm_of(10))
    data[60:68] = b"\xff" * 8
    _length(bytes(data))  # any answer, but no exception
    assert _length(b"\x00\x00\x00\x01ftyp" + b"\xff" * 20) is None


def test_stream_is_rewound():
    stream = io.BytesIO(webm_of(10))
    video_duration(stream)
    assert stream.tell() == 0
