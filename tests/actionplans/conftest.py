import pytest
from wagtail.models import Page

from accounts.models import Organisation

from .factories import commitment_page, english_home, index_page, organisation, plan_page

PAGES = ("index", "plan", "first", "second")
ORGANISATIONS = ("lead", "partner")


@pytest.fixture(scope="module")
def tree_keys(module_db, django_db_blocker) -> dict[str, int]:
    """Built once per module (see tests/conftest.py): a plan (in the English tree) with two
    commitments, one of them led by an Arabic organisation that also has a French version."""
    with django_db_blocker.unblock():
        index = index_page(english_home())
        plan = plan_page(index)
        lead = organisation("مديرية نظم المعلومات", fr="Direction des systèmes d'information")
        partner = organisation("جمعية الشفافية", kind="cso")
        first = commitment_page(plan, "C1", lead=lead, partners=[partner], tags=["الميزانية"])
        second = commitment_page(
            plan, "C2", status="completed", progress=100, values=("inclusion",), milestones=[]
        )
        objects = [index, plan, first, second, lead, partner]
        return {name: obj.pk for name, obj in zip(PAGES + ORGANISATIONS, objects, strict=True)}


@pytest.fixture
def tree(db, tree_keys):
    """The module's plan tree, read afresh for each test."""
    pages = {name: Page.objects.get(pk=tree_keys[name]).specific for name in PAGES}
    organisations = {name: Organisation.objects.get(pk=tree_keys[name]) for name in ORGANISATIONS}
    return {**pages, **organisations}
