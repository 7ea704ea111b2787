"""Fixtures for consultations, available to every test directory (tests/conftest.py registers
this module as a plugin): a consultation with a translated draft (built once per module, see
tests/conftest.py), more consultations in each phase of the window, users of every role, the
permission matrices' cells, and helpers to make comments."""

import json
import uuid
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Locale

from accounts import roles
from accounts.models import Membership, Organisation, User
from consultations.models import Comment, ConsultationIndexPage, ConsultationPage
from home.models import HomePage
from home.pagetree import add_child, translate

from ..conftest import new_user

ROLES = ["anonymous", "citizen", "cso_member", "staff", "editor", "moderator", "evaluator"]


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


@pytest.fixture(scope="module")
def consultation_keys(home_page_keys, django_db_blocker) -> dict[str, int]:
    """Built once per module: the consultations index under the Arabic home page and, in it,
    a consultation open for comments, both with their French translations."""
    with django_db_blocker.unblock():
        home = HomePage.objects.get(pk=home_page_keys["ar"])
        index = add_child(home, ConsultationIndexPage(title="الاستشارات", slug="istisharat"))
        translate(index, "fr", title="Consultations")
        return {"index": index.pk, "consultation": new_consultation(index, "during").pk}


def new_consultation(
    index, phase: str, *, french: bool = True, slug: str | None = None
) -> ConsultationPage:
    opens_at, closes_at = window(phase)
    page = add_child(
        index,
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


@pytest.fixture
def consultation_index(home_pages, consultation_keys):
    return ConsultationIndexPage.objects.get(pk=consultation_keys["index"])


@pytest.fixture
def make_consultation(consultation_index):
    """Another consultation in the index, in a phase of its window."""

    def make(phase: str = "during", *, french: bool = True, slug: str | None = None):
        return new_consultation(consultation_index, phase, french=french, slug=slug)

    return make


@pytest.fixture
def consultation(consultation_index, consultation_keys):
    """The module's consultation, open for comments, in Arabic and French."""
    return ConsultationPage.objects.get(pk=consultation_keys["consultation"])


def french_version(page: ConsultationPage) -> ConsultationPage:
    return ConsultationPage.objects.get(
        translation_key=page.translation_key, locale__language_code="fr"
    )


def first_paragraph(page: ConsultationPage):
    return page.sections[0].paragraphs[0]


def new_role_user(role: str, username: str) -> User:
    """A user holding a role of the design's matrix (a CSO member belongs to an association)."""
    groups = {
        "staff": [roles.COUNCIL_STAFF],
        "editor": [roles.EDITORS],
        "moderator": [roles.MODERATORS],
        "evaluator": [roles.EVALUATORS],
    }.get(role, [])
    user = new_user(
        username=username,
        groups=groups,
        display_name=f"{role} {username}",
        preferred_language="fr",
    )
    if role == "cso_member":
        organisation = Organisation.objects.create(
            name="Association",
            kind=Organisation.Kind.CSO,
            locale=Locale.objects.get(language_code="ar"),
        )
        Membership.objects.create(user=user, organisation=organisation)
    return user


@pytest.fixture
def role_user(db):
    """A user for a role name of the design's matrix (None for anonymous), made on first use
    in the test and the same one after that."""
    cache_by_role: dict = {}

    def make(role: str):
        if role == "anonymous":
            return None
        if role not in cache_by_role:
            cache_by_role[role] = new_role_user(role, f"role-{role}")
        return cache_by_role[role]

    return make


# --- The permission matrices: one consultation and one user per role for the whole module ---


@pytest.fixture(scope="module")
def matrix_keys(consultation_keys, django_db_blocker) -> dict:
    """Built once per matrix module: a user per role and the author of the comments the cells
    act on (the cells act on the module's consultation)."""
    with django_db_blocker.unblock():
        return {
            "page": consultation_keys["consultation"],
            "users": {
                role: new_role_user(role, f"matrix-{role}").pk
                for role in ROLES
                if role != "anonymous"
            },
            "author": new_role_user("citizen", "matrix-author").pk,
        }


class Matrix:
    """One cell of a permission matrix: the module's consultation moved into a phase of its
    window, the user of a role, a fresh comment in a state. Every object is read from the
    database, so the rules and services see what is stored, nothing set up in memory."""

    def __init__(self, keys: dict):
        self.keys = keys

    def consultation(self, phase: str) -> ConsultationPage:
        opens_at, closes_at = window(phase)
        pages = ConsultationPage.objects.filter(pk=self.keys["page"])
        pages.update(opens_at=opens_at, closes_at=closes_at)
        return pages.get()

    def user(self, role: str) -> User | None:
        if role == "anonymous":
            return None
        return User.objects.get(pk=self.keys["users"][role])

    def comment(self, page: ConsultationPage, status: str) -> Comment:
        created = Comment.objects.create(
            target_key=page.translation_key,
            language="ar",
            author_id=self.keys["author"],
            body="تعليق",
            status=status,
        )
        return Comment.objects.get(pk=created.pk)


@pytest.fixture
def matrix(db, matrix_keys) -> Matrix:
    return Matrix(matrix_keys)


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
