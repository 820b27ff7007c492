"""The rulebook as data: YAML files, one per family, read strictly and with locations.

``govmodel/law/rules/`` holds:

``rulebook.yaml``
    the families in order;
``groups.yaml``
    named groups of party types (``relevant_bodies``, ``non_statutory``...);
``instruments.yaml``
    the Acts, regulations and guidance cited, with their URLs and in-force dates;
``facts.yaml``
    the facts conditions turn on;
``FAMILY.yaml``
    the rules of one family (``joint.yaml``...), checked against
    ``rules.schema.json``.

A mistake in a rule file is reported like a mistake in a model file: every
problem at once, each with ``file:line:column``, the key path and what to do
(:class:`~govmodel.errors.RulebookError`). Rule files hold data only; nothing
in them runs.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path as FsPath
from typing import Any

import attrs

from govmodel.errors import GovModelError, UnknownKind
from govmodel.law.base import (
    Basis,
    Case,
    Citation,
    Confidence,
    Effect,
    Period,
    Route,
    Rule,
    SourceKind,
    Words,
)
from govmodel.law.facts import FactSpec
from govmodel.law.rulefile import (
    SUPPORT,
    family_validator,
    read_rule_file,
    rules_dir,
)
from govmodel.locations import Path, Problem
from govmodel.model.kinds import FormId, PartyType, Verdict, closest
from govmodel.reading import parse

__all__ = [
    "Instrument",
    "Rulebook",
    "RulebookError",
    "instruments",
    "load_rulebook",
    "read_case",
]


class RulebookError(GovModelError, ValueError):
    """One or more rule files with problems, all listed with their locations."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems, key=_sort_key)
        count = len(self.problems)
        lines = [f"{count} problem{'s' if count != 1 else ''} in the rulebook:"]
        lines += [f"  {p.render()}" for p in self.problems]
        super().__init__("\n".join(lines))


def _sort_key(p: Problem) -> tuple[str, int, int, str]:
    loc = p.location
    return (loc.file, loc.line, loc.column, p.message) if loc else ("", 0, 0, p.message)


@attrs.frozen
class Instrument:
    """An Act, regulations or guidance: its title, home URL, kind and period."""

    key: str
    title: str
    url: str
    kind: SourceKind
    in_force: Period


@attrs.frozen
class Rulebook:
    """Every rule, in family order, with the groups, instruments and facts they use."""

    rules: tuple[Rule, ...]
    groups: Mapping[str, frozenset[PartyType]]
    instruments: Mapping[str, Instrument]
    facts: Mapping[str, FactSpec]
    families: tuple[tuple[str, str], ...]
    _by_id: Mapping[str, Rule] = attrs.field(repr=False)
    _order: Mapping[str, int] = attrs.field(repr=False)

    def get(self, rule_id: str) -> Rule | None:
        """The rule with ``rule_id`` (any case), or None."""
        return self._by_id.get(rule_id.strip().lower())

    def order(self, rule: Rule) -> int:
        """The rule's position in the rulebook (for stable tie-breaks)."""
        return self._order[rule.id]

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)


def read_case(
    data: Mapping[str, Any],
    *,
    rule_forms: list[FormId],
    facts: Mapping[str, FactSpec],
    where: Callable[..., Any],
    path: Path,
    rule: str | None = None,
) -> tuple[Case | None, list[Problem]]:
    """A case (``cases:`` of a rule file, or of a case file) that has passed its schema,
    as a :class:`~govmodel.law.base.Case`, with the problems the schema cannot see:
    unknown party types, forms and facts. ``rule_forms`` are the forms of the rule
    that carries it (a forms case without ``form`` is about the first); ``rule`` is
    its id, unless the case names its own."""
    problems: list[Problem] = []

    def problem(at: Path, message: str, hint: str | None) -> None:
        problems.append(Problem(at, message, hint, where(at)))

    on = date.fromisoformat(data["on"])
    common: dict[str, Any] = {
        "on": on,
        "source": data.get("source"),
        "note": data.get("note"),
        "name": data.get("name"),
        "rule": data.get("rule", rule),
        "location": where(path),
    }
    if "exists" in data:
        try:
            PartyType.parse(data["party"])
        except UnknownKind as exc:
            problem((*path, "party"), str(exc), None)
            return None, problems
        return Case(kind="existence", party=data["party"], exists=data["exists"], **common), []
    if "matter" in data:
        try:
            PartyType.parse(data["party"])
        except UnknownKind as exc:
            problem((*path, "party"), str(exc), None)
            return None, problems
        case = Case(
            kind="reserved",
            party=data["party"],
            matter=data["matter"],
            reserved_to=data["reserved_to"],
            **common,
        )
        return case, problems
    if "example" in data or "model" in data:
        policy = data.get("policy", ())
        case = Case(
            kind="example",
            example=data.get("example"),
            model=data.get("model"),
            policy=(policy,) if isinstance(policy, str) else tuple(policy),
            finding=data.get("finding"),
            findings=tuple(data.get("findings", ())),
            no_findings=tuple(data.get("no_findings", ())),
            trace=data.get("trace"),
            ends=tuple(data["ends"]) if "ends" in data else None,
            classify=data.get("classify"),
            character=data.get("character"),
            who=data.get("who"),
            amount=data.get("amount"),
            holders=tuple(data["holders"]) if "holders" in data else None,
            **common,
        )
        return case, problems
    form_name = data.get("form")
    if form_name is None:
        if not rule_forms:
            problem(
                path,
                "a forms case needs a `form`" + (": the rule concerns none" if rule else ""),
                "Add `form: ...`, or make it an example or existence case.",
            )
            return None, problems
        form = rule_forms[0]
    else:
        try:
            form = FormId.parse(form_name)
        except UnknownKind as exc:
            problem((*path, "form"), str(exc), None)
            return None, problems
    for i, spec in enumerate(data["parties"]):
        try:
            PartyType.parse(spec.split("=", 1)[0])
        except UnknownKind as exc:
            problem((*path, "parties", i), str(exc), None)
    stated = []
    for key, value in sorted(data.get("facts", {}).items()):
        fact, _, party = key.partition("@")
        if fact not in facts:
            guess = closest(fact, facts)
            problem(
                (*path, "facts", key),
                f"no fact {fact!r} in facts.yaml",
                f"Did you mean {guess[0]!r}?" if guess else "Add it to facts.yaml.",
            )
        stated.append((fact, party or None, bool(value)))
    case = Case(
        kind="forms",
        parties=tuple(data["parties"]),
        form=form,
        verdict=Verdict.parse(data["verdict"]),
        eligible=tuple(data["eligible"]) if "eligible" in data else None,
        facts=tuple(stated),
        cites=data.get("cites", True),
        **common,
    )
    return case, problems


class _Builder:
    """Turns validated plain data into rules, collecting every cross-file problem."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.groups: dict[str, frozenset[PartyType]] = {}
        self.instruments: dict[str, Instrument] = {}
        self.facts: dict[str, FactSpec] = {}

    def problem(
        self, where: Callable[..., Any], path: Path, message: str, hint: str | None
    ) -> None:
        self.problems.append(Problem(path, message, hint, where(path)))

    def types(
        self, names: Iterable[str], where: Callable[..., Any], path: Path
    ) -> frozenset[PartyType]:
        out: set[PartyType] = set()
        for i, name in enumerate(names):
            if name in self.groups:
                out |= self.groups[name]
                continue
            try:
                out.add(PartyType.parse(name))
            except UnknownKind as exc:
                guess = closest(name, [*self.groups, *PartyType.aliases()])
                hint = f"Did you mean {guess[0]!r}? " if guess else ""
                self.problem(
                    where,
                    (*path, i),
                    f"{name!r} is neither a party type nor a group",
                    f"{hint}Party types: {', '.join(exc.valid)}; groups: {', '.join(self.groups)}.",
                )
        return frozenset(out)

    def date(self, value: str | None) -> date | None:
        return date.fromisoformat(value) if value else None

    def period(self, data: Mapping[str, Any], where: Callable[..., Any], path: Path) -> Period:
        start, end = self.date(data.get("from")), self.date(data.get("to"))
        if start and end and end < start:
            self.problem(
                where,
                (*path, "to"),
                f"ends on {end} before it starts on {start}",
                "Swap the dates, or correct one of them.",
            )
            return Period(start, None)
        return Period(start, end)

    def citation(
        self, data: Mapping[str, Any], where: Callable[..., Any], path: Path
    ) -> Citation | None:
        if "in" in data:
            inst = self.instruments.get(data["in"])
            if inst is None:
                guess = closest(data["in"], self.instruments)
                self.problem(
                    where,
                    (*path, "in"),
                    f"no instrument {data['in']!r} in instruments.yaml",
                    f"Did you mean {guess[0]!r}?" if guess else "Add it to instruments.yaml.",
                )
                return None
            own = self.period(data, where, path)
            period = Period(own.start or inst.in_force.start, own.end or inst.in_force.end)
            url = inst.url + ("/" + data["path"].strip("/") if data.get("path") else "")
            kind = SourceKind.parse(data["kind"]) if "kind" in data else inst.kind
            return Citation(
                inst.title,
                data["provision"],
                url,
                kind=kind,
                in_force=period,
                about=self.types(data.get("about", ()), where, (*path, "about")),
            )
        kind = SourceKind.parse(data["kind"])
        return Citation(
            data["title"],
            data.get("provision", ""),
            data["url"],
            kind=kind,
            in_force=self.period(data, where, path),
            about=self.types(data.get("about", ()), where, (*path, "about")),
        )

    def case(
        self,
        data: Mapping[str, Any],
        rule_forms: list[FormId],
        where: Callable[..., Any],
        path: Path,
        rule: str | None = None,
    ) -> Case | None:
        case, problems = read_case(
            data, rule_forms=rule_forms, facts=self.facts, where=where, path=path, rule=rule
        )
        self.problems += problems
        return case

    def rule(
        self, data: Mapping[str, Any], family: str, where: Callable[..., Any], path: Path
    ) -> Rule | None:
        forms: set[FormId] = set()
        names = list(FormId) if data["forms"] == ["all"] else data["forms"]
        for i, name in enumerate(names):
            try:
                forms.add(FormId.parse(name))
            except UnknownKind as exc:
                self.problem(where, (*path, "forms", i), str(exc), None)
        citations = [
            self.citation(c, where, (*path, "citations", i))
            for i, c in enumerate(data["citations"])
        ]
        route = None
        if "route" in data:
            r = data["route"]
            rp = (*path, "route")
            joins = tuple(
                (PartyType.parse(t), date.fromisoformat(d))
                for t, d in sorted(r.get("joins", {}).items())
            )
            route = Route(
                self.types(r["members"], where, (*rp, "members")),
                requires=[
                    self.types(g, where, (*rp, "requires", i))
                    for i, g in enumerate(r.get("requires", []))
                ],
                min_parties=r.get("min_parties", 2),
                joins=joins,
            )
        fact = data.get("fact")
        if fact is not None and fact not in self.facts:
            guess = closest(fact, self.facts)
            self.problem(
                where,
                (*path, "fact"),
                f"no fact {fact!r} in facts.yaml",
                f"Did you mean {guess[0]!r}?" if guess else "Add it to facts.yaml.",
            )
        effect = Effect.parse(data["effect"])
        if effect is Effect.PERMIT and data["forms"] and route is None:
            self.problem(
                where,
                path,
                f"permit rule {data['id']} concerns forms but has no `route`",
                "Add `route: {members: [...]}` saying whom the power admits.",
            )
            return None
        if fact is not None and effect is not Effect.REQUIRE:
            self.problem(
                where,
                (*path, "fact"),
                "only a `require` rule may name a fact",
                "Make the rule `effect: require`, or drop `fact`.",
            )
        frozen_forms = frozenset(forms)
        ordered = [FormId.parse(f) for f in names if f in FormId.aliases() or isinstance(f, FormId)]
        cases = tuple(
            case
            for i, item in enumerate(data.get("cases", []))
            if (case := self.case(item, ordered, where, (*path, "cases", i), data["id"]))
            is not None
        )
        if None in citations:
            return None
        return Rule(
            id=data["id"],
            title=data["title"],
            statement=data["statement"],
            forms=frozen_forms,
            effect=effect,
            in_force=self.period(data, where, path),
            citations=tuple(c for c in citations if c is not None),
            basis=Basis.parse(data["basis"]),
            confidence=Confidence.parse(data["confidence"]),
            parties=self.types(data.get("parties", []), where, (*path, "parties")),
            route=route,
            excludes=self.types(data.get("excludes", []), where, (*path, "excludes")),
            together=[
                self.types(g, where, (*path, "together", i))
                for i, g in enumerate(data.get("together", []))
            ],
            needs=[
                self.types(g, where, (*path, "needs", i))
                for i, g in enumerate(data.get("needs", []))
            ],
            unless=self.types(data.get("unless", []), where, (*path, "unless")),
            except_under=tuple(data.get("except_under", [])),
            min_parties=data.get("min_parties"),
            fact=fact,
            per_party=data.get("per_party", True),
            dispute=data.get("dispute"),
            note=data.get("note"),
            words=tuple(Words(w["quote"], w["url"]) for w in data.get("words", [])),
            amends=tuple(data.get("amends", [])),
            replaces=tuple(data.get("replaces", [])),
            cases=cases,
            family=family,
            since=data.get("since", "0.1.0"),
            retired=data.get("retired", False),
        )


@functools.cache
def instruments() -> Mapping[str, Instrument]:
    """The bundled instruments table alone (``instruments.yaml``), read on first use.

    The full rulebook check (:func:`load_rulebook`) validates the same file; this
    quick path lets citations outside the rules (party types, accountability) name
    instruments without loading every rule.
    """
    data = parse((rules_dir() / "instruments.yaml").read_text(encoding="utf-8"), "instruments.yaml")
    if data.problems or not isinstance(data.data, dict):
        raise RulebookError(data.problems)
    out = {}
    for key, spec in data.data["instruments"].items():
        start = date.fromisoformat(spec["from"]) if spec.get("from") else None
        end = date.fromisoformat(spec["to"]) if spec.get("to") else None
        out[key] = Instrument(
            key,
            spec["title"],
            spec["url"].rstrip("/"),
            SourceKind.parse(spec.get("kind", "legislation")),
            Period(start, end),
        )
    return out


def load_rulebook(directory: str | FsPath | None = None) -> Rulebook:
    """Read and check every rule file in ``directory`` (default: the bundled rulebook).

    Raises :class:`RulebookError` listing every problem, located.
    """
    root = FsPath(directory) if directory is not None else rules_dir()
    b = _Builder()
    support: dict[str, tuple[Any, Any]] = {}
    for name, schema in SUPPORT.items():
        import jsonschema

        validator = jsonschema.Draft202012Validator(
            schema, format_checker=jsonschema.FormatChecker()
        )
        data, where, problems = read_rule_file(root / f"{name}.yaml", validator)
        b.problems += problems
        support[name] = (data, where)
    if b.problems:
        raise RulebookError(b.problems)

    gdata, gwhere = support["groups"]
    b.groups["everyone"] = frozenset(PartyType)
    for name, spec in gdata["groups"].items():
        b.groups[name] = b.types(spec["types"], gwhere, ("groups", name, "types"))
    idata, iwhere = support["instruments"]
    for key, spec in idata["instruments"].items():
        b.instruments[key] = Instrument(
            key,
            spec["title"],
            spec["url"].rstrip("/"),
            SourceKind.parse(spec.get("kind", "legislation")),
            b.period(spec, iwhere, ("instruments", key)),
        )
    fdata, _ = support["facts"]
    for key, spec in fdata["facts"].items():
        b.facts[key] = FactSpec(key, spec["question"], spec.get("note"))

    rules: list[Rule] = []
    families: list[tuple[str, str]] = []
    seen: dict[str, tuple[Callable[..., Any], Path]] = {}
    index, iwhere_ = support["rulebook"]
    for i, family in enumerate(index["families"]):
        path = root / f"{family}.yaml"
        if not path.exists():
            b.problem(
                iwhere_,
                ("families", i),
                f"no rule file {family}.yaml",
                "Add the file or remove the family.",
            )
            continue
        data, where, problems = read_rule_file(path, family_validator())
        b.problems += problems
        if problems or data is None:
            continue
        if data["family"] != family:
            b.problem(
                where,
                ("family",),
                f"the file says family {data['family']!r}",
                f"Name the family {family!r}, as its file name and rulebook.yaml do.",
            )
        families.append((family, data["title"]))
        for j, item in enumerate(data["rules"]):
            rid = item["id"]
            if rid.lower() in seen:
                other_where, other_path = seen[rid.lower()]
                other = other_where(other_path)
                at = f" (first defined at {other})" if other else ""
                b.problem(
                    where,
                    ("rules", j, "id"),
                    f"rule id {rid!r} is used twice{at}",
                    "Rule ids are unique and never reused; give this rule a new id.",
                )
                continue
            seen[rid.lower()] = (where, ("rules", j, "id"))
            rule = b.rule(item, family, where, ("rules", j))
            if rule is not None:
                rules.append(rule)
    ids = {r.id for r in rules}
    for rule in rules:
        for link in (*rule.amends, *rule.replaces, *rule.except_under):
            if link not in ids:
                where, key = seen[rule.id.lower()]
                b.problem(
                    where,
                    key[:-1],
                    f"rule {rule.id} refers to {link!r}, which is not a rule",
                    "Correct the id in `amends`, `replaces` or `except_under`.",
                )
    if b.problems:
        raise RulebookError(b.problems)
    by_id = {r.id.lower(): r for r in rules}
    return Rulebook(
        tuple(rules),
        b.groups,
        b.instruments,
        b.facts,
        tuple(families),
        by_id,
        {r.id: i for i, r in enumerate(rules)},
    )
