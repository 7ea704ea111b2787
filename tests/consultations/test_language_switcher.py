import re

from tests.consultations.conftest import first_paragraph, french_version


def test_switching_language_on_a_paragraph_page_stays_on_that_paragraph(client, make_consultation):
    page = make_consultation("during", french=True)
    paragraph = first_paragraph(page)
    french = french_version(page)
    html = client.get(f"{french.url}p/{paragraph.short_id}/").content.decode()
    switcher = re.search(r'<ul class="language-switcher">(.*?)</ul>', html, re.S).group(1)
    assert f'href="{page.url}p/{paragraph.short_id}/"' in switcher
