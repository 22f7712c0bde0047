"""`jobsite init`: a new journal root from the files packaged under `jobsite/authoring/scaffold/`.

Every file under that folder is copied, whatever its name, so a file added there later (the
publishing workflow, say) ships with `init` without a change here. Two conventions:
`_DESTINATIONS` places a packaged file elsewhere in the root (`pages.yml` goes to
`.github/workflows/`), and a name ending in `.in` is a `string.Template` filled with the day
of the init (so the example's dates are fresh) and the pin of jobsite (so
`requirements.txt`, which the workflow installs from, names the jobsite that ran `init`:
see `jobsite.authoring.pinning`), and written without the suffix.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from string import Template

import jobsite
from jobsite.atomic import create_exclusive
from jobsite.authoring.pinning import Pin, index_pin
from jobsite.authoring.schema import shipped_schema
from jobsite.errors import InitError, reason
from jobsite.words import count

SCAFFOLD = "scaffold"
SCHEMA_COPY = ".vscode/opportunity.schema.json"
_DESTINATIONS = {
    "pages.yml": ".github/workflows/pages.yml",
    "dependabot.yml": ".github/dependabot.yml",
}
_TEMPLATE_SUFFIX = ".in"
_SKIPPED = ("__pycache__", ".DS_Store")


def scaffold_files(
    today: date, source: Traversable | None = None, *, pin: Pin | None = None
) -> dict[str, bytes]:
    """Every file `init` writes: path relative to the new root (with `/`) → content.

    `source` is the folder to copy (by default the packaged `jobsite/authoring/scaffold/`);
    `pin` is what `requirements.txt` pins, with the files it needs (by default this jobsite's
    version from the package index, which only a jobsite installed from one can pin).
    """
    pin = pin if pin is not None else index_pin(jobsite.__version__)
    comment = "".join(f"# {line}".rstrip() + "\n" for line in pin.explanation.splitlines())
    values = {"today": today.isoformat(), "pin": f"{comment}{pin.requirement}"}
    files: dict[str, bytes] = {}
    folder = (
        source if source is not None else resources.files("jobsite.authoring").joinpath(SCAFFOLD)
    )
    for packaged, resource in _walk(folder, ""):
        data = resource.read_bytes()
        name = _DESTINATIONS.get(packaged, packaged)
        if name.endswith(_TEMPLATE_SUFFIX):
            name = name.removesuffix(_TEMPLATE_SUFFIX)
            text = Template(data.decode("utf-8")).safe_substitute(values)
            data = text.encode("utf-8")
        files[name] = data
    # The editor's copy of the schema, so the journal works offline and in any checkout.
    files[SCHEMA_COPY] = shipped_schema().encode("utf-8")
    files.update(pin.files)
    return dict(sorted(files.items()))


@dataclass(frozen=True)
class Started:
    """What `init_journal` did: the paths it wrote, and what requirements.txt pins."""

    written: list[str]
    pin: Pin


def init_journal(root: Path, today: date, choose_pin: Callable[[], Pin]) -> Started:
    """Write the scaffold into `root` (created if missing); say what it wrote.

    `choose_pin()` says what `requirements.txt` pins (`pinning.pin_for`); it is asked only
    once `root` is known to be free, since making a wheel takes a while, and may raise
    `PinError`. Writes nothing at all where any of its files is already there: raises
    `InitError` listing them. Each file is created with O_EXCL, so even a file that appears
    meanwhile is never overwritten.
    """
    if root.exists() and not root.is_dir():
        raise InitError(f"init: {root} is a file, not a folder")
    _refuse_what_is_there(root, scaffold_files(today))
    pin = choose_pin()
    files = scaffold_files(today, pin=pin)
    _refuse_what_is_there(root, files)
    written = []
    for name, data in files.items():
        target = root / name
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:  # a file where a folder should be, or no permission
            raise InitError(f"init: cannot make the folder of {name}: {reason(error)}") from None
        try:
            create_exclusive(target, data)
        except FileExistsError:
            raise InitError(f"init: {name} appeared meanwhile; left it as it is") from None
        except OSError as error:
            raise InitError(f"init: cannot write {name}: {reason(error)}") from None
        written.append(name)
    return Started(written, pin)


def _refuse_what_is_there(root: Path, files: dict[str, bytes]) -> None:
    there = [name for name in files if os.path.lexists(root / name)]
    if there:
        verb = "is" if len(there) == 1 else "are"
        raise InitError(
            f"init: {count(len(there), 'file')} {verb} already there, nothing was written: "
            f"{', '.join(there)}"
        )


def _walk(folder: Traversable, prefix: str) -> list[tuple[str, Traversable]]:
    """(relative name, resource) of every file under `folder`, in name order."""
    found = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name in _SKIPPED or entry.name.endswith(".pyc"):
            continue
        name = f"{prefix}{entry.name}"
        if entry.is_dir():
            found.extend(_walk(entry, f"{name}/"))
        else:
            found.append((name, entry))
    return found
