"""Every write of co-monitoring: accreditation, reports, hiding, following, imports.

Each function takes the acting user (keyword-only), checks the permission itself, runs in a
transaction, leaves an audit-log entry and enqueues its emails after commit."""

from .accreditation import (
    ACCREDIT,
    ALLOWED,
    DECISIONS,
    REFUSE,
    SUSPEND,
    apply_for_accreditation,
    decide_accreditation,
)
from .reports import hide_report, post_report, recompute_position

__all__ = [
    "ACCREDIT",
    "ALLOWED",
    "DECISIONS",
    "REFUSE",
    "SUSPEND",
    "apply_for_accreditation",
    "decide_accreditation",
    "hide_report",
    "post_report",
    "recompute_position",
]

from .follow import follow_page  # noqa: E402

__all__ += ["follow_page"]

from .periodic import publish_monitoring_report  # noqa: E402

__all__ += ["publish_monitoring_report"]
