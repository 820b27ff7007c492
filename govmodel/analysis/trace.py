"""Accountability paths: from a body, post or delegation up to who answers for it.

Each step climbs one relation, with the instrument that creates it and its
citation:

``delegated_by``
    a delegation in force on the date gives the body or post its authority;
``reports_to``
    the body reports to another body (its terms of reference);
``part_of`` / ``accountable_to``
    a committee with no other line belongs to its organisation's board; a post
    answers to its organisation's board;
``contracted_by``
    a provider's board is held to account by each commissioner of its
    contracts;
statutory relations
    a board answers to its statutory ends by party type and date (an NHS
    foundation trust's board to its council of governors and to its regulator;
    NHS England to the Secretary of State and Parliament; a CIC to its members
    and the CIC Regulator...), see :mod:`govmodel.law.accountability`.

Every path ends at a terminal end (Parliament, members, shareholders, an
electorate, the Charity Commission) or at a *break*: the nearest record with
nothing above it. Delegators that do not themselves hold the delegated matter
are reported as breaks too.
"""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

import attrs

from govmodel.analysis.authority import grants_of
from govmodel.display import Displayed
from govmodel.errors import NoSuchRecord
from govmodel.graph import graph_of
from govmodel.law.accountability import (
    CONTRACT_RULE,
    JOINT_BODY_RULE,
    TERMINAL,
    ends_above,
    governance_rule,
    organisation_ends,
)
from govmodel.law.base import Citation
from govmodel.law.rules import get
from govmodel.model.governance import GovernanceModel
from govmodel.model.kinds import BodyKind, PartyType, closest
from govmodel.model.records import Body, Contract, Delegation, Organisation, Post, id_of

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Break", "Step", "Trace", "trace"]

MAX_PATHS = 500
END = "@"  # prefix of external ends inside the search


@attrs.frozen
class Step:
    """One step up: ``source`` is accountable to ``target`` through ``relation``."""

    source: str
    target: str
    relation: str
    instrument: str
    citation: Citation

    def to_dict(self) -> dict[str, Any]:
        """The contract's step shape."""
        return {
            "from": self.source,
            "to": self.target,
            "relation": self.relation,
            "instrument": self.instrument,
            "citation": {"text": self.citation.text, "url": self.citation.url},
        }


@attrs.frozen
class Break:
    """Where accountability or authority stops without reaching a statutory end."""

    at: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        """JSON-ready form."""
        return {"at": self.at, "reason": self.reason}


@attrs.frozen(repr=False)
class Trace(Displayed):
    """Every path upward from ``subject`` on ``on``, the ends reached and the breaks."""

    subject: str
    on: date
    paths: tuple[tuple[Step, ...], ...]
    ends: tuple[str, ...]
    breaks: tuple[Break, ...]
    truncated: bool = False

    def to_dict(self) -> dict[str, Any]:
        """The contract's ``trace`` JSON shape."""
        return {
            "subject": self.subject,
            "on": self.on.isoformat(),
            "paths": [[s.to_dict() for s in p] for p in self.paths],
            "ends": list(self.ends),
            "breaks": [b.to_dict() for b in self.breaks],
            "truncated": self.truncated,
        }

    def to_json(self) -> str:
        """Deterministic JSON text."""
        return json.dumps(self.to_dict(), indent=2, ensure_ascii=False) + "\n"

    def nodes(self) -> set[str]:
        """Every record or end on any path (for highlighting a diagram)."""
        return {self.subject} | {x for p in self.paths for s in p for x in (s.source, s.target)}

    def edges(self) -> set[tuple[str, str]]:
        """Every ``(source, target)`` step on any path."""
        return {(s.source, s.target) for p in self.paths for s in p}

    def tree(self) -> list[tuple[int, Step]]:
        """Steps as an indented tree: ``(depth, step)``, shared prefixes printed once."""
        out: list[tuple[int, Step]] = []
        seen: set[tuple[Step, ...]] = set()
        for path in self.paths:
            for depth in range(len(path)):
                prefix = path[: depth + 1]
                if prefix not in seen:
                    seen.add(prefix)
                    out.append((depth, path[depth]))
        return out

    def outline(self) -> list[tuple[int, Step, bool]]:
        """:meth:`tree` with shared tails printed once: ``(depth, step, seen)``, where
        ``seen`` marks a step whose target leads on exactly as it did where it was
        first shown, so its steps above are left out.

        >>> import govmodel
        >>> t = trace(govmodel.examples.load("msecc-2023"), "msecc.board")
        >>> len(t.tree()), len(t.outline())
        (30, 16)
        """
        tails: dict[tuple[Step, ...], set[tuple[Step, ...]]] = {}
        for path in self.paths:
            for depth in range(len(path)):
                tails.setdefault(path[: depth + 1], set()).add(path[depth + 1 :])
        out: list[tuple[int, Step, bool]] = []
        printed: set[tuple[Step, ...]] = set()
        shown: set[tuple[str, frozenset[tuple[Step, ...]]]] = set()
        cut: set[tuple[Step, ...]] = set()
        for path in self.paths:
            for depth in range(len(path)):
                prefix = path[: depth + 1]
                if prefix in printed:
                    continue
                if any(path[:k] in cut for k in range(1, depth + 1)):
                    break
                printed.add(prefix)
                below = frozenset(tails[prefix])
                key = (path[depth].target, below)
                again = key in shown and below != frozenset({()})
                shown.add(key)
                out.append((depth, path[depth], again))
                if again:
                    cut.add(prefix)
                    break
        return out

    def __str__(self) -> str:
        lines = [f"{self.subject} on {self.on.isoformat()}"]
        for depth, step, seen in self.outline():
            more = "  (continues as above)" if seen else ""
            lines.append(
                f"{'  ' * (depth + 1)}-> {step.target}  [{step.relation}: "
                f"{step.instrument}; {step.citation.text}]{more}"
            )
        lines.append(f"ends: {', '.join(self.ends) or 'none'}")
        for b in self.breaks:
            lines.append(f"BREAK at {b.at}: {b.reason}")
        if self.truncated:
            lines.append(f"(only the first {MAX_PATHS} paths are shown)")
        return "\n".join(lines) + "\n"

    def _repr_html_(self) -> str:
        from html import escape

        items = "".join(
            f"<div style='margin-left:{(d + 1) * 1.5}em'>&rarr; <b>{escape(s.target)}</b> "
            f"<i>{escape(s.relation)}</i> ({escape(s.instrument)}; "
            f"<a href='{escape(s.citation.url)}'>{escape(s.citation.text)}</a>)"
            f"{' <i>continues as above</i>' if seen else ''}</div>"
            for d, s, seen in self.outline()
        )
        breaks = "".join(
            f"<div style='color:#a00'>Break at <b>{escape(b.at)}</b>: {escape(b.reason)}</div>"
            for b in self.breaks
        )
        return (
            f"<div><b>{escape(self.subject)}</b> on {self.on.isoformat()}{items}"
            f"<div>Ends: {escape(', '.join(self.ends))}</div>{breaks}</div>"
        )

    def to_frame(self) -> pd.DataFrame:
        """One row per step: path number, position, from, to, relation, instrument, citation."""
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "path": i,
                    "step": j,
                    **s.to_dict(),
                    "citation": s.citation.text,
                    "url": s.citation.url,
                }
                for i, p in enumerate(self.paths)
                for j, s in enumerate(p)
            ]
        )


def _governance_citation(party_type: PartyType | None, on: date) -> Citation:
    return get(governance_rule(party_type)).citation_on(on)


class _Climber:
    def __init__(self, model: GovernanceModel, on: date):
        self.model = model
        self.graph = graph_of(model)
        self.current = model.on(on)
        self.on = on
        self._above: dict[str, list[Step]] = {}

    def end_key(self, base: str, org: str | None = None) -> str:
        return f"{END}{org}.{base}" if org else f"{END}{base}"

    def label(self, node: str) -> str:
        return node[len(END) :] if node.startswith(END) else node

    def org_type(self, org: str) -> PartyType | None:
        return self.model.organisation(org).type if org in self.model else None

    def up(self, node: str) -> list[Step]:
        """The steps one level above ``node`` (worked out once per node: a node met on
        many paths is climbed from once)."""
        found = self._above.get(node)
        if found is None:
            found = self._above[node] = self._up(node)
        return found

    def _up(self, node: str) -> list[Step]:
        if node.startswith(END):
            return self._up_end(node)
        kind = self.model.kind_of(node)
        if kind == "delegation":
            d = self.model.delegation(node)
            return [
                Step(node, d.from_, "delegated_by", self._instrument(d.id), self._cite(d.from_))
            ]
        if kind == "organisation":
            return (
                [
                    Step(
                        node,
                        b.id,
                        "governed_by",
                        "constitution",
                        _governance_citation(self.org_type(node), self.on),
                    )
                    for b in self.current.boards_of(node)
                ]
                if node in self.current
                else []
            )
        if node not in self.current:
            return []
        into = [self.model.delegation(i) for i in self.graph.delegations_to(node)]
        steps = [
            Step(node, d.from_, "delegated_by", self._instrument(d.id), self._cite(d.from_))
            for d in into
            if d.id in self.current and d.from_ in self.current
        ]
        if kind == "post":
            for org in self.model.post(node).organisations:
                if org in self.current:
                    steps += [
                        Step(
                            node,
                            b.id,
                            "accountable_to",
                            "appointment",
                            _governance_citation(self.org_type(org), self.on),
                        )
                        for b in self.current.boards_of(org)
                    ]
            return steps
        body = self.model.body(node)
        steps += [
            Step(
                node,
                t,
                "reports_to",
                body.terms_of_reference or "terms of reference",
                self._cite(node),
            )
            for t in body.reports_to
            if t in self.current
        ]
        single = body.organisations[0] if len(body.organisations) == 1 else None
        if single is not None and single not in self.current:
            return steps  # its organisation is not in force: a break unless lines lead up
        if body.kind in (BodyKind.BOARD, BodyKind.FULL_COUNCIL) and single:
            steps += self._statutory(node, single)
            steps += self._contracts(node, single)
        elif body.kind is BodyKind.COUNCIL_OF_GOVERNORS and single:
            steps += [
                Step(node, self.end_key(s.target, single), s.relation, s.text, s.citation)
                for s in ends_above("governors", self.on)
            ]
        elif not steps and single and single in self.current:
            steps += [
                Step(
                    node,
                    b.id,
                    "part_of",
                    "standing orders and scheme of delegation",
                    _governance_citation(self.org_type(single), self.on),
                )
                for b in self.current.boards_of(single)
                if b.id != node
            ]
        return steps

    def _statutory(self, board: str, org: str) -> list[Step]:
        out = []
        org_type = self.model.organisation(org).type
        for s in organisation_ends(org_type, self.on):
            if s.target == "governors":
                bodies = [
                    b.id
                    for b in self.current.bodies_of(org)
                    if b.kind is BodyKind.COUNCIL_OF_GOVERNORS
                ]
                targets = bodies or [self.end_key("governors", org)]
            elif s.target in ("members", "shareholders", "electorate"):
                targets = [self.end_key(s.target, org)]
            else:
                targets = [self.end_key(s.target)]
            out += [Step(board, t, s.relation, s.text, s.citation) for t in targets]
        return out

    def _contracts(self, board: str, org: str) -> list[Step]:
        out = []
        for c in _provided_by(self.current).get(org, ()):
            for commissioner in c.commissioners:
                for b in (
                    self.current.boards_of(commissioner) if commissioner in self.current else []
                ):
                    out.append(
                        Step(
                            board,
                            b.id,
                            "contracted_by",
                            c.name,
                            get(CONTRACT_RULE).citation_on(self.on),
                        )
                    )
        return out

    def _up_end(self, node: str) -> list[Step]:
        name = node[len(END) :]
        org, _, base = name.rpartition(".")
        base = base or name
        return [
            Step(
                node,
                self.end_key(s.target, org if s.target in ("members",) and org else None),
                s.relation,
                s.text,
                s.citation,
            )
            for s in ends_above(base if org else name, self.on)
        ]

    def terminal(self, node: str) -> bool:
        return node.startswith(END) and node[len(END) :].rpartition(".")[2] in TERMINAL

    def _instrument(self, delegation_id: str) -> str:
        d = self.model.delegation(delegation_id)
        if d.instrument:
            return d.instrument
        if d.agreement and d.agreement in self.model:
            return self.model.agreement(d.agreement).name
        return f"delegation {d.id}"

    def _cite(self, holder: str) -> Citation:
        orgs = self.model.organisations_of(holder) if holder in self.model else ()
        if len(orgs) == 1:
            return _governance_citation(self.org_type(orgs[0]), self.on)
        return get(JOINT_BODY_RULE).citation_on(self.on)


def _provided_by(current: GovernanceModel) -> dict[str, list[Contract]]:
    """The contracts in force of each provider, in file order (kept with the dated model)."""

    def build() -> dict[str, list[Contract]]:
        out: dict[str, list[Contract]] = {}
        for c in current.contracts:
            for org in dict.fromkeys(c.providers):
                out.setdefault(org, []).append(c)
        return out

    return current.derived("trace:provided-by", build)


def trace(
    model: GovernanceModel,
    subject: str | Body | Post | Delegation | Organisation,
    *,
    on: date | str | None = None,
) -> Trace:
    """Every accountability path upward from ``subject`` on ``on`` (default: ``as_of``).

    ``subject`` is a body, post, delegation or organisation of the model, or its id.

    >>> import govmodel
    >>> t = trace(govmodel.examples.load("msecc-2020"), "msecc.board")
    >>> t.ends
    ('cic_regulator', 'eput.members', 'nelft.members', 'parliament', 'provide.members')
    >>> t.breaks
    ()
    """
    on = model.resolve_on(on)
    subject = id_of(subject)
    if subject not in model or model.kind_of(subject) == "matter":
        pool = [i for i in model.ids() if model.kind_of(i) != "matter"]
        raise NoSuchRecord(
            "body, post, delegation or organisation", subject, closest(subject, pool)
        )
    climber = _Climber(model, on)
    paths: list[tuple[Step, ...]] = []
    breaks: dict[str, str] = {}
    ends: set[str] = set()
    truncated = False

    def walk(node: str, path: tuple[Step, ...], seen: frozenset[str]) -> None:
        nonlocal truncated
        if len(paths) >= MAX_PATHS:
            truncated = True
            return
        if climber.terminal(node):
            paths.append(path)
            ends.add(climber.label(node))
            return
        everything = climber.up(node)
        steps = [s for s in everything if s.target not in seen]
        if not steps:
            if everything:
                looped.add(node)
            else:
                breaks.setdefault(climber.label(node), _why_break(model, climber, node))
            return
        for step in steps:
            walk(step.target, (*path, step), seen | {step.target})

    looped: set[str] = set()
    walk(subject, (), frozenset({subject}))
    reached = {x for p in paths for s in p for x in (s.source, s.target)}
    for node in sorted(looped - reached):
        breaks.setdefault(
            climber.label(node),
            "every line above it leads back round a cycle without reaching a statutory end",
        )
    _authority_breaks(model, on, paths, breaks)
    named: dict[int, Step] = {}  # each step renamed once, however many paths share it

    def name(s: Step) -> Step:
        found = named.get(id(s))
        if found is None:
            found = named[id(s)] = attrs.evolve(
                s, source=climber.label(s.source), target=climber.label(s.target)
            )
        return found

    clean = tuple(tuple(name(s) for s in p) for p in paths)
    return Trace(
        subject,
        on,
        clean,
        tuple(sorted(ends)),
        tuple(Break(at, why) for at, why in sorted(breaks.items())),
        truncated,
    )


def _why_break(model: GovernanceModel, climber: _Climber, node: str) -> str:
    if node.startswith(END):
        return "no statutory accountability is recorded above this end"
    if node not in climber.current:
        return f"it is not in force on {climber.on.isoformat()}"
    kind = model.kind_of(node)
    if kind == "post":
        return "the post has no organisation with a board in the model"
    if kind == "body" and any(o not in climber.current for o in model.body(node).organisations):
        return f"its organisation is not in force on {climber.on.isoformat()}"
    if kind == "body" and len(model.body(node).organisations) > 1:
        return (
            "no member body delegates to it and it reports to no body, so its authority "
            "has no source"
        )
    return "nothing above it in the model: add its organisation's board or a reporting line"


def _authority_breaks(
    model: GovernanceModel, on: date, paths: list[tuple[Step, ...]], breaks: dict[str, str]
) -> None:
    current = model.on(on)
    held: dict[tuple[str, str], bool] = {}

    def holds(holder: str, matter: str) -> bool:
        if (holder, matter) not in held:
            held[holder, matter] = bool(grants_of(model, on, holder, matter))
        return held[holder, matter]

    for path in paths:
        for step in path:
            if step.relation != "delegated_by" or step.target.startswith(END):
                continue
            for d in current.delegations_to(step.source):
                if d.from_ != step.target:
                    continue
                missing = [m for m in d.matters if not holds(d.from_, m)]
                if missing:
                    breaks.setdefault(
                        d.from_,
                        f"delegates {', '.join(missing)} ({d.id}) without holding it on this date",
                    )
