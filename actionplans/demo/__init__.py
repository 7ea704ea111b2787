"""Demo action plans: the Marrakech-Safi region's Open Region programme in Arabic (source) and
French, the Mazar-i-Sharif municipality's plan in Dari, and an "Open data" page. All text is
written for this demo; facts follow shared/seeds."""

from decimal import Decimal

from wagtail.models import Page

from accounts.models import Organisation
from actionplans.models import (
    ActionPlanIndexPage,
    ActionPlanPage,
    CommitmentPage,
    Milestone,
    OGPValue,
    PlanPhase,
)
from home.demo import add_child, body, locale, translate

from . import mazar, opendata, region


def load(context: dict) -> dict:
    organisations = context.setdefault("organisations", {})
    for key, kind, names in region.ORGANISATIONS + mazar.ORGANISATIONS:
        organisations[key] = _organisation(kind, names)
    values = {value.code: value for value in OGPValue.objects.all()}
    homes = context["homes"]
    documents = context.get("documents", {})

    region_plans = _regional_programme(homes, organisations, values, documents)
    mazar_plan = _mazar_plan(homes, organisations, values, documents)
    opendata.load(homes, region_plans, mazar_plan)
    return {
        "organisations": organisations,
        "action_plans": {"region": region_plans, "mazar": {"fa-af": mazar_plan}},
    }


def _organisation(kind: str, names: dict) -> dict[str, Organisation]:
    """An organisation in each language given, the first being the source."""
    versions: dict[str, Organisation] = {}
    source = None
    for language, (name, acronym) in names.items():
        if source is None:
            source = Organisation.objects.create(
                locale=locale(language), name=name, acronym=acronym, kind=kind, verified=True
            )
            versions[language] = source
        else:
            translation = source.copy_for_translation(locale(language))
            translation.name, translation.acronym = name, acronym
            translation.save()
            versions[language] = translation
    return versions


def _translate_with_children(page: Page, language: str, *, children: dict, tags=(), **fields):
    """Like home.demo.translate, for pages whose inline children (phases, milestones) are
    translatable too: copy_for_translation copies them with the target locale and the same
    translation_key, and here they get their own text before the translation is published."""
    translation = page.copy_for_translation(locale(language))
    for name, value in fields.items():
        setattr(translation, name, value)
    for relation, changes in children.items():
        objects = list(getattr(translation, relation).all())
        for child, values in zip(objects, changes, strict=True):
            for name, value in values.items():
                setattr(child, name, value)
        setattr(translation, relation, objects)
    if tags:
        translation.tags.set(list(tags))
    translation.save_revision().publish()
    translation.refresh_from_db()
    return translation.specific


def _index(home: Page, spec: dict) -> ActionPlanIndexPage:
    return add_child(
        home,
        ActionPlanIndexPage(
            title=spec["title"], slug=spec["slug"], intro=spec["intro"], show_in_menus=True
        ),
    )


def _plan(index: Page, spec: dict, text: dict, documents: dict) -> ActionPlanPage:
    plan = ActionPlanPage(
        title=text["title"],
        slug=spec["slug"],
        framework=spec["framework"],
        code=spec["code"],
        period_start=spec["period"][0],
        period_end=spec["period"][1],
        intro=text["intro"],
        vision=text["vision"],
        adoption_session=text["adoption_session"],
        adoption_date=spec["adoption_date"],
        adoption_reference=text["adoption_reference"],
        consultative_bodies=body(*[("body", name) for name in text["bodies"]]),
        documents=_documents(spec["documents"], text["documents"], documents),
    )
    plan.phases = [
        PlanPhase(
            kind=kind,
            start=start,
            end=end,
            description=description,
            locale=index.locale,
            sort_order=order,
        )
        for order, ((kind, start, end), description) in enumerate(
            zip(spec["phases"], text["phases"], strict=True)
        )
    ]
    return add_child(index, plan)


def _documents(keys: list[str], titles: list[str], documents: dict) -> str:
    items = []
    for key, (title, day) in zip(keys, titles, strict=True):
        if key in documents:
            value = {"document": documents[key].pk, "title": title, "description": ""}
            value["date"] = day.isoformat()
            items.append(("document", value))
    return body(*items)


def _commitment(plan: Page, spec: dict, language: str, organisations: dict, values: dict):
    text = spec[language]
    page = CommitmentPage(
        title=text["title"],
        slug=spec["slug"],
        code=spec["code"],
        intro=text["intro"],
        problem=text["problem"],
        objective=text["objective"],
        expected_results=text["results"],
        lead_institution=organisations[spec["lead"]][language],
        contact_name=text["contact"],
        contact_email=spec["email"],
        start_date=spec["dates"][0],
        end_date=spec["dates"][1],
        budget=Decimal(spec["budget"]),
        budget_currency=spec["currency"],
        status=spec["status"],
        progress=spec["progress"],
    )
    page.partners = [organisations[key][language] for key in spec["partners"]]
    page.ogp_values = [values[code] for code in spec["values"]]
    page.tags.add(*text["tags"])
    page.milestones = [
        Milestone(
            deliverable=milestone[language],
            responsible=organisations[milestone["responsible"]][language],
            start_date=milestone["start"],
            due_date=milestone["due"],
            status=milestone["status"],
            progress=milestone["progress"],
            locale=plan.locale,
            sort_order=order,
        )
        for order, milestone in enumerate(spec["milestones"])
    ]
    return add_child(plan, page)


def _translate_commitment(page: CommitmentPage, spec: dict, language: str, organisations: dict):
    text = spec[language]
    return _translate_with_children(
        page,
        language,
        title=text["title"],
        intro=text["intro"],
        problem=text["problem"],
        objective=text["objective"],
        expected_results=text["results"],
        contact_name=text["contact"],
        lead_institution=organisations[spec["lead"]][language],
        partners=[organisations[key][language] for key in spec["partners"]],
        tags=text["tags"],
        children={
            "milestones": [
                {
                    "deliverable": milestone[language],
                    "responsible": organisations[milestone["responsible"]][language],
                }
                for milestone in spec["milestones"]
            ]
        },
    )


def _regional_programme(homes, organisations, values, documents) -> dict[str, Page]:
    spec = region.PLAN
    index_ar = _index(homes["ar"], region.INDEX["ar"])
    translate(index_ar, "fr", **{k: v for k, v in region.INDEX["fr"].items() if k != "slug"})
    plan_ar = _plan(index_ar, spec, spec["ar"], documents)
    text = spec["fr"]
    plan_fr = _translate_with_children(
        plan_ar,
        "fr",
        title=text["title"],
        intro=text["intro"],
        vision=text["vision"],
        adoption_session=text["adoption_session"],
        adoption_reference=text["adoption_reference"],
        consultative_bodies=body(*[("body", name) for name in text["bodies"]]),
        documents=_documents(spec["documents"], text["documents"], documents),
        children={"phases": [{"description": d} for d in text["phases"]]},
    )
    for commitment in region.COMMITMENTS:
        page = _commitment(plan_ar, commitment, "ar", organisations, values)
        _translate_commitment(page, commitment, "fr", organisations)
    return {"ar": plan_ar, "fr": plan_fr}


def _mazar_plan(homes, organisations, values, documents) -> Page:
    index = _index(homes["fa-af"], mazar.INDEX)
    plan = _plan(index, mazar.PLAN, mazar.PLAN["fa-af"], documents)
    for commitment in mazar.COMMITMENTS:
        _commitment(plan, commitment, "fa-af", organisations, values)
    return plan
