"""One slug for file names and page addresses (issue 10): readable, stable, never shared."""

from __future__ import annotations

import os
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from jobsite.agenda import build_agenda
from jobsite.site.context import build_context
from jobsite.site.weekly import review_start
from jobsite.slugs import LIMIT, slugify


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Acme Corp", "acme-corp"),
        ("Café Müller & Co.", "cafe-muller-and-co"),
        ("Straße AG", "strasse-ag"),
        ("Ørsted", "orsted"),
        ("Łódź Logistics", "lodz-logistics"),
        ("Macy's", "macys"),
        ("C++ Corp", "c-plus-plus-corp"),
        ("C# Shop", "c-sharp-shop"),
        ("AT&T", "at-and-t"),
        ("株式会社", "株式会社"),
        ("ガスト", "ガスト"),  # the voiced mark stays: only Latin accents are dropped
        ("Москва Сити", "москва-сити"),
    ],
)
def test_names_become_readable_slugs(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_a_name_without_letters_gets_a_fallback_that_still_tells_names_apart() -> None:
    assert slugify("!!!", fallback="company") != slugify("???", fallback="company")
    assert slugify("!!!", fallback="company").startswith("company-")


def test_a_long_name_is_cut_between_words_and_keeps_a_hash_of_the_whole() -> None:
    long = "Consolidated International Holdings of Extremely Long Company Names Worldwide"
    slug = slugify(long)
    assert len(slug) <= LIMIT
    assert slug.startswith("consolidated-international-holdings-of-extremely")
    assert slugify(long + " Two") != slug


@given(st.text(max_size=300))
def test_every_slug_is_a_safe_path_component(name: str) -> None:
    slug = slugify(name, fallback="page")
    assert slug and len(slug) <= LIMIT
    assert "/" not in slug and "\\" not in slug and not slug.startswith(".")
    assert slug == slug.strip("-") and "--" not in slug
    assert len(slug.encode("utf-8")) <= 200  # room for `-2.md` and a temporary file's name


def _companies(make_root, names: list[str]) -> dict[str, str]:
    files = {
        f"{index}.md": f"---\ncompany: {name}\nevents: [2026-11-20 applied]\n---\n"
        for index, name in enumerate(names)
    }
    today = date(2026, 11, 26)
    agenda = build_agenda(make_root(files), today, use_cache=False, review_from=review_start(today))
    return {company.name: company.slug for company in build_context(agenda).companies}


def test_a_company_keeps_its_address_when_another_is_added(make_root) -> None:
    """`C++ Corp` and `C Corp` shared `c-corp` before, and which got `-2` depended on the rest."""
    alone = _companies(make_root, ["C Corp"])
    both = _companies(make_root, ["C++ Corp", "C Corp", "Ørsted", "株式会社"])
    assert both["C Corp"] == alone["C Corp"] == "c-corp"
    assert both["C++ Corp"] == "c-plus-plus-corp"
    assert both["Ørsted"] == "orsted" and both["株式会社"] == "株式会社"


def test_new_names_its_file_with_the_same_slug_as_the_page(run, make_root) -> None:
    root = make_root({})
    result = run(root, "new", "Straße AG", "--applied", "--today", "2026-11-26")
    assert result.stdout.startswith("Created journal/strasse-ag.md\n")
    assert _companies(make_root, ["Straße AG"]) == {"Straße AG": "strasse-ag"}


GOTHIC = "\U00010330"  # 𐌰, a letter of four bytes in UTF-8


def test_a_slug_is_cut_in_bytes_too() -> None:
    """60 letters of four bytes each were a 240-byte slug: `.md` made it 243, and the 14
    bytes a write adds for its temporary file passed the 255 a file name may have."""
    slug = slugify(GOTHIC * 60)
    assert len(slug.encode("utf-8")) <= 200
    assert slug.startswith(GOTHIC * 40) and slug != slugify(GOTHIC * 59)
    assert slugify(GOTHIC * 30, "Data Engineer") == f"{GOTHIC * 30}-data-engineer"  # 132 bytes


def test_new_then_log_on_a_name_of_four_byte_letters(run, make_root) -> None:
    root = make_root({})
    created = run(root, "new", GOTHIC * 60, "--applied", "--today", "2026-11-26")
    assert created.exit_code == 0, created.output
    (path,) = (root / "journal").iterdir()
    assert len(os.fsencode(path.name)) + 14 <= 255
    logged = run(root, "log", path.relative_to(root).as_posix(), "call", "--today", "2026-11-27")
    assert logged.exit_code == 0, logged.output
    assert "2026-11-27" in path.read_text(encoding="utf-8")
