"""The people behind the opportunities (guide/people.md): one person across every file.

Contacts of different files are one person where their email or their phone matches, or
their name and their company do; a name alone, at two companies, is two people. Each person
carries what the pages and `jobsite who` show of them: where they worked and as what, every
event with them, what is owed to them, and who introduced whom.

`values` holds the values (`Person` and its parts, and how names, emails and phones are
matched); `network` works them out from the plans of one day (`find_people`), pure as the
rules are; `lookup` finds the person `jobsite who NAME` means.
"""

from jobsite.people.lookup import Found, look_up
from jobsite.people.network import Groups, People, chain, find_people, group_contacts
from jobsite.people.values import Appearance, Encounter, Person, Referral, Stint, name_key

__all__ = [
    "Appearance",
    "Encounter",
    "Found",
    "Groups",
    "People",
    "Person",
    "Referral",
    "Stint",
    "chain",
    "find_people",
    "group_contacts",
    "look_up",
    "name_key",
]
