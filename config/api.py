"""Wagtail API v2: read-only JSON for pages, images and documents.

Every endpoint checks its query parameters before Wagtail's filters use them, so that no input
is a server error: typed field filters (dates, numbers, UUIDs…) are converted as their model
field would, `search_operator`, `offset`, `limit` and `id` are validated, and any conversion
error left is answered 400 with a JSON message. `find/?html_path=/fr/…` looks the path up in
the page tree of that language."""

from django.conf import settings
from django.core.exceptions import (
    FieldDoesNotExist,
    FieldError,
    ObjectDoesNotExist,
    ValidationError,
)
from django.db import DataError
from django.db import models as db_models
from django.http import Http404
from rest_framework import status
from rest_framework.response import Response
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Locale, Page, PageViewRestriction

from home.serve import site_for_request
from pagecache.shared import memo

# The largest offset or limit the database can slice by (a signed 64-bit integer), far above
# any real listing.
MAX_POSITION = 2**53
SEARCH_OPERATORS = {"and", "or"}
# Field types Wagtail's FieldsFilter passes to the database unconverted.
TYPED_FIELDS = (
    db_models.DateField,
    db_models.TimeField,
    db_models.DecimalField,
    db_models.FloatField,
    db_models.UUIDField,
    db_models.DurationField,
    db_models.IntegerField,
    db_models.AutoField,
)


def _position(request, name: str) -> None:
    value = request.GET.get(name)
    if value is None:
        return
    if not (value.isascii() and value.isdigit()) or int(value) > MAX_POSITION:
        raise BadRequestError(f"{name} must be a positive integer")


class SafeQueryMixin:
    """Validation of every query parameter shared by the three endpoints."""

    def check_query(self, request):
        _position(request, "offset")
        _position(request, "limit")
        operator = request.GET.get("search_operator")
        if operator is not None and operator not in SEARCH_OPERATORS:
            raise BadRequestError("search_operator must be 'and' or 'or'")
        identifier = request.GET.get("id")
        if identifier is not None and not (identifier.isascii() and identifier.isdigit()):
            raise BadRequestError("id must be a positive integer")
        if identifier is not None and int(identifier) > MAX_POSITION:
            raise Http404("not found")
        self.check_field_filters(request)

    def check_field_filters(self, request):
        try:
            model = self._filtered_model(request)
        except (BadRequestError, LookupError, ValueError):
            return  # Wagtail answers a bad `type` itself
        names = set(self.get_available_fields(model, db_fields_only=True))
        for name, value in request.GET.items():
            if name not in names or name == "locale":
                continue
            try:
                field = model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if isinstance(field, TYPED_FIELDS):
                try:
                    field.to_python(value)
                except (ValidationError, ValueError, TypeError, ArithmeticError) as error:
                    raise BadRequestError(
                        f"field filter error. '{value}' is not a valid value for {name}"
                    ) from error
            if isinstance(field, db_models.IntegerField | db_models.AutoField):
                if not value.lstrip("-").isascii() or abs(int(value)) > MAX_POSITION:
                    raise BadRequestError(f"field filter error. {name} is out of range")

    def _filtered_model(self, request):
        return self.model

    def find_object(self, queryset, request):
        try:
            return super().find_object(queryset, request)
        except ObjectDoesNotExist:  # of the queryset's model, which may be a page type
            return None

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.check_query(request)

    def handle_exception(self, exc):
        # Whatever conversion error a parameter still causes is the client's: 400, not 500.
        if isinstance(exc, ValidationError | ValueError | OverflowError | DataError | FieldError):
            return Response(
                {"message": "invalid query parameter"}, status=status.HTTP_400_BAD_REQUEST
            )
        return super().handle_exception(exc)


def public_pages(request):
    """The pages anyone asking may read, as Wagtail's ``get_public_pages_queryset`` gives them
    (live; outside every view restriction the request does not pass; in the site's page tree
    or one of its translations), with the view restrictions and the site's language trees read
    once per cache generation (``pagecache.shared.memo``) instead of on every request. Whether
    the request passes a restriction (its session's passwords, its user) is still decided for
    each request."""
    queryset = Page.objects.all().live()
    for restriction in memo.get(request, ("view-restrictions",), _view_restrictions):
        if not restriction.accept_request(request):
            queryset = queryset.not_descendant_of(restriction.page, inclusive=True)
    if request.GET.get("site"):  # another site named in the query: Wagtail's own lookup
        from wagtail.api.validators import SiteFilterValidator

        site = SiteFilterValidator(site=request.GET["site"], request=request).site_obj
    else:
        site = site_for_request(request)
    if site is None:
        return queryset.none()
    trees = memo.get(request, ("language-trees", site.pk), lambda: _language_trees(site))
    public = Page.objects.none()
    for root in trees:
        public |= queryset.descendant_of(root, inclusive=True)
    return public


def _view_restrictions() -> list:
    return list(PageViewRestriction.objects.select_related("page").prefetch_related("groups"))


def _language_trees(site) -> list:
    """The site's root page and its translations (path and depth are all that is read)."""
    root = site.root_page
    return [root, *root.get_translations().only("path", "depth")]


class PagesEndpoint(SafeQueryMixin, PagesAPIViewSet):
    def get_base_queryset(self):
        try:
            return public_pages(self.request)
        except ValueError as error:  # a `site` the query names twice over
            raise BadRequestError(str(error)) from error

    def _filtered_model(self, request):
        from wagtail.api.v2.utils import page_models_from_string

        models = page_models_from_string(request.GET.get("type", "wagtailcore.Page"))
        return models[0] if len(models) == 1 else self.model

    def find_object(self, queryset, request):
        path = request.GET.get("html_path")
        site = site_for_request(request)
        if path is not None and site is not None:
            components = [component for component in path.split("/") if component]
            codes = {code for code, _name in settings.LANGUAGES}
            if components and components[0] in codes:
                locale = Locale.objects.filter(language_code=components[0]).first()
                root = locale and site.root_page.get_translation_or_none(locale)
                if root is None:
                    return None
                try:
                    page, _args, _kwargs = root.specific.route(request, components[1:])
                except Http404:
                    return None
                return page if queryset.filter(id=page.id).exists() else None
        return super().find_object(queryset, request)


class ImagesEndpoint(SafeQueryMixin, ImagesAPIViewSet):
    pass


class DocumentsEndpoint(SafeQueryMixin, DocumentsAPIViewSet):
    pass


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesEndpoint)
api_router.register_endpoint("images", ImagesEndpoint)
api_router.register_endpoint("documents", DocumentsEndpoint)
