"""`jobsite new`: the text of a new opportunity file, its name, and its creation.

The front matter is written with python-frontmatter and PyYAML's safe dumper, which quote
whatever the user typed as needed (`Procter & Gamble`, a phone of digits only). The dumper
is tuned to the layout of the template: lists indented under their key, each event one
flow mapping on its line, keys in the template's order. `jobsite import` writes its files
through the same `front_matter_file` and `create`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from itertools import count
from pathlib import Path

import yaml

from jobsite.atomic import create_exclusive


@dataclass(frozen=True, slots=True)
class Draft:
    """What `jobsite new` was told about the opportunity."""

    company: str
    role: str | None = None
    kind: str = "job"
    contact: str | None = None
    phone: str | None = None
    email: str | None = None
    events: tuple[tuple[str, date], ...] = ()  # (type, date): applied, contacted, interview...


def render(draft: Draft) -> str:
    """The new file's text: front matter in the template's layout, and no notes yet."""
    metadata: dict[str, object] = {"company": draft.company}
    if draft.role:
        metadata["role"] = draft.role
    if draft.kind != "job":
        metadata["kind"] = draft.kind
    if draft.contact:
        contact = {"name": draft.contact, "phone": draft.phone, "email": draft.email}
        metadata["contacts"] = [{key: value for key, value in contact.items() if value}]
    ordered = sorted(draft.events, key=lambda event: event[1])
    metadata["events"] = [FlowMapping(date=day, type=kind) for kind, day in ordered]
    metadata["tags"] = []
    # No placeholder prose: what is below the front matter shows on the company page.
    return front_matter_file(metadata, "")


def front_matter_file(metadata: Mapping[str, object], body: str) -> str:
    """A file's text: `metadata` as block YAML front matter, in the order given, then `body`.

    Lists sit indented under their key; a `FlowMapping` (an event) is written on one line.
    """
    import frontmatter  # noqa: PLC0415 - only the commands that write files need it

    post = frontmatter.Post(body, **metadata)
    text = frontmatter.dumps(
        post, Dumper=_Dumper, sort_keys=False, default_flow_style=False, width=1000
    )
    return text if text.endswith("\n") else text + "\n"


def create(folder: Path, slug: str, data: bytes) -> Path:
    """Create `folder/slug.md`, or `slug-2.md`, `slug-3.md`... where that name is taken.

    Each name is claimed with O_EXCL, so nothing is overwritten even by a race.
    """
    for number in count(1):
        path = folder / (f"{slug}.md" if number == 1 else f"{slug}-{number}.md")
        try:
            create_exclusive(path, data)
        except FileExistsError:
            continue
        return path
    raise AssertionError("unreachable")  # pragma: no cover - count() never ends


class FlowMapping(dict):  # type: ignore[type-arg]
    """A mapping the dumper writes on one line: `{date: 2026-11-26, type: applied}`."""


class _Dumper(yaml.SafeDumper):
    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        # `contacts:` then `  - name: ...`, as in the template, not PyYAML's `- name:`.
        return super().increase_indent(flow, False)


_Dumper.add_representer(
    FlowMapping,
    lambda dumper, data: dumper.represent_mapping(
        "tag:yaml.org,2002:map", data.items(), flow_style=True
    ),
)
