"""Errors that end a command: each knows its one-line message and its exit status.

Problems inside journal files are not exceptions: they are collected as `model.Problem`
values so that one bad file never hides the rest. These are for what stops a command outright;
`jobsite.cli` turns each into its message on stderr and its exit status, in one place.
"""

from __future__ import annotations

import os
from pathlib import Path


class JobsiteError(Exception):
    """A user error: printed as one line on stderr, exit status 1."""

    exit_code = 1


class SettingsError(JobsiteError):
    """A bad option of the `jobsite` plugin in mkdocs.yml (guide/settings.md)."""


class JournalError(JobsiteError):
    """The journal as a whole cannot be read (no folder, or problems under `--strict`)."""


class BuildError(JobsiteError):
    """The site could not be built (a bad mkdocs.yml, or `--strict` and a problem)."""


class TargetError(JobsiteError):
    """`jobsite log TARGET` names no opportunity, or more than one."""


class PersonError(JobsiteError):
    """`jobsite who NAME` names no one in the journal."""


class EventLogError(JobsiteError):
    """The event cannot be added without risk to the file; the file is left as it was."""


class AdoptError(JobsiteError):
    """`jobsite adopt PATH` names no note under the journal folder."""


class InitError(JobsiteError):
    """`init` would overwrite a file, or cannot write one."""


def reason(error: OSError) -> str:
    """`[Errno 13] Permission denied: '...'` → `permission denied`: the phrase, no class names."""
    return (error.strerror or str(error)).lower()


def os_problem(error: OSError, root: Path | None = None) -> str:
    """`site/index.html: no space left on device`: the file an OS error names, relative to
    `root` where it lies under it, and the reason; the reason alone where it names none."""
    if error.filename is None:
        return reason(error)
    name = os.fsdecode(error.filename)
    if root is not None:
        path, base = Path(os.path.abspath(name)), Path(os.path.abspath(root))
        if path.is_relative_to(base):
            name = path.relative_to(base).as_posix()
    return f"{name}: {reason(error)}"
