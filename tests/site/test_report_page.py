"""The work-search record's page `report/` and its CSV (issue 27): the weeks, the claimant, the
blanks marked, the same rows as `jobsite report`, and `redact` followed.

The journal is tests/data/work_search_root/ (see tests/test_report.py), built on Wed 2026-12-02:
its record is the week of Sun 22 Nov and the week of today, Sun 29 Nov, so far.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import re
import shutil
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from conftest import DATA

TODAY = "2026-12-02"


def _root(tmp_path: Path, settings: str = "") -> Path:
    root = tmp_path / "root"
    shutil.copytree(DATA / "work_search_root", root)
    if settings:
        config = root / "mkdocs.yml"
        config.write_text(config.read_text(encoding="utf-8") + settings, encoding="utf-8")
    return root


def _build(run, root: Path) -> Path:
    result = run(root, "build", "--today", TODAY)
    assert result.exit_code == 0, result.output
    return root / "site"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from click.testing import CliRunner

    from jobsite.cli import main

    root = _root(tmp_path_factory.mktemp("report"))
    result = CliRunner().invoke(main, ["-C", str(root), "build", "--today", TODAY])
    assert result.exit_code == 0, result.output
    return root / "site"


def _page(site: Path) -> BeautifulSoup:
    return BeautifulSoup((site / "report" / "index.html").read_text("utf-8"), "html.parser")


def _words(element: object) -> str:
    """The text as read: elements apart, no space before a stop."""
    text = " ".join(element.get_text(" ").split())  # type: ignore[attr-defined]
    return re.sub(r" ([.,:])", r"\1", text)


def test_a_sheet_per_week_with_the_claimant_and_the_count(site: Path) -> None:
    sheets = _page(site).select("section.jobsite-report-sheet")
    assert [_words(s.h2) for s in sheets] == [
        "Work search, week of Sun 22 Nov 2026 to Sat 28 Nov 2026",
        "Work search, week of Sun 29 Nov 2026 to Sat 5 Dec 2026",
    ]
    facts = [_words(s.select_one(".jobsite-report__facts")) for s in sheets]
    assert facts == [
        "Claimant Jordan Lee Activities 1 (3 a week asked)",
        "Claimant Jordan Lee Activities 1 so far, to Wed 2 Dec 2026 (3 a week asked)",
    ]
    below = [_words(s.select_one(".jobsite-report__below")) for s in sheets]
    assert below == [
        "Below the 3 a week asked: 2 short.",
        "Below the 3 a week asked, so far: 2 more by Sat 5 Dec 2026.",
    ]
    rows = [[_words(td) for td in tr.select("td")] for s in sheets for tr in s.select("tbody tr")]
    assert rows == [
        ["Sun 22 Nov", "Follow-up", "Acme Corp", "1 Acme Way, Springfield, IL 62701",
         "Dana Smith", "Email", "Data Engineer", "Rejected Mon 30 Nov"],
        ["Tue 1 Dec", "Follow-up", "Initech", "Austin, TX", "", "Phone", "Platform Engineer",
         "Withdrawn"],
    ]  # fmt: skip


def test_a_missing_fact_is_a_marked_blank(tmp_path: Path, run) -> None:
    """On Fri 20 Nov, without `me`: Hooli's networking meeting of Sun 15 Nov, whose file has
    no address anywhere, and the claimant's name."""
    root = _root(tmp_path)
    config = root / "mkdocs.yml"
    config.write_text(config.read_text("utf-8").replace("me: {name: Jordan Lee}", ""), "utf-8")
    result = run(root, "build", "--today", "2026-11-20")
    assert result.exit_code == 0, result.output
    sheet = _page(root / "site").select("section.jobsite-report-sheet")[-1]
    cells = {_words(tr.select("td")[1]): tr.select("td") for tr in sheet.select("tbody tr")}
    meeting = cells["Networking meeting"]
    assert meeting[3].select_one(".jobsite-blank") is not None  # the address: a line to fill
    assert _words(meeting[3]) == "missing"  # ... and "missing" to a screen reader
    assert _words(meeting[5]) == "In person"
    claimant = sheet.select_one(".jobsite-report__facts dd")
    assert claimant.select_one(".jobsite-blank") is not None  # no `me`: a line for the name


def test_the_csv_is_the_rows_of_jobsite_report(site: Path, run) -> None:
    data = (site / "report" / "work-search.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # so that Excel reads it as UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    printed = run(site.parent, "report", "--today", TODAY, "--format", "csv").stdout_bytes
    assert rows == list(csv.reader(io.StringIO(printed.decode("utf-8"), newline="")))
    assert [row[3] for row in rows] == ["Employer", "Acme Corp", "Initech"]
    link = _page(site).select_one("a[download]")
    assert (link["href"], link["download"]) == ("work-search.csv", "work-search.csv")


def test_the_page_is_in_the_nav_and_kept_from_search(site: Path) -> None:
    home = BeautifulSoup((site / "index.html").read_text("utf-8"), "html.parser")
    links = {_words(a): a["href"] for a in home.select(".md-nav a")}
    assert links["Work search"] == "report/index.html"
    index = json.loads((site / "search" / "search_index.json").read_text("utf-8"))
    assert [d for d in index["docs"] if d["location"].startswith("report/")] == []


def test_ids_are_unique_and_no_heading_level_is_skipped(site: Path) -> None:
    page = _page(site)
    ids = Counter(e["id"] for e in page.select("[id]"))
    assert [i for i, n in ids.items() if n > 1] == []
    content = page.select_one(".md-content")
    levels = [int(h.name[1]) for h in content.select("h1, h2, h3, h4, h5, h6")]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))
    for region in content.select("[aria-labelledby]"):
        assert page.find(id=region["aria-labelledby"]) is not None


def test_redact_address_leaves_the_employers_out_of_the_page_and_the_csv(
    tmp_path: Path, run
) -> None:
    site = _build(run, _root(tmp_path, "      redact: [address]\n"))
    page = (site / "report" / "index.html").read_text("utf-8")
    data = (site / "report" / "work-search.csv").read_text("utf-8-sig")
    for text in (page, data):
        assert "Acme Corp" in text
        assert "1 Acme Way" not in text and "Austin, TX" not in text
