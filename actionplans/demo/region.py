# ruff: noqa: E501 -- demo prose reads better unwrapped (demo.py files are exempt in pyproject)
"""The Marrakech-Safi Regional Council's Open Region programme 2024–2027: Arabic source text and
its French translation. Dates are chosen so that, seen from late 2026, some milestones are done,
some under way and some overdue."""

from datetime import date

from accounts.models import Organisation

K = Organisation.Kind
DONE, UNDER_WAY, LATE, TODO, DROPPED = (
    "completed",
    "in_progress",
    "delayed",
    "not_started",
    "cancelled",
)

# Organisations the programme needs beyond those of accounts.demo: key, kind, names.
ORGANISATIONS = [
    (
        "region-finance",
        K.COUNCIL_DEPARTMENT,
        {
            "ar": ("مديرية الشؤون المالية والميزانية", ""),
            "fr": ("Direction des affaires financières et du budget", "DAFB"),
        },
    ),
    (
        "region-procurement",
        K.COUNCIL_DEPARTMENT,
        {"ar": ("مصلحة الصفقات العمومية", ""), "fr": ("Service des marchés publics", "")},
    ),
    (
        "youth-body",
        K.PUBLIC_INSTITUTION,
        {
            "ar": ("هيئة السياسات العمومية الخاصة بالشباب", ""),
            "fr": ("Instance consultative des politiques publiques de jeunesse", ""),
        },
    ),
    (
        "equality-body",
        K.PUBLIC_INSTITUTION,
        {
            "ar": ("هيئة المساواة وتكافؤ الفرص ومقاربة النوع", ""),
            "fr": ("Instance de l'équité, de l'égalité des chances et de l'approche genre", ""),
        },
    ),
    (
        "rural-women",
        K.CSO,
        {
            "ar": ("جمعية نساء العالم القروي للتنمية", ""),
            "fr": ("Association des femmes rurales pour le développement", "AFRD"),
        },
    ),
]

INDEX = {
    "ar": {
        "title": "البرامج والالتزامات",
        "slug": "programmes",
        "intro": "برامج عمل الانفتاح التي صادق عليها المجلس، والتزاماتها، وتقدم إنجاز كل التزام.",
    },
    "fr": {
        "title": "Programmes et engagements",
        "slug": "programmes",
        "intro": (
            "Les programmes d'ouverture adoptés par le Conseil, leurs engagements et l'état "
            "d'avancement de chacun."
        ),
    },
}

PLAN = {
    "slug": "open-region-2024-2027",
    "framework": "open_collectivities",
    "code": "RMS-PRO-2024-2027",
    "period": (date(2024, 1, 1), date(2027, 12, 31)),
    "adoption_date": date(2023, 10, 5),
    "documents": ["pv-session", "charter"],
    "phases": [
        ("co_creation", date(2023, 6, 1), date(2023, 9, 14)),
        ("consultation", date(2023, 9, 15), date(2023, 9, 30)),
        ("adoption", date(2023, 10, 5), date(2023, 10, 5)),
        ("implementation", date(2024, 1, 1), date(2027, 12, 31)),
        ("evaluation", date(2027, 6, 1), date(2027, 12, 31)),
    ],
    "ar": {
        "title": "برنامج الجهة المنفتحة 2024–2027",
        "intro": (
            "برنامج عمل الانفتاح لمجلس جهة مراكش آسفي: عشرة التزامات في الشفافية والحق في الحصول "
            "على المعلومات والمشاركة المواطنة والمساءلة والرقمنة، أعدت مع المجتمع المدني، وتتبع "
            "وتقيم معه."
        ),
        "vision": (
            "<p>جهة تعمل بشفافية، وتشرك ساكنتها في قراراتها، وتقدم الحساب عن نتائجها.</p>"
            "<p>يندرج هذا البرنامج في إطار البرنامج الوطني لدعم الجماعات الترابية المنفتحة. "
            "أعد في ورشات للإعداد المشترك مع الهيئات الاستشارية الثلاث للمجلس وجمعيات المجتمع "
            "المدني، ثم عرض للاستشارة العمومية قبل أن يصادق عليه المجلس.</p>"
        ),
        "adoption_session": "الدورة العادية لشهر أكتوبر 2023",
        "adoption_reference": "المقرر رقم 2023/10/07",
        "bodies": [
            "هيئة السياسات العمومية الخاصة بالشباب",
            "هيئة المساواة وتكافؤ الفرص ومقاربة النوع",
            "الهيئة الاستشارية للتنمية الاقتصادية الجهوية",
        ],
        "documents": [
            ("محضر دورة أكتوبر 2023 (المصادقة على البرنامج)", date(2023, 10, 5)),
            ("ميثاق المشاركة المواطنة", date(2023, 6, 1)),
        ],
        "phases": [
            "ورشات مع الهيئات الاستشارية الثلاث والجمعيات لصياغة مشروع البرنامج.",
            "عرض المشروع للاستشارة العمومية على المنصة وفي لقاءات بالأقاليم.",
            "مصادقة المجلس على البرنامج في دورته العادية لشهر أكتوبر.",
            "إنجاز الالتزامات وتتبعها المشترك مع الجمعيات المعتمدة.",
            "التقييم المشترك النهائي مع الجمعيات ومقيمين مستقلين، ونشر تقريره.",
        ],
    },
    "fr": {
        "title": "Programme Région ouverte 2024–2027",
        "intro": (
            "Le programme d'ouverture du Conseil de la Région Marrakech-Safi : dix engagements "
            "pour la transparence, l'accès à l'information, la participation citoyenne, la "
            "redevabilité et le numérique, élaborés avec la société civile, qui les suit et les "
            "évalue avec nous."
        ),
        "vision": (
            "<p>Une Région qui travaille en transparence, associe ses habitants à ses décisions "
            "et rend compte de ses résultats.</p>"
            "<p>Inscrit dans le programme national d'appui aux collectivités territoriales "
            "ouvertes, ce programme a été élaboré lors d'ateliers de co-création avec les trois "
            "instances consultatives du Conseil et des associations, puis soumis à consultation "
            "publique avant son adoption par le Conseil.</p>"
        ),
        "adoption_session": "Session ordinaire d'octobre 2023",
        "adoption_reference": "Délibération n° 2023/10/07",
        "bodies": [
            "Instance consultative des politiques publiques de jeunesse",
            "Instance de l'équité, de l'égalité des chances et de l'approche genre",
            "Instance consultative du développement économique régional",
        ],
        "documents": [
            (
                "Procès-verbal de la session d'octobre 2023 (adoption du programme)",
                date(2023, 10, 5),
            ),
            ("Charte de la participation citoyenne", date(2023, 6, 1)),
        ],
        "phases": [
            "Ateliers avec les trois instances consultatives et les associations pour rédiger le projet.",
            "Projet soumis à consultation publique en ligne et lors de rencontres dans les provinces.",
            "Adoption du programme par le Conseil lors de sa session ordinaire d'octobre.",
            "Mise en œuvre des engagements et co-suivi avec les associations accréditées.",
            "Co-évaluation finale avec les associations et des évaluateurs indépendants, publication du rapport.",
        ],
    },
}


def _m(responsible, start, due, status, progress, ar, fr):
    return {
        "responsible": responsible,
        "start": start,
        "due": due,
        "status": status,
        "progress": progress,
        "ar": ar,
        "fr": fr,
    }


D = date
COMMITMENTS = [
    {
        "code": "RMS-01",
        "slug": "open-budget-data",
        "values": ["transparency", "access_to_information", "technology_innovation"],
        "lead": "region-dsi",
        "partners": ["region-finance", "transparency-association", "cadi-university"],
        "email": "donnees.ouvertes@demo.mosharaka.org",
        "dates": (D(2024, 1, 15), D(2026, 12, 31)),
        "budget": "1800000",
        "currency": "MAD",
        "status": UNDER_WAY,
        "progress": 70,
        "ar": {
            "title": "بوابة البيانات المفتوحة لميزانية الجهة",
            "intro": "نشر ميزانية الجهة وتنفيذها بصيغ مفتوحة يسهل على الجميع قراءتها وإعادة استعمالها.",
            "problem": (
                "تنشر ميزانية الجهة حاليا في شكل وثائق مصورة يصعب البحث فيها ومقارنتها من سنة إلى "
                "أخرى، ولا يتوفر المواطنون والجمعيات على أي معطيات عن تنفيذ الميزانية خلال السنة."
            ),
            "objective": (
                "إحداث بوابة إلكترونية تنشر الميزانية المعتمدة وتنفيذها الفصلي بصيغ مفتوحة (CSV "
                "وJSON)، مرفوقة بدليل مبسط للميزانية موجه للمواطنين."
            ),
            "results": (
                "ميزانيات ثلاث سنوات على الأقل منشورة بصيغة مفتوحة؛ تقرير فصلي عن التنفيذ داخل أجل "
                "45 يوما؛ 200 فاعل جمعوي وصحفي مكون على قراءة المعطيات المالية."
            ),
            "contact": "ليلى بناني",
            "tags": ["الميزانية", "البيانات المفتوحة"],
        },
        "fr": {
            "title": "Portail de données ouvertes sur le budget régional",
            "intro": (
                "Publier le budget de la Région et son exécution dans des formats ouverts, "
                "lisibles et réutilisables par tous."
            ),
            "problem": (
                "Le budget régional n'est publié aujourd'hui qu'en documents numérisés, difficiles "
                "à consulter et à comparer d'une année sur l'autre ; citoyens et associations ne "
                "disposent d'aucune donnée sur son exécution en cours d'année."
            ),
            "objective": (
                "Créer un portail qui publie le budget adopté et son exécution trimestrielle dans "
                "des formats ouverts (CSV, JSON), accompagné d'un guide budgétaire citoyen."
            ),
            "results": (
                "Au moins trois exercices budgétaires publiés en données ouvertes ; un état "
                "d'exécution trimestriel publié sous 45 jours ; 200 acteurs associatifs et "
                "journalistes formés à la lecture des données budgétaires."
            ),
            "contact": "Leïla Bennani",
            "tags": ["budget", "données ouvertes"],
        },
        "milestones": [
            _m(
                "region-finance",
                D(2024, 1, 15),
                D(2024, 6, 30),
                DONE,
                100,
                "جرد معطيات الميزانية واعتماد معيار موحد للنشر",
                "Inventaire des données budgétaires et adoption d'un standard de publication",
            ),
            _m(
                "region-dsi",
                D(2024, 7, 1),
                D(2025, 3, 31),
                DONE,
                100,
                "إطلاق البوابة ونشر ميزانيات 2022 إلى 2024 بصيغة مفتوحة",
                "Lancement du portail et publication des budgets 2022 à 2024 en données ouvertes",
            ),
            _m(
                "region-communication",
                D(2025, 1, 1),
                D(2025, 9, 30),
                DONE,
                100,
                "إصدار دليل الميزانية المبسط للمواطن بالعربية والأمازيغية والفرنسية",
                "Publication d'un guide budgétaire citoyen en arabe, en amazighe et en français",
            ),
            _m(
                "region-finance",
                D(2025, 4, 1),
                D(2026, 6, 30),
                UNDER_WAY,
                60,
                "النشر الفصلي لتقارير تنفيذ الميزانية داخل أجل 45 يوما",
                "Publication trimestrielle de l'exécution budgétaire dans un délai de 45 jours",
            ),
            _m(
                "cadi-university",
                D(2026, 3, 1),
                D(2026, 12, 31),
                UNDER_WAY,
                40,
                "تكوين الجمعيات والصحفيين على قراءة المعطيات المالية وإعادة استعمالها",
                "Formation des associations et des journalistes à la lecture et à la réutilisation des données budgétaires",
            ),
        ],
    },
    {
        "code": "RMS-02",
        "slug": "council-sessions",
        "values": ["transparency", "public_accountability", "access_to_information"],
        "lead": "region-communication",
        "partners": ["region-dsi", "transparency-association"],
        "email": "sessions@demo.mosharaka.org",
        "dates": (D(2024, 2, 1), D(2025, 12, 31)),
        "budget": "650000",
        "currency": "MAD",
        "status": DONE,
        "progress": 100,
        "ar": {
            "title": "نشر محاضر دورات المجلس والبث المباشر لجلساته",
            "intro": "تمكين كل مواطن من متابعة مداولات المجلس مباشرة والاطلاع على محاضرها في آجال معقولة.",
            "problem": (
                "جلسات المجلس علنية بحكم القانون، لكن حضورها يتطلب التنقل إلى مقر الجهة، ولا تنشر "
                "المحاضر إلا بعد أشهر وبشكل غير منتظم."
            ),
            "objective": (
                "بث جميع الدورات مباشرة على الإنترنت مع الترجمة إلى لغة الإشارة، ونشر المحاضر "
                "والمقررات داخل أجل خمسة عشر يوما في أرشيف قابل للبحث."
            ),
            "results": (
                "بث جميع الدورات العادية والاستثنائية؛ نشر المحاضر في أجل أقصاه 15 يوما؛ أرشيف "
                "رقمي للمحاضر منذ 2021."
            ),
            "contact": "كريم العلوي",
            "tags": ["دورات المجلس", "الشفافية"],
        },
        "fr": {
            "title": "Publication des procès-verbaux et retransmission en direct des sessions du Conseil",
            "intro": (
                "Permettre à chacun de suivre les délibérations du Conseil en direct et d'en lire "
                "les procès-verbaux dans des délais raisonnables."
            ),
            "problem": (
                "Les sessions du Conseil sont publiques de droit, mais y assister suppose de se "
                "déplacer au siège de la Région, et les procès-verbaux ne sont publiés qu'après "
                "plusieurs mois, de manière irrégulière."
            ),
            "objective": (
                "Retransmettre toutes les sessions en direct sur internet, avec interprétation en "
                "langue des signes, et publier procès-verbaux et délibérations sous quinze jours "
                "dans une archive consultable."
            ),
            "results": (
                "Toutes les sessions ordinaires et extraordinaires retransmises ; procès-verbaux "
                "publiés sous 15 jours au plus ; archive numérique des procès-verbaux depuis 2021."
            ),
            "contact": "Karim Alaoui",
            "tags": ["sessions du Conseil", "transparence"],
        },
        "milestones": [
            _m(
                "region-planning",
                D(2024, 2, 1),
                D(2024, 5, 31),
                DONE,
                100,
                "اعتماد مسطرة داخلية لنشر المحاضر داخل أجل 15 يوما",
                "Adoption d'une procédure interne de publication des procès-verbaux sous 15 jours",
            ),
            _m(
                "region-dsi",
                D(2024, 3, 1),
                D(2024, 9, 30),
                DONE,
                100,
                "تجهيز قاعة الدورات بمعدات البث المباشر",
                "Équipement de la salle des sessions pour la retransmission en direct",
            ),
            _m(
                "region-communication",
                D(2024, 10, 1),
                D(2025, 12, 31),
                DONE,
                100,
                "البث المباشر لجميع الدورات مع الترجمة إلى لغة الإشارة",
                "Retransmission en direct de toutes les sessions, avec interprétation en langue des signes",
            ),
            _m(
                "region-dsi",
                D(2025, 1, 1),
                D(2025, 10, 31),
                DONE,
                100,
                "أرشيف رقمي قابل للبحث لمحاضر الدورات منذ 2021",
                "Archive numérique consultable des procès-verbaux depuis 2021",
            ),
            _m(
                "region-dsi",
                D(2025, 3, 1),
                D(2025, 9, 30),
                DROPPED,
                0,
                "تطبيق هاتفي لمتابعة الدورات (عوض بموقع ملائم للهواتف)",
                "Application mobile de suivi des sessions (remplacée par un site adapté aux mobiles)",
            ),
        ],
    },
    {
        "code": "RMS-03",
        "slug": "complaints-service",
        "values": ["public_accountability", "civic_participation", "technology_innovation"],
        "lead": "region-planning",
        "partners": ["region-dsi", "transparency-association"],
        "email": "reclamations@demo.mosharaka.org",
        "dates": (D(2024, 3, 1), D(2026, 12, 31)),
        "budget": "1200000",
        "currency": "MAD",
        "status": LATE,
        "progress": 45,
        "ar": {
            "title": "مصلحة لتدبير شكايات المرتفقين",
            "intro": "شباك واحد، حضوري وإلكتروني، يتلقى الشكايات ويتتبعها ويجيب عنها بجواب معلل داخل أجل محدد.",
            "problem": (
                "تصل شكايات المواطنين إلى مصالح متعددة دون تسجيل موحد، فلا يعرف أصحابها مآلها، "
                "ولا يملك المجلس صورة شاملة عن المشاكل المتكررة."
            ),
            "objective": (
                "إحداث مصلحة مركزية تسجل كل شكاية برقم تتبع، وتجيب عنها داخل 30 يوما، وتنشر "
                "تقريرا سنويا عن الشكايات وطرق معالجتها."
            ),
            "results": (
                "الإجابة عن 80% من الشكايات داخل 30 يوما؛ تقرير سنوي منشور؛ قياس رضا المرتفقين "
                "كل سنة."
            ),
            "contact": "سعاد المرابط",
            "tags": ["الشكايات", "الخدمات الرقمية"],
        },
        "fr": {
            "title": "Un service de gestion des réclamations des usagers",
            "intro": (
                "Un guichet unique, physique et en ligne, qui reçoit les réclamations, les suit "
                "et y répond de façon motivée dans un délai fixé."
            ),
            "problem": (
                "Les réclamations arrivent dans différents services sans enregistrement commun : "
                "leurs auteurs n'en connaissent pas la suite, et le Conseil n'a aucune vue "
                "d'ensemble des problèmes récurrents."
            ),
            "objective": (
                "Créer un service central qui enregistre chaque réclamation avec un numéro de "
                "suivi, y répond sous 30 jours et publie un rapport annuel sur les réclamations et "
                "leur traitement."
            ),
            "results": (
                "80 % des réclamations traitées sous 30 jours ; un rapport annuel publié ; la "
                "satisfaction des usagers mesurée chaque année."
            ),
            "contact": "Souad El Mrabet",
            "tags": ["réclamations", "services numériques"],
        },
        "milestones": [
            _m(
                "region-planning",
                D(2024, 3, 1),
                D(2024, 9, 30),
                DONE,
                100,
                "إحداث مكتب الشكايات ونشر ميثاق الاستقبال",
                "Création du bureau des réclamations et publication de sa charte d'accueil",
            ),
            _m(
                "region-dsi",
                D(2024, 10, 1),
                D(2025, 6, 30),
                DONE,
                100,
                "استمارة إلكترونية للشكايات برقم تتبع",
                "Formulaire de réclamation en ligne avec numéro de suivi",
            ),
            _m(
                "region-planning",
                D(2025, 7, 1),
                D(2026, 3, 31),
                LATE,
                50,
                "الإجابة عن كل شكاية بجواب معلل داخل أجل 30 يوما",
                "Réponse motivée à chaque réclamation dans un délai de 30 jours",
            ),
            _m(
                "region-planning",
                D(2026, 1, 1),
                D(2026, 9, 30),
                TODO,
                0,
                "نشر أول تقرير سنوي عن الشكايات ومآلها",
                "Publication du premier rapport annuel sur les réclamations et leurs suites",
            ),
        ],
    },
    {
        "code": "RMS-04",
        "slug": "petitions-platform",
        "values": ["civic_participation", "technology_innovation"],
        "lead": "region-dsi",
        "partners": ["transparency-association", "youth-forum"],
        "email": "participation@demo.mosharaka.org",
        "dates": (D(2024, 6, 1), D(2027, 6, 30)),
        "budget": "1500000",
        "currency": "MAD",
        "status": UNDER_WAY,
        "progress": 55,
        "ar": {
            "title": "منصة رقمية للعرائض والاستشارة المواطنة",
            "intro": "تيسير ممارسة الحق في تقديم العرائض إلى مجلس الجهة، وإشراك المواطنين في الاستشارات العمومية عبر الإنترنت.",
            "problem": (
                "يضمن القانون التنظيمي 111.14 الحق في تقديم العرائض، غير أن شروطها المعقدة وجمع "
                "التوقيعات على الورق جعلا عدد العرائض المقدمة منذ 2016 ضعيفا جدا."
            ),
            "objective": (
                "منصة إلكترونية لإيداع العرائض وجمع التوقيعات وتتبع مآلها، تحتضن كذلك الاستشارات "
                "العمومية حول مشاريع الجهة."
            ),
            "results": (
                "دليل مبسط منشور؛ منصة مفتوحة للعموم؛ ثلاث استشارات عمومية على الأقل؛ جواب معلل "
                "على كل عريضة مقبولة."
            ),
            "contact": "يوسف الإدريسي",
            "tags": ["المشاركة المواطنة", "العرائض"],
        },
        "fr": {
            "title": "Une plateforme numérique de pétitions et de consultation citoyenne",
            "intro": (
                "Faciliter l'exercice du droit de pétition auprès du Conseil régional et associer "
                "les citoyens aux consultations publiques en ligne."
            ),
            "problem": (
                "La loi organique 111-14 garantit le droit de pétition, mais des conditions "
                "complexes et la collecte de signatures sur papier expliquent le très faible "
                "nombre de pétitions déposées depuis 2016."
            ),
            "objective": (
                "Une plateforme en ligne pour déposer une pétition, recueillir des signatures et "
                "en suivre les suites, qui accueille aussi les consultations publiques sur les "
                "projets régionaux."
            ),
            "results": (
                "Un guide simplifié publié ; une plateforme ouverte au public ; au moins trois "
                "consultations publiques ; une réponse motivée à chaque pétition recevable."
            ),
            "contact": "Youssef Idrissi",
            "tags": ["participation citoyenne", "pétitions"],
        },
        "milestones": [
            _m(
                "region-communication",
                D(2024, 6, 1),
                D(2024, 12, 31),
                DONE,
                100,
                "دليل مبسط لشروط تقديم العرائض إلى مجلس الجهة",
                "Guide simplifié des conditions de dépôt d'une pétition auprès du Conseil régional",
            ),
            _m(
                "region-dsi",
                D(2025, 1, 1),
                D(2025, 12, 31),
                DONE,
                100,
                "إطلاق المنصة الإلكترونية للعرائض والاستشارات",
                "Lancement de la plateforme en ligne des pétitions et des consultations",
            ),
            _m(
                "region-planning",
                D(2026, 1, 1),
                D(2026, 12, 31),
                UNDER_WAY,
                60,
                "تنظيم ثلاث استشارات عمومية حول مشاريع جهوية",
                "Organisation de trois consultations publiques sur des projets régionaux",
            ),
            _m(
                "transparency-association",
                D(2027, 1, 1),
                D(2027, 6, 30),
                TODO,
                0,
                "تقييم مستقل للمنصة بمشاركة الجمعيات",
                "Évaluation indépendante de la plateforme avec les associations",
            ),
        ],
    },
    {
        "code": "RMS-05",
        "slug": "youth-council",
        "values": ["civic_participation", "inclusion"],
        "lead": "youth-body",
        "partners": ["youth-forum", "region-planning"],
        "email": "jeunes@demo.mosharaka.org",
        "dates": (D(2024, 4, 1), D(2026, 10, 31)),
        "budget": "400000",
        "currency": "MAD",
        "status": UNDER_WAY,
        "progress": 80,
        "ar": {
            "title": "مجلس جهوي للشباب",
            "intro": "فضاء دائم يبدي فيه شباب الجهة رأيهم في السياسات التي تهمهم، وفي مقدمتها الميزانية.",
            "problem": (
                "يمثل الشباب أكثر من ثلث سكان الجهة، لكن مشاركتهم في الحياة العامة المحلية "
                "ضعيفة، في غياب آلية منتظمة للاستماع إليهم."
            ),
            "objective": (
                "إحداث مجلس جهوي للشباب بالتعاون مع هيئة السياسات العمومية الخاصة بالشباب، يراعي "
                "المناصفة والتوازن بين الأقاليم، ويبدي رأيه كل سنة في مشروع الميزانية."
            ),
            "results": (
                "45 عضوة وعضوا من جميع أقاليم الجهة؛ رأي سنوي منشور حول الميزانية؛ جواب مكتوب "
                "من المجلس على توصياته."
            ),
            "contact": "أمين بوزيد",
            "tags": ["الشباب", "المشاركة المواطنة"],
        },
        "fr": {
            "title": "Un conseil régional des jeunes",
            "intro": (
                "Un espace permanent où les jeunes de la région donnent leur avis sur les "
                "politiques qui les concernent, à commencer par le budget."
            ),
            "problem": (
                "Les jeunes représentent plus d'un tiers de la population régionale mais "
                "participent peu à la vie publique locale, faute d'un dispositif régulier pour "
                "les entendre."
            ),
            "objective": (
                "Créer, avec l'instance consultative des politiques publiques de jeunesse, un "
                "conseil régional des jeunes paritaire et équilibré entre provinces, qui rend "
                "chaque année un avis sur le projet de budget."
            ),
            "results": (
                "45 membres issus de toutes les provinces de la région ; un avis annuel publié sur "
                "le budget ; une réponse écrite du Conseil à ses recommandations."
            ),
            "contact": "Amine Bouzid",
            "tags": ["jeunesse", "participation citoyenne"],
        },
        "milestones": [
            _m(
                "youth-forum",
                D(2024, 4, 1),
                D(2024, 10, 31),
                DONE,
                100,
                "صياغة ميثاق مجلس الشباب في ورشات بجميع الأقاليم",
                "Rédaction de la charte du conseil des jeunes lors d'ateliers dans toutes les provinces",
            ),
            _m(
                "youth-body",
                D(2024, 11, 1),
                D(2025, 3, 31),
                DONE,
                100,
                "اختيار 45 عضوة وعضوا مع احترام المناصفة والتوازن المجالي",
                "Sélection de 45 membres dans le respect de la parité et de l'équilibre territorial",
            ),
            _m(
                "youth-body",
                D(2025, 4, 1),
                D(2026, 10, 31),
                UNDER_WAY,
                70,
                "رأي مجلس الشباب في مشروعي ميزانيتي 2026 و2027",
                "Avis du conseil des jeunes sur les projets de budget 2026 et 2027",
            ),
        ],
    },
    {
        "code": "RMS-06",
        "slug": "gender-budgeting",
        "values": ["inclusion", "public_accountability", "transparency"],
        "lead": "equality-body",
        "partners": ["region-finance", "rural-women", "cadi-university"],
        "email": "egalite@demo.mosharaka.org",
        "dates": (D(2024, 9, 1), D(2027, 6, 30)),
        "budget": "900000",
        "currency": "MAD",
        "status": UNDER_WAY,
        "progress": 35,
        "ar": {
            "title": "ميزانية مستجيبة للنوع الاجتماعي",
            "intro": "معرفة من يستفيد من نفقات الجهة، نساء ورجالا، وتوجيه البرامج نحو تقليص الفوارق.",
            "problem": (
                "لا تتوفر الجهة على معطيات مصنفة حسب الجنس عن المستفيدين من برامجها، مما يصعب "
                "تقدير أثرها على النساء والفتيات، خاصة في الوسط القروي."
            ),
            "objective": (
                "إدماج مقاربة النوع في إعداد الميزانية وتتبعها، ونشر تقرير النوع مرفقا بمشروع "
                "الميزانية كل سنة."
            ),
            "results": (
                "تشخيص منشور؛ أطر المالية مكونون؛ تقرير النوع مرفق بميزانية 2027؛ مؤشرات النوع "
                "في خمسة برامج جهوية."
            ),
            "contact": "نادية الحسني",
            "tags": ["المساواة", "الميزانية"],
        },
        "fr": {
            "title": "Une budgétisation sensible au genre",
            "intro": (
                "Savoir qui, des femmes et des hommes, bénéficie des dépenses régionales, et "
                "orienter les programmes vers la réduction des écarts."
            ),
            "problem": (
                "La Région ne dispose pas de données ventilées par sexe sur les bénéficiaires de "
                "ses programmes, ce qui empêche d'en mesurer l'effet sur les femmes et les filles, "
                "surtout en milieu rural."
            ),
            "objective": (
                "Intégrer l'approche genre dans la préparation et le suivi du budget, et publier "
                "chaque année un rapport genre annexé au projet de budget."
            ),
            "results": (
                "Un diagnostic publié ; les cadres financiers formés ; un rapport genre annexé au "
                "budget 2027 ; des indicateurs genre dans cinq programmes régionaux."
            ),
            "contact": "Nadia El Hassani",
            "tags": ["égalité femmes-hommes", "budget"],
        },
        "milestones": [
            _m(
                "cadi-university",
                D(2024, 9, 1),
                D(2025, 6, 30),
                DONE,
                100,
                "تشخيص البرامج الجهوية بمعطيات مصنفة حسب الجنس",
                "Diagnostic des programmes régionaux à partir de données ventilées par sexe",
            ),
            _m(
                "region-finance",
                D(2025, 3, 1),
                D(2025, 12, 31),
                DONE,
                100,
                "تكوين أطر المالية على الميزانية المستجيبة للنوع",
                "Formation des cadres financiers à la budgétisation sensible au genre",
            ),
            _m(
                "region-finance",
                D(2026, 1, 1),
                D(2026, 10, 31),
                UNDER_WAY,
                50,
                "إعداد تقرير النوع المرفق بمشروع ميزانية 2027",
                "Rapport genre annexé au projet de budget 2027",
            ),
            _m(
                "equality-body",
                D(2026, 6, 1),
                D(2027, 6, 30),
                TODO,
                0,
                "اعتماد مؤشرات النوع في خمسة برامج جهوية",
                "Indicateurs genre dans cinq programmes régionaux",
            ),
        ],
    },
    {
        "code": "RMS-07",
        "slug": "open-procurement",
        "values": ["transparency", "public_accountability", "access_to_information"],
        "lead": "region-procurement",
        "partners": ["region-dsi", "transparency-association"],
        "email": "marches@demo.mosharaka.org",
        "dates": (D(2025, 1, 1), D(2027, 3, 31)),
        "budget": "700000",
        "currency": "MAD",
        "status": UNDER_WAY,
        "progress": 30,
        "ar": {
            "title": "البيانات المفتوحة للصفقات العمومية",
            "intro": "نشر كل مراحل الصفقات العمومية للجهة، من البرمجة إلى التنفيذ، بصيغة مفتوحة.",
            "problem": (
                "تنشر إعلانات طلبات العروض في بوابة الصفقات العمومية، لكن نتائجها ومبالغ الصفقات "
                "المبرمة ومدى احترام آجال تنفيذها تبقى بعيدة عن متناول العموم."
            ),
            "objective": (
                "نشر البرنامج التوقعي للصفقات، والصفقات المبرمة (المبلغ ونائل الصفقة والآجال)، "
                "ولوحة قيادة لتتبع تنفيذها، وفق معيار البيانات المفتوحة للتعاقد (OCDS)."
            ),
            "results": (
                "البرنامج التوقعي منشور كل سنة؛ جميع الصفقات المبرمة منشورة بصيغة مفتوحة؛ لوحة "
                "قيادة عمومية لتتبع التنفيذ."
            ),
            "contact": "عبد الله أيت علي",
            "tags": ["الصفقات العمومية", "البيانات المفتوحة"],
        },
        "fr": {
            "title": "Données ouvertes de la commande publique",
            "intro": (
                "Publier chaque étape des marchés publics de la Région, de la programmation à "
                "l'exécution, en données ouvertes."
            ),
            "problem": (
                "Les appels d'offres sont publiés sur le portail national des marchés publics, "
                "mais leurs résultats, les montants attribués et le respect des délais "
                "d'exécution restent hors de portée du public."
            ),
            "objective": (
                "Publier le programme prévisionnel des achats, les marchés attribués (montant, "
                "titulaire, délais) et un tableau de bord de leur exécution, selon le standard "
                "des données ouvertes sur la commande publique (OCDS)."
            ),
            "results": (
                "Programme prévisionnel publié chaque année ; tous les marchés attribués publiés "
                "en données ouvertes ; un tableau de bord public de l'exécution."
            ),
            "contact": "Abdellah Aït Ali",
            "tags": ["commande publique", "données ouvertes"],
        },
        "milestones": [
            _m(
                "region-procurement",
                D(2025, 1, 1),
                D(2025, 3, 31),
                DONE,
                100,
                "نشر البرنامج التوقعي للصفقات برسم سنة 2025",
                "Publication du programme prévisionnel des achats 2025",
            ),
            _m(
                "region-dsi",
                D(2025, 4, 1),
                D(2026, 6, 30),
                UNDER_WAY,
                40,
                "نشر الصفقات المبرمة بصيغة مفتوحة وفق معيار OCDS",
                "Publication des marchés attribués en données ouvertes au format OCDS",
            ),
            _m(
                "region-dsi",
                D(2026, 7, 1),
                D(2027, 3, 31),
                TODO,
                0,
                "لوحة قيادة عمومية لتتبع تنفيذ الصفقات",
                "Tableau de bord public du suivi de l'exécution des marchés",
            ),
        ],
    },
    {
        "code": "RMS-08",
        "slug": "access-to-information",
        "values": ["access_to_information", "transparency"],
        "lead": "region-planning",
        "partners": ["region-communication", "transparency-association"],
        "email": "information@demo.mosharaka.org",
        "dates": (D(2024, 1, 15), D(2025, 12, 31)),
        "budget": "300000",
        "currency": "MAD",
        "status": DONE,
        "progress": 100,
        "ar": {
            "title": "خدمة طلبات الحصول على المعلومات",
            "intro": "تفعيل القانون 31.13 داخل الجهة: أشخاص مكلفون، واستمارة إلكترونية، وآجال محترمة، ونشر استباقي.",
            "problem": (
                "منذ دخول القانون 31.13 المتعلق بالحق في الحصول على المعلومات حيز التنفيذ، ظلت "
                "الطلبات الموجهة إلى الجهة قليلة، لأن المواطنين لا يعرفون إلى من يوجهونها ولا "
                "الآجال المعمول بها."
            ),
            "objective": (
                "تعيين الأشخاص المكلفين وتكوينهم، وإطلاق استمارة إلكترونية تتتبع الآجال "
                "القانونية، ومسك سجل للمعلومات المنشورة استباقيا، ونشر تقرير سنوي عن الطلبات."
            ),
            "results": (
                "الإجابة داخل الأجل القانوني عن 90% من الطلبات؛ سجل النشر الاستباقي محين كل "
                "فصل؛ تقرير سنوي منشور."
            ),
            "contact": "هشام الصافي",
            "tags": ["الحق في الحصول على المعلومات"],
        },
        "fr": {
            "title": "Un service des demandes d'accès à l'information",
            "intro": (
                "Faire vivre la loi 31-13 à la Région : des personnes chargées, un formulaire en "
                "ligne, des délais respectés et une publication proactive."
            ),
            "problem": (
                "Depuis l'entrée en vigueur de la loi 31-13 relative au droit d'accès à "
                "l'information, la Région reçoit peu de demandes : les citoyens ne savent ni à "
                "qui les adresser ni quels délais s'appliquent."
            ),
            "objective": (
                "Désigner et former des personnes chargées, ouvrir un formulaire en ligne qui "
                "suit les délais légaux, tenir un registre des informations publiées d'office et "
                "publier un rapport annuel sur les demandes."
            ),
            "results": (
                "90 % des demandes traitées dans le délai légal ; registre de publication "
                "proactive mis à jour chaque trimestre ; rapport annuel publié."
            ),
            "contact": "Hicham Safi",
            "tags": ["accès à l'information"],
        },
        "milestones": [
            _m(
                "region-planning",
                D(2024, 1, 15),
                D(2024, 4, 30),
                DONE,
                100,
                "تعيين الأشخاص المكلفين بالحصول على المعلومات وتكوينهم",
                "Désignation et formation des personnes chargées de l'accès à l'information",
            ),
            _m(
                "region-dsi",
                D(2024, 5, 1),
                D(2024, 12, 31),
                DONE,
                100,
                "استمارة إلكترونية للطلبات مع تتبع الآجال القانونية",
                "Formulaire de demande en ligne avec suivi des délais légaux",
            ),
            _m(
                "region-communication",
                D(2025, 1, 1),
                D(2025, 6, 30),
                DONE,
                100,
                "سجل للمعلومات المنشورة استباقيا",
                "Registre des informations publiées d'office",
            ),
            _m(
                "region-planning",
                D(2025, 7, 1),
                D(2025, 12, 31),
                DONE,
                100,
                "نشر أول تقرير سنوي عن طلبات الحصول على المعلومات",
                "Publication du premier rapport annuel sur les demandes d'accès à l'information",
            ),
        ],
    },
    {
        "code": "RMS-09",
        "slug": "participatory-monitoring",
        "values": ["public_accountability", "civic_participation"],
        "lead": "region-planning",
        "partners": ["transparency-association", "youth-forum", "rural-women"],
        "email": "suivi@demo.mosharaka.org",
        "dates": (D(2024, 6, 1), D(2027, 12, 31)),
        "budget": "500000",
        "currency": "MAD",
        "status": UNDER_WAY,
        "progress": 50,
        "ar": {
            "title": "التتبع التشاركي للبرنامج مع جمعيات المجتمع المدني",
            "intro": "جمعيات معتمدة تتتبع إنجاز كل التزام إلى جانب المصالح، وتنشر تقييمها المستقل على هذه المنصة.",
            "problem": (
                "كانت البرامج السابقة تقيم داخليا فقط، فلا يعرف المواطنون ما تحقق منها ولا أسباب "
                "تأخر بعض المشاريع."
            ),
            "objective": (
                "إبرام اتفاقية تتبع مع الجمعيات المعتمدة، وعقد لقاء تتبع علني كل ستة أشهر، ونشر "
                "تقريري التقييم المرحلي والنهائي بمساهمة الجمعيات."
            ),
            "results": (
                "اتفاقية موقعة؛ ستة لقاءات تتبع علنية؛ تقرير مرحلي وتقرير نهائي منشوران مع تقييم "
                "الجمعيات."
            ),
            "contact": "رشيد العمراني",
            "tags": ["التتبع المشترك", "المجتمع المدني"],
        },
        "fr": {
            "title": "Le suivi participatif du programme avec les associations",
            "intro": (
                "Des associations accréditées suivent la réalisation de chaque engagement aux "
                "côtés des services et publient leur appréciation indépendante sur cette "
                "plateforme."
            ),
            "problem": (
                "Les programmes précédents n'étaient évalués qu'en interne : les citoyens "
                "ignoraient ce qui avait été réalisé et pourquoi certains projets prenaient du "
                "retard."
            ),
            "objective": (
                "Signer une convention de suivi avec les associations accréditées, tenir une "
                "réunion publique de suivi tous les six mois et publier les évaluations à "
                "mi-parcours et finale avec leurs contributions."
            ),
            "results": (
                "Une convention signée ; six réunions publiques de suivi ; un rapport à "
                "mi-parcours et un rapport final publiés avec l'appréciation des associations."
            ),
            "contact": "Rachid El Amrani",
            "tags": ["co-suivi", "société civile"],
        },
        "milestones": [
            _m(
                "region-planning",
                D(2024, 6, 1),
                D(2024, 12, 31),
                DONE,
                100,
                "توقيع اتفاقية التتبع مع الجمعيات المعتمدة",
                "Signature de la convention de suivi avec les associations accréditées",
            ),
            _m(
                "transparency-association",
                D(2025, 1, 1),
                D(2027, 12, 31),
                UNDER_WAY,
                50,
                "لقاءات تتبع علنية كل ستة أشهر",
                "Réunions publiques de suivi tous les six mois",
            ),
            _m(
                "region-planning",
                D(2026, 1, 1),
                D(2026, 9, 30),
                UNDER_WAY,
                70,
                "نشر تقرير التقييم المرحلي مع تقييم الجمعيات",
                "Publication du rapport d'évaluation à mi-parcours avec l'appréciation des associations",
            ),
            _m(
                "transparency-association",
                D(2027, 6, 1),
                D(2027, 12, 31),
                TODO,
                0,
                "التقييم المشترك النهائي للبرنامج",
                "Co-évaluation finale du programme",
            ),
        ],
    },
    {
        "code": "RMS-10",
        "slug": "rural-digital-inclusion",
        "values": ["inclusion", "technology_innovation", "access_to_information"],
        "lead": "region-dsi",
        "partners": ["rural-women", "cadi-university", "youth-forum"],
        "email": "inclusion.numerique@demo.mosharaka.org",
        "dates": (D(2025, 1, 1), D(2027, 12, 31)),
        "budget": "2100000",
        "currency": "MAD",
        "status": UNDER_WAY,
        "progress": 25,
        "ar": {
            "title": "محو الأمية الرقمية في الجماعات القروية",
            "intro": "حتى لا تقصي الخدمات الرقمية سكان العالم القروي، خاصة النساء والمسنين.",
            "problem": (
                "يعيش قرابة نصف سكان الجهة في الوسط القروي، حيث الربط بالإنترنت محدود والمهارات "
                "الرقمية ضعيفة، فيصعب عليهم استعمال الخدمات والمنصات التي يطلقها البرنامج."
            ),
            "objective": (
                "فتح فضاءات رقمية جماعاتية، وتكوين النساء والشباب على الخدمات الإلكترونية، وإحداث "
                "شبكة من الوسطاء الرقميين المتطوعين."
            ),
            "results": "12 فضاء رقميا مفتوحا؛ 3000 امرأة وشاب مكونون؛ 60 وسيطا رقميا نشيطا.",
            "contact": "فاطمة الزهراء أوحمو",
            "tags": ["الرقمنة", "العالم القروي"],
        },
        "fr": {
            "title": "L'inclusion numérique dans les communes rurales",
            "intro": (
                "Pour que les services en ligne n'excluent pas les habitants du monde rural, en "
                "particulier les femmes et les personnes âgées."
            ),
            "problem": (
                "Près de la moitié des habitants de la région vivent en milieu rural, où la "
                "connexion est limitée et les compétences numériques faibles : ils peinent à "
                "utiliser les services et les plateformes que lance le programme."
            ),
            "objective": (
                "Ouvrir des espaces numériques communautaires, former femmes et jeunes aux "
                "services en ligne et créer un réseau de médiateurs numériques bénévoles."
            ),
            "results": (
                "12 espaces numériques ouverts ; 3 000 femmes et jeunes formés ; 60 médiateurs "
                "numériques actifs."
            ),
            "contact": "Fatima Zahra Ouhammou",
            "tags": ["numérique", "monde rural"],
        },
        "milestones": [
            _m(
                "cadi-university",
                D(2025, 1, 1),
                D(2025, 6, 30),
                DONE,
                100,
                "خريطة الربط والحاجيات الرقمية في 40 جماعة قروية",
                "Cartographie de la connexion et des besoins numériques dans 40 communes rurales",
            ),
            _m(
                "region-dsi",
                D(2025, 7, 1),
                D(2026, 9, 30),
                LATE,
                40,
                "فتح 12 فضاء رقميا جماعاتيا",
                "Ouverture de 12 espaces numériques communautaires",
            ),
            _m(
                "rural-women",
                D(2026, 1, 1),
                D(2027, 6, 30),
                UNDER_WAY,
                20,
                "تكوين 3000 امرأة وشاب على استعمال الخدمات الإلكترونية",
                "Formation de 3 000 femmes et jeunes à l'usage des services en ligne",
            ),
            _m(
                "youth-forum",
                D(2026, 6, 1),
                D(2027, 12, 31),
                TODO,
                0,
                "شبكة من الوسطاء الرقميين المتطوعين",
                "Réseau de médiateurs numériques bénévoles",
            ),
            _m(
                "cadi-university",
                D(2027, 9, 1),
                D(2027, 12, 31),
                TODO,
                0,
                "دراسة أثر البرنامج على استعمال الخدمات الرقمية",
                "Étude d'impact sur l'usage des services en ligne",
            ),
        ],
    },
]
