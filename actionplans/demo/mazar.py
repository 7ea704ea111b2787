# ruff: noqa: E501 -- demo prose reads better unwrapped (demo.py files are exempt in pyproject)
"""The Mazar-i-Sharif municipality's transparency and participation plan, in Dari (the Dari
tree has no translations). Budgets in afghanis; the site shows dates in the Solar Hijri
calendar."""

from datetime import date as D

from accounts.models import Organisation

K = Organisation.Kind

ORGANISATIONS = [
    ("mazar-city-council", K.PUBLIC_INSTITUTION, {"fa-af": ("شورای شهر مزار شریف", "")}),
    ("mazar-revenue", K.COUNCIL_DEPARTMENT, {"fa-af": ("شاروالی مزار شریف – آمریت عواید", "")}),
    ("gozar-councils", K.PUBLIC_INSTITUTION, {"fa-af": ("شوراهای گذر شهر مزار شریف", "")}),
    ("balkh-women-network", K.CSO, {"fa-af": ("شبکهٔ زنان فعال بلخ", "")}),
]

INDEX = {
    "title": "پلان‌های عمل و تعهدات",
    "slug": "plan-ha",
    "intro": "پلان‌های عمل شاروالی مزار شریف، تعهدات آن و پیشرفت هر تعهد.",
}

PLAN = {
    "slug": "shafafiyat-1403-1405",
    "framework": "municipal_plan",
    "code": "MZR-1403-1405",
    "period": (D(2024, 3, 20), D(2027, 3, 20)),
    "adoption_date": D(2024, 3, 20),
    "documents": ["mazar-mou"],
    "phases": [
        ("co_creation", D(2024, 1, 6), D(2024, 2, 18)),
        ("consultation", D(2024, 2, 19), D(2024, 3, 10)),
        ("adoption", D(2024, 3, 20), D(2024, 3, 20)),
        ("implementation", D(2024, 3, 21), D(2026, 12, 31)),
        ("evaluation", D(2027, 1, 1), D(2027, 3, 20)),
    ],
    "fa-af": {
        "title": "پلان عمل شفافیت و اشتراک مردم ۱۴۰۳–۱۴۰۵",
        "intro": (
            "پلان مشترک شاروالی مزار شریف و نهادهای جامعهٔ مدنی برای شفافیت، رسیدگی به شکایات "
            "و اشتراک زنان و مردان در تصمیم‌های شهری."
        ),
        "vision": (
            "<p>شهری که باشندگانش در پلان‌گذاری آن سهم دارند و از عواید و مصارف شاروالی آگاه "
            "هستند.</p><p>این پلان بر اساس تفاهم‌نامهٔ همکاری میان شاروالی و نهادهای جامعهٔ "
            "مدنی ترتیب شده و زیر نظر دفتر والی بلخ تطبیق می‌شود.</p>"
        ),
        "adoption_session": "جلسهٔ عمومی شورای شهر، حمل ۱۴۰۳",
        "adoption_reference": "MZR/1403/01",
        "bodies": ["شوراهای گذر", "شوراهای ناحیه", "شبکهٔ نهادهای جامعهٔ مدنی بلخ"],
        "documents": [("تفاهم‌نامهٔ همکاری شاروالی و جامعهٔ مدنی", D(2024, 3, 20))],
        "phases": [
            "جلسه‌های طرح مشترک با شوراهای گذر و نهادهای جامعهٔ مدنی.",
            "نظرخواهی از باشندگان در نواحی شهر.",
            "امضای تفاهم‌نامه و تأیید پلان در جلسهٔ شورای شهر.",
            "تطبیق تعهدات و نظارت مشترک نهادهای جامعهٔ مدنی.",
            "ارزیابی مشترک و گزارش‌دهی به شهروندان.",
        ],
    },
}


def _m(responsible, start, due, status, progress, text):
    return {
        "responsible": responsible,
        "start": start,
        "due": due,
        "status": status,
        "progress": progress,
        "fa-af": text,
    }


COMMITMENTS = [
    {
        "code": "MZR-01",
        "slug": "nazarkhahi-plan-shahri",
        "values": ["civic_participation", "inclusion"],
        "lead": "mazar-municipality",
        "partners": ["balkh-cso", "gozar-councils"],
        "email": "planning@demo.mosharaka.org",
        "dates": (D(2024, 4, 1), D(2026, 12, 31)),
        "budget": "2500000",
        "currency": "AFN",
        "status": "in_progress",
        "progress": 60,
        "fa-af": {
            "title": "نظرخواهی از باشندگان در پلان‌گذاری شهری",
            "intro": "باشندگان هر ناحیه پیش از تصویب پروژه‌های شهری نظر خود را می‌دهند.",
            "problem": (
                "پروژه‌های شهری بدون مشورهٔ باشندگان طرح می‌شوند و اولویت‌های مردم هر ناحیه در "
                "پلان‌ها دیده نمی‌شود."
            ),
            "objective": (
                "برگزاری نظرخواهی منظم از باشندگان، به‌صورت حضوری و آنلاین، پیش از تصویب "
                "پروژه‌های بزرگ و نشر نتیجهٔ آن."
            ),
            "results": (
                "نظرخواهی در همهٔ نواحی شهر؛ گزارش نتایج برای هر نظرخواهی؛ پاسخ شاروالی به "
                "پیشنهادهای عمده."
            ),
            "contact": "احمد ضیا رحیمی",
            "tags": ["پلان‌گذاری شهری", "اشتراک مردم"],
        },
        "milestones": [
            _m(
                "balkh-cso",
                D(2024, 4, 1),
                D(2024, 9, 30),
                "completed",
                100,
                "طرح پرسش‌نامه و روش نظرخواهی با نهادهای جامعهٔ مدنی",
            ),
            _m(
                "mazar-municipality",
                D(2024, 10, 1),
                D(2025, 12, 31),
                "completed",
                100,
                "نظرخواهی در نخستین پنج ناحیهٔ شهر",
            ),
            _m(
                "mazar-municipality",
                D(2026, 1, 1),
                D(2026, 9, 30),
                "in_progress",
                50,
                "نشر گزارش نتایج و پاسخ شاروالی به پیشنهادها",
            ),
        ],
    },
    {
        "code": "MZR-02",
        "slug": "shikayat-shuraha-guzar",
        "values": ["public_accountability", "civic_participation"],
        "lead": "mazar-municipality",
        "partners": ["gozar-councils", "balkh-cso"],
        "email": "shikayat@demo.mosharaka.org",
        "dates": (D(2024, 5, 1), D(2026, 6, 30)),
        "budget": "1200000",
        "currency": "AFN",
        "status": "delayed",
        "progress": 55,
        "fa-af": {
            "title": "رسیدگی به شکایات از طریق شوراهای گذر",
            "intro": "شکایت‌های مردم از راه شوراهای گذر ثبت و پیگیری می‌شود و پاسخ آن به شهروند می‌رسد.",
            "problem": (
                "بسیاری از شهروندان نمی‌دانند شکایت خود را به کجا ببرند و شکایت‌ها بدون ثبت و "
                "پیگیری می‌ماند."
            ),
            "objective": (
                "ایجاد دفتر ثبت شکایت در هر شورای گذر، فرستادن منظم شکایت‌ها به شاروالی و "
                "پاسخ‌دهی در مدت معین."
            ),
            "results": (
                "دفتر ثبت شکایت در همهٔ گذرها؛ پاسخ به شکایت‌ها در مدت ۳۰ روز؛ گزارش شش‌ماهه به "
                "شهروندان."
            ),
            "contact": "مریم کریمی",
            "tags": ["شکایات", "شوراهای گذر"],
        },
        "milestones": [
            _m(
                "gozar-councils",
                D(2024, 5, 1),
                D(2024, 12, 31),
                "completed",
                100,
                "آموزش اعضای شوراهای گذر برای ثبت شکایت‌ها",
            ),
            _m(
                "mazar-municipality",
                D(2025, 1, 1),
                D(2025, 12, 31),
                "delayed",
                60,
                "راه‌اندازی دفتر ثبت و پیگیری شکایت در همهٔ گذرها",
            ),
            _m(
                "balkh-cso",
                D(2025, 7, 1),
                D(2026, 6, 30),
                "in_progress",
                30,
                "گزارش شش‌ماهه دربارهٔ شکایت‌ها و پاسخ‌ها به شهروندان",
            ),
        ],
    },
    {
        "code": "MZR-03",
        "slug": "awayid-wa-masarif",
        "values": ["transparency", "access_to_information", "public_accountability"],
        "lead": "mazar-revenue",
        "partners": ["balkh-cso"],
        "email": "awayid@demo.mosharaka.org",
        "dates": (D(2024, 4, 1), D(2026, 12, 31)),
        "budget": "900000",
        "currency": "AFN",
        "status": "in_progress",
        "progress": 70,
        "fa-af": {
            "title": "نشر عواید و مصارف شاروالی",
            "intro": "شهروندان می‌بینند شاروالی چه مقدار عاید دارد و آن را در کجا مصرف می‌کند.",
            "problem": (
                "معلومات دربارهٔ عواید و مصارف شاروالی به‌طور منظم نشر نمی‌شود و اعتماد مردم به "
                "پرداخت صفایی و عوارض کم است."
            ),
            "objective": (
                "نشر ربعوار عواید و مصارف شاروالی به زبان ساده، در ویب‌سایت و تخته‌های اعلان نواحی."
            ),
            "results": "گزارش ربعوار منتشرشده؛ بودجهٔ ساده برای شهروندان؛ جلسهٔ سالانهٔ حساب‌دهی عامه.",
            "contact": "عبدالواحد نوری",
            "tags": ["عواید و مصارف", "شفافیت"],
        },
        "milestones": [
            _m(
                "mazar-revenue",
                D(2024, 4, 1),
                D(2024, 8, 31),
                "completed",
                100,
                "تهیهٔ قالب سادهٔ گزارش عواید و مصارف",
            ),
            _m(
                "balkh-cso",
                D(2025, 3, 1),
                D(2025, 12, 31),
                "completed",
                100,
                "نخستین جلسهٔ حساب‌دهی عامه با حضور نهادهای جامعهٔ مدنی",
            ),
            _m(
                "mazar-revenue",
                D(2024, 9, 1),
                D(2026, 12, 31),
                "in_progress",
                75,
                "نشر ربعوار عواید و مصارف در ویب‌سایت و تخته‌های اعلان",
            ),
        ],
    },
    {
        "code": "MZR-04",
        "slug": "ishtirak-zanan",
        "values": ["inclusion", "civic_participation"],
        "lead": "mazar-city-council",
        "partners": ["balkh-women-network", "balkh-cso"],
        "email": "zanan@demo.mosharaka.org",
        "dates": (D(2024, 6, 1), D(2026, 12, 31)),
        "budget": "1500000",
        "currency": "AFN",
        "status": "in_progress",
        "progress": 40,
        "fa-af": {
            "title": "اشتراک زنان در شوراهای ناحیه",
            "intro": "زنان بیشتر در شوراهای ناحیه عضو می‌شوند و در تصمیم‌های شهری سهم می‌گیرند.",
            "problem": (
                "زنان در شوراهای ناحیه و گذر کمتر حضور دارند و نیازهای آنان در پلان‌های شهری "
                "کمتر دیده می‌شود."
            ),
            "objective": (
                "افزایش عضویت زنان در شوراهای ناحیه، آموزش اعضای زن و برگزاری جلسه‌های مشورتی "
                "ویژهٔ زنان."
            ),
            "results": (
                "دست‌کم یک‌سوم اعضای شوراهای ناحیه زن؛ ۱۲۰ عضو زن آموزش‌دیده؛ جلسهٔ مشورتی زنان "
                "در هر ناحیه."
            ),
            "contact": "فرشته حیدری",
            "tags": ["زنان", "اشتراک مردم"],
        },
        "milestones": [
            _m(
                "balkh-women-network",
                D(2024, 6, 1),
                D(2025, 3, 31),
                "completed",
                100,
                "آموزش ۱۲۰ عضو زن شوراهای ناحیه",
            ),
            _m(
                "mazar-city-council",
                D(2025, 4, 1),
                D(2026, 6, 30),
                "in_progress",
                45,
                "جلسه‌های مشورتی ویژهٔ زنان در همهٔ نواحی",
            ),
            _m(
                "mazar-city-council",
                D(2026, 7, 1),
                D(2026, 12, 31),
                "not_started",
                0,
                "تعدیل طرزالعمل شوراها برای حضور دست‌کم یک‌سوم زنان",
            ),
        ],
    },
]
