"""The site stage: the template context, the pages, the calendar, and the MkDocs plugin.

Nothing here decides a rule: it formats what `jobsite.rules` planned.
"""

# The logger of everything the plugin says; MkDocs prints its warnings, `--strict` counts them.
PLUGIN_LOGGER = "mkdocs.plugins.jobsite"
