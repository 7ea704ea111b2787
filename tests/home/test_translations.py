"""home.translations.in_locale: things in one language, keyed by translation key."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import Organisation
from actionplans.organisations import localize_listing
from home.translations import in_locale, localized, translation_key
from tests.actionplans.factories import (
    commitment_page,
    index_page,
    locales,
    organisation,
    plan_page,
)

pytestmark = pytest.mark.django_db


def test_each_object_comes_back_in_the_locale_under_its_own_key():
    finance = organisation("مديرية المالية", fr="Direction des finances")
    water = organisation("مديرية الماء", fr="Direction de l'eau")
    found = in_locale(Organisation, [water, finance], locales()["fr"])
    assert {key: org.name for key, org in found.items()} == {
        finance.translation_key: "Direction des finances",
        water.translation_key: "Direction de l'eau",
    }


def test_order_and_duplicates_of_the_input_do_not_change_what_a_key_gets():
    finance = organisation("مديرية المالية", fr="Direction des finances")
    water = organisation("مديرية الماء", fr="Direction de l'eau")
    french = locales()["fr"]
    forwards = in_locale(Organisation, [finance, water, None], french)
    backwards = in_locale(Organisation, [water, None, water, finance], french)
    assert forwards == backwards
    assert forwards[water.translation_key].name == "Direction de l'eau"


def test_without_a_translation_the_given_object_is_kept():
    alone = organisation("جمعية محلية")
    found = in_locale(Organisation, [alone], locales()["fr"])
    assert found[alone.translation_key] == alone


def test_keys_alone_fall_back_to_the_default_language_version():
    source = organisation("Direction des finances", language="fr", ar="مديرية المالية")
    found = in_locale(Organisation, [str(source.translation_key)], "en")
    assert found[source.translation_key].locale.language_code == "ar"  # the site's default


def test_without_fallback_a_missing_translation_is_left_out():
    alone = organisation("جمعية محلية")
    both = organisation("مديرية المالية", fr="Direction des finances")
    found = in_locale(Organisation, [alone, both], "fr", fallback=False)
    assert list(found) == [both.translation_key]


def test_the_source_queryset_limits_the_versions_chosen_from():
    org = organisation("مديرية المالية", fr="Direction des finances")
    queryset = Organisation.objects.exclude(locale__language_code="fr")
    found = in_locale(queryset, [org.translation_key], "fr", fallback=False)
    assert found == {}


def test_unusable_keys_are_ignored():
    assert in_locale(Organisation, [None, "not-a-uuid", ""], "fr") == {}
    assert translation_key("not-a-uuid") is None
    key = uuid.uuid4()
    assert translation_key(str(key)) == key


def test_queries_do_not_grow_with_the_number_of_objects():
    french = locales()["fr"]

    def queries(count):
        orgs = [organisation(f"منظمة {count} {n}", fr=f"Org {n}") for n in range(count)]
        with CaptureQueriesContext(connection) as captured:
            found = in_locale(Organisation, orgs, french)
        assert len(found) == count
        return len(captured)

    assert queries(2) == queries(12) == 1


def test_localized_swaps_an_object_for_its_version_and_keeps_none():
    org = organisation("مديرية المالية", fr="Direction des finances")
    found = in_locale(Organisation, [org], "fr")
    assert localized(found, org).name == "Direction des finances"
    assert localized(found, None) is None


def test_listing_never_pairs_organisations_by_position():
    """Commitments with no lead, a lead of their own and a lead shared with another commitment:
    each row gets its own lead, in the page's language."""
    plan = plan_page(index_page())
    lead = organisation("مديرية المالية", fr="Direction des finances")
    other = organisation("جمعية أ", fr="Association A")
    first = commitment_page(plan, "C1")
    second = commitment_page(plan, "C2", lead=lead)
    third = commitment_page(plan, "C3", lead=other)
    fourth = commitment_page(plan, "C4", lead=lead)
    commitments = list(
        type(first).objects.filter(pk__in=[fourth.pk, second.pk, third.pk, first.pk])
    )
    localize_listing(commitments, locales()["fr"].pk)
    rows = {c.code: c.lead and c.lead.name for c in commitments}
    assert rows == {
        "C1": None,
        "C2": "Direction des finances",
        "C3": "Association A",
        "C4": "Direction des finances",
    }
