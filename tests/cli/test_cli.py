"""The commands of guide/commands.md: `due`, `check`, `-C`, `--version`, exit codes, messages."""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
import shutil
import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

import jobsite.cli
from jobsite import __version__
from jobsite.cli import main
from jobsite.vocabulary import ACTIONS

from conftest import REPO, SAMPLE_TODAY
from samples import acme

TODAY = "2026-11-16"  # a Monday

# Mon 11-16. Acme: interview Thu 11-12 → thanks due Fri 11-13, overdue.
# Gamma: meeting Thu 11-05, thanked Fri 11-06 → check-in roll(11-13) = Fri 11-13 ..
# roll(11-16) = Mon 11-16: due. Beta: applied Thu 11-12 → B+3 = Fri 13, Mon 16, Tue 17:
# upcoming. Delta: asked to call on Tue 12-01, beyond 11-16 + 7 = 11-23: later. Eps: paused.
JOURNAL = {
    "acme.md": acme(
        "{date: 2026-11-02, type: applied, notes: through the careers site}",
        "{date: 2026-11-05, type: voicemail, with: Dana Smith}",
        "2026-11-12 interview: panel of three, went well",
        body="Notes in Markdown...\n",
    ),
    "beta.md": """
        ---
        company: Beta
        role: Analyst
        contacts: [{name: Lee Park, email: lee@beta.example}]
        events: [2026-11-12 applied]
        ---
        """,
    "networking/gamma.md": """
        ---
        company: Gamma Group
        kind: networking
        events: [2026-11-05 meeting, 2026-11-06 thank-you, 2026-11-06 note]
        ---
        """,
    "delta.md": """
        ---
        company: Delta
        role: Engineer
        contacts: [{name: Sam, phone: 0123}]
        events: [2026-11-16 applied]
        follow_up: {next: 2026-12-01}
        ---
        """,
    "eps.md": """
        ---
        company: Eps
        status: paused
        events: [2026-11-02 applied]
        ---
        """,
}

EXPECTED_JSON = [
    {
        "file": "journal/acme.md",
        "company": "Acme Corp",
        "role": "Data Engineer",
        "action": "thank-you-call",
        "due": "2026-11-13",
        "due_by": "2026-11-13",
        "bucket": "overdue",
        "contact": "Dana Smith",
        "phone": "+1 847 555 0100",
        "email": "dana@acme.example",
        "quiet": False,
    },
    {
        "file": "journal/acme.md",
        "company": "Acme Corp",
        "role": "Data Engineer",
        "action": "handwritten-note",
        "due": "2026-11-13",
        "due_by": "2026-11-13",
        "bucket": "overdue",
        "contact": "Dana Smith",
        "phone": "+1 847 555 0100",
        "email": "dana@acme.example",
        "quiet": False,
    },
    {
        "file": "journal/networking/gamma.md",
        "company": "Gamma Group",
        "role": None,
        "action": "check-in-call",
        "due": "2026-11-13",
        "due_by": "2026-11-16",
        "bucket": "due",
        "contact": None,
        "phone": None,
        "email": None,
        "quiet": False,
    },
    {
        "file": "journal/beta.md",
        "company": "Beta",
        "role": "Analyst",
        "action": "follow-up-call",
        "due": "2026-11-17",
        "due_by": "2026-11-17",
        "bucket": "upcoming",
        "contact": "Lee Park",
        "phone": None,
        "email": "lee@beta.example",
        "quiet": False,
    },
]
LATER_JSON = {
    "file": "journal/delta.md",
    "company": "Delta",
    "role": "Engineer",
    "action": "follow-up-call",
    "due": "2026-12-01",
    "due_by": "2026-12-01",
    "bucket": "later",
    "contact": "Sam",
    "phone": "0123",
    "email": None,
    "quiet": False,
}
KEYS = [
    "file",
    "company",
    "role",
    "action",
    "due",
    "due_by",
    "bucket",
    "contact",
    "phone",
    "email",
    "quiet",  # the one key beyond the buckets: a decision, not a call (guide/commands.md)
]
ANSI = re.compile(r"\x1b\[")


@pytest.fixture
def root(make_root):
    return make_root(JOURNAL, settings="country: US")


# --- due --------------------------------------------------------------------------------------


def test_due_text_grouped_by_bucket_with_phone(root, run) -> None:
    result = run(root, "due", "--today", TODAY)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Follow-ups for Mon 2026-11-16\n"
        "\n"
        "OVERDUE (2)\n"
        "  Fri 2026-11-13  Thank-you call    Acme Corp · Data Engineer\n"
        "                  Dana Smith  +1 847 555 0100  dana@acme.example  journal/acme.md\n"
        "  Fri 2026-11-13  Handwritten note  Acme Corp · Data Engineer\n"
        "                  Dana Smith  +1 847 555 0100  dana@acme.example  journal/acme.md\n"
        "\n"
        "DUE NOW (1)\n"
        "  Fri 2026-11-13  Check-in call     Gamma Group  (until Mon 2026-11-16)\n"
        "                  journal/networking/gamma.md\n"
        "\n"
        "UPCOMING, NEXT 7 DAYS (1)\n"
        "  Tue 2026-11-17  Follow-up call    Beta · Analyst\n"
        "                  Lee Park  lee@beta.example  journal/beta.md\n"
        "\n"
        "1 more action later: jobsite due --all\n"
    )


def test_due_all_adds_later(root, run) -> None:
    result = run(root, "due", "--today", TODAY, "--all")
    assert result.exit_code == 0
    assert result.stdout.endswith(
        "\nLATER (1)\n"
        "  Tue 2026-12-01  Follow-up call    Delta · Engineer\n"
        "                  Sam  0123  journal/delta.md\n"
    )
    assert "more action" not in result.stdout


def test_due_json_is_exactly_spec_5(root, run) -> None:
    result = run(root, "due", "--today", TODAY, "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    items = json.loads(result.stdout)
    assert items == EXPECTED_JSON
    for item in items:
        assert list(item) == KEYS
        for key in KEYS[:-1]:
            assert item[key] is None or isinstance(item[key], str)
        assert item["quiet"] is False
    # Sorted by due, then company, then the method's order (guide/rules.md §6).
    order = [(i["due"], i["company"], ACTIONS.index(i["action"])) for i in items]
    assert order == sorted(order)


def test_due_json_all_adds_later(root, run) -> None:
    result = run(root, "due", "--today", TODAY, "--json", "--all")
    assert json.loads(result.stdout) == [*EXPECTED_JSON, LATER_JSON]


def test_due_json_with_nothing_owed_is_an_empty_array(make_root, run) -> None:
    root = make_root({"lead.md": "---\ncompany: Lead\n---\n"})
    result = run(root, "due", "--json")
    assert (result.exit_code, result.stdout, result.stderr) == (0, "[]\n", "")


def test_due_text_with_nothing_owed(make_root, run) -> None:
    root = make_root({"lead.md": "---\ncompany: Lead\nrole: Analyst\n---\n"})
    result = run(root, "due", "--today", TODAY)
    assert result.stdout == (
        "Follow-ups for Mon 2026-11-16\n\nNothing is overdue, due or coming up.\n"
        "\n"
        "1 lead not yet contacted: jobsite due --leads\n"
    )
    listed = run(root, "due", "--today", TODAY, "--leads")
    assert listed.stdout.endswith(
        "LEADS, NOT YET CONTACTED (1)\n  Lead · Analyst  journal/lead.md\n"
    )


def test_a_file_left_out_is_counted_at_the_end_and_never_hides_the_rest(make_root, run) -> None:
    """Issue 10: one typo must not pass for "nothing due": the last line says files are missing."""
    broken = "---\ncompany: Fabrikam\nevents:\n  - 2026-11-12 intervew\n---\n"
    root = make_root({"acme.md": JOURNAL["acme.md"], "fabrikam.md": broken})
    result = run(root, "due", "--today", TODAY)
    assert result.exit_code == 0
    assert result.stderr == (
        "journal/fabrikam.md:4: events[0].type: unknown type 'intervew' "
        "(did you mean 'interview'?)\n"
    )
    assert "Acme Corp" in result.stdout
    assert result.stdout.endswith(
        "Left out: 1 file with errors (listed above), so calls may be missing: "
        "fix it, then run jobsite check\n"
    )
    as_json = run(root, "due", "--today", TODAY, "--json")
    assert json.loads(as_json.stdout)  # stdout stays one JSON array; the problem is on stderr
    assert as_json.stderr == result.stderr


def test_today_changes_the_buckets(root, run) -> None:
    # A week later, Mon 11-23, everything but Delta's call is overdue; Delta's Tue 12-01 lies
    # beyond 11-23 + 7 = 11-30, so it is still later.
    result = run(root, "due", "--today", "2026-11-23", "--json", "--all")
    buckets = {(i["company"], i["action"]): i["bucket"] for i in json.loads(result.stdout)}
    assert buckets == {
        ("Acme Corp", "handwritten-note"): "overdue",
        ("Acme Corp", "thank-you-call"): "overdue",
        ("Gamma Group", "check-in-call"): "overdue",
        ("Beta", "follow-up-call"): "overdue",
        ("Delta", "follow-up-call"): "later",
    }


@pytest.mark.parametrize("bad", ["2026-02-30", "16/11/2026", "tomorrow", "2026-11-16T10:00"])
def test_a_bad_today_is_a_usage_error(root, run, bad: str) -> None:
    result = CliRunner().invoke(main, ["-C", str(root), "due", "--today", bad])
    assert result.exit_code == 2
    assert f"Invalid value for '--today': '{bad}' does not match the format '%Y-%m-%d'." in (
        result.stderr
    )


def test_strict_fails_on_any_problem(make_root, run) -> None:
    root = make_root(
        {
            "good.md": "---\ncompany: Good\nevents: [2026-11-12 applied]\n---\n",
            "typo.md": "---\ncompany: Typo\nevents: []\nevnets: []\n---\n",
        }
    )
    warning = "journal/typo.md:4: warning: unknown key 'evnets' (did you mean 'events'?)\n"
    relaxed = run(root, "due", "--today", TODAY, "--json")
    assert (relaxed.exit_code, relaxed.stderr) == (0, warning)
    strict = run(root, "due", "--today", TODAY, "--json", "--strict")
    assert strict.exit_code == 1
    assert strict.stderr == warning + "--strict: 1 problem in the journal\n"
    assert json.loads(strict.stdout)[0]["company"] == "Good"  # the list is still printed


def test_a_misspelt_key_leaves_the_file_out_and_is_counted(make_root, run) -> None:
    root = make_root(
        {
            "good.md": "---\ncompany: Good\nevents: [2026-11-12 applied]\n---\n",
            "typo.md": "---\ncompany: Typo\nevnets: [2026-11-02 applied]\n---\n",
        }
    )
    result = run(root, "due", "--today", TODAY)
    assert result.exit_code == 0
    assert result.stderr == "journal/typo.md:3: unknown key 'evnets' (did you mean 'events'?)\n"
    assert "Typo" not in result.stdout
    assert result.stdout.splitlines()[-1] == (
        "Left out: 1 file with errors (listed above), so calls may be missing: "
        "fix it, then run jobsite check"
    )


def test_strict_passes_without_problems(root, run) -> None:
    result = run(root, "due", "--today", TODAY, "--strict")
    assert (result.exit_code, result.stderr) == (0, "")


def test_strict_counts_every_problem(make_root, run) -> None:
    root = make_root(
        {
            "a.md": "---\ncompany: A\nevnets: []\n---\n",
            "b.md": "---\nrole: x\n---\n",
        }
    )
    result = run(root, "due", "--strict")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == "--strict: 2 problems in the journal"


# --- check ------------------------------------------------------------------------------------


def test_check_exits_1_on_errors_and_lists_every_problem(make_root, run) -> None:
    root = make_root(
        {
            "good.md": "---\ncompany: Good\nevents: [2026-11-12 applied, 2026-12-01 reply]\n---\n",
            "bad.md": "---\ncompany: Bad\nevents:\n  - 2026-11-12 intervew\n---\n",
            "typo.md": "---\ncompany: Typo\nevents: []\nevnets: []\n---\n",
        }
    )
    result = run(root, "check", "--today", TODAY)
    assert result.exit_code == 1
    assert result.stderr == (
        "journal/bad.md:4: events[0].type: unknown type 'intervew' (did you mean 'interview'?)\n"
        "journal/good.md:3: warning: 'reply' is dated 2026-12-01, after today: "
        "the rules ignore it until then\n"
        "journal/typo.md:4: warning: unknown key 'evnets' (did you mean 'events'?)\n"
        "1 error: fix it and run 'jobsite check' again\n"
    )
    assert result.stdout == "3 files checked, 2 opportunities loaded: 1 error, 2 warnings.\n"


def test_check_exits_0_on_warnings_only(make_root, run) -> None:
    root = make_root(
        {
            "good.md": "---\ncompany: Good\nevents: [2026-11-12 applied]\n"
            "follow_up: {next: 2026-11-01}\n---\n",
        }
    )
    result = run(root, "check", "--today", TODAY)
    assert result.exit_code == 0
    assert result.stderr == (
        "journal/good.md:4: warning: follow_up.next (2026-11-01) is not after the last event "
        "(2026-11-12): it is stale and ignored\n"
    )
    assert result.stdout == "1 file checked, 1 opportunity loaded: 0 errors, 1 warning.\n"


def test_check_clean_journal(root, run) -> None:
    result = run(root, "check", "--today", TODAY)
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == "5 files checked, 5 opportunities loaded: no problems.\n"


# --- The root: -C, mkdocs.yml, the journal folder ---------------------------------------------


def test_minus_c_names_the_root(root, run) -> None:
    assert json.loads(run(root, "due", "--today", TODAY, "--json").stdout) == EXPECTED_JSON


def test_without_minus_c_the_current_folder_is_the_root(root, run, monkeypatch) -> None:
    monkeypatch.chdir(root)
    result = run(None, "due", "--today", TODAY, "--json")
    assert json.loads(result.stdout) == EXPECTED_JSON


def test_minus_c_to_a_missing_folder_is_a_usage_error(tmp_path, run) -> None:
    result = CliRunner().invoke(main, ["-C", str(tmp_path / "nowhere"), "due"])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr


def test_a_root_without_mkdocs_yml_uses_the_defaults(make_root, run) -> None:
    root = make_root(JOURNAL)  # no settings: no mkdocs.yml
    assert not (root / "mkdocs.yml").exists()
    result = run(root, "due", "--today", TODAY, "--json")
    assert (result.exit_code, result.stderr) == (0, "")
    assert json.loads(result.stdout) == EXPECTED_JSON
    assert run(root, "check", "--today", TODAY).exit_code == 0


@pytest.mark.parametrize("command", ["due", "check"])
def test_no_journal_folder_is_a_one_line_error(tmp_path, run, command: str) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n")
    result = run(tmp_path, command)
    assert result.exit_code == 1
    assert result.stderr == "journal/: no such folder (run 'jobsite init' to start a journal)\n"
    assert result.stdout == ""


def test_the_journal_setting_names_the_folder(make_root, run) -> None:
    root = make_root({}, settings="journal: notes")
    result = run(root, "due")
    assert (result.exit_code, result.stderr) == (
        1,
        "notes/: no such folder (run 'jobsite init' to start a journal)\n",
    )
    (root / "journal").rename(root / "notes")
    (root / "notes/x.md").write_text("---\ncompany: X\nevents: [2026-11-12 applied]\n---\n")
    result = run(root, "due", "--today", TODAY, "--json")
    assert json.loads(result.stdout)[0]["file"] == "notes/x.md"


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ("country: XX", "mkdocs.yml:4: country: unknown country code 'XX'"),
        (
            "country: GB\nsubdivision: XYZ",
            "mkdocs.yml:5: subdivision: unknown subdivision 'XYZ' of GB "
            "(expected one of ENG, NIR, SCT, WLS)",
        ),
        (
            "days_off: [2026-12-24, 24/12/2026]",
            "mkdocs.yml:4: days_off: '24/12/2026' is not a date (expected YYYY-MM-DD)",
        ),
        ("horizon_days: soon", "mkdocs.yml:4: horizon_days: expected a whole number, not 'soon'"),
        ("countyr: DE", "mkdocs.yml:4: countyr: unknown setting (did you mean 'country'?)"),
        ("country: DE\nholidays: []", "mkdocs.yml:5: holidays: unknown setting"),
    ],
)
@pytest.mark.parametrize("command", ["due", "check"])
def test_a_bad_setting_is_a_one_line_error(root, run, settings, message, command) -> None:
    options = "\n".join(f"      {line}" for line in settings.splitlines())
    (root / "mkdocs.yml").write_text(f"site_name: Test\nplugins:\n  - jobsite:\n{options}\n")
    result = run(root, command, "--today", TODAY)
    assert result.exit_code == 1
    assert result.stderr == message + "\n"
    assert result.stdout == ""


def test_a_misspelt_setting_stops_the_build_too(root, run) -> None:
    (root / "mkdocs.yml").write_text("site_name: Test\nplugins:\n  - jobsite:\n      countyr: DE\n")
    result = run(root, "build", "--today", TODAY)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        "mkdocs.yml:4: countyr: unknown setting (did you mean 'country'?)"
    )
    assert not (root / "site").exists()


def test_check_reports_mkdocs_own_keys_as_a_build_reads_them(root, run) -> None:
    (root / "mkdocs.yml").write_text(
        "site_nmae: Test\nsite_name: Test\nnav: 3\nplugins: [search, jobsite]\n"
    )
    result = run(root, "check", "--today", TODAY)
    assert result.exit_code == 1
    assert result.stderr == (
        "mkdocs.yml:1: site_nmae: unknown setting (did you mean 'site_name'?)\n"
        "mkdocs.yml:3: nav: Expected nav to be a list, got a int: 3\n"
        "2 errors: fix them and run 'jobsite check' again\n"
    )


def test_check_passes_the_sample_mkdocs_yml(tmp_path, run) -> None:
    for name in ("journal", "docs"):
        shutil.copytree(REPO / name, tmp_path / name, ignore=shutil.ignore_patterns("*.png"))
    shutil.copy(REPO / "mkdocs.yml", tmp_path / "mkdocs.yml")
    result = run(tmp_path, "check", "--today", SAMPLE_TODAY)
    assert (result.exit_code, result.stderr) == (0, "")


def test_invalid_mkdocs_yml_is_a_one_line_error(root, run) -> None:
    (root / "mkdocs.yml").write_text("site_name: [x\nplugins: []\n")
    result = run(root, "due")
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1
    assert result.stderr.startswith("mkdocs.yml:")
    assert "Traceback" not in result.stderr


def test_mkdocs_tags_do_not_break_the_settings(root, run) -> None:
    (root / "mkdocs.yml").write_text(
        "site_name: !ENV [SITE_NAME, 'My job search']\n"
        "theme:\n"
        "  name: material\n"
        "markdown_extensions:\n"
        "  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n"
        "  - pymdownx.superfences:\n"
        "      custom_fences:\n"
        "        - name: mermaid\n"
        "          format: !!python/name:pymdownx.superfences.fence_code_format ''\n"
        "extra:\n"
        "  analytics: !ENV ANALYTICS\n"
        "  base: &base {x: 1}\n"
        "  merged: {<<: *base}\n"
        "plugins:\n"
        "  - search\n"
        "  - jobsite:\n"
        "      country: GB\n"
        "      horizon_days: 14\n"
    )
    result = run(root, "due", "--today", TODAY, "--json", "--all")
    assert (result.exit_code, result.stderr) == (0, "")
    # The options under the tags were read: with a 14-day horizon, Tue 12-01 lies beyond
    # 11-16 + 14 = 11-30 (later), and with GB, Beta's B+3 of Thu 11-12 is Tue 11-17 (upcoming).
    buckets = {(i["company"], i["action"]): i["bucket"] for i in json.loads(result.stdout)}
    assert buckets[("Delta", "follow-up-call")] == "later"
    assert buckets[("Beta", "follow-up-call")] == "upcoming"


def test_gb_settings_move_a_due_date(make_root, run) -> None:
    # Interview Thu 2026-12-24. US: B+1 = Mon 12-28. GB: Boxing Day (Sat 26) is observed on
    # Mon 28, so B+1 = Tue 12-29.
    files = {"x.md": "---\ncompany: X\nevents: [2026-12-24 interview]\n---\n"}
    us = run(make_root(files, settings="country: US"), "due", "--today", "2026-12-24", "--json")
    assert json.loads(us.stdout)[0]["due"] == "2026-12-28"
    gb = run(make_root(files, settings="country: GB"), "due", "--today", "2026-12-24", "--json")
    assert json.loads(gb.stdout)[0]["due"] == "2026-12-29"


# --- Colour -----------------------------------------------------------------------------------


def invoke(root, *args: str, color: bool, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, ["-C", str(root), *args], color=color, env=env)


def test_no_colour_when_not_a_terminal(root) -> None:
    result = invoke(root, "due", "--today", TODAY, "--all", color=False)
    assert result.exit_code == 0
    assert not ANSI.search(result.stdout)


def test_colour_on_a_terminal(root) -> None:
    result = invoke(root, "due", "--today", TODAY, color=True, env={"NO_COLOR": None})
    assert ANSI.search(result.stdout)
    assert result.stdout.startswith("\x1b[1mFollow-ups for Mon 2026-11-16\x1b[0m\n")


@pytest.mark.parametrize("value", ["1", "yes", "0"])
def test_no_color_turns_colour_off_even_on_a_terminal(root, value: str) -> None:
    result = invoke(root, "due", "--today", TODAY, "--all", color=True, env={"NO_COLOR": value})
    assert result.exit_code == 0
    assert not ANSI.search(result.stdout + result.stderr)


def test_json_never_has_colour(root) -> None:
    result = invoke(root, "due", "--today", TODAY, "--json", color=True, env={"NO_COLOR": None})
    assert json.loads(result.stdout) == EXPECTED_JSON


# --- What due imports -------------------------------------------------------------------------

_IMPORTED = """
import sys
from jobsite.cli import main
try:
    main(sys.argv[1:], standalone_mode=False)
finally:
    print(" ".join(sorted(sys.modules)), file=sys.stderr)
"""


def _modules_after(*args: str) -> set[str]:
    """The modules a fresh interpreter has imported once the command `args` is done."""
    done = subprocess.run(
        [sys.executable, "-c", _IMPORTED, *args], capture_output=True, text=True, check=True
    )
    return set(done.stderr.split())


def _imported_by(*args: str) -> set[str]:
    """The top-level packages a fresh interpreter has imported once the command is done."""
    return {name.split(".")[0] for name in _modules_after(*args)}


def test_due_never_imports_the_site_and_warm_not_even_holidays(root) -> None:
    """The due list stays quick: MkDocs, Material, Markdown and Jinja2 are for the site only,
    and once the holiday dates are cached, `holidays` (slow to import) is not needed."""
    site = {"mkdocs", "material", "markdown", "jinja2", "markupsafe", "pymdownx"}
    command = ("-C", str(root), "due", "--json", "--today", TODAY)
    cold = _imported_by(*command)
    assert "holidays" in cold  # the control: the dates are worked out once
    assert not cold & site
    warm = _imported_by(*command)
    assert not warm & (site | {"holidays"})


def test_due_loads_the_module_of_its_own_command_only(root) -> None:
    """The commands' modules are loaded as their commands are asked for."""
    loaded = _modules_after("-C", str(root), "due", "--json", "--today", TODAY)
    assert "jobsite.cli.follow_ups" in loaded
    assert not loaded & {f"jobsite.cli.{module}" for module in ("site", "authoring", "adopting")}


def test_every_command_is_found_where_the_group_says() -> None:
    """`jobsite.cli._MODULES` names each command's module: a command added to a module's
    COMMANDS and not to the table would never be found."""
    defined = {}
    for found in pkgutil.iter_modules(jobsite.cli.__path__):
        module = importlib.import_module(f"jobsite.cli.{found.name}")
        for command in getattr(module, "COMMANDS", ()):
            defined[command.name] = found.name
    assert defined == jobsite.cli._MODULES


# --- Help and version -------------------------------------------------------------------------


def test_version(run) -> None:
    result = run(None, "--version")
    assert (result.exit_code, result.stdout) == (0, f"jobsite, version {__version__}\n")


def walk(command: click.Command, path: tuple[str, ...] = ()):
    """Every command and subcommand of the group, with the words that invoke it."""
    yield path, command
    if isinstance(command, click.Group):
        context = click.Context(command)
        for name in command.list_commands(context):
            yield from walk(command.get_command(context, name), (*path, name))


COMMANDS = list(walk(main))


def test_the_walk_finds_the_commands_of_this_issue() -> None:
    names = {path for path, _ in COMMANDS}
    assert {(), ("due",), ("check",)} <= names


@pytest.mark.parametrize(
    ("path", "command"), COMMANDS, ids=[" ".join(p) or "jobsite" for p, _ in COMMANDS]
)
def test_every_command_and_option_has_help(path, command) -> None:
    assert (command.help or "").strip(), f"'jobsite {' '.join(path)}' has no help text"
    for param in command.params:
        if isinstance(param, click.Option):
            assert (param.help or "").strip(), f"{param.opts} of 'jobsite {' '.join(path)}'"
    result = CliRunner().invoke(main, [*path, "--help"])
    assert result.exit_code == 0
    assert result.stdout.startswith("Usage: ")
    summary = " ".join(command.help.strip().splitlines()[0].split())
    assert summary in " ".join(result.stdout.split())  # Click wraps the text


def test_help_is_also_minus_h(run) -> None:
    assert run(None, "due", "-h").stdout == run(None, "due", "--help").stdout


def test_an_unknown_command_is_a_usage_error(run) -> None:
    result = CliRunner().invoke(main, ["dew"])
    assert result.exit_code == 2
    assert "No such command 'dew'" in result.stderr


# --- Issue 8: no traceback on any input, and messages that are one inert line -----------------


def test_a_company_name_too_long_for_a_file_name_builds(run, make_root) -> None:
    long_name = "Consolidated " * 22  # 286 characters: too long for one path component
    root = make_root({"long.md": f"---\ncompany: {long_name}\nevents: [2026-11-20 applied]\n---\n"})
    (root / "docs").mkdir()
    (root / "mkdocs.yml").write_text("site_name: t\nplugins:\n  - jobsite\n", encoding="utf-8")
    result = run(root, "build", "--today", "2026-11-26")
    assert result.exit_code == 0, result.output
    (page,) = (root / "site" / "companies").glob("*/index.html")
    assert len(page.parent.name) <= 60 and re.fullmatch(r"[a-z-]+-[0-9a-f]{6}", page.parent.name)
    assert json.loads(run(root, "due", "--json", "--today", "2026-11-26").stdout)[0]["company"]


def test_dates_at_the_end_of_the_calendar_are_a_problem_not_a_crash(run, make_root) -> None:
    root = make_root(
        {
            "end.md": "---\ncompany: Acme\nevents: [9999-12-30 applied]\n---\n",
            "fine.md": "---\ncompany: Beta\nevents: [9999-12-20 interview]\n---\n",
        }
    )
    result = run(root, "due", "--today", "9999-12-31")
    assert result.exit_code == 0
    assert result.stderr == (
        "journal/end.md:1: its follow-ups fall after 9999-12-31, "
        "the last day jobsite can count to\n"
    )
    assert "Beta" in result.stdout  # the other file is still listed
    assert run(root, "check", "--today", "9999-12-31").exit_code == 1


def test_log_at_the_end_of_the_calendar_says_so_in_its_next_line(run, make_root) -> None:
    """`log` and `new` planned the file for their "Next:" line without the agenda's guard: an
    OverflowError after the file was written."""
    root = make_root({"end.md": "---\ncompany: Acme\nevents: [9999-12-20 interview]\n---\n"})
    result = run(root, "log", "acme", "thank-you", "--today", "9999-12-31")
    assert result.exit_code == 0, result.output
    assert result.stdout == "Logged the thank-you call on Fri 9999-12-31 in journal/end.md\n"
    assert result.stderr == (
        "journal/end.md:1: its follow-ups fall after 9999-12-31, "
        "the last day jobsite can count to\n"
    )
    assert "9999-12-31 thank-you" in (root / "journal" / "end.md").read_text()
    created = run(root, "new", "Beta", "--applied", "9999-12-30", "--today", "9999-12-31")
    assert created.exit_code == 0, created.output
    assert created.stdout == "Created journal/beta.md\n"
    assert created.stderr == (
        "journal/beta.md:1: its follow-ups fall after 9999-12-31, "
        "the last day jobsite can count to\n"
    )


def test_a_terminal_escape_in_a_file_is_printed_as_text(run, make_root) -> None:
    """`kind: "net\\nworking\\e]0;pwned\\a"` must neither retitle the terminal nor split the
    `path:line: message` line: control characters come out as escapes."""
    evil = '---\ncompany: Evil\nkind: "net\\nworking\\e]0;pwned\\a"\n---\n'
    root = make_root({"evil.md": evil, "x\x1b[31m.md": '---\ncompany: X\nstatus: "\\e[2J"\n---\n'})
    result = run(root, "check")
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x07" not in result.output
    lines = result.stderr.splitlines()
    assert lines == [
        "journal/evil.md:3: kind: unknown kind 'net\\nworking\\x1b]0;pwned\\x07' "
        "(did you mean 'networking'?)",
        "journal/x\\x1b[31m.md:3: status: unknown status '\\x1b[2J' "
        "(expected one of active, paused, offer, hired, rejected, withdrawn, closed)",
        "2 errors: fix them and run 'jobsite check' again",
    ]


def test_a_log_target_with_escapes_is_quoted_inertly(run, make_root) -> None:
    root = make_root({"a.md": "---\ncompany: Acme\nevents: [2026-11-02 applied]\n---\n"})
    result = run(root, "log", "nobody\x1b]0;x\x07", "call")
    assert result.exit_code == 1
    assert result.stderr == "log: no opportunity matches 'nobody\\x1b]0;x\\x07'\n"
