"""Local policies explained: the vocabulary of kinds, and the policies of a file.

What ``govmodel policy --explain`` prints, generated from the policy records'
own fields (:mod:`govmodel.model.policies`), so the explanation always matches
what the loader accepts. The docs page on local policies embeds the same text.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from typing import Any

from govmodel.checks.policy import DEFAULT_HINTS
from govmodel.io.convert import policy_to_plain
from govmodel.io.schema import field_specs
from govmodel.model.policies import POLICY_CLASSES, Policy, PolicyKind, PolicySet

__all__ = ["explain_kinds", "explain_sets", "kinds_to_dict", "sets_to_dict"]

_WIDTH = 88


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, _WIDTH, initial_indent=indent, subsequent_indent=indent)


def _plain(cls: type) -> str:
    """A class's docstring as one paragraph of plain text (Markdown code marks)."""
    return " ".join((cls.__doc__ or "").split()).replace("``", "`")


def _keys(cls: type, *, skip: Iterable[str] = ()) -> list[str]:
    lines = []
    for spec in field_specs(cls):
        if spec.key in skip:
            continue
        mark = " (required)" if spec.required else ""
        lines.append(_wrap(f"{spec.key}{mark}: {spec.doc}", "    "))
    return lines


def explain_kinds() -> str:
    """Every kind of local policy, with its keys: what ``govmodel policy --explain``
    prints without a file.

    >>> print(explain_kinds().splitlines()[0])
    Local policies: an organisation's own rules, each with a finding code LOC001 to LOC999.
    """
    common = {s.key for s in field_specs(Policy)}
    out = [
        "Local policies: an organisation's own rules, each with a finding code LOC001 to LOC999.",
        "Declare them under `policies:` in a model file, or in a policy file (`name:`,",
        "`document:`, `policies:`) named there (`- file: PATH`) or given to",
        "`govmodel check FILE --policy PATH`.",
        "",
        "Every policy has:",
        *_keys(Policy),
        "  kind (required): one of the kinds below.",
    ]
    for kind in PolicyKind:
        cls = POLICY_CLASSES[kind]
        out += ["", f"kind: {kind.value}", _wrap(_plain(cls), "  "), *_keys(cls, skip=common)]
        out.append(_wrap(f"default hint: {DEFAULT_HINTS[kind]}", "  "))
    return "\n".join(out) + "\n"


def kinds_to_dict() -> list[dict[str, Any]]:
    """The kinds of policy as JSON: each kind, what it checks, its own keys and its
    default hint (the keys every policy has are those of ``Policy``, listed first)."""
    common = [s.key for s in field_specs(Policy)]

    def keys(cls: type, skip: Iterable[str] = ()) -> list[dict[str, Any]]:
        return [
            {"key": s.key, "required": s.required, "doc": s.doc}
            for s in field_specs(cls)
            if s.key not in skip
        ]

    out: list[dict[str, Any]] = [
        {"kind": None, "description": "every policy", "keys": keys(Policy)}
    ]
    for kind in PolicyKind:
        cls = POLICY_CLASSES[kind]
        out.append(
            {
                "kind": kind.value,
                "description": _plain(cls),
                "keys": keys(cls, common),
                "default_hint": DEFAULT_HINTS[kind],
            }
        )
    return out


def explain_sets(sets: Iterable[PolicySet]) -> str:
    """The policies of ``sets``: code, name, severity and kind, what each requires in
    words, its source and where it is declared."""
    out = []
    for policies in sets:
        head = policies.name or "policies"
        out.append(f"{head} ({policies.file})" if policies.file else head)
        if not policies.policies:
            out.append("  (no policies)")
        for index, policy in enumerate(policies.policies):
            where = policies.where(index)
            url = policies.url_of(policy)
            out += [
                "",
                f"{policy.code}  {policy.name}  ({policy.severity.value}, {policy.kind.value})",
                _wrap(policy.summary, "  "),
                _wrap(f"requires: {policy.requires()}", "  "),
                _wrap(f"source: {policies.source_of(policy)}" + (f" {url}" if url else ""), "  "),
            ]
            if where is not None:
                out.append(f"  declared at: {where}")
            out.append(_wrap(f"hint: {policy.hint or DEFAULT_HINTS[policy.kind]}", "  "))
            if policy.note:
                out.append(_wrap(f"note: {policy.note}", "  "))
        out.append("")
    return "\n".join(out)


def sets_to_dict(sets: Iterable[PolicySet]) -> list[dict[str, Any]]:
    """The policies of ``sets`` as JSON: each file with its policies (as in the file,
    with what each requires, its source and where it is declared)."""
    out = []
    for policies in sets:
        entries = []
        for index, policy in enumerate(policies.policies):
            where = policies.where(index)
            entries.append(
                {
                    **policy_to_plain(policy),
                    "requires": policy.requires(),
                    "source_text": policies.source_of(policy),
                    "declared": None
                    if where is None
                    else {"file": where.file, "line": where.line, "column": where.column},
                }
            )
        out.append({"file": policies.file, "name": policies.name, "policies": entries})
    return out
