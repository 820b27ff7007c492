"""Plain-text renderings for the terminal."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govmodel.model.governance import GovernanceModel

__all__ = ["model_summary", "wrap"]


def wrap(text: str, indent: str = "    ", width: int = 88) -> str:
    """Wrap ``text`` with a hanging ``indent``."""
    return textwrap.fill(text, width=width, initial_indent=indent, subsequent_indent=indent)


def model_summary(model: GovernanceModel) -> str:
    """A readable summary: organisations, bodies with members, delegations, agreements."""
    out = [model.name, "=" * len(model.name), f"As of {model.as_of.isoformat()}"]
    if model.description:
        out += ["", textwrap.fill(model.description, width=88)]
    if model.assumed:
        out += ["", "What-if: assumed, not in the model file"]
        out += [wrap(f"- {a}  [{a.origin}]", indent="  ") for a in model.assumed]

    out += ["", f"Organisations ({len(model.organisations)})"]
    for o in model.organisations:
        ods = f" [{o.ods}]" if o.ods else ""
        period = _period(o.start, o.end)
        out.append(f"  {o.id:<18} {o.name}{ods} - {o.type.value}{period}")

    out += ["", f"Bodies ({len(model.bodies)})"]
    for b in model.bodies:
        orgs = ", ".join(b.organisations)
        out.append(f"  {b.id:<34} {b.kind.value:<26} {b.name} ({orgs})")
        for m in b.members:
            flags = [m.role.value] if m.role.value != "member" else []
            if not m.voting:
                flags.append("non-voting")
            if m.on_behalf_of:
                flags.append(f"for {m.on_behalf_of}")
            extra = f" ({', '.join(flags)})" if flags else ""
            out.append(f"      - {m.who}{extra}")
        for target in b.reports_to:
            out.append(f"      reports to {target}")

    if model.posts:
        out += ["", f"Posts ({len(model.posts)})"]
        for p in model.posts:
            org = p.organisation or "employer not stated"
            joint = f"; joint with {', '.join(p.joint_with)}" if p.joint_with else ""
            out.append(f"  {p.id:<34} {p.title} ({org}{joint})")

    out += ["", f"Delegations ({len(model.delegations)})"]
    for d in model.delegations:
        limit = f" up to £{d.limit:,}" if d.limit is not None else ""
        out.append(f"  {d.from_} -> {d.to}: {', '.join(d.matters)}{limit}")
    if not model.delegations:
        out.append("  (none modelled)")

    if model.agreements:
        out += ["", f"Agreements ({len(model.agreements)})"]
        for a in model.agreements:
            out.append(f"  {a.id:<26} {a.kind.value}: {a.name} ({', '.join(a.parties)})")
    if model.contracts:
        out += ["", f"Contracts ({len(model.contracts)})"]
        for c in model.contracts:
            out.append(f"  {c.id:<26} {', '.join(c.commissioners)} -> {', '.join(c.providers)}")
    if model.notes:
        out += ["", "Notes"]
        out += [wrap(f"- {n}", indent="  ") for n in model.notes]
    return "\n".join(out) + "\n"


def _period(start: object, end: object) -> str:
    if start is None and end is None:
        return ""
    return f" ({start or '...'} to {end or 'now'})"
