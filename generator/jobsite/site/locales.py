"""How the site's language (the `language` setting) writes days and numbers, and its words.

Days and numbers are Babel's, from the Unicode CLDR: each language writes a day as its own
skeleton says (`yMMMEd`: "Do., 26. Nov. 2026", "jue, 26 nov 2026", "jeu. 26 nov. 2026"),
with the weekday and the month spelled out where a screen reader should hear them whole.
English keeps the house style, `Thu 26 Nov 2026`: unambiguous in every country, the weekday
first for planning.

The words are gettext catalogues: `site_templates/locale/<language>/LC_MESSAGES/jobsite.po`,
read and compiled by Babel when the site is built, never committed compiled. A journal root's
own catalogue at the same path in its `site_templates/` is read after the packaged one, so
its translations replace jobsite's, message by message, and the rest stay.
"""

from __future__ import annotations

import gettext
import io
import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

from jobsite.errors import BuildError

DOMAIN = "jobsite"
CATALOGUE = Path("locale") / "{language}" / "LC_MESSAGES" / f"{DOMAIN}.po"


@dataclass(frozen=True, slots=True)
class DayPatterns:
    """The CLDR patterns of the days a page writes."""

    long: str  # `Thu 26 Nov 2026`
    short: str  # `Thu 26 Nov`, where the year goes without saying
    full: str  # `Thursday 26 November 2026`, as a screen reader should say it
    full_no_year: str  # `Thursday 26 November`
    in_text: str  # `26 November`, in a sentence: "we met on 26 November"
    in_text_year: str  # `26 November 2026`


_HOUSE = DayPatterns(
    "EEE d MMM y", "EEE d MMM", "EEEE d MMMM y", "EEEE d MMMM", "d MMMM", "d MMMM y"
)
# What each pattern asks of another language: the skeleton its own pattern is found by.
_SKELETONS = DayPatterns("yMMMEEEd", "MMMEEEd", "yMMMMEEEEd", "MMMMEEEEd", "MMMMd", "yMMMMd")


@cache
def day_patterns(language: str) -> DayPatterns:
    """The patterns of `language`'s days: English's house style, else the locale's own."""
    if language == "en":
        return _HOUSE
    from babel import Locale  # noqa: PLC0415 - only the site writes days so

    locale = Locale.parse(language)
    return DayPatterns(
        *(_from_skeleton(locale, getattr(_SKELETONS, name)) for name in DayPatterns.__slots__)
    )


def _from_skeleton(locale: object, skeleton: str) -> str:
    """The locale's pattern for `skeleton`, its weekday and month as wide as the skeleton asks
    (CLDR lists `yMMMEd` but seldom `yMMMMEEEEd`: ICU's pattern generator widens the fields
    of the nearest one the same way)."""
    from babel.dates import match_skeleton  # noqa: PLC0415

    available = locale.datetime_skeletons  # type: ignore[attr-defined]
    pattern = available[match_skeleton(skeleton, available)].pattern
    widths = {run[0]: len(run) for run in re.findall(r"E+|M+", skeleton)}
    # Text in quotes is literal ('de' in Spanish): only the parts between quotes hold fields.
    parts = re.split(r"('(?:[^']|'')*')", pattern)
    for index in range(0, len(parts), 2):
        parts[index] = re.sub(
            r"E+|M{3,}", lambda field: field[0][0] * widths[field[0][0]], parts[index]
        )
    return "".join(parts)


def format_day(day: date, pattern: str, language: str) -> str:
    """`day` written with a CLDR `pattern` in `language`."""
    from babel.dates import format_date  # noqa: PLC0415

    return format_date(day, pattern, locale=language)


def day_names(language: str) -> list[str]:
    """The abbreviated weekdays as `EEE` writes them, Sunday first (as JavaScript's `getDay`
    counts)."""
    from babel.dates import get_day_names  # noqa: PLC0415

    names = get_day_names("abbreviated", locale=language)
    return [names[(index + 6) % 7] for index in range(7)]


def month_names(language: str) -> list[str]:
    """The abbreviated months as `MMM` writes them, January first."""
    from babel.dates import get_month_names  # noqa: PLC0415

    names = get_month_names("abbreviated", locale=language)
    return [names[month] for month in range(1, 13)]


def format_number(value: float, language: str) -> str:
    """`2.5` in English, `2,5` in German, Spanish and French."""
    from babel.numbers import format_decimal  # noqa: PLC0415

    return format_decimal(value, locale=language)


def format_percent(value: float, language: str) -> str:
    """A percentage (0 to 100) as the language writes it: `67%`, `67 %`."""
    from babel.numbers import format_percent  # noqa: PLC0415

    return format_percent(value / 100, locale=language)


def catalogue_files(folders: list[Path], language: str) -> tuple[Path, ...]:
    """The catalogues of `language` in the template folders, the root's own first."""
    relative = Path(str(CATALOGUE).format(language=language))
    return tuple(folder / relative for folder in folders if (folder / relative).is_file())


def translations(files: tuple[Path, ...], language: str) -> gettext.NullTranslations:
    """The words of `files` (from `catalogue_files`), compiled by Babel; the first file's
    translations win. A message left empty or marked fuzzy is not used: the English stays."""
    from babel.messages.mofile import write_mo  # noqa: PLC0415
    from babel.messages.pofile import PoFileError, read_po  # noqa: PLC0415
    from babel.support import Translations  # noqa: PLC0415

    merged: Translations | None = None
    for path in reversed(files):  # the packaged catalogue first, the root's own over it
        try:
            with path.open("rb") as file:
                catalog = read_po(file, locale=language, domain=DOMAIN, abort_invalid=True)
        except OSError as error:
            raise BuildError(f"{_shown(path)}: {error.strerror or error}") from None
        except PoFileError as error:
            # Babel counts lines from 0 and says where at the end: `... keyword on 2`.
            message = re.sub(r" on \d+$", "", str(error))
            raise BuildError(f"{_shown(path)}:{error.lineno + 1}: {message}") from None
        compiled = io.BytesIO()
        write_mo(compiled, catalog)
        compiled.seek(0)
        words = Translations(compiled, domain=DOMAIN)
        merged = words if merged is None else merged.merge(words)
    return merged if merged is not None else gettext.NullTranslations()


def _shown(path: Path) -> str:
    """A catalogue as its root names it: `site_templates/locale/de/LC_MESSAGES/jobsite.po`."""
    return path.relative_to(path.parents[len(CATALOGUE.parts)]).as_posix()
