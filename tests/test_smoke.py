"""The sample journal loads without problems and gives actions in every bucket."""

from conftest import REPO, SAMPLE_TODAY


def test_sample_journal_has_every_bucket(run):
    result = run(REPO, "due", "--today", SAMPLE_TODAY, "--all", "--json")
    assert result.exit_code == 0, result.output
    assert result.stderr == ""
    import json

    buckets = {item["bucket"] for item in json.loads(result.stdout)}
    assert buckets == {"overdue", "due", "upcoming", "later"}
