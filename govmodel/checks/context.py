"""What every check reads: the model, the date, and facts derived from them once.

Checks iterate the model's own records (so that indices match the file) and
ask the context whether each is in force on the date. The context tolerates
models built in Python with references to ids that do not exist: lookups
return ``None`` instead of raising, and check GM003 reports the references.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from govmodel.analysis.authority import Grant, MatterGrants, granted_matters, matter_grants
from govmodel.analysis.classify import Classification, classify
from govmodel.analysis.forms import model_facts
from govmodel.checks.base import CheckFailure, Codes, Finding
from govmodel.graph import ModelGraph, graph_of
from govmodel.law.base import Effect
from govmodel.law.parties import PARTY_TYPES, exists
from govmodel.law.posts import DIRECTOR_KINDS
from govmodel.law.rules import get
from govmodel.law.verdicts import FormVerdict, forms
from govmodel.model.governance import GovernanceModel
from govmodel.model.kinds import BodyKind, FormId, PartyType, PostKind, Verdict
from govmodel.model.records import (
    Body,
    Delegation,
    Expectation,
    Membership,
    Organisation,
    Post,
)

__all__ = ["Context", "is_audit_committee"]


def is_audit_committee(body: Body) -> bool:
    """Whether ``body`` is an audit committee. A heuristic: a committee whose id or name
    contains the word "audit"."""
    return body.kind in (BodyKind.COMMITTEE, BodyKind.SUB_COMMITTEE) and (
        "audit" in body.id.lower() or "audit" in body.name.lower()
    )


_ALL: list[tuple[int, Membership]] = []  # marks a body whose members are all in force


class Context:
    """A model on a date, with cached derived facts for the checks.

    ``codes`` are the finding codes of the run (the engine passes the
    registry's), for the checks on the model's own ``ignore`` and ``expected``.
    """

    def __init__(self, model: GovernanceModel, on: date, *, codes: Codes | None = None) -> None:
        self.model = model
        self.on = on
        self.codes = codes if codes is not None else Codes({})
        #: Findings of the checks run so far (read by checks that run last).
        self.found: list[Finding] = []
        self._records = model.record
        self._active: dict[str, bool] = {}
        self._members: dict[int, list[tuple[int, Membership]]] = {}
        self._voting: dict[int, list[tuple[int, Membership]]] = {}
        self._matters: dict[str, MatterGrants] = {}
        #: Checks from outside govmodel that could not run (reported by GM004).
        self.failures: list[CheckFailure] = []

    @property
    def graph(self) -> ModelGraph:
        """The model's graph (built once per model)."""
        return graph_of(self.model)

    @staticmethod
    def matches(entry: Expectation, finding: Finding) -> bool:
        """Whether the model's ``expected`` entry describes ``finding``."""
        code = entry.code.strip()
        return code.upper() in (finding.code, finding.name.upper()) and set(entry.subjects) <= set(
            finding.subjects
        )

    # -- records -------------------------------------------------------------------------

    def record(self, id: str) -> Any:
        """The record ``id`` (standard matters included), or ``None`` if unknown."""
        return self._records(id)

    def active(self, id: str) -> bool:
        """Whether ``id`` names a record in force on the date (matters always are)."""
        known = self._active.get(id)
        if known is None:
            record = self._records(id)
            active_on = getattr(record, "active_on", None)
            known = record is not None and (active_on is None or bool(active_on(self.on)))
            self._active[id] = known
        return known

    def organisation(self, id: str | None) -> Organisation | None:
        """The organisation ``id``, or ``None`` if ``id`` is not one."""
        record = self._records(id) if id else None
        return record if isinstance(record, Organisation) else None

    def body(self, id: str) -> Body | None:
        """The body ``id``, or ``None``."""
        record = self._records(id)
        return record if isinstance(record, Body) else None

    def post(self, id: str | None) -> Post | None:
        """The post ``id``, or ``None``."""
        record = self._records(id) if id else None
        return record if isinstance(record, Post) else None

    def label(self, org: str) -> str:
        """An organisation's short name, or its id when unknown."""
        found = self.organisation(org)
        return found.label if found else org

    # -- what is in force ----------------------------------------------------------------

    @functools.cached_property
    def _bodies(self) -> list[Body]:
        return [b for b in self.model.bodies if b.active_on(self.on)]

    @functools.cached_property
    def _delegations(self) -> list[Delegation]:
        return [
            d
            for d in self.model.delegations
            if d.active_on(self.on) and self.active(d.from_) and self.active(d.to)
        ]

    @functools.cached_property
    def _into(self) -> dict[str, list[Delegation]]:
        out: dict[str, list[Delegation]] = {}
        for d in self._delegations:
            out.setdefault(d.to, []).append(d)
        return out

    def bodies(self) -> Iterator[Body]:
        """Bodies in force on the date, in file order."""
        return iter(self._bodies)

    def delegations(self) -> Iterator[Delegation]:
        """Delegations in force on the date whose two ends are in force too."""
        return iter(self._delegations)

    def members(self, body: Body) -> Iterator[tuple[int, Membership]]:
        """``(index, membership)`` for the body's members in force (index as in the file)."""
        found = self._members.get(id(body))
        if found is None:
            on = self.on
            every = all(m.active_on(on) for m in body.members)
            # most bodies' members are all in force: nothing is kept for those
            found = (
                _ALL if every else [(i, m) for i, m in enumerate(body.members) if m.active_on(on)]
            )
            self._members[id(body)] = found
        return enumerate(body.members) if found is _ALL else iter(found)

    def voting(self, body: Body) -> list[tuple[int, Membership]]:
        """The body's voting members in force on the date."""
        found = self._voting.get(id(body))
        if found is None:
            found = [(i, m) for i, m in self.members(body) if m.voting]
            self._voting[id(body)] = found
        return list(found)

    def is_in_common(self, body: Body) -> bool:
        """Whether ``body`` is a committees-in-common group (each organisation's own
        committee meeting together)."""
        return body.kind is BodyKind.COMMITTEES_IN_COMMON

    def component_voting(self, body: Body, org: str) -> list[Membership]:
        """The voting members in force of ``org``'s own committee in ``body``: for a
        committees-in-common group, its component (CINC-001); otherwise every voting member."""
        if not self.is_in_common(body):
            return [m for _, m in self.voting(body)]
        for component in self.model.components(body.id):
            if component.organisation == org:
                return [m for m in component.members if m.voting and m.active_on(self.on)]
        return []

    def delegations_to(self, holder: str) -> list[Delegation]:
        """Delegations in force that give ``holder`` authority (in file order)."""
        return list(self._into.get(holder, ()))

    # -- organisations -------------------------------------------------------------------

    def organisations_of(self, holder: str) -> tuple[str, ...]:
        """Organisations a body belongs to, or that hold a post (joint posts: all);
        ``()`` for anything else."""
        record = self._records(holder)
        return record.organisations if isinstance(record, (Body, Post)) else ()

    def types_of(self, holder: str) -> set[PartyType]:
        """Party types of the organisations ``holder`` belongs to (known ones)."""
        return {org.type for o in self.organisations_of(holder) if (org := self.organisation(o))}

    def is_statutory(self, org: str) -> bool:
        """Whether ``org`` holds statutory public functions (an NHS body or a council)."""
        found = self.organisation(org)
        return found is not None and PARTY_TYPES[found.type].statutory

    def member_organisation(self, member: Membership) -> str | None:
        """The organisation a member represents: ``on_behalf_of``, else the post's."""
        if member.on_behalf_of:
            return member.on_behalf_of
        post = self.post(member.post)
        return post.organisation if post else None

    def is_board_of(self, holder: str, org: str) -> bool:
        """Whether ``holder`` is ``org``'s own board (kind board, that organisation only)."""
        body = self.body(holder)
        return body is not None and body.kind is BodyKind.BOARD and body.organisations == (org,)

    @functools.cached_property
    def _directors(self) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for post in self.model.posts:
            if post.kind in DIRECTOR_KINDS:
                for org in post.organisations:
                    out.setdefault(org, set()).add(post.id)
        for body in self.bodies():
            if body.kind is BodyKind.BOARD and len(body.organisations) == 1:
                for _, member in self.voting(body):
                    sitting = self.post(member.post)
                    if sitting is not None and sitting.kind is not PostKind.GOVERNOR:
                        out.setdefault(body.organisations[0], set()).add(sitting.id)
        return out

    def directors(self, org: str) -> set[str]:
        """Posts that are directors of ``org``: posts of a director kind belonging to it,
        and voting members of its board."""
        return self._directors.get(org, set())

    # -- authority -----------------------------------------------------------------------

    @functools.cached_property
    def grants(self) -> dict[tuple[str, str], list[Grant]]:
        """Every grant on the date, by ``(holder, matter)``; each key's grants sorted."""
        out: dict[tuple[str, str], list[Grant]] = {}
        for matter in self.matters_granted:
            for g in self._grants_of(matter).every():
                out.setdefault((g.holder, g.matter), []).append(g)
        return out

    @functools.cached_property
    def matters_granted(self) -> list[str]:
        """The matters a grant may be about on the date, sorted."""
        return granted_matters(self.model, self.on)

    def delegated_grants(self) -> dict[tuple[str, str], list[Grant]]:
        """The grants of every holder that delegations of the matter touch, by
        ``(holder, matter)``: every grant made by delegation is among them."""
        return {
            (holder, matter): held
            for matter in self.matters_granted
            for holder, held in self._grants_of(matter).delegated.items()
        }

    def decidable(self, matter: str) -> bool:
        """Whether anybody may decide ``matter`` on the date."""
        return self._grants_of(matter).decidable()

    def _grants_of(self, matter: str) -> MatterGrants:
        found = self._matters.get(matter)
        if found is None:
            found = self._matters[matter] = matter_grants(self.model, self.on, matter)
        return found

    def held(self, holder: str, matter: str) -> list[Grant]:
        """Grants by which ``holder`` may decide ``matter`` on the date."""
        return self._grants_of(matter).of(holder)

    def can_pass_on(self, grant: Grant) -> bool:
        """Whether ``grant`` lets its holder delegate the matter onwards."""
        if grant.statutory:
            body = self.body(grant.holder)
            return body is None or grant.matter not in body.reserved
        last = self.record(grant.delegations[-1])
        return bool(getattr(last, "onward", False))

    # -- forms and legal character -------------------------------------------------------

    def form_for(self, org_ids: Iterable[str], form: FormId) -> tuple[FormVerdict, list[str]]:
        """The verdict on ``form`` for the organisations ``org_ids`` on the date, and the
        ids of those it does not admit.

        Organisations unknown or not in force are left out: checks GM003 and GM1xx
        report them. With fewer than two left the verdict is still given.
        """
        ids = tuple(org_ids)

        def judge() -> tuple[FormVerdict, list[str]]:
            orgs = [o for o in (self.organisation(i) for i in ids) if o]
            orgs = [o for o in orgs if o.active_on(self.on) and exists(o.type, self.on)]
            result = forms(orgs, on=self.on, facts=model_facts(self.model), only=(form,))
            verdict = result[form]
            barred = [p.id or p.name for p in result.parties if p.name not in verdict.eligible]
            return verdict, barred

        # The same organisations on the same date get the same verdict (the model's
        # facts are the same too): kept with the dated model, for the next check.
        key = f"checks:verdict:{form.value}:{chr(0).join(ids)}"
        verdict, barred = self.model.on(self.on).derived(key, judge)
        return verdict, list(barred)

    def barring_rule(self, verdict: FormVerdict, barred: Iterable[str], form: FormId) -> str | None:
        """The verdict's forbidding rule that best explains the barred organisations:
        one about this form and their types (the most specific first), else one about
        their types, else the first."""
        types = {o.type for o in (self.organisation(i) for i in barred) if o}
        forbid = [get(r.rule) for r in verdict.reasons if r.effect is Effect.FORBID]
        ranked = sorted(
            forbid,
            key=lambda r: (
                not (r.concerns(form) and r.touches(types)),
                not r.touches(types),
                len(r.forms),
            ),
        )
        return ranked[0].id if ranked else None

    @functools.cache  # noqa: B019 - one context per check run; freed with it
    def classification(self, body: str) -> Classification | None:
        """``classify`` of ``body`` on the date, or ``None`` if its organisations are
        not all known."""
        record = self.body(body)
        if record is None or not all(self.organisation(o) for o in record.organisations):
            return None
        return classify(self.model, body, on=self.on)

    def joint_committee_barred(self, body: Body) -> dict[str, list[str]]:
        """Organisations of a multi-party body that may not be member bodies of a joint
        committee on the date, grouped by the rule that bars them (empty when all may)."""
        if len(body.organisations) < 2:
            return {}
        verdict, barred = self.form_for(body.organisations, FormId.JOINT_COMMITTEE)
        if verdict.verdict is Verdict.LAWFUL:
            return {}
        by_rule: dict[str, list[str]] = {}
        known = sorted(o for o in body.organisations if self.organisation(o))
        for org in barred or known:  # unknown organisations are GM003's
            rule = self.barring_rule(verdict, [org], FormId.JOINT_COMMITTEE) or "JC-015"
            by_rule.setdefault(rule, []).append(org)
        return by_rule
