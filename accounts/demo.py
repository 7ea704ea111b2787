"""Demo accounts for each role, and a few organisations. Credentials are listed in README.md."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from . import roles
from .models import Membership, Organisation, User

DEMO_PASSWORD = "mosharaka-demo"

# email, display name, preferred language, groups, superuser
DEMO_USERS = [
    ("admin@demo.mosharaka.org", "Admin", "fr", [], True),
    ("editor@demo.mosharaka.org", "Salma (rédaction)", "ar", [roles.EDITORS], False),
    ("moderator@demo.mosharaka.org", "Karim (modération)", "fr", [roles.MODERATORS], False),
    ("staff@demo.mosharaka.org", "Youssef (services)", "ar", [roles.COUNCIL_STAFF], False),
    ("evaluator@demo.mosharaka.org", "Dr. Amina", "fr", [roles.EVALUATORS], False),
    ("citizen@demo.mosharaka.org", "مواطن من آسفي", "ar", [], False),
    ("citoyenne@demo.mosharaka.org", "Citoyenne de Marrakech", "fr", [], False),
    ("cso@demo.mosharaka.org", "جمعية الشفافية", "ar", [], False),
    ("shahrwand@demo.mosharaka.org", "شهروند مزار", "fa-af", [], False),
    ("nahad@demo.mosharaka.org", "نهاد مدنی بلخ", "fa-af", [], False),
]

# Organisations: (key, kind, verified, {language: (name, acronym)})
DEMO_ORGANISATIONS = [
    (
        "region-dsi",
        Organisation.Kind.COUNCIL_DEPARTMENT,
        True,
        {
            "ar": ("مديرية نظم المعلومات بمجلس الجهة", "م.ن.م"),
            "fr": ("Direction des systèmes d'information du Conseil régional", "DSI"),
        },
    ),
    (
        "region-communication",
        Organisation.Kind.COUNCIL_DEPARTMENT,
        True,
        {
            "ar": ("مصلحة التواصل والعلاقات العامة", ""),
            "fr": ("Service de la communication et des relations publiques", ""),
        },
    ),
    (
        "region-planning",
        Organisation.Kind.COUNCIL_DEPARTMENT,
        True,
        {
            "ar": ("المديرية العامة للمصالح – قسم التخطيط", ""),
            "fr": ("Direction générale des services – pôle planification", ""),
        },
    ),
    (
        "transparency-association",
        Organisation.Kind.CSO,
        True,
        {
            "ar": ("جمعية الشفافية والمشاركة المواطنة", ""),
            "fr": ("Association Transparence et participation citoyenne", "ATPC"),
        },
    ),
    (
        "youth-forum",
        Organisation.Kind.CSO,
        True,
        {
            "ar": ("منتدى شباب الجهة", ""),
            "fr": ("Forum des jeunes de la région", ""),
        },
    ),
    (
        "cadi-university",
        Organisation.Kind.ACADEMIC,
        True,
        {
            "ar": ("جامعة القاضي عياض", ""),
            "fr": ("Université Cadi Ayyad", "UCA"),
        },
    ),
    (
        "mazar-municipality",
        Organisation.Kind.COUNCIL_DEPARTMENT,
        True,
        {"fa-af": ("شاروالی مزار شریف – آمریت پلان‌گذاری", "")},
    ),
    (
        "balkh-cso",
        Organisation.Kind.CSO,
        True,
        {"fa-af": ("شبکه نهادهای جامعه مدنی بلخ", "")},
    ),
]


def load(context: dict) -> dict:
    """Create demo organisations and users; returns organisations by key and language."""
    organisations = _load_organisations()
    _load_users(organisations)
    return {"organisations": organisations}


def _load_organisations() -> dict:
    result: dict[str, dict[str, Organisation]] = {}
    for key, kind, verified, names in DEMO_ORGANISATIONS:
        result[key] = {}
        source = None
        for language, (name, acronym) in names.items():
            locale = Locale.objects.get(language_code=language)
            if source is None:
                organisation = Organisation.objects.create(
                    locale=locale, name=name, acronym=acronym, kind=kind, verified=verified
                )
                source = organisation
            else:
                organisation = source.copy_for_translation(locale)
                organisation.name, organisation.acronym = name, acronym
                organisation.save()
            result[key][language] = organisation
    return result


def _load_users(organisations: dict) -> None:
    for email, display_name, language, group_names, superuser in DEMO_USERS:
        user = User.objects.create_user(
            username=email.split("@")[0],
            email=email,
            password=DEMO_PASSWORD,
            display_name=display_name,
            preferred_language=language,
            is_superuser=superuser,
            is_staff=superuser,
        )
        for name in group_names:
            user.groups.add(Group.objects.get(name=name))
        if group_names or superuser:
            # The Wagtail admin reads its interface language from the user's admin profile.
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = language
            profile.save()
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    cso_user = User.objects.get(email="cso@demo.mosharaka.org")
    for language_version in organisations["transparency-association"].values():
        Membership.objects.create(
            user=cso_user, organisation=language_version, role=Membership.Role.REPRESENTATIVE
        )
        break
    dari_cso = User.objects.get(email="nahad@demo.mosharaka.org")
    Membership.objects.create(
        user=dari_cso,
        organisation=organisations["balkh-cso"]["fa-af"],
        role=Membership.Role.REPRESENTATIVE,
    )
    staff = User.objects.get(email="staff@demo.mosharaka.org")
    Membership.objects.create(user=staff, organisation=organisations["region-dsi"]["ar"])
