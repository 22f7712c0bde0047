"""`python -m jobsite` runs the command line."""

from jobsite.cli import main

main()
