"""Nothing invites a crawler: every page says noindex, so no sitemap lists one, and
robots.txt asks every crawler to fetch nothing, protected or not."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import SAMPLE_TODAY
from samples import acme

SETTINGS = "site_url: https://someone.github.io/jobs/\nplugins:\n  - search\n  - jobsite:\n"
ROBOTS = "User-agent: *\nDisallow: /\n"


@pytest.mark.parametrize("protect", [False, True])
def test_no_sitemap_and_a_robots_txt_that_disallows_the_site(make_root, run, protect: bool) -> None:
    root = make_root({"acme.md": acme("2026-11-20 applied")})
    settings = SETTINGS + ("      protect: true\n" if protect else "")
    (root / "mkdocs.yml").write_text(f"site_name: Jobs\n{settings}", encoding="utf-8")
    env = {"JOBSITE_PASSWORD": "a long passphrase of seven plain words"} if protect else None
    result = run(root, "build", "--today", SAMPLE_TODAY, "--strict", env=env)
    assert result.exit_code == 0, result.output
    site = root / "site"
    assert (site / "companies").is_dir()  # the company pages a sitemap would have listed
    assert not (site / "sitemap.xml").exists()
    assert not (site / "sitemap.xml.gz").exists()
    assert (site / "robots.txt").read_text(encoding="utf-8") == ROBOTS


def test_a_robots_txt_of_your_own_stays_yours(make_root, run) -> None:
    root = make_root({"acme.md": acme("2026-11-20 applied")})
    (root / "mkdocs.yml").write_text(f"site_name: Jobs\n{SETTINGS}", encoding="utf-8")
    (root / "docs").mkdir()
    (root / "docs" / "robots.txt").write_text("User-agent: *\nDisallow: /private/\n")
    assert run(root, "build", "--today", SAMPLE_TODAY).exit_code == 0
    assert (root / "site" / "robots.txt").read_text() == "User-agent: *\nDisallow: /private/\n"


def test_plain_mkdocs_writes_no_sitemap_either(make_root) -> None:
    root = make_root({"acme.md": acme("2026-11-20 applied")})
    (root / "mkdocs.yml").write_text(f"site_name: Jobs\n{SETTINGS}", encoding="utf-8")
    (root / "docs").mkdir()  # plain MkDocs wants the folder; jobsite build does without
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert not (root / "site" / "sitemap.xml").exists()
    assert (root / "site" / "robots.txt").read_text() == ROBOTS


def test_noindex_goes_once_right_after_the_first_head_tag() -> None:
    """`private_page`: after `<head>` with or without attributes, once; a page that already
    says it, or has no head, is left as it is; the repository link loses its `source` mark."""
    from jobsite.site.privacy import NOINDEX, private_page

    page = '\n<html><head lang="en"><title>x</title></head><body><p>&lt;head&gt;</p></body>'
    assert private_page(page) == page.replace('<head lang="en">', f'<head lang="en">{NOINDEX}')
    assert private_page(private_page(page)) == private_page(page)
    assert private_page("<p>no head</p>") == "<p>no head</p>"
    twice = "<head><head>"
    assert private_page(twice) == f"<head>{NOINDEX}<head>"
    source = '<head><a data-md-component="source" href="x">repo</a>'
    assert private_page(source) == f'<head>{NOINDEX}<a href="x">repo</a>'
