"""The security suite reuses the consultation fixtures (a consultation with an Arabic draft and
its French translation, users of every role, comments)."""

from tests.consultations.conftest import (  # noqa: F401
    _clear_rate_limits,
    consultation,
    consultation_index,
    make_comment,
    make_consultation,
    role_user,
)
