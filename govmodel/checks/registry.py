"""The one table of checks: finding code -> the check's spec, in code order.

Each check's description (summary, why, hint, rules, limits) is declared beside
its function in the module of its family; this table only lists them. Codes
are stable and never reused: a withdrawn check stays, with ``retired=True``.
A test asserts that every documented code has a check and every check a
documented code.
"""

from __future__ import annotations

from govmodel.checks import (
    authority,
    composition,
    existence,
    model,
    reserved,
    route,
    structure,
)
from govmodel.checks.spec import CheckSpec, Registry

__all__ = ["REGISTRY", "lookup", "suggest"]

#: Every check by code.
REGISTRY = Registry(
    {
        "GM001": model.unknown_code,
        "GM002": model.expected_not_found,
        "GM003": model.model_problems,
        "GM004": model.check_failed,
        "GM101": existence.organisation_type_gone,
        "GM102": existence.body_organisation_ended,
        "GM103": existence.post_organisation_ended,
        "GM104": existence.delegation_holder_ended,
        "GM105": existence.agreement_party_ended,
        "GM106": existence.contract_party_ended,
        "GM107": existence.member_ended,
        "GM201": authority.exceeds_limit,
        "GM202": authority.delegator_lacks_matter,
        "GM203": authority.onward_forbidden,
        "GM204": authority.matter_without_holder,
        "GM205": authority.delegation_cycle,
        "GM301": reserved.governor_matter_delegated,
        "GM302": reserved.council_delegates_governor_matter,
        "GM303": reserved.reserved_matter_delegated,
        "GM304": reserved.reserved_matter_not_held,
        "GM401": composition.ft_delegation_to_non_directors,
        "GM402": composition.ft_delegation_to_non_director_post,
        "GM403": composition.joint_committee_member_ineligible,
        "GM404": composition.committees_in_common_non_nhs_vote,
        "GM405": composition.quorum_unreachable,
        "GM406": composition.quorum_needs_absent_organisation,
        "GM407": composition.no_voting_members,
        "GM408": composition.decision_body_without_members,
        "GM409": composition.non_councillor_voting,
        "GM410": composition.ft_audit_committee_not_neds,
        "GM501": route.statutory_function_to_non_statutory,
        "GM502": route.section_75_partner_ineligible,
        "GM503": route.stated_kind_mismatch,
        "GM504": route.commissioner_delegates_to_provider,
        "GM505": route.agreement_form_not_open,
        "GM506": route.council_function_without_route,
        "GM601": structure.committee_without_reporting_line,
        "GM602": structure.body_unconnected,
        "GM603": structure.reporting_cycle,
        "GM604": structure.executive_chairs_audit,
        "GM605": structure.overlapping_authority,
        "GM606": structure.member_from_elsewhere,
        "GM607": structure.post_without_organisation,
    }
)


def lookup(code_or_name: str) -> CheckSpec | None:
    """The check with this code (any case) or kebab-case name, or ``None``."""
    return REGISTRY.lookup(code_or_name)


def suggest(code_or_name: str) -> list[str]:
    """Codes or names that look like a mistyped ``code_or_name``.

    >>> suggest("gm6o1")
    ['GM601', 'GM607', 'GM606']
    """
    return REGISTRY.suggest(code_or_name)
