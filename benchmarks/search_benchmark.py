"""Search latency on a large corpus: 10,000 commitments in Arabic, Dari and French.

Builds a fresh database (its name must contain "bench": the script drops and recreates it),
creates the page tree in bulk, indexes it with `update_index`, then times about 200 searches
through the same code the search pages use, and prints the median and 95th percentile in
milliseconds for each kind of search and overall.

    DATABASE_URL=sqlite:////tmp/mosharaka-bench.sqlite3 \
        .venv/bin/python benchmarks/search_benchmark.py
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/mosharaka_bench \
        .venv/bin/python benchmarks/search_benchmark.py

Options: --commitments N (default 10000), --searches N (default 200), --seed N.
"""

import argparse
import os
import random
import statistics
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/mosharaka-bench.sqlite3")
# As on the site, each search's facet table is kept while the data is unchanged (search/table.py);
# MOSHARAKA_SEARCH_DATA_VERSION= (empty) reads it for every search instead.
os.environ.setdefault("MOSHARAKA_SEARCH_DATA_VERSION", "pagecache.generation.current")

# Words of each language, with the spellings the two keyboards produce where they differ.
WORDS = {
    "ar": (
        "الميزانية التشاركية الشفافية المعطيات المفتوحة الصفقات العمومية الشكايات المواطنين "
        "الجمعيات الرياضية الخدمات الإدارية مستوى الاستقبال التتبع المشترك الالتزامات هيئة "
        "المساواة تكافؤ الفرص الأرشيف الرقمي بوابة منصة الإلكترونية الجماعات الجهة المجلس "
        "دورات المحاضر الشباب النساء الماء الطرق النقل المدرسة الصحة البيئة النفايات الإنارة "
        "الأسواق الترخيص التعمير الفلاحة السياحة الثقافة المكتبات الرقمنة الاستشارة العرائض"
    ).split(),
    "fa-af": (
        "شورای مشورتی شهروندان مشارکت زنان بودجه‌سازی آب آشامیدنی نواحی گزارش‌دهی سالانه "
        "کتابخانه‌های عامه مکتب‌ها شفافیت قراردادهای شاروالی مستوی خدمات جمع‌آوری زباله "
        "پلان‌گذاری شهری نظرخواهی باشندگان شکایات شوراهای گذر عواید مصارف جاده‌ها "
        "پارک‌ها روشنایی سرک‌ها ترانسپورت صحت معارف جوانان ورزش بازار جواز ساختمان "
        "محیط زیست درختکاری فاضلاب برق پل‌ها ایمنی"
    ).split(),
    "fr": (
        "évaluation participative services accès information environnementale budget écoles "
        "registre bénéficiaires effectifs égalité emploi public transparence marchés données "
        "ouvertes plaintes citoyens associations sportives qualité accueil suivi engagements "
        "conseil régional jeunesse femmes eau routes transports santé déchets éclairage "
        "marchés permis urbanisme agriculture tourisme culture bibliothèques numérique pétitions"
    ).split(),
}
ARABIC_KEYBOARD = str.maketrans({"ی": "ي", "ک": "ك", "ى": "ي", "ة": "ه", "أ": "ا", "إ": "ا"})
PERSIAN_KEYBOARD = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})
STATUSES = ["not_started", "in_progress", "completed", "delayed", "cancelled"]
PLANS_PER_LANGUAGE = 4


def fresh_database():
    """Drop and recreate the benchmark database named by DATABASE_URL."""
    import dj_database_url

    config = dj_database_url.parse(os.environ["DATABASE_URL"])
    name = config["NAME"]
    if "bench" not in str(name):
        sys.exit(f"Refusing to reset {name!r}: the benchmark database's name must contain 'bench'.")
    if config["ENGINE"].endswith("sqlite3"):
        Path(name).unlink(missing_ok=True)
    elif config["ENGINE"].endswith("postgresql"):
        import psycopg

        with psycopg.connect(
            host=config["HOST"] or None,
            port=config["PORT"] or None,
            user=config["USER"] or None,
            password=config["PASSWORD"] or None,
            dbname="postgres",
            autocommit=True,
        ) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
            connection.execute(f'CREATE DATABASE "{name}"')
    else:
        sys.exit(f"Unsupported database engine {config['ENGINE']}")


def sentence(rng, language, count):
    return " ".join(rng.choice(WORDS[language]) for _ in range(count))


def child_paths(parent_path, start, count):
    from wagtail.models import Page

    alphabet = Page.alphabet
    for number in range(start, start + count):
        step, digits = number, ""
        while step:
            step, digit = divmod(step, len(alphabet))
            digits = alphabet[digit] + digits
        yield parent_path + digits.rjust(Page.steplen, alphabet[0])


def insert_local_rows(model, objects, batch_size=500):
    """Insert only the child table's rows of a multi-table-inherited model (bulk_create refuses
    those): the parent Page rows already exist."""
    from django.db import connection
    from django.db.models.sql import InsertQuery

    fields = model._meta.local_concrete_fields
    for start in range(0, len(objects), batch_size):
        query = InsertQuery(model)
        query.insert_values(fields, objects[start : start + batch_size], raw=True)
        query.get_compiler(connection=connection).execute_sql()


def build(total, rng):
    from django.contrib.contenttypes.models import ContentType
    from django.db import transaction
    from django.utils import timezone
    from taggit.models import Tag
    from wagtail.models import Locale, Page

    from accounts.models import Organisation
    from actionplans.models import (
        ActionPlanIndexPage,
        ActionPlanPage,
        CommitmentPage,
        CommitmentTag,
        OGPValue,
    )
    from home.models import HomePage
    from home.pagetree import add_child, translate

    for code in ("ar", "fr", "en", "fa-af"):
        Locale.objects.get_or_create(language_code=code)
    home = HomePage.objects.get(depth=2)
    homes = {"ar": home, "fr": translate(home, "fr"), "fa-af": translate(home, "fa-af")}
    content_type = ContentType.objects.get_for_model(CommitmentPage)
    values = list(OGPValue.objects.all())
    now = timezone.now()
    per_language = total // len(homes)
    created = 0
    with transaction.atomic():
        for language, home_page in homes.items():
            locale = home_page.locale
            organisations = [
                Organisation.objects.create(
                    name=sentence(rng, language, 3), kind="council_department", locale=locale
                )
                for _ in range(12)
            ]
            tags = [
                Tag.objects.create(name=f"{word} {n}", slug=f"{language}-{n}")
                for n, word in enumerate(rng.sample(WORDS[language], 20))
            ]
            index = add_child(home_page, ActionPlanIndexPage(title=f"plans-{language}"))
            for plan_number in range(PLANS_PER_LANGUAGE):
                plan = add_child(
                    index,
                    ActionPlanPage(
                        title=sentence(rng, language, 4),
                        code=f"{language}-{plan_number}",
                        framework="ogp_local",
                        period_start=now.date(),
                        period_end=now.date(),
                    ),
                )
                count = per_language // PLANS_PER_LANGUAGE
                if language == list(homes)[-1] and plan_number == PLANS_PER_LANGUAGE - 1:
                    count = total - created  # the last plan takes the remainder
                pages, details = [], []
                for n, path in enumerate(child_paths(plan.path, 1, count)):
                    slug = f"c-{plan_number}-{n}"
                    pages.append(
                        Page(
                            title=sentence(rng, language, rng.randint(3, 7)),
                            draft_title="",
                            slug=slug,
                            path=path,
                            depth=plan.depth + 1,
                            numchild=0,
                            url_path=f"{plan.url_path}{slug}/",
                            content_type=content_type,
                            locale=locale,
                            translation_key=uuid.uuid4(),
                            live=True,
                            has_unpublished_changes=False,
                            first_published_at=now,
                            last_published_at=now,
                        )
                    )
                Page.objects.bulk_create(pages, batch_size=500)
                pages = Page.objects.filter(path__in=[page.path for page in pages]).order_by("path")
                for page in pages:
                    details.append(
                        CommitmentPage(
                            page_ptr_id=page.pk,
                            intro=sentence(rng, language, 12),
                            code=f"{language}-{plan_number}-{page.pk}",
                            problem=sentence(rng, language, 25),
                            objective=sentence(rng, language, 25),
                            expected_results=sentence(rng, language, 15),
                            status=rng.choice(STATUSES),
                            progress=rng.randint(0, 100),
                            lead_institution=rng.choice(organisations),
                            budget_currency="MAD",
                            comments_open=True,
                        )
                    )
                insert_local_rows(CommitmentPage, details)
                Through = CommitmentPage.ogp_values.through
                Through.objects.bulk_create(
                    [
                        Through(commitmentpage_id=detail.page_ptr_id, ogpvalue_id=value.pk)
                        for detail in details
                        for value in rng.sample(values, rng.randint(1, 3))
                    ],
                    batch_size=500,
                )
                CommitmentTag.objects.bulk_create(
                    [
                        CommitmentTag(content_object_id=detail.page_ptr_id, tag=tag)
                        for detail in details
                        for tag in rng.sample(tags, 2)
                    ],
                    batch_size=500,
                )
                Page.objects.filter(pk=plan.pk).update(numchild=count)
                created += count
    return created


def timed(function):
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def searches(count, rng):
    """(kind, callable) pairs: text, text with facets, facets only, autocomplete."""
    from django.utils import translation
    from wagtail.models import Locale

    from actionplans.models import OGPValue
    from actionplans.search import searchable_commitments
    from search.engine import run as run_search

    value_codes = list(OGPValue.objects.values_list("code", flat=True))
    languages = list(WORDS)

    def query(language):
        words = rng.sample(WORDS[language], rng.choice([1, 1, 2]))
        text = " ".join(words)
        # A third of the queries are typed on "the other" keyboard.
        if rng.random() < 0.33:
            text = text.translate(ARABIC_KEYBOARD if language == "fa-af" else PERSIAN_KEYBOARD)
        return text

    def run(text, filters, language):
        def call():
            with translation.override(language):
                found = run_search("commitments", text, filters, language_code=language)
                list(found.results[:20])
                found.results.count()

        return call

    def autocomplete(text, language):
        def call():
            with translation.override(language):
                pages = (
                    searchable_commitments()
                    .filter(locale=Locale.objects.get(language_code=language))
                    .autocomplete(text, operator="and")[:8]
                )
                [page.title for page in pages]

        return call

    plan = []
    for n in range(count):
        language = languages[n % len(languages)]
        kind = ["text", "text", "text + facets", "facets only", "autocomplete"][n % 5]
        filters = {"language": [language]}
        if kind in ("text + facets", "facets only"):
            filters["status"] = rng.sample(STATUSES, 2)
            filters["value"] = rng.sample(value_codes, 1)
        if kind == "autocomplete":
            plan.append((kind, autocomplete(query(language)[:4], language)))
        elif kind == "facets only":
            plan.append((kind, run("", filters, language)))
        else:
            plan.append((kind, run(query(language), filters, language)))
    return plan


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--commitments", type=int, default=10_000)
    parser.add_argument("--searches", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1403)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    fresh_database()
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    created = build(args.commitments, rng)
    built = time.perf_counter() - started
    started = time.perf_counter()
    call_command("update_index", verbosity=0)
    indexed = time.perf_counter() - started
    if connection.vendor == "postgresql":
        # Planner statistics and the visibility map, as autovacuum would leave them on a live
        # database (without the map every index-only scan reads the table's rows too).
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    print(f"database: {connection.vendor} ({connection.settings_dict['NAME']})")
    print(f"commitments: {created} (built in {built:.1f} s, indexed in {indexed:.1f} s)")

    plan = searches(args.searches, rng)
    for _kind, call in plan[:10]:  # warm caches and connections
        call()
    timings: dict[str, list[float]] = {}
    for kind, call in plan:
        timings.setdefault(kind, []).append(timed(call))
    everything = [value for values in timings.values() for value in values]
    print(f"{'searches':<16}{'count':>7}{'median ms':>12}{'p95 ms':>10}")
    for kind, values in [*timings.items(), ("all", everything)]:
        print(
            f"{kind:<16}{len(values):>7}{statistics.median(values):>12.1f}"
            f"{percentile(values, 0.95):>10.1f}"
        )


if __name__ == "__main__":
    main()
