"""The W3C Nu HTML checker (npm vnu-jar, run with Java) finds no error on the demo's public
pages: every page in the sitemap, in every language, plus search, account pages and the 404."""

import os
import re
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

VNU = Path(
    os.environ.get("VNU_JAR", Path(settings.BASE_DIR, "node_modules/vnu-jar/build/dist/vnu.jar"))
)
EXTRA = [
    "/{lang}/search/?q=budget",
    "/{lang}/search/commitments/",
    "/{lang}/account/login/",
    "/{lang}/account/signup/",
    "/{lang}/account/password/reset/",
    "/{lang}/no-such-page/",
]


def _get(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310
            return response.read().decode()
    except urllib.error.HTTPError as error:  # the 404 page is checked too
        return error.read().decode()


def public_urls(base: str) -> list[str]:
    sitemap = _get(base + "/sitemap.xml")
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    urls = [re.sub(r"^https?://[^/]+", base, loc) for loc in locations]
    for language, _name in settings.LANGUAGES:
        urls += [base + path.format(lang=language) for path in EXTRA]
    return urls


def test_public_pages_are_valid_html(demo_server, tmp_path):
    if not VNU.exists():
        pytest.fail(f"The Nu HTML checker is missing at {VNU}: run `npm ci` (make browser-deps).")
    if shutil.which("java") is None:
        pytest.fail("The Nu HTML checker needs Java: `apt-get install -y default-jre-headless`.")
    urls = public_urls(demo_server.url)
    assert len(urls) > 40
    files = {}
    for number, url in enumerate(urls):
        path = tmp_path / f"page-{number}.html"
        path.write_text(_get(url))
        files[path.name] = url
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "gnu"]
        + [str(tmp_path / name) for name in files],
        capture_output=True,
        text=True,
    )
    # One line per message: "file:/…/page-3.html":12.5-12.40: error: …
    errors = []
    for line in result.stderr.splitlines():
        found = re.match(r'"[^"]*/(page-\d+\.html)":([\d.]+)-[\d.]+: error: (.*)', line)
        if found:
            errors.append(f"{files[found.group(1)]} line {found.group(2)}: {found.group(3)}")
        elif line.strip():
            errors.append(line)  # the checker itself failed
    assert result.returncode in (0, 1), result.stderr
    assert errors == [], "\n".join(errors[:40])
