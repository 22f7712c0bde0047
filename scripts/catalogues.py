"""jobsite's catalogues of words: every message of the templates and of the call sheet,
extracted by Babel as babel.cfg says, and each language's catalogue brought up to date.

    python scripts/catalogues.py            # update site_templates/locale/*/LC_MESSAGES/jobsite.po
    python scripts/catalogues.py --check    # exit 1 where a catalogue is not up to date
    python scripts/catalogues.py --add it   # start the catalogue of another language

A message new in the templates arrives in every catalogue untranslated (its `msgstr` empty),
and tests/site/test_languages.py fails until it is translated; one no longer in jobsite is
dropped (git keeps it). The catalogues are read as they are when a site is built: nothing is
compiled here, and no `.mo` file is kept.
"""

from __future__ import annotations

import argparse
import io
import sys
from datetime import UTC, datetime
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po, write_po

REPO = Path(__file__).resolve().parent.parent
CONFIG = REPO / "babel.cfg"
LOCALE = REPO / "site_templates" / "locale"
DOMAIN = "jobsite"
HEADER = """\
# The {language} words of jobsite: its pages, the scripts' shared parts, the calendar and the
# call sheet. Extracted from the templates by scripts/catalogues.py; see guide/development.md.
# Distributed under jobsite's license (MIT)."""
# Only these folders hold words: the rest of the repository (node_modules/...) is not walked.
SEARCHED = ("generator", "site_templates")


def languages() -> list[str]:
    """The languages that have a catalogue, by code."""
    return sorted(path.parent.parent.name for path in LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def catalogue_path(language: str) -> Path:
    """Where the catalogue of `language` is."""
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def extracted() -> Catalog:
    """Every message jobsite shows, as Babel extracts it from the files babel.cfg names."""
    with CONFIG.open(encoding="utf-8") as file:
        method_map, options_map = parse_mapping_cfg(file)
    template = Catalog(domain=DOMAIN, project="jobsite", fuzzy=False)

    def searched(path: str) -> bool:
        relative = Path(path).relative_to(REPO)
        return relative.parts[0] in SEARCHED and not relative.name.startswith((".", "__"))

    found = extract_from_dir(
        str(REPO),
        method_map,
        options_map,
        keywords=DEFAULT_KEYWORDS,
        directory_filter=searched,
    )
    for filename, _line, message, comments, context in found:
        template.add(message, None, [(filename, None)], auto_comments=comments, context=context)
    return template


def updated(language: str, template: Catalog) -> str:
    """The catalogue of `language` as it should be: every message of `template`, with the
    translations it has already; a new one untranslated, one no longer used left out."""
    path = catalogue_path(language)
    if path.is_file():
        with path.open("rb") as file:
            catalogue = read_po(file, locale=language, domain=DOMAIN)
    else:
        catalogue = _new_catalogue(language)
    created, revised = catalogue.creation_date, catalogue.revision_date
    # No guessing from similar messages: a guess would be marked fuzzy, and not be used.
    catalogue.update(template, no_fuzzy_matching=True, update_header_comment=False)
    catalogue.creation_date, catalogue.revision_date = created, revised
    written = io.BytesIO()
    write_po(
        written,
        catalogue,
        width=100,
        ignore_obsolete=True,
        include_previous=False,
        include_lineno=False,  # a message that moves in its file changes no catalogue
    )
    return written.getvalue().decode("utf-8")


def _new_catalogue(language: str) -> Catalog:
    now = datetime.now(UTC)
    catalogue = Catalog(
        locale=language,
        domain=DOMAIN,
        header_comment=HEADER.format(language=Locale.parse(language).english_name),
        project="jobsite",
        # Not a release: a catalogue changes with the templates, whatever the version.
        version="templates",
        creation_date=now,
        revision_date=now,
        fuzzy=False,
    )
    # Babel puts placeholders where these are not given: who wrote a catalogue is in git,
    # and where to report a mistake is wherever jobsite's issues are.
    catalogue.last_translator = catalogue.language_team = catalogue.msgid_bugs_address = ""
    return catalogue


def main(argv: list[str]) -> int:
    """Update the catalogues, check them, or add one; 1 where `--check` finds one stale."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 if stale")
    parser.add_argument("--add", metavar="LANGUAGE", help="start the catalogue of LANGUAGE")
    options = parser.parse_args(argv)
    template = extracted()
    wanted = languages() + ([options.add] if options.add else [])
    stale = []
    for language in wanted:
        path = catalogue_path(language)
        text = updated(language, template)
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        if text == current:
            continue
        stale.append(language)
        if not options.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
    if options.check and stale:
        stale_ones = ", ".join(stale)
        print(f"out of date: {stale_ones} (run python scripts/catalogues.py)", file=sys.stderr)
        return 1
    for language in stale:
        print(f"updated {catalogue_path(language).relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
