"""The kinds of things a governance model talks about, as enumerations.

Strings are converted to these once, at the file and command-line boundary
(:meth:`Kind.parse`); inside the library every kind is an enum member.
"""

from __future__ import annotations

import difflib
import enum
import re
from collections.abc import Iterable
from typing import Any, Self, cast

from govmodel.errors import UnknownKind

__all__ = [
    "AgreementKind",
    "BodyKind",
    "ContractKind",
    "FormId",
    "Kind",
    "MemberRole",
    "PartyType",
    "PostKind",
    "Severity",
    "Verdict",
    "closest",
]


def _norm(text: str) -> str:
    return text.strip().lower().replace("-", "_").replace(" ", "_")


def closest(word: str, choices: Iterable[str], *, n: int = 3) -> list[str]:
    """Return up to ``n`` of ``choices`` that look most like ``word``.

    Words in another order count too (ids are words joined by ``_``, ``-`` or ``.``).

    >>> closest("fondation_trust", ["foundation_trust", "nhs_trust", "charity"])
    ['foundation_trust']
    >>> closest("budget_approval", ["approve_budget", "award_contract"])
    ['approve_budget']
    """
    pool = sorted(set(choices))
    found = difflib.get_close_matches(word, pool, n=n, cutoff=0.6)
    if not found:
        found = [c for c in pool if word and (word in c or c in word)][:n]
    if not found:
        found = _same_words(word, pool, n)
    return found


def _split_words(text: str) -> list[str]:
    return [w for w in re.split(r"[_\-.\s]+", text.lower()) if w]


def _same_words(word: str, pool: list[str], n: int) -> list[str]:
    """The choices sharing most words with ``word`` (words of three letters or more; a
    word matches when the first four letters agree, so ``approval`` meets ``approve``),
    sharing more than half of ``word``'s words."""
    words = [w for w in _split_words(word) if len(w) >= 3]

    def meets(a: str, b: str) -> bool:
        return a[:4] == b[:4] if min(len(a), len(b)) >= 4 else a == b

    scored = []
    for choice in pool:
        theirs = [t for t in _split_words(choice) if len(t) >= 3]
        shared = sum(1 for w in words if any(meets(w, t) for t in theirs))
        if shared and shared * 2 > len(words):
            scored.append((-shared, len(theirs), choice))
    return [c for _, _, c in sorted(scored)[:n]]


#: Each kind's spellings, built on first use (see :meth:`Kind.parse`).
_TABLES: dict[type, dict[str, Any]] = {}


class Kind(enum.StrEnum):
    """Base for govmodel's string enums: case-insensitive parsing with aliases."""

    @classmethod
    def aliases(cls) -> dict[str, Self]:
        """Every accepted spelling (ids and aliases, normalised) mapped to its member."""
        table: dict[str, Self] = {m.value: m for m in cls.__members__.values()}
        for alias, target in _ALIASES.get(cls.__name__, {}).items():
            table[alias] = cls(target)
        return table

    @classmethod
    def parse(cls, text: str | Self) -> Self:
        """Convert ``text`` (an id or alias, any case, ``-`` or ``_``) to a member.

        Raises :class:`~govmodel.errors.UnknownKind` listing the valid ids and
        the closest match when ``text`` is not recognised.
        """
        if isinstance(text, cls):
            return text
        if not isinstance(text, str):
            raise UnknownKind(cls.label(), repr(text), cls.ids(), [])
        exact = cls._value2member_map_.get(text)  # the id as written: no table to build
        if exact is not None:
            return cast(Self, exact)
        key = _norm(text)
        table = _TABLES.get(cls)
        if table is None:
            table = _TABLES[cls] = cls.aliases()
        if key in table:
            return table[key]
        raise UnknownKind(cls.label(), text, cls.ids(), closest(key, table))

    @classmethod
    def ids(cls) -> list[str]:
        """The canonical ids, in declaration order."""
        return [member.value for member in cls.__members__.values()]

    @classmethod
    def label(cls) -> str:
        """Human name of the enumeration, for messages ("party type")."""
        words: list[str] = []
        for ch in cls.__name__:
            if ch.isupper() and words:
                words.append(" ")
            words.append(ch.lower())
        return "".join(words)


class PartyType(Kind):
    """The legal type of an organisation (ids fixed by the outside contract)."""

    NHS_ENGLAND = "nhs_england"
    HEALTH_AUTHORITY = "health_authority"
    STRATEGIC_HEALTH_AUTHORITY = "strategic_health_authority"
    SPECIAL_HEALTH_AUTHORITY = "special_health_authority"
    PRIMARY_CARE_TRUST = "primary_care_trust"
    CLINICAL_COMMISSIONING_GROUP = "clinical_commissioning_group"
    INTEGRATED_CARE_BOARD = "integrated_care_board"
    NHS_TRUST = "nhs_trust"
    NHS_FOUNDATION_TRUST = "nhs_foundation_trust"
    LOCAL_AUTHORITY = "local_authority"
    DISTRICT_COUNCIL = "district_council"
    PARISH_COUNCIL = "parish_council"
    COMBINED_AUTHORITY = "combined_authority"
    COMBINED_COUNTY_AUTHORITY = "combined_county_authority"
    COMMUNITY_INTEREST_COMPANY = "community_interest_company"
    CHARITY = "charity"
    COMPANY = "company"
    LIMITED_LIABILITY_PARTNERSHIP = "limited_liability_partnership"
    GP_PRACTICE = "gp_practice"


class BodyKind(Kind):
    """What a body is said to be (its stated kind; ``classify`` finds its legal character)."""

    BOARD = "board"
    COUNCIL_OF_GOVERNORS = "council_of_governors"
    FULL_COUNCIL = "full_council"
    COMMITTEE = "committee"
    SUB_COMMITTEE = "sub_committee"
    JOINT_COMMITTEE = "joint_committee"
    COMMITTEES_IN_COMMON = "committees_in_common"
    PARTNERSHIP_BOARD = "partnership_board"
    LEADERSHIP_TEAM = "leadership_team"
    OPERATIONAL_GROUP = "operational_group"
    CLINICAL_REFERENCE_GROUP = "clinical_reference_group"
    ADVISORY_FORUM = "advisory_forum"
    SCRUTINY_COMMITTEE = "scrutiny_committee"


class PostKind(Kind):
    """The kind of a post (an office held by a person)."""

    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    CHIEF_EXECUTIVE = "chief_executive"
    EXECUTIVE_DIRECTOR = "executive_director"
    NON_EXECUTIVE_DIRECTOR = "non_executive_director"
    GOVERNOR = "governor"
    LEAD_DIRECTOR = "lead_director"
    PARTNERSHIP_DIRECTOR = "partnership_director"
    DIRECTOR = "director"
    OFFICER = "officer"
    COUNCILLOR = "councillor"
    CLINICAL_LEAD = "clinical_lead"


class MemberRole(Kind):
    """The role a member plays on a body."""

    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    MEMBER = "member"
    ATTENDEE = "attendee"


class AgreementKind(Kind):
    """Kinds of agreement between organisations."""

    CONTRACTUAL_JOINT_VENTURE = "contractual_joint_venture"
    ALLIANCE_AGREEMENT = "alliance_agreement"
    MEMORANDUM_OF_UNDERSTANDING = "memorandum_of_understanding"
    JOINT_WORKING_AGREEMENT = "joint_working_agreement"
    LEAD_PROVIDER_CONTRACT = "lead_provider_contract"
    SUBCONTRACT = "subcontract"
    SECTION_75_AGREEMENT = "section_75_agreement"
    COMPANY_ARTICLES = "company_articles"
    DELEGATION_AGREEMENT = "delegation_agreement"
    QUALITY_CONCORDAT = "quality_concordat"
    GROUP_AGREEMENT = "group_agreement"
    STATUTORY_DIRECTION = "statutory_direction"


class ContractKind(Kind):
    """Kinds of contract for services."""

    NHS_STANDARD_CONTRACT = "nhs_standard_contract"
    ALLIANCE_CONTRACT = "alliance_contract"
    SUBCONTRACT = "subcontract"
    OTHER = "other"


class FormId(Kind):
    """Governance forms a set of partners may use (ids fixed by the outside contract)."""

    JOINT_COMMITTEE = "joint_committee"
    COMMITTEES_IN_COMMON = "committees_in_common"
    LEAD_PROVIDER = "lead_provider"
    CONTRACTUAL_JOINT_VENTURE = "contractual_joint_venture"
    ALLIANCE_AGREEMENT = "alliance_agreement"
    CORPORATE_JOINT_VENTURE = "corporate_joint_venture"
    SECTION_75_PARTNERSHIP = "section_75_partnership"
    DELEGATION_OF_FUNCTIONS = "delegation_of_functions"
    SHARED_LEADERSHIP = "shared_leadership"
    MERGER_ACQUISITION = "merger_acquisition"
    MEMORANDUM_OF_UNDERSTANDING = "memorandum_of_understanding"
    CARE_TRUST = "care_trust"
    SOCIAL_ENTERPRISE_SPIN_OUT = "social_enterprise_spin_out"
    SERVICE_TRANSFER = "service_transfer"
    NEW_NHS_TRUST = "new_nhs_trust"
    FOUNDATION_TRUST_STATUS = "foundation_trust_status"


class Verdict(Kind):
    """Whether a governance form is available to a set of partners on a date."""

    LAWFUL = "lawful"
    PARTIAL = "partial"
    ADVISORY_ONLY = "advisory_only"
    NOT_LAWFUL = "not_lawful"
    UNKNOWN = "unknown"
    """No rule in the rulebook decides this mix on this date."""


class Severity(Kind):
    """How serious a finding is (of a built-in check, a plugin's or a local policy's)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """0 for errors, 1 for warnings, 2 for info (the sort order)."""
        return {"error": 0, "warning": 1, "info": 2}[self.value]


#: Accepted aliases per kind (besides the ids), e.g. ``ft`` for ``nhs_foundation_trust``.
_ALIASES: dict[str, dict[str, str]] = {
    "PartyType": {
        "nhse": "nhs_england",
        "ha": "health_authority",
        "sha": "strategic_health_authority",
        "spha": "special_health_authority",
        "pct": "primary_care_trust",
        "ccg": "clinical_commissioning_group",
        "icb": "integrated_care_board",
        "trust": "nhs_trust",
        "ft": "nhs_foundation_trust",
        "foundation_trust": "nhs_foundation_trust",
        "la": "local_authority",
        "council": "local_authority",
        "ca": "combined_authority",
        "cca": "combined_county_authority",
        "district": "district_council",
        "shire_district": "district_council",
        "parish": "parish_council",
        "town_council": "parish_council",
        "cic": "community_interest_company",
        "ltd": "company",
        "private_company": "company",
        "gp_federation": "company",
        "llp": "limited_liability_partnership",
    },
    "BodyKind": {
        "board_of_directors": "board",
        "governing_body": "board",
        "governors": "council_of_governors",
        "cic_forum": "committees_in_common",
        "programme_board": "partnership_board",
        "executive_team": "leadership_team",
        "forum": "advisory_forum",
    },
    "PostKind": {
        "ceo": "chief_executive",
        "accountable_officer": "chief_executive",
        "ned": "non_executive_director",
        "exec": "executive_director",
        "manager": "officer",
    },
    "AgreementKind": {
        "cjv": "contractual_joint_venture",
        "jva": "contractual_joint_venture",
        "joint_venture_agreement": "contractual_joint_venture",
        "alliance": "alliance_agreement",
        "mou": "memorandum_of_understanding",
        "s75": "section_75_agreement",
        "section_75": "section_75_agreement",
        "articles": "company_articles",
    },
    "FormId": {
        "jc": "joint_committee",
        "cic_forum": "committees_in_common",
        "cjv": "contractual_joint_venture",
        "alliance": "alliance_agreement",
        "corporate_jv": "corporate_joint_venture",
        "s75": "section_75_partnership",
        "section_75": "section_75_partnership",
        "delegation": "delegation_of_functions",
        "group_model": "shared_leadership",
        "merger": "merger_acquisition",
        "mou": "memorandum_of_understanding",
        "spin_out": "social_enterprise_spin_out",
        "right_to_request": "social_enterprise_spin_out",
        "transfer": "service_transfer",
        "nhs_trust_order": "new_nhs_trust",
        "ft_status": "foundation_trust_status",
    },
}
