"""Write a journal root of N synthetic, realistic opportunity files for the benchmark.

    python benchmarks/generate.py N OUTDIR [--seed S] [--today YYYY-MM-DD]

OUTDIR gets an `mkdocs.yml` (the jobsite plugin, country US) and `journal/` with N files
spread over a few subfolders. Each file has a company and role, two contacts (name, title,
phone, email), 2 to 8 events of the types guide/journal.md lists dated over the months before TODAY
(some opportunities closed, some paused, some with a scheduled interview or a call-back date),
tags, a link and about 1.5 KB of Markdown notes. The same N, seed and today always give
byte-identical files; an existing journal/ in OUTDIR is replaced.
"""

from __future__ import annotations

import argparse
import random
import shutil
import textwrap
from datetime import date, timedelta
from pathlib import Path

TODAY = date(2026, 11, 26)
FOLDERS = ("", "", "", "2026", "networking", "archive")

_PREFIXES = (
    "Acme", "Globex", "Initech", "Umbrella", "Hooli", "Soylent", "Cyberdyne", "Tyrell",
    "Wayne", "Stark", "Vandelay", "Massive", "Pied", "Wonka", "Gringotts", "Oscorp", "Aperture",
    "Black Mesa", "Dunder", "Prestige", "Sterling", "Monarch", "Nakatomi", "Weyland", "Zorg",
    "Blue Sun", "Virtucon", "Gekko", "Bluth", "Kramerica", "Los Pollos", "Strickland",
)  # fmt: skip
_SUFFIXES = (
    "Corp", "Analytics", "Health", "Labs", "Logistics", "Systems", "Industries", "Capital",
    "Software", "Foods", "Energy", "Media", "Robotics", "Insurance", "Bank", "Retail",
)  # fmt: skip
_ROLES = (
    "Data Engineer", "Senior Data Engineer", "Analytics Engineer", "ML Engineer",
    "Backend Engineer", "Platform Engineer", "Data Scientist", "BI Developer",
    "Site Reliability Engineer", "Product Analyst", "Staff Software Engineer",
    "Engineering Manager", "Solutions Architect", "Research Engineer",
)  # fmt: skip
_FIRST = (
    "Dana", "Luis", "Priya", "Monica", "Richard", "Jill", "Chris", "Aisha", "Tom", "Mei",
    "Oluwaseun", "Sofia", "Jamal", "Hannah", "Kenji", "Fatima", "Erik", "Grace", "Noah", "Zoe",
)  # fmt: skip
_LAST = (
    "Smith", "Ortega", "Patel", "Hall", "Hendricks", "Valentine", "Redfield", "Khan", "Nguyen",
    "Chen", "Adeyemi", "Rossi", "Brown", "Schmidt", "Tanaka", "Haddad", "Larsen", "Kim",
)  # fmt: skip
_TITLES = (
    "HR Generalist", "Technical Recruiter", "Talent Acquisition Partner", "Hiring Manager",
    "Engineering Manager, Data Platform", "Director of Engineering", "VP Data",
    "Team Lead", "Principal Engineer", "People Operations",
)  # fmt: skip
_TAGS = (
    "remote", "hybrid", "onsite", "python", "sql", "spark", "airflow", "aws", "gcp", "chicago",
    "referral", "startup", "enterprise", "healthcare", "fintech", "dream-job",
)  # fmt: skip
_NOTES = (
    "through the careers site", "referral from a former colleague", "left the three-part message",
    "panel of three, went well", "phone screen, 30 minutes", "asked about the team's on-call",
    "said they are still reviewing resumes", "mailed the card the same day",
    "thanked her for her time and reconfirmed my interest", "recruiter reached out on LinkedIn",
)  # fmt: skip
_PARAGRAPHS = (
    "The team is moving from nightly batch jobs to streaming, and the posting asks for Spark "
    "and Airflow, both of which I used at my last job. The manager mentioned that most of the "
    "work is migrating old pipelines, which is exactly the project I led last year.",
    "They care a lot about testing and code review. Bring the story about the flaky DAGs and "
    "how a shared library cut the failures by half; it answers the question about ownership "
    "before they ask it.",
    "Compensation was not discussed yet. The recruiter said the band is set by level, and the "
    "level is decided after the onsite, so do not anchor on a number in the first calls.",
    "Ask whether the role is hybrid or fully remote, who the team's stakeholders are, and how "
    "success is measured in the first ninety days. Listen for how they talk about on-call.",
    "The office is twenty minutes from the station. They offered a video call for the first "
    "round and an onsite for the panel; the panel is usually three people and a lunch.",
)
_BULLETS = (
    "Migrated 40 Airflow DAGs to a shared library; cut failures by half.",
    "Built the cost dashboard the finance team still uses every Monday.",
    "Mentored two juniors through their first on-call rotation.",
    "Wrote the data contract that ended the weekly schema breakages.",
    "Cut the warehouse bill by 30% by partitioning the event tables.",
    "Led the move from cron jobs to an orchestrator, without downtime.",
)
# (type, written as) for the events after the first contact; aliases as guide/journal.md lists them.
_FOLLOW_UPS = ("voicemail", "call", "email", "follow-up")
_CLOSING = ("rejected", "withdrawn", "offer", "closed", "hired")


def company_name(rng: random.Random) -> str:
    """A company name such as `Globex Analytics`."""
    return f"{rng.choice(_PREFIXES)} {rng.choice(_SUFFIXES)}"


def contact(rng: random.Random, domain: str) -> dict[str, str]:
    """A contact with a name, a title, a phone number and an email address."""
    first, last = rng.choice(_FIRST), rng.choice(_LAST)
    return {
        "name": f"{first} {last}",
        "title": rng.choice(_TITLES),
        "phone": f"+1 {rng.randint(201, 989)} 555 {rng.randint(0, 9999):04d}",
        "email": f"{first.lower()}.{last.lower()}@{domain}",
    }


def history(rng: random.Random, today: date) -> list[tuple[date, str]]:
    """2 to 8 (date, type) events, in date order, following the 3x3 method more or less."""
    count = rng.randint(2, 8)
    gaps = [rng.choice((1, 1, 2, 3, 3, 4, 5, 7, 8, 10, 14)) for _ in range(count - 1)]
    idle = rng.randint(0, 150) if rng.random() < 0.6 else rng.randint(0, 6)  # days since the last
    day = today - timedelta(days=sum(gaps) + idle)
    first = "contacted" if rng.random() < 0.3 else "applied"
    events = [(day, first)]
    interviewed = False
    for gap in gaps:
        day += timedelta(days=gap)
        roll = rng.random()
        if not interviewed and roll < 0.45:
            kind = rng.choice(_FOLLOW_UPS)
        elif roll < 0.65:
            kind, interviewed = ("meeting" if first == "contacted" else "interview"), True
        elif interviewed and roll < 0.8:
            kind = rng.choice(("thank-you", "note"))
        elif roll < 0.9:
            kind = rng.choice((*_FOLLOW_UPS, "reply"))
        else:
            kind = "note" if interviewed else "reply"
        events.append((day, kind))
    if rng.random() < 0.15:  # a definite yes or no
        events[-1] = (events[-1][0], rng.choice(_CLOSING))
    elif rng.random() < 0.08:  # an interview scheduled ahead of today
        events.append((today + timedelta(days=rng.randint(1, 14)), "interview"))
    return events


def format_event(rng: random.Random, day: date, kind: str, names: list[str]) -> str:
    """One event line in either of the forms guide/journal.md lists, mostly the mapping form."""
    notes = rng.choice(_NOTES) if rng.random() < 0.6 else None
    if rng.random() < 0.25:
        return f"  - {day.isoformat()} {kind}" + (f": {notes}" if notes else "")
    parts = [f"date: {day.isoformat()}", f"type: {kind}"]
    if kind not in ("applied", "note") and rng.random() < 0.5:
        parts.append(f"with: {rng.choice(names)}")
    if notes:
        parts.append(f"notes: {notes}")
    return "  - {" + ", ".join(parts) + "}"


def notes_markdown(rng: random.Random, company: str) -> str:
    """About 1.5 KB of Markdown notes: headed sections of paragraphs and bullet lists."""
    parts = [f"## Why {company}\n"]
    size = len(parts[0])
    while size < 1450:
        roll = rng.random()
        if roll < 0.5:
            block = textwrap.fill(rng.choice(_PARAGRAPHS), width=96) + "\n"
        elif roll < 0.8:
            block = "\n".join(f"- {b}" for b in rng.sample(_BULLETS, rng.randint(2, 4))) + "\n"
        else:
            block = rng.choice(("## Talking points", "## Questions to ask", "## After the call"))
            block += "\n"
        parts.append(block)
        size += len(block) + 1
    return "\n".join(parts)


def opportunity(rng: random.Random, index: int, today: date) -> tuple[str, str]:
    """(relative path under journal/, file text) of one opportunity."""
    company = company_name(rng)
    role = rng.choice(_ROLES)
    slug = "-".join(f"{company} {role}".lower().replace(",", "").split())
    domain = company.lower().replace(" ", "") + ".example"
    contacts = [contact(rng, domain), contact(rng, domain)]
    names = [c["name"] for c in contacts]
    events = history(rng, today)
    lines = ["---", f"company: {company}", f"role: {role}"]
    if events[0][1] == "contacted" and rng.random() < 0.5:
        lines.append("kind: networking")
    if rng.random() < 0.04:
        lines.append("status: paused")
    lines.append("contacts:")
    for number, person in enumerate(contacts):
        lines.append(f"  - name: {person['name']}")
        lines.append(f"    title: {person['title']}")
        lines.append(f'    phone: "{person["phone"]}"')
        lines.append(f"    email: {person['email']}")
        if number == 1 and rng.random() < 0.2:
            lines.append("    primary: true")
    lines.append("events:")
    lines += [format_event(rng, day, kind, names) for day, kind in events]
    last = max(day for day, _ in events if day <= today)
    if rng.random() < 0.1:
        call_back = last + timedelta(days=rng.randint(3, 21))
        lines += ["follow_up:", f"  next: {call_back.isoformat()}"]
    lines.append(f"tags: [{', '.join(rng.sample(_TAGS, rng.randint(1, 4)))}]")
    lines.append(f"link: https://{domain}/jobs/{rng.randint(100, 99999)}")
    if rng.random() < 0.2:
        lines.append(f"salary_range: {rng.randint(90, 180)}-{rng.randint(181, 260)}k")
    lines += ["---", notes_markdown(rng, company)]
    folder = FOLDERS[index % len(FOLDERS)]
    name = f"{slug}-{index:05d}.md"
    return (f"{folder}/{name}" if folder else name), "\n".join(lines)


def generate(count: int, out: Path, seed: int = 1, today: date = TODAY) -> Path:
    """Write the journal root `out` with `count` opportunity files; return `out`."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    journal = out / "journal"
    if journal.exists():
        shutil.rmtree(journal)
    shutil.rmtree(out / ".jobsite-cache", ignore_errors=True)
    (out / "mkdocs.yml").write_text(
        "site_name: Benchmark journal\n"
        "plugins:\n"
        "  - search\n"
        "  - jobsite:\n"
        "      journal: journal\n"
        "      country: US\n"
        "      subdivision: IL\n",
        encoding="utf-8",
    )
    for index in range(count):
        relative, text = opportunity(rng, index, today)
        path = journal / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return out


def main() -> None:
    """Command line: `generate.py N OUTDIR [--seed S] [--today YYYY-MM-DD]`."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, metavar="N", help="how many opportunity files")
    parser.add_argument("out", type=Path, metavar="OUTDIR", help="the journal root to write")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--today",
        type=date.fromisoformat,
        default=TODAY,
        help=f"the day the histories lead up to (default {TODAY})",
    )
    args = parser.parse_args()
    generate(args.count, args.out, args.seed, args.today)
    print(f"{args.count} files in {args.out / 'journal'}")


if __name__ == "__main__":
    main()
