"""The site stage: the template context, the pages, the calendar, and the MkDocs plugin.

Nothing here decides a rule: it formats what `jobsite.rules` planned.
"""
