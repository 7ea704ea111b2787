from django.conf import settings
from django.core.checks import Warning, register


@register(deploy=True)
def sender_is_configured(app_configs, **kwargs):
    """Emails go out under the council's name from a configured address, never localhost."""
    address = settings.DEFAULT_FROM_EMAIL.rsplit("<", 1)[-1].rstrip(">").strip()
    if not address or address.endswith(("@localhost", ".localdomain")):
        return [
            Warning(
                f"DEFAULT_FROM_EMAIL is not configured: emails would come from {address}.",
                hint="Set DEFAULT_FROM_EMAIL to the council's sending address.",
                id="home.W001",
            )
        ]
    return []
