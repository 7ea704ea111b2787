"""Demo site, from the data files in home/demo/data/: the Marrakech-Safi regional council in
Arabic (source), French and English, and in the Dari tree the partner municipality of
Mazar-i-Sharif. Later loaders add their pages under these by key (`context["pages"]`)."""

import json

from django.core.files.base import ContentFile
from wagtail.documents.models import Document
from wagtail.models import Locale, Site

from home import pagetree
from home.models import (
    DocumentsPage,
    EventIndexPage,
    EventPage,
    HomePage,
    NewsIndexPage,
    NewsPage,
    SiteSettings,
    StandardPage,
)

from .files import day, moment, read

LANGUAGES = ["ar", "fr", "en", "fa-af"]
# Data files in the order they are loaded, each with the language of its pages.
FILES = [("region.ar", "ar"), ("region.fr", "fr"), ("region.en", "en"), ("mazar.fa-af", "fa-af")]
TYPES = {
    model.__name__: model
    for model in (StandardPage, NewsIndexPage, NewsPage, EventIndexPage, EventPage, DocumentsPage)
}


def load(context: dict) -> dict:
    today = context["today"]
    for language in LANGUAGES:
        Locale.objects.get_or_create(language_code=language)
    site = read(__file__, "site")
    documents = _documents(site["documents"])
    home = HomePage.objects.filter(depth=2).first()
    home.slug = "home"
    pages = context.setdefault("pages", {})
    pages["home"] = {"ar": home}

    _settings(home, site)

    def fields(key: str, spec: dict) -> dict:
        return page_fields(spec, today, documents)

    for name, language in FILES:
        pagetree.build(pages, language, read(__file__, name), types=TYPES, fields=fields)
    return {"pages": pages, "documents": documents}


def page_fields(spec: dict, today, documents: dict) -> dict:
    """Model field values from a page's spec: paragraphs, agendas, document lists, dates."""
    values = dict(spec)
    if "body" in values:
        values["body"] = pagetree.paragraphs(*values["body"])
    if "date" in values:
        values["date"] = day(values["date"], today)
    for name in ("start", "end"):
        if name in values:
            values[name] = moment(values[name], today)
    if "agenda" in values:
        values["agenda"] = pagetree.body(
            *[
                ("item", {"start": start, "end": end, "item": item, "speakers": ""})
                for start, end, item in values["agenda"]
            ]
        )
    if "sections" in values:
        values["sections"] = json.dumps(
            [
                {"type": "section", "value": _section(section, today, documents)}
                for section in values["sections"]
            ]
        )
    return values


def _section(section: dict, today, documents: dict) -> dict:
    items = [
        {
            "document": documents[item["document"]].pk,
            "title": item["title"],
            "description": item.get("description", ""),
            "date": day(item["date"], today).isoformat(),
        }
        for item in section["documents"]
    ]
    return {"title": section["title"], "documents": items}


def _documents(specs: dict) -> dict[str, Document]:
    result = {}
    for key, spec in specs.items():
        document = Document(title=spec["title"])
        document.file.save(spec["file"], ContentFile(spec["text"].encode("utf-8")), save=False)
        document.save()
        result[key] = document
    return result


def _settings(home: HomePage, data: dict) -> None:
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port = data["site"]["hostname"], data["site"]["port"]
    site.site_name = data["site"]["site_name"]
    site.root_page = home
    site.save()
    SiteSettings.objects.update_or_create(site=site, defaults=data["settings"])
