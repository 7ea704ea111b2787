import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from wagtail.models import Locale

from accounts.models import User
from home.models import HomePage

LANGUAGES = ["ar", "fr", "en", "fa-af"]


@pytest.fixture
def locales(db):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}


@pytest.fixture
def home_pages(locales):
    """The Arabic home page made by the migration, translated into French and Dari."""
    from home.demo import translate

    home = HomePage.objects.get(depth=2)
    home.council_name = "مجلس الجهة"
    home.save_revision().publish()
    return {
        "ar": home,
        "fr": translate(home, "fr", title="Accueil", council_name="Conseil régional"),
        "fa-af": translate(home, "fa-af", title="خانه", council_name="شاروالی"),
    }


@pytest.fixture
def make_user(db):
    counter = {"n": 0}

    def make(*, groups=(), confirmed=True, **fields):
        counter["n"] += 1
        n = counter["n"]
        fields.setdefault("username", f"user{n}")
        fields.setdefault("email", f"user{n}@example.org")
        fields.setdefault("display_name", f"User {n}")
        user = User.objects.create_user(password="pass-for-tests-123", **fields)
        for name in groups:
            user.groups.add(Group.objects.get(name=name))
        if confirmed and user.email:  # the address confirmed through allauth
            EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
        return user

    return make
