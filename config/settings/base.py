"""Settings shared by every environment. Everything that differs between machines comes from
environment variables, read here with safe defaults for the embedded (SQLite) set-up."""

import os
from pathlib import Path

import dj_database_url
import django.conf.locale

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "home",
    "accounts",
    "consultations",
    "actionplans",
    "actionplans.monitoring",
    "actionplans.evaluation",
    "search",
    "pagecache",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    "modelcluster",
    "taggit",
    "django_filters",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First, so that a cached page is served before any other work and is stored with the
    # headers every other middleware added.
    "pagecache.middleware.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.LocaleMiddleware",
    "config.middleware.RejectNulMiddleware",
    "home.digits.PersianDigitsMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
            "builtins": ["home.templatetags.mosharaka"],
        },
    },
]

# --- Database: SQLite file by default, anything dj-database-url understands otherwise.
# On PostgreSQL each worker keeps its connection (CONN_MAX_AGE seconds, checked before reuse)
# instead of opening one per request; benchmarks/site_benchmark.py measures the difference.
# (psycopg's pool would add nothing for gunicorn's single-threaded sync workers.)
_DATABASE_URL = os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
DATABASES = {
    "default": dj_database_url.parse(
        _DATABASE_URL,
        conn_max_age=int(
            os.environ.get("CONN_MAX_AGE", "600" if _DATABASE_URL.startswith("postgres") else "0")
        ),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The task worker writes beside the app server: wait for the other's write, do not fail.
    # A transaction takes the write lock when it begins (IMMEDIATE): one that read first and
    # wrote second could not wait for the other writer (SQLite answers "database is locked" at
    # once rather than risk a deadlock), and a citizen's submit failed with a server error.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("timeout", 20)
    DATABASES["default"]["OPTIONS"].setdefault("transaction_mode", "IMMEDIATE")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache: Redis when REDIS_URL is set (shared by app servers); otherwise files on this
# machine, which every worker process of one server shares (local memory would not be: a page
# invalidated in one worker would still be served by the others).
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "pagecache.filecache.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / ".cache")),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        }
    }

# Whole pages for anonymous visitors (pagecache/): invalidated by any write to a table a page
# may show; TIMEOUT bounds what changes with time alone (a consultation closing at its hour).
# PROXY_MAX_AGE is how long a proxy or CDN in front may serve a page without revalidating it
# (0: it revalidates every time, cheaply, with the ETag); see README "Caching".
# Site data every page reads the same way (site, home pages, menus, settings, translations),
# kept in each worker's memory for the current cache generation (pagecache/shared.py): the
# pages the page cache does not serve (signed-in visitors) skip those queries too.
MOSHARAKA_SITE_DATA_CACHE = env_bool("MOSHARAKA_SITE_DATA_CACHE", True)
# A dotted path to a function giving the token site data is kept under instead of the
# generation (the tests' settings name one); None: the generation.
MOSHARAKA_SITE_DATA_VERSION = None
# Searches keep each faceted search's facet table in the process while this token is unchanged
# (search/table.py): the page cache's generation, which every committed write replaces.
MOSHARAKA_SEARCH_DATA_VERSION = (
    "pagecache.generation.current" if env_bool("MOSHARAKA_SEARCH_TABLE_CACHE", True) else None
)
MOSHARAKA_PAGE_CACHE = {
    "ENABLED": env_bool("MOSHARAKA_PAGE_CACHE", True),
    "ALIAS": "default",
    "TIMEOUT": int(os.environ.get("MOSHARAKA_PAGE_CACHE_SECONDS", "300")),
    "BROWSER_MAX_AGE": 0,
    "PROXY_MAX_AGE": int(os.environ.get("MOSHARAKA_PROXY_MAX_AGE", "0")),
    # Site search counts its hits per query, so it is served fresh (commitment search is cached).
    "SKIP_PATHS": [
        r"/admin/",
        r"/documents/",
        r"/static/",
        r"/media/",
        r"/[\w-]+/account/",
        r"/[\w-]+/search/$",
    ],
}

# A caching proxy or CDN in front: Wagtail's front-end cache invalidation purges a page (and,
# through pagecache, its translations and the pages listing it) when it is published or
# unpublished. FRONTEND_CACHE_PURGE_URL: an HTTP cache taking PURGE requests (Varnish, nginx,
# Squid), e.g. http://127.0.0.1:8080; or Cloudflare with CLOUDFLARE_ZONE_ID and
# CLOUDFLARE_BEARER_TOKEN. See README "Caching".
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.insert(INSTALLED_APPS.index("pagecache"), "wagtail.contrib.frontend_cache")

# --- Task queue (Django's task framework as installed with Wagtail, django-tasks, with the
# database backend of django-tasks-db): email and Wagtail's own background work run in a worker
# process, `python manage.py db_worker`, started beside the app servers (`make demo` does).
# TASKS_BACKEND=django_tasks.backends.immediate.ImmediateBackend runs tasks in the process that
# enqueues them (the demo loader does, so that the worker does not start with a backlog).
TASKS = {"default": {"BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
# Email tasks try again after these delays (seconds) when the mail server fails.
MOSHARAKA_MAIL_RETRY_DELAYS = [60, 300, 1800, 7200]

# --- Accounts
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
    "rules.permissions.ObjectPermissionBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
# The admin's sign-in is for people who may use the admin (accounts/signin.py); private pages
# send visitors to the site's sign-in.
WAGTAILADMIN_USER_LOGIN_FORM = "accounts.signin.AdminLoginForm"
WAGTAIL_FRONTEND_LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_DEFAULT_HTTP_PROTOCOL = os.environ.get("ACCOUNT_DEFAULT_HTTP_PROTOCOL", "http")
# Sign-up asks for a public display name (pseudonymous by default) and a preferred language.
ACCOUNT_SIGNUP_FORM_CLASS = "accounts.forms.SignupForm"
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_USER_DISPLAY = "accounts.adapter.user_display"
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_PRESERVE_USERNAME_CASING = False
# allauth's rate limits (per IP, per key = email): failed logins, sign-ups, reset emails.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "5/m/ip,30/h/ip",
    "reset_password": "10/m/ip,3/5m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
}
# Public participation: comments and reports per user (count, seconds), cache-based;
# reports from different people that hide a comment until a moderator reviews it.
MOSHARAKA_RATE_LIMITS = {"comment": (10, 600), "report": (20, 3600)}
MOSHARAKA_REPORTS_TO_HIDE = int(os.environ.get("MOSHARAKA_REPORTS_TO_HIDE", "3"))

# --- Languages. Which languages a site offers is configuration: MOSHARAKA_LANGUAGES picks a
# subset of the catalogue below (codes, comma separated, first one is the default).
LANGUAGE_CATALOGUE = {
    "ar": "العربية",
    "fr": "Français",
    "en": "English",
    "fa-af": "دری",
}
_enabled = env_list("MOSHARAKA_LANGUAGES", "ar,fr,en,fa-af")
LANGUAGES = [(code, LANGUAGE_CATALOGUE[code]) for code in _enabled if code in LANGUAGE_CATALOGUE]
LANGUAGE_CODE = LANGUAGES[0][0]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Django knows only "fa" (Persian): the admin's language menu would call Dari "فارسی".
django.conf.locale.LANG_INFO["fa-af"] = {
    "bidi": True,
    "code": "fa-af",
    "name": "Dari",
    "name_local": "دری",
}
# Django knows "fa" is right-to-left; "fa-af" inherits it through the base language.
LANGUAGES_BIDI = ["he", "ar", "ar-dz", "ar-ma", "ckb", "fa", "fa-af", "ps", "ug", "ur"]
# Our catalogues first, then our wording of Django's and allauth's strings (locale/vendor/:
# formal Afghan Dari instead of the Persian fallback, complete Arabic plural forms), both
# ahead of the packages' own catalogues.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "vendor"]
USE_I18N = True
# Our formats where Django's fall short (config/formats/<language>/formats.py).
FORMAT_MODULE_PATH = ["config.formats"]
USE_TZ = True
TIME_ZONE = os.environ.get("TIME_ZONE", "Africa/Casablanca")

# --- Static and media files
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    # S3-compatible media (AWS, MinIO, Scaleway…); credentials come from the usual AWS_* variables.
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_DEFAULT_ACL = None
    AWS_QUERYSTRING_AUTH = False

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Email: console by default, SMTP when EMAIL_HOST is set.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Mosharaka <no-reply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Emails come from the council of the reader's language (its name, the address above).
MOSHARAKA_EMAIL_IDENTITY = "home.sites.email_identity"
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_BACKEND = os.environ.get(
        "EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
    )
    EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", str(BASE_DIR / "sent-mail"))

# --- Wagtail
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Mosharaka")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILAPI_BASE_URL = WAGTAILADMIN_BASE_URL
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
# "Translate" creates the copy as a draft: it goes live only when the translator publishes it,
# so an untranslated copy never appears in the other language's pages.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# --- Search: Wagtail's database backend (SQLite FTS5 / PostgreSQL full text) unless an
# Elasticsearch cluster is configured. Both come from search.backends, which normalise
# Arabic-script spellings, digits and Latin accents at index and at query time.
# ELASTICSEARCH_INDEX prefixes the index names (e.g. "mosharaka" → mosharaka_wagtailcore_page).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
if os.environ.get("ELASTICSEARCH_URL"):
    WAGTAILSEARCH_BACKENDS["default"] = {
        "BACKEND": "search.backends.elasticsearch",
        "URLS": env_list("ELASTICSEARCH_URL"),
        "INDEX_PREFIX": os.environ.get("ELASTICSEARCH_INDEX", "mosharaka") + "_",
        "TIMEOUT": int(os.environ.get("ELASTICSEARCH_TIMEOUT", "10")),
    }
WAGTAILSEARCH_HITS_MAX_AGE = 30

# --- Security headers (django-csp). The Wagtail admin ships inline scripts, so the policy
# covers the public site only.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/cms/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
    },
}

# --- Participation

REST_FRAMEWORK = {"DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
