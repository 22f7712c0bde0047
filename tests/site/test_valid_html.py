"""Every page jobsite writes is valid HTML, as the Nu Html Checker (vnu) judges it: the sample
site, with a company that has two openings of the same role and notes whose headings skip
levels, and the locked pages of a protected site.

vnu is the `vnu-jar` package that `npm ci` installs from package-lock.json, run by Debian's
Java (`default-jre-headless`); without them the test skips, and fails instead under CI. Any
message fails the test except Material's own, each listed below with the reason it is not
jobsite's to fix.
"""

from __future__ import annotations

import itertools
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from jobsite.cli import main

from conftest import REPO, SAMPLE_TODAY, in_ci

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PASSWORD = "a lighthouse keeper counts the ships at night"

# Material for MkDocs' own markup, the same on every page of any Material site: upstream's to fix.
MATERIAL = {
    # Its drawer and search toggles are checkboxes with autocomplete="off" (which stops
    # Firefox restoring a toggle's state on reload): vnu allows autocomplete on text inputs only.
    r"Attribute “autocomplete” is only allowed when the input type is .*": 'class="md-toggle"',
    # (Its navigation labels carry an empty tabindex="" where a section is not a link: the
    # navigation jobsite gives a site has no section since Scripts became one entry.)
    # Its table of contents' title is a label for the "__toc" toggle, which it leaves out of
    # pages whose table of contents is empty or hidden.
    r"The value of the “for” attribute of the “label” element must be the ID of a non-hidden "
    r"form control\.": 'for="__toc"',
}

# A second opening of the sample's "Data Engineer" at Acme, whose notes start one level deep
# and then skip one: the company page had two ids "data-engineer" and an h5 after an h3.
SECOND_OPENING = """\
---
company: Acme Corp
role: Data Engineer
events: [2026-11-20 applied]
---
## Why this one
The platform team.

#### The people
Two of them.

## Talking points
"""


@pytest.fixture(scope="module")
def vnu() -> list[str]:
    """The command that runs the checker; a skip without Java or vnu (a failure under CI)."""
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        message = "needs Java (apt-get install default-jre-headless) and vnu-jar (run `npm ci`)"
        if in_ci():
            pytest.fail(f"{message}: the HTML checks must run under CI", pytrace=False)
        pytest.skip(message)
    return [java, "-jar", str(VNU), "--format", "json", "--skip-non-html"]


def _build(root: Path, **env: str | None) -> Path:
    for name in ("journal", "docs"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("screenshots"))
    shutil.copy(REPO / "mkdocs.yml", root / "mkdocs.yml")
    (root / "journal" / "acme-data-engineer-platform.md").write_text(SECOND_OPENING)
    result = CliRunner().invoke(main, ["-C", str(root), "build", "--today", SAMPLE_TODAY], env=env)
    assert result.exit_code == 0, result.output
    return root / "site"


@pytest.fixture(scope="module")
def sites(vnu: list[str], tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sample built plain, and built as the publishing workflow builds it: protected."""
    plain = _build(tmp_path_factory.mktemp("html") / "root")
    env = {"JOBSITE_PROTECT": "true", "JOBSITE_PASSWORD": PASSWORD, "GITHUB_REPOSITORY": None}
    locked = _build(tmp_path_factory.mktemp("html-locked") / "root", **env)
    return plain, locked


def _messages(vnu: list[str], *folders: Path) -> list[dict]:
    done = subprocess.run(
        [*vnu, *map(str, folders)], capture_output=True, text=True, timeout=600, check=False
    )
    return json.loads(done.stderr)["messages"]


def _materials(message: dict) -> bool:
    """Whether `message` is one of Material's own (see MATERIAL)."""
    return any(
        re.fullmatch(pattern, message["message"]) and marker in message.get("extract", "")
        for pattern, marker in MATERIAL.items()
    )


def test_every_page_is_valid_html_but_for_materials_own(vnu, sites) -> None:
    plain, locked = sites
    pages = [*plain.rglob("*.html"), *locked.rglob("*.html")]
    assert len(pages) > 40
    messages = _messages(vnu, plain, locked)
    found = [
        f"{m['url'].split('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if not _materials(m)
    ]
    assert found == []
    # The list above is still Material's: each reason matches what the checker says.
    assert {p for p in MATERIAL if any(re.fullmatch(p, m["message"]) for m in messages)} == set(
        MATERIAL
    )


def test_the_company_with_two_openings_of_one_role_has_one_id_each(sites) -> None:
    html = (sites[0] / "companies" / "acme-corp" / "index.html").read_text(encoding="utf-8")
    ids = re.findall(r'<section class="jobsite-opportunity" id="([^"]+)"', html)
    assert sorted(ids) == ["analytics-engineer", "data-engineer", "data-engineer-2"]
    headings = [int(level) for level in re.findall(r"<h([1-6])[ >]", html)]
    assert all(b <= a + 1 for a, b in itertools.pairwise(headings)), headings
