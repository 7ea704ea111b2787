"""Pages built with home.pagetree are indexed once, after their last save, and the search
signal is connected again afterwards."""

from unittest import mock

import pytest
from django.db.models.signals import post_save
from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Locale

from home.models import StandardPage
from home.pagetree import add_child, translate


def indexed(title: str, language: str) -> list[str]:
    pages = StandardPage.objects.filter(locale=Locale.objects.get(language_code=language))
    return [page.title for page in pages.search(title)]


@pytest.mark.django_db
def test_a_new_page_and_its_translation_are_indexed_once_each(home_pages):
    updates = []
    real = index.insert_or_update_object

    def update(instance):
        updates.append(instance.title)
        return real(instance)

    with mock.patch.object(index, "insert_or_update_object", update):
        page = add_child(home_pages["ar"], StandardPage(title="ميزانية مفتوحة", slug="budget"))
        assert updates == ["ميزانية مفتوحة"]  # created, revised and published: three saves
        french = translate(page, "fr", title="Budget ouvert")
        assert updates == ["ميزانية مفتوحة", "Budget ouvert"], updates
    assert indexed("ميزانية", "ar") == ["ميزانية مفتوحة"]
    assert indexed("Budget", "fr") == ["Budget ouvert"]
    assert post_save.has_listeners(StandardPage)
    # Saved as any page is after that: the signal indexes it again.
    french.title = "Budget participatif"
    french.save()
    assert indexed("participatif", "fr") == ["Budget participatif"]
    receivers = [r() if callable(r) else r for _key, r, *_ in post_save.receivers]
    assert post_save_signal_handler in receivers
