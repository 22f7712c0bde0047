"""Acting on it from anywhere (issue 13): today's call sheet, the command and the GitHub link
that record each action, and the emails behind each `mailto:` link, read as built HTML.

The browser half (print, copy buttons, a later day) is in test_call_sheet_browser.py.
"""

from __future__ import annotations

import json
import shlex
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup, Tag
from click.testing import CliRunner, Result

from jobsite.cli import main
from jobsite.site.emails import mailto_uri

from conftest import REPO, SAMPLE_TODAY

REPO_LINES = "repo_url: https://github.com/jordan/job-search\nedit_uri: edit/live/docs/\n"
ACME = "journal/acme-data-engineer.md"


def _cli(root: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["-C", str(root), *args], catch_exceptions=False)


def _copy_sample(root: Path, extra_config: str = "") -> Path:
    root.mkdir(parents=True)
    for name in ("journal", "docs"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("screenshots"))
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    (root / "mkdocs.yml").write_text(config + extra_config, encoding="utf-8")
    return root


def _build(root: Path) -> Path:
    result = _cli(root, "build", "--today", SAMPLE_TODAY)
    assert result.exit_code == 0, result.output
    return root / "site"


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _text(tag: Tag) -> str:
    return " ".join(tag.get_text(" ").split())


def _due_json(root: Path) -> list[dict]:
    result = _cli(root, "due", "--today", SAMPLE_TODAY, "--all", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample journal with its repository named, built for 2026-11-26."""
    root = _copy_sample(tmp_path_factory.mktemp("today") / "root", REPO_LINES)
    _build(root)
    return root


@pytest.fixture(scope="module")
def sheet(sample: Path) -> BeautifulSoup:
    return _soup(sample / "site" / "today" / "index.html")


# ---------------------------------------------------------------- the sheet


def test_the_sheet_is_in_the_nav_and_linked_from_home(sample: Path) -> None:
    home = _soup(sample / "site" / "index.html")
    nav = [_text(a) for a in home.select("nav.md-nav--primary a.md-nav__link")]
    assert nav[:3] == ["Home", "Today", "Due list"]
    link = home.select_one(".jobsite-today-link a")
    assert (_text(link), link["href"]) == ("Today’s call sheet", "today/index.html")


def test_every_overdue_and_due_action_in_the_methods_order(sample: Path, sheet) -> None:
    """The order of guide/rules.md §6 (due, company, action), as `due --json`; the upcoming ones
    hidden, for the page to show on the day they come due."""
    items = sheet.select("li.jobsite-call")
    found = [(li["data-file"], li["data-action"], li["data-bucket"]) for li in items]
    # Those due later than `horizon_days` are left out: by then the site is out of date.
    expected = [(a["file"], a["action"], a["bucket"]) for a in _due_json(sample)]
    assert found == [item for item in expected if item[2] != "later"]
    assert any(item[2] == "later" for item in expected)
    shown = [(f, a) for f, a, b in found if b in ("overdue", "due")]
    assert [(li["data-file"], li["data-action"]) for li in items if not li.has_attr("hidden")] == (
        shown
    )
    assert len(shown) == 6
    assert _text(sheet.h1) == "Today’s calls: Thu 26 Nov 2026"
    assert _text(sheet.select_one("[data-sheet-count]")) == "6"
    assert sheet.select_one('[data-empty-for="sheet"]').has_attr("hidden")


def test_each_call_has_who_what_to_say_ticks_and_a_line(sheet) -> None:
    acme = sheet.select_one(f'li[data-file="{ACME}"][data-action="follow-up-call"]')
    assert _text(acme.h2) == "Follow-up call: Acme Corp · Data Engineer"
    assert _text(acme.select_one(".jobsite-call__name")) == "Dana Smith"
    phone = acme.select_one("a.jobsite-call__phone")
    assert (phone["href"], _text(phone)) == ("tel:+18475550100", "+1 847 555 0100")
    parts = [_text(li) for li in acme.select(".jobsite-call__parts li")]
    assert parts == [
        "You know they are busy, with many responses to the Data Engineer position.",
        "Did they receive your application and resume, sent on Mon 16 Nov 2026 ? "
        "That is why you call.",
        "Is there anything you can do to improve your chances?",
    ]
    assert _text(acme.select_one(".jobsite-call__ticks")) == "spoke voicemail no answer"
    assert len(acme.select('.jobsite-call__ticks .jobsite-check[aria-hidden="true"]')) == 3
    assert _text(acme.select_one(".jobsite-call__notes")) == "Notes"
    assert _text(acme.select_one(".jobsite-call__who")) == (
        "Dana Smith +1 847 555 0100 HR Generalist Email dana@acme.example"
    )
    assert acme.select_one(".jobsite-call__notes .jobsite-blank")
    note = sheet.select_one('li[data-action="handwritten-note"]')
    assert _text(note.select_one(".jobsite-call__ticks")) == "written mailed"
    assert "Mail to:" in _text(note)
    thanks = sheet.select_one('li[data-action="thank-you-call"]')
    assert "Thank them for their time on Tue 24 Nov 2026 ." in _text(thanks)


def test_an_address_on_file_is_on_the_sheet(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "journal").mkdir(parents=True)
    (root / "journal" / "acme.md").write_text(
        "---\ncompany: Acme Corp\ncontacts:\n  - name: Ngozi Okafor\n"
        "    address: |\n      1 Main Street\n      Chicago, IL 60601\n"
        "events:\n  - 2026-11-23 interview\n---\n",
        encoding="utf-8",
    )
    (root / "mkdocs.yml").write_text("site_name: t\nplugins: [jobsite]\n", encoding="utf-8")
    note = _soup(_build(root) / "today" / "index.html").select_one(
        'li[data-action="handwritten-note"]'
    )
    address = note.select_one(".jobsite-call__address")
    assert _text(address) == "Mail to: 1 Main Street, Chicago, IL 60601"  # one line on paper


def test_nothing_owed_says_so(tmp_path: Path) -> None:
    root = tmp_path / "root"
    (root / "journal").mkdir(parents=True)
    (root / "journal" / "a.md").write_text(
        "---\ncompany: A\nevents: [2026-11-25 applied]\n---\n", "utf-8"
    )
    (root / "mkdocs.yml").write_text("site_name: t\nplugins: [jobsite]\n", encoding="utf-8")
    sheet = _soup(_build(root) / "today" / "index.html")
    assert [li.has_attr("hidden") for li in sheet.select("li.jobsite-call")] == [True]
    empty = sheet.select_one('[data-empty-for="sheet"]')
    assert not empty.has_attr("hidden")
    assert _text(empty).startswith("Nothing is overdue or due today.")


# ---------------------------------------------------------------- recording


def test_the_command_beside_each_action_records_it(sample: Path, sheet) -> None:
    """The exact text the copy button copies, run as it stands, logs the call."""
    acme = sheet.select_one(f'li[data-file="{ACME}"][data-action="follow-up-call"]')
    code = acme.select_one(".jobsite-record__command code")
    command = code.get_text()
    assert command == "jobsite log journal/acme-data-engineer.md call --with 'Dana Smith'"
    button = acme.select_one("button.jobsite-copy")
    assert button["data-copy"] == code["id"] and button.has_attr("hidden")  # shown by the script
    assert button["type"] == "button" and _text(button) == "Copy the command"
    status = button.find_next_sibling()
    assert status["role"] == "status" and status.get_text() == ""
    assert len(sheet.select(f'[id="{code["id"]}"]')) == 1
    github = acme.select_one(".jobsite-record__github")
    line = github.select_one("code[data-record-day]").get_text()
    assert line == "- {date: 2026-11-26, type: call, with: Dana Smith}"
    assert github.a["href"] == (
        "https://github.com/jordan/job-search/edit/live/journal/acme-data-engineer.md"
    )
    assert _text(github.a) == "Record on GitHub : edit journal/acme-data-engineer.md"

    root = sample.parent / "logged"
    shutil.copytree(sample, root)
    before = (root / ACME).read_text(encoding="utf-8")
    words = shlex.split(command)
    assert words[:2] == ["jobsite", "log"]
    result = _cli(root, *words[1:], "--today", SAMPLE_TODAY)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"Logged a call with Dana Smith on Thu 2026-11-26 in {ACME}")
    after = (root / ACME).read_text(encoding="utf-8")
    # `jobsite log` wrote the very line the page says to add on GitHub.
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert [text.strip() for text in added] == [line]
    owed = [(a["file"], a["action"], a["bucket"]) for a in _due_json(root)]
    assert (ACME, "follow-up-call", "overdue") not in owed
    assert (ACME, "follow-up-call", "upcoming") in owed  # the next one, three days on


def test_every_action_of_the_lists_can_be_recorded(sample: Path) -> None:
    """The due list, home and company pages carry the same record, folded away."""
    due = _soup(sample / "site" / "due" / "index.html")
    for item in due.select(".jobsite-action"):
        record = item.select_one("details.jobsite-action__record")
        if item["data-action"] == "interview":
            assert record is None  # the booked interview is in the file already
            continue
        assert _text(record.summary) == "Done? Record it"
        command = record.select_one("code").get_text()
        assert shlex.split(command)[2] == item["data-file"]
        assert record.select_one(".jobsite-record__github a")["href"].endswith(item["data-file"])


def test_no_repository_no_github_link(tmp_path: Path) -> None:
    root = _copy_sample(tmp_path / "root")
    site = _build(root)
    for page in ("today/index.html", "due/index.html", "index.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert "Record on GitHub" not in html and "github.com" not in html, page
        assert "jobsite log journal/" in html


def test_a_repository_link_in_the_header_fetches_nothing(sample: Path) -> None:
    """Material would ask api.github.com for the repository's stars: not from a private site."""
    home = (sample / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/jordan/job-search"' in home
    assert 'class="md-source"' in home
    assert 'data-md-component="source"' not in home


def test_edit_uri_unwritten_means_main(tmp_path: Path) -> None:
    """MkDocs fills in `edit/master/docs/` for GitHub: jobsite's workflow publishes `main`."""
    root = _copy_sample(tmp_path / "root", "repo_url: https://github.com/jordan/job-search\n")
    sheet = _soup(_build(root) / "today" / "index.html")
    link = sheet.select_one(".jobsite-record__github a")["href"]
    assert link.startswith("https://github.com/jordan/job-search/edit/main/journal/")


# ---------------------------------------------------------------- email


def _mail(href: str) -> tuple[str, dict[str, str]]:
    address, _, query = href.partition("?")
    fields = dict(part.split("=", 1) for part in query.split("&"))
    return unquote(address.removeprefix("mailto:")), {k: unquote(v) for k, v in fields.items()}


def test_each_email_link_carries_its_actions_subject_and_body(sheet) -> None:
    acme = sheet.select_one(f'li[data-file="{ACME}"][data-action="follow-up-call"]')
    address, fields = _mail(acme.select_one("a.jobsite-call__email")["href"])
    assert address == "dana@acme.example"
    assert fields["subject"] == "Following up on my application for the Data Engineer position"
    assert fields["body"] == (
        "Hello Dana Smith,\r\n\r\n"
        "I know you are busy and have probably had many responses to the Data Engineer "
        "position.\r\n\r\n"
        "I am writing to make sure you received my application and resume, which I sent on "
        "Mon 16 Nov 2026.\r\n\r\n"
        "Is there anything I can do to improve my chances for this opportunity?\r\n\r\n"
        "Thank you,"
    )


def test_an_email_template_is_overridden_like_the_others(tmp_path: Path) -> None:
    root = _copy_sample(tmp_path / "root")
    own = root / "site_templates" / "emails"
    own.mkdir(parents=True)
    (own / "follow-up-call.txt").write_text(
        "Subject: {{ o.company }} & me: 100% + more? #1\n\nDear {{ contact.name }},\nÇa va?\n",
        encoding="utf-8",
    )
    due = _soup(_build(root) / "due" / "index.html")
    item = due.select_one(f'.jobsite-action[data-file="{ACME}"]')
    href = next(a["href"] for a in item.select("a") if a["href"].startswith("mailto:"))
    query = href.partition("?")[2]
    assert all(char not in query.replace("&body=", "") for char in " #+?\n")
    assert _mail(href)[1] == {
        "subject": "Acme Corp & me: 100% + more? #1",
        "body": "Dear Dana Smith,\r\nÇa va?",
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Subject: Hi\n\nBody", "mailto:a@b.example?subject=Hi&body=Body"),
        ("No subject line", "mailto:a@b.example?body=No%20subject%20line"),
        ("Subject: only\n", "mailto:a@b.example?subject=only"),
        ("", "mailto:a@b.example"),
    ],
)
def test_mailto_uri(text: str, expected: str) -> None:
    assert mailto_uri("a@b.example", text) == expected
