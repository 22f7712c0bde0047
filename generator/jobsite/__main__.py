"""`python -m jobsite` runs the command line."""

from .cli import main

main()
