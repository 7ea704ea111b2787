from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationConfig(AppConfig):
    name = "actionplans.evaluation"
    label = "evaluation"
    verbose_name = _("Co-evaluation")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import ratings, search

        search.register()
        ratings.connect()
