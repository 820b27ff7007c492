"""Local policies: an organisation's own rules, as data.

A trust's standing financial instructions (SFIs), standing orders and scheme of
delegation say things the law does not: contracts above an amount go to the
board; the audit committee has three non-executive directors; nobody chairs both
the board and the audit committee; every delegation has a review date; every
committee reports to the board. A model file declares such rules under
``policies:`` (or names a separate policy file there), each of one of the kinds
below, and ``govmodel check`` reports every breach under the policy's own finding
code (``LOC001``...), with its source paragraph, severity and hint.

Policies are data: a kind and its settings, never code. The checks that read them
are in :mod:`govmodel.checks.policy`; reading and validating them is in
:mod:`govmodel.io.policies`.
"""

from __future__ import annotations

import abc
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any, ClassVar

import attrs

from govmodel.locations import Location, Path
from govmodel.model.kinds import BodyKind, Kind, PostKind, Severity
from govmodel.model.records import _doc, _tuple_of_str

__all__ = [
    "LOCAL_CODE",
    "POLICY_CLASSES",
    "BodyMembers",
    "DecidedBy",
    "MemberCount",
    "Policy",
    "PolicyInclude",
    "PolicyKind",
    "PolicySet",
    "ReportsTo",
    "ReviewDate",
    "Role",
    "SeparateRoles",
    "review_limit",
]

#: The finding codes local policies use: ``LOC001`` to ``LOC999``.
LOCAL_CODE = r"^LOC[0-9]{3}$"
#: A finding name: kebab-case words.
NAME_PATTERN = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"


class PolicyKind(Kind):
    """The kinds of local policy."""

    DECIDED_BY = "decided_by"
    BODY_MEMBERS = "body_members"
    SEPARATE_ROLES = "separate_roles"
    REVIEW_DATE = "review_date"
    REPORTS_TO = "reports_to"


def _words(items: Iterable[str]) -> str:
    """``'a'``, ``'a' or 'b'``: ids (or kinds) in a sentence."""
    quoted = [f"{i!r}" for i in items]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def _severity(value: Severity | str) -> Severity:
    return Severity.parse(value)


def _body_kinds(value: Iterable[BodyKind | str]) -> tuple[BodyKind, ...]:
    return tuple(BodyKind.parse(v) for v in _tuple_of_str(value))


def _post_kinds(value: Iterable[PostKind | str]) -> tuple[PostKind, ...]:
    return tuple(PostKind.parse(v) for v in _tuple_of_str(value))


def _post_kind(value: PostKind | str) -> PostKind:
    return PostKind.parse(value)


def _ids(text: str, *, ref: str | None = None) -> Any:
    """A tuple-of-ids field (a single id is accepted too)."""
    meta = _doc(text, **({"ref": ref} if ref else {}))
    return attrs.field(factory=tuple, converter=_tuple_of_str, metadata=meta)


def _optional(text: str, *, ref: str | None = None) -> Any:
    meta = _doc(text, **({"ref": ref} if ref else {}))
    return attrs.field(default=None, metadata=meta)


@attrs.frozen(kw_only=True)
class Policy(abc.ABC):
    """What every local policy says besides its kind: its code, name, summary and source.

    Subclasses (one per :class:`PolicyKind`) add what the rule is about.
    """

    KIND: ClassVar[PolicyKind]

    code: str = attrs.field(
        metadata=_doc(
            "The policy's finding code, `LOC001` to `LOC999`, unique among the policies "
            "a check uses; stable, like the built-in codes."
        )
    )
    name: str = attrs.field(
        metadata=_doc(
            "Its kebab-case name (`contracts-over-1m-to-board`), usable wherever a code is."
        )
    )
    summary: str = attrs.field(metadata=_doc("What the policy requires, in one sentence."))
    source: str = attrs.field(
        metadata=_doc(
            "Where the rule is written: the paragraph of the standing financial "
            "instructions, standing orders or scheme of delegation."
        )
    )
    url: str | None = _optional("Where to read the source, when it is published.")
    severity: Severity = attrs.field(
        default=Severity.ERROR,
        converter=_severity,
        metadata=_doc("`error` (the default), `warning` or `info`."),
    )
    hint: str | None = _optional("What to do when the policy fires (a default suits the kind).")
    note: str | None = _optional("Free text: why the policy is as it is.")

    @property
    def kind(self) -> PolicyKind:
        """The policy's kind."""
        return self.KIND

    @abc.abstractmethod
    def requires(self) -> str:
        """What the policy's settings require, in words (each kind says)."""


@attrs.frozen(kw_only=True)
class DecidedBy(Policy):
    """Matters above an amount must be decided by the named bodies or posts.

    Every holder that may decide one of ``matters`` above ``above`` pounds by
    delegation (with no limit, or a limit above the amount) and is not one of
    ``by`` breaches it. Holders that hold a matter directly (an organisation's own
    board) are not judged: the policy is about what is delegated.
    """

    KIND = PolicyKind.DECIDED_BY

    matters: tuple[str, ...] = _ids("Matters the policy covers.", ref="matters")
    above: int = attrs.field(
        default=0,
        metadata=_doc(
            "The amount in whole pounds above which only `by` may decide; 0 (the "
            "default) for any amount."
        ),
    )
    by: tuple[str, ...] = _ids("Bodies or posts that may decide above `above`.", ref="holders")
    organisation: str | None = _optional(
        "Only authority that flows from this organisation's own board (omit for every "
        "organisation's).",
        ref="organisations",
    )

    def requires(self) -> str:
        """``approve_expenditure above £1,000,000 is decided only by 't.board'``."""
        amount = f" above £{self.above:,}" if self.above else ""
        whose = f" (on authority from {self.organisation!r})" if self.organisation else ""
        return (
            f"{_words(self.matters)}{amount}{whose} is decided by delegation only by "
            f"{_words(self.by)}"
        )


@attrs.frozen(kw_only=True)
class MemberCount:
    """A kind of post a body must count among its members, and how many."""

    kind: PostKind = attrs.field(
        converter=_post_kind, metadata=_doc("A post kind (`non_executive_director`, ...).")
    )
    at_least: int = attrs.field(default=1, metadata=_doc("The fewest there may be (default 1)."))


def _member_counts(value: Iterable[MemberCount]) -> tuple[MemberCount, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class BodyMembers(Policy):
    """A body must exist on the date, with members of the given kinds (and a chair).

    Name one ``body`` (whose absence is itself a breach), or select every body in
    force of some ``kinds``, of ``organisation`` if given.
    """

    KIND = PolicyKind.BODY_MEMBERS

    body: str | None = _optional(
        "The body that must exist, by id (its absence is a breach); or use `kinds`."
    )
    kinds: tuple[BodyKind, ...] = attrs.field(
        factory=tuple,
        converter=_body_kinds,
        metadata=_doc("Instead of `body`: every body of these kinds in force."),
    )
    organisation: str | None = _optional(
        "With `kinds`: only bodies this organisation belongs to.", ref="organisations"
    )
    members: tuple[MemberCount, ...] = attrs.field(
        factory=tuple,
        converter=_member_counts,
        metadata=_doc("Kinds of post the body must count among its members, each with a minimum."),
    )
    voting: bool = attrs.field(
        default=True, metadata=_doc("Count only voting members (the default).")
    )
    chaired: bool = attrs.field(
        default=False, metadata=_doc("The body must have a member whose role is `chair`.")
    )
    chair_kinds: tuple[PostKind, ...] = attrs.field(
        factory=tuple,
        converter=_post_kinds,
        metadata=_doc("The chair must hold a post of one of these kinds (implies `chaired`)."),
    )

    def requires(self) -> str:
        """``'t.audit' exists, with at least 3 non_executive_director voting members``."""
        if self.body is not None:
            head = f"{self.body!r} exists"
        else:
            of = f" of {self.organisation!r}" if self.organisation else ""
            head = f"every {_words(k.value for k in self.kinds)}{of}"
        whose = "voting members" if self.voting else "members"
        needs = [f"at least {m.at_least} {m.kind.value} {whose}" for m in self.members]
        if self.chair_kinds:
            needs.append(f"a chair who is {_words(k.value for k in self.chair_kinds)}")
        elif self.chaired:
            needs.append("a member whose role is chair")
        if self.body is None:
            return f"{head} has {'; '.join(needs)}"
        return head + (f", with {'; '.join(needs)}" if needs else "")


@attrs.frozen(kw_only=True)
class Role:
    """One role a post can hold: chairing a body, sitting on one, or deciding a matter.

    Give exactly one of ``chair``, ``member`` and ``decides``.
    """

    chair: str | None = _optional("Chairing this body.", ref="bodies")
    member: str | None = _optional("Sitting on this body (in any role).", ref="bodies")
    decides: str | None = _optional("Holding delegated authority over this matter.", ref="matters")

    def describe(self) -> str:
        """``chairs 'eput.board'``, ``sits on 'eput.audit'``, ``decides 'award_contract'``."""
        if self.chair:
            return f"chairs {self.chair!r}"
        if self.member:
            return f"sits on {self.member!r}"
        return f"decides {self.decides!r}"


def _roles(value: Iterable[Role]) -> tuple[Role, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class SeparateRoles(Policy):
    """No post may hold two of the named roles (a separation of duties)."""

    KIND = PolicyKind.SEPARATE_ROLES

    roles: tuple[Role, ...] = attrs.field(
        factory=tuple,
        converter=_roles,
        metadata=_doc("The roles, at least two, of which no single post may hold two."),
    )

    def requires(self) -> str:
        """``no post both chairs 't.board' and chairs 't.audit'``."""
        roles = [r.describe() for r in self.roles]
        return f"no post holds two of: {'; '.join(roles)}"


@attrs.frozen(kw_only=True)
class ReviewDate(Policy):
    """Delegations must carry a review date (``review``), not passed, and not too far off."""

    KIND = PolicyKind.REVIEW_DATE

    from_: tuple[str, ...] = attrs.field(
        factory=tuple,
        converter=_tuple_of_str,
        metadata=_doc("Only delegations made by these bodies or posts.", key="from", ref="holders"),
    )
    organisation: str | None = _optional(
        "Only delegations made by this organisation's bodies and posts.", ref="organisations"
    )
    within_months: int | None = _optional(
        "The review date may be at most this many months after the date checked "
        "(12: reviewed at least once a year)."
    )
    overdue: bool = attrs.field(
        default=True, metadata=_doc("A review date before the date checked is a breach too.")
    )

    def requires(self) -> str:
        """``every delegation made by 't.board' has a review date, not passed, within 12
        months``."""
        by = f" made by {_words(self.from_)}" if self.from_ else ""
        of = f" of {self.organisation!r}" if self.organisation else ""
        when = [", not passed"] if self.overdue else []
        if self.within_months:
            when.append(f", within {self.within_months} months of the date checked")
        return f"every delegation{by}{of} has a review date{''.join(when)}"


@attrs.frozen(kw_only=True)
class ReportsTo(Policy):
    """A body (or every body of some kinds) must report to a named body."""

    KIND = PolicyKind.REPORTS_TO

    to: str = attrs.field(metadata=_doc("The body it must report to.", ref="bodies"))
    body: str | None = _optional("The body that must report; or use `kinds`.", ref="bodies")
    kinds: tuple[BodyKind, ...] = attrs.field(
        factory=tuple,
        converter=_body_kinds,
        metadata=_doc("Instead of `body`: every body of these kinds in force."),
    )
    organisation: str | None = _optional(
        "With `kinds`: only bodies this organisation belongs to.", ref="organisations"
    )
    directly: bool = attrs.field(
        default=False,
        metadata=_doc(
            "Only a direct reporting line counts (by default, through other bodies too)."
        ),
    )

    def requires(self) -> str:
        """``every committee of 't' reports to 't.board' (directly or through others)``."""
        if self.body is not None:
            head = repr(self.body)
        else:
            of = f" of {self.organisation!r}" if self.organisation else ""
            head = f"every {_words(k.value for k in self.kinds)}{of}"
        how = "directly" if self.directly else "directly or through other bodies"
        return f"{head} reports to {self.to!r} ({how})"


@attrs.frozen(kw_only=True)
class PolicyInclude:
    """An entry of ``policies:`` that names a separate policy file instead of a policy."""

    file: str = attrs.field(
        metadata=_doc("A policy file to read, relative to the model file that names it.")
    )


#: Each kind's record class.
POLICY_CLASSES: dict[PolicyKind, type[Policy]] = {
    cls.KIND: cls for cls in (DecidedBy, BodyMembers, SeparateRoles, ReviewDate, ReportsTo)
}


def _policies(value: Iterable[Policy]) -> tuple[Policy, ...]:
    return tuple(value)


def _paths(value: Iterable[Path]) -> tuple[Path, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class PolicySet:
    """The policies of one file (a policy file, or a model file's own ``policies:``), with
    where each stands in it.

    ``paths`` are each policy's key path in its file (``("policies", 2)``) and
    ``locations`` map key paths to places in the file, as the reader found them.
    ``document`` names the document the policies come from (the trust's SFIs); it
    heads each policy's ``source``.
    """

    policies: tuple[Policy, ...] = attrs.field(converter=_policies)
    paths: tuple[Path, ...] = attrs.field(converter=_paths)
    file: str | None = None
    name: str | None = None
    document: str | None = None
    url: str | None = None
    locations: Mapping[Path, Location] = attrs.field(factory=dict, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if len(self.paths) != len(self.policies):
            raise ValueError("a policy set needs one key path per policy")

    def where(self, index: int, *keys: str | int) -> Location | None:
        """Where policy ``index`` (or its key ``keys``) stands in its file, else the
        nearest enclosing place; ``None`` for policies built in Python."""
        path: Path = (*self.paths[index], *keys)
        while path:
            if path in self.locations:
                return self.locations[path]
            path = path[:-1]
        return None

    def source_of(self, policy: Policy) -> str:
        """The policy's source, headed by the document's name when the file gives one."""
        return f"{self.document}, {policy.source}" if self.document else policy.source

    def url_of(self, policy: Policy) -> str | None:
        """The policy's own URL, else the document's."""
        return policy.url or self.url


def review_limit(on: date, months: int) -> date:
    """The day ``months`` calendar months after ``on`` (the last day of a shorter month).

    >>> review_limit(date(2023, 1, 31), 1), review_limit(date(2023, 4, 1), 12)
    (datetime.date(2023, 2, 28), datetime.date(2024, 4, 1))
    """
    total = on.month - 1 + months
    year, month = on.year + total // 12, total % 12 + 1
    for day in range(on.day, 27, -1):
        try:
            return date(year, month, day)
        except ValueError:
            continue
    return date(year, month, min(on.day, 28))
