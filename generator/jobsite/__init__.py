"""jobsite: a follow-up plan and a private website from a folder of Markdown job notes."""

__version__ = "0.1.0"
