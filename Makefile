# The two commands of README.md: `make demo` (the site and its task worker) and `make test`.
# Everything they need is installed by the targets below, so both work on a fresh machine.
PYTHON_BIN ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
# The port reaches manage.py too: the site's own links (API, emails) follow it.
export PORT
IMMEDIATE_TASKS := django_tasks.backends.immediate.ImmediateBackend
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1

.PHONY: demo test html install browser-deps chromium java gettext lint messages clean-demo bench-deps bench

demo: install
	$(PY) manage.py migrate --noinput
	TASKS_BACKEND=$(IMMEDIATE_TASKS) $(PY) manage.py load_demo
	$(PY) manage.py site_address 127.0.0.1 $(PORT)
	$(PY) manage.py flush_search_hits --schedule
	@echo "Serving the demo at http://127.0.0.1:$(PORT)/ with its task worker (Ctrl-C stops both)"
	@$(PY) manage.py db_worker --no-reload & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	trap 'exit 130' INT TERM; \
	DEBUG=$${DEBUG:-false} $(PY) manage.py runserver --insecure 127.0.0.1:$(PORT)

# Two worker processes (the machine has two cores); TEST_WORKERS=0 runs the suite in one.
# Bytecode is written even where PYTHONDONTWRITEBYTECODE is set: every process of a run (the
# workers, the demo servers, their commands) would otherwise compile our modules and the tests
# again, half of collecting the suite (9 s of CPU instead of 5 in each worker).
TEST_WORKERS ?= 2
test: install browser-deps gettext
	PYTHONDONTWRITEBYTECODE= $(VENV)/bin/pytest -n $(TEST_WORKERS) --dist loadgroup --no-loadscope-reorder $(PYTEST_ARGS)

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON_BIN) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e ".[dev]"
	touch $@

browser-deps: node_modules/.installed chromium java

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

# Browser tests drive Debian's Chromium (Playwright's own browser download is not used): its
# headless shell (chromium-headless-shell, the build Playwright itself runs headless), which
# takes half the CPU of the full browser run headless; `chromium` is the full browser, for
# CHROMIUM_PATH=/usr/bin/chromium.
# The evaluation report's PDF is made by WeasyPrint, which needs Pango (and HarfBuzz, for Arabic
# and Dari shaping) and fonts with Arabic and Persian letters (fonts-noto-core: Noto Naskh
# Arabic, Noto Sans Arabic); its tests read the PDF back with poppler-utils (pdftotext,
# pdffonts, pdftoppm).
SYSTEM_PACKAGES := chromium chromium-headless-shell fonts-noto-core libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils
chromium:
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromium-headless-shell ] || [ ! -x /usr/bin/pdftotext ] || ! ldconfig -p | grep -q libpangoft2-1.0 \
		|| [ ! -f /usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf ]; then \
		if [ "$$(id -u)" = "0" ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(SYSTEM_PACKAGES) >/dev/null; \
		else \
			echo "Tests need Debian packages: run 'sudo apt-get install -y $(SYSTEM_PACKAGES)'"; exit 1; \
		fi; \
	fi

# The W3C Nu HTML checker (npm vnu-jar) runs on Java.
java:
	@if ! command -v java >/dev/null; then \
		if [ "$$(id -u)" = "0" ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
		else \
			echo "The HTML checker needs Java: run 'sudo apt-get install -y default-jre-headless'"; exit 1; \
		fi; \
	fi

# The W3C Nu HTML checker over the demo's public pages (CI runs it too).
html: install browser-deps
	$(PY) tests/html/check_html.py

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(PY) manage.py makemigrations --check --dry-run

# GNU gettext compiles the catalogues (make messages) and checks them (tests/language).
gettext:
	@if ! command -v msgfmt >/dev/null; then \
		if [ "$$(id -u)" = "0" ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext >/dev/null; \
		else \
			echo "Catalogues need GNU gettext: run 'sudo apt-get install -y gettext'"; exit 1; \
		fi; \
	fi

# Refresh the translation catalogues after changing user-facing strings. English is the
# source language (no catalogue); locale/vendor/ holds our wording of Django's and allauth's
# strings and is edited by hand (makemessages leaves it alone).
messages: install gettext
	$(PY) manage.py makemessages -l ar -l fr -l fa_AF --ignore=.venv --ignore=node_modules --ignore=staticfiles --ignore=tests
	$(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules

clean-demo:
	rm -f db.sqlite3
	rm -rf media

# benchmarks/site_benchmark.py loads the servers with wrk (Debian's package).
bench-deps:
	@command -v wrk >/dev/null || { \
		if [ "$$(id -u)" = "0" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
		else echo "The benchmark needs wrk: run 'sudo apt-get install -y wrk'"; exit 1; fi; }

bench: install bench-deps
	$(PY) benchmarks/site_benchmark.py $(BENCH_ARGS)
