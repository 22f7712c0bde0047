"""mkdocs.yml read without MkDocs, for the commands that do not build (`due`, `check`, `log`).

MkDocs is slow to import, and `jobsite due` must start fast, so these commands resolve
mkdocs.yml as MkDocs does (`!ENV`, other tags inert, `INHERIT` deep-merged) and hand the
plugin's options to the one reader of settings, `settings.settings_from`. A build hands that
reader the options MkDocs itself resolved instead, so nothing here decides what a build does;
`tests/journal/test_settings.py` holds the two readings together. `locator` reads the file
again only to name the line of an option in a message.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Mapping
from pathlib import Path

import yaml

from jobsite.errors import SettingsError, reason
from jobsite.words import quoted

CONFIG_FILE = "mkdocs.yml"
PLUGIN_NAME = "jobsite"

Locate = Callable[[str], str]


def read_config(path: Path, _chain: tuple[Path, ...] = ()) -> dict[str, object]:
    """mkdocs.yml as MkDocs' `yaml_load` reads it: `!ENV` resolved, other tags inert, and a
    file named by `INHERIT` deep-merged under it (a child's list replaces the parent's).

    A file that inherits itself, directly or through others, is a `SettingsError` naming
    the loop, where MkDocs would recurse until Python gives up.
    """
    chain = (*_chain, Path(os.path.normpath(path.absolute())))
    try:
        with open(path, "rb") as file:
            loaded = yaml.load(file, Loader=_ConfigLoader)
    except OSError as error:
        raise SettingsError(f"{path.name}:1: cannot read: {reason(error)}") from None
    except UnicodeDecodeError:
        raise SettingsError(f"{path.name}:1: not UTF-8 text: save it as UTF-8") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise SettingsError(f"{path.name}:{line}: invalid YAML: {problem}") from None
    config = loaded if isinstance(loaded, dict) else {}
    parent = config.pop("INHERIT", None)
    if isinstance(parent, str):
        parent_path = Path(os.path.normpath(path.parent / parent))
        if not parent_path.is_file():
            raise SettingsError(f"{path.name}: INHERIT: {quoted(parent)} does not exist")
        if any(parent_path.absolute().samefile(link) for link in chain):
            names = [os.path.relpath(link, chain[0].parent) for link in (*chain, parent_path)]
            raise SettingsError(
                f"{names[-2]}: INHERIT: {quoted(parent)} makes a loop ({' → '.join(names)}): "
                "a file cannot inherit itself"
            )
        config = _merge(read_config(parent_path, chain), config)
    return config


def plugin_options(config: Mapping[str, object]) -> dict[str, object]:
    """The `jobsite` plugin's options in a resolved config, in MkDocs' list or mapping form."""
    plugins = config.get("plugins")
    entries: list[object] = []
    if isinstance(plugins, dict):
        entries = [{name: options} for name, options in plugins.items()]
    elif isinstance(plugins, list):
        entries = plugins
    for entry in entries:
        if entry == PLUGIN_NAME:
            return {}
        if isinstance(entry, dict) and len(entry) == 1 and PLUGIN_NAME in entry:
            options = entry[PLUGIN_NAME]
            if options is None:
                return {}
            if not isinstance(options, dict):
                raise SettingsError(f"{CONFIG_FILE}: {PLUGIN_NAME}: expected a mapping of options")
            return options
    return {}


def locator(path: Path) -> Locate:
    """A function naming where an option of the plugin is written: `mkdocs.yml:12: name`.

    Best effort and for messages only: it looks for the option's key in the last `plugins`
    of the file, then of the files it INHERITs.
    """
    lines: dict[str, str] = {}
    with contextlib.suppress(OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
        lines = _option_lines(path)

    def locate(name: str) -> str:
        return f"{lines[name]}: {name}" if name in lines else f"{path.name}: {name}"

    return locate


def key_lines(path: Path) -> dict[str, str]:
    """`file:line` of each top-level key of mkdocs.yml, or of the file it INHERITs where it
    does not write that key; for messages only, so {} where the file cannot be read."""
    lines: dict[str, str] = {}
    with contextlib.suppress(OSError, UnicodeDecodeError, yaml.YAMLError, RecursionError):
        lines = _key_lines(path)
    return lines


def _key_lines(path: Path, depth: int = 0) -> dict[str, str]:
    root = yaml.compose(path.read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        return {}
    lines: dict[str, str] = {}
    found = {_text(key): (key, value) for key, value in root.value}
    inherited = found.get("INHERIT", (None, None))[1]
    if isinstance(inherited, yaml.ScalarNode) and depth < 10:
        parent = path.parent / str(inherited.value)
        if parent.is_file():
            lines.update(_key_lines(parent, depth + 1))
    for name, (key, _) in found.items():
        lines[name] = f"{path.name}:{key.start_mark.line + 1}"
    return lines


def _option_lines(path: Path, depth: int = 0) -> dict[str, str]:
    """`file:line` of each option key of the plugin's entry in `path`, or in the file it
    INHERITs where `path` does not set it."""
    root = yaml.compose(path.read_text(encoding="utf-8-sig"), Loader=yaml.SafeLoader)
    lines: dict[str, str] = {}
    if not isinstance(root, yaml.MappingNode):
        return lines
    found = {_text(key): value for key, value in root.value}  # the last duplicate wins
    if isinstance(found.get("INHERIT"), yaml.ScalarNode) and depth < 10:
        inherited = path.parent / str(found["INHERIT"].value)
        if inherited.is_file():
            lines.update(_option_lines(inherited, depth + 1))
    plugins = found.get("plugins")
    entries = plugins.value if isinstance(plugins, yaml.SequenceNode) else [plugins]
    for entry in entries:
        if not isinstance(entry, yaml.MappingNode):
            continue
        for name, options in entry.value:
            if _text(name) == PLUGIN_NAME and isinstance(options, yaml.MappingNode):
                lines.update(
                    {_text(k): f"{path.name}:{k.start_mark.line + 1}" for k, _ in options.value}
                )
    return lines


def _text(node: yaml.Node) -> str:
    return str(node.value) if isinstance(node, yaml.ScalarNode) else ""


def _merge(parent: dict[str, object], child: Mapping[str, object]) -> dict[str, object]:
    """mergedeep's REPLACE strategy, as MkDocs uses it for INHERIT."""
    merged = dict(parent)
    for key, value in child.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)  # type: ignore[arg-type]
        else:
            merged[key] = value
    return merged


class _ConfigLoader(yaml.SafeLoader):
    """PyYAML's safe loader with MkDocs' `!ENV`; any other tag (`!!python/name:...`,
    `!relative`) reads as null, since no jobsite option can use one."""


def _construct_env(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    from yaml_env_tag import construct_env_tag  # noqa: PLC0415 - MkDocs' own, small

    return construct_env_tag(loader, node)  # type: ignore[arg-type]


def _construct_timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> object:
    """A date as YAML reads it, or the text where it is no date (`2026-13-45`), for the
    option's parser to report."""
    try:
        return loader.construct_yaml_timestamp(node)  # type: ignore[arg-type]
    except ValueError:
        return loader.construct_scalar(node)  # type: ignore[arg-type]


_ConfigLoader.add_constructor("!ENV", _construct_env)
_ConfigLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
