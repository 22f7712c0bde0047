"""The journal stage: mkdocs.yml's settings, and the journal folder read into opportunities.

`settings` reads the plugin's options, `parse` turns one file into an `Opportunity` with every
problem located as `path:line`, `load` walks the folder through the parse `cache`.
"""
