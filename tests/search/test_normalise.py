"""The search normaliser: equivalent spellings meet, both ways; it is idempotent and total."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from search.normalise import CHARACTER_TABLE, normalise

EQUIVALENT = [
    ("Persian yeh / Arabic yeh", "شورای", "شوراي"),
    ("alef maqsura / yeh", "مستوى", "مستوي"),
    ("alef maqsura / Persian yeh", "مستوى", "مستوی"),
    ("keheh / kaf", "مشارکت", "مشاركت"),
    ("Persian digits / ASCII", "۱۴۰۳", "1403"),
    ("Arabic-Indic digits / ASCII", "١٤٠٣", "1403"),
    ("hamza above / bare alef", "أحمد", "احمد"),
    ("hamza below / bare alef", "إشراك", "اشراك"),
    ("madda / bare alef", "آب", "اب"),
    ("alef wasla / bare alef", "ٱستشارة", "استشارة"),
    ("taa marbuta / heh", "مشاركة", "مشاركه"),
    ("tashkeel", "مُشَارَكَة", "مشاركة"),
    ("shadda and tanwin", "الشَّفَّافِيَّةً", "الشفافية"),
    ("superscript alef", "هٰذا", "هذا"),
    ("tatweel", "مشـــاركة", "مشاركة"),
    ("zero-width non-joiner", "می‌خواهیم", "میخواهیم"),
    ("zero-width joiner and space", "می\u200dخواهیم\u200b", "میخواهیم"),
    ("bidi controls", "\u202bشورا\u202c", "شورا"),
    ("hamza on waw", "مسؤول", "مسوول"),
    ("hamza on yeh", "هيئة", "هييه"),
    ("heh with yeh above", "خانۀ", "خانه"),
    ("presentation forms", "ﻻ ﷲ", "لا الله"),
    ("Arabic article", "الشفافية", "شفافية"),
    ("article with conjunction", "والشفافية", "شفافية"),
    ("article with preposition", "للمواطنين", "مواطنين"),
    ("article of a word starting with al", "الالتزام", "التزام"),
    ("French accents", "évaluation", "evaluation"),
    ("French capitals", "ÉVALUATION", "evaluation"),
    ("French elision", "l'évaluation", "evaluation"),
    ("French curly elision", "d’accès", "acces"),
    ("ligature", "cœur", "coeur"),
    ("German sharp s", "Straße", "strasse"),
    ("full-width Latin", "ＡＢＣ", "abc"),
    ("punctuation becomes space", "MS-05, «C3»", "ms 05 c3"),
    ("Arabic punctuation", "شورا، مشوره؟", "شورا مشوره"),
]


@pytest.mark.parametrize(
    ("case", "variant", "canonical"), EQUIVALENT, ids=[c for c, *_ in EQUIVALENT]
)
def test_equivalent_spellings_normalise_to_the_same_string(case, variant, canonical):
    assert normalise(variant) == normalise(canonical)


def test_distinct_words_stay_distinct():
    assert normalise("مشاركة") != normalise("مشارب")
    assert normalise("évaluation") != normalise("évolution")
    assert normalise("1403") != normalise("1402")


def test_short_words_keep_their_al():
    # Stripping ال from الله or الف would leave one or two letters: they are kept whole.
    assert normalise("الف") == "الف"
    assert normalise("الله") == "الله"


def test_elision_is_only_removed_at_the_start_of_a_word():
    assert normalise("aujourd'hui") == "aujourd hui"


def test_none_and_non_strings_are_accepted():
    assert normalise(None) == ""
    assert normalise(1403) == "1403"


def test_the_table_maps_to_the_canonical_letters():
    assert CHARACTER_TABLE["ی"] == CHARACTER_TABLE["ى"] == "ي"
    assert CHARACTER_TABLE["ک"] == "ك"
    assert CHARACTER_TABLE["\u200c"] == ""
    assert CHARACTER_TABLE["۷"] == "7"


arabic_script = st.text(
    alphabet=st.sampled_from(
        [chr(c) for c in range(0x0600, 0x0700)]
        + list(" \u200c\u200d\u200b\u0640\u202b\u202cَُِّ")
        + list("۰۱۲۳٠١٢abcéÉ'’-")
    ),
    max_size=40,
)


@given(st.text())
def test_normalise_never_raises_and_returns_single_spaced_text(text):
    result = normalise(text)
    assert isinstance(result, str)
    assert result == " ".join(result.split())


@given(st.one_of(st.text(), arabic_script))
def test_normalise_is_idempotent(text):
    once = normalise(text)
    assert normalise(once) == once


# Substitutions a reader treats as the same letter; applying them anywhere must not change the
# normalised form.
VARIANTS = {
    "ي": ["ی", "ى"],
    "ك": ["ک"],
    "ه": ["ة"],
    "ا": ["أ", "إ", "آ", "ٱ"],
    "1": ["۱", "١"],
    "4": ["۴", "٤"],
}
base_words = st.text(alphabet=st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي14 ")), max_size=30)


@given(base_words, st.data())
def test_variant_spellings_normalise_alike(word, data):
    variant = "".join(data.draw(st.sampled_from([char, *VARIANTS.get(char, [])])) for char in word)
    decorated = "".join(
        char + data.draw(st.sampled_from(["", "\u064e", "\u0640", "\u200c"]))
        if char != " "
        else char
        for char in variant
    )
    assert normalise(decorated) == normalise(word)
