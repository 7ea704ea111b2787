"""The organisations a signed-in member may comment for, named in the reader's language."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from accounts.models import Membership
from consultations.threads import organisations_for
from tests.actionplans.factories import organisation

pytestmark = pytest.mark.django_db


def test_a_members_organisations_in_the_readers_language_in_one_query(make_user):
    user = make_user()
    cso = organisation("جمعية الشفافية", kind="cso", fr="Association Transparence")
    other = organisation("منتدى الشباب", kind="cso")
    department = organisation("مديرية", fr="Direction")
    for org in (cso, other, department):
        Membership.objects.create(user=user, organisation=org)
    with translation.override("fr"):
        with CaptureQueriesContext(connection) as queries:
            names = {o.name for o in organisations_for(user)}
    assert names == {"Association Transparence", "منتدى الشباب"}
    assert len(queries) == 1
    with translation.override("en"):  # no English version: the source language's
        assert {o.name for o in organisations_for(user)} == {"جمعية الشفافية", "منتدى الشباب"}
