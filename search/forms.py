"""Search forms. They read GET parameters, so every search is a shareable URL; unknown or
malformed facet values are dropped rather than reported (a stale link still works)."""

import re
import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from search.registry import FacetedSearch

MAX_QUERY_LENGTH = 200
MAX_FACET_VALUES = 20
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")


class QueryField(forms.CharField):
    """The words searched for: control and bidirectional formatting characters removed."""

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Search the site"))
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return " ".join(_CONTROLS.sub("", value).split())

    def validate(self, value):
        super().validate(value)
        if len(value) > MAX_QUERY_LENGTH:
            raise forms.ValidationError(
                _("Your search is too long: please use at most %(max)s characters."),
                params={"max": MAX_QUERY_LENGTH},
                code="too_long",
            )


def is_uuid(value: str) -> bool:
    """For facets whose values are translation keys."""
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


class FacetField(forms.Field):
    """Several values of one facet (?status=a&status=b), keeping only the acceptable ones."""

    widget = forms.MultipleHiddenInput

    def __init__(self, *, accepts=None, **kwargs):
        kwargs.setdefault("required", False)
        self.accepts = accepts or (lambda value: True)
        super().__init__(**kwargs)

    def to_python(self, value):
        values = value if isinstance(value, list | tuple) else [value] if value else []
        kept = [
            item.strip()
            for item in values
            if isinstance(item, str) and 0 < len(item.strip()) <= 100 and self.accepts(item.strip())
        ]
        return list(dict.fromkeys(kept))[:MAX_FACET_VALUES]


class SiteSearchForm(forms.Form):
    q = QueryField()
    all = forms.BooleanField(required=False, label=_("Search in every language"))


class FacetedSearchForm(forms.Form):
    """The words searched for plus one field per facet; built by ``form_for``."""

    search: FacetedSearch

    def filters(self, default_language: str) -> dict[str, list[str]]:
        """The facet filters, each facet's default applied where nothing is ticked."""
        self.is_valid()  # fields that are valid stay in cleaned_data even if q is not
        filters = {}
        for spec in self.search.specs:
            values = list(self.cleaned_data.get(spec.name) or [])
            if not values and spec.default is not None:
                values = spec.default(default_language)
            filters[spec.name] = values
        return filters


def form_for(search: FacetedSearch) -> type[FacetedSearchForm]:
    """The form of a registered search, from its facets."""
    fields = {"q": QueryField(label=search.query_label or _("Search the site"))}
    for spec in search.specs:
        fields[spec.name] = FacetField(accepts=spec.accepts)
    return type(
        f"{search.name.title()}SearchForm", (FacetedSearchForm,), {"search": search, **fields}
    )
