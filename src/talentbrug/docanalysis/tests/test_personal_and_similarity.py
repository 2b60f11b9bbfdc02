from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from talentbrug.docanalysis import (
    NearDuplicateIndex,
    find_bsns,
    find_ibans,
    is_valid_bsn,
    is_valid_iban,
    jaccard,
    minhash_signature,
    personal_data_signs,
    signature_from_hex,
    signature_to_hex,
    similarity,
)

# ----------------------------------------------------------------- BSN (elfproef)


@pytest.mark.parametrize(
    "bsn", ["111222333", "123456782", "1112.22.333", "111 222 333", "12345672"]
)
def test_bsn_valid(bsn: str) -> None:
    assert is_valid_bsn(bsn)


@pytest.mark.parametrize(
    "bsn", ["123456789", "111222334", "000000000", "12345678a", "1234567890", "", "11122233"]
)
def test_bsn_invalid(bsn: str) -> None:
    assert not is_valid_bsn(bsn)


def _elfproef(digits: str) -> bool:
    weights = [9, 8, 7, 6, 5, 4, 3, 2, -1]
    return sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 == 0


@given(st.from_regex(r"[0-9]{9}", fullmatch=True))
def test_bsn_matches_reference(digits: str) -> None:
    assert is_valid_bsn(digits) == (_elfproef(digits) and digits != "000000000")


def test_find_bsns_in_text() -> None:
    text = "BSN: 111222333, klantnr 123456789, telefoon 0612345678, bedrag 111222333,50"
    assert find_bsns(text) == ["111222333"]


# ----------------------------------------------------------------- IBAN (mod 97)


@pytest.mark.parametrize(
    "iban",
    [
        "NL91ABNA0417164300",
        "NL91 ABNA 0417 1643 00",
        "nl91abna0417164300",
        "NL44RABO0123456789",
        "BE68539007547034",
        "DE89370400440532013000",
        "GB29NWBK60161331926819",
        "FR1420041010050500013M02606",
    ],
)
def test_iban_valid(iban: str) -> None:
    assert is_valid_iban(iban)


@pytest.mark.parametrize(
    "iban",
    [
        "NL91ABNA0417164301",  # wrong check
        "NL91ABNA041716430",  # too short for NL
        "DE89370400440532013001",
        "XX91ABNA0417164300",  # unknown country
        "NL9XABNA0417164300",
        "",
    ],
)
def test_iban_invalid(iban: str) -> None:
    assert not is_valid_iban(iban)


def test_find_ibans_in_text() -> None:
    text = (
        "Rekening NL91 ABNA 0417 1643 00 en DE89370400440532013000; "
        "fout: NL91ABNA0417164301 en NL91ABNA04171643001234."
    )
    assert find_ibans(text) == ["NL91ABNA0417164300", "DE89370400440532013000"]


def test_personal_data_signs_masks_examples() -> None:
    signs = personal_data_signs(
        "Mail jan.jansen@example.nl of bel +31 6 12345678. BSN 111222333. IBAN NL91ABNA0417164300."
    )
    assert (signs.emails, signs.phones, signs.bsns, signs.ibans) == (1, 1, 1, 1)
    assert signs.any
    assert signs.examples["emails"] == ["j***@example.nl"]
    assert signs.examples["bsns"] == ["11*****33"]
    assert "111222333" not in str(signs.as_dict())
    assert not personal_data_signs("Versie 3.11 uit 2019, 10.0.0.1").any


# ----------------------------------------------------------------- MinHash / LSH

_WORDS = """
    archief besluit bewaren vernietigen selectielijst termijn dossier informatie beleid
    overleg verslag notitie ministerie directie afdeling team project planning budget
    risico advies wet regeling openbaarheid verzoek bezwaar procedure medewerker functie
    vacature sollicitatie opleiding stage praktijk begeleiding evaluatie
""".split()  # noqa: SIM905


def _text(rng: random.Random, n: int = 300) -> str:
    return " ".join(rng.choice(_WORDS) + str(rng.randint(0, 50)) for _ in range(n))


def _modify(text: str, rng: random.Random, changes: int) -> str:
    words = text.split()
    for _ in range(changes):
        words[rng.randrange(len(words))] = "gewijzigd" + str(rng.randint(0, 9))
    return " ".join(words)


def test_signature_is_deterministic_and_serialisable() -> None:
    sig = minhash_signature("Dit is een test van de handtekening")
    assert sig == minhash_signature("dit is EEN test van de handtekening!")
    assert len(sig) == 128 and all(0 <= v < 2**32 for v in sig)
    assert signature_from_hex(signature_to_hex(sig)) == sig


def test_similarity_of_modified_and_unrelated_texts() -> None:
    rng = random.Random(1)
    base = _text(rng)
    near = _modify(base, rng, 5)
    other = _text(rng)
    assert jaccard(base, near) > 0.85
    assert similarity(minhash_signature(base), minhash_signature(near)) > 0.75
    assert similarity(minhash_signature(base), minhash_signature(other)) < 0.1
    assert (
        abs(similarity(minhash_signature(base), minhash_signature(near)) - jaccard(base, near))
        < 0.15
    )
    assert similarity(minhash_signature(""), minhash_signature("")) == 0.0


def test_index_finds_near_duplicates_among_many() -> None:
    rng = random.Random(7)
    index = NearDuplicateIndex(threshold=0.7)
    originals = {f"doc{i}": _text(rng, 200) for i in range(200)}
    for key, text in originals.items():
        index.add(key, minhash_signature(text))
    variant = _modify(originals["doc42"], rng, 4)
    matches = index.query(minhash_signature(variant))
    assert [m.key for m in matches] == ["doc42"]
    assert matches[0].similarity >= 0.7
    assert index.query(minhash_signature(_text(rng, 200))) == []

    index.add("doc42-kopie", minhash_signature(variant))
    index.add("doc7-kopie", minhash_signature(_modify(originals["doc7"], rng, 2)))
    pairs = {(a, b) for a, b, _ in index.pairs()}
    assert pairs == {("doc42", "doc42-kopie"), ("doc7", "doc7-kopie")}
    assert sorted(sorted(g) for g in index.groups()) == [  # type: ignore[type-var]
        ["doc42", "doc42-kopie"],
        ["doc7", "doc7-kopie"],
    ]
    assert len(index) == 202 and "doc7" in index


def test_index_rejects_bad_input() -> None:
    index = NearDuplicateIndex()
    with pytest.raises(ValueError):
        index.add("x", (1, 2, 3))
    index.add("leeg", minhash_signature(""))
    assert index.query(minhash_signature("")) == []
    with pytest.raises(KeyError):
        index.add("leeg", minhash_signature(""))
    with pytest.raises(ValueError):
        NearDuplicateIndex(num_perm=100, bands=32)


# ----------------------------------------------------------------- speed-ups keep the results


_PHONE_ALPHABET = [
    *"0123456789      +()-./\u2013\t\n,;:abc",
    "tel: ",
    "bel ",
    "06-12345678",
    "+31 (0)6 1234 5678",
    "0031 70 123 4567",
    "070-1234567",
    "2019-2020",
    "12-03-2021",
    "192.168.10.1",
]


@given(st.lists(st.sampled_from(_PHONE_ALPHABET), max_size=60).map("".join))
def test_phone_scan_per_line_finds_what_the_whole_text_scan_finds(text: str) -> None:
    from talentbrug.docanalysis.personal import phone_numbers
    from talentbrug.redaction.detectors.contact import find_phones

    assert phone_numbers(text) == [text[s:e] for _, s, e in find_phones(text)]


def test_phone_scan_skips_number_tables_but_finds_phones_in_them() -> None:
    from talentbrug.docanalysis.personal import phone_numbers

    table = "\n".join(f"{n};woord;{n * 7}" for n in range(2000))
    assert phone_numbers(table) == []
    assert phone_numbers(table + "\nbel 06-12345678 of tel: 070 123 4567\n") == [
        "06-12345678",
        "070 123 4567",
    ]


def test_minhash_with_and_without_numpy_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    module = importlib.import_module("talentbrug.docanalysis.similarity")
    rng = random.Random(3)
    texts = ["", "een", "één twee", *(_text(rng, rng.randint(1, 300)) for _ in range(20))]
    monkeypatch.setattr(module, "NUMPY_FROM_SHINGLES", 0)  # numpy for every size
    fast = [minhash_signature(text) for text in texts]
    assert module._np not in (False, None)  # numpy was really used
    monkeypatch.setattr(module, "_np", None)
    assert [minhash_signature(text) for text in texts] == fast


def test_ascii_fast_path_folds_like_the_full_path() -> None:
    from talentbrug.docanalysis.similarity import normalise_words

    assert normalise_words("Café Één NAÏEF straße") == ["cafe", "een", "naief", "strasse"]
    assert normalise_words("Cafe EEN naief") == ["cafe", "een", "naief"]
