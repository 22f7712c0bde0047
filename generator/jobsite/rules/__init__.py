"""The rules stage: the business-day calendar and guide/rules.md's follow-ups, as pure functions.

`followups` is the one place that knows when each action is due; `agenda` runs the pipeline
settings → journal → calendar → follow-ups for a root and a day.
"""
