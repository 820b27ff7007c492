"""Run the hostile corpus (tests/hostile/cases.py): one parametrised test per case."""

from __future__ import annotations

import json
import os
import re
import signal
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from govmodel.cli import main

from .cases import API, CASES, ApiCase, Case

_TEMPORARY = re.compile(r"^\..*\.tmp$")


def _lay_out(case: Case, folder: Path) -> dict[Path, bytes]:
    """Write the case's files; return what each held, to find any change."""
    before = {}
    for name, content in case.files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, str) and content.startswith("@symlink:"):
            path.symlink_to(folder / content.split(":", 1)[1])
            continue
        path.write_bytes(content.encode() if isinstance(content, str) else content)
        before[path] = path.read_bytes()
    return before


def _argv(case: Case, folder: Path) -> list[str]:
    return [a.replace("{m}", str(folder / "m.yaml")).replace("{d}", str(folder)) for a in case.argv]


def _run_subprocess(case: Case, argv: list[str], folder: Path) -> tuple[int, str, str]:
    command = [sys.executable, "-m", "govmodel", *argv]
    if case.stdout == "full":
        with open("/dev/full", "w") as full:
            done = subprocess.run(
                command, stdout=full, stderr=subprocess.PIPE, cwd=folder, timeout=case.seconds * 3
            )
        return done.returncode, "", done.stderr.decode("utf-8", "replace")
    if case.stdout == "closed":
        done = subprocess.run(
            command,
            stderr=subprocess.PIPE,
            cwd=folder,
            timeout=case.seconds * 3,
            preexec_fn=lambda: os.close(1),
        )
        return done.returncode, "", done.stderr.decode("utf-8", "replace")
    if case.stdout == "bytes":
        done = subprocess.run(command, capture_output=True, cwd=folder, timeout=case.seconds * 3)
        return (
            done.returncode,
            done.stdout.decode("utf-8", "replace"),
            done.stderr.decode("utf-8", "replace"),
        )
    # "pipe": nobody reads (the reader, like `| head`, has gone)
    reader, writer = os.pipe()
    os.close(reader)
    with subprocess.Popen(command, stdout=writer, stderr=subprocess.PIPE, cwd=folder) as proc:
        os.close(writer)
        _, err = proc.communicate(timeout=case.seconds * 3)
    return proc.returncode, "", err.decode("utf-8", "replace")


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_cli_case(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The command gives the expected outcome and none of what must never happen."""
    folder = tmp_path / "case"
    folder.mkdir()
    before = _lay_out(case, folder)
    argv = _argv(case, folder)
    started = time.monotonic()
    if case.stdout == "capture":
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse's usage errors
            code = exc.code if isinstance(exc.code, int) else 0
        out, err = capsys.readouterr()
    else:
        code, out, err = _run_subprocess(case, argv, folder)
    elapsed = time.monotonic() - started
    assert elapsed < case.seconds, f"took {elapsed:.1f} s (bound {case.seconds} s)"
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert code == case.code, f"exit {code}, expected {case.code}\nstderr: {err}"
    if case.err is not None:
        assert re.search(case.err, err), f"stderr does not match {case.err!r}:\n{err}"
    if case.code == 2:
        assert err.strip(), "exit 2 without a message"
    if case.out is not None:
        assert re.search(case.out, out), f"stdout does not match {case.out!r}:\n{out[:2000]}"
    if "--format" in argv and "json" in argv and code in (0, 1):
        json.loads(out)  # JSON output stays valid JSON, escapes and all
    for path, content in before.items():
        if path.name in case.changed or path.relative_to(folder).as_posix() in case.changed:
            continue
        assert path.read_bytes() == content, f"{path.name} was changed"
    left = [p.name for p in folder.rglob("*") if _TEMPORARY.match(p.name)]
    assert not left, f"temporary files left behind: {left}"
    for name in case.made:
        made = folder / name
        assert made.is_file(), f"{name} was not written"
        mask = os.umask(0)
        os.umask(mask)
        assert stat.S_IMODE(made.stat().st_mode) == 0o666 & ~mask or name in case.changed
    for name in case.absent:
        assert not (folder / name).exists(), f"{name} exists"
    outputs = [out] + [
        p.read_bytes().decode("utf-8", "replace")
        for p in folder.rglob("*")
        if p.is_file() and p not in before and p.suffix in (".dot", ".mmd", ".csv", ".svg")
    ]
    for pattern in case.forbid:
        for text in outputs:
            assert not re.search(pattern, text), f"output holds {pattern!r}"
    assert not Path("/dev/null").is_file(), "/dev/null was replaced"


@pytest.mark.parametrize("case", API, ids=[c.id for c in API])
def test_hostile_api_case(case: ApiCase, tmp_path: Path) -> None:
    """The Python API raises the documented exception, naming what is wrong."""
    started = time.monotonic()
    if case.raises is None:
        assert case.ok(case.call(tmp_path))
    else:
        with pytest.raises(case.raises, match=case.match):
            case.call(tmp_path)
    assert time.monotonic() - started < case.seconds
    assert not [p for p in tmp_path.rglob("*") if _TEMPORARY.match(p.name)]


def test_a_terminating_signal_during_a_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    """SIGTERM while the temporary file exists removes it, then ends the process."""
    script = textwrap.dedent(
        f"""
        import os, signal
        import govmodel
        from govmodel.io import output
        real = os.fsync
        def fsync(fd):
            os.kill(os.getpid(), signal.SIGTERM)
            real(fd)
        output.os.fsync = fsync
        govmodel.save(govmodel.examples.load("nics-2021"), {str(tmp_path / "m.yaml")!r})
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert done.returncode == -signal.SIGTERM, done.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_interrupt_during_a_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    """SIGINT (Ctrl-C) while writing: exit 130, no file, no temporary file."""
    script = textwrap.dedent(
        f"""
        import os, signal, sys
        from govmodel.io import output
        from govmodel.cli import main
        real = os.fsync
        def fsync(fd):
            os.kill(os.getpid(), signal.SIGINT)
            real(fd)
        output.os.fsync = fsync
        sys.exit(main(["example", "nics-2021", "-o", {str(tmp_path / "m.yaml")!r}]))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=60)
    assert done.returncode == 130, done.stderr
    assert b"Traceback" not in done.stderr
    assert list(tmp_path.iterdir()) == []


def test_the_corpus_is_large_enough() -> None:
    """At least 150 cases, in every class."""
    assert len(CASES) + len(API) >= 150
    kinds = {c.kind for c in CASES} | {c.kind for c in API}
    assert {"data-loss", "traceback", "hang", "silent", "injection", "unlocated", "api"} <= kinds
