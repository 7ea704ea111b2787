"""A fixed corpus for search tests: an action plan in Arabic, one in Dari (Mazar-i-Sharif) and
one in French, with commitments whose words exercise every spelling variant the normaliser
handles. Text written for these tests."""

from dataclasses import dataclass
from datetime import date

from wagtail.models import Locale

from accounts.models import Organisation
from actionplans.models import ActionPlanIndexPage, ActionPlanPage, CommitmentPage, OGPValue
from home.models import HomePage
from home.pagetree import add_child, translate

# (code, title, intro, problem, objective, status, OGP values, themes, lead institution key)
ARABIC = [
    (
        "AR-01",
        "الميزانية التشاركية للجماعات",
        "يقترح السكان مشاريع تمولها الجهة.",
        "لا يشارك السكان في تحديد أولويات الإنفاق.",
        "إشراك المواطنين في إعداد الميزانية التشاركية سنة 2026.",
        "in_progress",
        ["civic_participation"],
        ["الميزانية"],
        "finance",
    ),
    (
        "AR-02",
        "نشر المعطيات المفتوحة",
        "بوابة للمعطيات العمومية.",
        "المعطيات متفرقة بين المصالح.",
        "إتاحة المعطيات في بوابة الأرشيف الرقمي للجهة.",
        "completed",
        ["access_to_information", "technology_innovation"],
        ["المعطيات"],
        "it",
    ),
    (
        "AR-03",
        "تحسين مستوى الخدمات الإدارية",
        "قياس رضا المرتفقين.",
        "طول آجال معالجة الطلبات.",
        "رفع مستوى الاستقبال في الشبابيك.",
        "delayed",
        ["public_accountability"],
        ["الخدمات"],
        "finance",
    ),
    (
        "AR-04",
        "الشَّفَّافِيَّة في الصفقات العمومية",
        "نشر الصفقات وعقودها.",
        "ضعف المعلومات حول الصفقات.",
        "نشر كل العقود وملحقاتها.",
        "in_progress",
        ["transparency"],
        ["الصفقات"],
        "finance",
    ),
    (
        "AR-05",
        "شبكة الجمعيات الرياضية",
        "ربط الأندية بالمجلس.",
        "الأندية الصغيرة لا تعرف برامج الدعم.",
        "إنشاء شبكة للتواصل مع الجمعيات.",
        "not_started",
        ["civic_participation", "inclusion"],
        ["الرياضة"],
        "sport",
    ),
    (
        "AR-06",
        "منصـــة الشكايات الإلكترونية",
        "تلقي الشكايات ومعالجتها.",
        "الشكايات الورقية تضيع.",
        "منصة رقمية لتتبع كل شكاية.",
        "in_progress",
        ["technology_innovation", "public_accountability"],
        ["الخدمات"],
        "it",
    ),
    (
        "AR-07",
        "التتبع المشترك لتنفيذ الالتزامات",
        "لجنة للتتبع مع المجتمع المدني.",
        "غياب تقارير منتظمة عن التقدم.",
        "تقارير فصلية عن الالتزامات يعدها المجلس والجمعيات.",
        "in_progress",
        ["public_accountability", "civic_participation"],
        ["التتبع"],
        "finance",
    ),
    (
        "AR-08",
        "هيئة المساواة وتكافؤ الفرص",
        "هيئة استشارية للنساء والشباب.",
        "ضعف تمثيلية النساء في القرار.",
        "تفعيل هيئة المساواة وإشراكها في دورات المجلس.",
        "completed",
        ["inclusion"],
        ["المساواة"],
        "sport",
    ),
]
DARI = [
    (
        "MS-01",
        "شورای مشورتی شهروندان",
        "شورای مشورتی با نمایندگان نواحی.",
        "شهروندان در تصمیم‌گیری سهمی ندارند.",
        "ایجاد شورای مشورتی در هر ناحیه.",
        "in_progress",
        ["civic_participation"],
        ["شورا"],
        "municipality",
    ),
    (
        "MS-02",
        "مشارکت زنان در بودجه‌سازی",
        "زنان در بودجه‌سازی شاروالی سهم می‌گیرند.",
        "صدای زنان در بودجه شنیده نمی‌شود.",
        "جلسات بودجه‌سازی ویژه زنان در هر ناحیه.",
        "not_started",
        ["inclusion", "civic_participation"],
        ["بودجه"],
        "municipality",
    ),
    (
        "MS-03",
        "آب آشامیدنی برای نواحی دور",
        "نقشه شبکه آب آشامیدنی.",
        "نواحی دور آب آشامیدنی پاک ندارند.",
        "نشر نقشه و برنامه کار آبرسانی.",
        "delayed",
        ["transparency"],
        ["آب"],
        "water",
    ),
    (
        "MS-04",
        "گزارش‌دهی سالانه ۱۴۰۳",
        "گزارش سالانه پیشرفت پلان عمل.",
        "گزارش سال ۱۴۰۲ منتشر نشد.",
        "نشر گزارش‌دهی سال ۱۴۰۳ به زبان دری.",
        "completed",
        ["public_accountability"],
        ["گزارش"],
        "municipality",
    ),
    (
        "MS-05",
        "کتابخانه‌های عامه در مکتب‌ها",
        "کتابخانه برای شاگردان.",
        "مکتب‌ها کتابخانه ندارند.",
        "تأسیس کتابخانه‌های عامه با همکاری نهادها.",
        "in_progress",
        ["inclusion"],
        ["آموزش"],
        "education",
    ),
    (
        "MS-06",
        "شفافیت قراردادهای شاروالی",
        "ما می‌خواهیم قراردادها عامه شوند.",
        "قراردادها پنهان می‌مانند.",
        "ما می‌خواهیم همه قراردادها در ویب‌سایت نشر شوند.",
        "in_progress",
        ["transparency", "access_to_information"],
        ["قرارداد"],
        "municipality",
    ),
    (
        "MS-07",
        "ارتقای مستوی خدمات شاروالی",
        "خدمات سریع‌تر برای شهروندان.",
        "مستوی رضایت شهروندان پایین است.",
        "سنجش مستوی خدمات هر شش ماه.",
        "not_started",
        ["public_accountability"],
        ["خدمات"],
        "municipality",
    ),
    (
        "MS-08",
        "جمع‌آوری زباله با همکاری نواحی",
        "نهادها زباله را جمع میکنند.",
        "زباله در جاده‌ها می‌ماند.",
        "برنامه جمعآوری زباله را نواحی میخواهند.",
        "in_progress",
        ["civic_participation"],
        ["محیط زیست"],
        "water",
    ),
]
FRENCH = [
    (
        "FR-01",
        "Évaluation participative des services",
        "Les usagers notent les services.",
        "Aucun retour des usagers n'est recueilli.",
        "Une évaluation annuelle avec les associations.",
        "in_progress",
        ["civic_participation", "public_accountability"],
        ["évaluation"],
        "finance",
    ),
    (
        "FR-02",
        "Accès à l'information environnementale",
        "Données sur l'eau et l'air.",
        "Les mesures de pollution ne sont pas publiées.",
        "Publier chaque mois les relevés de qualité de l'air.",
        "completed",
        ["access_to_information"],
        ["environnement"],
        "it",
    ),
    (
        "FR-03",
        "Budget participatif des écoles",
        "Les élèves proposent des projets.",
        "Les écoles n'ont pas de budget propre.",
        "Un budget participatif dans chaque école de la région.",
        "not_started",
        ["civic_participation", "inclusion"],
        ["éducation"],
        "education",
    ),
    (
        "FR-04",
        "Registre des bénéficiaires effectifs",
        "Savoir qui possède les entreprises.",
        "Les propriétaires réels des titulaires de marchés sont inconnus.",
        "Un registre public des bénéficiaires effectifs.",
        "delayed",
        ["transparency"],
        ["marchés"],
        "finance",
    ),
    (
        "FR-05",
        "Égalité femmes-hommes dans l'emploi public",
        "Des recrutements équilibrés.",
        "Peu de femmes aux postes de direction.",
        "Atteindre la parité dans l'encadrement en 2027.",
        "in_progress",
        ["inclusion"],
        ["égalité"],
        "sport",
    ),
]
ORGANISATIONS = {
    "finance": {"ar": "قسم المالية", "fr": "Direction des finances", "fa-af": "ریاست مالی"},
    "it": {
        "ar": "قسم النظم المعلوماتية",
        "fr": "Direction du numérique",
        "fa-af": "ریاست تکنالوژی",
    },
    "sport": {"ar": "قسم الرياضة", "fr": "Direction des sports", "fa-af": "ریاست ورزش"},
    "municipality": {"ar": "الشاروالي", "fr": "Mairie", "fa-af": "شاروالی"},
    "water": {"ar": "مصلحة الماء", "fr": "Service de l'eau", "fa-af": "آبرسانی"},
    "education": {"ar": "التعليم", "fr": "Éducation", "fa-af": "معارف"},
}
PLANS = {
    "ar": ("برنامج عمل الانفتاح 2024-2027", "AR-PLAN", ARABIC),
    "fa-af": ("پلان عمل شاروالی مزار شریف", "MS-PLAN", DARI),
    "fr": ("Programme d'ouverture 2024-2027", "FR-PLAN", FRENCH),
}


@dataclass
class Corpus:
    homes: dict
    plans: dict
    commitments: dict  # code -> CommitmentPage
    organisations: dict  # key -> {language: Organisation}

    def fetched_again(self) -> "Corpus":
        """The same rows, read from the database into new objects (for a copy of its tables)."""

        def fetch(objects: dict) -> dict:
            return {key: type(obj).objects.get(pk=obj.pk) for key, obj in objects.items()}

        return Corpus(
            homes=fetch(self.homes),
            plans=fetch(self.plans),
            commitments=fetch(self.commitments),
            organisations={key: fetch(names) for key, names in self.organisations.items()},
        )


def _organisations() -> dict:
    result = {}
    for key, names in ORGANISATIONS.items():
        source = Organisation.objects.create(
            name=names["ar"],
            kind="council_department",
            locale=Locale.objects.get(language_code="ar"),
        )
        result[key] = {"ar": source}
        for language in ("fr", "fa-af"):
            translation = source.copy_for_translation(Locale.objects.get(language_code=language))
            translation.name = names[language]
            translation.save()
            result[key][language] = translation
    return result


def build_corpus() -> Corpus:
    for code in ("ar", "fr", "en", "fa-af"):
        Locale.objects.get_or_create(language_code=code)
    home = HomePage.objects.get(depth=2)
    homes = {
        "ar": home,
        "fr": translate(home, "fr", title="Accueil"),
        "fa-af": translate(home, "fa-af", title="خانه"),
    }
    organisations = _organisations()
    values = {value.code: value for value in OGPValue.objects.all()}
    plans, commitments = {}, {}
    for language, (plan_title, plan_code, rows) in PLANS.items():
        index = add_child(homes[language], ActionPlanIndexPage(title="Plans " + language))
        plan = add_child(
            index,
            ActionPlanPage(
                title=plan_title,
                code=plan_code,
                framework="ogp_local",
                period_start=date(2024, 1, 1),
                period_end=date(2027, 12, 31),
            ),
        )
        plans[language] = plan
        for code, title, intro, problem, objective, status, ogp, themes, org in rows:
            page = CommitmentPage(
                title=title,
                code=code,
                intro=intro,
                problem=problem,
                objective=objective,
                status=status,
                lead_institution=organisations[org][language],
            )
            page.ogp_values = [values[value] for value in ogp]
            page.tags.add(*themes)
            commitments[code] = add_child(plan, page)
    return Corpus(homes=homes, plans=plans, commitments=commitments, organisations=organisations)
