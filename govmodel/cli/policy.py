"""``govmodel policy``: local policies explained, and the bundled policy files."""

from __future__ import annotations

import argparse
import sys

from govmodel.cli.common import Command, emit, to_json

__all__ = ["COMMAND"]


def _configure(p: argparse.ArgumentParser) -> None:
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument(
        "--explain",
        nargs="?",
        const="",
        metavar="FILE",
        help="explain the kinds of local policy; with FILE (a policy file or a model "
        "file), its policies",
    )
    what.add_argument("--list", action="store_true", help="list the bundled policy files")
    what.add_argument("--example", metavar="NAME", help="print or write a bundled policy file")
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.add_argument("-o", "--output", help="with --example: write the policy file here")
    p.add_argument("--force", action="store_true", help="replace OUTPUT if it exists")


def _is_model(path: str) -> bool:
    """Whether ``path`` holds a model (it has ``as_of:``) rather than a policy file."""
    from govmodel.reading import parse

    try:
        with open(path, encoding="utf-8") as handle:
            data = parse(handle.read(), path).data
    except (OSError, UnicodeDecodeError):
        return False  # the policy reader says what is wrong with it
    return isinstance(data, dict) and "as_of" in data


def _run(args: argparse.Namespace) -> int:
    from govmodel import examples

    if args.list:
        from govmodel.io.files import load_policies

        for name in examples.policy_names():
            print(f"{name:<26} {load_policies(examples.policy_path(name)).name}")
        return 0
    if args.example:
        text = examples.policy_path(args.example).read_text(encoding="utf-8")
        emit(text, args.output, force=args.force)
        return 0
    from govmodel.render.policies import explain_kinds, explain_sets, kinds_to_dict, sets_to_dict

    if not args.explain:
        text = to_json(kinds_to_dict()) if args.format == "json" else explain_kinds()
        sys.stdout.write(text)
        return 0
    if _is_model(args.explain):
        from govmodel.io.files import load

        sets = list(load(args.explain).policy_sets())
    else:
        from govmodel.io.files import load_policies

        sets = [load_policies(args.explain)]
    if args.format == "json":
        sys.stdout.write(to_json(sets_to_dict(sets)))
    else:
        sys.stdout.write(explain_sets(sets) if sets else f"{args.explain} has no policies.\n")
    return 0


COMMAND = Command(
    name="policy",
    help="local policies (an organisation's own rules, codes LOC001...): explain them",
    configure=_configure,
    run=_run,
)
