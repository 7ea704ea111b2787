# ruff: noqa: E501 -- demo prose reads better unwrapped (demo.py files are exempt in pyproject)
"""The "Open data" page: what the plans publish, in which formats, under which licence."""

from home.demo import add_child, paragraphs, translate
from home.models import StandardPage

API = "/api/v2/pages/?type=actionplans.CommitmentPage&amp;fields=*"
LICENCE = "https://creativecommons.org/licenses/by/4.0/deed.{language}"
COLUMNS = (
    "plan_code, commitment_code, commitment_title, problem, objective, lead_institution, "
    "partners, ogp_values, themes, commitment_start, commitment_end, commitment_status, "
    "commitment_progress, milestone_deliverable, milestone_responsible, milestone_start, "
    "milestone_due, milestone_status, milestone_progress, language, commitment_key, "
    "milestone_key"
)


def _link(url: str, text: str) -> str:
    return f'<a href="{url}">{text}</a>'


def load(homes: dict, region_plans: dict, mazar_plan) -> None:
    ar, fr = region_plans["ar"].url, region_plans["fr"].url
    page = add_child(
        homes["ar"],
        StandardPage(
            title="البيانات المفتوحة",
            slug="open-data",
            show_in_menus=True,
            intro="التزامات برامج الانفتاح ومراحل إنجازها، في ملفات مفتوحة يعيد الجميع استعمالها بحرية.",
            body=paragraphs(
                "ينشر المجلس التزامات برامج عمل الانفتاح ومراحل إنجازها في شكل بيانات مفتوحة، "
                "ليعيد استعمالها الجمعيات والصحفيون والباحثون والمطورون.",
                "يقدم كل برنامج ملفين، على عنوان صفحته متبوعا بـ data.csv أو data.json. لبرنامج "
                f"الجهة المنفتحة 2024–2027: {_link(ar + 'data.csv', 'ملف CSV')} و"
                f"{_link(ar + 'data.json', 'ملف JSON')}.",
                "ملف CSV مرمز بـ UTF-8 مع علامة ترتيب البايتات (BOM)، حتى تعرض برامج الجداول "
                "(LibreOffice وExcel) النص العربي سليما. يضم سطرا لكل مرحلة إنجاز، وسطرا لكل "
                "التزام لا مراحل له. أسماء الأعمدة مأخوذة من نموذج الالتزام لشراكة الحكومة "
                f"المنفتحة: <bdi>{COLUMNS}</bdi>.",
                "لكل نسخة لغوية ملفها، مع عمود language. العمودان commitment_key وmilestone_key "
                "ثابتان بين اللغات، وبهما يربط المستعمل بين النسخة العربية والنسخة الفرنسية لنفس "
                "الالتزام أو المرحلة. الحالات رموز ثابتة: not_started وin_progress وcompleted "
                "وdelayed وcancelled.",
                "يضم ملف JSON المعطيات نفسها، مع إدراج المراحل داخل كل التزام. كما أن واجهة "
                f"برمجة التطبيقات مفتوحة: {_link(API, 'واجهة الصفحات')}.",
                "الترخيص: هذه البيانات منشورة برخصة المشاع الإبداعي نسب المصنف 4.0 الدولية "
                f"({_link(LICENCE.format(language='ar'), 'CC BY 4.0')}). يمكنكم نسخها وتعديلها "
                "وإعادة نشرها، ولو لأغراض تجارية، شريطة ذكر المصدر: «مجلس جهة مراكش آسفي».",
            ),
        ),
    )
    translate(
        page,
        "fr",
        title="Données ouvertes",
        intro=(
            "Les engagements des programmes d'ouverture et leurs jalons, dans des fichiers "
            "ouverts que chacun peut librement réutiliser."
        ),
        body=paragraphs(
            "Le Conseil publie les engagements de ses programmes d'ouverture et leurs jalons "
            "sous forme de données ouvertes, pour que les associations, les journalistes, les "
            "chercheurs et les développeurs puissent les réutiliser.",
            "Chaque programme propose deux fichiers, à l'adresse de sa page suivie de data.csv "
            "ou data.json. Pour le programme Région ouverte 2024–2027 : "
            f"{_link(fr + 'data.csv', 'le fichier CSV')} et "
            f"{_link(fr + 'data.json', 'le fichier JSON')}.",
            "Le fichier CSV est encodé en UTF-8 avec une marque d'ordre des octets (BOM), pour "
            "que les tableurs (LibreOffice, Excel) affichent correctement l'arabe comme le "
            "français. Il contient une ligne par jalon, et une ligne pour chaque engagement sans "
            "jalon. Les noms de colonnes reprennent le modèle d'engagement du Partenariat pour un "
            f"gouvernement ouvert : {COLUMNS}.",
            "Chaque version linguistique a son propre fichier, avec une colonne language. Les "
            "colonnes commitment_key et milestone_key sont identiques d'une langue à l'autre : "
            "elles relient la version arabe et la version française d'un même engagement ou "
            "jalon. Les statuts sont des codes stables : not_started, in_progress, completed, "
            "delayed, cancelled.",
            "Le fichier JSON contient les mêmes informations, les jalons étant imbriqués dans "
            "chaque engagement. L'interface de programmation de Wagtail est aussi ouverte : "
            f"{_link(API, 'API des pages')}.",
            "Licence : ces données sont publiées sous licence Creative Commons Attribution 4.0 "
            f"International ({_link(LICENCE.format(language='fr'), 'CC BY 4.0')}). Vous pouvez "
            "les copier, les adapter et les rediffuser, y compris à des fins commerciales, à "
            "condition de citer la source : « Conseil de la Région Marrakech-Safi ».",
        ),
    )
    dari = mazar_plan.url
    add_child(
        homes["fa-af"],
        StandardPage(
            title="دادهٔ باز",
            slug="dadah-baz",
            show_in_menus=True,
            intro="تعهدات پلان عمل شاروالی و فعالیت‌های آن در فایل‌های باز برای استفادهٔ همه.",
            body=paragraphs(
                "شاروالی مزار شریف تعهدات پلان عمل و فعالیت‌های آن را به شکل دادهٔ باز نشر "
                "می‌کند تا نهادهای جامعهٔ مدنی، خبرنگاران و پژوهشگران از آن استفاده کنند.",
                f"{_link(dari + 'data.csv', 'فایل CSV')} (با رمزگذاری UTF-8 و BOM، برای نمایش "
                "درست متن دری در برنامه‌های جدول) و "
                f"{_link(dari + 'data.json', 'فایل JSON')}.",
                "این داده‌ها با جواز کریتیو کامنز انتساب ۴٫۰ "
                f"({_link(LICENCE.format(language='fa'), 'CC BY 4.0')}) نشر می‌شوند: با ذکر "
                "منبع، استفاده و نشر دوبارهٔ آن آزاد است.",
            ),
        ),
    )
