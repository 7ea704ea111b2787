"""Valid HTML: the W3C Nu HTML checker (npm vnu-jar, run with Java) on the demo's public pages
(every page of the sitemap in every language, plus search, account pages and the 404), errors
only. Starts the demo on a database of its own, like the browser tests; CI runs it (.ci/run).

    .venv/bin/python tests/html/check_html.py        # exit status 1 when a page has an error
"""

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
VNU = Path(os.environ.get("VNU_JAR", ROOT / "node_modules/vnu-jar/build/dist/vnu.jar"))
LANGUAGES = os.environ.get("MOSHARAKA_LANGUAGES", "ar,fr,en,fa-af").split(",")
EXTRA = [
    "/{lang}/search/?q=budget",
    "/{lang}/search/commitments/",
    "/{lang}/account/login/",
    "/{lang}/account/signup/",
    "/{lang}/account/password/reset/",
    "/{lang}/no-such-page/",
]
LINE = re.compile(r'"[^"]*/(page-\d+\.html)":([\d.]+)-[\d.]+: error: (.*)')


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310
            return response.read().decode()
    except urllib.error.HTTPError as error:  # the 404 page is checked too
        return error.read().decode()


def public_urls(base: str) -> list[str]:
    locations = re.findall(r"<loc>([^<]+)</loc>", fetch(base + "/sitemap.xml"))
    urls = [re.sub(r"^https?://[^/]+", base, location) for location in locations]
    return urls + [base + path.format(lang=code) for code in LANGUAGES for path in EXTRA]


def check(pages: dict[str, str], folder: Path) -> list[str]:
    """Run the checker on {url: html}; return its errors as "url line: message"."""
    names = {}
    for number, (url, html) in enumerate(pages.items()):
        (folder / f"page-{number}.html").write_text(html)
        names[f"page-{number}.html"] = url
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--format", "gnu"]
        + [str(folder / name) for name in names],
        capture_output=True,
        text=True,
    )
    errors = []
    for line in result.stderr.splitlines():
        found = LINE.match(line)
        if found:
            errors.append(f"{names[found.group(1)]} line {found.group(2)}: {found.group(3)}")
        elif line.strip():
            errors.append(line)  # the checker itself failed
    if result.returncode not in (0, 1):
        errors.append(f"the checker stopped with status {result.returncode}")
    return errors


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> int:
    if not VNU.exists():
        print(f"The Nu HTML checker is missing at {VNU}: run `make browser-deps`.")
        return 2
    python = sys.executable
    with tempfile.TemporaryDirectory() as workdir:
        work = Path(workdir)
        port = free_port()
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DATABASE_URL": f"sqlite:///{work / 'demo.sqlite3'}",
            "MEDIA_ROOT": str(work / "media"),
            "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
            "TASKS_BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "DEBUG": "false",
            "PORT": str(port),
        }
        for command in (["migrate", "--noinput", "-v0"], ["load_demo"]):
            subprocess.run([python, "manage.py", *command], cwd=ROOT, env=env, check=True)
        server = subprocess.Popen(
            [python, "manage.py", "runserver", "--noreload", "--insecure", f"127.0.0.1:{port}"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    fetch(base + "/fr/")
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        print("The demo server did not start.")
                        return 2
                    time.sleep(0.3)
            urls = public_urls(base)
            errors = check({url: fetch(url) for url in urls}, work)
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"Nu HTML checker: {len(urls)} pages, {len(errors)} errors")
    for error in errors:
        print(" ", error)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
