"""No input is a server error in the Wagtail API: every filter of every endpoint, one parameter
at a time, with generated values (Hypothesis) and the known bad ones; valid values reach the
success path (200 with the expected object)."""

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from config.api import DocumentsEndpoint, ImagesEndpoint, PagesEndpoint
from tests.actionplans.factories import commitment_page, english_home, index_page, plan_page

# Hundreds of requests over data they do not change: what every page reads alike is kept
# between them, as the site keeps it (tests/writes.py).
pytestmark = pytest.mark.usefixtures("kept_until_a_write")
FUZZ = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
NASTY = [
    "",
    "abc",
    "\x00",
    "-1",
    "1.5",
    "9223372036854775808",
    "2024-13-45",
    "٣",
    "1e309",
    "*",
    ",",
    "' OR 1=1 --",
]
COMMON = [
    "offset",
    "limit",
    "search",
    "search_operator",
    "order",
    "fields",
    "type",
    "child_of",
    "descendant_of",
    "ancestor_of",
    "translation_of",
    "locale",
    "html_path",
    "id",
    "tags",
]


@pytest.fixture(scope="module")
def plan_tree_keys(module_db, django_db_blocker) -> dict[str, int]:
    """Built once for the module (tests/conftest.py, `module_db`)."""
    with django_db_blocker.unblock():
        index = index_page(english_home())
        plan = plan_page(index, adoption_date=None)
        return {"plan": plan.pk, "commitment": commitment_page(plan, "C1").pk}


@pytest.fixture
def plan_tree(db, plan_tree_keys):
    from actionplans.models import ActionPlanPage, CommitmentPage

    return {
        "plan": ActionPlanPage.objects.get(pk=plan_tree_keys["plan"]),
        "commitment": CommitmentPage.objects.get(pk=plan_tree_keys["commitment"]),
    }


def filters(endpoint, model) -> list[str]:
    """Every field filter the endpoint offers for the model, and the shared parameters."""
    return sorted(set(endpoint.get_available_fields(model, db_fields_only=True)) | set(COMMON))


def endpoint_cases():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from actionplans.models import ActionPlanPage, CommitmentPage

    return [
        ("pages", "", PagesEndpoint, Page),
        ("pages", "actionplans.CommitmentPage", PagesEndpoint, CommitmentPage),
        ("pages", "actionplans.ActionPlanPage", PagesEndpoint, ActionPlanPage),
        ("images", "", ImagesEndpoint, get_image_model()),
        ("documents", "", DocumentsEndpoint, get_document_model()),
    ]


ENDPOINTS = [(name, type_) for name, type_, _endpoint, _model in endpoint_cases()]


def parameters(name, type_) -> list[str]:
    for case_name, case_type, endpoint, model in endpoint_cases():
        if (case_name, case_type) == (name, type_):
            return filters(endpoint, model)
    raise LookupError(name)


def get(client, name, type_, parameter, value, find=False):
    query = {parameter: value}
    if type_:
        query["type"] = type_ if parameter != "type" else value
    url = f"/api/v2/{name}/{'find/' if find else ''}"
    return client.get(url, query)


def check(client, name, type_, parameter, value):
    # The find view reads only its own parameters (and the shared ones).
    for find in (False, True) if parameter in COMMON else (False,):
        response = get(client, name, type_, parameter, value, find=find)
        assert response.status_code < 500, (name, type_, parameter, value, find)
        if response.status_code in (400, 404):
            assert response["Content-Type"].startswith("application/json")
            assert "message" in response.json()


@pytest.mark.parametrize(("name", "type_"), ENDPOINTS)
def test_no_known_bad_value_of_any_api_parameter_is_a_server_error(client, plan_tree, name, type_):
    names = parameters(name, type_)
    assert len(names) >= len(COMMON)
    for parameter in names:
        for value in NASTY:
            check(client, name, type_, parameter, value)


@pytest.mark.parametrize(("name", "type_"), ENDPOINTS)
def test_no_generated_value_of_any_api_parameter_is_a_server_error(client, plan_tree, name, type_):
    names = parameters(name, type_)

    @FUZZ
    @given(parameter=st.sampled_from(names), value=st.text(max_size=40))
    @example(parameter="offset", value="1")
    @example(parameter="search", value="Commitment")
    def one_parameter(parameter, value):
        check(client, name, type_, parameter, value)

    one_parameter()


KNOWN = [
    "/api/v2/pages/?search=x&search_operator=xor",
    "/api/v2/images/?search=x&search_operator=xor",
    "/api/v2/documents/?search=x&search_operator=xor",
    "/api/v2/pages/find/?id=abc",
    "/api/v2/images/find/?id=abc",
    "/api/v2/pages/?offset=9223372036854775808",
    "/api/v2/images/?offset=9223372036854775808",
    "/api/v2/documents/?offset=9223372036854775808",
    "/api/v2/pages/?type=actionplans.CommitmentPage&start_date=x",
    "/api/v2/pages/?type=actionplans.CommitmentPage&end_date=x",
    "/api/v2/pages/?type=actionplans.CommitmentPage&budget=abc",
    "/api/v2/pages/?type=actionplans.CommitmentPage&translation_key=zz",
    "/api/v2/pages/?type=actionplans.ActionPlanPage&period_start=x",
    "/api/v2/pages/?type=actionplans.ActionPlanPage&adoption_date=2024-13-45",
    "/api/v2/pages/?locale=%00",
    "/api/v2/pages/find/?html_path=%00",
]


@pytest.mark.parametrize("url", KNOWN)
def test_the_reported_api_inputs_answer_400_in_json(client, plan_tree, url):
    response = client.get(url)
    assert response.status_code == 400, url
    assert response["Content-Type"].startswith("application/json")


@pytest.mark.parametrize("url", ["/api/v2/pages/9999999/", "/api/v2/pages/abc/", "/api/v2/x/"])
def test_api_404s_are_404s_not_language_redirects(client, db, url):
    response = client.get(url)
    assert response.status_code == 404


def test_admin_404_is_not_a_language_redirect(admin_client):
    assert admin_client.get("/admin/no-such-screen/").status_code == 404


def test_valid_filters_reach_the_success_path(client, plan_tree):
    commitment = plan_tree["commitment"]
    valid = {
        "start_date": "2024-01-01",
        "end_date": "2027-06-30",
        "budget": "1800000",
        "translation_key": str(commitment.translation_key),
        "code": "C1",
        "status": "in_progress",
        "progress": "40",
        "search_operator": "or",
        "offset": "0",
        "limit": "5",
        "locale": "en",
    }
    for parameter, value in valid.items():
        query = {"type": "actionplans.CommitmentPage", parameter: value}
        if parameter == "search_operator":
            query["search"] = "Commitment"
        response = client.get("/api/v2/pages/", query)
        assert response.status_code == 200, (parameter, response.content)
        ids = [item["id"] for item in response.json()["items"]]
        assert commitment.pk in ids, parameter


def test_find_by_id_and_by_language_prefixed_html_path(client, plan_tree):
    commitment = plan_tree["commitment"]
    response = client.get("/api/v2/pages/find/", {"id": commitment.pk})
    assert response.status_code == 302
    assert f"/api/v2/pages/{commitment.pk}/" in response["Location"]
    response = client.get("/api/v2/pages/find/", {"html_path": commitment.url})
    assert commitment.url.startswith("/en/")
    assert response.status_code == 302, response.content
    assert f"/api/v2/pages/{commitment.pk}/" in response["Location"]
    assert client.get("/api/v2/pages/find/", {"html_path": "/en/nothing-here/"}).status_code == 404
