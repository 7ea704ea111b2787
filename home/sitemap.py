"""/sitemap.xml: every language version of the site's public pages, each with its other
language versions as `hreflang` alternates.

Wagtail's own sitemap lists the pages below the site's root page only, which is the home page
of the default language: the French, English and Dari trees are its translations, siblings of
it, so search engines were told of the Arabic pages alone.
"""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.contrib.sitemaps.views import sitemap as wagtail_sitemap
from wagtail.models import Locale, Page


class Sitemap(WagtailSitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        trees = Q()
        for path in Page.objects.filter(translation_key=root.translation_key).values_list(
            "path", flat=True
        ):
            trees |= Q(path__startswith=path)
        return (
            Page.objects.filter(trees)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def _urls(self, page, protocol, domain):
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        entries = []
        for item in self.paginator.page(page).object_list:
            for info in item.get_sitemap_urls(self.request):
                entries.append((item.translation_key, languages[item.locale_id], info))
        versions: dict = {}
        for key, language, info in entries:
            versions.setdefault(key, []).append(
                {"lang_code": language, "location": info["location"]}
            )
        urls = []
        for key, _language, info in entries:
            if len(versions[key]) > 1:
                info = {**info, "alternates": versions[key]}
            urls.append(info)
        last_mods = {info.get("lastmod") for info in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls


def sitemap(request):
    return wagtail_sitemap(request, sitemaps={"pages": Sitemap})
