"""The model for other tools: GraphML, node-link JSON and JSON-LD.

GraphML and node-link JSON are the full-attribute graph of
:meth:`~govmodel.graph.ModelGraph.to_networkx`, flattened to the scalars those
formats hold (lists joined with ``"; "``, dates as ISO text, empty values left
out). JSON-LD describes the model with the W3C Organization Ontology
(``org:Organization``, ``org:OrganizationalUnit``, ``org:Post``,
``org:Membership``, ``org:hasSubOrganization``, ``org:reportsTo``) and
govmodel's own terms (``gm:``) for delegations, matters, limits and legal
types, all named in :data:`CONTEXT`, which the docs site also publishes at
:data:`CONTEXT_URL`. Every output is deterministic.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import networkx as nx

    from govmodel.model.governance import GovernanceModel

__all__ = [
    "CONTEXT",
    "CONTEXT_URL",
    "EXPORT_SUFFIXES",
    "TERMS",
    "export_text",
    "to_graphml",
    "to_jsonld",
    "to_node_link",
]

#: Where the docs site serves :data:`CONTEXT` (and the terms it defines).
CONTEXT_URL = "https://govmodel.readthedocs.io/ld/context.jsonld"
#: govmodel's own vocabulary.
TERMS = "https://govmodel.readthedocs.io/ld/terms#"
EXPORT_SUFFIXES = (".graphml", ".jsonld", ".json")


def _ref(term: str, *, many: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {"@id": term, "@type": "@id"}
    if many:
        out["@container"] = "@set"
    return out


def _typed(term: str, datatype: str) -> dict[str, str]:
    return {"@id": term, "@type": datatype}


#: The JSON-LD context of :func:`to_jsonld`: ORG terms where the ontology has one,
#: ``gm:`` terms for the rest.
CONTEXT: dict[str, Any] = {
    "@version": 1.1,
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
    "gm": TERMS,
    "Organization": "org:Organization",
    "OrganizationalUnit": "org:OrganizationalUnit",
    "Post": "org:Post",
    "Membership": "org:Membership",
    "Model": "gm:Model",
    "Delegation": "gm:Delegation",
    "Matter": "gm:Matter",
    "Agreement": "gm:Agreement",
    "Contract": "gm:Contract",
    "name": "skos:prefLabel",
    "altName": "skos:altLabel",
    "identifier": "org:identifier",
    "note": "skos:note",
    "classification": _ref("org:classification"),
    "hasSubOrganization": _ref("org:hasSubOrganization", many=True),
    "subOrganizationOf": _ref("org:subOrganizationOf", many=True),
    "reportsTo": _ref("org:reportsTo", many=True),
    "postIn": _ref("org:postIn", many=True),
    "heldBy": _ref("org:heldBy"),
    "holds": _ref("org:holds"),
    "member": _ref("org:member"),
    "organization": _ref("org:organization"),
    "role": _ref("org:role"),
    "personName": "foaf:name",
    "asOf": _typed("gm:asOf", "xsd:date"),
    "start": _typed("gm:start", "xsd:date"),
    "end": _typed("gm:end", "xsd:date"),
    "odsCode": "gm:odsCode",
    "bodyKind": _ref("gm:bodyKind"),
    "postKind": _ref("gm:postKind"),
    "kind": _ref("gm:kind"),
    "voting": _typed("gm:voting", "xsd:boolean"),
    "onBehalfOf": _ref("gm:onBehalfOf"),
    "quorum": _typed("gm:quorum", "xsd:integer"),
    "reserves": _ref("gm:reserves", many=True),
    "delegatedBy": _ref("gm:delegatedBy"),
    "delegatedTo": _ref("gm:delegatedTo"),
    "matter": _ref("gm:matter", many=True),
    "limitGBP": _typed("gm:limitGBP", "xsd:integer"),
    "onwardDelegation": _typed("gm:onwardDelegation", "xsd:boolean"),
    "needsRatification": _typed("gm:needsRatification", "xsd:boolean"),
    "condition": {"@id": "gm:condition", "@container": "@list"},
    "instrument": "gm:instrument",
    "agreement": _ref("gm:agreement"),
    "party": _ref("gm:party", many=True),
    "host": _ref("gm:host"),
    "establishes": _ref("gm:establishes", many=True),
    "commissioner": _ref("gm:commissioner", many=True),
    "provider": _ref("gm:provider", many=True),
    "valueGBP": _typed("gm:valueGBP", "xsd:integer"),
    "service": {"@id": "gm:service", "@container": "@set"},
    "category": "gm:category",
    "legalBasis": "dcterms:source",
    "seeAlso": _ref("rdfs:seeAlso"),
}


def _scalar(value: Any) -> Any:
    if isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple | list):
        return "; ".join(str(_scalar(v)) for v in value) if value else None
    return None if value is None else str(value)


def _flat(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:  # type: ignore[type-arg]
    """The graph with every attribute a scalar (empty ones dropped)."""
    import networkx as nx

    flat: nx.MultiDiGraph = nx.MultiDiGraph()  # type: ignore[type-arg]
    for node, data in graph.nodes(data=True):
        flat.add_node(
            node,
            **{
                k: v
                for k, v in ((k, _scalar(v)) for k, v in data.items())
                if v is not None and v != ""
            },
        )
    for source, target, key, data in graph.edges(keys=True, data=True):
        attrs = {
            k: v for k, v in ((k, _scalar(v)) for k, v in data.items()) if v is not None and v != ""
        }
        flat.add_edge(source, target, key=key, **attrs)
    return flat


def to_graphml(model: GovernanceModel) -> str:
    """The model's graph as GraphML text (reloads with :func:`networkx.read_graphml`).

    >>> import io, networkx as nx, govmodel
    >>> text = to_graphml(govmodel.examples.load("msecc-2020"))
    >>> g = nx.read_graphml(io.BytesIO(text.encode()))
    >>> g.nodes["eput"]["type"], g.nodes["eput"]["ods"]
    ('nhs_foundation_trust', 'R1L')
    """
    import networkx as nx

    flat = _flat(model.to_networkx())
    # Attributes that are numbers on some elements and text on others are written as text.
    for items in (
        list(flat.nodes(data=True)),
        [(None, d) for *_, d in flat.edges(keys=True, data=True)],
    ):
        kinds: dict[str, set[type]] = {}
        for _, data in items:
            for k, v in data.items():
                kinds.setdefault(k, set()).add(type(v))
        mixed = {k for k, ts in kinds.items() if len(ts) > 1}
        for _, data in items:
            for k in mixed & set(data):
                data[k] = str(data[k])
    return "\n".join(nx.generate_graphml(flat, named_key_ids=True)) + "\n"


def to_node_link(model: GovernanceModel) -> dict[str, Any]:
    """The model's graph as node-link data (:func:`networkx.node_link_data`), JSON-ready."""
    import networkx as nx

    return dict(nx.node_link_data(_flat(model.to_networkx()), edges="edges"))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "model"


def to_jsonld(model: GovernanceModel, *, base: str | None = None) -> dict[str, Any]:
    """The model as JSON-LD: ORG terms for organisations, bodies, posts and memberships;
    ``gm:`` terms for delegations, matters, agreements and contracts.

    Records get the IRI ``base`` + id (default ``urn:govmodel:<model name>:``). The
    context is written inline, so the document needs nothing fetched to be read.

    >>> import govmodel
    >>> doc = to_jsonld(govmodel.examples.load("msecc-2020"))
    >>> [n["@type"] for n in doc["@graph"][:2]]
    ['Model', 'Organization']
    """
    base = base or f"urn:govmodel:{_slug(model.name)}:"
    full = model.to_networkx()

    def iri(id: str) -> str:
        return f"{base}{id}"

    def kind_iri(family: str, value: str) -> str:
        return f"gm:{family}/{value}"

    def dated(node: dict[str, Any], record: Any) -> dict[str, Any]:
        for key in ("start", "end"):
            value = getattr(record, key, None)
            if value is not None:
                node[key] = value.isoformat()
        if getattr(record, "note", None):
            node["note"] = record.note
        return node

    graph: list[dict[str, Any]] = [
        {
            "@id": base.rstrip(":"),
            "@type": "Model",
            "name": model.name,
            "asOf": model.as_of.isoformat(),
        }
    ]
    for o in model.organisations:
        node: dict[str, Any] = {
            "@id": iri(o.id),
            "@type": "Organization",
            "identifier": o.id,
            "name": o.name,
            "classification": kind_iri("party", o.type.value),
            "hasSubOrganization": [iri(b.id) for b in model.bodies if o.id in b.organisations],
        }
        node["legalBasis"] = full.nodes[o.id]["legal_basis"]
        node["seeAlso"] = full.nodes[o.id]["legal_basis_url"]
        if o.short_name:
            node["altName"] = o.short_name
        if o.ods:
            node["odsCode"] = o.ods
        graph.append(dated(node, o))
    matters_used: list[str] = []
    for b in model.bodies:
        node = {
            "@id": iri(b.id),
            "@type": "OrganizationalUnit",
            "identifier": b.id,
            "name": b.name,
            "bodyKind": kind_iri("body", b.kind.value),
            "subOrganizationOf": [iri(o) for o in b.organisations],
        }
        if b.reports_to:
            node["reportsTo"] = [iri(t) for t in b.reports_to]
        if b.reserved:
            node["reserves"] = [iri(m) for m in b.reserved]
            matters_used += b.reserved
        if b.quorum is not None:
            node["quorum"] = b.quorum
        graph.append(dated(node, b))
        for i, m in enumerate(b.members):
            membership: dict[str, Any] = {
                "@id": iri(f"{b.id}#member-{i + 1}"),
                "@type": "Membership",
                "organization": iri(b.id),
                "role": kind_iri("role", m.role.value),
                "voting": m.voting,
            }
            if m.post:
                membership["member"] = {"@type": "foaf:Agent", "holds": iri(m.post)}
            else:
                membership["member"] = {"@type": "foaf:Agent", "personName": m.person or "?"}
            if m.on_behalf_of:
                membership["onBehalfOf"] = iri(m.on_behalf_of)
            graph.append(dated(membership, m))
    for p in model.posts:
        node = {
            "@id": iri(p.id),
            "@type": "Post",
            "identifier": p.id,
            "name": p.title,
            "postKind": kind_iri("post", p.kind.value),
            "postIn": [iri(o) for o in p.organisations],
        }
        if p.holder:
            node["heldBy"] = {"@type": "foaf:Person", "personName": p.holder}
        graph.append(dated(node, p))
    for d in model.delegations:
        node = {
            "@id": iri(d.id),
            "@type": "Delegation",
            "identifier": d.id,
            "delegatedBy": iri(d.from_),
            "delegatedTo": iri(d.to),
            "matter": [iri(m) for m in d.matters],
            "onwardDelegation": d.onward,
            "needsRatification": d.ratification,
        }
        matters_used += d.matters
        edge = full.edges[d.from_, d.to, d.id]
        node["legalBasis"], node["seeAlso"] = edge["citation"], edge["citation_url"]
        if d.limit is not None:
            node["limitGBP"] = d.limit
        if d.conditions:
            node["condition"] = list(d.conditions)
        if d.instrument:
            node["instrument"] = d.instrument
        if d.agreement:
            node["agreement"] = iri(d.agreement)
        graph.append(dated(node, d))
    own = {m.id for m in model.matters}
    for matter in model.all_matters():
        if matter.id in own or matter.id in matters_used:
            graph.append(
                {
                    "@id": iri(matter.id),
                    "@type": "Matter",
                    "identifier": matter.id,
                    "name": matter.name,
                    "category": matter.category,
                }
            )
    for a in model.agreements:
        node = {
            "@id": iri(a.id),
            "@type": "Agreement",
            "identifier": a.id,
            "name": a.name,
            "kind": kind_iri("agreement", a.kind.value),
            "party": [iri(o) for o in a.parties],
        }
        if a.host:
            node["host"] = iri(a.host)
        if a.bodies:
            node["establishes"] = [iri(b) for b in a.bodies]
        graph.append(dated(node, a))
    for c in model.contracts:
        node = {
            "@id": iri(c.id),
            "@type": "Contract",
            "identifier": c.id,
            "name": c.name,
            "kind": kind_iri("contract", c.kind.value),
            "commissioner": [iri(o) for o in c.commissioners],
            "provider": [iri(o) for o in c.providers],
        }
        if c.services:
            node["service"] = list(c.services)
        if c.value is not None:
            node["valueGBP"] = c.value
        graph.append(dated(node, c))
    return {"@context": CONTEXT, "@graph": graph}


def export_text(model: GovernanceModel, fmt: str) -> str:
    """The model in one of the interop formats: ``graphml``, ``jsonld`` or ``json``
    (node-link), as deterministic text."""
    if fmt == "graphml":
        return to_graphml(model)
    if fmt == "jsonld":
        data = to_jsonld(model)
    elif fmt == "json":
        data = to_node_link(model)
    else:
        raise ValueError(f"format must be graphml, jsonld or json, not {fmt!r}")
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
