"""The bundled examples: they load, and carry the confirmed legal types and ODS codes."""

from __future__ import annotations

import pytest

import govmodel
from govmodel import PartyType as T

# Confirmed in REFERENCE.md section 7 ("ODS codes used below", marked [C]).
CONFIRMED = {
    "msecc-2020": {
        "eput": (T.NHS_FOUNDATION_TRUST, "R1L"),
        "nelft": (T.NHS_FOUNDATION_TRUST, "RAT"),
        "provide": (T.COMMUNITY_INTEREST_COMPANY, None),
        "mid_essex_ccg": (T.CLINICAL_COMMISSIONING_GROUP, "06Q"),
        "bb_ccg": (T.CLINICAL_COMMISSIONING_GROUP, "99E"),
        "cpr_ccg": (T.CLINICAL_COMMISSIONING_GROUP, "99F"),
        "southend_ccg": (T.CLINICAL_COMMISSIONING_GROUP, "99G"),
        "thurrock_ccg": (T.CLINICAL_COMMISSIONING_GROUP, "07G"),
    },
    "msecc-2023": {
        "eput": (T.NHS_FOUNDATION_TRUST, "R1L"),
        "nelft": (T.NHS_FOUNDATION_TRUST, "RAT"),
        "provide": (T.COMMUNITY_INTEREST_COMPANY, None),
        "mse_icb": (T.INTEGRATED_CARE_BOARD, "QH8"),
    },
    "nics-2021": {
        "esneft": (T.NHS_FOUNDATION_TRUST, "RDE"),
        "eput": (T.NHS_FOUNDATION_TRUST, "R1L"),
        "gppc": (T.COMPANY, None),
        "virgin_care": (T.COMPANY, None),
        "ne_essex_ccg": (T.CLINICAL_COMMISSIONING_GROUP, "06T"),
        "essex_cc": (T.LOCAL_AUTHORITY, None),
    },
    "essex-pcts-2010": {
        "se_essex_pct": (T.PRIMARY_CARE_TRUST, "5P1"),
        "mid_essex_pct": (T.PRIMARY_CARE_TRUST, "5PX"),
        "sept": (T.NHS_FOUNDATION_TRUST, None),
    },
    "shropshire-pcts-2010": {
        "telford_pct": (T.PRIMARY_CARE_TRUST, "5MK"),
        "shropshire_pct": (T.PRIMARY_CARE_TRUST, "5M2"),
        "sath": (T.NHS_TRUST, "RXW"),
    },
    "mse-success-regime-2016": {
        "btuh": (T.NHS_FOUNDATION_TRUST, "RDD"),
        "meht": (T.NHS_TRUST, "RQ8"),
        "southend_ft": (T.NHS_FOUNDATION_TRUST, "RAJ"),
        "thurrock_ccg": (T.CLINICAL_COMMISSIONING_GROUP, "07G"),
    },
}


def test_the_six_issue_examples_are_bundled() -> None:
    """Every arrangement the project started from ships as an example."""
    assert govmodel.examples.names() == sorted(CONFIRMED)


@pytest.mark.parametrize("name", sorted(CONFIRMED))
def test_example_organisations_carry_confirmed_types_and_ods_codes(name: str) -> None:
    """Each named organisation has its legal type and (only) its confirmed ODS code."""
    model = govmodel.examples.load(name)
    for org_id, (party_type, ods) in CONFIRMED[name].items():
        org = model.organisation(org_id)
        assert (org.type, org.ods) == (party_type, ods)


@pytest.mark.parametrize("name", sorted(CONFIRMED))
def test_every_example_states_its_date_sources_and_gaps(name: str) -> None:
    """Examples say where they come from and what their sources leave out."""
    model = govmodel.examples.load(name)
    assert model.sources and model.notes
    assert all(o.active_on(model.as_of) for o in model.organisations)


def test_an_unknown_example_name_suggests_the_closest() -> None:
    """A misspelt example name lists what it might have meant."""
    with pytest.raises(govmodel.NoSuchRecord, match="msecc-2020"):
        govmodel.examples.load("msecc-2021")
