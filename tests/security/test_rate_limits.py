"""Rate limits answer 429 with a clear message in the page's language, and are kept in the
shared cache (the deployment check warns when it is per process)."""

from django.core.cache import cache
from django.test import override_settings
from django.utils import translation

from accounts.checks import rate_limits_are_shared
from consultations import ratelimit
from consultations.models import Comment

COMMENT_LIMIT = {"comment": (2, 600), "report": (20, 3600)}
MESSAGE = "You have posted many comments in a short time. Please wait a few minutes."


def in_french(message: str) -> str:
    with translation.override("fr"):
        return translation.gettext(message)


@override_settings(MOSHARAKA_RATE_LIMITS=COMMENT_LIMIT)
def test_comment_limit_answers_429_in_the_page_language_and_keeps_the_text(
    client, consultation, make_user
):
    client.force_login(make_user())
    url = f"/fr/comments/new/{consultation.pk}/"
    for n in range(2):
        assert client.post(url, {"body": f"Avis {n}"}).status_code == 302
    response = client.post(url, {"body": "Mon troisième avis"})
    assert response.status_code == 429
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert in_french(MESSAGE).replace("'", "&#x27;") in html
    assert "Mon troisième avis" in html  # nothing typed is lost
    assert Comment.objects.count() == 2


@override_settings(ACCOUNT_RATE_LIMITS={"signup": "1/m/ip"})
def test_sign_up_limit_page_is_in_the_page_language(client, locales):
    def signup(email):
        return client.post(
            "/fr/account/signup/",
            {
                "email": email,
                "password1": "a-long-enough-passphrase-42",
                "password2": "a-long-enough-passphrase-42",
                "preferred_language": "fr",
            },
        )

    cache.clear()
    signup("one@example.org")
    client.logout()
    response = signup("two@example.org")
    assert response.status_code == 429
    html = response.content.decode()
    assert '<html lang="fr"' in html
    assert in_french("Too many attempts") in html
    assert "Too Many Requests" not in html


@override_settings(MOSHARAKA_RATE_LIMITS=COMMENT_LIMIT)
def test_limits_are_counted_in_the_default_cache(db):
    cache.clear()
    assert ratelimit.hit("comment", 42)
    assert cache.get("mosharaka:rate:comment:42") == 1  # what every process reads


def test_deployment_check_warns_when_the_cache_is_per_process():
    locmem = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    redis = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
        }
    }
    with override_settings(CACHES=locmem):
        assert [w.id for w in rate_limits_are_shared()] == ["accounts.W001"]
    with override_settings(CACHES=redis):
        assert rate_limits_are_shared() == []
