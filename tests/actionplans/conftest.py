import pytest

from .factories import commitment_page, english_home, index_page, organisation, plan_page


@pytest.fixture
def tree(db):
    """A plan (in the English tree) with two commitments, one of them led by an Arabic
    organisation that also has a French version."""
    index = index_page(english_home())
    plan = plan_page(index)
    lead = organisation("مديرية نظم المعلومات", fr="Direction des systèmes d'information")
    partner = organisation("جمعية الشفافية", kind="cso")
    first = commitment_page(plan, "C1", lead=lead, partners=[partner], tags=["الميزانية"])
    second = commitment_page(
        plan, "C2", status="completed", progress=100, values=("inclusion",), milestones=[]
    )
    return {
        "index": index,
        "plan": plan,
        "lead": lead,
        "partner": partner,
        "first": first,
        "second": second,
    }
