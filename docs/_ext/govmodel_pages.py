"""Sphinx extension: write reference pages generated from govmodel itself.

Pages are regenerated at every build into ``reference/generated/`` (not
committed), so the file-format reference, the rulebook and the forms and
party-type catalogues always match the code.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from govmodel.checks.registry import REGISTRY
from govmodel.checks.spec import CheckSpec
from govmodel.io.schema import TOP_LEVEL, field_specs
from govmodel.law.base import Effect, Rule
from govmodel.law.forms import FORMS
from govmodel.law.parties import PARTY_TYPES
from govmodel.law.rules import rulebook
from govmodel.law.verdicts import forms
from govmodel.model.governance import COLLECTIONS
from govmodel.model.kinds import AgreementKind, BodyKind, Kind, MemberRole, PartyType, PostKind
from govmodel.model.records import Membership


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _format_page() -> str:
    out = [
        "# Model file fields",
        "",
        "Generated from the record classes; every key a model file may use is listed. "
        "Keys marked **required** must be present. Dates are ISO `YYYY-MM-DD`.",
        "",
        "## Top level",
        "",
        "| key | required | meaning |",
        "|---|---|---|",
    ]
    for key, _schema, required, doc in TOP_LEVEL:
        out.append(f"| `{key}` | {'**required**' if required else ''} | {_cell(doc)} |")
    for collection in COLLECTIONS:
        req = "**required**" if collection == "organisations" else ""
        out.append(f"| `{collection}` | {req} | list of {collection} records (below) |")
    for collection, cls in [*COLLECTIONS.items(), ("members (inside a body)", Membership)]:
        out += [
            "",
            f"## {collection}",
            "",
            (cls.__doc__ or "").strip().splitlines()[0],
            "",
            "| key | required | meaning | refers to |",
            "|---|---|---|---|",
        ]
        for spec in field_specs(cls):
            ref = f"ids of {spec.ref}" if spec.ref else ""
            out.append(
                f"| `{spec.key}` | {'**required**' if spec.required else ''} | "
                f"{_cell(spec.doc)} | {ref} |"
            )
    out += [
        "",
        "## Kinds",
        "",
        "Kinds accept the ids below or their aliases, in any case, with `-` or `_`.",
        "",
    ]
    kinds: list[type[Kind]] = [PartyType, BodyKind, PostKind, MemberRole, AgreementKind]
    for kind in kinds:
        aliases = kind.aliases()
        out += [f"### {kind.label()}", "", "| id | aliases |", "|---|---|"]
        for member in kind.__members__.values():
            names = sorted(a for a, m in aliases.items() if m is member and a != member.value)
            out.append(f"| `{member.value}` | {', '.join(f'`{n}`' for n in names)} |")
        out.append("")
    return "\n".join(out) + "\n"


def _example(rule: Rule) -> str | None:
    if rule.effect is not Effect.PERMIT or rule.route is None or not rule.forms:
        return None
    day = rule.in_force.start or date(2024, 1, 1)
    if rule.in_force.end and day > rule.in_force.end:
        day = rule.in_force.end
    picks: list[PartyType] = []
    for group in rule.route.requires:
        picks.append(sorted(group & rule.route.members)[0])
    pool = sorted(rule.route.members)
    while len(picks) < max(rule.route.min_parties, 2):
        picks.append(pool[len(picks) % len(pool)])
    alive = [p for p in picks if PARTY_TYPES[p].existed.contains(day)]
    if len(alive) != len(picks):
        return None
    result = forms(picks, on=day)
    form = sorted(rule.forms)[0]
    verdict = result[form]
    args = " ".join(f"--party {p.value}" for p in picks)
    return (
        f"```console\n$ govmodel forms {args} --on {day.isoformat()}\n```\n\n"
        f"gives `{form.value}`: **{verdict.verdict.value}**"
        + (f" (eligible: {', '.join(verdict.eligible)})" if verdict.eligible else "")
        + f", citing {', '.join(sorted({r.rule for r in verdict.reasons}))}."
    )


def _rule_page(rule: Rule) -> str:
    out = [
        f"# {rule.id}: {rule.title}",
        "",
        rule.statement,
        "",
        "| | |",
        "|---|---|",
        f"| effect | {rule.effect.value} |",
        f"| forms | {', '.join(sorted(f.value for f in rule.forms)) or 'schemes of delegation'} |",
        f"| parties | {', '.join(sorted(t.value for t in rule.parties)) or 'any'} |",
        f"| in force | {rule.in_force} |",
        f"| basis | {rule.basis.value} |",
        f"| confidence | {rule.confidence.value} |",
        f"| added in | govmodel {rule.since} |",
        "",
        "## Legal basis",
        "",
    ]
    for c in rule.citations:
        dated = (
            f", in force {c.in_force}" if c.is_law and (c.in_force.start or c.in_force.end) else ""
        )
        kind = "" if c.is_law else f" ({c.kind.value})"
        out.append(f"- [{_cell(c.text)}]({c.url}){kind}{dated}")
    if rule.words:
        out += ["", "## The words it rests on", ""]
        out += [f"> {_cell(w.quote)}\n>\n> <{w.url}>\n" for w in rule.words]
    if rule.amends or rule.replaces:
        out += [""]
        out += [
            f"Amends {', '.join(f'[{i}]({i}.md)' for i in rule.amends)}." if rule.amends else ""
        ]
        out += [
            f"Replaces {', '.join(f'[{i}]({i}.md)' for i in rule.replaces)}."
            if rule.replaces
            else ""
        ]
    if rule.dispute:
        out += ["", "## Where lawyers disagree", "", rule.dispute]
    if rule.cases:
        out += [
            "",
            "## Cases",
            "",
            "Worked examples the test suite checks this rule against.",
            "",
            "| case | source |",
            "|---|---|",
        ]
        for c in rule.cases:
            source = f"[source]({c.source})" if c.source else ""
            out.append(f"| {_cell(c.describe())} | {source} |")
    example = _example(rule)
    if example:
        out += ["", "## Example", "", example]
    out += [
        "",
        "## Known limits",
        "",
        rule.note or "None recorded beyond the basis and confidence above.",
    ]
    return "\n".join(out) + "\n"


def _rules_index() -> str:
    out = [
        "# The rulebook",
        "",
        f"govmodel's {len(rulebook())} rules, generated from the package. Each has a stable id, "
        "its legal period, citations, basis (confirmed, unchecked or inference) and "
        "confidence. `govmodel rules` lists them; `govmodel rule ID` shows one.",
        "",
        "```{toctree}",
        ":hidden:",
        ":glob:",
        "",
        "rules/*",
        "```",
        "",
        "| id | effect | in force | confidence | rule |",
        "|---|---|---|---|---|",
    ]
    for r in rulebook():
        out.append(
            f"| [{r.id}](rules/{r.id}.md) | {r.effect.value} | {r.in_force} | "
            f"{r.confidence.value} | {_cell(r.title)} |"
        )
    return "\n".join(out) + "\n"


def _catalogue() -> str:
    out = [
        "# Forms and party types",
        "",
        "Generated from the package.",
        "",
        "## Governance forms",
        "",
    ]
    for info in FORMS.values():
        rules = [r.id for r in rulebook() if r.concerns(info.id) and r.effect is Effect.PERMIT]
        out += [
            f"### {info.title} (`{info.id.value}`)",
            "",
            info.description,
            "",
            f"**Legal basis.** {info.legal_basis}",
            "",
            f"**Rules that permit it:** {', '.join(f'[{r}](rules/{r}.md)' for r in rules)}",
            "",
        ]
    out += [
        "## Party types",
        "",
        "| id | party type | existed | created by | basis |",
        "|---|---|---|---|---|",
    ]
    for info in PARTY_TYPES.values():
        out.append(
            f"| `{info.type.value}` | {info.title} | {info.existed} | "
            f"[{_cell(info.created_by.text)}]({info.created_by.url}) | "
            f"{info.existence_basis.value}, {info.existence_confidence.value} |"
        )
    return "\n".join(out) + "\n"


_FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "checks"


#: Codes whose findings come from plugins, not from a model file: their page shows the
#: reviewed snapshot of the test fixture (run with its plugin) instead of running it.
_ABOUT_PLUGINS = {"GM004"}


def _fixture(code: str, which: str) -> str:
    return (_FIXTURES / code / f"{which}.yaml").read_text(encoding="utf-8")


def _rendered(code: str) -> str:
    import yaml

    from govmodel.checks import check
    from govmodel.io.convert import from_plain
    from govmodel.io.files import loads

    text = _fixture(code, "fail")
    model = (
        from_plain(yaml.safe_load(text))
        if code == "GM003"
        else loads(text, filename=f"{code}/fail.yaml")
    )
    return str(check(model, select=[code])).rstrip()


def _check_page(spec: CheckSpec) -> str:
    out = [
        f"# {spec.code}: {spec.name}",
        "",
        spec.summary,
        "",
        "| | |",
        "|---|---|",
        f"| severity | {spec.severity.value} |",
        f"| category | {spec.category.value} |",
        f"| added in | govmodel {spec.since} |",
        "",
        "## Why it matters",
        "",
        spec.why,
        "",
        "## Legal basis",
        "",
    ]
    if spec.rules:
        for rule_id in spec.rules:
            rule = next(r for r in rulebook() if r.id == rule_id)
            out.append(
                f"- [{rule.id}](../rules/{rule.id}.md) {_cell(rule.title)}: "
                f"[{_cell(rule.citation.text)}]({rule.citation.url}), in force {rule.in_force}, "
                f"{rule.confidence.value} confidence"
                + (" (lawyers disagree)" if rule.dispute else "")
            )
        out += ["", "A finding cites the rule in force on the date checked."]
    else:
        out.append(
            "None cited: this check applies the model's own scheme (or good practice), "
            "not a provision of statute."
        )
    out += ["", "## Example", ""]
    if spec.code in _ABOUT_PLUGINS:
        out += [
            "This finding is about a [plugin](../../../plugins.md), not the model. This "
            "model, checked with a plugin whose check uses govmodel's own prefix,",
            "",
            "```yaml",
            _fixture(spec.code, "fail").rstrip(),
            "```",
            "",
            "gives (the reviewed snapshot of the test suite's fixture):",
            "",
            "```text",
            (_FIXTURES / spec.code / "fail.snap").read_text(encoding="utf-8").rstrip(),
            "```",
            "",
            "With the plugin's check under a code of its own, the same model is clear.",
        ]
    else:
        out += [
            "This model is flagged:",
            "",
            "```yaml",
            _fixture(spec.code, "fail").rstrip(),
            "```",
            "",
            "```console",
            f"$ govmodel check {spec.code}/fail.yaml --select {spec.code}",
            _rendered(spec.code),
            "```",
            "",
            "Mended:",
            "",
            "```yaml",
            _fixture(spec.code, "pass").rstrip(),
            "```",
        ]
    out += [
        "",
        "## What to do",
        "",
        spec.hint,
        "",
        "## Known limits",
        "",
        spec.limits or "None recorded.",
        "",
        f"Silence it with `ignore: [{spec.code}]` in the model file or "
        f"`--ignore {spec.code}`; record it as known with an `expected:` entry.",
    ]
    return "\n".join(out) + "\n"


def check_pages() -> dict[str, str]:
    """The check reference: ``index.md`` and one ``CODE.md`` page per registered check."""
    out = [
        "# Finding codes",
        "",
        f"The {len(REGISTRY)} checks `govmodel check` runs, generated from the package. "
        "Codes are stable and never reused. `govmodel check --list-codes` lists them.",
        "",
        "```{toctree}",
        ":hidden:",
        ":glob:",
        "",
        "checks/*",
        "```",
        "",
        "| code | name | severity | category | what it finds |",
        "|---|---|---|---|---|",
    ]
    pages = {}
    for spec in REGISTRY.values():
        out.append(
            f"| [{spec.code}](checks/{spec.code}.md) | `{spec.name}` | {spec.severity.value} | "
            f"{spec.category.value} | {_cell(spec.summary)} |"
        )
        pages[f"{spec.code}.md"] = _check_page(spec)
    pages["index.md"] = "\n".join(out) + "\n"
    return pages


def _write(path: Path, text: str) -> None:
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def generate(app: Any) -> None:
    """Write every generated page (only files whose text changed are touched)."""
    root = Path(app.srcdir) / "reference" / "generated"
    (root / "rules").mkdir(parents=True, exist_ok=True)
    _write(root / "format.md", _format_page())
    _write(root / "rules.md", _rules_index())
    _write(root / "catalogue.md", _catalogue())
    for rule in rulebook():
        _write(root / "rules" / f"{rule.id}.md", _rule_page(rule))
    (root / "checks").mkdir(exist_ok=True)
    for name, text in check_pages().items():
        _write(root / ("checks.md" if name == "index.md" else f"checks/{name}"), text)


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", generate)
    return {"parallel_read_safe": True, "version": "1"}
