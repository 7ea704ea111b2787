import copy

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class SiteSettings(BaseSiteSetting):
    """What is the same in every language: logo, contact channels, social links."""

    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    email = models.EmailField(_("contact email"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    website_url = models.URLField(_("official website"), blank=True)

    panels = [
        FieldPanel("logo"),
        MultiFieldPanel([FieldPanel("email"), FieldPanel("phone")], heading=_("Contact")),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("x_url"),
                FieldPanel("youtube_url"),
                FieldPanel("website_url"),
            ],
            heading=_("Social links"),
        ),
    ]

    class Meta:
        verbose_name = _("site settings")

    @classmethod
    def for_request(cls, request):
        """Wagtail's, read once per cache generation rather than once per request (the header
        and footer of every page show them)."""
        from home.serve import site_for_request
        from pagecache.shared import memo

        attr_name = cls.get_cache_attr_name()
        site = site_for_request(request)
        if hasattr(request, attr_name) or site is None:
            return super().for_request(request)

        def read():
            found = cls.for_site(site)
            found.logo  # noqa: B018 (read once here, not by each request's copy)
            return found

        shared = memo.get(request, ("settings", cls._meta.label, site.pk), read)
        site_settings = copy.copy(shared)  # Wagtail keeps the request on it
        site_settings._request = request
        setattr(request, attr_name, site_settings)
        return site_settings

    @property
    def social_links(self) -> list[tuple[str, str]]:
        links = [
            ("Facebook", self.facebook_url),
            ("X", self.x_url),
            ("YouTube", self.youtube_url),
            (_("Official website"), self.website_url),
        ]
        return [(label, url) for label, url in links if url]
