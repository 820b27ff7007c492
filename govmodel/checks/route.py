"""Legal route: whether the form a model uses is open to the parties that use it."""

from __future__ import annotations

from collections.abc import Iterator

from govmodel.checks.base import Category, Hit, Severity, an
from govmodel.checks.context import Context
from govmodel.checks.spec import check_spec
from govmodel.law.character import CLAIMS
from govmodel.law.forms import AGREEMENT_FORMS
from govmodel.law.parties import NHS_PROVIDERS, exists
from govmodel.law.rules import get, rulebook
from govmodel.model.kinds import AgreementKind, BodyKind, FormId, PartyType, Verdict
from govmodel.model.records import Agreement

__all__ = [
    "agreement_form_not_open",
    "commissioner_delegates_to_provider",
    "council_function_without_route",
    "section_75_partner_ineligible",
    "stated_kind_mismatch",
    "statutory_function_to_non_statutory",
]


@check_spec(
    code="GM501",
    name="statutory-function-to-non-statutory-body",
    severity=Severity.ERROR,
    category=Category.ROUTE,
    summary="An NHS body or council delegates to a body or post of a CIC, company, charity or "
    "GP practice only.",
    why="Such organisations hold no statutory functions and cannot receive them: they can "
    "provide services under contract, but not decide for a public body.",
    hint="Replace the delegation with a contract (lead provider or subcontract), or delegate "
    "to an NHS body.",
    rules=("DEL-002",),
)
def statutory_function_to_non_statutory(ctx: Context) -> Iterator[Hit]:
    """GM501: a statutory body delegating to a body or post of non-statutory
    organisations only (a CIC, company, charity or GP practice)."""
    councils = _councils()
    care_act = get("DEL-011").in_force_on(ctx.on)
    for d in ctx.delegations():
        givers = [o for o in ctx.organisations_of(d.from_) if ctx.is_statutory(o)]
        takers = [o for o in ctx.organisations_of(d.to) if ctx.organisation(o)]
        if care_act and givers and all(_type(ctx, o) in councils for o in givers):
            continue  # a council may authorise anyone for adult care: GM506 judges it
        if givers and takers and not any(ctx.is_statutory(o) for o in takers):
            names = ", ".join(
                f"{ctx.label(o)} ({ctx.organisation(o).type.value})"  # type: ignore[union-attr]
                for o in takers
            )
            yield Hit(
                (d.id, d.to, *takers),
                f"delegation {d.id!r} gives {ctx.label(givers[0])}'s decisions "
                f"({', '.join(d.matters)}) to {d.to!r} of {names}, which cannot exercise an "
                "NHS body's or council's functions",
                at=(d.id, "to"),
                rule="DEL-002",
            )


def _agreements(ctx: Context, *, s75: bool) -> Iterator[tuple[Agreement, FormId]]:
    for a in ctx.model.agreements:
        form = AGREEMENT_FORMS.get(a.kind)
        if form and a.active_on(ctx.on) and (a.kind is AgreementKind.SECTION_75_AGREEMENT) is s75:
            yield a, form


def _form_hits(ctx: Context, *, s75: bool) -> Iterator[Hit]:
    for a, form in _agreements(ctx, s75=s75):
        verdict, barred = ctx.form_for(a.parties, form)
        if verdict.verdict in (Verdict.LAWFUL, Verdict.ADVISORY_ONLY):
            continue
        rule = ctx.barring_rule(verdict, barred, form) or (
            verdict.reasons[0].rule if verdict.reasons else None
        )
        if barred and verdict.verdict is Verdict.PARTIAL:
            what = (
                f"{', '.join(ctx.label(b) for b in barred)} may not be a party to "
                f"{an(form.value.replace('_', ' '))} on {ctx.on.isoformat()}"
            )
        else:
            what = (
                f"{an(form.value.replace('_', ' '))} is not open to these parties on "
                f"{ctx.on.isoformat()} ({verdict.verdict.value.replace('_', ' ')})"
            )
        yield Hit(
            (a.id, *barred),
            f"agreement {a.id!r} ({a.kind.value}): {what}",
            at=(a.id, "parties"),
            rule=rule,
        )


@check_spec(
    code="GM502",
    name="section-75-partner-ineligible",
    severity=Severity.ERROR,
    category=Category.ROUTE,
    summary="A section 75 agreement has parties that may not be partners on the date.",
    why="Section 75 arrangements are open only to prescribed NHS bodies and councils, and "
    "need at least one of each.",
    hint="Take the ineligible party out of the section 75 agreement; it can be a provider "
    "under contract to the partners.",
    rules=("S75-005",),
)
def section_75_partner_ineligible(ctx: Context) -> Iterator[Hit]:
    """GM502: a section 75 agreement whose parties may not all be partners."""
    return _form_hits(ctx, s75=True)


@check_spec(
    code="GM505",
    name="agreement-form-not-open",
    severity=Severity.ERROR,
    category=Category.ROUTE,
    summary="An agreement puts in place a governance form the rulebook does not open to all its "
    "parties on the date.",
    why="The kind of an agreement claims a legal form (a corporate joint venture, a "
    "delegation of functions...); if the form is not open to the parties the agreement "
    "cannot do what it says.",
    hint="Run `govmodel forms` for the parties and choose a form that is open to them.",
)
def agreement_form_not_open(ctx: Context) -> Iterator[Hit]:
    """GM505: any other agreement whose form the rulebook does not open to its parties."""
    return _form_hits(ctx, s75=False)


@check_spec(
    code="GM503",
    name="stated-kind-mismatch",
    severity=Severity.WARNING,
    category=Category.ROUTE,
    summary="A joint body's stated kind claims more than its legal character on the date.",
    why="A body is what its legal effect makes it, not what it is called: a 'joint "
    "committee' that nobody can lawfully delegate to is an advisory forum.",
    hint="Change the body's `kind` to what it is in law, or change the delegations so it is "
    "what it says.",
    rules=("JC-015",),
)
def stated_kind_mismatch(ctx: Context) -> Iterator[Hit]:
    """GM503: a joint body whose stated kind claims more than its legal character
    (bodies GM403 already reports are left to it)."""
    for body in ctx.bodies():
        if body.kind not in CLAIMS or len(body.organisations) < 2:
            continue
        if (
            body.kind is BodyKind.JOINT_COMMITTEE
            and ctx.delegations_to(body.id)
            and ctx.joint_committee_barred(body)
        ):
            continue
        found = ctx.classification(body.id)
        if found is not None and found.mismatch:
            stated = body.kind.value.replace("_", " ")
            actual = found.character.value.replace("_", " ")
            yield Hit(
                (body.id,),
                f"{body.id!r} is stated to be {an(stated)}, but on {ctx.on.isoformat()} it "
                f"is in law {an(actual)}: {found.explanation}",
                at=(body.id, "kind"),
                rule="JC-015",
            )


@check_spec(
    code="GM504",
    name="commissioner-delegates-to-provider",
    severity=Severity.ERROR,
    category=Category.ROUTE,
    summary="A clinical commissioning group delegates to an NHS provider (2013 to 2022).",
    why="CCGs could not delegate their functions to NHS trusts or foundation trusts; they "
    "commissioned them by contract instead.",
    hint="Replace the delegation with a contract for the services.",
    rules=("DEL-003",),
)
def commissioner_delegates_to_provider(ctx: Context) -> Iterator[Hit]:
    """GM504: a clinical commissioning group delegating to an NHS provider (2013-2022)."""
    if not exists(PartyType.CLINICAL_COMMISSIONING_GROUP, ctx.on):
        return
    for d in ctx.delegations():
        if PartyType.CLINICAL_COMMISSIONING_GROUP not in ctx.types_of(d.from_):
            continue
        takers = ctx.types_of(d.to)
        if takers and takers <= NHS_PROVIDERS:
            yield Hit(
                (d.id, d.from_, d.to),
                f"delegation {d.id!r} gives a CCG's decisions ({', '.join(d.matters)}) to "
                f"{d.to!r} of an NHS provider; CCGs could not delegate functions to providers",
                at=(d.id, "to"),
                rule="DEL-003",
            )


def _councils() -> frozenset[PartyType]:
    return rulebook().groups["lga_local_authorities"]


def _type(ctx: Context, org: str) -> PartyType | None:
    record = ctx.organisation(org)
    return record.type if record else None


def _section_75(ctx: Context, agreement: str | None, giver: str) -> bool:
    """Whether ``agreement`` is a section 75 agreement in force to which ``giver`` is party."""
    found = next((a for a in ctx.model.agreements if a.id == agreement), None)
    return (
        found is not None
        and found.kind is AgreementKind.SECTION_75_AGREEMENT
        and found.active_on(ctx.on)
        and giver in found.parties
    )


@check_spec(
    code="GM506",
    name="council-function-without-route",
    severity=Severity.WARNING,
    category=Category.ROUTE,
    summary="A council delegates to an NHS body, or to a company, CIC or charity, without "
    "naming a power that lets it.",
    why="A council's functions go to another council, or a committee or officer of one, under "
    "the Local Government Act 1972 s.101; to an NHS body only through a section 75 "
    "arrangement; and to anyone else only for adult care and support, under the Care Act "
    "2014 s.79. Section 65Z5 lets NHS bodies share their own functions with a council; it is "
    "no power for a council to put its functions in an NHS body's hands.",
    hint="Name the section 75 agreement in the delegation's `agreement:`, or state the power "
    "in its `instrument:` (for adult care, 'Care Act 2014 s.79'); otherwise make it a "
    "contract for services.",
    rules=("DEL-016", "DEL-014", "DEL-011"),
)
def council_function_without_route(ctx: Context) -> Iterator[Hit]:
    """GM506: a council delegating outside local government with no section 75 agreement
    and no stated adult-care authorisation."""
    councils = _councils()
    care_act = get("DEL-011").in_force_on(ctx.on)
    for d in ctx.delegations():
        givers = [o for o in ctx.organisations_of(d.from_) if _type(ctx, o) in councils]
        if not givers or len(givers) != len(ctx.organisations_of(d.from_)):
            continue
        outside = [
            o
            for o in ctx.organisations_of(d.to)
            if ctx.organisation(o) and _type(ctx, o) not in councils
        ]
        if not outside:
            continue  # council to council: s.101
        giver = givers[0]
        if _section_75(ctx, d.agreement, giver):
            continue
        stated = (d.instrument or "").lower()
        if care_act and "79" in stated and "care act" in stated:
            continue
        if not care_act and not any(ctx.is_statutory(o) for o in outside):
            continue  # GM501 reports a statutory function given to a non-statutory body
        names = ", ".join(f"{ctx.label(o)} ({_type(ctx, o).value})" for o in outside)  # type: ignore[union-attr]
        why = (
            "s.65Z5 is a power of NHS bodies, not of councils; "
            if "65z5" in stated.replace(" ", "").replace(".", "")
            else ""
        )
        yield Hit(
            (d.id, d.from_, d.to),
            f"delegation {d.id!r} puts {ctx.label(giver)}'s decisions "
            f"({', '.join(d.matters)}) with {d.to!r} of {names}, naming no section 75 "
            f"agreement{' or Care Act 2014 s.79 authorisation' if care_act else ''}; "
            f"{why}a council's functions go outside local government only by those routes",
            at=(d.id, "agreement"),
            rule="DEL-016",
        )
