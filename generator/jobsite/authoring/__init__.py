"""Commands that write to the user's files: `init`, `new`, `log`, and what they share.

Every write is atomic and keeps each byte it did not mean to change.
"""
