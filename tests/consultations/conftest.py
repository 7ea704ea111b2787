"""Fixtures for consultations: a consultation with a translated draft, users of every role,
and helpers to make comments. Each phase of the window is a fixture parameter."""

import json
import uuid
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from accounts import roles
from accounts.models import Membership, Organisation
from consultations.models import Comment, ConsultationIndexPage, ConsultationPage
from home.pagetree import add_child, translate

ROLES = ["anonymous", "citizen", "cso_member", "staff", "editor", "moderator", "evaluator"]


@pytest.fixture(autouse=True)
def _clear_rate_limits():
    cache.clear()
    yield
    cache.clear()


def draft_json(sections, ids=None) -> str:
    """sections: [(heading, [text, ...])]; ids: optional [(section_id, [paragraph_id, ...])]."""
    data = []
    for s, (heading, texts) in enumerate(sections):
        section_id = ids[s][0] if ids else str(uuid.uuid4())
        items = []
        for p, text in enumerate(texts):
            paragraph_id = ids[s][1][p] if ids else str(uuid.uuid4())
            items.append({"type": "item", "id": paragraph_id, "value": {"text": f"<p>{text}</p>"}})
        data.append(
            {
                "type": "section",
                "id": section_id,
                "value": {"heading": heading, "paragraphs": items},
            }
        )
    return json.dumps(data)


ARABIC_DRAFT = [("الباب الأول", ["الفقرة الأولى", "الفقرة الثانية"]), ("الباب الثاني", ["الثالثة"])]
FRENCH_DRAFT = [("Titre premier", ["Premier alinéa", "Deuxième alinéa"]), ("Titre II", ["Le 3e"])]


def window(phase: str) -> tuple:
    now = timezone.now()
    return {
        "before": (now + timedelta(days=1), now + timedelta(days=10)),
        "during": (now - timedelta(days=1), now + timedelta(days=10)),
        "after": (now - timedelta(days=10), now - timedelta(days=1)),
    }[phase]


@pytest.fixture
def consultation_index(home_pages):
    index = add_child(
        home_pages["ar"], ConsultationIndexPage(title="الاستشارات", slug="istisharat")
    )
    translate(index, "fr", title="Consultations")
    return index


@pytest.fixture
def make_consultation(consultation_index):
    def make(phase: str = "during", *, french: bool = True, slug: str | None = None):
        opens_at, closes_at = window(phase)
        page = add_child(
            consultation_index,
            ConsultationPage(
                title="مشروع",
                slug=slug or f"draft-{uuid.uuid4().hex[:6]}",
                consulted_on="مشروع ميثاق",
                opens_at=opens_at,
                closes_at=closes_at,
                draft=draft_json(ARABIC_DRAFT),
            ),
        )
        page.refresh_from_db()
        if french:
            ids = [(s.id, [p.id for p in s.paragraphs]) for s in page.sections]
            translate(
                page,
                "fr",
                title="Projet",
                consulted_on="Projet de charte",
                draft=draft_json(FRENCH_DRAFT, ids),
            )
        return ConsultationPage.objects.get(pk=page.pk)

    return make


@pytest.fixture
def consultation(make_consultation):
    return make_consultation("during")


def french_version(page: ConsultationPage) -> ConsultationPage:
    return ConsultationPage.objects.get(
        translation_key=page.translation_key, locale__language_code="fr"
    )


def first_paragraph(page: ConsultationPage):
    return page.sections[0].paragraphs[0]


@pytest.fixture
def role_user(make_user):
    """A user for a role name of the design's matrix (None for anonymous)."""
    cache_by_role: dict = {}

    def make(role: str):
        if role == "anonymous":
            return None
        if role in cache_by_role:
            return cache_by_role[role]
        groups = {
            "staff": [roles.COUNCIL_STAFF],
            "editor": [roles.EDITORS],
            "moderator": [roles.MODERATORS],
            "evaluator": [roles.EVALUATORS],
        }.get(role, [])
        user = make_user(groups=groups, preferred_language="fr")
        if role == "cso_member":
            organisation = Organisation.objects.create(
                name="Association", kind=Organisation.Kind.CSO, locale_id=_locale()
            )
            Membership.objects.create(user=user, organisation=organisation)
        cache_by_role[role] = user
        return user

    return make


def _locale():
    from wagtail.models import Locale

    return Locale.objects.get(language_code="ar").pk


@pytest.fixture
def make_comment(make_user):
    def make(page, *, author=None, paragraph="", status=Comment.Status.PUBLISHED, **fields):
        return Comment.objects.create(
            target_key=page.translation_key,
            paragraph=paragraph,
            language=fields.pop("language", page.locale.language_code),
            author=author or make_user(),
            body=fields.pop("body", "تعليق"),
            status=status,
            **fields,
        )

    return make
