"""govmodel: model English NHS partnership governance.

Describe a partnership (organisations and their legal types, boards,
committees, joint bodies, posts, delegations, agreements and contracts) and
ask which governance forms are lawful on a date, what is wrong with a scheme
of delegation, and who is accountable for a decision.

Every query is a free function that takes the model first (or, for
:func:`forms` and :func:`timeline`, parties) and keyword-only options after:
:func:`forms`, :func:`classify`, :func:`check`, :func:`trace`,
:func:`who_can_decide`, :func:`what_can_decide`, :func:`timeline`,
:func:`draw`, :func:`pack`, :func:`diff` (two models), :func:`advise` (parties
and their aims). A what-if is
``model.assume(...)``. Records and their ids are accepted alike. The model's methods
(``model.forms()``, ``model.classify(...)``) are conveniences that call them.
"""

from govmodel import examples, law
from govmodel._version import __version__
from govmodel.analysis.authority import Grant, Grants, what_can_decide, who_can_decide
from govmodel.analysis.classify import Classification, LegalCharacter, classify
from govmodel.analysis.forms import forms
from govmodel.analysis.trace import Trace, trace
from govmodel.builder import Builder
from govmodel.checks import (
    Finding,
    Report,
    Severity,
    check,
    is_valid,
    iter_findings,
    validate,
)
from govmodel.compare import ModelDiff, diff
from govmodel.errors import (
    BrowserMissing,
    DiagramTooLarge,
    GovModelError,
    ModelError,
    NoSuchRecord,
    OverwriteRefused,
    PartyNotInExistence,
    SchemeInvalid,
    UnknownKind,
)
from govmodel.io import dumps, load, loads, model_schema, read_excel, save
from govmodel.law.advice import Advice, advise
from govmodel.law.timeline import Timeline, timeline
from govmodel.law.verdicts import FormsResult, FormVerdict
from govmodel.locations import Location, Problem
from govmodel.model.governance import GovernanceModel
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
from govmodel.pack import pack
from govmodel.render.dot import draw, render
from govmodel.render.mermaid import to_mermaid

__all__ = [
    "Advice",
    "Agreement",
    "AgreementKind",
    "Body",
    "BodyKind",
    "BrowserMissing",
    "Builder",
    "Classification",
    "Contract",
    "ContractKind",
    "Delegation",
    "DiagramTooLarge",
    "Expectation",
    "Finding",
    "FormId",
    "FormVerdict",
    "FormsResult",
    "GovModelError",
    "GovernanceModel",
    "Grant",
    "Grants",
    "LegalCharacter",
    "Location",
    "Matter",
    "MemberRole",
    "Membership",
    "ModelDiff",
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
    "Timeline",
    "Trace",
    "UnknownKind",
    "Verdict",
    "__version__",
    "advise",
    "check",
    "classify",
    "diff",
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
    "pack",
    "read_excel",
    "render",
    "save",
    "timeline",
    "to_mermaid",
    "trace",
    "validate",
    "what_can_decide",
    "who_can_decide",
]
