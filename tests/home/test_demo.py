from django.core.management import call_command
from wagtail.models import Page

from accounts.models import User


def test_demo_loads_in_every_language_and_twice(db, client):
    call_command("load_demo")
    call_command("load_demo")  # a second run leaves things as they are
    assert User.objects.filter(email="admin@demo.mosharaka.org").count() == 1
    languages = set(Page.objects.filter(depth=2).values_list("locale__language_code", flat=True))
    assert {"ar", "fr", "en", "fa-af"} <= languages
    for path in ("/ar/", "/fr/", "/en/", "/fa-af/", "/fr/events/", "/ar/documents/"):
        assert client.get(path).status_code == 200, path
