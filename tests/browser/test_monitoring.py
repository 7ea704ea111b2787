"""Co-monitoring in Chromium on the demo site: a CSO member posts, from the Dari interface, an
assessment that disagrees with the official report; the Arabic and French pages of the
commitment show both positions and the disagreement, and pass the axe audit, as does the
dashboard."""

import uuid

import pytest

pytestmark = pytest.mark.browser

PASSWORD = "mosharaka-demo"


def sign_in(page, server, email: str) -> None:
    page.goto(server.url + "/fr/account/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_load_state()
    assert "/account/login/" not in page.url


@pytest.fixture(scope="module")
def ids(demo_server) -> dict:
    """The demo's commitment RMS-04 (pk, Arabic and French addresses) and its plan's pk, asked
    once for the module (a management command in a process of its own costs seconds)."""
    script = (
        "from actionplans.models import CommitmentPage as C;"
        "ar=C.objects.get(code='RMS-04', locale__language_code='ar');"
        "fr=C.objects.get(code='RMS-04', locale__language_code='fr');"
        "print(ar.pk, ar.url, fr.url, ar.get_parent().pk)"
    )
    pk, ar_url, fr_url, plan = demo_server.manage("shell", "-c", script).split()[-4:]
    return {"pk": pk, "ar": ar_url, "fr": fr_url, "plan": plan}


def test_dari_assessment_disagreeing_shows_on_arabic_and_french_pages(
    demo_server, page, axe_audit, ids
):
    found = ids
    sign_in(page, demo_server, "cso@demo.mosharaka.org")
    page.goto(f"{demo_server.url}/fa-af/monitoring/commitments/{found['pk']}/report/civil_society/")
    assert page.locator("html").get_attribute("lang") == "fa-af"
    page.select_option("select[name=target]", index=3)
    page.check("input[name=status][value=off_track]")
    text = "کار این فعالیت متوقف شده و گزارش رسمی درست نیست " + uuid.uuid4().hex[:6]
    page.fill("textarea[name=narrative]", text)
    page.check("input[name=agrees][value=no]")
    page.locator("form.mon-form button[type=submit]").click()
    page.wait_for_load_state()
    for language in ("ar", "fr"):
        page.goto(demo_server.url + found[language])
        section = page.locator("#monitoring")
        assert text in section.inner_text()
        row = section.locator("tr.mon-row--disagree")
        assert row.count() >= 1
        assert row.first.locator(".mon-disagree").is_visible()
        dari = {"ar": "الدارية", "fr": "dari"}[language]  # named in the reader's language
        assert section.locator(".mon-lang", has_text=dari).count() >= 1
        page.locator("details.mon-scale").evaluate_all("els => els.forEach(e => e.open = true)")
        assert axe_audit(page) == [], language


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_dashboard_passes_the_accessibility_audit(demo_server, page, axe_audit, ids, language):
    found = ids
    page.goto(f"{demo_server.url}/{language}/monitoring/plans/{found['plan']}/")
    assert page.locator("table.mon-progress tbody tr").count() == 10
    assert axe_audit(page) == []
