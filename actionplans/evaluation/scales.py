"""The Open Government Partnership's Independent Reporting Mechanism (IRM) scales, so that
results compare with other OGP members. Values are stable codes; labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Potential(models.TextChoices):
    UNCLEAR = "unclear", _("Unclear")
    MODEST = "modest", _("Modest")
    SUBSTANTIAL = "substantial", _("Substantial")


class Completion(models.TextChoices):
    NO_EVIDENCE = "no_evidence", _("No evidence available")
    NOT_STARTED = "not_started", _("Not started")
    LIMITED = "limited", _("Limited")
    SUBSTANTIAL = "substantial", _("Substantial")
    COMPLETE = "complete", _("Complete")


class EarlyResults(models.TextChoices):
    """ "Did it open government?" """

    WORSENED = "worsened", _("Worsened")
    DID_NOT_CHANGE = "did_not_change", _("Did not change")
    MARGINAL = "marginal", _("Marginal")
    MAJOR = "major", _("Major")
    OUTSTANDING = "outstanding", _("Outstanding")


class DeliveryRating(models.IntegerChoices):
    """A citizen's short rating of how well a commitment was delivered."""

    VERY_POORLY = 1, _("Very poorly")
    POORLY = 2, _("Poorly")
    FAIRLY = 3, _("Fairly")
    WELL = 4, _("Well")
    VERY_WELL = 5, _("Very well")


# OGP's "star" rule, as applied here (stated on the results page): a commitment is a star when
# the independent evaluators' assessment finds it verifiable, relevant to at least one OGP value,
# with substantial potential for results, substantially or fully complete, and with major or
# outstanding early results.
STAR_POTENTIAL = {Potential.SUBSTANTIAL}
STAR_COMPLETION = {Completion.SUBSTANTIAL, Completion.COMPLETE}
STAR_EARLY_RESULTS = {EarlyResults.MAJOR, EarlyResults.OUTSTANDING}


def is_star(*, verifiable: bool, relevant_values: int, potential, completion, early) -> bool:
    return bool(
        verifiable
        and relevant_values > 0
        and potential in STAR_POTENTIAL
        and completion in STAR_COMPLETION
        and early in STAR_EARLY_RESULTS
    )
