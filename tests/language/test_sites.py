"""Each site or section speaks for itself: its own name, contact details and logo; emails carry
the council's name and the configured sender; the demo's links follow the port it is served
on; an unknown address shows the site's own 404 in the visitor's language."""

import os
import subprocess
import sys

from django.conf import settings
from django.core import mail
from django.core.checks import run_checks
from django.core.management import call_command
from django.test import TestCase, override_settings
from wagtail.models import Site

PASSWORD = "a-long-enough-passphrase-42"


def test_each_home_page_shows_its_own_contact_details(client, home_pages):
    from home.models import SiteSettings

    SiteSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True),
        defaults={"email": "council@region.example", "phone": "+212 5 24 00 00 00"},
    )
    dari = home_pages["fa-af"]
    dari.contact_email, dari.contact_phone = "info@mazar.example", "+93 58 000 000"
    dari.save_revision().publish()

    arabic = client.get("/ar/").content.decode()
    assert "council@region.example" in arabic
    assert "mazar" not in arabic
    afghan = client.get("/fa-af/").content.decode()
    assert "info@mazar.example" in afghan
    assert "council@region.example" not in afghan
    assert "+212" not in afghan and "212" not in afghan
    assert "شاروالی" in afghan


@override_settings(DEFAULT_FROM_EMAIL="ne-pas-repondre@region.example")
def test_confirmation_email_comes_from_the_council_not_the_server(client, home_pages):
    with TestCase.captureOnCommitCallbacks(execute=True):  # mail goes by the task queue
        response = client.post(
            "/ar/account/signup/",
            {
                "email": "citoyen@example.org",
                "password1": PASSWORD,
                "password2": PASSWORD,
                "display_name": "مواطن",
                "preferred_language": "ar",
            },
            HTTP_HOST="127.0.0.1:8765",
        )
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.from_email == '"مجلس الجهة" <ne-pas-repondre@region.example>'
    assert "ne-pas-repondre@region.example" in message.message()["From"]
    assert "localhost" not in message.from_email
    assert "مجلس الجهة" in message.body
    assert "127.0.0.1:8765" not in message.body.split("http")[0]  # the greeting, not the link
    assert "http://127.0.0.1:8765/ar/account/confirm-email/" in message.body


@override_settings(DEFAULT_FROM_EMAIL="ne-pas-repondre@region.example")
def test_notifications_come_from_the_council_of_the_readers_language(home_pages, make_user):
    from accounts.mail import from_address

    assert from_address(make_user(preferred_language="fa-af")) == (
        '"شاروالی" <ne-pas-repondre@region.example>'
    )
    assert from_address(make_user(preferred_language="fr")) == (
        '"Conseil régional" <ne-pas-repondre@region.example>'
    )


def test_deploy_check_warns_about_an_unconfigured_sender():
    with override_settings(DEFAULT_FROM_EMAIL="Mosharaka <no-reply@localhost>"):
        assert "home.W001" in {m.id for m in run_checks(include_deployment_checks=True)}
    with override_settings(DEFAULT_FROM_EMAIL="ne-pas-repondre@region.example"):
        assert "home.W001" not in {m.id for m in run_checks(include_deployment_checks=True)}


def test_demo_settings_follow_the_port_they_are_served_on():
    env = {**os.environ, "PORT": "8765", "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
    env.pop("WAGTAILADMIN_BASE_URL", None)
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "from django.conf import settings as s; "
            "print(s.WAGTAILADMIN_BASE_URL, s.WAGTAILAPI_BASE_URL, s.DEFAULT_FROM_EMAIL)",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    assert out[:2] == ["http://127.0.0.1:8765", "http://127.0.0.1:8765"]
    assert "localhost" not in out[2]


def test_api_links_follow_the_site_address(client, home_pages):
    call_command("site_address", "127.0.0.1", "8765")
    response = client.get("/api/v2/pages/?type=home.HomePage&fields=html_url")
    urls = [item["meta"]["html_url"] for item in response.json()["items"]]
    assert urls and all(url.startswith("http://127.0.0.1:8765/") for url in urls), urls


def test_unknown_address_shows_the_sites_own_404_in_the_visitors_language(client, home_pages):
    for language, words in {"fr": "Page introuvable", "ar": "الصفحة غير موجودة"}.items():
        response = client.get(f"/{language}/no-such-page/")
        assert response.status_code == 404
        html = response.content.decode()
        assert f'lang="{language}"' in html
        assert 'name="viewport"' in html
        assert words in html
        assert 'rel="icon"' in html


def test_favicon_is_served(client, db):
    from django.contrib.staticfiles import finders

    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/img/favicon.svg"
    assert "<svg" in open(finders.find("img/favicon.svg")).read()


def test_make_demo_serves_the_sites_own_pages_on_its_port():
    commands = subprocess.run(
        ["make", "-n", "demo", "PORT=8765"],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "manage.py site_address 127.0.0.1 8765" in commands
    assert "DEBUG=${DEBUG:-false}" in commands  # the site's own 404, not Django's debug page
    assert "runserver --insecure 127.0.0.1:8765" in commands
