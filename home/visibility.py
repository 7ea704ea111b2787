"""Pages outside private sections, decided inside the query that lists them.

Wagtail's ``PageQuerySet.public()`` first reads every view restriction (one query each time it
is called) to build its filter; a listing page calls it several times. ``public_q()`` says the
same in SQL: no restriction sits on the page or on one of its ancestors (whose tree path is a
prefix of the page's). Search backends cannot translate it: filter searched querysets with
``public()``."""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr


def public_q() -> Q:
    from wagtail.models import PageViewRestriction

    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return ~Q(Exists(restricted))
