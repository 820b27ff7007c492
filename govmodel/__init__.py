"""govmodel: model English NHS partnership governance.

Describe a partnership (organisations and their legal types, boards,
committees, joint bodies, posts, delegations, agreements and contracts) and
ask which governance forms are lawful on a date, what is wrong with a scheme
of delegation, and who is accountable for a decision.
"""

from govmodel import examples, law
from govmodel.authority import Grant, what_can_decide, who_can_decide
from govmodel.builder import Builder
from govmodel.checks import (
    Finding,
    Report,
    SchemeInvalid,
    Severity,
    check,
    is_valid,
    iter_findings,
    validate,
)
from govmodel.errors import (
    GovModelError,
    ModelError,
    NoSuchRecord,
    OverwriteRefused,
    PartyNotInExistence,
    UnknownKind,
)
from govmodel.graph import GovernanceModel, Location
from govmodel.io import Problem, dumps, load, loads, model_schema, save
from govmodel.law.classify import Classification, LegalCharacter, classify
from govmodel.law.verdicts import FormsResult, FormVerdict, forms
from govmodel.model.kinds import (
    AgreementKind,
    BodyKind,
    ContractKind,
    FormId,
    MemberRole,
    PartyType,
    PostKind,
    Verdict,
)
from govmodel.model.records import (
    Agreement,
    Body,
    Contract,
    Delegation,
    Expectation,
    Matter,
    Membership,
    Organisation,
    Post,
    ReportingLine,
)
from govmodel.render.dot import draw, render
from govmodel.render.mermaid import to_mermaid
from govmodel.trace import Trace, trace

__version__ = "0.1.0"

__all__ = [
    "Agreement",
    "AgreementKind",
    "Body",
    "BodyKind",
    "Builder",
    "Classification",
    "Contract",
    "ContractKind",
    "Delegation",
    "Expectation",
    "Finding",
    "FormId",
    "FormVerdict",
    "FormsResult",
    "GovModelError",
    "GovernanceModel",
    "Grant",
    "LegalCharacter",
    "Location",
    "Matter",
    "MemberRole",
    "Membership",
    "ModelError",
    "NoSuchRecord",
    "Organisation",
    "OverwriteRefused",
    "PartyNotInExistence",
    "PartyType",
    "Post",
    "PostKind",
    "Problem",
    "Report",
    "ReportingLine",
    "SchemeInvalid",
    "Severity",
    "Trace",
    "UnknownKind",
    "Verdict",
    "__version__",
    "check",
    "classify",
    "draw",
    "dumps",
    "examples",
    "forms",
    "is_valid",
    "iter_findings",
    "law",
    "load",
    "loads",
    "model_schema",
    "render",
    "save",
    "to_mermaid",
    "trace",
    "validate",
    "what_can_decide",
    "who_can_decide",
]
