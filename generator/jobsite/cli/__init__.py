"""The `jobsite` command line: each command parses its options, calls one core function and
prints (`follow_ups`: due, today and check; `digest`: digest; `people`: who; `site`: build,
serve and doctor; `authoring`: init, new and log; `exports`: ics and schema; `importing`:
import; `adopting`: adopt; `reporting`: report).

Only the command line reads the clock (`options.today`; `--today` overrides it). User errors,
and what the machine refuses (a full disk, a read-only folder), become a one-line message and
exit status 1 in one place, `_Group.invoke`; Click gives usage errors 2. Everything any
command prints is made inert in one place too: `_Group.main` runs it inside
`terminal.guarded()`.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Any

import click

from jobsite.cli import terminal
from jobsite.errors import JobsiteError, os_problem
from jobsite.words import inert

# Every command by name, and the module of jobsite.cli that defines it (in its `COMMANDS`).
# A module is imported when one of its commands is asked for, as Click's lazily loaded
# subcommands are: `jobsite due` imports its own module and not the eight others, which took
# a twentieth of a warm `jobsite due`. `jobsite --help` asks for them all.
_MODULES = {
    **dict.fromkeys(("due", "today", "check"), "follow_ups"),
    "digest": "digest",
    "who": "people",
    **dict.fromkeys(("build", "serve", "doctor"), "site"),
    **dict.fromkeys(("init", "new", "log"), "authoring"),
    **dict.fromkeys(("ics", "schema"), "exports"),
    "import": "importing",
    "adopt": "adopting",
    "report": "reporting",
}


class _Group(click.Group):
    """Runs every command with inert output (`terminal.guarded`), and turns every
    `JobsiteError` into its message on stderr and its exit status; loads each command's
    module when the command is asked for (`_MODULES`)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*self.commands, *_MODULES})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in _MODULES:
            module = importlib.import_module(f"jobsite.cli.{_MODULES[cmd_name]}")
            for command in module.COMMANDS:
                self.add_command(command)
        return self.commands.get(cmd_name)

    def main(self, *args: Any, **kwargs: Any) -> Any:
        with terminal.guarded():
            return super().main(*args, **kwargs)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except JobsiteError as error:
            # A message may quote a file's words: each line is made inert, never a terminal
            # escape; lines of a list (the candidates of `log`) stay lines.
            click.echo("\n".join(inert(line) for line in str(error).split("\n")), err=True)
            ctx.exit(error.exit_code)
        except OSError as error:
            # What the machine refused (a full disk, a read-only folder) that no command
            # foresaw: still one line, naming the file, never a traceback.
            root = ctx.obj if isinstance(ctx.obj, Path) else None
            click.echo(inert(os_problem(error, root)), err=True)
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "-C",
    "root",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=Path("."),
    metavar="DIR",
    help="Run as if jobsite was started in DIR (the journal root) instead of here.",
)
# The version is looked up only for --version (see jobsite.__getattr__).
@click.version_option(None, "--version", package_name="jobsite", prog_name="jobsite")
@click.pass_context
def main(ctx: click.Context, root: Path) -> None:
    """Follow-ups owed by the 3x3 method, from a folder of Markdown job notes.

    The journal root is a folder holding mkdocs.yml and journal/, one Markdown file per
    opportunity. Run `jobsite due` each morning for the calls and notes you owe.
    """
    ctx.obj = root
