"""Demo site: a regional council in Arabic (source), French and English, and in the Dari tree a
partner municipality. All text is written for this demo; facts follow shared/seeds."""

import json
from datetime import date, datetime, time

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents.models import Document
from wagtail.models import Locale, Page, Site
from wagtail.rich_text import RichText

from .models import (
    DocumentsPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    SiteSettings,
    StandardPage,
)

LANGUAGES = ["ar", "fr", "en", "fa-af"]


# --- Helpers other apps' demo modules use too --------------------------------------------


def locale(language: str) -> Locale:
    return Locale.objects.get(language_code=language)


def add_child(parent: Page, page: Page) -> Page:
    """Add a page under parent (in the parent's language) and publish it."""
    page.locale = parent.locale
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate(page: Page, language: str, **fields) -> Page:
    """Create the translation of a published page in another language, with its own text.
    The parent must already exist in that language; translations share the translation_key."""
    translation = page.copy_for_translation(locale(language))
    for name, value in fields.items():
        setattr(translation, name, value)
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation.specific


def paragraphs(*texts: str) -> str:
    """A StreamField value of rich-text paragraphs, as JSON."""
    return json.dumps(
        [{"type": "paragraph", "value": str(RichText(f"<p>{text}</p>"))} for text in texts]
    )


def body(*blocks: tuple[str, object]) -> str:
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


def aware(day: date, hour: int, minute: int = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


# --- The site ------------------------------------------------------------------------------


def load(context: dict) -> dict:
    for language in LANGUAGES:
        Locale.objects.get_or_create(language_code=language)
    home_ar = _home_pages()
    homes = {page.locale.language_code: page for page in home_ar.get_translations(inclusive=True)}
    homes = {code: page.specific for code, page in homes.items()}
    _settings(home_ar)
    documents = _documents()
    _about_pages(homes)
    _news(homes)
    _events(homes)
    _documents_pages(homes, documents)
    context.update({"homes": homes, "documents": documents})
    return context


def _home_pages() -> HomePage:
    home = HomePage.objects.filter(depth=2).first()
    home.title = "الصفحة الرئيسية"
    home.slug = "home"
    home.council_name = "مجلس جهة مراكش آسفي"
    home.tagline = "برنامج الجهة المنفتحة: نعد ونتتبع ونقيم معكم"
    home.intro = (
        "هنا ينشر مجلس الجهة مشاريع وثائقه للاستشارة العمومية، ويعرض التزامات برنامج عمل "
        "الانفتاح وتقدم إنجازها، ليتتبعها المواطنات والمواطنون وجمعيات المجتمع المدني ويقيموها."
    )
    home.address = "شارع محمد السادس\nمراكش، المغرب"
    home.save_revision().publish()
    translate(
        home,
        "fr",
        title="Accueil",
        council_name="Conseil de la Région Marrakech-Safi",
        tagline="Programme Région ouverte : co-construire, co-suivre, co-évaluer avec vous",
        intro=(
            "Le Conseil régional publie ici ses projets de documents soumis à consultation, les "
            "engagements de son programme d'ouverture et leur état d'avancement, pour que "
            "citoyennes, citoyens et associations puissent les suivre et les évaluer."
        ),
        address="Avenue Mohammed VI\nMarrakech, Maroc",
    )
    translate(
        home,
        "en",
        title="Home",
        council_name="Marrakech-Safi Regional Council",
        tagline="Open Region programme: designed, monitored and evaluated with you",
        intro=(
            "The regional council publishes its draft documents for public consultation here, "
            "with the commitments of its openness action programme and how far each has come, "
            "so that residents and civil society can follow and evaluate them."
        ),
        address="Avenue Mohammed VI\nMarrakech, Morocco",
    )
    translate(
        home,
        "fa-af",
        title="صفحهٔ اصلی",
        council_name="شاروالی مزار شریف",
        contact_email="maloomat@mazar.demo.mosharaka.org",
        contact_phone="+93 58 000 0000",
        tagline="همکاری شاروالی و جامعهٔ مدنی برای شفافیت و اشتراک مردم",
        intro=(
            "شاروالی مزار شریف در این بخش پلان‌های کاری خود را برای نظرخواهی مردم نشر می‌کند. "
            "نهادهای جامعهٔ مدنی بر تطبیق این پلان‌ها نظارت می‌کنند و گزارش آن را با شهروندان "
            "شریک می‌سازند."
        ),
        address="چوک روضهٔ شریف\nمزار شریف، بلخ",
    )
    return home


def _settings(home: HomePage) -> None:
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port, site.site_name = "127.0.0.1", 8000, "Mosharaka"
    site.root_page = home
    site.save()
    SiteSettings.objects.update_or_create(
        site=site,
        defaults={
            "email": "ouverture@demo.mosharaka.org",
            "phone": "+212 5 24 00 00 00",
            "facebook_url": "https://www.facebook.com/",
            "website_url": "https://www.ogp.org/",
        },
    )


def _documents() -> dict[str, Document]:
    files = {
        "pv-session": (
            "محضر دورة أكتوبر 2023 – Procès-verbal de la session d'octobre 2023",
            "session-octobre-2023.txt",
            "Résumé de démonstration : le Conseil a adopté le programme d'ouverture 2024-2027.\n"
            "ملخص تجريبي: صادق المجلس على برنامج عمل الانفتاح 2024-2027.\n",
        ),
        "charter": (
            "ميثاق المشاركة المواطنة – Charte de la participation citoyenne",
            "charte-participation.txt",
            "Document de démonstration : principes de transparence, redevabilité, accès à "
            "l'information, participation citoyenne et digitalisation.\n",
        ),
        "mazar-mou": (
            "تفاهم‌نامهٔ همکاری شاروالی و جامعهٔ مدنی",
            "tafahomnama.txt",
            "سند آزمایشی: شاروالی و نهادهای جامعهٔ مدنی در زمینهٔ آگاهی عامه و اشتراک مردم "
            "همکاری می‌کنند.\n",
        ),
    }
    result = {}
    for key, (title, filename, text) in files.items():
        document = Document(title=title)
        document.file.save(filename, ContentFile(text.encode("utf-8")), save=False)
        document.save()
        result[key] = document
    return result


def _about_pages(homes: dict) -> None:
    about = add_child(
        homes["ar"],
        StandardPage(
            title="عن المجلس والانفتاح",
            slug="about",
            show_in_menus=True,
            intro="كيف يشرك مجلس الجهة المواطنين والمجتمع المدني في إعداد برامجه وتتبعها وتقييمها.",
            body=paragraphs(
                "انخرط مجلس الجهة في البرنامج الوطني لدعم الجماعات الترابية المنفتحة، تماشيا مع "
                "انضمام المغرب إلى شراكة الحكومة المنفتحة. ويقوم البرنامج على الشفافية والمساءلة "
                "والحق في الحصول على المعلومات والمشاركة المواطنة والرقمنة.",
                "تشتغل مع المجلس ثلاث هيئات استشارية: هيئة السياسات العمومية الخاصة بالشباب، "
                "وهيئة المساواة وتكافؤ الفرص ومقاربة النوع، وهيئة الدراسات الاقتصادية الجهوية.",
                "يمر كل برنامج بثلاث محطات مع المجتمع المدني: الإعداد المشترك، ثم التتبع المشترك "
                "للإنجاز، ثم التقييم المشترك للنتائج.",
            ),
        ),
    )
    translate(
        about,
        "fr",
        title="Le Conseil et l'ouverture",
        slug="about",
        intro=(
            "Comment le Conseil régional associe citoyens et société civile à l'élaboration, "
            "au suivi et à l'évaluation de ses programmes."
        ),
        body=paragraphs(
            "Le Conseil s'est engagé dans le programme national d'appui aux collectivités "
            "territoriales ouvertes, dans le sillage de l'adhésion du Maroc au Partenariat pour "
            "un gouvernement ouvert. Ses principes : transparence, redevabilité, accès à "
            "l'information, participation citoyenne et digitalisation.",
            "Trois instances consultatives travaillent avec le Conseil : politiques publiques "
            "de jeunesse ; parité, égalité des chances et approche genre ; études économiques "
            "régionales.",
            "Chaque programme passe par trois étapes avec la société civile : co-création, "
            "co-suivi de la mise en œuvre, puis co-évaluation des résultats.",
        ),
    )
    translate(
        about,
        "en",
        title="The council and openness",
        slug="about",
        intro="How the regional council involves residents and civil society at every stage.",
        body=paragraphs(
            "The council joined the national programme supporting open local governments, "
            "following Morocco's membership of the Open Government Partnership. Its principles "
            "are transparency, accountability, access to information, civic participation and "
            "digital services.",
            "Three consultative bodies work with the council: youth public policy; equality, "
            "equal opportunity and gender; and regional economic studies.",
        ),
    )
    dari = add_child(
        homes["fa-af"],
        StandardPage(
            title="دربارهٔ همکاری شاروالی و جامعهٔ مدنی",
            slug="about-mazar",
            show_in_menus=True,
            intro="شاروالی و نهادهای جامعهٔ مدنی برای آگاهی عامه و اشتراک مردم با هم کار می‌کنند.",
            body=paragraphs(
                "بر اساس تفاهم‌نامهٔ همکاری، نهادهای جامعهٔ مدنی کارها و پلان‌های تطبیقی شاروالی "
                "را نظارت می‌کنند و نتیجه را در جلسه‌ها و سمینارها به شهروندان گزارش می‌دهند.",
                "شوراهای گذر، ناحیه و شهر راه‌های اصلی رساندن نظر و شکایت مردم به شاروالی هستند. "
                "اشتراک زنان و مردان در تصمیم‌گیری یکی از اهداف این همکاری است.",
            ),
        ),
    )
    del dari


def _news(homes: dict) -> None:
    today = timezone.localdate()
    index_ar = add_child(
        homes["ar"],
        NewsIndexPage(title="الأخبار", slug="news", show_in_menus=True, intro="آخر أخبار المجلس."),
    )
    index_fr = translate(index_ar, "fr", title="Actualités", intro="Les dernières nouvelles.")
    translate(index_ar, "en", title="News", intro="The latest from the council.")
    items = [
        (
            "workshop-co-creation",
            date(2023, 9, 14),
            (
                "ورشة الإعداد المشترك لبرنامج الجهة المنفتحة",
                "Atelier de co-création du programme Région ouverte",
            ),
            (
                "اجتمع أعضاء الهيئات الاستشارية الثلاث وممثلو الجمعيات لصياغة مشروع برنامج عمل الانفتاح.",
                "Les trois instances consultatives et des associations ont rédigé ensemble le projet de programme d'ouverture.",
            ),
        ),
        (
            "programme-adopted",
            date(2023, 10, 5),
            ("المجلس يصادق على برنامج عمل الانفتاح", "Le Conseil adopte son programme d'ouverture"),
            (
                "صادق مجلس الجهة خلال دورة أكتوبر على البرنامج بعد استشارة عمومية مفتوحة.",
                "Réuni en session d'octobre, le Conseil a adopté le programme après une consultation publique.",
            ),
        ),
        (
            "midterm-review",
            today.replace(day=1),
            ("انطلاق التقييم المرحلي للالتزامات", "Lancement de l'évaluation à mi-parcours"),
            (
                "يدعو المجلس الجمعيات المعتمدة إلى تقديم تقييمها المستقل لتقدم كل التزام.",
                "Le Conseil invite les associations accréditées à donner leur évaluation indépendante de chaque engagement.",
            ),
        ),
    ]
    for slug, day, (title_ar, title_fr), (intro_ar, intro_fr) in items:
        news = add_child(
            index_ar,
            NewsPage(
                title=title_ar, slug=slug, date=day, intro=intro_ar, body=paragraphs(intro_ar)
            ),
        )
        translate(news, "fr", title=title_fr, intro=intro_fr, body=paragraphs(intro_fr))
    del index_fr
    dari_index = add_child(
        homes["fa-af"],
        NewsIndexPage(
            title="خبرها", slug="khabarha", show_in_menus=True, intro="تازه‌ترین خبرهای شاروالی."
        ),
    )
    add_child(
        dari_index,
        NewsPage(
            title="امضای تفاهم‌نامهٔ همکاری با نهادهای جامعهٔ مدنی",
            slug="tafahomnama",
            date=date(2024, 3, 20),
            intro="شاروالی و نهادهای جامعهٔ مدنی برای نظارت بر پلان‌های شهری تفاهم‌نامه امضا کردند.",
            body=paragraphs(
                "این تفاهم‌نامه زیر نظر دفتر والی تطبیق می‌شود و گزارش‌دهی منظم به شهروندان را "
                "پیش‌بینی می‌کند."
            ),
        ),
    )
    add_child(
        dari_index,
        NewsPage(
            title="نظرخواهی از باشندگان دربارهٔ پلان شهری",
            slug="nazarkhahi",
            date=today.replace(day=1),
            intro="شهروندان می‌توانند نظر خود را دربارهٔ اولویت‌های پلان شهری بنویسند.",
            body=paragraphs("نظرخواهی تا آخر ماه باز است."),
        ),
    )


def _agenda(rows: list[tuple[str, str, str]]) -> str:
    return body(
        *[
            ("item", {"start": start, "end": end, "item": item, "speakers": ""})
            for start, end, item in rows
        ]
    )


def _events(homes: dict) -> None:
    today = timezone.localdate()
    index_ar = add_child(
        homes["ar"],
        EventIndexPage(
            title="الفعاليات والورشات",
            slug="events",
            show_in_menus=True,
            intro="ورشات الإعداد المشترك ودورات المجلس واللقاءات المفتوحة مع المواطنين والجمعيات.",
        ),
    )
    translate(
        index_ar,
        "fr",
        title="Événements et ateliers",
        intro="Ateliers de co-création, sessions du Conseil et rencontres ouvertes avec les citoyens et les associations.",
    )
    translate(
        index_ar,
        "en",
        title="Events and workshops",
        intro="Co-creation workshops, council sessions and open meetings with residents and associations.",
    )
    workshop = add_child(
        index_ar,
        EventPage(
            title="ورشة الإعداد المشترك مع الهيئات الاستشارية",
            slug="co-creation-workshop",
            kind=EventPage.Kind.WORKSHOP,
            start=aware(date(2023, 9, 14), 9, 30),
            end=aware(date(2023, 9, 14), 13, 0),
            location="مقر مجلس الجهة، مراكش",
            organiser="مجلس جهة مراكش آسفي",
            intro="ورشة لصياغة مشروع برنامج عمل الانفتاح مع الهيئات الاستشارية والمجتمع المدني.",
            agenda=_agenda(
                [
                    ("09:30", "10:00", "الاستقبال والتسجيل"),
                    ("10:00", "10:30", "كلمة افتتاحية لرئاسة المجلس"),
                    ("10:30", "11:15", "تقديم البرنامج الوطني للجماعات الترابية المنفتحة"),
                    ("11:15", "12:30", "ورشات موضوعاتية لصياغة الالتزامات"),
                    ("12:30", "13:00", "خلاصات وتوصيات"),
                ]
            ),
        ),
    )
    translate(
        workshop,
        "fr",
        title="Atelier de co-création avec les instances consultatives",
        location="Siège du Conseil régional, Marrakech",
        organiser="Conseil de la Région Marrakech-Safi",
        intro="Un atelier pour rédiger le projet de programme d'ouverture avec la société civile.",
        agenda=_agenda(
            [
                ("09:30", "10:00", "Accueil et inscription"),
                ("10:00", "10:30", "Mot d'ouverture de la présidence du Conseil"),
                ("10:30", "11:15", "Présentation du programme national des collectivités ouvertes"),
                ("11:15", "12:30", "Ateliers thématiques de rédaction des engagements"),
                ("12:30", "13:00", "Synthèse et recommandations"),
            ]
        ),
    )
    review_day = date(today.year + (1 if today.month == 12 else 0), today.month % 12 + 1, 10)
    review = add_child(
        index_ar,
        EventPage(
            title="لقاء التقييم المرحلي مع الجمعيات",
            slug="midterm-review-meeting",
            kind=EventPage.Kind.PUBLIC_MEETING,
            start=aware(review_day, 15, 0),
            end=aware(review_day, 18, 0),
            location="قاعة الاجتماعات الكبرى، آسفي",
            organiser="مجلس جهة مراكش آسفي",
            intro="لقاء مفتوح لعرض تقدم الالتزامات والاستماع إلى تقييم المجتمع المدني.",
            agenda=_agenda(
                [
                    ("15:00", "15:30", "عرض تقرير التتبع الرسمي"),
                    ("15:30", "16:30", "تقييم الجمعيات المعتمدة"),
                    ("16:30", "18:00", "نقاش مفتوح مع الحضور"),
                ]
            ),
        ),
    )
    translate(
        review,
        "fr",
        title="Rencontre d'évaluation à mi-parcours avec les associations",
        location="Grande salle de réunion, Safi",
        organiser="Conseil de la Région Marrakech-Safi",
        intro="Une rencontre ouverte sur l'avancement des engagements et l'avis de la société civile.",
        agenda=_agenda(
            [
                ("15:00", "15:30", "Présentation du rapport de suivi officiel"),
                ("15:30", "16:30", "Évaluation des associations accréditées"),
                ("16:30", "18:00", "Débat ouvert avec le public"),
            ]
        ),
    )
    dari_index = add_child(
        homes["fa-af"],
        EventIndexPage(
            title="برنامه‌ها و جلسه‌ها",
            slug="barnamaha",
            show_in_menus=True,
            intro="جلسه‌های گزارش‌دهی، کارگاه‌ها و نشست‌های شاروالی با شهروندان و جامعهٔ مدنی.",
        ),
    )
    add_child(
        dari_index,
        EventPage(
            title="جلسهٔ گزارش‌دهی به شهروندان",
            slug="jalasa-guzarish",
            kind=EventPage.Kind.PUBLIC_MEETING,
            start=aware(review_day, 9, 0),
            end=aware(review_day, 12, 0),
            location="تالار شاروالی، مزار شریف",
            organiser="شبکهٔ نهادهای جامعهٔ مدنی بلخ",
            intro="نهادهای جامعهٔ مدنی یافته‌های نظارت خود را با شهروندان شریک می‌سازند.",
            agenda=_agenda(
                [
                    ("09:00", "09:30", "سخنان آغازین شاروال"),
                    ("09:30", "10:30", "گزارش نظارت نهادهای جامعهٔ مدنی"),
                    ("10:30", "12:00", "پرسش و پاسخ با شهروندان"),
                ]
            ),
        ),
    )


def _document_section(title: str, items: list[tuple[Document, str, date]]) -> dict:
    return {
        "title": title,
        "documents": [
            {"document": doc.pk, "title": label, "description": "", "date": day.isoformat()}
            for doc, label, day in items
        ],
    }


def _documents_pages(homes: dict, documents: dict) -> None:
    page = add_child(
        homes["ar"],
        DocumentsPage(
            title="المقررات والمحاضر والوثائق",
            slug="documents",
            show_in_menus=True,
            intro="وثائق المجلس المتعلقة بالانفتاح والمشاركة.",
            sections=body(
                (
                    "section",
                    _document_section(
                        "محاضر الدورات",
                        [(documents["pv-session"], "محضر دورة أكتوبر 2023", date(2023, 10, 5))],
                    ),
                ),
                (
                    "section",
                    _document_section(
                        "مواثيق",
                        [(documents["charter"], "ميثاق المشاركة المواطنة", date(2023, 6, 1))],
                    ),
                ),
            ),
        ),
    )
    translate(
        page,
        "fr",
        title="Décisions, procès-verbaux et documents",
        intro="Les documents du Conseil sur l'ouverture et la participation.",
        sections=body(
            (
                "section",
                _document_section(
                    "Procès-verbaux des sessions",
                    [
                        (
                            documents["pv-session"],
                            "Procès-verbal de la session d'octobre 2023",
                            date(2023, 10, 5),
                        )
                    ],
                ),
            ),
            (
                "section",
                _document_section(
                    "Chartes",
                    [
                        (
                            documents["charter"],
                            "Charte de la participation citoyenne",
                            date(2023, 6, 1),
                        )
                    ],
                ),
            ),
        ),
    )
    add_child(
        homes["fa-af"],
        DocumentsPage(
            title="اسناد",
            slug="asnad",
            show_in_menus=True,
            sections=body(
                (
                    "section",
                    _document_section(
                        "تفاهم‌نامه‌ها",
                        [
                            (
                                documents["mazar-mou"],
                                "تفاهم‌نامهٔ همکاری با جامعهٔ مدنی",
                                date(2024, 3, 20),
                            )
                        ],
                    ),
                )
            ),
        ),
    )
