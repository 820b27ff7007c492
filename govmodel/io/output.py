"""The one way govmodel writes a file: safe, atomic, and honest about failure.

Every command that writes (``draw``, ``table``, ``example -o``, ``schema -o``...)
and every function that saves (:func:`govmodel.save`, :func:`govmodel.render`,
the table exports) goes through :func:`write_output`, which

- refuses an existing file unless told to replace it (``--force``,
  ``overwrite=True``), and never replaces an input of the command;
- writes only regular files: a directory, a device (``/dev/null``), a pipe or
  a socket is refused, never replaced;
- writes through a temporary file in the target's own folder, then renames it
  into place, so a reader sees the old file or the new one, never half of one;
- gives a new file the mode the umask allows (``0644`` under the usual umask),
  and a replaced file keeps its mode;
- removes its temporary file when interrupted (``SIGINT``, ``SIGTERM``,
  ``SIGHUP``) and then lets the signal take its course;
- turns every operating-system error into one :class:`~govmodel.errors.OutputError`
  naming the path and the reason.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path as FsPath
from types import FrameType

from govmodel.errors import OutputError, OverwriteRefused

__all__ = ["os_reason", "write_output"]

PathLike = str | os.PathLike[str]

_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class _Signalled(BaseException):
    """A terminating signal arrived while a temporary file existed."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def os_reason(exc: OSError) -> str:
    """An operating-system error in words, without the path (the caller names it).

    >>> os_reason(OSError(28, "No space left on device"))
    'no space left on device'
    """
    code = exc.errno
    words = {
        errno.ENOSPC: "no space left on device",
        errno.EDQUOT: "over the disk quota",
        errno.EROFS: "the file system is read-only",
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.ENOTDIR: "a part of the path is a file, not a folder",
        errno.EISDIR: "is a directory",
        errno.ENOENT: "no such folder",
        errno.ENAMETOOLONG: "the name is too long",
        errno.ELOOP: "too many symbolic links",
        errno.EPIPE: "the reader closed it (broken pipe)",
        errno.EBADF: "it is closed",
        errno.EIO: "input/output error",
        errno.EFBIG: "the file is too large",
    }
    if code in words:
        return words[code]
    text = exc.strerror or str(exc) or exc.__class__.__name__
    return text[:1].lower() + text[1:]


def _umask_mode() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


@contextlib.contextmanager
def _signals_raise() -> Iterator[None]:
    """While the block runs, a terminating signal raises :class:`_Signalled`."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum: int, frame: FrameType | None) -> None:
        raise _Signalled(signum)

    previous = {}
    try:
        for sig in _SIGNALS:
            previous[sig] = signal.signal(sig, handler)
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def _check_target(
    name: str, target: FsPath, *, overwrite: bool, protect: Iterable[PathLike | None]
) -> int | None:
    """The mode to keep when replacing ``target``, None for a new file; refuses what
    must not be written over."""
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise OutputError(name, os_reason(exc), exc.errno) from None
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(name, "is a directory; give a file name (inside it, say)", errno.EISDIR)
    if not stat.S_ISREG(st.st_mode):
        raise OutputError(
            name,
            "is not a regular file (a device, pipe or socket); govmodel writes only regular "
            "files, so give a file name (or `-o -` for standard output)",
        )
    for guarded in protect:
        if guarded is None:
            continue
        try:
            same = os.path.samefile(guarded, target)
        except OSError:
            same = False
        if same:
            raise OverwriteRefused(
                name,
                "is an input of this command; refusing to overwrite it: choose another path",
            )
    if not overwrite:
        raise OverwriteRefused(name)
    return stat.S_IMODE(st.st_mode)


def write_output(
    path: PathLike,
    data: str | bytes,
    *,
    overwrite: bool = False,
    protect: Iterable[PathLike | None] = (),
) -> FsPath:
    """Write ``data`` (text is written as UTF-8) to ``path``, safely and atomically.

    Raises :class:`~govmodel.errors.OverwriteRefused` when ``path`` exists and
    ``overwrite`` is false, or when it is one of the ``protect`` files (whatever
    ``overwrite`` says), and :class:`~govmodel.errors.OutputError` when it is not
    a regular file or cannot be written. Returns the path written.
    """
    name = os.fspath(path)
    if not name:
        raise OutputError("''", "is not a file name")
    if "\x00" in name:
        raise OutputError(repr(name), "is not a usable file name (it holds a NUL character)")
    if name.endswith(("/", os.sep)):
        raise OutputError(name, "names a folder; give a file name (inside it, say)")
    given = FsPath(name)
    # Write through a symbolic link to the file it names, never over the link itself.
    target = FsPath(os.path.realpath(given)) if os.path.islink(given) else given
    protect = list(protect)
    keep_mode = _check_target(name, target, overwrite=overwrite, protect=protect)
    mode = keep_mode if keep_mode is not None else _umask_mode()
    folder = target.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(name, f"cannot make the folder {folder}: a file is in the way") from None
    except OSError as exc:
        raise OutputError(
            name, f"cannot make the folder {folder}: {os_reason(exc)}", exc.errno
        ) from None
    payload = data.encode("utf-8") if isinstance(data, str) else data
    tmp: str | None = None
    try:
        with _signals_raise():
            fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".tmp")
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
                os.fchmod(handle.fileno(), mode)
            _put_in_place(name, tmp, target, overwrite=overwrite)
            tmp = None
    except _Signalled as caught:
        _remove(tmp)
        os.kill(os.getpid(), caught.signum)  # the previous handler (by default: exit) runs now
        raise OutputError(name, "interrupted; nothing was written") from None
    except OSError as exc:
        _remove(tmp)
        if isinstance(exc, OutputError):
            raise
        raise OutputError(name, os_reason(exc), exc.errno) from None
    except BaseException:
        _remove(tmp)
        raise
    return given


def _put_in_place(name: str, tmp: str, target: FsPath, *, overwrite: bool) -> None:
    if overwrite:
        os.replace(tmp, target)
        return
    # A new file: link it in, which fails if another writer got there first; file
    # systems without hard links get a rename.
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise OverwriteRefused(name) from None
    except OSError:
        if os.path.lexists(target):
            raise OverwriteRefused(name) from None
        os.replace(tmp, target)
        return
    os.unlink(tmp)


def _remove(tmp: str | None) -> None:
    if tmp is not None:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
