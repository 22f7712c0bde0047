"""Errors that end a command: each knows its one-line message and its exit status.

Problems inside journal files are not exceptions: they are collected as `model.Problem`
values so that one bad file never hides the rest. These are for what stops a command outright.
"""

from __future__ import annotations


class JobsiteError(Exception):
    """A user error: printed as one line on stderr, exit status 1."""

    exit_code = 1


class SettingsError(JobsiteError):
    """A bad option of the `jobsite` plugin in mkdocs.yml (SPEC §2)."""


class JournalError(JobsiteError):
    """The journal as a whole cannot be read (no folder, or problems under `--strict`)."""
