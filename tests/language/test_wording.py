"""Wording a reader notices on the demo: one count per idea, the number said once, language
badges named in the page's language with a whole tooltip, one name for sign-up and for the
display name."""

import re

from consultations.models import ConsultationPage
from tests.demodb import load_demo


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def test_demo_wording(db, client):
    load_demo()

    # The index and the consultation count contributions the same way (top-level comments).
    index = _text(client.get("/ar/consultations/").content.decode())
    for page in ConsultationPage.objects.live().filter(locale__language_code="ar"):
        html = client.get(page.url).content.decode()
        facts = _text(re.search(r'<dl class="facts">(.*?)</dl>', html, re.S).group(1))
        count = re.search(r"(\d+) مساهم", facts) or re.search(r"(مساهمة واحدة|مساهمتان)", facts)
        assert count, facts
        assert f"{count.group(1)} مساهم" in index or count.group(1) in index, (page.url, facts)

    # The number is said once ("تعليق واحد", never "تعليق واحد (1)").
    for url in ("/ar/consultations/charte-participation/", "/ar/consultations/"):
        text = _text(client.get(url).content.decode())
        assert not re.search(r"(واحد|واحدة|ان|تعليقات|مساهمات) \(\d+\)", text), url

    # Language badges on a French page say "arabe", with the whole tooltip.
    html = client.get("/fr/consultations/charte-participation/").content.decode()
    badges = re.findall(r'<span class="lang-badge" title="([^"]*)">([^<]*)</span>', html)
    assert badges
    assert ("Écrit en arabe", "arabe") in badges
    assert all(title.startswith("Écrit en ") and title.endswith(name) for title, name in badges)
    assert "العربية</span>" not in html

    # The character counter: a label and the number, so no "تبقى 5000 حرفا".
    from accounts.models import User

    client.force_login(User.objects.get(email="citizen@demo.mosharaka.org"))
    html = client.get("/ar/consultations/charte-participation/").content.decode()
    assert 'data-counter-label="الأحرف المتبقية: %(count)s"' in html
    assert "حرفا" not in html


def test_display_name_has_one_label(client, home_pages, make_user):
    labels = {}
    for language in ("ar", "fr", "fa-af"):
        signup = client.get(f"/{language}/account/signup/").content.decode()
        client.force_login(make_user())
        profile = client.get(f"/{language}/account/profile/").content.decode()
        client.logout()
        first = re.search(r'<label for="id_display_name">([^<(:]*)', signup).group(1).strip()
        second = re.search(r'<label for="id_display_name">([^<(:]*)', profile).group(1).strip()
        assert first.lower() == second.lower(), (language, first, second)
        labels[language] = first
    assert labels["ar"] == "الاسم المعروض"
