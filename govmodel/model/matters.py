"""The standard vocabulary of matters (kinds of decision).

Every model can use these ids without declaring them; a model adds its own
under ``matters:``. Which of them the law reserves to a particular body (an
NHS foundation trust's council of governors, say) lives in
:mod:`govmodel.law.reserved`, with citations; this module is vocabulary only.
"""

from __future__ import annotations

from govmodel.model.records import Matter

__all__ = ["STANDARD_MATTERS", "standard_matter"]


def _m(id: str, name: str, category: str) -> Matter:
    return Matter(id, name, category=category)


STANDARD_MATTERS: tuple[Matter, ...] = (
    # Matters an NHS foundation trust's council of governors holds.
    _m("appoint_remove_chair", "Appoint or remove the chair", "governors"),
    _m("appoint_remove_neds", "Appoint or remove non-executive directors", "governors"),
    _m("set_chair_ned_pay", "Decide the chair's and non-executives' pay and terms", "governors"),
    _m("approve_ceo_appointment", "Approve the appointment of the chief executive", "governors"),
    _m("appoint_remove_auditor", "Appoint or remove the external auditor", "governors"),
    _m("approve_significant_transaction", "Approve a significant transaction", "governors"),
    _m("amend_constitution", "Amend the constitution", "governors"),
    _m(
        "approve_merger_application",
        "Approve a merger, acquisition, separation or dissolution application",
        "governors",
    ),
    _m(
        "approve_non_nhs_income_increase",
        "Approve a rise of 5 percentage points or more in non-NHS income",
        "governors",
    ),
    # Matters NHS boards commonly reserve to themselves.
    _m(
        "approve_governance_framework",
        "Approve standing orders, the scheme of reservation and"
        " delegation and standing financial instructions",
        "governance",
    ),
    _m(
        "establish_committee",
        "Establish a committee and approve its terms of reference",
        "governance",
    ),
    _m("approve_strategy", "Approve the organisation's strategy", "strategy"),
    _m("approve_annual_plan", "Approve the annual operational plan", "strategy"),
    _m("approve_budget", "Approve the annual budget", "finance"),
    _m("approve_annual_accounts", "Approve the annual accounts", "finance"),
    _m("approve_annual_report", "Approve the annual report", "governance"),
    _m("approve_capital_scheme", "Approve a capital scheme", "finance"),
    _m("approve_business_case", "Approve a business case", "finance"),
    _m("approve_expenditure", "Approve expenditure within budget", "finance"),
    _m("award_contract", "Award or enter into a contract", "finance"),
    _m("appoint_executive_directors", "Appoint executive directors", "people"),
    _m(
        "approve_risk_framework",
        "Approve the risk management framework and board assurance framework",
        "governance",
    ),
    _m(
        "enter_partnership_agreement",
        "Enter into a joint venture, alliance or partnership agreement",
        "strategy",
    ),
    # Matters typical of collaboratives and commissioners.
    _m("agree_service_model", "Agree a service model or pathway", "services"),
    _m("approve_service_change", "Approve a significant service change", "services"),
    _m(
        "agree_clinical_standards",
        "Agree shared clinical standards and operating procedures",
        "services",
    ),
    _m("manage_operational_delivery", "Manage day-to-day operational delivery", "services"),
    _m(
        "allocate_collaborative_resources", "Allocate resources across the collaborative", "finance"
    ),
    _m("approve_joint_roles", "Approve joint or shared roles", "people"),
    _m(
        "commission_services",
        "Commission services (a commissioner's statutory function)",
        "commissioning",
    ),
    _m("approve_consultation", "Approve public consultation on service change", "services"),
)

_BY_ID = {m.id: m for m in STANDARD_MATTERS}


def standard_matter(id: str) -> Matter | None:
    """Return the standard matter ``id``, or ``None`` if it is not standard.

    >>> standard_matter("approve_budget").name
    'Approve the annual budget'
    """
    return _BY_ID.get(id)
