"""Strategies for model documents that set every key a file may hold (see
:mod:`govmodel.strategies`)."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from govmodel.model.governance import GovernanceModel
from govmodel.model.kinds import Kind
from govmodel.model.records import (
    Expectation,
    Membership,
)
from govmodel.strategies.models import MATTER_IDS, days, text
from govmodel.strategies.policies import policies


def _kinds_of(cls: type) -> dict[str, type[Kind]]:
    """Record field key -> the Kind enum it holds."""
    import typing

    from govmodel.io.schema import field_specs

    hints = typing.get_type_hints(cls)
    out: dict[str, type[Kind]] = {}
    for spec in field_specs(cls):
        args = [a for a in typing.get_args(hints[spec.name]) if a is not type(None)]
        tp = args[0] if args else hints[spec.name]
        if isinstance(tp, type) and issubclass(tp, Kind):
            out[spec.key] = tp
    return out


def _value(draw: st.DrawFn, cls: type, spec: Any, pools: dict[str, list[str]]) -> Any:
    """A value for one field, from its schema and the ids it may refer to."""
    schema = spec.schema
    if spec.ref:
        pool = pools[spec.ref]
        if schema["type"] == "array":
            return draw(st.lists(st.sampled_from(pool), min_size=1, max_size=3, unique=True))
        return draw(st.sampled_from(pool))
    kinds = _kinds_of(cls)
    if spec.key in kinds:
        return draw(st.sampled_from([k.value for k in kinds[spec.key]]))
    kind = schema.get("type")
    if kind == "string" and schema.get("format") == "date":
        return draw(days).isoformat()
    if kind == "string":
        return draw(text)
    if kind == "integer":
        return draw(st.integers(0, 10**9))
    if kind == "boolean":
        return draw(st.booleans())
    if kind == "array" and schema["items"].get("type") == "string":
        return draw(st.lists(text, min_size=1, max_size=3))
    raise AssertionError(f"no strategy for {cls.__name__}.{spec.key}: {schema}")


def _record(
    draw: st.DrawFn,
    cls: type,
    rid: str | None,
    pools: dict[str, list[str]],
    *,
    every: bool,
    skip: tuple[str, ...] = (),
) -> dict[str, Any]:
    """A plain record of ``cls``: the required fields, and the optional ones (all of
    them when ``every``, else a drawn few)."""
    from govmodel.io.schema import field_specs

    out: dict[str, Any] = {}
    for spec in field_specs(cls):
        if spec.key in skip:
            continue
        if spec.key == "id":
            out["id"] = rid
        elif spec.required or every or draw(st.booleans()):
            out[spec.key] = _value(draw, cls, spec, pools)
    if "start" in out and "end" in out and out["end"] < out["start"]:
        out["start"], out["end"] = out["end"], out["start"]
    return out


@st.composite
def full_documents(draw: st.DrawFn) -> dict[str, Any]:
    """A valid plain model document in which every field can be set: the first record
    of each collection (and the first member) sets every field, the others a drawn
    few, and the top level holds every list (notes, sources, ignore, expected
    findings, stated facts, local policies, partners).

    Records come from the fields' own descriptions (``field_specs``), so a field
    added to a record later is generated here without a change.
    """
    from govmodel.io.validate import problems_in
    from govmodel.law.rules import rulebook
    from govmodel.model.governance import COLLECTIONS
    from govmodel.model.records import StatedFact

    sizes = {
        "organisations": draw(st.integers(2, 4)),
        "bodies": draw(st.integers(2, 5)),
        "posts": draw(st.integers(1, 4)),
        "matters": draw(st.integers(1, 2)),
        "delegations": draw(st.integers(1, 4)),
        "agreements": draw(st.integers(1, 2)),
        "contracts": draw(st.integers(1, 2)),
    }
    prefix = {c: c[:3] for c in COLLECTIONS}
    ids = {c: [f"{prefix[c]}{i}" for i in range(n)] for c, n in sizes.items()}
    pools = dict(ids)
    pools["matters"] = ids["matters"] + MATTER_IDS
    pools["holders"] = ids["bodies"] + ids["posts"]
    doc: dict[str, Any] = {"name": draw(text), "as_of": draw(days).isoformat()}
    for collection, cls in COLLECTIONS.items():
        skip = ("in_common", "members") if collection == "bodies" else ()
        doc[collection] = [
            _record(draw, cls, rid, pools, every=i == 0, skip=skip)
            for i, rid in enumerate(ids[collection])
        ]
    for i, body in enumerate(doc["bodies"]):
        body["members"] = [
            _record(draw, Membership, None, pools, every=j == 0)
            for j in range(draw(st.integers(1 if i == 0 else 0, 3)))
        ]
    for body in doc["bodies"]:
        for member in body["members"]:
            if "post" not in member and "person" not in member:
                member["post"] = draw(st.sampled_from(ids["posts"]))
    for d in doc["delegations"]:
        if d["from"] == d["to"]:
            d["to"] = next(h for h in pools["holders"] if h != d["from"])
    # a committees-in-common group and one organisation's committee meeting in it
    group, member = doc["bodies"][0], doc["bodies"][1]
    group["kind"] = "committees_in_common"
    member["organisations"] = [group["organisations"][0]]
    member["in_common"] = group["id"]
    everything = [i for c in ids.values() for i in c]
    doc["description"] = draw(text)
    doc["partners"] = draw(st.lists(st.sampled_from(ids["organisations"]), min_size=1, unique=True))
    for key in ("notes", "sources", "ignore"):
        doc[key] = draw(st.lists(text, min_size=1, max_size=2))
    doc["expected"] = [
        _record(draw, Expectation, None, {**pools, "subjects": everything}, every=True)
        | {"subjects": draw(st.lists(st.sampled_from(everything), min_size=1, unique=True))}
    ]
    doc["facts"] = [
        _record(draw, StatedFact, None, pools, every=True)
        | {"fact": draw(st.sampled_from(sorted(rulebook().facts)))}
    ]
    from govmodel.io.convert import from_plain, plain_value, policy_to_plain

    drawn = draw(policies(from_plain(doc)))
    doc["policies"] = [plain_value(policy_to_plain(p)) for p in drawn]
    problems = problems_in(doc)
    assert not problems, problems
    return doc


def full_models() -> st.SearchStrategy[GovernanceModel]:
    """Models from :func:`full_documents`: every field of every record can be set."""
    from govmodel.io.convert import from_plain

    return full_documents().map(from_plain)
