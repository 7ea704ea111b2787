from django.db import models


class CommitmentSummary(models.Model):
    """What the commitment search's co-monitoring facets read: for each commitment (translation
    group) with any position, civil society's latest status and whether civil society
    disagrees with the council. Derived from the positions by ``monitoring.summary`` (which
    holds the rules) and rewritten by the services whenever they recompute a position, in the
    same transaction; a commitment without a row has neither."""

    commitment_key = models.UUIDField(unique=True)
    civil_society_status = models.CharField(max_length=20, blank=True, db_index=True)
    disagreement = models.BooleanField(default=False, db_index=True)

    def __str__(self) -> str:
        return f"{self.commitment_key}: {self.civil_society_status or '-'}"
