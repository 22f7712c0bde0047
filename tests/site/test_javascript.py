"""The JavaScript the site ships: linted, and its logic checked against the Python it mirrors.

`assets/jobsite.js` re-buckets actions on a later day: its `bucketOf` must agree with the
rules' `bucket` on every case. `protect/common.js` opens what the build sealed: under Node's
WebCrypto it must open a page that `jobsite.site.protect` sealed, at its own address only.
ESLint and Node come from `npm ci` (package.json); without them these tests are skipped,
except under CI, where they fail.
"""

from __future__ import annotations

import base64
import json
import random
import shutil
import subprocess
from datetime import date, timedelta

import pytest

from jobsite.rules.followups import bucket
from jobsite.site.protect.keys import SiteKeys
from jobsite.site.templates import environment, packaged_templates

from conftest import REPO, TESTS, in_ci

ESLINT = REPO / "node_modules" / ".bin" / "eslint"


@pytest.fixture(scope="module")
def node() -> str:
    """Node.js and the npm packages, or a skip (a failure under CI)."""
    found = shutil.which("node")
    if found is None or not ESLINT.exists():
        message = "needs node and `npm ci` (the npm packages of package.json)"
        if in_ci():
            pytest.fail(f"{message}: the JavaScript tests must run under CI", pytrace=False)
        pytest.skip(message)
    return found


def _run(node: str, script: str, data: object) -> object:
    done = subprocess.run(
        [node, str(TESTS / "js" / script)],
        input=json.dumps(data),
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(done.stdout)


def test_eslint_finds_nothing(node: str) -> None:
    done = subprocess.run(
        [str(ESLINT), "--max-warnings", "0", "site_templates", "tests/js"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_script_parses(node: str) -> None:
    scripts = sorted(packaged_templates().rglob("*.js"))
    assert len(scripts) >= 4
    for script in scripts:
        done = subprocess.run(
            [node, "--check", str(script)], capture_output=True, text=True, check=False
        )
        assert done.returncode == 0, f"{script}: {done.stderr}"


@pytest.mark.parametrize("language", ["en", "de", "es", "fr"])
def test_the_pages_rebucket_and_write_days_exactly_as_the_python_does(
    node: str, language: str
) -> None:
    """Days around month and year ends, windows of one day and of several, every horizon;
    and the day written as every page writes it (`Mon 30 Nov 2026`, `Mo., 30. Nov. 2026`,
    `lun, 30 nov 2026`, `lun. 30 nov. 2026`)."""
    rng = random.Random(8)
    start = date(2026, 1, 1)
    cases = []
    for _ in range(2000):
        due = start + timedelta(days=rng.randrange(0, 800))
        due_by = due + timedelta(days=rng.choice((0, 0, 1, 3, 10)))
        today = due + timedelta(days=rng.randrange(-40, 40))
        cases.append((due, due_by, today, rng.choice((0, 1, 7, 30, 3650))))
    given = [[d.isoformat(), b.isoformat(), t.isoformat(), h] for d, b, t, h in cases]
    env = environment(REPO, language)
    words = env.from_string('{% import "_macros.html" as m %}{{ m.page_words() }}').render()
    words = json.loads(words.split(">", 1)[1].rsplit("<", 1)[0])
    day = env.filters["day"]
    expected = [[bucket(d, b, t, h), day(t)] for d, b, t, h in cases]
    assert _run(node, "bucket.cjs", {"words": words, "cases": given}) == expected


def _sealed(path: str) -> tuple[SiteKeys, dict[str, object]]:
    site_key, salt = bytes(range(32)), b"salt of sixteen!"
    keys = SiteKeys.for_build(site_key, salt)
    page = keys.seal(b"<p>Quillfeather</p>", "page", path)
    data = {"root": "../", **keys.payload(), "page": base64.b64encode(page).decode("ascii")}
    return keys, data


def test_the_browser_code_opens_what_the_build_sealed_at_its_own_address(node: str) -> None:
    keys, data = _sealed("due/index.html")
    given = {"siteKey": base64.b64encode(keys.site_key).decode("ascii"), "data": data}
    opened = _run(node, "protect.cjs", {**given, "href": "https://dana.github.io/jobs/due/"})
    assert opened == {"page": "<p>Quillfeather</p>", "path": "due/index.html"}
    moved = _run(node, "protect.cjs", {**given, "href": "https://dana.github.io/jobs/stats/"})
    assert moved == {"error": "OperationError"}
    wrong = bytes(32)
    given["siteKey"] = base64.b64encode(wrong).decode("ascii")
    assert _run(node, "protect.cjs", {**given, "href": "https://dana.github.io/jobs/due/"}) == {
        "error": "OperationError"
    }
