"""What each drawn thing is, in words: the tooltips of an interactive diagram.

Each function reads one record of a model (on the scene's date) and returns a
few lines: its kind, members, matters, limits, instrument, dates and citation.
"""

from __future__ import annotations

from datetime import date

from govmodel.law.accountability import Step, ends_above, governance_rule, organisation_ends
from govmodel.law.rules import get
from govmodel.model.governance import GovernanceModel
from govmodel.model.records import Agreement, Body, Contract, Delegation, Organisation, Post
from govmodel.render.labels import pounds

__all__ = [
    "agreement_tip",
    "body_tip",
    "contract_tip",
    "delegation_tip",
    "end_chains",
    "organisation_tip",
    "post_tip",
    "step_tip",
]


def _words(kind: object) -> str:
    return str(getattr(kind, "value", kind)).replace("_", " ")


def _period(start: date | None, end: date | None) -> str | None:
    if start is None and end is None:
        return None
    return (
        f"In force: {start.isoformat() if start else '...'} to {end.isoformat() if end else 'now'}"
    )


def _label(model: GovernanceModel, record_id: str) -> str:
    if record_id not in model:
        return record_id
    kind = model.kind_of(record_id)
    record = getattr(model, kind)(record_id)
    for attribute in ("label", "name", "title"):
        value = getattr(record, attribute, None)
        if isinstance(value, str):
            return value
    return record_id


def _join(lines: list[str | None]) -> str:
    return "\n".join(line for line in lines if line)


def organisation_tip(org: Organisation) -> str:
    """Full name, legal type, ODS code and dates of an organisation."""
    return _join(
        [
            org.name,
            f"Legal type: {_words(org.type)}",
            f"ODS code: {org.ods}" if org.ods else None,
            _period(org.start, org.end),
            org.note,
        ]
    )


def body_tip(model: GovernanceModel, body: Body) -> str:
    """Kind, organisations, members, reserved matters, reporting lines and dates of a body."""
    members = []
    for m in body.members:
        who = _label(model, m.post) if m.post else m.who
        extra = [] if m.role.value == "member" else [_words(m.role)]
        if not m.voting:
            extra.append("non-voting")
        if m.on_behalf_of:
            extra.append(f"for {_label(model, m.on_behalf_of)}")
        members.append(who + (f" ({', '.join(extra)})" if extra else ""))
    return _join(
        [
            f"{body.name} ({_words(body.kind)})",
            "Organisations: " + ", ".join(_label(model, o) for o in body.organisations),
            ("Members: " + "; ".join(members)) if members else "Members: none recorded",
            f"Quorum: {body.quorum}" if body.quorum is not None else None,
            ("Reserved matters: " + "; ".join(_label(model, m) for m in body.reserved))
            if body.reserved
            else None,
            ("Reports to: " + ", ".join(_label(model, b) for b in body.reports_to))
            if body.reports_to
            else None,
            _period(body.start, body.end),
            body.note,
        ]
    )


def post_tip(model: GovernanceModel, post: Post) -> str:
    """Title, kind, employer and joint employers of a post."""
    return _join(
        [
            f"{post.title} ({_words(post.kind)})",
            f"Employed by: {_label(model, post.organisation)}" if post.organisation else None,
            ("Joint with: " + ", ".join(_label(model, o) for o in post.joint_with))
            if post.joint_with
            else None,
            _period(post.start, post.end),
            post.note,
        ]
    )


def delegation_tip(model: GovernanceModel, d: Delegation) -> tuple[str, str]:
    """The tooltip of a delegation and the id of the rule that lets its delegator delegate."""
    owners = model.organisations_of(d.from_) if d.from_ in model else ()
    party_type = model.organisation(owners[0]).type if len(owners) == 1 else None
    rule = get(governance_rule(party_type))
    matters = [_label(model, m) for m in d.matters]
    text = _join(
        [
            f"Delegation {d.id}: {_label(model, d.from_)} to {_label(model, d.to)}",
            "Matters: " + "; ".join(matters),
            f"Limit: {pounds(d.limit)}" if d.limit is not None else "Limit: none stated",
            f"Onward delegation: {'allowed' if d.onward else 'not allowed'}",
            "Decisions need ratifying" if d.ratification else None,
            ("Conditions: " + "; ".join(d.conditions)) if d.conditions else None,
            f"Instrument: {d.instrument}" if d.instrument else None,
            f"Under: {_label(model, d.agreement)}" if d.agreement else None,
            _period(d.start, d.end),
            f"Rule {rule.id}: {rule.citation.text}",
            d.note,
        ]
    )
    return text, rule.id


def agreement_tip(model: GovernanceModel, a: Agreement) -> str:
    """Kind, parties, bodies it sets up and dates of an agreement."""
    return _join(
        [
            f"{a.name} ({_words(a.kind)})",
            "Parties: " + ", ".join(_label(model, p) for p in a.parties),
            f"Host: {_label(model, a.host)}" if a.host else None,
            ("Sets up: " + ", ".join(_label(model, b) for b in a.bodies)) if a.bodies else None,
            _period(a.start, a.end),
            a.note,
        ]
    )


def contract_tip(model: GovernanceModel, c: Contract) -> str:
    """Commissioners, providers and services of a contract."""
    return _join(
        [
            f"{c.name} ({_words(c.kind)})",
            "Commissioned by: " + ", ".join(_label(model, o) for o in c.commissioners),
            "Provided by: " + ", ".join(_label(model, o) for o in c.providers),
            ("Services: " + "; ".join(c.services)) if c.services else None,
            _period(c.start, c.end),
            c.note,
        ]
    )


def step_tip(step: Step) -> str:
    """A statutory step: what it says and its citation."""
    return _join([step.text, f"{step.citation.text}", f"Confidence: {step.confidence.value}"])


#: Short names of the national ends, for the one-line chains of ``--no-ends``.
SHORT_ENDS = {
    "secretary_of_state": "Secretary of State",
    "monitor": "Monitor",
    "nhs_tda": "NHS TDA",
    "cic_regulator": "CIC Regulator",
    "strategic_health_authority": "strategic health authority",
}


def end_chains(org: Organisation, on: date, labels: dict[str, str]) -> list[str]:
    """One line per statutory chain above an organisation's board, for ``--no-ends``:
    ``"council of governors → members"``, ``"Monitor → Secretary of State → Parliament"``.

    ``labels`` names the ends (``END_LABELS`` with the organisation filled in).
    """
    labels = labels | SHORT_ENDS
    chains = []
    for step in organisation_ends(org.type, on):
        names = [labels.get(step.target, step.target)]
        current, seen = step.target, {step.target}
        while True:
            above = list(ends_above(current, on))
            if not above or above[0].target in seen:
                break
            current = above[0].target
            seen.add(current)
            names.append(labels.get(current, current))
        chains.append(" → ".join(names))
    return chains
