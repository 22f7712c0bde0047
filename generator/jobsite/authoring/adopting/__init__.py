"""`jobsite adopt`: notes kept for another tracker (Obsidian, Dataview) in jobsite's form.

`contacts` finds the people a note names, `plan` works out the text edits that make its
front matter jobsite's, and `notes` applies them, checks the result and writes it.
"""
