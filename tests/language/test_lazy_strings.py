"""A lazy translation formatted when a module or class is loaded freezes in whatever language
is active then: every string must be formatted when it is shown, in that request's language."""

import ast
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from consultations.forms import CommentForm

APPS = ["accounts", "actionplans", "consultations", "home", "search", "config"]
TRANSLATING = {"_", "gettext", "gettext_lazy", "ngettext", "ngettext_lazy", "pgettext_lazy"}


def _is_translation(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in TRANSLATING
    )


class _ImportTimeFormatting(ast.NodeVisitor):
    """Finds `_("…") % …`, `_("…").format(…)` and f-strings around `_()` that run when the
    module is imported: at module level or in a class body, not inside a function."""

    def __init__(self):
        self.found: list[int] = []

    def visit_FunctionDef(self, node):  # code in functions runs later, in a request
        return

    visit_AsyncFunctionDef = visit_FunctionDef
    visit_Lambda = visit_FunctionDef

    def visit_BinOp(self, node):
        if isinstance(node.op, ast.Mod) and _is_translation(node.left):
            self.found.append(node.lineno)
        self.generic_visit(node)

    def visit_Call(self, node):
        func = node.func
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "format"
            and _is_translation(func.value)
        ):
            self.found.append(node.lineno)
        self.generic_visit(node)

    def visit_JoinedStr(self, node):
        for value in node.values:
            if isinstance(value, ast.FormattedValue) and _is_translation(value.value):
                self.found.append(node.lineno)
        self.generic_visit(node)


def _import_time_formatting(source: str) -> list[int]:
    visitor = _ImportTimeFormatting()
    visitor.visit(ast.parse(source))
    return visitor.found


def test_the_checker_finds_a_lazy_string_formatted_in_a_class_body():
    source = (
        'class F:\n    help = _("Up to %(n)s") % {"n": 3}\n\ndef ok():\n    return _("%s") % 1\n'
    )
    assert _import_time_formatting(source) == [2]


def test_no_module_formats_a_translation_when_it_is_imported():
    offenders = []
    for app in APPS:
        for path in Path(settings.BASE_DIR, app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for line in _import_time_formatting(path.read_text()):
                offenders.append(f"{path.relative_to(settings.BASE_DIR)}:{line}")
    assert offenders == []


@pytest.mark.parametrize("first", ["ar", "fr", "fa-af"])
def test_comment_form_hint_follows_each_language_whatever_was_served_first(db, first):
    with translation.override(first):
        str(CommentForm()["body"].help_text)
    Client().get(f"/{first}/")  # a request served in another language first
    hints = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            hints[language] = str(CommentForm()["body"].help_text)
    assert len(set(hints.values())) == len(hints), hints
    assert "Plain text" in hints["en"]
    assert "texte" in hints["fr"].lower()
    assert "نص" in hints["ar"]
    assert "متن" in hints["fa-af"]
