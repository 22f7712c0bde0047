"""The contacts of a note from another tracker: `recruiter:`/`contact:` keys and 📧/📞 lines.

People who keep notes in Obsidian write a contact as a key (`recruiter: "[[Dana Smith]]"`)
or in the notes, as a line with an envelope or a telephone:

    **Dana Smith**, HR Generalist
    📧 dana@acme.example
    📞 +1 847 555 0100

Each run of such lines is one contact. Its name is the text left on those lines once the
address and number are taken out, else the line just before the run (a list item, a
heading or a short line), else the one contact a key names. The body is only read here: it
stays in the file byte for byte.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from jobsite.journal import yamlnodes as yn
from jobsite.journal.trackers import normal_key
from jobsite.model import Contact
from jobsite.vocabulary import CONTACT_KEYS as FIELDS
from jobsite.words import quoted

EMAIL_MARKS = ("📧", "✉️", "✉")
PHONE_MARKS = ("📞", "☎️", "☎", "📱")
_EMAIL = re.compile(r"(?:mailto:)?[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"(?:tel:)?\+?\d[\d ().\-/]{5,}\d")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # a date is no phone number
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")  # [text](target) → text
_WIKILINK = re.compile(r"\[\[([^\]|#]*)(?:[#|][^\]]*)?\]\]")  # [[Name|alias]] → Name
_LEAD = re.compile(r"^\s*(?:>\s*)*(?:#{1,6}\s+|(?:[-*+]|\d+[.)])\s+(?:\[.\]\s+)?)?")
_TITLE = re.compile(r"^(.*?)\s*(?:\((.*)\)|,\s+(.*)|\s+[-–—]\s+(.*))\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
# Words that head a list of contacts or label a value: never a person's name.
_NOT_NAMES = {"contact", "contacts", "people", "recruiter", "recruiters", "email", "e-mail"}
_NOT_NAMES |= {"mail", "phone", "tel", "telephone", "mobile", "cell", "work", "office"}
# Words of a label or a heading (`Recruiter Details`, `Contact info`, `Hiring manager`).
_LABEL_WORDS = {"details", "info", "information", "contact", "contacts", "people", "hiring"}
_LABEL_WORDS |= {"manager", "recruiter", "recruiters", "team", "interviewers", "references"}
_LABEL_WORDS |= {"email", "e-mail", "phone", "tel", "telephone", "mobile"}
_HEADING = re.compile(r"^\s*#{1,6}\s")
_EMPTY_BRACKETS = re.compile(r"<\s*>|\(\s*\)|\[\s*\]")
_MAX_NAME_WORDS = 6


class ContactError(Exception):
    """A contact adopt cannot read; `line` is the file's line, the message says why."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line


@dataclass(frozen=True, slots=True)
class Found:
    """A contact and the line it was found on (for messages)."""

    contact: Contact
    line: int


def from_key(name: str, value: yn.Node) -> list[Found]:
    """The contacts a `recruiter:` or `contact:` key names: a name (an Obsidian link is
    unwrapped), `Name <email>`, `Name (email)`, `Name, Title`, a bare email or phone, a
    mapping of contact keys, or a list of any of these."""
    items = value.value if isinstance(value, yn.SequenceNode) else [value]
    recruiter = normal_key(name) in ("recruiter", "recruiters")
    found = []
    for item in items:
        line = yn.line_of(item, 1)
        if isinstance(item, yn.ScalarNode):
            contact = person(yn.scalar_text(item) or "")
            if contact is None:
                continue
        elif isinstance(item, yn.MappingNode):
            contact = _mapping_contact(name, item, line)
        else:
            raise ContactError(line, f"{name}: expected a name")
        if recruiter and contact.role is None:
            contact = replace(contact, role="recruiter")
        found.append(Found(contact, line))
    return found


def person(text: str) -> Contact | None:
    """A contact as people write one on a line: `Sarah Müller <sarah@cloudops.example>`,
    `Dana Smith (dana@acme.example)`, `Dana Smith, HR Generalist`, `[[Dana Smith]]`, or only
    an address or a number, which then stands for the name. None where it names no one."""
    email, phone, rest = _take_values(_clean(text) if "[[" in text else text)
    rest = _EMPTY_BRACKETS.sub(" ", rest).strip(" :|;,.-–—*_")
    name, title = _name_and_title(rest) if rest else ("", None)
    if not _is_name(name):
        name, title = "", None
    name = name or email or phone or ""
    if not name:
        return None
    return Contact(name, title=title, email=email, phone=phone)


def _mapping_contact(name: str, node: yn.MappingNode, line: int) -> Contact:
    fields: dict[str, str] = {}
    for key, value in node.value:
        field = (yn.scalar_text(key) or "").strip().lower()
        text = yn.scalar_text(value) if isinstance(value, yn.ScalarNode) else None
        if field not in FIELDS or field == "primary" or text is None:
            raise ContactError(line, f"{name}.{field}: adopt keeps only {', '.join(FIELDS[:-1])}")
        fields[field] = _clean(text) if field == "name" else text.strip()
    if not fields.get("name"):
        raise ContactError(line, f"{name}: 'name' is required")
    return Contact(**fields)  # type: ignore[arg-type]


def from_body(body: str, first_line: int) -> list[Found]:
    """The contacts of the 📧/📞 lines of `body`, whose first line is the file's line
    `first_line`. A contact with no name found has the name ''."""
    found: list[Found] = []
    current: int | None = None  # index in `found` of the contact the next lines add to
    before: str | None = None  # the line before, while it could name the next contact
    fenced = False
    for index, line in enumerate(body.splitlines()):
        number = first_line + index
        if _FENCE.match(line):
            fenced, current, before = not fenced, None, None
            continue
        if fenced or not any(mark in line for mark in EMAIL_MARKS + PHONE_MARKS):
            current, before = None, (line if line.strip() else None)
            continue
        email, phone, rest = _take_values(line)
        if email is None and phone is None:  # `- [ ] 📞 call Dana back`: a task, not a contact
            current, before = None, line
            continue
        name, title = _name_and_title(rest) if rest else ("", None)
        if _is_name(name):
            found.append(Found(Contact(name, title=title), number))
            current = len(found) - 1
        elif current is None:
            name, title = _name_and_title(_clean(before)) if _names(before) else ("", None)
            found.append(Found(Contact(name, title=title), number))
            current = len(found) - 1
        before = None
        contact = found[current].contact
        for field, text in (("email", email), ("phone", phone)):
            if text is None:
                continue
            if getattr(contact, field) not in (None, text):
                raise ContactError(number, f"a second {field} for {_who(contact)}: {_hint()}")
            contact = replace(contact, **{field: text})
        found[current] = Found(contact, found[current].line)
    return found


def merge(keyed: list[Found], written: list[Found]) -> list[Contact]:
    """One list of contacts: those of the keys first, then those of the body; the same
    name (ignoring case and spacing) is one contact. A body contact with no name is the one
    contact the keys name, else it stands under its address (or number)."""
    merged: list[Found] = []
    for item in keyed + written:
        contact = item.contact
        if not contact.name:
            if len(keyed) == 1:
                contact = replace(contact, name=keyed[0].contact.name)
            else:
                contact = replace(contact, name=contact.email or contact.phone or "")
        same = [i for i, m in enumerate(merged) if _key(m.contact.name) == _key(contact.name)]
        if not same:
            merged.append(Found(contact, item.line))
            continue
        merged[same[0]] = Found(_combine(merged[same[0]].contact, contact, item.line), item.line)
    return [item.contact for item in merged]


def _combine(first: Contact, second: Contact, line: int) -> Contact:
    values = {}
    for field in ("title", "role", "phone", "email", "notes"):
        old, new = getattr(first, field), getattr(second, field)
        if old is not None and new is not None and old != new:
            raise ContactError(
                line, f"two {field}s for {_who(first)}: {quoted(old)}, {quoted(new)}"
            )
        values[field] = old if old is not None else new
    return replace(first, **values)


def _take_values(line: str) -> tuple[str | None, str | None, str]:
    """The email address, the phone number and the text left (the name, if any)."""
    text = _LINK.sub(lambda match: match[1], line)
    email_match = _EMAIL.search(text)
    email = email_match[0].removeprefix("mailto:") if email_match else None
    if email_match:
        text = text[: email_match.start()] + " " + text[email_match.end() :]
    phone_match = next((m for m in _PHONE.finditer(text) if not _DAY.fullmatch(m[0])), None)
    phone = phone_match[0].removeprefix("tel:").strip() if phone_match else None
    if phone_match:
        text = text[: phone_match.start()] + " " + text[phone_match.end() :]
    for mark in EMAIL_MARKS + PHONE_MARKS:
        text = text.replace(mark, " ")
    return email, phone, _clean(text)


def _clean(text: str | None) -> str:
    """Text without Markdown's list marks, headings, emphasis, links and separators."""
    text = _WIKILINK.sub(lambda match: match[1], text or "")
    text = _LINK.sub(lambda match: match[1], text)
    text = _LEAD.sub("", text).replace("**", "").replace("__", "")
    return " ".join(text.split()).strip(" :|;,.-–—*_")


def _names(line: str | None) -> bool:
    """Whether the line before a run of 📧/📞 lines names its contact: a heading or a label
    (`## Recruiter Details`, `Contact:`) never does."""
    if line is None or line.rstrip().endswith((".", ":", "?", "!")) or _HEADING.match(line):
        return False
    return _is_name(_clean(line))


def _is_name(text: str) -> bool:
    words = text.split()
    if not words or len(words) > _MAX_NAME_WORDS or text.casefold() in _NOT_NAMES:
        return False
    if any(word.casefold().strip(":") in _LABEL_WORDS for word in words):
        return False
    return any(char.isalpha() for char in text) and "@" not in text


def _name_and_title(text: str) -> tuple[str, str | None]:
    """`Dana Smith (HR Generalist)`, `Dana Smith, HR`, `Dana Smith - HR` → name, title."""
    match = _TITLE.match(text)
    if not match:
        return text, None
    title = next((group for group in match.groups()[1:] if group), None)
    return (match[1], title.strip()) if match[1] and title else (text, None)


def _who(contact: Contact) -> str:
    return quoted(contact.name) if contact.name else "one contact"


def _hint() -> str:
    return "write each contact's name on its 📧/📞 line or on the line before"


def _key(name: str) -> str:
    return " ".join(name.casefold().split())
