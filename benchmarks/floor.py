"""The floor of the benchmark: read every journal file and parse its front matter, nothing more.

    python benchmarks/floor.py ROOT

Walks ROOT/journal for `*.md` files, splits each on its `---` lines and parses the YAML
between them with `yaml.load(..., Loader=yaml.CSafeLoader)`. No validation, no rules, no
output but a count: the least that any tool reading these files as YAML has to do.
"""

import os
import sys

import yaml


def main() -> None:
    """Parse the front matter of every file under ROOT/journal; print how many parsed."""
    journal = os.path.join(sys.argv[1], "journal")
    parsed = 0
    for directory, _, names in os.walk(journal):
        for name in names:
            if not name.endswith(".md"):
                continue
            with open(os.path.join(directory, name), encoding="utf-8") as file:
                text = file.read()
            parts = text.split("\n---\n", 1)
            front = parts[0].removeprefix("---\n")
            if yaml.load(front, Loader=yaml.CSafeLoader) is not None:
                parsed += 1
    print(parsed)


if __name__ == "__main__":
    main()
