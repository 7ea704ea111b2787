"""Building page trees in several languages: add a published child, translate a published page,
and create a whole keyed set of pages (the demo's data files, tests' fixtures).

Pages are addressed by key: `pages[key][language]` is one language version, and every version of
a key shares one translation key. Used by each app's demo loader and by the tests."""

import json
from collections.abc import Callable
from contextlib import contextmanager

from django.db.models.signals import post_save
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText


def locale(language: str) -> Locale:
    return Locale.objects.get(language_code=language)


@contextmanager
def indexed_once(model: type[Page]):
    """Save a page of `model` several times (create, revise, publish) and update its search
    entry once, after the last save: the search signal would index it again at each one, a
    third of the time of building a page. The block's pages are indexed as the signal would
    (the task queue's task), however many times they were saved."""
    saved: dict = {}

    def collect(instance, raw=False, **kwargs):
        if not raw:
            saved[instance.pk] = instance

    connected = post_save.disconnect(post_save_signal_handler, sender=model)
    if connected:
        post_save.connect(collect, sender=model, weak=False)
    try:
        yield
    finally:
        if connected:
            post_save.disconnect(collect, sender=model)
            post_save.connect(post_save_signal_handler, sender=model)
    for instance in saved.values():
        post_save_signal_handler(instance)


def add_child(parent: Page, page: Page) -> Page:
    """Add a page under parent (in the parent's language) and publish it."""
    page.locale = parent.locale
    with indexed_once(type(page)):
        parent.add_child(instance=page)
        page.save_revision(clean=False).publish()  # cleaned by the save before
    return page


def translate(
    page: Page, language: str, *, children: dict | None = None, tags=(), **fields
) -> Page:
    """Create the translation of a published page in another language, with its own text.
    The parent must already exist in that language; translations share the translation_key.

    Inline children that are translatable (a plan's phases, a commitment's milestones) are
    copied by copy_for_translation, in order, with the target locale and their own translation
    keys; `children` gives, per relation, one dict of new values for each, in that order."""
    with indexed_once(type(page.specific)):
        translation = page.copy_for_translation(locale(language))
        for name, value in fields.items():
            setattr(translation, name, value)
        for relation, changes in (children or {}).items():
            objects = list(getattr(translation, relation).all())
            for child, values in zip(objects, changes, strict=True):
                for name, value in values.items():
                    setattr(child, name, value)
            setattr(translation, relation, objects)
        if tags:
            translation.tags.set(list(tags))
        translation.save_revision().publish()
    translation.refresh_from_db()
    return translation.specific


def republish(page: Page, **fields) -> Page:
    """Change fields of a published page and publish the change as a new revision."""
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def paragraphs(*texts: str) -> str:
    """A StreamField value of rich-text paragraphs, as JSON."""
    return json.dumps(
        [{"type": "paragraph", "value": str(RichText(f"<p>{text}</p>"))} for text in texts]
    )


def body(*blocks: tuple[str, object]) -> str:
    """A StreamField value from (block type, value) pairs, as JSON."""
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


Pages = dict[str, dict[str, Page]]


def build(
    pages: Pages,
    language: str,
    specs: dict[str, dict],
    *,
    types: dict[str, type[Page]],
    fields: Callable[[str, dict], dict],
) -> Pages:
    """Create the pages of one language from specs keyed by page key, in order.

    A key that has no page yet is created, of `types[spec["type"]]`, under the page of key
    `spec["parent"]` in this language; a key that has a page in another language is translated
    from its first version; a key that already has a page in this language is updated.
    `fields(key, spec)` turns the rest of a spec into model field values."""
    for key, spec in specs.items():
        versions = pages.setdefault(key, {})
        spec = dict(spec)
        if language in versions:
            republish(versions[language], **fields(key, spec))
        elif versions:
            source = next(iter(versions.values()))
            versions[language] = translate(source, language, **fields(key, spec))
        else:
            model = types[spec.pop("type")]
            parent = pages[spec.pop("parent")][language]
            versions[language] = add_child(parent, model(**fields(key, spec)))
    return pages
