"""Under `jobsite serve`, a page made from the same facts as at the last rebuild is not
rendered again: its last text is used.

After one journal edit, one company page and the pages of a few people differ; rendering the
other thousands to find that out was most of a rebuild. A page is rendered from the one site
context (`context.SiteContext`), but a company page shows only its company's opportunities
(`CompanyView`, their plans as they are) and a person's page only that person (`PersonView`),
both compared whole, by value. Everything else they read of the site, the links to other
pages and the names those show, is the site's *outline* (`outline`): where that changed
(a company renamed, a contact merged into another person, another day, another setting or
an edited template), every page is rendered again. The pages that list the whole journal
(the home page, the due list, the call sheet, the scripts, the stats, the indexes) are
rendered again when anything of it changed, each action's card, call or prefilled script on
them reused where its page, its action and that action's file are the same (`PageMemo.part`).

What a file says under its front matter, its notes, is shown only on its company page. So
where nothing else changed (`facts_but_notes`: the plans with their notes left out, and what
else the site is made from), the people, their pages and the lists are the last render's, and
only that company page is rendered. A journal root with its own templates (`site_templates/`)
is never read this way: its pages may show the notes anywhere.

tests/site/test_memo.py edits a journal in every way that moves a page and checks that the
pages rendered this way are the pages a whole render gives.
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Callable, Hashable, Iterable
from dataclasses import replace
from pathlib import Path

from jobsite.agenda import Agenda
from jobsite.journal.settings import Settings
from jobsite.model import Plan
from jobsite.site.context import SiteContext
from jobsite.site.folders import TEMPLATES_FOLDER, packaged_templates
from jobsite.site.network import Network


def outline(
    context: SiteContext, settings: Settings, folders: Iterable[Path], *options: object
) -> tuple[object, ...]:
    """What a company or person page reads of the site besides its own facts: the day, the
    settings, the templates (each file's size and date), each company's name, page and
    opportunities' anchors, which name in which file means whom, each person's name and
    page and who introduced them (the chain of introductions), and `options` (the render's
    own: links with or without index.html, search, the repository, the calendar)."""
    network = context.network
    return (
        context.today,
        settings,
        _templates_state(folders),
        tuple(
            (c.name, c.slug, tuple((v.opportunity.path, v.anchor) for v in c.opportunities))
            for c in context.companies
        ),
        network.people.directory,
        tuple(
            (key, view.slug, view.name, tuple(ref.person for ref in view.person.introduced_by))
            for key, view in network.views.items()
        ),
        context.repository,
        context.calendar,
        context.search,
        *options,
    )


class PageMemo:
    """The company and person pages of the last render, each with the facts it was made
    from, for the next render of the same `outline`."""

    def __init__(self) -> None:
        self._outline: object = None
        self._kept: dict[str, tuple[object, str]] = {}
        self._made: dict[str, tuple[object, str]] = {}
        self._kept_parts: dict[tuple[Hashable, ...], tuple[object, str]] = {}
        self._made_parts: dict[tuple[Hashable, ...], tuple[object, str]] = {}
        self._reused: set[str] = set()  # the folders of the pages reused, whose parts are kept
        self._plans: dict[str, tuple[Plan, Plan]] = {}  # each plan, and it without its notes
        self._network: tuple[object, Network] | None = None
        self.rendered: list[str] = []  # the pages this render made rather than reused

    def facts_but_notes(self, agenda: Agenda) -> object:
        """What the site of `agenda` is made from, but the notes under each file's front
        matter: equal to the last render's where only notes changed (a root with its own
        templates gets facts equal to no other)."""
        own = agenda.root / TEMPLATES_FOLDER
        if own.is_dir() and own.resolve() != packaged_templates().resolve():
            return object()
        last, self._plans = self._plans, {}
        plans = []
        for plan in agenda.plans:
            kept = last.get(plan.opportunity.path)
            if kept is None or kept[0] is not plan:  # under serve, an unchanged file's plan is
                kept = (plan, _without_notes(plan))  # the very object of the last rebuild
            self._plans[plan.opportunity.path] = kept
            plans.append(kept[1])
        return (
            agenda.today,
            agenda.settings,
            agenda.review_from,
            agenda.groups,
            agenda.problems,
            tuple(plans),
        )

    def network(self, facts: object, make: Callable[[], Network]) -> Network:
        """The people and their pages' names: the last render's where it was made from equal
        `facts` (`facts_but_notes`, and how the pages are named), else `make()`."""
        if self._network is None or self._network[0] != facts:
            self._network = (facts, make())
        return self._network[1]

    def begin(self, site_outline: object) -> None:
        """A render starts; what was kept is of use only where the outline is the same."""
        if site_outline != self._outline:
            self._kept, self._kept_parts = {}, {}
        self._outline, self._made, self._made_parts, self.rendered = site_outline, {}, {}, []
        self._reused = set()

    def page(self, path: str, facts: object, render: Callable[[], str]) -> str:
        """The page at `path` made from `facts`: the last render's text where its facts were
        equal, else `render()`."""
        kept = self._kept.get(path)
        if kept is not None and kept[0] == facts:
            text = kept[1]
            self._reused.add(posixpath.dirname(path))
        else:
            text = render()
            self.rendered.append(path)
        self._made[path] = (facts, text)
        return text

    def part(self, key: tuple[Hashable, ...], facts: object, render: Callable[[], str]) -> str:
        """A part of a page, such as an action's card, named by `key` (the page's folder, the
        macro, which action) and made from `facts` (compared whole): the last render's
        where it was made from equal facts, else `render()`."""
        kept = self._kept_parts.get(key)
        text = kept[1] if kept is not None and kept[0] == facts else render()
        self._made_parts[key] = (facts, text)
        return text

    def end(self) -> None:
        """The render is done: its pages and parts are what the next one compares with (a
        page gone from the site is forgotten; the parts of a page reused are kept, for when
        it is rendered again)."""
        reused = self._reused
        kept = {key: part for key, part in self._kept_parts.items() if key[0] in reused}
        self._kept, self._made = self._made, {}
        self._kept_parts, self._made_parts = {**kept, **self._made_parts}, {}


def _without_notes(plan: Plan) -> Plan:
    """`plan` as if its file had no notes under the front matter."""
    if not plan.opportunity.body:
        return plan
    return replace(plan, opportunity=replace(plan.opportunity, body=""))


def _templates_state(folders: Iterable[Path]) -> tuple[tuple[str, int, int], ...]:
    """Every file of the template folders, with its size and date: an edit of any, under
    `serve`, renders every page again."""
    state: list[tuple[str, int, int]] = []
    for folder in folders:
        for directory, subfolders, names in os.walk(folder):
            subfolders[:] = [s for s in subfolders if s != "__pycache__"]
            for name in names:
                path = os.path.join(directory, name)
                try:
                    stat = os.stat(path)
                except OSError:
                    continue
                state.append((path, stat.st_mtime_ns, stat.st_size))
    return tuple(sorted(state))
