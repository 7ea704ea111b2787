"""Demo action plans, from actionplans/demo/data/: the Marrakech-Safi region's Open Region
programme in Arabic (source) and French, the Mazar-i-Sharif municipality's plan in Dari, and
the "Open data" page. Pages are keyed (`context["pages"]`): the indexes, `open-region`,
`mazar-plan`, and each commitment by its code."""

from decimal import Decimal

from accounts.demo import create_organisations
from home import pagetree
from home.demo import page_fields
from home.demo.files import day, read
from home.models import StandardPage

from ..models import (
    ActionPlanIndexPage,
    ActionPlanPage,
    CommitmentPage,
    Milestone,
    OGPValue,
    PlanPhase,
)

# Each plan's language-neutral file and its language files, the source language first.
PLANS = [("region", ["ar", "fr"]), ("mazar", ["fa-af"])]
OPEN_DATA = ["opendata.ar", "opendata.fr", "opendata.fa-af"]


class _Loader:
    def __init__(self, context: dict):
        self.today = context["today"]
        self.pages = context["pages"]
        self.documents = context.get("documents", {})
        self.organisations = context.setdefault("organisations", {})
        self.values = {value.code: value for value in OGPValue.objects.all()}

    def page(self, key: str, spec: dict, text: dict, language: str) -> None:
        versions = self.pages.setdefault(key, {})
        kind = spec["type"]
        if versions:
            source = next(iter(versions.values()))
            fields, children, tags = getattr(self, f"translate_{kind}")(spec, text, language)
            versions[language] = pagetree.translate(
                source, language, children=children, tags=tags, **fields
            )
        else:
            parent = self.pages[spec["parent"]][language]
            new = getattr(self, f"new_{kind}")(spec, text, language, parent.locale)
            versions[language] = pagetree.add_child(parent, new)

    def org(self, key: str, language: str):
        return self.organisations[key][language]

    def new_ActionPlanIndexPage(self, spec, text, language, locale):
        return ActionPlanIndexPage(
            title=text["title"], slug=spec["slug"], intro=text["intro"], show_in_menus=True
        )

    def translate_ActionPlanIndexPage(self, spec, text, language):
        return {"title": text["title"], "intro": text["intro"]}, {}, ()

    def _plan_text(self, spec, text) -> dict:
        return {
            "title": text["title"],
            "intro": text["intro"],
            "vision": text["vision"],
            "adoption_session": text["adoption_session"],
            "adoption_reference": text["adoption_reference"],
            "consultative_bodies": pagetree.body(
                *[("body", name) for name in text["consultative_bodies"]]
            ),
            "documents": pagetree.body(
                *[
                    (
                        "document",
                        {
                            "document": self.documents[item["document"]].pk,
                            "title": text["document_titles"][item["document"]],
                            "description": "",
                            "date": day(item["date"], self.today).isoformat(),
                        },
                    )
                    for item in spec.get("documents", [])
                    if item["document"] in self.documents
                ]
            ),
        }

    def new_ActionPlanPage(self, spec, text, language, locale):
        plan = ActionPlanPage(
            slug=spec["slug"],
            framework=spec["framework"],
            code=spec["code"],
            period_start=day(spec["period_start"], self.today),
            period_end=day(spec["period_end"], self.today),
            adoption_date=day(spec["adoption_date"], self.today),
            **self._plan_text(spec, text),
        )
        plan.phases = [
            PlanPhase(
                kind=kind,
                start=day(phase["start"], self.today),
                end=day(phase["end"], self.today),
                description=text["phases"][kind],
                locale=locale,
                sort_order=order,
            )
            for order, (kind, phase) in enumerate(spec["phases"].items())
        ]
        return plan

    def translate_ActionPlanPage(self, spec, text, language):
        phases = [{"description": text["phases"][kind]} for kind in spec["phases"]]
        return self._plan_text(spec, text), {"phases": phases}, ()

    def _commitment_text(self, spec, text, language) -> dict:
        return {
            "title": text["title"],
            "intro": text["intro"],
            "problem": text["problem"],
            "objective": text["objective"],
            "expected_results": text["results"],
            "contact_name": text["contact"],
            "lead_institution": self.org(spec["lead"], language),
        }

    def new_CommitmentPage(self, spec, text, language, locale):
        page = CommitmentPage(
            slug=spec["slug"],
            code=spec["key"],
            contact_email=spec["email"],
            start_date=day(spec["start"], self.today),
            end_date=day(spec["end"], self.today),
            budget=Decimal(spec["budget"]),
            budget_currency=spec["currency"],
            status=spec["status"],
            progress=spec["progress"],
            **self._commitment_text(spec, text, language),
        )
        page.partners = [self.org(key, language) for key in spec["partners"]]
        page.ogp_values = [self.values[code] for code in spec["values"]]
        page.tags.add(*text["tags"])
        page.milestones = [
            Milestone(
                deliverable=text["milestones"][key],
                responsible=self.org(milestone["responsible"], language),
                start_date=day(milestone["start"], self.today),
                due_date=day(milestone["due"], self.today),
                status=milestone["status"],
                progress=milestone["progress"],
                locale=locale,
                sort_order=order,
            )
            for order, (key, milestone) in enumerate(spec["milestones"].items())
        ]
        return page

    def translate_CommitmentPage(self, spec, text, language):
        fields = self._commitment_text(spec, text, language)
        fields["partners"] = [self.org(key, language) for key in spec["partners"]]
        milestones = [
            {
                "deliverable": text["milestones"][key],
                "responsible": self.org(milestone["responsible"], language),
            }
            for key, milestone in spec["milestones"].items()
        ]
        return fields, {"milestones": milestones}, text["tags"]


def load(context: dict) -> dict:
    loader = _Loader(context)
    loader.organisations.update(create_organisations(read(__file__, "organisations")))
    for name, languages in PLANS:
        structure = read(__file__, name)
        for language in languages:
            text = read(__file__, f"{name}.{language}")
            for key, spec in structure.items():
                loader.page(key, {"key": key, **spec}, text[key], language)
    _open_data(context)
    return {"pages": loader.pages, "organisations": loader.organisations}


def _open_data(context: dict) -> None:
    """The open-data pages, whose text links to the plan of their language (`{plan}`)."""
    pages, today, documents = context["pages"], context["today"], context.get("documents", {})
    for name in OPEN_DATA:
        language = name.rsplit(".", 1)[1]

        def fields(key: str, spec: dict, language=language) -> dict:
            url = pages[spec.pop("plan")][language].url
            spec["body"] = [text.replace("{plan}", url) for text in spec["body"]]
            return page_fields(spec, today, documents)

        types = {"StandardPage": StandardPage}
        pagetree.build(pages, language, read(__file__, name), types=types, fields=fields)
