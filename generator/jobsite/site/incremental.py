"""Under `jobsite serve`, a rebuild after a journal edit renders only the pages that changed.

MkDocs renders every page on every build; after one journal edit, one company page, the lists
that show its actions and a few others differ, and the rest of the work (the theme's template,
search reading every page) is done again for nothing. `jobsite serve` runs MkDocs' dirty
builds, where a page whose file is not modified is neither rendered nor written, and keeps its
last output. A generated file is modified where its content differs from the last build's
(`KeptFiles.file`); MkDocs compares the dates of the user's own files.

What a page's output depends on besides its own content (the site's settings and theme, the
files that exist: where links lead) is fingerprinted; where that changed, or a page came or
went, the rebuild is whole: the served folder is emptied so that every file is written again.
The search index of a rebuild holds only the pages it rendered: `search.ServeIndex` makes
it whole again.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import clean_directory


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    """MkDocs warns on every dirty build that links may go stale; here nothing is kept that
    could be (see the module docstring), so the warning would only be noise."""
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def setting_of(config: MkDocsConfig, files: Files, *, whole: bool) -> object:
    """What a page's output depends on besides its own content, for `KeptFiles.begin`;
    `whole`: a setting unlike any other, so that the rebuild is whole."""
    return (
        Path(config.config_file_path).read_bytes(),
        repr(config.markdown_extensions),
        repr(config.mdx_configs),
        repr(config.nav),
        repr(config.theme),
        # Where links lead: which files there are, in any order (a call logged moves its
        # contact up the people index, and their page among the files, and nothing else).
        frozenset((file.src_uri, file.inclusion) for file in files),
        object() if whole else None,
    )


class _GeneratedFile(File):
    """A generated file that is modified only where its content changed since the last build
    (MkDocs counts every generated file as modified)."""

    changed = True

    def is_modified(self) -> bool:
        return self.changed


class KeptFiles:
    """The generated files of the last build, kept for the next one under `serve`."""

    def __init__(self) -> None:
        logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_warning)
        self._last: dict[str, str | bytes] = {}
        self._building: dict[str, str | bytes] = {}
        self._files: list[_GeneratedFile] = []
        self._setting: object = None

    def file(
        self, config: MkDocsConfig, path: str, content: str | bytes, page: str | None = None
    ) -> File:
        """The generated file at `path`, modified where its content differs from the last
        build's: `page`, the whole page where `content` is only its Markdown (`stash`)."""
        made = _GeneratedFile.generated(config, path, content=content)
        whole = content if page is None else page
        made.changed = self._last.get(path) != whole
        self._building[path] = whole
        self._files.append(made)
        return made

    def begin(self, config: MkDocsConfig, setting: object) -> None:
        """Once the files are known: a whole rebuild where `setting` (everything else a
        page's output depends on) or the set of generated files changed."""
        whole = setting != self._setting or self._building.keys() != self._last.keys()
        self._setting = setting
        if whole:
            for made in self._files:
                made.changed = True
            clean_directory(config.site_dir)  # the user's own pages are written again too

    def commit(self) -> None:
        """The build is written: its files are the ones the next build compares with."""
        self._last, self._building, self._files = self._building, {}, []

    def discard(self) -> None:
        """The build failed: the next one starts afresh."""
        self._last, self._building, self._files = {}, {}, []
        self._setting = None
