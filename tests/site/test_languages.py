"""The site in German, Spanish and French (the `language` setting, guide/settings.md).

The catalogues (site_templates/locale/<language>/LC_MESSAGES/jobsite.po) hold a translation
of every message Babel extracts from the templates and the call sheet, none fuzzy or empty,
with the same placeholders. The sample journal, built in each language, shows no English
word of jobsite's own: every page's text (and its labels, its emails and its calendar) is
checked against the list of jobsite's English labels and sentences, once the journal's own
words are taken out. `<html lang>` says the language on every page, the locked page too.
"""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import markdown
import pytest
from babel.messages.pofile import read_po
from bs4 import BeautifulSoup
from click.testing import CliRunner
from jinja2 import nodes

from jobsite.agenda import build_agenda
from jobsite.cli import main
from jobsite.site.templates import environment, packaged_templates

from conftest import REPO, SAMPLE_TODAY

LANGUAGES = ("de", "es", "fr")
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")
# What Material writes in English whatever its language: "Made with Material for MkDocs" in
# the footer, and "404 - Not found" on its 404 page (its templates have no word for them).
MATERIALS_OWN = ".md-copyright, .md-content__inner > h1:-soup-contains('404 - Not found')"
ME = 'me: {name: Jordan Lee, phone: "+1 773 555 0199", email: jordan@example.com}'


def _catalogues_script():
    spec = importlib.util.spec_from_file_location("catalogues", REPO / "scripts/catalogues.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


CATALOGUES = _catalogues_script()
EXTRACTED = CATALOGUES.extracted()
MESSAGES = {message.id: message for message in EXTRACTED if message.id}


def _catalogue(language: str) -> dict:
    with CATALOGUES.catalogue_path(language).open("rb") as file:
        return {m.id: m for m in read_po(file, locale=language, domain="jobsite") if m.id}


# ---------------------------------------------------------------- the catalogues


def test_the_templates_hold_every_message_jobsite_shows() -> None:
    """The extraction finds the pages', the calendar's, the locked page's and the call
    sheet's words: a template moved out of babel.cfg's reach would leave them English."""
    found = {location for message in EXTRACTED for location, _ in message.locations}
    assert len(MESSAGES) >= 250
    for where in (
        "generator/jobsite/cli/sheet.py",
        "site_templates/_words.html",
        "site_templates/home.md",
        "site_templates/stats.md",
        "site_templates/calendar.txt",
        "site_templates/protect/locked.html",
        "site_templates/scripts/_header.html",
    ):
        assert where in found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language: str) -> None:
    catalogue = _catalogue(language)
    assert sorted(map(str, MESSAGES.keys() - catalogue.keys())) == []  # missing
    assert sorted(map(str, catalogue.keys() - MESSAGES.keys())) == []  # left over
    problems = []
    for msgid, message in catalogue.items():
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        english = msgid[-1] if isinstance(msgid, tuple) else msgid
        wanted = set(PLACEHOLDER.findall(english))
        if message.fuzzy:
            problems.append(f"fuzzy: {msgid!r}")
        if not all(form and form.strip() for form in forms):
            problems.append(f"empty: {msgid!r}")
        for form in forms:
            # A plural's form may leave the number out ("der nächste Tag"); nothing else.
            have = set(PLACEHOLDER.findall(form or ""))
            if have - wanted or (not isinstance(msgid, tuple) and have != wanted):
                problems.append(f"placeholders {sorted(have)} in {form!r} for {msgid!r}")
            if "{day}" in english and "{day}" not in (form or ""):
                problems.append(f"no {{day}} in {form!r}")
    assert problems == []


def test_the_catalogues_are_up_to_date(capsys: pytest.CaptureFixture[str]) -> None:
    """`python scripts/catalogues.py --check`: nothing to add, nothing left over, as written."""
    assert CATALOGUES.main(["--check"]) == 0, capsys.readouterr().err
    assert CATALOGUES.languages() == sorted(LANGUAGES)


def test_no_compiled_catalogue_is_kept() -> None:
    assert list((REPO / "site_templates").rglob("*.mo")) == []


# ---------------------------------------------------------------- the sample in each language


def _english_words() -> set[str]:
    """jobsite's English labels and sentences, in pieces: each message's text between its
    placeholders and tags, and the text of the English templates that other languages
    write for themselves (the scripts, the call sheet's points, the emails)."""
    texts = [
        text for msgid in MESSAGES for text in (msgid if isinstance(msgid, tuple) else [msgid])
    ]
    env = environment(REPO)
    own = ("scripts", "today", "emails")
    for path in sorted(p for folder in own for p in (packaged_templates() / folder).glob("*.*")):
        tree = env.parse(path.read_text(encoding="utf-8"))
        texts += [node.data for node in tree.find_all(nodes.TemplateData)]
        # Words written as strings ("the open position"); not those compared with a value.
        compared = {
            id(c) for test in tree.find_all(nodes.Compare) for c in test.find_all(nodes.Const)
        }
        texts += [
            node.value
            for node in tree.find_all(nodes.Const)
            if isinstance(node.value, str) and id(node) not in compared
        ]
    pieces = set()
    for text in texts:
        words = re.sub(r"<[^>]*>|^[^<]*?>|<[^>]*$", " ", text)  # tags, and halves of tags
        for piece in re.split(r"%\(\w+\)[sd]|\{day\}|[“”‘’\"«»:;.,?!()·–]|\s\d+\.\s", words):
            words_of_piece = " ".join(piece.split())
            if len(re.findall(r"[A-Za-z]", words_of_piece)) >= 3:
                pieces.add(words_of_piece)
    return pieces


ENGLISH = _english_words()
# An English day as the English pages write it: `Thu 26 Nov 2026`, `Thursday 26 November`.
ENGLISH_DAY = re.compile(
    r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b"
    r"|\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
)


def _own_words(language: str) -> str:
    """Everything the language itself writes: a piece of English it writes too ("Status",
    "Notes", "LinkedIn") is its own word as well."""
    forms = []
    for message in _catalogue(language).values():
        forms += message.string if isinstance(message.string, tuple) else [message.string]
    folder = packaged_templates() / language
    forms += [path.read_text(encoding="utf-8") for path in sorted(folder.rglob("*.*"))]
    return "\n".join(forms)


def _journal_words(root: Path) -> list[str]:
    """The journal's own words, which the pages show as written: names, roles, notes..."""
    agenda = build_agenda(root, date.fromisoformat(SAMPLE_TODAY), use_cache=False)
    words = ["Job search", "A private follow-up plan, built by jobsite from journal/."]
    for plan in agenda.plans:
        o = plan.opportunity
        words += [o.company, o.role or "", o.path, o.link or "", *o.tags]
        for contact in o.contacts:
            words += [
                contact.name,
                contact.title or "",
                contact.role or "",
                contact.phone or "",
                contact.email or "",
                contact.notes or "",
                *(contact.address or "").splitlines(),
                contact.greeting or "",
            ]
        for event in o.events:
            words += [event.notes or "", event.with_ or ""]
        for key, value in o.extra:
            words += [key, ", ".join(map(str, value)) if isinstance(value, list) else str(value)]
        body = BeautifulSoup(markdown.markdown(o.body), "html.parser").get_text("\n")
        words += body.splitlines()
    words += [
        line for path in (root / "docs").rglob("*.md") for line in path.read_text().splitlines()
    ]
    return sorted({" ".join(w.split()) for w in words if w.strip()}, key=len, reverse=True)


def _page_texts(site: Path) -> dict[str, str]:
    """What each page shows and says: its text, its labels (`aria-label`, `title`), the
    subject and body of its email links; not the commands, keys and paths in `<code>`."""
    texts = {}
    for path in sorted(site.rglob("*.html")):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        parts = []
        for link in soup.select('a[href^="mailto:"]'):
            query = parse_qs(urlsplit(link["href"]).query)
            parts += [unquote(v) for key in ("subject", "body") for v in query.get(key, [])]
        for element in soup.select("script, style, code, kbd, pre, " + MATERIALS_OWN):
            element.decompose()
        for element in soup.find_all(True):
            parts += [element.get(name, "") for name in ("aria-label", "title", "alt")]
        parts.append(soup.get_text(" "))
        texts[path.relative_to(site).as_posix()] = " ".join(" ".join(parts).split())
    return texts


def _calendar_text(site: Path) -> str:
    """The words of calendar.ics: its name, and each event's summary and description."""
    unfolded = (site / "calendar.ics").read_text(encoding="utf-8").replace("\r\n ", "")
    lines = re.findall(r"^(?:X-WR-CALNAME|SUMMARY|DESCRIPTION):(.*)$", unfolded, re.MULTILINE)
    return " ".join(
        line.replace("\\n", " ").replace("\\,", ",").replace("\\;", ";") for line in lines
    )


def _english_in(text: str, journal: list[str], own: str) -> list[str]:
    """The pieces of jobsite's English found in `text`, the journal's words taken out."""
    for words in journal:
        text = text.replace(words, " ¶ ")
    found = [
        piece
        for piece in ENGLISH
        if re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", text)
        and not re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", own)
    ]
    found += [match.group() for match in ENGLISH_DAY.finditer(text)]
    return sorted(found)


def _root_in(language: str, root: Path) -> Path:
    for name in ("journal", "docs"):
        shutil.copytree(REPO / name, root / name, ignore=shutil.ignore_patterns("screenshots"))
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    options = f"  - jobsite:\n      language: {language}\n      {ME}\n"
    (root / "mkdocs.yml").write_text(config.replace("  - jobsite:\n", options, 1), "utf-8")
    return root


def _built(root: Path, **env: str) -> Path:
    result = CliRunner().invoke(
        main, ["-C", str(root), "build", "--today", SAMPLE_TODAY], env=env, catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    return root


@pytest.fixture(scope="module", params=LANGUAGES)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    """The sample journal built with `language:` set, and `me` for the scripts."""
    root = _root_in(request.param, tmp_path_factory.mktemp(f"sample-{request.param}") / "root")
    return request.param, _built(root)


def test_no_page_holds_an_english_word_of_jobsites_own(built) -> None:
    language, root = built
    journal, own = _journal_words(root), _own_words(language)
    texts = _page_texts(root / "site")
    assert len(texts) >= 25  # every page: home, today, due, companies, scripts, stats, tags, 404
    found = [
        f"{page}: {piece!r}"
        for page, text in texts.items()
        for piece in _english_in(text, journal, own)
    ]
    found += [
        f"calendar.ics: {p!r}" for p in _english_in(_calendar_text(root / "site"), journal, own)
    ]
    assert found == [], "\n".join(found)


def test_the_check_finds_the_english_of_an_english_site(tmp_path: Path) -> None:
    """The same check on the English site finds jobsite's words everywhere: it does look."""
    root = _built(_root_in("en", tmp_path / "root"))
    journal, texts = _journal_words(root), _page_texts(root / "site")
    found = {page: _english_in(text, journal, "") for page, text in texts.items()}
    assert all(found[page] for page in texts if page != "404.html")
    assert {"Due now", "Thank-you call", "Call on", "Calls and notes made"} <= set(
        found["due/index.html"]
        + found["scripts/thank-you-call/index.html"]
        + found["stats/index.html"]
    )


def test_every_page_says_its_language(built) -> None:
    language, root = built
    for path in (root / "site").rglob("*.html"):
        tag = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").html
        assert tag is not None and tag.get("lang") == language, path


def test_material_speaks_the_language_too(built) -> None:
    """Material's own words (search) and the scheme toggles, in the site's language."""
    language, root = built
    page = BeautifulSoup((root / "site/index.html").read_text(encoding="utf-8"), "html.parser")
    search = page.select_one("input.md-search__input")
    placeholders = {"de": "Suche", "es": "Búsqueda", "fr": "Rechercher"}
    assert search is not None and search["placeholder"] == placeholders[language]
    toggles = [label["title"] for label in page.select("label.md-header__button[title]")]
    names = {
        "de": ["Dunkles Design", "Helles Design"],
        "es": ["Modo oscuro", "Modo claro"],
        "fr": ["Mode sombre", "Mode clair"],
    }
    assert toggles == names[language]
    nav = [a.get_text(" ", strip=True) for a in page.select("nav.md-nav--primary > ul > li > a")]
    assert nav[:2] == [
        {"de": "Start", "es": "Inicio", "fr": "Accueil"}[language],
        {"de": "Heute", "es": "Hoy", "fr": "Aujourd’hui"}[language],
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_protected_site_is_locked_in_the_language(language: str, tmp_path: Path) -> None:
    root = _built(
        _root_in(language, tmp_path / "root"),
        JOBSITE_PROTECT="true",  # as the publishing workflow builds it (the sample's mkdocs.yml)
        JOBSITE_PASSWORD="a lighthouse keeper counts the ships at night",
    )
    site = root / "site"
    own, texts = _own_words(language), _page_texts(site)
    for path in ("index.html", "due/index.html", "404.html"):
        page = BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")
        assert page.html["lang"] == language, path
        said = page.select_one("#jobsite-locked-words")  # what its script says, in turn
        words = json.loads(said.string).values() if said else []
        assert _english_in(" ".join([texts[path], *words]), [], own) == [], path


# ---------------------------------------------------------------- days and numbers


@pytest.mark.parametrize(
    ("language", "long", "full", "in_text", "median", "percent"),
    [
        ("en", "Thu 26 Nov 2026", "Thursday 26 November", "26 November", "2.5", "67%"),
        ("de", "Do., 26. Nov. 2026", "Donnerstag, 26. November", "26. November", "2,5", "67\xa0%"),
        ("es", "jue, 26 nov 2026", "jueves, 26 de noviembre", "26 de noviembre", "2,5", "67\xa0%"),
        ("fr", "jeu. 26 nov. 2026", "jeudi 26 novembre", "26 novembre", "2,5", "67\xa0%"),
    ],
)
def test_days_and_numbers_as_the_language_writes_them(  # noqa: PLR0917 - one case a row
    language: str, long: str, full: str, in_text: str, median: str, percent: str
) -> None:
    """Babel's CLDR skeletons for German, Spanish and French; English keeps the house style."""
    env = environment(REPO, language)
    day = date(2026, 11, 26)
    assert env.filters["day"](day) == long
    assert env.filters["full_day"](day, False) == full
    assert env.filters["text_day"](day) == in_text
    assert env.filters["number"](2.5) == median
    assert env.filters["percent"](67) == percent


# ---------------------------------------------------------------- a root's own words


GLOBEX = """
    ---
    company: Globex
    role: Analyst
    contacts: [{name: Morgan Lee, greeting: Frau Lee, phone: "+49 30 5550142"}]
    events: [2026-11-16 applied]
    ---
    """


def _pages(root: Path) -> dict[str, str]:
    from jobsite.site.pages import render_site
    from jobsite.site.weekly import review_start

    today = date(2026, 11, 26)
    agenda = build_agenda(root, today, use_cache=False, review_from=review_start(today))
    return render_site(agenda).pages


def test_a_root_overrides_a_language_s_own_template(make_root) -> None:
    """`site_templates/de/scripts/...` replaces German's own text of that script; a root's
    shared override (`site_templates/scripts/...`) replaces it too, being the root's own;
    an English site never reads a `de/` folder."""
    root = make_root({"globex.md": GLOBEX}, settings="language: de")
    script = "scripts/follow-up-call/index.md"
    german = root / "site_templates" / "de" / "scripts"
    german.mkdir(parents=True)
    (german / "follow-up-call.html").write_text("<p>Servus {{ o.company if o }}!</p>\n", "utf-8")
    shared = root / "site_templates" / "scripts"
    shared.mkdir()
    (shared / "thank-you-call.html").write_text("<p>My own thanks</p>\n", "utf-8")
    pages = _pages(root)
    assert "<p>Servus Globex!</p>" in pages[script]
    assert "<p>My own thanks</p>" in pages["scripts/thank-you-call/index.md"]
    assert "hier spricht" in pages["scripts/check-in-call/index.md"]  # jobsite's German
    (root / "mkdocs.yml").write_text("site_name: Test\nplugins: [jobsite]\n", "utf-8")
    assert "Servus" not in _pages(root)[script]


def test_the_packaged_german_script_greets_by_the_greeting(make_root) -> None:
    root = make_root({"globex.md": GLOBEX}, settings="language: de")
    pages = _pages(root)
    assert "„Guten Tag Frau Lee, hier spricht" in pages["scripts/follow-up-call/index.md"]


def test_a_root_s_catalogue_rewords_a_language_message_by_message(make_root) -> None:
    root = make_root({"globex.md": GLOBEX}, settings="language: de")
    own = root / "site_templates" / "locale" / "de" / "LC_MESSAGES"
    own.mkdir(parents=True)
    (own / "jobsite.po").write_text(
        'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=utf-8\\n"\n\n'
        'msgid "Due list"\nmsgstr "Meine Anrufe"\n\n'
        'msgid "Overdue"\nmsgstr ""\n',  # empty: the packaged word stays
        "utf-8",
    )
    due = _pages(root)["due/index.md"]
    assert 'title: "Meine Anrufe"' in due and "<h1>Meine Anrufe</h1>" in due
    assert "Überfällig" in due


def test_an_english_root_may_reword_english_the_same_way(make_root) -> None:
    root = make_root({"globex.md": GLOBEX}, settings="country: US")
    own = root / "site_templates" / "locale" / "en" / "LC_MESSAGES"
    own.mkdir(parents=True)
    (own / "jobsite.po").write_text('msgid "Due list"\nmsgstr "Calls to make"\n', "utf-8")
    assert "<h1>Calls to make</h1>" in _pages(root)["due/index.md"]


def test_a_broken_catalogue_is_one_line(make_root, run) -> None:
    root = make_root({"globex.md": GLOBEX}, settings="language: de")
    own = root / "site_templates" / "locale" / "de" / "LC_MESSAGES"
    own.mkdir(parents=True)
    (own / "jobsite.po").write_text('msgid "Due list"\nmsgstr "Meine Anrufe"\nmistake\n', "utf-8")
    result = run(root, "today", "--today", "2026-11-26")
    assert result.exit_code == 1
    where = "site_templates/locale/de/LC_MESSAGES/jobsite.po:3"
    assert result.stderr == f"{where}: Unknown or misformatted keyword\n"


# ---------------------------------------------------------------- the terminal


TODAY_DE = """\
Anrufe und Karten am Do. 2026-11-26 (1)

1. Nachfassanruf: Globex · Analyst
   überfällig: Do. 2026-11-19
   Morgan Lee  +49 30 5550142
   Sagen Sie: Sie haben viel zu tun · sind meine Unterlagen angekommen? · kann ich etwas \
tun, um meine Chancen zu verbessern?
   Eintragen: jobsite log journal/globex.md call --with 'Morgan Lee'

Die Gesprächsleitfäden lassen Ihren Namen und Ihre Nummer frei: setzen Sie me: {name: ..., \
phone: "..."} beim jobsite-Plugin in mkdocs.yml.
"""


def test_jobsite_today_speaks_the_language(make_root, run) -> None:
    root = make_root({"globex.md": GLOBEX}, settings="language: de\ncountry: DE")
    result = run(root, "today", "--today", "2026-11-26")
    assert result.exit_code == 0, result.output
    assert result.stdout == TODAY_DE


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_json_of_the_commands_never_changes_with_the_language(
    make_root, run, language: str
) -> None:
    english = make_root({"globex.md": GLOBEX}, settings="country: DE")
    commands = [("due", "--json", "--all"), ("digest", "--format", "json")]
    before = [run(english, *c, "--today", "2026-11-26").stdout for c in commands]
    (english / "mkdocs.yml").write_text(
        f"site_name: Test\nplugins:\n  - jobsite:\n      country: DE\n      language: {language}\n",
        "utf-8",
    )
    after = [run(english, *c, "--today", "2026-11-26").stdout for c in commands]
    assert after == before
    assert json.loads(before[0])[0]["action"] == "follow-up-call"


# ---------------------------------------------------------------- in the browser


@pytest.fixture(scope="module")
def german_url(chromium: str, tmp_path_factory: pytest.TempPathFactory):
    from conftest import serve_folder

    root = _built(_root_in("de", tmp_path_factory.mktemp("browser-de") / "root"))
    with serve_folder(root / "site") as url:
        yield url


@pytest.mark.browser
def test_a_german_page_opened_later_says_so_in_german(german_url: str, new_page) -> None:
    """jobsite.js re-buckets in the page's words, and names the day as German writes it;
    the search box runs, on this machine only (`new_page` fails on a request elsewhere)."""
    page = new_page("2026-12-01")
    page.goto(german_url + "due/", wait_until="load")
    notice = page.locator("[data-stale-notice]")
    assert notice.inner_text().startswith("Nicht mehr aktuell: Heute ist Di., 1. Dez. 2026.")
    badges = set(page.locator(".jobsite-action [data-badge]").all_inner_texts())
    assert badges <= {"ÜBERFÄLLIG", "JETZT FÄLLIG", "DEMNÄCHST", "SPÄTER"}, badges
    page.locator(".md-search__input").click()
    page.locator(".md-search__input").press_sequentially("Acme")
    # Found (the page's clock is pinned, so the results panel never finishes fading in).
    page.locator(".md-search-result__item").first.wait_for(state="attached", timeout=10_000)
    assert "Acme" in page.locator(".md-search-result").text_content()
    assert page.locator("html").get_attribute("lang") == "de"


@pytest.mark.browser
def test_the_copy_button_says_copied_in_german(german_url: str, new_page) -> None:
    page = new_page()
    page.goto(german_url + "today/", wait_until="load")
    button = page.locator("button.jobsite-copy").first
    assert button.inner_text().startswith("Kopieren")
    button.click()
    status = page.locator(".jobsite-copy__status").first
    status.wait_for(state="attached")
    page.wait_for_function("el => el.textContent.length > 0", arg=status.element_handle())
    assert status.inner_text() in {
        "Kopiert",
        "Markiert: Drücken Sie Strg+C (⌘C auf dem Mac) zum Kopieren",
    }
