"""Every write of co-monitoring's accreditation workflow: applying, deciding.

Each function takes the acting user, checks the permission itself, runs in a transaction,
leaves an audit-log entry and enqueues its emails after commit."""

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from accounts.models import Membership, Organisation
from accounts.text import clean_line, clean_multiline
from home.languages import joined

from .. import notifications
from ..accreditation import forget
from ..models import Accreditation
from ..models.accreditation import (
    NEW_NAME_MAX_LENGTH,
    REASON_MAX_LENGTH,
    REGISTRATION_MAX_LENGTH,
)
from ..rules import can

MAX_MEMBERS = 20

ACCREDIT = "accredit"
REFUSE = "refuse"
SUSPEND = "suspend"
DECISIONS = {
    ACCREDIT: Accreditation.Status.ACCREDITED,
    REFUSE: Accreditation.Status.REFUSED,
    SUSPEND: Accreditation.Status.SUSPENDED,
}
# From each state, the decisions that make sense (a refused organisation may be accredited
# after all; a suspended one restored; an accredited one is suspended, not refused).
ALLOWED = {
    Accreditation.Status.APPLIED: {ACCREDIT, REFUSE},
    Accreditation.Status.ACCREDITED: {SUSPEND},
    Accreditation.Status.REFUSED: {ACCREDIT},
    Accreditation.Status.SUSPENDED: {ACCREDIT},
}


def _member_accounts(user, emails: list[str]) -> list:
    User = get_user_model()
    wanted = []
    for raw in emails:
        email = raw.strip().lower()
        if not email or email in wanted:
            continue
        try:
            validate_email(email)
        except ValidationError:
            raise ValidationError(
                _("“%(email)s” is not an email address.") % {"email": raw.strip()}
            ) from None
        wanted.append(email)
    if len(wanted) > MAX_MEMBERS:
        raise ValidationError(
            _("Please name at most %(limit)s member accounts.") % {"limit": MAX_MEMBERS}
        )
    found = {u.email.lower(): u for u in User.objects.filter(is_active=True, email__in=wanted)}
    # Emails are compared case-insensitively: look up the rest one by one (a handful at most).
    for email in wanted:
        if email not in found:
            match = User.objects.filter(is_active=True, email__iexact=email).first()
            if match is not None:
                found[email] = match
    missing = [email for email in wanted if email not in found]
    if missing:
        raise ValidationError(
            _("No account uses %(emails)s: each member must first sign up on this site.")
            % {"emails": joined(missing)}
        )
    members = {user.pk: user}
    members.update({u.pk: u for u in found.values()})
    return list(members.values())


def _new_name(name: str) -> str:
    name = clean_line(name)
    if not name:
        raise ValidationError(_("Please choose your organisation or give its name."))
    if len(name) > NEW_NAME_MAX_LENGTH:
        raise ValidationError(_("The organisation's name is too long."))
    if Organisation.objects.filter(kind=Organisation.Kind.CSO, name__iexact=name).exists():
        raise ValidationError(
            _("%(organisation)s is already listed: please choose it in the list.")
            % {"organisation": name}
        )
    return name


def _existing(plan, organisation: Organisation | None, new_name: str):
    """The plan's earlier application for this organisation (locked), if any."""
    applications = Accreditation.objects.select_for_update().filter(plan_key=plan.translation_key)
    if organisation is not None:
        return applications.filter(organisation_key=organisation.translation_key).first()
    return applications.filter(
        organisation__isnull=True, new_organisation_name__iexact=new_name
    ).first()


def apply_for_accreditation(
    *,
    user,
    plan,
    organisation: Organisation | None = None,
    new_organisation_name: str = "",
    registration_number: str,
    contact_name: str,
    contact_email: str,
    member_emails: list[str] = (),
) -> Accreditation:
    """A civil-society organisation asks to monitor a plan; the applicant is a member account.
    An organisation not listed yet applies under its name (``new_organisation_name``): it is
    created only if an editor accredits it. A refused organisation may apply again (its
    application goes back to the editors)."""
    if not can(user, "monitoring.apply_for_accreditation", plan):
        raise PermissionDenied
    if organisation is None:
        new_organisation_name = _new_name(new_organisation_name)
    else:
        new_organisation_name = ""
        if organisation.kind != Organisation.Kind.CSO:
            raise ValidationError(_("Only civil-society organisations can be accredited."))
    registration_number = clean_line(registration_number)
    contact_name = clean_line(contact_name)
    if not registration_number:
        raise ValidationError(_("Please give the organisation's registration number."))
    if len(registration_number) > REGISTRATION_MAX_LENGTH:
        raise ValidationError(_("The registration number is too long."))
    if not contact_name:
        raise ValidationError(_("Please name the contact person."))
    try:
        validate_email(contact_email)
    except ValidationError:
        raise ValidationError(_("Please give the contact person's email address.")) from None
    members = _member_accounts(user, list(member_emails))
    now = timezone.now()
    try:
        with transaction.atomic():
            accreditation = _existing(plan, organisation, new_organisation_name)
            if accreditation is not None and accreditation.status != Accreditation.Status.REFUSED:
                raise ValidationError(
                    _("%(organisation)s has already applied for this plan (%(status)s).")
                    % {
                        "organisation": accreditation.organisation_name,
                        "status": accreditation.get_status_display(),
                    }
                )
            accreditation = accreditation or Accreditation(plan_key=plan.translation_key)
            accreditation.organisation = organisation
            accreditation.organisation_key = organisation.translation_key if organisation else None
            accreditation.new_organisation_name = new_organisation_name
            accreditation.new_organisation_locale = None if organisation else plan.locale
            accreditation.registration_number = registration_number
            accreditation.contact_name = contact_name[:150]
            accreditation.contact_email = contact_email.strip()
            accreditation.status = Accreditation.Status.APPLIED
            accreditation.reason = ""
            accreditation.applied_by = user
            accreditation.applied_at = now
            accreditation.decided_by = None
            accreditation.decided_at = None
            accreditation.save()
            accreditation.members.set(members)
            log(
                instance=accreditation,
                action="monitoring.accreditation.apply",
                user=user,
                data={"plan": str(plan.translation_key), "members": [m.pk for m in members]},
            )
    except IntegrityError:
        # Two applications for the same organisation at once: the other one won.
        raise ValidationError(_("This organisation has already applied for this plan.")) from None
    return accreditation


def _create_organisation(user, accreditation: Accreditation) -> Organisation:
    """The organisation an accredited application named, in the language of the plan it applied
    to, its member accounts as members."""
    locale = accreditation.new_organisation_locale or accreditation.plan().locale
    organisation = Organisation.objects.create(
        name=accreditation.new_organisation_name, kind=Organisation.Kind.CSO, locale=locale
    )
    for member in accreditation.members.all():
        Membership.objects.get_or_create(user=member, organisation=organisation)
    log(instance=organisation, action="wagtail.create", user=user)
    accreditation.organisation = organisation
    accreditation.organisation_key = organisation.translation_key
    return organisation


def decide_accreditation(
    *, user, accreditation: Accreditation, decision: str, reason: str = ""
) -> Accreditation:
    """Accredit, refuse or suspend; refusing and suspending need a reason, which members see."""
    if not can(user, "monitoring.decide_accreditation", accreditation):
        raise PermissionDenied
    if decision not in DECISIONS:
        raise ValidationError(_("Unknown decision."))
    reason = clean_multiline(reason)[:REASON_MAX_LENGTH]
    if decision in (REFUSE, SUSPEND) and not reason:
        raise ValidationError(_("Please give the reason for your decision: the members see it."))
    with transaction.atomic():
        accreditation = Accreditation.objects.select_for_update().get(pk=accreditation.pk)
        previous = accreditation.status
        if decision not in ALLOWED[previous]:
            raise ValidationError(
                _("An accreditation that is “%(status)s” cannot be changed that way.")
                % {"status": accreditation.get_status_display()}
            )
        accreditation.status = DECISIONS[decision]
        accreditation.reason = reason
        accreditation.decided_by = user
        accreditation.decided_at = timezone.now()
        fields = ["status", "reason", "decided_by", "decided_at"]
        if decision == ACCREDIT and accreditation.is_new_organisation:
            _create_organisation(user, accreditation)
            fields += ["organisation", "organisation_key"]
        accreditation.save(update_fields=fields)
        log(
            instance=accreditation,
            action=f"monitoring.accreditation.{decision}",
            user=user,
            data={"reason": reason, "previous_status": previous},
        )
        notifications.enqueue_on_commit(notifications.accreditation_decided, accreditation.pk)
    for member in accreditation.members.all():
        forget(member)
    return accreditation
