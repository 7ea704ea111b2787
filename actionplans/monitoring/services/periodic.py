from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts.text import clean_line, clean_multiline

from .. import evidence as evidence_rules
from ..accreditation import accredited_organisations
from ..models import MonitoringReport
from ..models.periodic import TEXT_MAX_LENGTH, TITLE_MAX_LENGTH
from ..rules import can


def publish_monitoring_report(
    *, user, plan, title: str, narrative: str, language: str, document=None, organisation=None
) -> MonitoringReport:
    """An accredited organisation reports back to citizens on the plan as a whole."""
    if not can(user, "monitoring.publish_monitoring_report", plan):
        raise PermissionDenied
    allowed = {o.translation_key: o for o in accredited_organisations(user, plan)}
    if organisation is None and len(allowed) == 1:
        organisation = next(iter(allowed.values()))
    if organisation is None or organisation.translation_key not in allowed:
        raise PermissionDenied
    title = clean_line(title)
    narrative = clean_multiline(narrative)
    errors = {}
    if not title or len(title) > TITLE_MAX_LENGTH:
        errors["title"] = _("Please give a title of at most 200 characters.")
    if not narrative or len(narrative) > TEXT_MAX_LENGTH:
        errors["narrative"] = _("Please write a summary (at most 20,000 characters).")
    if document:
        try:
            evidence_rules.validate_upload(document)
        except ValidationError as error:
            errors["document"] = error.messages
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        report = MonitoringReport(
            plan_key=plan.translation_key,
            organisation=organisation,
            title=title,
            narrative=narrative,
            language=language,
            author=user,
        )
        if document:
            report.document_name = clean_line(document.name)[-200:]
            report.document.save(document.name, document, save=False)
        report.save()
        log(instance=report, action="monitoring.periodic.publish", user=user)
    return report
