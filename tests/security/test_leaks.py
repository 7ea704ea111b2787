"""Nothing leaks: comments of restricted pages, formulas through CSV exports, links to other
sites from the language switcher."""

import csv
import io
import re
from urllib.parse import urlsplit

import pytest
from wagtail.models import PageViewRestriction

from accounts.models import Organisation
from consultations import services
from home import spreadsheets
from home.spreadsheets import FORMULA_PREFIXES
from tests.actionplans.factories import (
    commitment_page,
    english_home,
    index_page,
    organisation,
    plan_page,
)

# --- Comments of private and password-protected pages


@pytest.fixture(params=["password", "login", "groups"])
def restricted(request, consultation):
    restriction = PageViewRestriction.objects.create(
        page=consultation, restriction_type=request.param, password="secret-pw"
    )
    return restriction


def comment_views(comment, page):
    return [
        f"/fr/comments/{comment.pk}/",
        f"/fr/comments/{comment.pk}/report/",
        f"/ar/comments/{comment.pk}/report/",
        f"/fr/comments/new/{page.pk}/",
        f"/fr/comments/new/{page.pk}/?parent={comment.pk}",
    ]


def test_comment_views_of_a_restricted_page_are_not_found(
    client, consultation, make_comment, make_user, restricted
):
    comment = make_comment(consultation, body="PRIVATE-TEXT")
    client.force_login(make_user())
    for url in comment_views(comment, consultation):
        response = client.get(url)
        if restricted.restriction_type == "login":
            # Signed in is all a "login" restriction asks: the views work.
            assert response.status_code in (200, 302), url
        else:
            assert response.status_code == 404, url
            assert "PRIVATE-TEXT" not in response.content.decode()


def test_comment_views_open_once_the_password_is_given(
    client, consultation, make_comment, make_user
):
    restriction = PageViewRestriction.objects.create(
        page=consultation, restriction_type="password", password="secret-pw"
    )
    comment = make_comment(consultation, body="PRIVATE-TEXT")
    client.force_login(make_user())
    report = f"/fr/comments/{comment.pk}/report/"
    assert client.get(report).status_code == 404
    client.post(
        f"/fr/_util/authenticate_with_password/{restriction.pk}/{consultation.pk}/",
        {"password": "secret-pw", "return_url": "/"},
    )
    response = client.get(report)
    assert response.status_code == 200 and "PRIVATE-TEXT" in response.content.decode()


def test_restricted_page_refuses_new_comments(client, consultation, make_user):
    PageViewRestriction.objects.create(page=consultation, restriction_type="password", password="p")
    client.force_login(make_user())
    response = client.post(f"/fr/comments/new/{consultation.pk}/", {"body": "Hello"})
    assert response.status_code == 404


# --- CSV exports: every cell of every export goes through the spreadsheet guard

HOSTILE = '=HYPERLINK("http://evil.example")'


@pytest.fixture
def guarded_cells(monkeypatch):
    """Counts the cells that went through the guard."""
    seen = []
    original = spreadsheets.spreadsheet_cell

    def counting(value):
        seen.append(value)
        return original(value)

    monkeypatch.setattr(spreadsheets, "spreadsheet_cell", counting)
    return seen


def read(response) -> list[list[str]]:
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def assert_every_cell_safe(rows):
    assert len(rows) > 1
    width = len(rows[0])
    for row in rows:
        assert len(row) == width
        for column, cell in zip(rows[0], row, strict=True):
            assert not cell.startswith(FORMULA_PREFIXES), (column, cell)


def test_every_column_of_the_comment_export_is_guarded(
    client, make_consultation, make_comment, make_user, role_user, guarded_cells
):
    page = make_consultation("after")
    author = make_user(display_name=HOSTILE)
    org = Organisation.objects.create(
        name="+cmd|' /C calc'!A0", kind=Organisation.Kind.CSO, locale=page.locale
    )
    comment = make_comment(page, author=author, organisation=org, body="-2+3")
    make_comment(page, author=make_user(display_name="@SUM(1)"), parent=comment, body="=1")
    services.save_response(
        user=role_user("editor"),
        comment=comment,
        outcome="incorporated",
        justification="=cmd",
        publish=True,
    )
    client.force_login(role_user("editor"))
    rows = read(client.get(page.url + "export/"))
    assert_every_cell_safe(rows)
    assert len(guarded_cells) == sum(len(row) for row in rows)  # every cell, header included
    assert rows[1][rows[0].index("author")] == "'" + HOSTILE
    assert rows[1][rows[0].index("organisation")].startswith("'+cmd")


def test_every_column_of_the_open_data_export_is_guarded(client, db, guarded_cells):
    index = index_page(english_home())
    plan = plan_page(index, code="=PLAN", title="-Plan")
    lead = organisation("@lead")
    commitment_page(
        plan,
        "+C1",
        slug="c1",
        title="=Title",
        problem="-problem",
        objective="@objective",
        lead=lead,
        partners=[organisation("=partner")],
        tags=["=tag"],
    )
    rows = read(client.get(plan.url + "data.csv"))
    assert_every_cell_safe(rows)
    assert len(guarded_cells) >= sum(len(row) for row in rows)
    title = rows[0].index("commitment_title")
    assert rows[1][title] == "'=Title"


# --- The language switcher links only to this site


@pytest.mark.parametrize(
    "path",
    ["/%2F%2Fevil.example/", "/%2F%2F%2Fevil.example/", "/%5Cevil.example/", "//evil.example/"],
)
def test_language_switcher_never_links_to_another_site(client, home_pages, path):
    response = client.get(path, follow=False)
    html = response.content.decode()
    links = re.findall(r'<ul class="language-switcher">(.*?)</ul>', html, re.S)
    hrefs = re.findall(r'href="([^"]*)"', "".join(links))
    assert hrefs or response.status_code == 302
    for href in hrefs:
        # A path of this site: browsers read "//host" and "/\\host" as another site.
        assert href.startswith("/") and not href.startswith(("//", "/\\")), href
        assert not urlsplit(href).netloc and "\\" not in href, href
    if response.status_code == 302:
        location = response["Location"]
        assert location.startswith("/") and not location.startswith(("//", "/\\"))
