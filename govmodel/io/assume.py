"""What-if: a model with some fields set to other values and some facts stated,
checked as a loaded file is. The file itself is never touched.

A change names a record's field, ``ID.FIELD`` (``msecc.board.quorum``: record
ids may hold dots, field names never do), or a top-level key (``partners``).
Values from the command line are text, read by the field's type: whole
numbers (``250k`` for a limit), yes or no, dates, lists separated by commas or
written in YAML's flow style (``[eput, nelft]``); ``null`` unsets an optional
field. Values from Python and from scenario files are plain data.

The changed document goes through every check a model file gets. A problem in
a changed record is reported at the option (``--assume ...``) or the scenario
file's key that made the change, so the user sees what to correct.

>>> import govmodel
>>> m = govmodel.examples.load("msecc-2020")
>>> what_if = assume(m, [Change.parse("msecc.board.quorum=5")])
>>> what_if.body("msecc.board").quorum, str(what_if.assumed[0])
(5, 'msecc.board.quorum = 5 (was unset)')
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import attrs

from govmodel.errors import ModelError
from govmodel.io.convert import from_plain, plain_value, to_document
from govmodel.io.schema import TOP_LEVEL, field_specs
from govmodel.io.validate import problems_in
from govmodel.locations import ArgumentLocation, Location, Path, Problem
from govmodel.model.governance import COLLECTIONS, GovernanceModel
from govmodel.model.kinds import closest
from govmodel.model.money import parse_pounds
from govmodel.model.records import Assumption
from govmodel.reading import parse

__all__ = ["Change", "FactChange", "assume", "unknown_fact"]

_TOP = {key: schema for key, schema, _, _ in TOP_LEVEL}
_UNSET = {"null", "none", "~", ""}
_YES = {"yes", "true", "y"}
_NO = {"no", "false", "n"}


def _split(flag: str, option: str, message: str, hint: str) -> tuple[str, str, Location]:
    """``KEY=VALUE`` as given to ``flag``, both stripped, and where it was given; a
    malformed option raises :class:`~govmodel.errors.ModelError` naming it."""
    origin = ArgumentLocation(f"{flag} {option}")
    key, sep, value = option.partition("=")
    if not sep or not key.strip():
        raise ModelError([Problem((), message, hint, origin)], source=flag)
    return key.strip(), value.strip(), origin


@attrs.frozen(kw_only=True)
class Change:
    """One field to set: ``target`` is ``ID.FIELD`` or a top-level key; ``value`` is
    plain data, or command-line text (``text=True``) read by the field's type;
    ``origin`` is where the change was made, for located errors."""

    target: str
    value: Any
    text: bool = False
    origin: Location | None = None

    @classmethod
    def of(cls, target: str, value: Any, *, origin: Location | None = None) -> Change:
        """A change with a Python value (records, kinds, dates and tuples are welcome)."""
        return cls(target=target, value=plain_value(value), origin=origin)

    @classmethod
    def parse(cls, option: str) -> Change:
        """``ID.FIELD=VALUE`` as given to ``--assume``; a malformed option raises
        :class:`~govmodel.errors.ModelError` naming it."""
        target, value, origin = _split(
            "--assume",
            option,
            "write the option as ID.FIELD=VALUE",
            "For example --assume msecc.board.quorum=4, or --assume provide.type=nhs_trust.",
        )
        return cls(target=target, value=value, text=True, origin=origin)


@attrs.frozen(kw_only=True)
class FactChange:
    """One fact to state: ``fact`` for ``organisation`` (an id, short name or name;
    ``None`` for the whole arrangement), ``value`` yes or no (a bool or text)."""

    fact: str
    value: Any
    organisation: str | None = None
    source: str | None = None
    origin: Location | None = None

    @classmethod
    def of(cls, target: str, value: Any, *, origin: Location | None = None) -> FactChange:
        """``FACT`` or ``FACT@ORGANISATION`` with its value."""
        fact, _, organisation = target.partition("@")
        return cls(fact=fact.strip(), value=value, organisation=organisation or None, origin=origin)

    @classmethod
    def parse(cls, option: str) -> FactChange:
        """``NAME[@PARTY]=yes|no`` as given to ``--fact``."""
        name, value, origin = _split(
            "--fact",
            option,
            "write the option as NAME=yes or NAME@PARTY=no",
            "`govmodel rules --facts` lists the facts.",
        )
        return cls.of(name, value, origin=origin)


def unknown_fact(change: FactChange) -> Problem | None:
    """The problem with a fact the rulebook does not ask about (None if it does)."""
    from govmodel.law.rules import rulebook

    known = rulebook().facts
    if change.fact in known:
        return None
    guess = closest(change.fact, known)
    did = f"Did you mean {' or '.join(repr(g) for g in guess)}? " if guess else ""
    return Problem(
        (change.fact,),
        f"{change.fact!r} is not a fact the rulebook asks about",
        f"{did}`govmodel rules --facts` lists them.",
        change.origin,
    )


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


class _Overlay:
    """The document being changed, the problems found and what was assumed."""

    def __init__(self, model: GovernanceModel) -> None:
        self.model = model
        self.plain = to_document(model)
        self.problems: list[Problem] = []
        self.assumed: list[Assumption] = []
        # where each changed part of the document was changed, and its name for the user
        self.made_at: dict[Path, tuple[Location | None, Path]] = {}

    def record(
        self,
        kind: str,
        target: str,
        value: Any,
        previous: str | None,
        change: Change | FactChange,
    ) -> None:
        """Note what was assumed, and where."""
        self.assumed.append(
            Assumption(
                kind=kind,
                target=target,
                value=_json(value),
                previous=previous,
                origin=str(change.origin) if change.origin else "assume()",
            )
        )

    def problem(self, change: Change | FactChange, message: str, hint: str | None) -> None:
        target = change.target if isinstance(change, Change) else change.fact
        self.problems.append(Problem((target,), message, hint, change.origin))

    # -- fields ---------------------------------------------------------------------------

    def field(self, change: Change) -> None:
        rid, dot, key = change.target.rpartition(".")
        if not dot:
            self._top_level(change)
            return
        found = self._record(rid)
        if found is None:
            if self._record(change.target) is not None:
                self._no_field(change)
                return
            pool = [r.id for _, _, r in self.model.iter_records()]
            guess = closest(rid, pool)
            standard = rid in self.model and self.model.kind_of(rid) == "matter"
            hint = (
                "It is a standard matter; standard matters cannot be changed, add a matter "
                "of the model's own instead."
                if standard
                else f"Closest ids: {', '.join(repr(g) for g in guess)}."
                if guess
                else "Run `govmodel show FILE` to list the ids in the model."
            )
            self.problem(change, f"no record with id {rid!r}", hint)
            return
        collection, index, record = found
        specs = {s.key: s for s in field_specs(COLLECTIONS[collection])}
        specs.update({s.name: s for s in field_specs(COLLECTIONS[collection])})
        spec = specs.get(key)
        if spec is None:
            keys = [s.key for s in field_specs(COLLECTIONS[collection])]
            guess = closest(key, keys)
            did = f"Did you mean {' or '.join(repr(g) for g in guess)}? " if guess else ""
            self.problem(
                change,
                f"{collection} have no field {key!r}",
                f"{did}Fields: {', '.join(keys)}.",
            )
            return
        if spec.key == "id":
            self.problem(
                change,
                "a record's id cannot be assumed",
                "Assume its other fields; to rename a record, edit the file.",
            )
            return
        value = _read(change.value, spec.schema) if change.text else change.value
        target = self.plain[collection][index]
        previous = _json(plain_value(getattr(record, spec.name)))
        if value is None:
            if spec.required:
                self.problem(
                    change,
                    f"{spec.key!r} is required and cannot be unset",
                    "Give a value instead of null.",
                )
                return
            target.pop(spec.key, None)
        else:
            target[spec.key] = value
        self.made_at[(collection, index, spec.key)] = (change.origin, (f"{record.id}.{spec.key}",))
        self.made_at.setdefault((collection, index), (change.origin, (record.id,)))
        self.record("field", f"{record.id}.{spec.key}", value, previous, change)

    def _no_field(self, change: Change) -> None:
        self.problem(
            change,
            f"{change.target!r} names a record but no field",
            f"Write ID.FIELD=VALUE, e.g. --assume {change.target}.name=...",
        )

    def _record(self, rid: str) -> tuple[str, int, Any] | None:
        for collection, index, record in self.model.iter_records():
            if record.id == rid:
                return collection, index, record
        return None

    def _top_level(self, change: Change) -> None:
        key = change.target
        schema = _TOP.get(key)
        if schema is None and self._record(key) is not None:
            self._no_field(change)
            return
        if schema is None:
            guess = closest(key, [*_TOP, *(r.id for _, _, r in self.model.iter_records())])
            did = f"Did you mean {' or '.join(repr(g) for g in guess)}? " if guess else ""
            self.problem(
                change,
                f"{key!r} is neither ID.FIELD nor a top-level key",
                f"{did}Write ID.FIELD=VALUE (msecc.board.quorum=4), or one of the top-level "
                f"keys: {', '.join(_TOP)}.",
            )
            return
        value = _read(change.value, schema) if change.text else change.value
        previous = _json(plain_value(getattr(self.model, key)))
        if value is None:
            if key in ("name", "as_of"):
                self.problem(change, f"{key!r} is required and cannot be unset", None)
                return
            self.plain.pop(key, None)
        else:
            self.plain[key] = value
        self.made_at[(key,)] = (change.origin, (key,))
        self.record("field", key, value, previous, change)

    # -- facts ----------------------------------------------------------------------------

    def fact(self, change: FactChange) -> None:
        from govmodel.law.facts import parse_fact_value

        unknown = unknown_fact(change)
        if unknown is not None:
            self.problems.append(unknown)
            return
        organisation = change.organisation
        if organisation is not None:
            organisation = self._organisation(change, organisation)
            if organisation is None:
                return
        try:
            value = parse_fact_value(change.value)
        except ValueError as exc:
            self.problem(change, str(exc), None)
            return
        entries: list[dict[str, Any]] = self.plain.setdefault("facts", [])
        target = f"{change.fact}@{organisation}" if organisation else change.fact
        entry: dict[str, Any] = {"fact": change.fact, "value": value}
        if organisation:
            entry["organisation"] = organisation
        if change.source:
            entry["source"] = change.source
        previous = None
        for i, old in enumerate(entries):
            if old.get("fact") == change.fact and old.get("organisation") == organisation:
                previous = _json(old.get("value"))
                if old.get("value") != value or (change.source and old.get("source") is None):
                    entries[i] = entry
                self.made_at[("facts", i)] = (change.origin, (target,))
                break
        else:
            self.made_at[("facts", len(entries))] = (change.origin, (target,))
            entries.append(entry)
        self.record("fact", target, value, previous, change)

    def _organisation(self, change: FactChange, name: str) -> str | None:
        orgs = self.model.organisations
        wanted = name.lower()
        for found in (
            [o.id for o in orgs if o.id == name],
            [o.id for o in orgs if (o.short_name or "").lower() == wanted],
            [o.id for o in orgs if o.name.lower() == wanted],
        ):
            if len(found) == 1:
                return found[0]
        guess = closest(name, [o.id for o in orgs])
        hint = f"Closest ids: {', '.join(repr(g) for g in guess)}." if guess else ""
        self.problem(
            change,
            f"no organisation {name!r} in the model",
            f"{hint} Name an organisation by its id (or its short name), or leave out "
            "@PARTY for the whole arrangement.".strip(),
        )
        return None

    # -- the result -----------------------------------------------------------------------

    def located(self, problem: Problem) -> Problem:
        """``problem`` placed at the change that caused it, when one did, and named
        as the user named what they changed (``msecc.board.quorum``)."""
        for size in range(len(problem.path), 0, -1):
            if problem.path[:size] in self.made_at:
                where, name = self.made_at[problem.path[:size]]
                return attrs.evolve(
                    problem,
                    path=(*name, *problem.path[size:]),
                    location=where or problem.location,
                )
        return problem


def assume(
    model: GovernanceModel,
    changes: Iterable[Change] = (),
    facts: Iterable[FactChange] = (),
    *,
    source: str | None = None,
) -> GovernanceModel:
    """``model`` with ``changes`` made and ``facts`` stated, checked as a file is.

    The result's ``assumed`` lists what was assumed (after any the model already
    had). Raises :class:`~govmodel.errors.ModelError` listing every problem, each
    located at the change that caused it (``source`` heads the error: by default the
    model's file). With nothing to assume, ``model`` itself comes back.
    """
    changes, facts = list(changes), list(facts)
    if not changes and not facts:
        return model
    overlay = _Overlay(model)
    for change in changes:
        overlay.field(change)
    for fact in facts:
        overlay.fact(fact)
    problems = sorted(
        overlay.problems + [overlay.located(p) for p in problems_in(overlay.plain)],
        key=Problem.sort_key,
    )
    source = source or f"{model.source or model.name} with what-if changes"
    if problems:
        raise ModelError(problems, source=source)
    try:
        changed = from_plain(overlay.plain, source=model.source, locations=dict(model.locations))
    except (ValueError, TypeError) as exc:  # a local validator in a record
        where = next((c.origin for c in changes if c.origin), None)
        raise ModelError([Problem((), str(exc), None, where)], source=source) from None
    recorded = tuple(_normalised(a, overlay.plain) for a in overlay.assumed)
    return attrs.evolve(changed, assumed=(*model.assumed, *recorded))


def _normalised(assumption: Assumption, plain: dict[str, Any]) -> Assumption:
    """The assumption with its value as the checked document holds it (kind aliases
    such as ``trust`` become ``nhs_trust``)."""
    if assumption.kind != "field":
        return assumption
    rid, dot, key = assumption.target.rpartition(".")
    if not dot:
        return attrs.evolve(assumption, value=_json(plain.get(assumption.target)))
    for collection in COLLECTIONS:
        for record in plain.get(collection, ()):
            if record.get("id") == rid:
                return attrs.evolve(assumption, value=_json(record.get(key)))
    return assumption


def _read(text: Any, schema: dict[str, Any]) -> Any:
    """Command-line text as a value of the field with ``schema``; text that does not
    read as the type is passed on as it is, for the schema check to name."""
    if not isinstance(text, str):
        return text
    kind = schema.get("type")
    word = text.strip()
    if kind == "array":
        if word.lower() in _UNSET - {""}:
            return None
        if word.startswith("["):
            parsed = parse(word, "--assume")
            return parsed.data if not parsed.problems else word
        if schema.get("items", {}).get("type") == "object":
            return word
        return [part.strip() for part in word.split(",") if part.strip()]
    if word.lower() in _UNSET:
        return None
    if kind == "integer":
        try:
            return parse_pounds(word)
        except ValueError:
            return word
    if kind == "boolean":
        if word.lower() in _YES:
            return True
        if word.lower() in _NO:
            return False
        return word
    return word
