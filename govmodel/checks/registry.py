"""The one table of checks: code -> what it checks, why, its legal basis and function.

Codes are stable and never reused. A check that is withdrawn stays here with
``retired=True``. ``rules`` lists the rulebook entries a check rests on (the
engine cites the first in force on the date unless a finding names its own);
``since`` is the govmodel version that introduced the check.
"""

from __future__ import annotations

from govmodel.checks import authority as a
from govmodel.checks import composition as c
from govmodel.checks import existence as e
from govmodel.checks import model as m
from govmodel.checks import reserved as r
from govmodel.checks import route as lr
from govmodel.checks import structure as s
from govmodel.checks.base import Category, CheckSpec, Severity
from govmodel.model.kinds import closest

__all__ = ["FINAL", "REGISTRY", "lookup", "suggest"]

ERR, WARN, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

_DATES = "Check the record's `start` and `end`, or the date you are checking on."

_SPECS = (
    # -- the model file ------------------------------------------------------------------
    CheckSpec(
        "GM001",
        "unknown-finding-code",
        WARN,
        Category.MODEL,
        "`ignore` or `expected` names a code that no check has.",
        "A misspelt code silences nothing, so the finding it was meant for still shows "
        "and the model's intent is lost.",
        "Use a code or name from `govmodel check --list-codes`.",
        m.unknown_code,
    ),
    CheckSpec(
        "GM002",
        "expected-finding-not-found",
        INFO,
        Category.MODEL,
        "An `expected` entry matches no finding on the date checked.",
        "Expectations document known gaps. One that no longer matches is out of date: the "
        "gap was mended, or the model is being checked on a date it does not describe.",
        "Remove the entry if the gap has been mended, or check on the model's own date.",
        m.expected_not_found,
    ),
    CheckSpec(
        "GM003",
        "model-problem",
        ERR,
        Category.MODEL,
        "A model built in Python has a problem the file loader would reject.",
        "A reference to an id that does not exist, a duplicate id or a delegation to "
        "itself makes every later answer unreliable.",
        "Correct the reference or the id, as the message says.",
        m.model_problems,
        limits="Models loaded from files never have these: the loader rejects them first.",
    ),
    # -- existence -----------------------------------------------------------------------
    CheckSpec(
        "GM101",
        "organisation-type-not-in-existence",
        ERR,
        Category.EXISTENCE,
        "An organisation is in force on a date when its legal type did not exist.",
        "A primary care trust after 31 March 2013, a CCG after 30 June 2022 or an ICB "
        "before 1 July 2022 holds no powers, so nothing resting on it is lawful.",
        "Give the organisation an `end:` date when its type was abolished (or a `start:` "
        "when it was created), and add its successor.",
        e.organisation_type_gone,
        rules=("PTY-001", "PTY-002", "PTY-003"),
    ),
    CheckSpec(
        "GM102",
        "body-organisation-not-in-force",
        ERR,
        Category.EXISTENCE,
        "A body is in force but an organisation it belongs to is not.",
        "A body cannot outlive the organisations that constitute it.",
        "End the body when its organisation ends, or correct the organisation's dates.",
        e.body_organisation_ended,
    ),
    CheckSpec(
        "GM103",
        "post-organisation-not-in-force",
        ERR,
        Category.EXISTENCE,
        "A post is in force but its organisation is not.",
        "A post exercises its organisation's powers; without the organisation there are none.",
        _DATES,
        e.post_organisation_ended,
    ),
    CheckSpec(
        "GM104",
        "delegation-party-not-in-force",
        ERR,
        Category.EXISTENCE,
        "A delegation is in force but its delegator, delegate or agreement is not.",
        "Authority cannot come from, or go to, a body that does not exist on the date.",
        _DATES,
        e.delegation_holder_ended,
    ),
    CheckSpec(
        "GM105",
        "agreement-party-not-in-force",
        ERR,
        Category.EXISTENCE,
        "An agreement is in force but one of its parties is not.",
        "An agreement binds only parties that exist; when one is abolished its successor "
        "must be made a party (by novation or transfer scheme).",
        "End the agreement, or replace the party by its successor.",
        e.agreement_party_ended,
    ),
    CheckSpec(
        "GM106",
        "contract-party-not-in-force",
        ERR,
        Category.EXISTENCE,
        "A contract is in force but a commissioner or provider is not.",
        "When CCGs closed on 30 June 2022 their contracts passed to ICBs; a model that still "
        "names the CCG shows the wrong accountable commissioner.",
        "End the contract on the date the party ended, and add the successor's contract.",
        e.contract_party_ended,
    ),
    CheckSpec(
        "GM107",
        "member-not-in-force",
        ERR,
        Category.EXISTENCE,
        "A body's member is in force but the post, or the organisation represented, is not.",
        "Counting a member whose post has ended overstates who can decide and make quorum.",
        "End the membership with the post, or correct the dates.",
        e.member_ended,
    ),
    # -- authority -----------------------------------------------------------------------
    CheckSpec(
        "GM201",
        "delegation-exceeds-limit",
        ERR,
        Category.AUTHORITY,
        "A delegation's financial limit is above what the delegator itself may decide.",
        "Nobody can give more authority than they hold: decisions above the delegator's own "
        "limit are made without authority.",
        "Lower the limit to the delegator's own, or raise the delegator's limit first.",
        a.exceeds_limit,
    ),
    CheckSpec(
        "GM202",
        "delegator-lacks-authority",
        ERR,
        Category.AUTHORITY,
        "A body or post delegates a matter it holds by no chain of authority.",
        "Authority must run back to a statutory holder (a board or full council). A "
        "delegation from a body that never received the matter passes nothing on.",
        "Delegate the matter to the delegator first, or delegate from the board.",
        a.delegator_lacks_matter,
        limits="A statutory holder is taken to hold every matter of its organisation except "
        "those statute gives elsewhere (GM301); what an organisation's own constitution "
        "reserves must be recorded with `reserved`.",
    ),
    CheckSpec(
        "GM203",
        "onward-delegation-forbidden",
        ERR,
        Category.AUTHORITY,
        "A matter received by delegation is passed on when that delegation does not allow it.",
        "A delegate may sub-delegate only as the delegation allows; otherwise the onward "
        "decision-maker has no authority.",
        "Set `onward: true` on the delegation received, or delegate directly.",
        a.onward_forbidden,
        rules=("DEL-006",),
    ),
    CheckSpec(
        "GM204",
        "matter-without-holder",
        ERR,
        Category.AUTHORITY,
        "A matter the model uses can be decided by nobody on the date.",
        "Every decision the scheme names must have someone able to take it.",
        "Add the governing body (a `board`, `full_council` or, for governors' matters, "
        "`council_of_governors`) of the organisation that holds the matter.",
        a.matter_without_holder,
    ),
    CheckSpec(
        "GM205",
        "delegation-cycle",
        WARN,
        Category.AUTHORITY,
        "Delegations of one matter lead back to where they started.",
        "A loop of delegations cannot be a source of authority, and usually means one "
        "delegation runs the wrong way.",
        "Reverse or remove one delegation in the loop.",
        a.delegation_cycle,
    ),
    # -- reserved matters ----------------------------------------------------------------
    CheckSpec(
        "GM301",
        "governor-matter-delegated",
        ERR,
        Category.RESERVED,
        "A foundation trust's board (or anyone but its council of governors) delegates a "
        "matter statute gives the council of governors.",
        "Appointing and removing the chair and non-executives, approving the chief "
        "executive's appointment, appointing the auditor, approving significant "
        "transactions and amending the constitution belong to the governors by statute. "
        "The board holds none of them, so it cannot delegate them.",
        "Remove the matter from the delegation. The board may recommend; the council of "
        "governors decides.",
        r.governor_matter_delegated,
        rules=("FTR-001", "FTR-002", "FTR-003", "FTR-004", "FTR-007", "FTR-008"),
    ),
    CheckSpec(
        "GM302",
        "council-delegates-governor-matter",
        WARN,
        Category.RESERVED,
        "A council of governors lets a committee decide one of its statutory matters outright.",
        "The Act gives these decisions to the council (the chair and non-executives are "
        "appointed at a general meeting). A nominations committee may recommend, but the "
        "council must decide.",
        "Set `ratification: true` so the decision comes back to the full council, or "
        "remove the delegation.",
        r.council_delegates_governor_matter,
        rules=("FTR-001", "FTR-002", "FTR-003", "FTR-004", "FTR-007", "FTR-008"),
    ),
    CheckSpec(
        "GM303",
        "reserved-matter-delegated",
        ERR,
        Category.RESERVED,
        "A body delegates a matter it lists as reserved to itself.",
        "A schedule of matters reserved to the board exists so those decisions are not "
        "delegated; a delegation contradicting it is void or the schedule is out of date.",
        "Remove the matter from the delegation, or from the body's `reserved` list.",
        r.reserved_matter_delegated,
    ),
    CheckSpec(
        "GM304",
        "reserved-matter-not-held",
        WARN,
        Category.RESERVED,
        "A body reserves a matter it holds no authority over.",
        "Reserving a power one does not hold means the schedule of reserved matters and "
        "the scheme of delegation disagree.",
        "Delegate the matter to the body, or remove it from `reserved`.",
        r.reserved_matter_not_held,
    ),
    # -- composition ---------------------------------------------------------------------
    CheckSpec(
        "GM401",
        "ft-delegation-to-non-directors",
        ERR,
        Category.COMPOSITION,
        "A foundation trust board delegates to a body whose voting members are not all its "
        "directors.",
        "An NHS foundation trust board may delegate only to a committee of its directors or "
        "to an executive director. Others may attend and advise but not decide for the "
        "trust. From 1 July 2022 a trust may also delegate to a joint committee under "
        "s.65Z5, which this check recognises by classifying the body.",
        "Make the non-directors non-voting (`voting: false`), make the body's decisions "
        "subject to the board's ratification (`ratification: true`), or delegate to the "
        "trust's own representatives individually as executive directors.",
        c.ft_delegation_to_non_directors,
        rules=("BC-002",),
        limits="Directors are posts of a director kind (chair, vice chair, chief executive, "
        "executive or non-executive director) of the trust and voting members of its board. "
        "Joint committees are left to GM403.",
    ),
    CheckSpec(
        "GM402",
        "ft-delegation-to-non-director-post",
        ERR,
        Category.COMPOSITION,
        "A foundation trust board delegates to a post that is not one of its executive directors.",
        "The only individuals a foundation trust board may delegate to are its executive "
        "directors; officers receive authority through an executive director's scheme of "
        "delegation.",
        "Delegate to the responsible executive director, who may sub-delegate under the "
        "scheme of delegation.",
        c.ft_delegation_to_non_director_post,
        rules=("BC-001",),
    ),
    CheckSpec(
        "GM403",
        "joint-committee-member-ineligible",
        ERR,
        Category.COMPOSITION,
        "A joint committee receives authority while one of its member bodies may not take "
        "part in a statutory joint committee on the date.",
        "A statutory joint committee needs a power covering every member body: foundation "
        "trusts only from 1 July 2022 (s.65Z5), and never a company, CIC or charity.",
        "Use committees in common (each body's own committee meeting together), make the "
        "body's decisions subject to ratification, or leave out the ineligible body.",
        c.joint_committee_member_ineligible,
        rules=("JC-005", "JC-002"),
    ),
    CheckSpec(
        "GM404",
        "committees-in-common-non-nhs-vote",
        WARN,
        Category.COMPOSITION,
        "Committees in common give votes to members from a non-NHS body alongside NHS "
        "bodies' committees.",
        "Each committee in common decides only for its own body. Members from a CIC or "
        "company can decide for their own company, but not for an NHS body; some advisers "
        "treat such mixed forums as advisory only. Lawyers disagree, so this warns.",
        "Record the non-NHS members as `voting: false` for NHS decisions, or have each NHS "
        "body's committee decide its own matters.",
        c.committees_in_common_non_nhs_vote,
        rules=("CINC-003",),
    ),
    CheckSpec(
        "GM405",
        "quorum-unreachable",
        ERR,
        Category.COMPOSITION,
        "A body's quorum is larger than its number of voting members.",
        "A body that can never be quorate can never decide.",
        "Lower the quorum or add voting members.",
        c.quorum_unreachable,
    ),
    CheckSpec(
        "GM406",
        "quorum-needs-absent-organisation",
        ERR,
        Category.COMPOSITION,
        "A quorum needs a voting member from every organisation, and one has none.",
        "The body can never be quorate until that organisation has a voting member.",
        "Add a voting member for the organisation, or change the quorum rule.",
        c.quorum_needs_absent_organisation,
    ),
    CheckSpec(
        "GM407",
        "no-voting-members",
        ERR,
        Category.COMPOSITION,
        "A body receives delegated authority but none of its members votes.",
        "Authority given to a body with no voting members cannot be exercised.",
        "Mark the decision-makers as voting, or make the body advisory and delegate elsewhere.",
        c.no_voting_members,
    ),
    CheckSpec(
        "GM408",
        "decision-body-without-members",
        WARN,
        Category.COMPOSITION,
        "A body receives delegated authority but the model records none of its members.",
        "Without members the composition checks cannot tell whether the body may lawfully decide.",
        "Add `members:` from the body's terms of reference.",
        c.decision_body_without_members,
    ),
    CheckSpec(
        "GM409",
        "non-councillor-voting",
        WARN,
        Category.COMPOSITION,
        "A council committee records a non-councillor as a voting member.",
        "People co-opted onto a local authority committee or joint committee count as "
        "non-voting (with limited exceptions), so they cannot make the quorum or carry a "
        "vote.",
        "Record the member as `voting: false`, or use a councillor's post.",
        c.non_councillor_voting,
        rules=("BC-009",),
    ),
    CheckSpec(
        "GM410",
        "ft-audit-committee-not-neds",
        ERR,
        Category.COMPOSITION,
        "A foundation trust audit committee has a voting member who is not a non-executive "
        "director.",
        "A foundation trust must have an audit committee made up of non-executive directors.",
        "Make executives attendees (`role: attendee`, `voting: false`).",
        c.ft_audit_committee_not_neds,
        rules=("FTR-003",),
        limits="A body is taken to be the audit committee when its id or name contains "
        '"audit" (a heuristic).',
    ),
    # -- legal route ---------------------------------------------------------------------
    CheckSpec(
        "GM501",
        "statutory-function-to-non-statutory-body",
        ERR,
        Category.ROUTE,
        "An NHS body or council delegates to a body or post of a CIC, company, charity or "
        "GP practice only.",
        "Such organisations hold no statutory functions and cannot receive them: they can "
        "provide services under contract, but not decide for a public body.",
        "Replace the delegation with a contract (lead provider or subcontract), or delegate "
        "to an NHS body.",
        lr.statutory_function_to_non_statutory,
        rules=("DEL-002",),
    ),
    CheckSpec(
        "GM502",
        "section-75-partner-ineligible",
        ERR,
        Category.ROUTE,
        "A section 75 agreement has parties that may not be partners on the date.",
        "Section 75 arrangements are open only to prescribed NHS bodies and councils, and "
        "need at least one of each.",
        "Take the ineligible party out of the section 75 agreement; it can be a provider "
        "under contract to the partners.",
        lr.section_75_partner_ineligible,
        rules=("S75-005",),
    ),
    CheckSpec(
        "GM503",
        "stated-kind-mismatch",
        WARN,
        Category.ROUTE,
        "A joint body's stated kind claims more than its legal character on the date.",
        "A body is what its legal effect makes it, not what it is called: a 'joint "
        "committee' that nobody can lawfully delegate to is an advisory forum.",
        "Change the body's `kind` to what it is in law, or change the delegations so it is "
        "what it says.",
        lr.stated_kind_mismatch,
        rules=("JC-015",),
    ),
    CheckSpec(
        "GM504",
        "commissioner-delegates-to-provider",
        ERR,
        Category.ROUTE,
        "A clinical commissioning group delegates to an NHS provider (2013 to 2022).",
        "CCGs could not delegate their functions to NHS trusts or foundation trusts; they "
        "commissioned them by contract instead.",
        "Replace the delegation with a contract for the services.",
        lr.commissioner_delegates_to_provider,
        rules=("DEL-003",),
    ),
    CheckSpec(
        "GM505",
        "agreement-form-not-open",
        ERR,
        Category.ROUTE,
        "An agreement puts in place a governance form the rulebook does not open to all its "
        "parties on the date.",
        "The kind of an agreement claims a legal form (a corporate joint venture, a "
        "delegation of functions...); if the form is not open to the parties the agreement "
        "cannot do what it says.",
        "Run `govmodel forms` for the parties and choose a form that is open to them.",
        lr.agreement_form_not_open,
    ),
    # -- structure -----------------------------------------------------------------------
    CheckSpec(
        "GM601",
        "committee-without-reporting-line",
        WARN,
        Category.STRUCTURE,
        "A committee reports to no body.",
        "Every committee answers to the body that set it up; without a reporting line its "
        "decisions cannot be traced to anyone accountable.",
        "Add `reports_to:` naming the board or body that established the committee.",
        s.committee_without_reporting_line,
    ),
    CheckSpec(
        "GM602",
        "body-unconnected",
        WARN,
        Category.STRUCTURE,
        "A body has no reporting line and no delegation to or from it.",
        "A body connected to nothing has no authority and answers to nobody; the model "
        "cannot say what it is for.",
        "Add its reporting line (`reports_to:`) or the delegation that gives it authority.",
        s.body_unconnected,
    ),
    CheckSpec(
        "GM603",
        "reporting-cycle",
        ERR,
        Category.STRUCTURE,
        "Reporting lines lead back to where they started.",
        "Accountability must end at a body that answers for itself; a loop has no top.",
        "Remove the reporting line that runs the wrong way.",
        s.reporting_cycle,
    ),
    CheckSpec(
        "GM604",
        "executive-chairs-audit",
        WARN,
        Category.STRUCTURE,
        "An executive director or chief executive chairs an audit committee.",
        "The audit committee scrutinises the executive; an executive in the chair marks "
        "their own work. In a foundation trust the audit committee must be non-executive.",
        "Appoint a non-executive director to chair the audit committee.",
        s.executive_chairs_audit,
        rules=("FTR-003",),
        limits="A body is taken to be the audit committee when its id or name contains "
        '"audit" (a heuristic). Outside foundation trusts no statute is cited.',
    ),
    CheckSpec(
        "GM605",
        "overlapping-authority",
        INFO,
        Category.STRUCTURE,
        "Two delegates may decide the same matter for the same organisation up to the same "
        "limit, and neither derives from the other.",
        "When two bodies may each decide the same thing, a scheme of delegation should say "
        "which prevails.",
        "Give the delegations different limits or matters, or record the order of "
        "precedence in the delegations' `conditions`.",
        s.overlapping_authority,
    ),
    CheckSpec(
        "GM606",
        "member-from-elsewhere",
        WARN,
        Category.STRUCTURE,
        "A voting member represents an organisation the body does not belong to.",
        "A body's decisions bind its own organisations; a vote from outside them is either "
        "a mistake in the model or a member who should not vote.",
        "Add the organisation to the body's `organisations`, or correct `on_behalf_of`.",
        s.member_from_elsewhere,
    ),
    CheckSpec(
        "GM607",
        "post-without-organisation",
        WARN,
        Category.STRUCTURE,
        "A post that exercises authority belongs to no organisation.",
        "Authority is always some organisation's; without an employer or appointing body "
        "the post's decisions cannot be traced.",
        "Add `organisation:` (and `joint_with:` for a shared post).",
        s.post_without_organisation,
    ),
)

#: Every check by code, in code order.
REGISTRY: dict[str, CheckSpec] = {spec.code: spec for spec in sorted(_SPECS, key=lambda x: x.code)}

#: Checks that read the other checks' findings, and so run last.
FINAL = frozenset({"GM002"})

_BY_NAME = {spec.name: spec for spec in _SPECS}


def lookup(code_or_name: str) -> CheckSpec | None:
    """The check with this code (any case) or kebab-case name, or ``None``."""
    key = code_or_name.strip()
    return REGISTRY.get(key.upper()) or _BY_NAME.get(key.lower())


def suggest(code_or_name: str) -> list[str]:
    """Codes or names that look like a mistyped ``code_or_name``.

    >>> suggest("gm6o1")
    ['GM601', 'GM607', 'GM606']
    """
    pool = [*REGISTRY, *_BY_NAME]
    key = code_or_name.strip()
    return closest(key.upper() if key[:2].lower() == "gm" else key.lower(), pool)
