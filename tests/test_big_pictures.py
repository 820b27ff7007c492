"""An arrangement too large for one diagram: an overview on purpose, or a refusal that
names ``--focus``, never minutes of ``dot``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import govmodel
from govmodel.errors import DiagramTooLarge
from govmodel.render.a4 import MAX_BOXES, pages
from govmodel.render.dot import scene_for
from govmodel.render.parts import Parts

from .conftest import run


def _trusts(count: int, *, joint: int = 0) -> govmodel.GovernanceModel:
    """``count`` NHS trusts, each with a board and an audit committee, and ``joint``
    joint committees of neighbouring trusts, each given a matter by both boards."""
    data: dict[str, list[dict[str, object]]] = {
        "organisations": [],
        "bodies": [],
        "delegations": [],
    }
    for i in range(count):
        data["organisations"].append({"id": f"t{i}", "name": f"Trust {i}", "type": "nhs_trust"})
        data["bodies"] += [
            {
                "id": f"t{i}.board",
                "name": f"Trust {i} board",
                "kind": "board",
                "organisations": [f"t{i}"],
            },
            {
                "id": f"t{i}.audit",
                "name": f"Trust {i} audit committee",
                "kind": "committee",
                "organisations": [f"t{i}"],
                "reports_to": [f"t{i}.board"],
            },
        ]
    for j in range(joint):
        a, b = f"t{2 * j}", f"t{2 * j + 1}"
        data["bodies"].append(
            {
                "id": f"jc{j}",
                "name": f"Joint committee {j}",
                "kind": "joint_committee",
                "organisations": [a, b],
                "reports_to": [f"{a}.board", f"{b}.board"],
            }
        )
        data["delegations"] += [
            {
                "id": f"jc{j}.{o}",
                "from": f"{o}.board",
                "to": f"jc{j}",
                "matters": ["approve_business_case"],
            }
            for o in (a, b)
        ]
    return govmodel.loads(json.dumps({"name": "Many trusts", "as_of": "2024-06-01", **data}))


def test_the_boxes_counted_are_those_the_whole_diagram_draws() -> None:
    """Counting from the records gives the boxes of the whole scene, ends aside."""
    for name in govmodel.examples.names():
        model = govmodel.examples.load(name)
        for posts in (True, False, "auto"):
            for contracts in (True, False):
                scene = scene_for(model, posts=posts, contracts=contracts, findings=False)
                drawn = [n for n in scene.nodes if n.role != "end"]
                parts = Parts(model, model.as_of, posts=posts, contracts=contracts)
                assert parts.boxes() == len(drawn), (name, posts, contracts)


@pytest.mark.needs_dot
def test_over_the_limit_the_organisations_and_their_joint_bodies_are_drawn() -> None:
    """One page: every organisation and every joint committee, nothing inside the
    organisations, and a note naming --focus."""
    model = _trusts(MAX_BOXES // 3 + 1, joint=3)
    found = pages(model)
    assert len(found) == 1
    page = found[0]
    assert page.name == "overview"
    assert "--focus" in page.note
    scene = page.diagram.scene
    ids = {n.id for n in scene.nodes}
    assert {f"org__{o.id}" for o in model.organisations} <= ids
    assert {"jc0", "jc1", "jc2"} <= ids
    assert not any(i.endswith((".board", ".audit")) for i in ids)


def test_when_even_the_overview_is_too_large_the_drawing_is_refused() -> None:
    """The error says how many boxes, names --focus and organisations to focus on."""
    model = _trusts(MAX_BOXES + 1)
    with pytest.raises(DiagramTooLarge) as raised:
        pages(model)
    assert raised.value.boxes == 3 * (MAX_BOXES + 1)
    assert "--focus" in str(raised.value)
    assert raised.value.suggestions == ("t0", "t1", "t10")


def test_the_command_refuses_with_a_located_message_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Exit 2, the file named, --focus suggested, no traceback and no file."""
    path = tmp_path / "trusts.yaml"
    govmodel.save(_trusts(MAX_BOXES + 1), path)
    out = tmp_path / "trusts.svg"
    code, _, err = run(capsys, "draw", str(path), "-o", str(out))
    assert code == 2
    assert str(path) in err and "--focus t0" in err
    assert "Traceback" not in err
    assert not out.exists()


@pytest.mark.needs_dot
def test_a_focus_on_a_large_arrangement_is_drawn(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--focus draws one organisation and its neighbours whatever the whole size."""
    path = tmp_path / "trusts.yaml"
    govmodel.save(_trusts(MAX_BOXES + 1, joint=1), path)
    out = tmp_path / "t0.dot"
    code, _, err = run(capsys, "draw", str(path), "-o", str(out), "--focus", "t0")
    assert code == 0, err
    text = out.read_text(encoding="utf-8")
    assert 'id="node-t0.board"' in text and 'id="node-jc0"' in text
    assert 'id="node-t5.board"' not in text
