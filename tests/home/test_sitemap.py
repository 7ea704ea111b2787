import re
import xml.etree.ElementTree as ET

import pytest

from home.models import StandardPage
from home.pagetree import add_child, translate

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def local(url: str) -> str:
    return re.sub(r"^https?://[^/]+", "", url)


def entries(client) -> dict[str, dict[str, str]]:
    """{path: {hreflang: alternate path}} of /sitemap.xml."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    found = {}
    for url in ET.fromstring(response.content).findall("s:url", NS):
        path = local(url.find("s:loc", NS).text)
        found[path] = {
            link.get("hreflang"): local(link.get("href")) for link in url.findall("x:link", NS)
        }
    return found


@pytest.mark.django_db
def test_every_language_version_is_listed_with_its_alternates(client, home_pages):
    about = add_child(home_pages["ar"], StandardPage(title="حول", slug="about"))
    translate(about, "fr", title="À propos")
    add_child(home_pages["ar"], StandardPage(title="فقط", slug="only-arabic"))
    draft = add_child(home_pages["fr"], StandardPage(title="Brouillon", slug="draft"))
    draft.unpublish()

    found = entries(client)

    assert {"/ar/", "/fr/", "/fa-af/", "/ar/about/", "/fr/about/", "/ar/only-arabic/"} <= set(found)
    assert "/fr/draft/" not in found
    versions = {"ar": "/ar/about/", "fr": "/fr/about/"}
    assert found["/ar/about/"] == versions
    assert found["/fr/about/"] == versions
    assert found["/fa-af/"] == {"ar": "/ar/", "fr": "/fr/", "fa-af": "/fa-af/"}
    assert found["/ar/only-arabic/"] == {}  # a page in one language has no alternates


@pytest.mark.django_db
def test_queries_do_not_grow_with_the_pages(client, home_pages, django_assert_max_num_queries):
    def add(count, start):
        for number in range(start, start + count):
            page = add_child(
                home_pages["ar"], StandardPage(title=f"صفحة {number}", slug=f"p{number}")
            )
            translate(page, "fr", title=f"Page {number}")

    add(2, 0)
    with django_assert_max_num_queries(30) as few:
        entries(client)
    add(20, 2)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(entries(client)) == 3 + 2 * 22
