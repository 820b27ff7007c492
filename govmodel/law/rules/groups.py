"""Named groups of party types used across the rule families."""

from __future__ import annotations

from govmodel.model.kinds import PartyType as T

#: Bodies that may use NHS Act 2006 s.65Z5 for their own functions.
RELEVANT_BODIES = frozenset(
    {T.NHS_ENGLAND, T.INTEGRATED_CARE_BOARD, T.NHS_TRUST, T.NHS_FOUNDATION_TRUST}
)
#: Organisations with no statutory NHS or local-government functions.
NON_STATUTORY = frozenset(
    {
        T.COMMUNITY_INTEREST_COMPANY,
        T.CHARITY,
        T.COMPANY,
        T.LIMITED_LIABILITY_PARTNERSHIP,
        T.GP_PRACTICE,
    }
)
#: Bodies with statutory functions they can delegate to a committee of their own.
STATUTORY = frozenset(
    {
        T.NHS_ENGLAND,
        T.STRATEGIC_HEALTH_AUTHORITY,
        T.PRIMARY_CARE_TRUST,
        T.CLINICAL_COMMISSIONING_GROUP,
        T.INTEGRATED_CARE_BOARD,
        T.NHS_TRUST,
        T.NHS_FOUNDATION_TRUST,
        T.LOCAL_AUTHORITY,
        T.COMBINED_AUTHORITY,
    }
)
#: NHS commissioners (by period, only some existed).
COMMISSIONERS = frozenset(
    {
        T.NHS_ENGLAND,
        T.STRATEGIC_HEALTH_AUTHORITY,
        T.PRIMARY_CARE_TRUST,
        T.CLINICAL_COMMISSIONING_GROUP,
        T.INTEGRATED_CARE_BOARD,
    }
)
#: Organisations that can hold a contract to provide services.
PROVIDERS = frozenset(
    {
        T.NHS_TRUST,
        T.NHS_FOUNDATION_TRUST,
        T.COMMUNITY_INTEREST_COMPANY,
        T.CHARITY,
        T.COMPANY,
        T.LIMITED_LIABILITY_PARTNERSHIP,
        T.GP_PRACTICE,
        T.LOCAL_AUTHORITY,
    }
)
EVERYONE = frozenset(T)
