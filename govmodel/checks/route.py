"""Legal route: whether the form a model uses is open to the parties that use it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from govmodel.checks.base import Hit, an
from govmodel.checks.composition import jc_ineligible
from govmodel.checks.context import Context
from govmodel.law.classify import CLAIMS
from govmodel.model.kinds import AgreementKind, BodyKind, FormId, PartyType, Verdict
from govmodel.model.records import Agreement

__all__ = [
    "agreement_form_not_open",
    "commissioner_delegates_to_provider",
    "section_75_partner_ineligible",
    "stated_kind_mismatch",
    "statutory_function_to_non_statutory",
]

#: The governance form each kind of agreement puts in place (those that make a claim).
AGREEMENT_FORMS: dict[AgreementKind, FormId] = {
    AgreementKind.CONTRACTUAL_JOINT_VENTURE: FormId.CONTRACTUAL_JOINT_VENTURE,
    AgreementKind.ALLIANCE_AGREEMENT: FormId.ALLIANCE_AGREEMENT,
    AgreementKind.MEMORANDUM_OF_UNDERSTANDING: FormId.MEMORANDUM_OF_UNDERSTANDING,
    AgreementKind.LEAD_PROVIDER_CONTRACT: FormId.LEAD_PROVIDER,
    AgreementKind.SECTION_75_AGREEMENT: FormId.SECTION_75_PARTNERSHIP,
    AgreementKind.COMPANY_ARTICLES: FormId.CORPORATE_JOINT_VENTURE,
    AgreementKind.DELEGATION_AGREEMENT: FormId.DELEGATION_OF_FUNCTIONS,
    AgreementKind.GROUP_AGREEMENT: FormId.SHARED_LEADERSHIP,
}

_CCG_PERIOD = (date(2013, 4, 1), date(2022, 6, 30))
_PROVIDERS = frozenset({PartyType.NHS_FOUNDATION_TRUST, PartyType.NHS_TRUST})


def statutory_function_to_non_statutory(ctx: Context) -> Iterator[Hit]:
    """GM501: a statutory body delegating to a body or post of non-statutory
    organisations only (a CIC, company, charity or GP practice)."""
    for d in ctx.delegations():
        givers = [o for o in ctx.organisations_of(d.from_) if ctx.is_statutory(o)]
        takers = [o for o in ctx.organisations_of(d.to) if ctx.organisation(o)]
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
        if form and a.active_on(ctx.day) and (a.kind is AgreementKind.SECTION_75_AGREEMENT) is s75:
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
                f"{an(form.value.replace('_', ' '))} on {ctx.day.isoformat()}"
            )
        else:
            what = (
                f"{an(form.value.replace('_', ' '))} is not open to these parties on "
                f"{ctx.day.isoformat()} ({verdict.verdict.value.replace('_', ' ')})"
            )
        yield Hit(
            (a.id, *barred),
            f"agreement {a.id!r} ({a.kind.value}): {what}",
            at=(a.id, "parties"),
            rule=rule,
        )


def section_75_partner_ineligible(ctx: Context) -> Iterator[Hit]:
    """GM502: a section 75 agreement whose parties may not all be partners."""
    return _form_hits(ctx, s75=True)


def agreement_form_not_open(ctx: Context) -> Iterator[Hit]:
    """GM505: any other agreement whose form the rulebook does not open to its parties."""
    return _form_hits(ctx, s75=False)


def stated_kind_mismatch(ctx: Context) -> Iterator[Hit]:
    """GM503: a joint body whose stated kind claims more than its legal character
    (bodies GM403 already reports are left to it)."""
    for body in ctx.bodies():
        if body.kind not in CLAIMS or len(body.organisations) < 2:
            continue
        if (
            body.kind is BodyKind.JOINT_COMMITTEE
            and ctx.delegations_to(body.id)
            and jc_ineligible(ctx, body)
        ):
            continue
        found = ctx.classification(body.id)
        if found is not None and found.mismatch:
            stated = body.kind.value.replace("_", " ")
            actual = found.character.value.replace("_", " ")
            yield Hit(
                (body.id,),
                f"{body.id!r} is stated to be {an(stated)}, but on {ctx.day.isoformat()} it "
                f"is in law {an(actual)}: {found.explanation}",
                at=(body.id, "kind"),
                rule="JC-015",
            )


def commissioner_delegates_to_provider(ctx: Context) -> Iterator[Hit]:
    """GM504: a clinical commissioning group delegating to an NHS provider (2013-2022)."""
    if not _CCG_PERIOD[0] <= ctx.day <= _CCG_PERIOD[1]:
        return
    for d in ctx.delegations():
        if PartyType.CLINICAL_COMMISSIONING_GROUP not in ctx.types_of(d.from_):
            continue
        takers = ctx.types_of(d.to)
        if takers and takers <= _PROVIDERS:
            yield Hit(
                (d.id, d.from_, d.to),
                f"delegation {d.id!r} gives a CCG's decisions ({', '.join(d.matters)}) to "
                f"{d.to!r} of an NHS provider; CCGs could not delegate functions to providers",
                at=(d.id, "to"),
                rule="DEL-003",
            )
