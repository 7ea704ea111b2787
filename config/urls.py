from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from accounts.signin import site_sign_in
from config.api import api_router

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Everything the public reads carries its language in the URL: /ar/…, /fr/…, /fa-af/…
# A visitor to / is redirected to the best language for their browser.
urlpatterns += i18n_patterns(
    path("account/", include("accounts.urls")),
    path("account/", include("allauth.urls")),
    path("_util/login/", site_sign_in),
    path("", include("search.urls")),
    path("", include("consultations.urls")),
    path("", include("actionplans.urls")),
    path("", include("actionplans.monitoring.urls")),
    path("", include("actionplans.evaluation.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
