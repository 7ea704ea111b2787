"""Search forms. They read GET parameters, so every search is a shareable URL; unknown or
malformed facet values are dropped rather than reported (a stale link still works)."""

import re
import uuid

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from actionplans.models import CommitmentPage, OGPValue

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


def _is_uuid(value: str) -> bool:
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


def _statuses() -> set[str]:
    return {code for code, _label in CommitmentPage._meta.get_field("status").flatchoices}


def _languages() -> set[str]:
    return {code for code, _name in settings.LANGUAGES}


class CommitmentSearchForm(forms.Form):
    q = QueryField(label=_("Search commitments"))
    plan = FacetField(accepts=_is_uuid)
    status = FacetField(accepts=lambda value: value in _statuses())
    value = FacetField(accepts=lambda value: value in OGPValue.Code.values)
    theme = FacetField()
    institution = FacetField(accepts=_is_uuid)
    language = FacetField(accepts=lambda value: value in _languages())

    def filters(self, default_language: str) -> dict[str, list[str]]:
        """The facet filters; with no language ticked, the page's own language."""
        self.is_valid()  # fields that are valid stay in cleaned_data even if q is not
        data = self.cleaned_data
        filters = {
            name: list(data.get(name) or [])
            for name in ("plan", "status", "value", "theme", "institution", "language")
        }
        if not filters["language"]:
            filters["language"] = [default_language]
        return filters

    @property
    def query(self) -> str:
        self.is_valid()
        return self.cleaned_data.get("q", "")
