"""Where "Record on GitHub" edits a journal file (issue 13, item 2): mkdocs.yml's `repo_url`,
its branch from a written `edit_uri`, else `main`."""

from __future__ import annotations

import pytest

from jobsite.site.repository import Repository, github_repository


@pytest.mark.parametrize(
    ("repo_url", "edit_uri", "expected"),
    [
        ("https://github.com/dana/jobs", None, Repository("dana", "jobs", "main", "")),
        ("https://github.com/dana/jobs.git", None, Repository("dana", "jobs", "main", "")),
        (
            "https://GitHub.com/dana/jobs/",
            "edit/master/docs/",
            Repository("dana", "jobs", "master"),
        ),
        ("https://github.com/dana/jobs", "blob/trunk/docs", Repository("dana", "jobs", "trunk")),
        (
            "https://github.com/dana/jobs",
            "edit/main/search/2026/docs/",
            Repository("dana", "jobs", "main", "search/2026/"),
        ),
        (
            "https://github.com/dana/jobs",
            "https://github.com/dana/jobs/edit/live/docs/",
            Repository("dana", "jobs", "live"),
        ),
        ("https://github.com/dana/jobs", "edit/main/elsewhere/", Repository("dana", "jobs")),
    ],
)
def test_the_repository_and_its_branch(repo_url, edit_uri, expected) -> None:
    assert github_repository(repo_url, edit_uri) == expected


@pytest.mark.parametrize(
    "repo_url",
    [None, "", "https://gitlab.com/dana/jobs", "https://github.com/dana", "ftp://github.com/a/b"],
)
def test_anything_but_a_github_repository_gives_no_link(repo_url) -> None:
    assert github_repository(repo_url) is None


def test_the_edit_url_quotes_the_path() -> None:
    repository = Repository("dana", "jobs", "main", "search/")
    assert repository.edit_url("journal/o'brien & co #2.md") == (
        "https://github.com/dana/jobs/edit/main/search/journal/o%27brien%20%26%20co%20%232.md"
    )
    assert Repository("dana", "jobs").edit_url("journal/acme-corp.md") == (
        "https://github.com/dana/jobs/edit/main/journal/acme-corp.md"
    )
