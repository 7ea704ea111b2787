"""A request for a host that is not ours is a 400 with a page of its own, never a 500: the
site's pages read the host (language switcher, return path, site look-up)."""

import pytest


@pytest.mark.parametrize("path", ["/fr/", "/ar/", "/", "/fa-af/no-such-page/", "/api/v2/pages/"])
def test_a_foreign_host_gets_a_bad_request_page(client, db, settings, path):
    settings.ALLOWED_HOSTS = ["testserver", "council.example.org"]
    response = client.get(path, HTTP_HOST="evil.example")
    assert response.status_code == 400
    html = response.content.decode()
    assert "Cette requête vise une adresse que ce site ne sert pas." in html
    assert "evil.example" not in html


def test_other_bad_requests_keep_the_sites_own_page(client, db, settings):
    from django.core.exceptions import SuspiciousOperation
    from django.test import RequestFactory

    from config.errors import bad_request

    response = bad_request(RequestFactory().get("/fr/"), SuspiciousOperation("bad"))
    assert response.status_code == 400
    assert "Cette requête vise" not in response.content.decode()
