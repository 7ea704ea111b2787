from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MonitoringConfig(AppConfig):
    """Co-monitoring: civil society's accreditation on a plan, official progress reports and
    civil-society assessments, kept by translation key so every language version shows them."""

    name = "actionplans.monitoring"
    label = "monitoring"
    verbose_name = _("Co-monitoring")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import search

        search.register()
