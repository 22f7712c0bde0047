"""jobsite: a follow-up plan and a private website from a folder of Markdown job notes."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """`jobsite.__version__`, read on first use.

    The version is written once, in pyproject.toml, and read back from the installed metadata
    (an editable install has it too), so `jobsite --version` and the pin that `jobsite init`
    writes can never disagree with what pip installed. It is read only when asked for:
    importlib.metadata takes longer to import than the whole of a warm `jobsite due` needs.
    """
    if name != "__version__":
        raise AttributeError(f"module 'jobsite' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version  # noqa: PLC0415

    try:
        found = version("jobsite")
    except PackageNotFoundError:  # imported from a source tree that was never installed
        found = "0+unknown"
    globals()["__version__"] = found
    return found
