"""What the fuzz tests share.

A fuzz test varies one field of a form at a time while the others stay valid, so that every
refusal is caused by the field under test and the valid values in between reach the success
path. Each example runs in a savepoint rolled back afterwards (one example's user, comment or
report never turns the next one into a duplicate), and the test counts its outcomes: it fails
unless some inputs were accepted and some refused, so checks on either side cannot go
unexercised."""

from collections import Counter
from contextlib import contextmanager

from django.db import transaction
from django.utils.html import escape
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

HOSTILE = [
    "<script>alert(1)</script>",
    "\u202egnp.exe\u202c",
    "\u2066\u2067\u2068\u2069\u200e\u200f",
    "\x00\x00",
    "x" * 100_000,
    "' OR 1=1 --",
    "{{ 7*7 }}{% debug %}",
    "javascript:alert(1)",
    "https://exa\u202emple.org",
    "a@b",
    "",
    " ",
]
HOSTILE_TEXT = st.sampled_from(HOSTILE)
# Hostile strings, any text, and any text after a hostile prefix.
TEXT = st.one_of(
    HOSTILE_TEXT, st.text(max_size=300), st.builds(lambda a, b: a + b, HOSTILE_TEXT, st.text())
)
BIDI_AND_NUL = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\x00"


def fuzz_value(values, examples, max_examples: int = 20):
    """Decorator of a function of one `value`: Hypothesis calls it with `max_examples` values
    drawn from the `values` strategy, after the `examples` given (no deadline: the machine
    is shared)."""

    def decorate(attempt):
        for value in reversed(examples):
            attempt = example(value=value)(attempt)
        attempt = given(value=values)(attempt)
        return settings(
            max_examples=max_examples,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow],
        )(attempt)

    return decorate


@contextmanager
def rolled_back():
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def has_controls(text: str) -> bool:
    return any(c in text for c in BIDI_AND_NUL)


def errors_shown(response) -> dict[str, list[str]]:
    """The form's errors (by field), after checking that each message is in the page."""
    errors = {name: list(messages) for name, messages in response.context["form"].errors.items()}
    html = response.content.decode()
    for name, messages in errors.items():
        for message in messages:
            assert escape(message) in html, f"{name}: {message!r} is not shown"
    return errors


class Outcomes(Counter):
    def assert_both_paths_reached(self, success: str, refusal: str):
        assert self[success] > 0, f"no input reached the success path: {dict(self)}"
        assert self[refusal] > 0, f"no input was refused: {dict(self)}"
