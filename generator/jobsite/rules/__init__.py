"""The rules stage: the business-day calendar and guide/rules.md's follow-ups, as pure functions.

`followups` is the one place that knows when each action is due; `history` replays it on
the past for the weekly review; `planning` plans a whole journal on one day. Nothing here
reads the disk or the clock: `jobsite.agenda` runs it on a journal root.
"""
