"""Which site generator `jobsite build` and `jobsite serve` run: MkDocs 1.6 or ProperDocs.

ProperDocs is the maintained drop-in fork of MkDocs 1.6: it runs the plugins and themes
registered for MkDocs, and makes every `import mkdocs.*` import its own modules instead.
`JOBSITE_ENGINE=properdocs` selects it; by default jobsite runs MkDocs 1.6.1, which it
installs and is tested with. The choice must be made before anything imports MkDocs, so the
site commands import this module first.

A journal root needs only mkdocs.yml and journal/: where mkdocs.yml names no theme the
commands name Material (ProperDocs has no theme of its own, and MkDocs' own one loads
scripts from a CDN), and where there is no docs/ folder they give MkDocs an empty one.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from jobsite.errors import BuildError
from jobsite.site.theme import THEME

VARIABLE = "JOBSITE_ENGINE"
ENGINES = ("mkdocs", "properdocs")


def select(environ: Mapping[str, str] = os.environ) -> str:
    """Make `import mkdocs` mean the chosen engine, once, before MkDocs is imported."""
    engine = environ.get(VARIABLE, "").strip().lower() or "mkdocs"
    if engine not in ENGINES:
        raise BuildError(f"{VARIABLE}: unknown engine '{engine}' (expected mkdocs or properdocs)")
    if engine == "properdocs":
        try:
            import properdocs.replacement  # noqa: F401, PLC0415 - aliases mkdocs.* to properdocs.*
        except ImportError:
            raise BuildError(
                f"{VARIABLE}=properdocs, but ProperDocs is not installed (pip install properdocs)"
            ) from None
    return engine


@contextmanager
def completed_config(config_file: Path) -> Iterator[dict[str, object]]:
    """What to pass MkDocs besides mkdocs.yml so that a root of mkdocs.yml and journal/
    builds: the Material theme where none is named, an empty docs folder where there is
    none (it lasts as long as the block). mkdocs.yml is read by MkDocs' own reader, so what
    counts as written (`INHERIT` included) is what MkDocs will read."""
    from mkdocs.utils.yaml import yaml_load  # noqa: PLC0415 - MkDocs is imported by now

    try:
        with open(config_file, "rb") as file:
            loaded = yaml_load(file)
    except RecursionError:
        raise BuildError(
            f"{config_file.name}: INHERIT: the files inherit each other in a loop"
        ) from None
    except Exception:  # MkDocs' own load_config says what is wrong, in its words
        loaded = {}
    written = loaded if isinstance(loaded, dict) else {}
    extra: dict[str, object] = {}
    if "theme" not in written:
        extra["theme"] = THEME
    docs = written.get("docs_dir", "docs")
    if "docs_dir" not in written and not (config_file.parent / str(docs)).is_dir():
        with tempfile.TemporaryDirectory(prefix="jobsite-docs-") as empty:
            yield {**extra, "docs_dir": empty}
        return
    yield extra
