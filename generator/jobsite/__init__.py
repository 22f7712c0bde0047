"""jobsite: a follow-up plan and a private website from a folder of Markdown job notes."""

from importlib.metadata import PackageNotFoundError, version

# The version is written once, in pyproject.toml, and read back from the installed metadata
# (an editable install has it too), so `jobsite --version`, the cache key and the pin that
# `jobsite init` writes can never disagree with what pip installed.
try:
    __version__ = version("jobsite")
except PackageNotFoundError:  # imported from a source tree that was never installed
    __version__ = "0+unknown"
