"""Tables for board papers: the scheme of delegation, the authority matrix, membership.

pandas is imported only when a table is built. Rows are sorted so the same
model always gives the same table; :func:`export_excel` writes a workbook that
is byte-identical for the same model and date.
"""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from govmodel.analysis.authority import grants
from govmodel.errors import InvalidArgument
from govmodel.law.accountability import statutory_reserved
from govmodel.render.escape import csv_cell

if TYPE_CHECKING:
    import pandas as pd

    from govmodel.model.governance import GovernanceModel

__all__ = [
    "KINDS",
    "authority_matrix",
    "csv_text",
    "delegation_table",
    "excel_bytes",
    "export_csv",
    "export_excel",
    "membership_table",
    "table",
]

KINDS = ("delegation", "authority", "membership")


def delegation_table(model: GovernanceModel, *, on: date | str | None = None) -> pd.DataFrame:
    """The scheme of reservation and delegation: one row per matter and delegation.

    Columns: matter, matter name, reserved to (by the model or by statute),
    delegated from, delegated to, limit (GBP), onward delegation, ratification,
    instrument, start, end.
    """
    import pandas as pd

    on = model.resolve_on(on)
    current = model.on(on)
    rows = []
    for d in sorted(current.delegations, key=lambda d: d.id):
        for m in d.matters:
            rows.append(
                {
                    "matter": m,
                    "matter name": model.matter(m).name,
                    "reserved to": _reserved_to(current, m),
                    "delegated from": d.from_,
                    "delegated to": d.to,
                    "limit (GBP)": d.limit,
                    "onward delegation": "yes" if d.onward else "no",
                    "ratification": "yes" if d.ratification else "no",
                    "instrument": d.instrument or (d.agreement or ""),
                    "start": d.start.isoformat() if d.start else "",
                    "end": d.end.isoformat() if d.end else "",
                }
            )
    reserved = {(m, b.id) for b in current.bodies for m in b.reserved}
    for m, body in sorted(reserved):
        rows.append(
            {
                "matter": m,
                "matter name": model.matter(m).name,
                "reserved to": body,
                "delegated from": "",
                "delegated to": "",
                "limit (GBP)": None,
                "onward delegation": "",
                "ratification": "",
                "instrument": "reserved by the body",
                "start": "",
                "end": "",
            }
        )
    frame = pd.DataFrame(
        rows,
        columns=[
            "matter",
            "matter name",
            "reserved to",
            "delegated from",
            "delegated to",
            "limit (GBP)",
            "onward delegation",
            "ratification",
            "instrument",
            "start",
            "end",
        ],
    )
    return (
        frame.astype({"limit (GBP)": "Int64"})
        .sort_values(["matter", "delegated from", "delegated to"], kind="stable")
        .reset_index(drop=True)
    )


def _reserved_to(model: GovernanceModel, matter: str) -> str:
    out = [b.id for b in model.bodies if matter in b.reserved]
    for org in model.organisations:
        found = statutory_reserved(org.type, matter)
        if found:
            out.append(f"{org.id} {found[0].value.replace('_', ' ')} ({found[1]})")
    return "; ".join(sorted(out))


def authority_matrix(model: GovernanceModel, *, on: date | str | None = None) -> pd.DataFrame:
    """Matter x holder: the limit each holder may decide to ("no limit" when unlimited).

    Only matters that someone in the model holds through a delegation, and the
    statutory holders of those matters, are shown.
    """
    import pandas as pd

    on = model.resolve_on(on)
    found = grants(model, on)
    delegated = {g.matter for g in found if g.delegations}
    found_by: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for g in found:
        if g.matter in delegated:
            text = "no limit" if g.limit is None else f"£{g.limit:,}"
            found_by.setdefault((g.matter, g.holder), []).append((g.organisation, text))
    cells = {}
    for key, entries in found_by.items():
        if len(entries) == 1:
            cells[key] = entries[0][1]
        else:
            cells[key] = "; ".join(f"{text} (for {org})" for org, text in sorted(entries))
    matters = sorted({m for m, _ in cells})
    holders = sorted({h for _, h in cells})
    frame = pd.DataFrame(
        [[cells.get((m, h), "") for h in holders] for m in matters],
        index=pd.Index(matters, name="matter"),
        columns=holders,
    )
    return frame


def membership_table(model: GovernanceModel, *, on: date | str | None = None) -> pd.DataFrame:
    """Body x member: role, voting, on behalf of, the post's organisation and dates."""
    import pandas as pd

    current = model.on(model.resolve_on(on))
    rows = []
    for b in sorted(current.bodies, key=lambda b: b.id):
        for m in b.members:
            post = current.post(m.post) if m.post and m.post in current else None
            rows.append(
                {
                    "body": b.id,
                    "body name": b.name,
                    "member": m.who,
                    "title": post.title if post else (m.person or ""),
                    "organisation": (post.organisation or "") if post else "",
                    "role": m.role.value,
                    "voting": "yes" if m.voting else "no",
                    "on behalf of": m.on_behalf_of or "",
                    "start": m.start.isoformat() if m.start else "",
                    "end": m.end.isoformat() if m.end else "",
                }
            )
    return pd.DataFrame(
        rows,
        columns=[
            "body",
            "body name",
            "member",
            "title",
            "organisation",
            "role",
            "voting",
            "on behalf of",
            "start",
            "end",
        ],
    )


def table(model: GovernanceModel, kind: str, *, on: date | str | None = None) -> pd.DataFrame:
    """One of the tables by name: ``delegation``, ``authority`` or ``membership``."""
    builders = {
        "delegation": delegation_table,
        "authority": authority_matrix,
        "membership": membership_table,
    }
    if kind not in builders:
        raise InvalidArgument("kind", kind, f"one of {', '.join(KINDS)}")
    return builders[kind](model, on=on)


def csv_text(
    model: GovernanceModel, *, kind: str = "delegation", on: date | str | None = None
) -> str:
    """One table as CSV text (UTF-8, deterministic); no cell can be read as a formula
    (:func:`~govmodel.render.escape.csv_cell`)."""
    frame = table(model, kind, on=on)
    safe = frame.map(csv_cell)
    if kind == "authority":
        safe.index = safe.index.map(csv_cell)
    safe.columns = [csv_cell(c) for c in safe.columns]
    return str(safe.to_csv(index=(kind == "authority"), lineterminator="\n"))


def export_csv(
    model: GovernanceModel,
    path: str | os.PathLike[str],
    *,
    kind: str = "delegation",
    on: date | str | None = None,
    protect: tuple[str | None, ...] = (),
    overwrite: bool = False,
) -> Path:
    """Write one table as CSV (see :func:`csv_text`) through the one safe write path:
    an existing file only with ``overwrite=True``."""
    from govmodel.io.output import write_output

    return write_output(
        path, csv_text(model, kind=kind, on=on), overwrite=overwrite, protect=protect
    )


def export_excel(
    model: GovernanceModel,
    path: str | os.PathLike[str],
    *,
    on: date | str | None = None,
    protect: tuple[str | None, ...] = (),
    overwrite: bool = False,
) -> Path:
    """Write the board-ready workbook (:func:`excel_bytes`) through the one safe write
    path: an existing file only with ``overwrite=True``."""
    from govmodel.io.output import write_output

    return write_output(path, excel_bytes(model, on=on), overwrite=overwrite, protect=protect)


def excel_bytes(model: GovernanceModel, *, on: date | str | None = None) -> bytes:
    """The board-ready workbook: a cover sheet (model, as-of date, govmodel version,
    findings in brief), the scheme of delegation, the authority matrix, membership
    and the findings of :func:`govmodel.check`.

    Names stand with their ids beside them, limits are in pounds, dates are dates;
    every sheet prints on A4 landscape, fitted to the width, with its header row
    repeated on each page. The bytes are the same for the same model and date.
    """
    from govmodel.render.workbook import board_workbook

    return board_workbook(model, model.resolve_on(on))
