"""The relevance set: queries typed the way Arabic, Dari and French readers type them, each
naming the commitment it must find in the top three, on whichever database runs the tests.
Together they cover every equivalence of search.normalise, in both directions where the
variant can be on either side."""

import pytest

from search.engine import run


def search_commitments(query, filters, *, language_code):
    return run("commitments", query, filters, language_code=language_code)


pytestmark = pytest.mark.django_db

ALL_LANGUAGES = {"language": ["ar", "fa-af", "fr"]}

# (variant exercised, query, code of the commitment it must find)
RELEVANCE_SET = [
    # Persian yeh (ی) and Arabic yeh (ي), both ways
    ("yeh: Arabic yeh finds Dari text", "شوراي مشورتي", "MS-01"),
    ("yeh: Arabic yeh finds Dari text", "ارتقاي خدمات", "MS-07"),
    ("yeh: Persian yeh finds Arabic text", "الرياضیة", "AR-05"),
    ("yeh: Persian yeh finds Arabic text", "الإداریة", "AR-03"),
    # keheh (ک) and kaf (ك), both ways
    ("kaf: Arabic kaf finds Dari text", "مشاركت زنان", "MS-02"),
    ("kaf: Arabic kaf finds Dari text", "كتابخانه", "MS-05"),
    ("kaf: keheh finds Arabic text", "شبکة الجمعيات", "AR-05"),
    ("kaf: keheh finds Arabic text", "الشکايات", "AR-06"),
    # alef maqsura (ى) and yeh, both ways
    ("alef maqsura: maqsura finds Persian yeh", "مستوى خدمات", "MS-07"),
    ("alef maqsura: yeh finds maqsura", "مستوي الخدمات", "AR-03"),
    ("alef maqsura: Persian yeh finds maqsura", "مستوی الاستقبال", "AR-03"),
    # digits: Persian, Arabic-Indic and ASCII, each way
    ("digits: ASCII finds Persian digits", "گزارش 1403", "MS-04"),
    ("digits: Arabic-Indic finds Persian digits", "١٤٠٣", "MS-04"),
    ("digits: Persian finds ASCII digits", "الميزانية ۲۰۲۶", "AR-01"),
    ("digits: Arabic-Indic finds ASCII digits", "٢٠٢٦", "AR-01"),
    ("digits: Persian finds ASCII digits (French)", "parité ۲۰۲۷", "FR-05"),
    # alef forms (أ إ آ ٱ) and bare alef, both ways
    ("alef: bare alef finds hamza alef", "اشراك المواطنين", "AR-01"),
    ("alef: bare alef finds hamza alef", "الارشيف الرقمي", "AR-02"),
    ("alef: madda finds bare alef", "آتاحة المعطيات", "AR-02"),
    ("alef: bare alef finds madda", "اب اشاميدني", "MS-03"),
    ("alef: hamza below finds hamza above", "إنشاء شبكة", "AR-05"),
    ("alef: alef wasla finds bare alef", "ٱلمساواة", "AR-08"),
    # taa marbuta (ة) and heh (ه), both ways
    ("taa marbuta: heh finds taa marbuta", "الميزانيه التشاركيه", "AR-01"),
    ("taa marbuta: heh finds taa marbuta", "منصه الشكايات", "AR-06"),
    ("taa marbuta: taa marbuta finds heh", "كتابخانة", "MS-05"),
    ("taa marbuta: taa marbuta finds heh", "نقشة شبكة آب", "MS-03"),
    # tashkeel, both ways
    ("tashkeel: marked query finds bare text", "الْمُسَاوَاة", "AR-08"),
    ("tashkeel: marked query finds bare text", "الصَّفَقَات", "AR-04"),
    ("tashkeel: bare query finds marked text", "الشفافية", "AR-04"),
    ("tashkeel: bare query finds marked text", "شفافية الصفقات", "AR-04"),
    # tatweel, both ways
    ("tatweel: stretched query finds plain text", "الشبـــكة", "AR-05"),
    ("tatweel: stretched query finds plain text", "قراردادهـــا", "MS-06"),
    ("tatweel: plain query finds stretched text", "منصة الكترونية", "AR-06"),
    # zero-width non-joiner, both ways
    ("ZWNJ: joined query finds ZWNJ text", "میخواهیم قراردادها", "MS-06"),
    ("ZWNJ: joined query finds ZWNJ text", "بودجهسازی", "MS-02"),
    ("ZWNJ: ZWNJ query finds joined text", "جمع‌آوری زباله", "MS-08"),
    ("ZWNJ: ZWNJ query finds joined text", "می‌خواهند", "MS-08"),
    # Arabic definite article
    ("article: no article finds article", "مساواة فرص", "AR-08"),
    ("article: article finds no article", "التقارير الفصلية", "AR-07"),
    ("article: prefixed conjunction", "والالتزامات", "AR-07"),
    # Dari typed on an Arabic keyboard: several variants at once
    ("mixed: Arabic keyboard for Dari", "كتابخانه‌هاي عامه", "MS-05"),
    ("mixed: Arabic keyboard for Dari", "مكتبها", "MS-05"),
    ("mixed: Arabic keyboard for Dari", "شفافيت قراردادهاي شاروالي", "MS-06"),
    # French accents, case and elision, both ways
    ("French: no accents finds accents", "evaluation participative", "FR-01"),
    ("French: capitals without accents", "EVALUATION", "FR-01"),
    ("French: no accents finds accents", "egalite emploi", "FR-05"),
    ("French: no accents finds accents", "beneficiaires effectifs", "FR-04"),
    ("French: accents find plain text", "régistre", "FR-04"),
    ("French: elision in query", "l'accès à l'information", "FR-02"),
    ("French: elision in text", "acces information environnementale", "FR-02"),
    ("French: accents finds accents", "budget participatif écoles", "FR-03"),
    ("French: plural apostrophe curly", "l’air", "FR-02"),
]


def top_three(query: str) -> list[str]:
    found = search_commitments(query, ALL_LANGUAGES, language_code="ar")
    return [page.code for page in found.results[:3]]


def test_the_set_covers_every_variant_with_enough_queries():
    variants = {variant.split(":")[0] for variant, _query, _code in RELEVANCE_SET}
    assert len(RELEVANCE_SET) >= 40
    assert {
        "yeh",
        "kaf",
        "alef maqsura",
        "digits",
        "alef",
        "taa marbuta",
        "tashkeel",
        "tatweel",
        "ZWNJ",
        "French",
    } <= variants


@pytest.mark.parametrize(
    ("variant", "query", "expected"),
    RELEVANCE_SET,
    ids=[f"{n:02d}-{variant}" for n, (variant, _q, _c) in enumerate(RELEVANCE_SET)],
)
def test_query_finds_its_commitment_in_the_top_three(corpus, variant, query, expected):
    assert expected in top_three(query), f"{variant}: {query!r}"
