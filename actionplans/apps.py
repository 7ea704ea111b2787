from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActionPlansConfig(AppConfig):
    name = "actionplans"
    label = "actionplans"
    verbose_name = _("Action plans")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import search

        search.register()
