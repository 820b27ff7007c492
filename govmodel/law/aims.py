"""What partners want from a governance form, and how far each form gives it: the
table ``govmodel advise`` ranks forms by (``law/rules/aims.yaml``).

Each point says whether a form ``serves`` an aim, serves it ``partly`` or
``fails`` it, why, and the rules of the rulebook it rests on. The file is read
and checked like the rule files: against its schema, then every form and aim
present, every rule named in the rulebook; every problem is reported at once,
located (:class:`~govmodel.law.rulebook.RulebookError`).

>>> table = aims()
>>> table.point("contractual_joint_venture", "include_non_nhs").rating
'serves'
>>> table.point("joint_committee", "include_non_nhs").rules
('JC-002', 'PTY-006')
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    pass

import functools
from collections.abc import Mapping
from pathlib import Path as FsPath

import attrs

from govmodel.errors import UnknownKind
from govmodel.law.rulebook import RulebookError
from govmodel.law.rulefile import read_rule_file, rules_dir
from govmodel.law.rules import rulebook
from govmodel.locations import Problem
from govmodel.model.kinds import FormId, closest

__all__ = ["AIMS_SCHEMA", "RATINGS", "Aim", "AimTable", "Point", "aims", "load_aims"]

#: How far a form gives an aim, best first, with the score ranking adds up.
RATINGS: dict[str, int] = {"serves": 2, "partly": 1, "fails": 0}

_ID = "^[a-z][a-z0-9_]*$"
AIMS_SCHEMA = {
    "type": "object",
    "additionalProperties": False,
    "required": ["aims", "forms"],
    "properties": {
        "aims": {
            "type": "object",
            "minProperties": 1,
            "propertyNames": {"pattern": _ID},
            "additionalProperties": {
                "type": "object",
                "additionalProperties": False,
                "required": ["title", "question"],
                "properties": {
                    "title": {"type": "string", "minLength": 1},
                    "question": {"type": "string", "minLength": 1},
                },
            },
        },
        "forms": {
            "type": "object",
            "additionalProperties": {
                "type": "object",
                "additionalProperties": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": ["rating", "why", "rules"],
                    "properties": {
                        "rating": {"enum": list(RATINGS)},
                        "why": {"type": "string", "minLength": 1},
                        "rules": {
                            "type": "array",
                            "minItems": 1,
                            "items": {"type": "string", "minLength": 1},
                        },
                    },
                },
            },
        },
    },
}


@attrs.frozen(kw_only=True)
class Aim:
    """Something partners may want: its id, a short title and the question it asks."""

    id: str
    title: str
    question: str


@attrs.frozen(kw_only=True)
class Point:
    """How far ``form`` gives ``aim``: ``rating`` (``serves``, ``partly`` or
    ``fails``), ``why`` in words, and the ``rules`` the point rests on."""

    form: FormId
    aim: str
    rating: str
    why: str
    rules: tuple[str, ...]

    @property
    def score(self) -> int:
        """2 for serves, 1 for partly, 0 for fails."""
        return RATINGS[self.rating]


@attrs.frozen
class AimTable:
    """Every aim, and a point for every form and aim."""

    aims: Mapping[str, Aim]
    points: Mapping[tuple[FormId, str], Point]

    def point(self, form: FormId | str, aim: str) -> Point:
        """How far ``form`` gives ``aim``."""
        return self.points[(FormId.parse(form), self.aim(aim).id)]

    def aim(self, name: str) -> Aim:
        """The aim ``name``; raises :class:`~govmodel.errors.UnknownKind` with the
        closest aims for one that is not in the table."""
        key = name.strip().lower().replace("-", "_")
        if key not in self.aims:
            raise UnknownKind("aim", name, list(self.aims), closest(key, self.aims))
        return self.aims[key]


def load_aims(path: str | FsPath | None = None) -> AimTable:
    """Read and check the table at ``path`` (default: the bundled ``aims.yaml``).

    Raises :class:`~govmodel.law.rulebook.RulebookError` listing every problem.
    """
    target = FsPath(path) if path is not None else rules_dir() / "aims.yaml"
    import jsonschema  # imported when the file is read, not with govmodel

    validator = jsonschema.Draft202012Validator(AIMS_SCHEMA)
    data, where, problems = read_rule_file(target, validator)
    if problems or data is None:
        raise RulebookError(problems)
    book = rulebook()
    table_aims = {
        key: Aim(id=key, title=spec["title"], question=spec["question"])
        for key, spec in data["aims"].items()
    }
    points: dict[tuple[FormId, str], Point] = {}
    for name, entries in data["forms"].items():
        try:
            form = FormId.parse(name)
        except UnknownKind as exc:
            problems.append(
                Problem(("forms", name), str(exc), None, where(("forms", name), key=True))
            )
            continue
        for aim in table_aims:
            if aim not in entries:
                problems.append(
                    Problem(
                        ("forms", name, aim),
                        f"no point for the aim {aim!r}",
                        "Every form needs a point for every aim: add "
                        f"`{aim}: {{rating: ..., why: ..., rules: [...]}}`.",
                        where(("forms", name)),
                    )
                )
        for aim, spec in entries.items():
            at = ("forms", name, aim)
            if aim not in table_aims:
                guess = closest(aim, table_aims)
                did = f"Did you mean {guess[0]!r}? " if guess else ""
                problems.append(
                    Problem(
                        at,
                        f"{aim!r} is not an aim",
                        f"{did}Aims: {', '.join(table_aims)}.",
                        where(at, key=True),
                    )
                )
                continue
            for i, rule in enumerate(spec["rules"]):
                if book.get(rule) is None:
                    guess = closest(rule.upper(), [r.id for r in book])
                    problems.append(
                        Problem(
                            (*at, "rules", i),
                            f"no rule {rule!r} in the rulebook",
                            f"Did you mean {guess[0]!r}?" if guess else "Name a rule's id.",
                            where((*at, "rules", i)),
                        )
                    )
            points[(form, aim)] = Point(
                form=form,
                aim=aim,
                rating=spec["rating"],
                why=spec["why"],
                rules=tuple(spec["rules"]),
            )
    for form in FormId:
        if form.value not in data["forms"]:
            problems.append(
                Problem(
                    ("forms", form.value),
                    f"no points for the form {form.value!r}",
                    "Every governance form needs a point for every aim.",
                    where(("forms",)),
                )
            )
    if problems:
        raise RulebookError(problems)
    return AimTable(table_aims, points)


@functools.cache
def aims() -> AimTable:
    """The bundled table, read and checked on first use."""
    return load_aims()
