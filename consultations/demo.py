"""Demo consultations: an open one on the draft charter of citizen participation (Arabic source,
French translation with the same paragraph anchors), the closed and answered 2023 consultation
on the draft Open Region programme, a Dari consultation in Mazar-i-Sharif, and comments on a
commitment. All text is written for this demo."""

import json
import uuid
from datetime import date, timedelta

from django.apps import apps
from django.utils import timezone

from accounts.models import User
from home.demo.files import aware
from home.pagetree import add_child, translate

from .models import Comment, CommentReport, CommentResponse, ConsultationIndexPage, ConsultationPage

NAMESPACE = uuid.UUID("6f1d8c2e-4d0b-4c43-9a57-2b7c3d51e0aa")

CHARTER = {
    "ar": [
        (
            "الأحكام العامة",
            [
                "يحدد هذا الميثاق المبادئ والقواعد التي يعتمدها مجلس جهة مراكش آسفي لإشراك المواطنات والمواطنين وجمعيات المجتمع المدني في إعداد برامجه وتتبعها وتقييمها.",
                "يستند الميثاق إلى مبادئ الشفافية والمساءلة والحق في الحصول على المعلومات والمشاركة المواطنة، وإلى آليات الحوار والتشاور التي ينص عليها القانون التنظيمي المتعلق بالجهات.",
                "يسري هذا الميثاق على جميع المشاريع والبرامج التي يعرضها المجلس للاستشارة العمومية، ومنها برنامج عمل الانفتاح وبرنامج التنمية الجهوية.",
            ],
        ),
        (
            "الاستشارة العمومية",
            [
                "ينشر المجلس كل مشروع وثيقة على هذه المنصة ثلاثين يوما على الأقل قبل عرضه على المداولة، مرفقا بملخص بلغة واضحة باللغتين العربية والفرنسية.",
                "يمكن لكل شخص مسجل أن يعلق على فقرة بعينها أو على الوثيقة ككل، ويمكن للجمعيات أن تعلق باسمها عبر ممثليها.",
                "تنظم مصالح المجلس لقاءات حضورية في عمالات وأقاليم الجهة لفائدة من لا يتوفرون على الأنترنت، وتدرج خلاصاتها في المنصة.",
            ],
        ),
        (
            "الرد المعلل",
            [
                "يجيب المجلس عن كل مساهمة بجواب معلل يبين هل أُخذ بها كليا أو جزئيا أو لم يؤخذ بها، ولماذا.",
                "ينشر المجلس تقريرا تركيبيا عن الاستشارة في أجل أقصاه ستون يوما بعد اختتامها، يبين التغييرات التي أُدخلت على المشروع.",
            ],
        ),
        (
            "التتبع والمراجعة",
            [
                "تتبع الهيئات الاستشارية الثلاث تطبيق هذا الميثاق، وتقدم للمجلس تقريرا سنويا يتضمن توصياتها.",
                "يراجَع الميثاق كل ثلاث سنوات وفق المنهجية التشاركية نفسها التي أُعد بها.",
            ],
        ),
    ],
    "fr": [
        (
            "Dispositions générales",
            [
                "La présente charte fixe les principes et les règles selon lesquels le Conseil de la Région Marrakech-Safi associe les citoyennes, les citoyens et les associations à l'élaboration, au suivi et à l'évaluation de ses programmes.",
                "Elle s'appuie sur les principes de transparence, de redevabilité, d'accès à l'information et de participation citoyenne, ainsi que sur les mécanismes de dialogue et de concertation prévus par la loi organique relative aux régions.",
                "Elle s'applique à tous les projets et programmes que le Conseil soumet à consultation publique, dont le programme d'ouverture et le programme de développement régional.",
            ],
        ),
        (
            "La consultation publique",
            [
                "Le Conseil publie chaque projet de document sur cette plateforme au moins trente jours avant sa délibération, accompagné d'un résumé en langage clair, en arabe et en français.",
                "Toute personne inscrite peut commenter un paragraphe précis ou le document dans son ensemble ; les associations peuvent s'exprimer en leur nom par l'intermédiaire de leurs représentants.",
                "Les services du Conseil organisent des rencontres en présentiel dans les préfectures et provinces de la région pour les personnes sans accès à internet, et en versent les conclusions sur la plateforme.",
            ],
        ),
        (
            "La réponse motivée",
            [
                "Le Conseil répond à chaque contribution par une réponse motivée indiquant si elle a été retenue en tout ou en partie, ou non retenue, et pourquoi.",
                "Le Conseil publie un rapport de synthèse de la consultation au plus tard soixante jours après sa clôture, en précisant les modifications apportées au projet.",
            ],
        ),
        (
            "Suivi et révision",
            [
                "Les trois instances consultatives suivent l'application de la présente charte et présentent au Conseil un rapport annuel assorti de leurs recommandations.",
                "La charte est révisée tous les trois ans selon la même démarche participative que celle de son élaboration.",
            ],
        ),
    ],
}

PROGRAMME = {
    "ar": [
        (
            "الرؤية",
            [
                "يهدف البرنامج إلى جعل تدبير الشأن الجهوي أكثر شفافية وقربا من المواطنات والمواطنين خلال الفترة 2024-2027."
            ],
        ),
        (
            "الالتزامات المقترحة",
            [
                "الالتزام الأول: نشر معطيات الميزانية الجهوية وصفقاتها العمومية في صيغ مفتوحة قابلة لإعادة الاستعمال.",
                "الالتزام الثاني: إحداث منصة رقمية للاستشارة العمومية حول مشاريع الوثائق الجهوية.",
                "الالتزام الثالث: تعزيز قدرات جمعيات المجتمع المدني في مجال التتبع والتقييم.",
            ],
        ),
        (
            "الحكامة",
            [
                "تشرف لجنة مشتركة بين المجلس والمجتمع المدني على تتبع تنفيذ البرنامج، وتجتمع مرتين في السنة على الأقل."
            ],
        ),
    ],
    "fr": [
        (
            "Vision",
            [
                "Le programme vise à rendre la gestion des affaires régionales plus transparente et plus proche des citoyennes et des citoyens sur la période 2024-2027."
            ],
        ),
        (
            "Engagements proposés",
            [
                "Engagement 1 : publier les données du budget régional et de ses marchés publics dans des formats ouverts et réutilisables.",
                "Engagement 2 : créer une plateforme numérique de consultation publique sur les projets de documents régionaux.",
                "Engagement 3 : renforcer les capacités des associations en matière de suivi et d'évaluation.",
            ],
        ),
        (
            "Gouvernance",
            [
                "Un comité mixte du Conseil et de la société civile suit la mise en œuvre du programme et se réunit au moins deux fois par an."
            ],
        ),
    ],
}

MONITORING = {
    "ar": [
        (
            "مؤشرات التتبع",
            [
                "يُتتبع كل التزام بمؤشر واحد على الأقل للإنجاز ومؤشر للأثر، تُنشر قيمهما كل ستة أشهر.",
                "تعد مصالح المجلس تقرير التتبع الرسمي، وتضيف الجمعيات المعتمدة تقييمها المستقل إلى جانبه.",
            ],
        ),
        (
            "التقييم المرحلي",
            [
                "يُجرى التقييم المرحلي في منتصف مدة البرنامج وفق سلالم شراكة الحكومة المنفتحة.",
                "تُعرض نتائج التقييم في لقاء عمومي قبل نشر التقرير النهائي.",
            ],
        ),
    ],
    "fr": [
        (
            "Indicateurs de suivi",
            [
                "Chaque engagement est suivi par au moins un indicateur de réalisation et un indicateur d'impact, dont les valeurs sont publiées tous les six mois.",
                "Les services du Conseil rédigent le rapport de suivi officiel ; les associations accréditées y ajoutent leur évaluation indépendante.",
            ],
        ),
        (
            "Évaluation à mi-parcours",
            [
                "L'évaluation à mi-parcours a lieu au milieu de la période du programme, selon les échelles du Partenariat pour un gouvernement ouvert.",
                "Les résultats sont présentés lors d'une rencontre publique avant la publication du rapport final.",
            ],
        ),
    ],
}

URBAN_PLAN = [
    (
        "اولویت‌های خدمات شهری",
        [
            "شاروالی پیشنهاد می‌کند که در سال آینده بیشترین بودجهٔ انکشافی به جمع‌آوری زباله و پاکی جوی‌ها در ناحیه‌های پرنفوس اختصاص یابد.",
            "سرک‌های فرعی ناحیه‌های دوم و هفتم به ترتیب نیازمندی، با نظر شوراهای گذر، قیرریزی می‌شوند.",
        ],
    ),
    (
        "اشتراک مردم",
        [
            "شاروالی هر سه ماه یک بار در جلسهٔ عمومی گزارش مصارف را به شهروندان و نهادهای جامعهٔ مدنی ارائه می‌کند.",
            "شکایت‌های شهروندان از طریق شوراهای گذر و این وبسایت ثبت و در مدت سی روز پاسخ داده می‌شود.",
        ],
    ),
]


def _ids(key: str, sections: list) -> list[tuple[str, list[str]]]:
    """Deterministic block ids, identical for every language version of one draft."""
    return [
        (
            str(uuid.uuid5(NAMESPACE, f"{key}:{s}")),
            [str(uuid.uuid5(NAMESPACE, f"{key}:{s}:{p}")) for p in range(len(paragraphs))],
        )
        for s, (_heading, paragraphs) in enumerate(sections)
    ]


def draft(key: str, sections: list) -> str:
    ids = _ids(key, sections)
    return json.dumps(
        [
            {
                "type": "section",
                "id": section_id,
                "value": {
                    "heading": heading,
                    "paragraphs": [
                        {"type": "item", "id": pid, "value": {"text": f"<p>{text}</p>"}}
                        for pid, text in zip(paragraph_ids, paragraphs, strict=True)
                    ],
                },
            }
            for (heading, paragraphs), (section_id, paragraph_ids) in zip(
                sections, ids, strict=True
            )
        ]
    )


def questions(*texts: str) -> str:
    return json.dumps([{"type": "question", "value": text} for text in texts])


def paragraph_id(key: str, section: int, paragraph: int) -> str:
    return str(uuid.uuid5(NAMESPACE, f"{key}:{section - 1}:{paragraph - 1}"))


def load(context: dict) -> dict:
    homes = context["homes"]
    _ORGANISATIONS.update(context["organisations"])
    users = {user.email.split("@")[0]: user for user in User.objects.all()}
    index = add_child(
        homes["ar"],
        ConsultationIndexPage(
            title="الاستشارات العمومية",
            slug="consultations",
            show_in_menus=True,
            intro="يعرض المجلس مشاريع وثائقه للاستشارة فقرة بفقرة، ويجيب عن كل مساهمة بجواب معلل.",
        ),
    )
    translate(
        index,
        "fr",
        title="Consultations publiques",
        intro=(
            "Le Conseil soumet ses projets de documents à consultation, paragraphe par paragraphe, "
            "et répond à chaque contribution par une réponse motivée."
        ),
    )
    translate(
        index,
        "en",
        title="Public consultations",
        intro="Draft documents open for comment, paragraph by paragraph, with the council's answers.",
    )
    charter = _charter(index, users)
    programme = _programme(index, users, context)
    monitoring = _monitoring(index, users)
    _dari(homes, users)
    _commitment_comments(users)
    return {"consultations": {"charter": charter, "programme": programme, "monitoring": monitoring}}


def _monitoring(index, users) -> ConsultationPage:
    """Closed a few days ago, its comments still waiting for the council's responses (one
    drafted by council staff): the editors' demo journey."""
    today = timezone.localdate()
    page = add_child(
        index,
        ConsultationPage(
            title="مشروع إطار التتبع والتقييم المرحلي",
            slug="cadre-suivi-mi-parcours",
            intro="كيف سيتتبع المجلس والجمعيات تنفيذ الالتزامات ويقيمونه في منتصف المدة.",
            consulted_on="مشروع إطار التتبع والتقييم المرحلي لبرنامج الجهة المنفتحة",
            opens_at=aware(today - timedelta(days=40), 9),
            closes_at=aware(today - timedelta(days=5), 18),
            draft=draft("monitoring", MONITORING["ar"]),
        ),
    )
    translate(
        page,
        "fr",
        title="Projet de cadre de suivi et d'évaluation à mi-parcours",
        intro=(
            "Comment le Conseil et les associations suivront la mise en œuvre des engagements "
            "et l'évalueront à mi-parcours."
        ),
        consulted_on="Projet de cadre de suivi et d'évaluation du programme Région ouverte",
        draft=draft("monitoring", MONITORING["fr"]),
    )
    key = page.translation_key
    rows = [
        (
            "citizen",
            (1, 1),
            "ar",
            "ستة أشهر مدة طويلة؛ نقترح نشر مؤشرات الإنجاز كل ثلاثة أشهر.",
            20,
        ),
        (
            "citoyenne",
            (2, 2),
            "fr",
            "Merci de diffuser la rencontre publique en direct pour celles et ceux qui ne "
            "peuvent pas se déplacer.",
            15,
        ),
        (
            "cso",
            (1, 2),
            "ar",
            "يجب أن تتوصل الجمعيات بالمعطيات الخام قبل شهر من كتابة تقييمها.",
            10,
        ),
    ]
    comments = []
    for user, on, language, body, days_ago in rows:
        comment = Comment.objects.create(
            target_key=key,
            paragraph=paragraph_id("monitoring", *on),
            language=language,
            author=users[user],
            body=body,
        )
        Comment.objects.filter(pk=comment.pk).update(
            created_at=timezone.now() - timedelta(days=days_ago)
        )
        comments.append(comment)
    CommentResponse.objects.create(
        comment=comments[2],
        outcome=CommentResponse.Outcome.INCORPORATED,
        justification="سيُدرج في الإطار أجل شهر لتسليم المعطيات الخام للجمعيات المعتمدة.",
        language="ar",
        drafted_by=users["staff"],
    )
    return page


def _charter(index, users) -> ConsultationPage:
    today = timezone.localdate()
    page = add_child(
        index,
        ConsultationPage(
            title="مشروع ميثاق المشاركة المواطنة",
            slug="charte-participation",
            intro="ساهموا في صياغة الميثاق الذي سيحدد كيف يشرك المجلس المواطنين والجمعيات في قراراته.",
            consulted_on="مشروع ميثاق المشاركة المواطنة لمجلس الجهة",
            opens_at=aware(today - timedelta(days=7), 9),
            closes_at=aware(today + timedelta(days=21), 23, 59),
            draft=draft("charter", CHARTER["ar"]),
            questions=questions(
                "هل آجال الاستشارة المقترحة كافية؟",
                "كيف يمكن إشراك من لا يستعملون الأنترنت؟",
                "ما الذي ينبغي أن يتضمنه التقرير التركيبي؟",
            ),
        ),
    )
    translate(
        page,
        "fr",
        title="Projet de charte de la participation citoyenne",
        intro=(
            "Contribuez à la charte qui fixera la manière dont le Conseil associe citoyens et "
            "associations à ses décisions."
        ),
        consulted_on="Projet de charte de la participation citoyenne du Conseil régional",
        draft=draft("charter", CHARTER["fr"]),
        questions=questions(
            "Les délais de consultation proposés sont-ils suffisants ?",
            "Comment associer les personnes qui n'utilisent pas internet ?",
            "Que doit contenir le rapport de synthèse ?",
        ),
    )
    key = page.translation_key
    french = ConsultationPage.objects.get(translation_key=key, locale__language_code="fr")

    def comment(user, on, body, language="ar", days_ago=1, parent=None, organisation=None):
        made = Comment.objects.create(
            target_key=key,
            paragraph=parent.paragraph if parent else (paragraph_id("charter", *on) if on else ""),
            language=language,
            author=users[user],
            body=body,
            parent=parent,
            organisation=organisation,
        )
        Comment.objects.filter(pk=made.pk).update(
            created_at=timezone.now() - timedelta(days=days_ago, hours=made.pk)
        )
        return made

    deadline = comment(
        "citizen",
        (2, 1),
        "ثلاثون يوما مدة قصيرة بالنسبة للوثائق الطويلة مثل برنامج التنمية الجهوية. أقترح خمسة وأربعين يوما على الأقل.",
        days_ago=6,
    )
    comment(
        "staff",
        None,
        "شكرا على الملاحظة. ستدرس المصالح تمديد الأجل بالنسبة للوثائق التي تتجاوز خمسين صفحة.",
        days_ago=5,
        parent=deadline,
    )
    comment(
        "citoyenne",
        (2, 1),
        "Je rejoins cette remarque. Il faudrait aussi un résumé audio pour les personnes qui ne "
        "lisent pas, diffusé par exemple sur les radios locales.",
        language="fr",
        days_ago=4,
    )
    association = _organisation("transparency-association")
    comment(
        "cso",
        (2, 3),
        "نقترح أن تشمل اللقاءات الحضورية الجماعات القروية وليس مراكز العمالات والأقاليم فقط، وأن تبرمج في أوقات تناسب النساء والفلاحين.",
        days_ago=3,
        organisation=association,
    )
    comment(
        "citoyenne",
        (3, 2),
        "Soixante jours, c'est long. Un point d'étape publié à trente jours permettrait de savoir "
        "où en est l'analyse des contributions.",
        language="fr",
        days_ago=2,
    )
    comment(
        "citizen",
        None,
        "ميثاق مهم. يجب أن يحدد أيضا كيف يمكن للمواطنين أن يقترحوا بأنفسهم موضوعا للاستشارة، وليس فقط أن يعلقوا على ما يعرضه المجلس.",
        days_ago=2,
    )
    off_topic = comment(
        "citizen",
        (4, 2),
        "من يعرف رقم هاتف مصلحة رخص البناء في آسفي؟ اتصلت عدة مرات دون جواب.",
        days_ago=1,
    )
    CommentReport.objects.create(
        comment=off_topic,
        user=users["citoyenne"],
        reason=CommentReport.Reason.OFF_TOPIC,
        note="Question sans rapport avec la charte.",
    )
    del french
    return page


def _organisation(key: str):
    """The first language version of a demo organisation (accounts.demo made them)."""
    return next(iter(_ORGANISATIONS[key].values()), None)


_ORGANISATIONS: dict = {}


def _programme(index, users, context) -> ConsultationPage:
    plan = _first_page("actionplans", "ActionPlanPage")
    page = add_child(
        index,
        ConsultationPage(
            title="استشارة حول مشروع برنامج الجهة المنفتحة 2024-2027",
            slug="programme-region-ouverte-2023",
            intro="عرض المجلس مشروع برنامج عمل الانفتاح للاستشارة قبل المصادقة عليه في دورة أكتوبر 2023.",
            consulted_on="مشروع برنامج عمل الانفتاح 2024-2027",
            related_page=plan,
            opens_at=aware(date(2023, 7, 10), 9),
            closes_at=aware(date(2023, 8, 31), 23, 59),
            draft=draft("programme", PROGRAMME["ar"]),
            outcome_summary=(
                "<p>تلقى المجلس خمس مساهمات. أُدمج اقتراح نشر تقارير فصلية لتنفيذ الميزانية في "
                "الالتزام الأول، وأصبحت المنصة الرقمية ثنائية اللغة وملائمة للهواتف.</p>"
            ),
        ),
    )
    translate(
        page,
        "fr",
        title="Consultation sur le projet de programme Région ouverte 2024-2027",
        intro=(
            "Le Conseil a soumis son projet de programme d'ouverture à consultation avant son "
            "adoption lors de la session d'octobre 2023."
        ),
        consulted_on="Projet de programme d'ouverture 2024-2027",
        draft=draft("programme", PROGRAMME["fr"]),
        outcome_summary=(
            "<p>Le Conseil a reçu cinq contributions. La publication de rapports trimestriels "
            "d'exécution du budget a été ajoutée à l'engagement 1, et la plateforme numérique "
            "sera bilingue et adaptée aux téléphones.</p>"
        ),
    )
    key = page.translation_key
    editor = users["editor"]
    association = _organisation("transparency-association")
    rows = [
        (
            "cso",
            (2, 1),
            "ar",
            "نقترح نشر تقارير تنفيذ الميزانية كل ثلاثة أشهر وليس مرة في السنة فقط.",
            CommentResponse.Outcome.INCORPORATED,
            "أُخذ بالاقتراح: ينص الالتزام الأول الآن على نشر تقرير فصلي عن تنفيذ الميزانية.",
            association,
        ),
        (
            "citoyenne",
            (2, 2),
            "fr",
            "La plateforme doit fonctionner sur téléphone, et en arabe comme en français.",
            CommentResponse.Outcome.PARTLY_INCORPORATED,
            "La plateforme sera bilingue et adaptée aux téléphones. Une version en amazighe est "
            "prévue dans un second temps, faute de moyens de traduction à ce stade.",
            None,
        ),
        (
            "citizen",
            (2, 3),
            "ar",
            "يجب تخصيص منح مالية للجمعيات الصغيرة في العالم القروي حتى تتمكن من التتبع.",
            CommentResponse.Outcome.NOT_INCORPORATED,
            "لا يتيح إطار البرنامج منح دعم مالي مباشر؛ ستنظم بدلا من ذلك دورات تكوينية مجانية في كل إقليم.",
            None,
        ),
        (
            "citizen",
            None,
            "ar",
            "ينبغي تحسين الإنارة العمومية في الأحياء الهامشية لمدينة آسفي.",
            CommentResponse.Outcome.OUT_OF_SCOPE,
            "الإنارة العمومية من اختصاص الجماعات لا مجلس الجهة؛ أحيلت الملاحظة على جماعة آسفي.",
            None,
        ),
        (
            "citoyenne",
            (3, 1),
            "fr",
            "Le comité de suivi devrait compter des jeunes parmi ses membres.",
            CommentResponse.Outcome.ALREADY_PLANNED,
            "La composition du comité prévoit déjà deux sièges pour le Forum des jeunes de la "
            "région.",
            None,
        ),
    ]
    for n, (user, on, language, body, outcome, justification, organisation) in enumerate(rows):
        comment = Comment.objects.create(
            target_key=key,
            paragraph=paragraph_id("programme", *on) if on else "",
            language=language,
            author=users[user],
            organisation=organisation,
            body=body,
        )
        posted = aware(date(2023, 7, 15 + 3 * n), 10)
        Comment.objects.filter(pk=comment.pk).update(created_at=posted)
        CommentResponse.objects.create(
            comment=comment,
            outcome=outcome,
            justification=justification,
            language=language,
            status=CommentResponse.Status.PUBLISHED,
            drafted_by=users["staff"],
            published_by=editor,
            published_at=aware(date(2023, 9, 20), 12),
        )
    return page


def _dari(homes, users) -> None:
    if "fa-af" not in homes:
        return
    today = timezone.localdate()
    index = add_child(
        homes["fa-af"],
        ConsultationIndexPage(
            title="نظرخواهی‌ها",
            slug="nazarkhahi-ha",
            show_in_menus=True,
            intro="شاروالی پیش‌نویس پلان‌های خود را برای نظرخواهی مردم نشر می‌کند.",
        ),
    )
    page = add_child(
        index,
        ConsultationPage(
            title="نظرخواهی دربارهٔ اولویت‌های پلان شهری مزار شریف",
            slug="plan-shahri",
            intro="نظر خود را دربارهٔ اولویت‌های خدمات شهری سال آینده بنویسید.",
            consulted_on="پیش‌نویس اولویت‌های پلان کاری شاروالی",
            opens_at=aware(today - timedelta(days=3), 8),
            closes_at=aware(today + timedelta(days=27), 16),
            draft=draft("mazar", URBAN_PLAN),
            questions=questions("کدام خدمت شهری برای گذر شما مهم‌تر است؟"),
        ),
    )
    balkh = _organisation("balkh-cso")
    first = Comment.objects.create(
        target_key=page.translation_key,
        paragraph=paragraph_id("mazar", 1, 2),
        language="fa-af",
        author=users["shahrwand"],
        body="سرک گذر ما در ناحیهٔ هفتم در فصل باران قابل استفاده نیست. لطفاً آن را در اولویت قرار دهید.",
    )
    Comment.objects.create(
        target_key=page.translation_key,
        paragraph=paragraph_id("mazar", 2, 1),
        language="fa-af",
        author=users["nahad"],
        organisation=balkh,
        body="پیشنهاد می‌کنیم گزارش مصارف به زبان ساده و در مسجدها و مکتب‌های گذر هم اعلان شود.",
    )
    del first


def _first_page(app_label: str, model_name: str, language: str = "ar"):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError:
        return None
    return model.objects.filter(locale__language_code=language).live().order_by("path").first()


def _commitment_comments(users) -> None:
    commitment = _first_page("actionplans", "CommitmentPage")
    if commitment is None:
        return
    key = commitment.translation_key
    first = Comment.objects.create(
        target_key=key,
        language="ar",
        author=users["citizen"],
        body="متى ستنشر أول دفعة من المعطيات؟ الجدول الزمني غير واضح في الصفحة.",
    )
    Comment.objects.create(
        target_key=key,
        language="ar",
        author=users["staff"],
        parent=first,
        body="تنشر الدفعة الأولى خلال الفصل الجاري، وسنحدّث مراحل الإنجاز في هذه الصفحة.",
    )
    Comment.objects.create(
        target_key=key,
        language="fr",
        author=users["citoyenne"],
        body="Merci de publier aussi les données dans un format tableur simple (CSV), pas seulement en PDF.",
    )
