"""Consultation journeys in Chromium on the demo site: a citizen signs up, confirms the email,
comments in Arabic and finds the comment on the French version; a moderator hides a reported
comment; an editor answers a comment. Public consultation pages pass the axe audit."""

import re
import time
import uuid

import pytest

from consultations.demo import paragraph_id

pytestmark = pytest.mark.browser

CHARTER = "/consultations/charte-participation/"
ANSWERED = "/consultations/programme-region-ouverte-2023/"
AWAITING = "/consultations/cadre-suivi-mi-parcours/"
PASSWORD = "mosharaka-demo"


def short(key, section, paragraph) -> str:
    return paragraph_id(key, section, paragraph)[:8]


def sign_in(page, server, email: str) -> None:
    page.goto(server.url + "/fr/account/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_load_state()
    assert "/account/login/" not in page.url


def mail_to(server, address: str, wait: float = 15) -> list[str]:
    """The emails to address, waiting for the task worker to send them."""
    deadline = time.monotonic() + wait
    while True:
        found = [
            m for m in server.sent_mail() if re.search(rf"^To: {re.escape(address)}$", m, re.M)
        ]
        if found or time.monotonic() > deadline:
            return found
        time.sleep(0.2)


@pytest.mark.parametrize(
    "path",
    [
        "/ar/consultations/",
        "/ar" + CHARTER,
        "/fr" + CHARTER,
        "/ar" + ANSWERED,
        "/fr" + ANSWERED,
        f"/ar{CHARTER}p/{short('charter', 2, 1)}/",
        f"/fr{CHARTER}p/{short('charter', 2, 1)}/",
        "/ar/account/signup/",
        "/fr/account/login/",
    ],
)
def test_consultation_pages_pass_the_accessibility_audit(demo_server, page, axe_audit, path):
    page.goto(demo_server.url + path)
    page.locator("details.paragraph-comments").evaluate_all(
        "elements => elements.forEach(e => e.open = true)"
    )
    assert axe_audit(page) == []


def test_citizen_signs_up_comments_in_arabic_and_reads_it_in_french(demo_server, page):
    email = f"nouvelle-{uuid.uuid4().hex[:8]}@example.org"
    page.goto(demo_server.url + "/ar/account/signup/")
    page.fill("input[name=email]", email)
    page.fill("input[name=display_name]", "ساكنة من الحوز")
    page.select_option("select[name=preferred_language]", "ar")
    page.fill("input[name=password1]", "a-long-enough-passphrase-42")
    page.fill("input[name=password2]", "a-long-enough-passphrase-42")
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_load_state()
    messages = mail_to(demo_server, email)
    assert messages, "no confirmation email was sent"
    link = re.search(r"(http://\S+/confirm-email/\S+/)", messages[-1]).group(1)
    page.goto(link)
    page.locator("form.account-form button[type=submit]").click()
    page.wait_for_load_state()
    page.goto(demo_server.url + "/ar" + CHARTER)
    assert page.locator(".account-nav").inner_text().find("ساكنة من الحوز") >= 0
    first = page.locator(".draft-paragraph").first
    first.locator("a[href*='/p/']").last.click()
    page.wait_for_load_state()
    text = "أقترح أن يذكر الميثاق الجماعات القروية صراحة. " + uuid.uuid4().hex[:6]
    page.fill("textarea[name=body]", text)
    page.locator("form.comment-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator(".comment__body", has_text=text).is_visible()
    page.goto(page.url.split("#")[0].replace("/ar/", "/fr/"))
    assert page.get_attribute("html", "lang") == "fr"
    comment = page.locator(".comment", has_text=text)
    assert comment.is_visible()
    # The badge names the comment's language in the page's language, with a whole tooltip.
    assert comment.locator(".lang-badge").inner_text() == "arabe"
    assert comment.locator(".lang-badge").get_attribute("title") == "Écrit en arabe"
    assert comment.locator(".comment__body").get_attribute("dir") == "auto"


def test_moderator_hides_the_reported_comment(demo_server, page):
    sign_in(page, demo_server, "moderator@demo.mosharaka.org")
    page.goto(demo_server.url + "/admin/moderation/?reported=true")
    page.get_by_role("link", name=re.compile("رقم هاتف")).first.click()
    page.wait_for_load_state()
    assert "/admin/moderation/review/" in page.url
    page.fill("textarea[name=reason]", "Hors sujet : question sur les permis de construire.")
    page.locator("button[value=hide]").click()
    page.wait_for_load_state()
    paragraph = f"{demo_server.url}/fr{CHARTER}p/{short('charter', 4, 2)}/"
    page.goto(paragraph)  # moderators still read hidden comments, marked as hidden
    assert page.locator(".comment--hidden", has_text="رقم هاتف").count() == 1
    page.context.clear_cookies()
    page.goto(paragraph)
    assert page.locator(".comment--hidden").count() == 1
    assert page.locator(".comment", has_text="رقم هاتف").count() == 0
    assert mail_to(demo_server, "citizen@demo.mosharaka.org")


def test_editor_answers_a_comment_and_the_answer_is_public(demo_server, page):
    sign_in(page, demo_server, "editor@demo.mosharaka.org")
    page.goto(demo_server.url + "/admin/responses/?answer=none")
    page.get_by_role("link", name=re.compile("ستة أشهر")).first.click()
    page.wait_for_load_state()
    page.select_option("select[name=outcome]", "partly_incorporated")
    page.fill(
        "textarea[name=justification]",
        "ستنشر مؤشرات الإنجاز كل ثلاثة أشهر، ومؤشرات الأثر كل ستة أشهر.",
    )
    page.locator("button[name=publish]").click()
    page.wait_for_load_state()
    page.goto(f"{demo_server.url}/fr{AWAITING}p/{short('monitoring', 1, 1)}/")
    response = page.locator(".response", has_text="كل ثلاثة أشهر")
    assert response.is_visible()
    assert "outcome--partly_incorporated" in response.locator(".outcome").get_attribute("class")
