"""How wagtail-localize treats our fields beyond its defaults."""

from wagtail_localize.fields import BaseTranslatableField, SynchronizedField


class PerLanguageField(BaseTranslatableField):
    """Neither translated nor synchronised: each language version keeps its own value.
    Used for themes (tags), which are words of the page's language: syncing them would put
    Arabic tags on the French page."""

    def __repr__(self):
        return f"<PerLanguageField {self.field_name}>"


def synchronized(*names: str) -> list[SynchronizedField]:
    return [SynchronizedField(name) for name in names]
