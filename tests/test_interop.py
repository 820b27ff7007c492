"""Interop: the full-attribute graph, GraphML, node-link JSON and JSON-LD."""

from __future__ import annotations

import io
import json
from pathlib import Path

import networkx as nx
import pytest
import rdflib
from rdflib.namespace import RDF

import govmodel
from govmodel.render.interop import CONTEXT, TERMS, export_text, to_graphml, to_jsonld

from .conftest import run

ORG = rdflib.Namespace("http://www.w3.org/ns/org#")
GM = rdflib.Namespace(TERMS)


def test_to_networkx_carries_every_field() -> None:
    """Nodes carry their records' fields; delegation edges their matters, limit, dates,
    instrument and the citation of the power they rest on."""
    model = govmodel.examples.load("msecc-2023")
    g = model.to_networkx()
    eput = g.nodes["eput"]
    assert eput["kind"] == "organisation" and eput["type"] == "nhs_foundation_trust"
    assert eput["ods"] == "R1L" and eput["start"].isoformat() == "2017-04-01"
    assert eput["legal_basis_url"].startswith("https://www.legislation.gov.uk/")
    assert g.nodes["msecc.board"]["body_kind"] == "partnership_board"
    for d in model.delegations:
        edge = g.edges[d.from_, d.to, d.id]
        assert edge["matters"] == d.matters and edge["limit"] == d.limit
        assert edge["start"] == d.start and edge["instrument"] == d.instrument
        assert edge["citation"] and edge["citation_url"].startswith("https://")
    member = next(d for s, t, d in g.edges(data=True) if d["relation"] == "member_of")
    assert {"voting", "role", "on_behalf_of"} <= set(member)


@pytest.mark.parametrize("name", govmodel.examples.names())
def test_graphml_reloads_with_networkx(name: str) -> None:
    """Every example's GraphML reads back with the same nodes and edges."""
    model = govmodel.examples.load(name)
    g = model.to_networkx()
    back = nx.read_graphml(io.BytesIO(to_graphml(model).encode()), force_multigraph=True)
    assert set(back.nodes) == set(g.nodes)
    assert back.number_of_edges() == g.number_of_edges()
    assert to_graphml(model) == to_graphml(model)


def test_graphml_keeps_limits_and_dates() -> None:
    """A limit stays a number and a date ISO text in GraphML."""
    model = govmodel.examples.load("msecc-2020")
    back = nx.read_graphml(io.BytesIO(to_graphml(model).encode()), force_multigraph=True)
    assert back.nodes["eput"]["start"] == "2017-04-01"
    edge = back.edges["eput.board", "msecc.board", "eput-to-msecc"]
    assert edge["matters"] == "msecc_collaborative_decisions"


@pytest.mark.parametrize("name", govmodel.examples.names())
def test_jsonld_parses_into_triples_with_the_org_terms(name: str) -> None:
    """rdflib reads the JSON-LD; organisations, bodies, posts and memberships are typed
    with the W3C Organization Ontology, bodies hang under organisations and report."""
    model = govmodel.examples.load(name)
    graph = rdflib.Graph().parse(data=export_text(model, "jsonld"), format="json-ld")
    assert len(list(graph.subjects(RDF.type, ORG.Organization))) == len(model.organisations)
    assert len(list(graph.subjects(RDF.type, ORG.OrganizationalUnit))) == len(model.bodies)
    assert len(list(graph.subjects(RDF.type, ORG.Post))) == len(model.posts)
    members = sum(len(b.members) for b in model.bodies)
    assert len(list(graph.subjects(RDF.type, ORG.Membership))) == members
    assert len(list(graph.triples((None, ORG.hasSubOrganization, None)))) == sum(
        len(b.organisations) for b in model.bodies
    )
    assert len(list(graph.triples((None, ORG.reportsTo, None)))) == sum(
        len(b.reports_to) for b in model.bodies
    )
    assert len(list(graph.subjects(RDF.type, GM.Delegation))) == len(model.delegations)


def test_jsonld_says_who_delegates_what_to_whom_and_the_limit() -> None:
    """A delegation's triples name the delegator, the receiver, the matters and the limit."""
    model = govmodel.loads(
        "name: T\nas_of: 2024-04-01\norganisations: [{id: a, name: A, type: ft}]\n"
        "bodies: [{id: a.board, name: Board, kind: board, organisations: [a]}]\n"
        "posts: [{id: a.ceo, title: CEO, kind: ceo, organisation: a}]\n"
        "delegations: [{id: d, from: a.board, to: a.ceo, matters: [approve_expenditure],"
        " limit: 250000}]\n"
    )
    graph = rdflib.Graph().parse(data=json.dumps(to_jsonld(model)), format="json-ld")
    d = rdflib.URIRef("urn:govmodel:t:d")
    assert graph.value(d, GM.delegatedBy) == rdflib.URIRef("urn:govmodel:t:a.board")
    assert graph.value(d, GM.limitGBP).toPython() == 250000
    assert graph.value(rdflib.URIRef("urn:govmodel:t:a.ceo"), ORG.postIn) == rdflib.URIRef(
        "urn:govmodel:t:a"
    )
    assert (
        rdflib.URIRef("urn:govmodel:t:a"),
        ORG.classification,
        GM["party/nhs_foundation_trust"],
    ) in graph


def test_the_context_names_only_org_and_govmodel_terms() -> None:
    """Every term of the context is an ORG, W3C or gm: term, and it serialises."""
    json.dumps(CONTEXT)
    prefixes = {"org", "skos", "foaf", "rdfs", "xsd", "dcterms", "gm"}
    for key, value in CONTEXT.items():
        if key.startswith("@") or key in prefixes:
            continue
        term = value if isinstance(value, str) else value["@id"]
        assert term.split(":")[0] in prefixes, key


def test_the_export_command_writes_each_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`govmodel export` writes GraphML, JSON-LD and node-link JSON, refuses to overwrite,
    prints with -o - and --format, and refuses an unknown suffix."""
    path = str(govmodel.examples.path("nics-2021"))
    for suffix in ("graphml", "jsonld", "json"):
        out = tmp_path / f"nics.{suffix}"
        assert run(capsys, "export", path, "-o", str(out))[0] == 0
        assert out.stat().st_size > 100
    assert run(capsys, "export", path, "-o", str(tmp_path / "nics.json"))[0] == 2
    code, stdout, _ = run(capsys, "export", path, "-o", "-", "--format", "jsonld")
    assert code == 0 and json.loads(stdout)["@graph"][0]["@type"] == "Model"
    code, _, err = run(capsys, "export", path, "-o", str(tmp_path / "x.rdf"))
    assert code == 2 and ".graphml" in err
